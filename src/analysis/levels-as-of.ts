/**
 * Each company's scs_level as of a date (DESIGN, "assessments.csv"): the highest level
 * of its assessments valid on that date, or, when it has no assessment row at all, the
 * scs_level of companies.csv. An assessment is valid from `assessedOn` to `validUntil`,
 * both inclusive; an empty `validUntil` is `assessedOn` + the level's validity in years
 * (`validity`, an assumption: see options.ts). A company whose every assessment has
 * lapsed (or not yet begun) has no level: a lapse counts for nothing.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD), so they compare as strings.
 *
 * @example
 *   levelsAsOf(index, '2027-05-01', DEFAULTS.validity)[index.indexOf.get('ota')!]; // 0..5, or -1: none
 */
import type { Assessment, Company } from '../model/types.ts';

/** What levelsAsOf needs of a network: its companies (or their levels) and its assessments. */
export interface AssessedNetwork {
  network: { companies: readonly Pick<Company, 'id' | 'scsLevel'>[]; assessments?: readonly Assessment[] };
  indexOf: ReadonlyMap<string, number>;
}

/** Today's date in UTC as YYYY-MM-DD: the default as-of date. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * `date` + `years` calendar years (29 February → 28 February in a common year).
 * Example: `addYears('2028-02-29', 1)` → `'2029-02-28'`.
 */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  let day = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) day = last;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day `assessment` counts: its `validUntil`, or `assessedOn` + the level's validity. */
export function validUntil(assessment: Assessment, validity: readonly number[]): string {
  return assessment.validUntil ?? addYears(assessment.assessedOn, validity[assessment.level] ?? 0);
}

/** Whether `assessment` counts on `asOf`. */
export function isValidOn(assessment: Assessment, asOf: string, validity: readonly number[]): boolean {
  return assessment.assessedOn <= asOf && asOf <= validUntil(assessment, validity);
}

/**
 * The level of every company (in index order) as of `asOf`; -1 for none. `skip`, when
 * given, is an assessment (by its position in `network.assessments`) to leave out, as if
 * it had lapsed — the lapsing list uses it.
 */
export function levelsAsOf(index: AssessedNetwork, asOf: string, validity: readonly number[], skip = -1): Int8Array {
  const { companies, assessments = [] } = index.network;
  const level = new Int8Array(companies.length);
  companies.forEach((c, i) => (level[i] = c.scsLevel ?? -1));
  const assessed = new Uint8Array(companies.length);
  assessments.forEach((a, k) => {
    const i = index.indexOf.get(a.company);
    if (i === undefined) return;
    if (assessed[i] === 0) {
      assessed[i] = 1;
      level[i] = -1;
    }
    if (k !== skip && isValidOn(a, asOf, validity) && a.level > level[i]!) level[i] = a.level;
  });
  return level;
}
