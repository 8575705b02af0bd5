/**
 * Who to ask for an SCS assessment first: the suppliers without one (no SCS level and no
 * security score, so each counts as score 0 — the worst case), ranked by the risk they
 * carry (their risk contribution, yen per year), with what their hit stops and which
 * focal companies stop with it. A ★3 self-assessment confirmed by an expert is the first
 * step of the METI scheme; these are the suppliers where it changes the most.
 *
 * Only suppliers in some focal company's supply chain are listed (a tier of 1 or more):
 * the focal companies themselves are the buyers asking, and a company outside every
 * chain has no buyer to ask it.
 *
 * @example
 *   unassessedReports(runAnalysis(index))[0]; // { id: 'ota-springs', riskContribution: 2.3e10, … }
 */
import { byString } from '../model/order.ts';
import type { Analysis } from './analyze.ts';
import { members } from './blast-radius.ts';

export interface UnassessedReport {
  rank: number;
  id: string;
  name: string;
  /** Tier below the nearest focal company (1 = direct supplier). */
  tier: number;
  /** Yen per year, at score 0. */
  riskContribution: number;
  /** Companies its hit stops. */
  blastRadiusSize: number;
  /** The focal companies its hit stops, by id. */
  focalStopped: string[];
}

/** The unassessed suppliers, highest risk contribution first, then by id. */
export function unassessedReports(a: Analysis): UnassessedReport[] {
  const { index } = a;
  const found: number[] = [];
  for (let x = 0; x < index.n; x++) if (a.unassessed[x] === 1 && a.tier[x]! > 0) found.push(x);
  found.sort((p, q) => a.risk[q]! - a.risk[p]! || byString(index.ids[p]!, index.ids[q]!));
  return found.map((x, r) => {
    const radius = members(a.failures.blastRadius, x);
    return {
      rank: r + 1,
      id: index.ids[x]!,
      name: index.network.companies[x]!.name,
      tier: a.tier[x]!,
      riskContribution: a.risk[x]!,
      blastRadiusSize: radius.length,
      focalStopped: Array.from(radius)
        .filter((v) => index.focal[v] === 1)
        .map((v) => index.ids[v]!)
        .sort(byString),
    };
  });
}
