/**
 * Money and dates as each language writes them. English: "¥200.1B", "¥48.1M" (compact,
 * en-US), dates "4 December 2026". Japanese: yen in 円 with the units a Japanese report
 * uses — 万 (10⁴), 億 (10⁸), 兆 (10¹²): "2,001億円", "4.9兆円", "4,810万円", "980円" —
 * and dates "2026年12月4日". Browser-safe (Intl only).
 *
 * @example
 *   formatYen(200.1e9, 'ja'); // "2,001億円"
 */
export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

const compactEn = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const fullEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fullJa = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Japanese units, largest first. */
const UNITS_JA: [number, string][] = [
  [1e12, '兆'],
  [1e8, '億'],
  [1e4, '万'],
];

/** A yen amount, compact: "¥1.2M" / "120万円"; "—" when not finite. */
export function formatYen(value: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(value)) return '—';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (lang === 'en') {
    if (abs > 0 && abs < 1) return `${sign}¥${abs.toPrecision(2)}`;
    return `${sign}¥${compactEn.format(abs)}`;
  }
  if (abs > 0 && abs < 1) return `${sign}${abs.toPrecision(2)}円`;
  for (const [size, unit] of UNITS_JA) {
    if (abs < size) continue;
    const n = abs / size;
    // three significant figures at most: 4.9兆円, 48.1億円, 2,001億円
    return `${sign}${n >= 100 ? fullJa.format(n) : oneDecimal.format(n).replace(/\.0$/, '')}${unit}円`;
  }
  return `${sign}${fullJa.format(abs)}円`;
}

/** A yen amount in full: "¥1,234,568" / "1,234,568円". */
export function formatYenFull(value: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(value)) return '—';
  if (value !== 0 && Math.abs(value) < 1)
    return lang === 'ja' ? `${value.toPrecision(2)}円` : `¥${value.toPrecision(2)}`;
  return lang === 'ja' ? `${fullJa.format(value)}円` : `¥${fullEn.format(value)}`;
}

const DATE: Record<Lang, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ja: new Intl.DateTimeFormat('ja-JP', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A date: "4 December 2026" / "2026年12月4日" (UTC). */
export function formatDate(date: Date, lang: Lang = 'en'): string {
  return DATE[lang].format(date);
}

/** The language of a POSIX locale (`LANG=ja_JP.UTF-8` → ja); English otherwise. */
export function langOfLocale(...locales: (string | undefined)[]): Lang {
  const first = locales.find((l) => l !== undefined && l !== '' && l !== 'C' && l !== 'POSIX');
  return first?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
