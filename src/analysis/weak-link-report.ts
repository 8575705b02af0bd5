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
  /** The focal companies its hit stops, earliest first (ties by id), with the day each stops. */
  focalStops: { id: string; day: number }[];
  /** One line: own score and what depends on it. */
  reason: string;
}

/** Focal companies a reason names; more are counted. */
const FOCAL_NAMED = 3;

/** The `limit` companies of highest risk contribution, with a one-line reason each. */
export function weakLinkReports(a: Analysis, limit = 25): WeakLinkReport[] {
  const { index } = a;
  return rankWeakLinks(index, a.risk, limit).map((x, r) => {
    const radius = members(a.failures.blastRadius, x);
    const from = a.failures.blastRadius.start[x]!;
    const focalHit: { id: string; day: number }[] = [];
    radius.forEach((v, k) => {
      if (a.tier[v] === 0) focalHit.push({ id: index.ids[v]!, day: a.failures.stopDays[from + k]! });
    });
    // The earliest-stopping focal companies by name (ids), the rest counted: a line stays a line.
    focalHit.sort((p, q) => p.day - q.day || byString(p.id, q.id));
    const named = focalHit.slice(0, FOCAL_NAMED).map((f) => `${f.id} on day ${f.day}`);
    const more = focalHit.length - named.length;
    const score = a.unassessed[x] === 1 ? 'unassessed (scored 0)' : `own score ${a.own[x]}`;
    const depends =
      radius.length === 0
        ? 'no company stops if it alone is hit'
        : `${radius.length} compan${radius.length === 1 ? 'y stops' : 'ies stop'} if it is hit` +
          (named.length > 0
            ? `, including focal ${named.join(', ')}${more > 0 ? ` and ${more} more focal compan${more === 1 ? 'y' : 'ies'}` : ''}`
            : '');
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
      focalStops: focalHit,
      reason: `${score}; ${depends}`,
    };
  });
}
