/**
 * The level gaps as a report: the suppliers whose required level is above their own,
 * widest gap first, then by risk, then by id, each with the buyers that ask ★4 and why.
 */
import { byString } from '../model/order.ts';
import type { Analysis } from './analyze.ts';
import type { LevelReason } from './required-level.ts';

export interface LevelGapReport {
  id: string;
  name: string;
  ownLevel: number;
  requiredLevel: number;
  unassessed: boolean;
  /** Buyers that ask ★4 and why: data, halt (critical, short buffer), access (network/software). */
  askedBy: { buyer: string; buyerName: string; commodity: string; reasons: LevelReason[] }[];
}

/** Suppliers whose required level is above their own level one at a time: widest gap first, then by risk, then by id. */
export function* levelGapItems(a: Analysis): Generator<LevelGapReport> {
  const { index } = a;
  const rank = index.idRank;
  const gaps: number[] = [];
  for (let x = 0; x < index.n; x++) if (a.required.level[x]! > a.ownLevel[x]!) gaps.push(x);
  const gap = (x: number): number => a.required.level[x]! - a.ownLevel[x]!;
  const order = Int32Array.from(gaps).sort((p, q) => gap(q) - gap(p) || a.risk[q]! - a.risk[p]! || rank[p]! - rank[q]!);
  for (const x of order) {
    const askedBy: LevelGapReport['askedBy'] = [];
    for (let j = index.outStart[x]!, end = index.outStart[x + 1]!; j < end; j++) {
      const e = index.outEdges[j]!;
      const reasons = a.required.reasons(e);
      if (reasons.length > 0) {
        askedBy.push({
          buyer: index.ids[index.edgeBuyer[e]!]!,
          buyerName: index.network.companies[index.edgeBuyer[e]!]!.name,
          commodity: index.commodities[index.groupCommodity[index.edgeGroup[e]!]!]!,
          reasons,
        });
      }
    }
    askedBy.sort((p, q) => byString(p.buyer, q.buyer) || byString(p.commodity, q.commodity));
    const c = index.network.companies[x]!;
    yield {
      id: c.id,
      name: c.name,
      ownLevel: a.ownLevel[x]!,
      requiredLevel: a.required.level[x]!,
      unassessed: a.unassessed[x] === 1,
      askedBy,
    };
  }
}

/** Suppliers whose required level is above their own level, widest gap first, then by risk. */
export function levelGapReports(a: Analysis): LevelGapReport[] {
  return Array.from(levelGapItems(a));
}
