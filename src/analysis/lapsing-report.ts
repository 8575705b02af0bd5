/**
 * The assessments that lapse soon (issue 15): those valid on the as-of date whose last
 * day falls within `lapsingDays` days of it, ranked by how much their lapse raises the
 * expected annual loss. The increase is exact: a company's hit stops the same companies
 * whatever its score (the cascade depends on shares, not scores), so only its own term
 * p(own) × EL of the expected annual loss changes — from its level now to its level with
 * that one assessment gone (another valid assessment may still hold a level; none left
 * makes it unassessed, score 0). A company with a security_score keeps it, so its lapse
 * costs nothing. Each row names the focal companies the company's hit stops, with the day.
 *
 * @example
 *   lapsingReports(runAnalysis(index, { asOf: '2027-03-01' }))[0];
 *   // { company: 'ota-springs', level: 3, validUntil: '2027-04-30', aalIncrease: 2.1e9, focalStops: [...] }
 */
import { byString } from '../model/order.ts';
import type { Analysis } from './analyze.ts';
import { members } from './blast-radius.ts';
import { isValidOn, validUntil } from './levels-as-of.ts';
import { hitLikelihood } from './risk.ts';

export interface LapsingReport {
  rank: number;
  /** Company id. */
  id: string;
  name: string;
  /** The level of the lapsing assessment. */
  level: number;
  /** Its last valid day (YYYY-MM-DD). */
  validUntil: string;
  /** The company's level once it has lapsed; 0 with `unassessedAfter` when none is left. */
  levelAfter: number;
  unassessedAfter: boolean;
  /** Yen per year the expected annual loss rises by when it lapses. */
  aalIncrease: number;
  /** The focal companies the company's hit stops, and the first day each stops. */
  focalStops: { id: string; day: number }[];
}

/** `date` + `days` calendar days (YYYY-MM-DD). Example: `addDays('2026-12-05', 90)` → `'2027-03-05'`. */
export function addDays(date: string, days: number): string {
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The assessments lapsing within `days` (default `a.options.lapsingDays`) of the as-of
 * date, largest AAL increase first.
 */
export function lapsingReports(a: Analysis, days = a.options.lapsingDays): LapsingReport[] {
  const { index, options } = a;
  if (!(Number.isInteger(days) && days >= 0))
    throw new RangeError(`lapsingReports: days must be a whole number ≥ 0, got ${days}`);
  const assessments = index.network.assessments ?? [];
  const asOf = options.asOf!;
  const until = addDays(asOf, days);
  const byCompany = new Map<number, number[]>();
  assessments.forEach((x, k) => {
    const i = index.indexOf.get(x.company);
    if (i === undefined) return;
    const list = byCompany.get(i);
    if (list === undefined) byCompany.set(i, [k]);
    else list.push(k);
  });
  const rows: Omit<LapsingReport, 'rank'>[] = [];
  assessments.forEach((x, k) => {
    const i = index.indexOf.get(x.company);
    if (i === undefined || !isValidOn(x, asOf, options.validity)) return;
    const last = validUntil(x, options.validity);
    if (last > until) return;
    let after = -1;
    for (const other of byCompany.get(i) ?? []) {
      const y = assessments[other]!;
      if (other !== k && isValidOn(y, asOf, options.validity) && y.level > after) after = y.level;
    }
    const given = index.securityScore[i]!;
    const scoreAfter = !Number.isNaN(given) ? given : after >= 0 ? options.levelScores[after]! : 0;
    const increase = (hitLikelihood(scoreAfter, options) - a.hitLikelihood[i]!) * a.eventLoss.expected[i]!;
    rows.push({
      id: x.company,
      name: index.network.companies[i]!.name,
      level: x.level,
      validUntil: last,
      levelAfter: Math.max(after, 0),
      unassessedAfter: after < 0 && Number.isNaN(given),
      aalIncrease: Math.max(0, increase),
      focalStops: focalStops(a, i),
    });
  });
  rows.sort(
    (p, q) =>
      q.aalIncrease - p.aalIncrease ||
      byString(p.validUntil, q.validUntil) ||
      byString(p.id, q.id) ||
      q.level - p.level,
  );
  return rows.map((row, r) => ({ rank: r + 1, ...row }));
}

/** The focal companies company `i`'s hit stops, earliest day first, then by id. */
function focalStops(a: Analysis, i: number): { id: string; day: number }[] {
  const { blastRadius, stopDays } = a.failures;
  const radius = members(blastRadius, i);
  const from = blastRadius.start[i]!;
  const stops: { id: string; day: number }[] = [];
  for (let k = 0; k < radius.length; k++) {
    const v = radius[k]!;
    if (a.index.focal[v] === 1) stops.push({ id: a.index.ids[v]!, day: stopDays[from + k]! });
  }
  return stops.sort((p, q) => p.day - q.day || byString(p.id, q.id));
}
