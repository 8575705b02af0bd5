/**
 * Renders an analysis as the readable report of `weaklink analyze` — plain text tables
 * for a terminal (`table`) or Markdown (`md`). The report leads with what a risk
 * analyst acts on: the weak links with their one-line reason, then the direct single
 * sources, the hidden critical suppliers, the level gaps, and concentration.
 */
import stringWidth from 'string-width';
import { analysisHead, type Analysis } from '../analysis/analyze.ts';
import { NetworkView } from '../app/network-view.ts';
import { SECTIONS, type Column, type ReportSection } from '../app/sections.ts';
import { yen } from './money.ts';
import { formatYen, formatYenFull, translator, type Lang } from '../i18n/i18n.ts';
import { ja } from '../i18n/locales/ja.ts';
import type { SectionTexts } from '../i18n/locales/en.ts';
import { UNSAFE_CHARACTER } from '../io/identifier.ts';

export type TextFormat = 'table' | 'md';

type Cell = string | number;

/**
 * A cell as a terminal shows it safely: line breaks and tabs as spaces, and every other
 * control, bidi or zero-width character as a visible escape (`\x1b`, `\u202e`), so no
 * text from the data can move the cursor, recolour the terminal or reorder a line.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(TERMINAL_UNSAFE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const TERMINAL_UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'gu');

/** Lays out rows under a header, as aligned text or as a Markdown table (every cell terminal-safe). */
export function renderTable(header: string[], rows: Cell[][], format: TextFormat): string {
  const text = rows.map((r) => r.map((c) => terminalSafe(String(c))));
  if (format === 'md') {
    const esc = (s: string): string => s.replace(/\|/g, '\\|');
    return [
      `| ${header.map(esc).join(' | ')} |`,
      `|${header.map(() => ' --- ').join('|')}|`,
      ...text.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ].join('\n');
  }
  // Widths in terminal columns: a full-width character (漢字, ｶﾅ is half) takes two (string-width).
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...text.map((r) => stringWidth(r[i]!))));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c + ' '.repeat(widths[i]! - stringWidth(c)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

export interface ReportSections {
  /** Rows shown per list (default all; the JSON output has them all). */
  limit?: number;
  /** The report's language (default English). */
  lang?: Lang;
}

/** A cell of a report section's column as text: yen with ¥ (円 in Japanese), shares as %, a missing score as —. */
export function cellText<T>(column: Column<T>, item: T, lang: Lang = 'en'): string {
  if (column.text) return column.text(item, lang);
  const v = column.value(item);
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (column.kind === 'yen') return lang === 'en' ? yen(v) : formatYenFull(v, lang);
  if (column.kind === 'share') return pct(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** A heading, underlined to its width in terminal columns (or a Markdown heading). */
function heading(title: string, format: TextFormat, level = '##'): string {
  return format === 'md' ? `${level} ${title}` : `${title}\n${'='.repeat(stringWidth(title))}`;
}

/** A section's heading, noun and column headers in `lang` (the registry's own in English). */
function sectionTexts<T>(section: ReportSection<T>, lang: Lang, total: number, shown: number): SectionTexts {
  if (lang === 'en')
    return {
      heading: section.heading(total, shown),
      noun: section.noun,
      columns: section.columns.map((c) => c.header),
    };
  const texts = ja.sections[section.key]!;
  const t = translator(lang);
  return { ...texts, heading: t(`sections.${section.key}.heading`, { count: total, shown }) };
}

/** One report section (src/app/sections.ts) as a heading, a table of its first `limit` rows, and "… and N more". */
function sectionText<T>(
  section: ReportSection<T>,
  view: NetworkView,
  format: TextFormat,
  limit: number,
  lang: Lang,
): string[] {
  const all = section.items(view);
  if (all.length === 0 && section.omitWhenEmpty) return [];
  const items = section.shown ? all.filter((x) => section.shown!(x)) : all;
  const rows = items.slice(0, limit);
  const texts = sectionTexts(section, lang, items.length, rows.length);
  const out = [
    '',
    heading(texts.heading, format),
    renderTable(
      texts.columns,
      rows.map((item) => section.columns.map((c) => cellText(c, item, lang))),
      format,
    ),
  ];
  // A blank line first, so Markdown does not read the note as another table row.
  if (items.length > limit && !section.topList)
    out.push('', translator(lang)('report.more', { count: items.length - limit, noun: texts.noun }));
  return out;
}

/** The report of `weaklink analyze` in `table` or `md` format. */
export function formatReport(
  analysis: Analysis,
  warnings: string[],
  format: TextFormat,
  { limit = Number.POSITIVE_INFINITY, lang = 'en' }: ReportSections = {},
): string {
  const t = translator(lang);
  const r = analysisHead(analysis);
  const view = new NetworkView('cli', analysis);
  const out: string[] = [];
  const s = r.summary;
  out.push(format === 'md' ? `# ${t('report.title')}` : t('report.title'));
  out.push(
    t('report.head', {
      companies: t('report.network', { count: s.companies }),
      supplies: s.supplies,
      tiers: s.maxTier + 1,
      focal: s.focal.join(', ') || t('report.none'),
      unassessed: s.unassessed,
      theta: r.theta,
      hit: r.assumptions.hitLikelihood,
    }),
  );
  const durations = r.assumptions.durations
    .map((d) => t('report.days', { days: d.days, share: pct(d.probability) }))
    .join(', ');
  out.push(
    t('report.loss', {
      loss: lang === 'en' ? yen(r.expectedAnnualLoss) : formatYen(r.expectedAnnualLoss, lang),
      ratio: r.assumptions.lossRatio === 1 ? '' : ` × ${r.assumptions.lossRatio}`,
      durations,
    }),
  );
  for (const section of SECTIONS) out.push(...sectionText(section, view, format, limit, lang));
  const { tiers, criticalSupplierCountries } = view.concentrationByCountry();
  out.push('');
  out.push(
    renderTable(
      [
        t('report.tiers.tier'),
        t('report.tiers.companies'),
        t('report.tiers.byCount'),
        t('report.tiers.hhi'),
        t('report.tiers.bySpend'),
        t('report.tiers.hhi'),
      ],
      tiers.map((tier) => [
        tier.tier,
        tier.companies,
        tier.byCount
          .slice(0, 4)
          .map((c) => `${c.country} ${pct(c.share)}`)
          .join(', '),
        Math.round(tier.countHhi),
        tier.bySpend
          .slice(0, 4)
          .map((c) => `${c.country} ${pct(c.share)}`)
          .join(', '),
        Math.round(tier.spendHhi),
      ]),
      format,
    ),
  );
  for (const f of criticalSupplierCountries) {
    out.push(
      t('report.criticalByCountry', {
        focal: f.focal,
        countries: f.countries.map((c) => `${c.country} ${c.amount}`).join(', ') || t('report.none'),
      }),
    );
  }
  if (warnings.length > 0) out.push('', heading(t('report.warnings', { count: warnings.length }), format), ...warnings);
  return out.join('\n') + '\n';
}
