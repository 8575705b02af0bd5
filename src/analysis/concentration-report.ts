/**
 * The concentration groups as a report: the HHI and normalised shares of every (buyer,
 * commodity) group, most concentrated first, then by buyer and commodity.
 */
import { sortByKey } from '../model/order.ts';
import type { Analysis } from './analyze.ts';
import { groupHhi } from './concentration.ts';

export interface ConcentrationGroupReport {
  buyer: string;
  commodity: string;
  hhi: number;
  suppliers: { id: string; name: string; share: number }[];
}

/**
 * HHI and normalised shares of every (buyer, commodity) group one at a time, most
 * concentrated first, then by buyer and commodity. Sorted by counting sorts: by
 * commodity, by buyer, then by HHI over its (few) distinct values.
 */
export function* concentrationGroupItems(a: Analysis): Generator<ConcentrationGroupReport> {
  const { index } = a;
  for (const { group: g, hhi, edges } of concentrationGroupOrder(a)) {
    const suppliers = Array.from(edges, (e) => ({
      id: index.ids[index.edgeSupplier[e]!]!,
      name: index.network.companies[index.edgeSupplier[e]!]!.name,
      share: index.edgeShare[e]!,
    }));
    yield {
      buyer: index.ids[index.groupBuyer[g]!]!,
      commodity: index.commodities[index.groupCommodity[g]!]!,
      hhi,
      suppliers,
    };
  }
}

/** `concentrationGroupItems` as group and edge indices: the edges by share, largest first, then by supplier id. */
export function* concentrationGroupOrder(a: Analysis): Generator<{ group: number; hhi: number; edges: number[] }> {
  const { index } = a;
  const count = index.groupCount;
  const hhi = new Float64Array(count);
  for (let g = 0; g < count; g++) hhi[g] = groupHhi(index, g);
  const levels = Float64Array.from(hhi).sort().reverse();
  let d = 0;
  for (let k = 0; k < count; k++) if (d === 0 || levels[k] !== levels[d - 1]) levels[d++] = levels[k]!;
  const level = (g: number): number => {
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (levels[mid]! > hhi[g]!) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let order = sortByKey(
    Int32Array.from({ length: count }, (_, g) => g),
    (g) => index.commodityRank[index.groupCommodity[g]!]!,
    index.commodities.length,
  );
  order = sortByKey(order, (g) => index.idRank[index.groupBuyer[g]!]!, index.n);
  order = sortByKey(order, level, Math.max(1, d));
  const { edgeShare, edgeSupplier, idRank } = index;
  for (const g of order) {
    const edges: number[] = [];
    for (let e = index.groupEdgeStart[g]!, end = index.groupEdgeStart[g + 1]!; e < end; e++) edges.push(e);
    if (edges.length > 1)
      edges.sort((p, q) => edgeShare[q]! - edgeShare[p]! || idRank[edgeSupplier[p]!]! - idRank[edgeSupplier[q]!]!);
    yield { group: g, hhi: hhi[g]!, edges };
  }
}

/** HHI and normalised shares of every (buyer, commodity) group, most concentrated first. */
export function concentrationGroupReports(a: Analysis): ConcentrationGroupReport[] {
  return Array.from(concentrationGroupItems(a));
}
