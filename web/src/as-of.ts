/**
 * The analysis date of the page ("as of", 基準日): today unless the reader picks another
 * day. It is kept in the address as `?asOf=YYYY-MM-DD` (so a link shows the same
 * analysis), sent as `asOf` on every request that reads the analysis (api-client.ts), and
 * named in the status line when it is not today. Today is the UTC day, as the server's
 * default. Pure functions over strings; main.ts wires them to the store and the address.
 *
 * @example
 *   asOfFromSearch('?asOf=2031-03-01'); // '2031-03-01'
 *   searchWithAsOf('?webgl=1', '2031-03-01'); // '?webgl=1&asOf=2031-03-01'
 *   daysBetween('2027-03-01', '2027-04-30'); // 60
 */

/** The choices of the lapsing window (days after the analysis date). */
export const LAPSING_WINDOWS = [30, 90, 180, 365] as const;
/** The window shown first (the server's default). */
export const DEFAULT_LAPSING_DAYS = 90;

/** Today in UTC (YYYY-MM-DD), the server's default date. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `text` is YYYY-MM-DD and a real calendar day. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The `asOf` of a query string when it is a real day, else null (today). */
export function asOfFromSearch(search: string): string | null {
  const value = new URLSearchParams(search).get('asOf');
  return value !== null && isIsoDate(value) ? value : null;
}

/** The query string `search` with `asOf` set to `date`, or without it for null (today). */
export function searchWithAsOf(search: string, date: string | null): string {
  const params = new URLSearchParams(search);
  if (date === null) params.delete('asOf');
  else params.set('asOf', date);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date the analysis is as of: the chosen one, or today. */
export function effectiveAsOf(chosen: string | null, now: Date = new Date()): string {
  return chosen ?? todayUtc(now);
}
