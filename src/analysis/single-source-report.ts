/**
 * The direct single sources as a report: (buyer, commodity, supplier, share) in plain
 * string order of buyer, commodity and supplier, one at a time (`singleSourceItems`, for
 * streaming) or as a list.
 */
import { sortByKey } from '../model/order.ts';
import type { Analysis } from './analyze.ts';

export interface SingleSourceReport {
  buyer: string;
  commodity: string;
  supplier: string;
  share: number;
}

/** The direct single sources one at a time, by buyer, commodity, supplier (plain string order). */
export function* singleSourceItems(a: Analysis): Generator<SingleSourceReport> {
  const { index } = a;
  const { idRank, commodityRank, edgeSupplier, edgeBuyer, edgeGroup, groupCommodity } = index;
  let order = sortByKey(a.singleSources, (e) => idRank[edgeSupplier[e]!]!, index.n);
  order = sortByKey(order, (e) => commodityRank[groupCommodity[edgeGroup[e]!]!]!, index.commodities.length);
  order = sortByKey(order, (e) => idRank[edgeBuyer[e]!]!, index.n);
  for (const e of order) {
    yield {
      buyer: index.ids[edgeBuyer[e]!]!,
      commodity: index.commodities[groupCommodity[edgeGroup[e]!]!]!,
      supplier: index.ids[edgeSupplier[e]!]!,
      share: index.edgeShare[e]!,
    };
  }
}

/** The direct single sources, sorted by buyer, commodity, supplier (plain string order). */
export function singleSourceReports(a: Analysis): SingleSourceReport[] {
  return Array.from(singleSourceItems(a));
}
