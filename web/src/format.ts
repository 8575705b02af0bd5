/**
 * The number formats of the page (money is formatYen in replay.ts).
 *
 * @example
 *   formatNumber(1234.5); // "1,235"
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234.5 → "1,235". */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** 0.4567 → "46%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** ★ level ("★0" for level 0), or "—" when there is none. */
export function formatLevel(level: number | null): string {
  if (level === null) return '—';
  return `★${level}`;
}
