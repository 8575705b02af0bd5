/**
 * Money as the CLI prints it: yen with thousands separators (`¥1,234,567`), two
 * decimals below ¥100 (the test networks use small revenues), always with the unit.
 * The period ("per year", "per day of outage", "over a 10-day outage") is the caller's
 * words beside it.
 *
 * @example
 *   `${yen(aal)} per year` // "¥243,319,234,112 per year"
 */

/** `¥1,234,567`; `¥12.34` below ¥100; `¥—` for a figure that is not a number. */
export function yen(x: number): string {
  if (!Number.isFinite(x)) return '¥—';
  const sign = x < 0 ? '−' : '';
  const a = Math.abs(x);
  return `${sign}¥${a >= 100 ? Math.round(a).toLocaleString('en-US') : a.toFixed(2)}`;
}
