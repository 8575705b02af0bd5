/**
 * The weak links as a report: the companies of highest risk contribution (yen per
 * year), each with its hit likelihood, expected loss per hit and a one-line reason —
 * its own score and what stops when it is hit, with the day each focal company stops.
 */
import { byString } from '../model/order.ts';
import type { Analysis } from './analyze.ts';
import { members } from './blast-radius.ts';
import { rankWeakLinks } from './risk.ts';

export interface WeakLinkReport {
  rank: number;
  id: string;
  name: string;
  ownScore: number;
  unassessed: boolean;
  /** Annual probability of a disruptive hit. */
  hitLikelihood: number;
  /** Expected loss of one hit, yen per event. */
  expectedEventLoss: number;
  /** Yen per year. */
  riskContribution: number;
  blastRadiusSize: number;
  /** One line: own score and what depends on it. */
  reason: string;
}

/** The `limit` companies of highest risk contribution, with a one-line reason each. */
export function weakLinkReports(a: Analysis, limit = 25): WeakLinkReport[] {
  const { index } = a;
  return rankWeakLinks(index, a.risk, limit).map((x, r) => {
    const radius = members(a.failures.blastRadius, x);
    const from = a.failures.blastRadius.start[x]!;
    const focalHit: string[] = [];
    radius.forEach((v, k) => {
      if (a.tier[v] === 0) focalHit.push(`${index.ids[v]!} on day ${a.failures.stopDays[from + k]!}`);
    });
    const score = a.unassessed[x] === 1 ? 'unassessed (scored 0)' : `own score ${a.own[x]}`;
    const depends =
      radius.length === 0
        ? 'no company stops if it alone is hit'
        : `${radius.length} compan${radius.length === 1 ? 'y stops' : 'ies stop'} if it is hit` +
          (focalHit.length > 0 ? `, including focal ${focalHit.sort(byString).join(', ')}` : '');
    return {
      rank: r + 1,
      id: index.ids[x]!,
      name: index.network.companies[x]!.name,
      ownScore: a.own[x]!,
      unassessed: a.unassessed[x] === 1,
      hitLikelihood: a.hitLikelihood[x]!,
      expectedEventLoss: a.eventLoss.expected[x]!,
      riskContribution: a.risk[x]!,
      blastRadiusSize: radius.length,
      reason: `${score}; ${depends}`,
    };
  });
}
