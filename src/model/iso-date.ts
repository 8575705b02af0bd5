/**
 * ISO calendar dates (YYYY-MM-DD), the form of every date of a network: assessments'
 * `assessed_on` / `valid_until` and the analysis' as-of date. Such dates compare as strings.
 *
 * @example
 *   isIsoDate('2028-02-29'); // true
 *   isIsoDate('2027-02-29'); // false: not a real day
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is an ISO calendar date that exists (2027-02-29 does not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
