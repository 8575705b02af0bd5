/**
 * Exposure path (DESIGN.md): from v, follow the binding constraint — the commodity
 * whose q_c is the minimum, then the supplier at that threshold — until a company whose
 * eff equals its own score, the root-cause weak link. Ties go to the smallest commodity,
 * then the smallest supplier id (plain string order), so the path is deterministic.
 *
 * On an acyclic network that rule always ends at a root cause. On a cycle of equal
 * scores it can come back to a company already on the path; the path is then taken
 * again with each step restricted to suppliers that fell strictly before the company in
 * the incremental cascade of `effectiveScores` (its causal order). Such a supplier
 * always exists in a binding group, so that path always ends at a root cause.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { groupThreshold } from './effective-score.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';

/** Company indices from v to its root-cause weak link (v first). `order` is `effectiveScores().order`. */
export function exposurePath(
  index: IndexedNetwork,
  own: Float64Array,
  eff: Float64Array,
  order: Int32Array,
  v: number,
  options: Partial<AnalysisOptions> = {},
): number[] {
  const { theta } = resolveOptions(options);
  return walk(index, own, eff, v, theta, null) ?? walk(index, own, eff, v, theta, order) ?? [v];
}

/** One walk; `causal` restricts steps to earlier-fallen suppliers. Null when it comes back on itself. */
function walk(
  index: IndexedNetwork,
  own: Float64Array,
  eff: Float64Array,
  v: number,
  theta: number,
  causal: Int32Array | null,
): number[] | null {
  const path = [v];
  const onPath = new Set<number>([v]);
  let at = v;
  while (eff[at]! < own[at]!) {
    let next = -1;
    let nextCommodity = '';
    for (let g = index.buyerGroupStart[at]!, end = index.buyerGroupStart[at + 1]!; g < end; g++) {
      if (groupThreshold(index, eff, g, theta) !== eff[at]) continue;
      const commodity = index.commodities[index.groupCommodity[g]!]!;
      if (next >= 0 && commodity > nextCommodity) continue;
      for (let e = index.groupEdgeStart[g]!, stop = index.groupEdgeStart[g + 1]!; e < stop; e++) {
        const u = index.edgeSupplier[e]!;
        if (eff[u] !== eff[at] || (causal !== null && causal[u]! >= causal[at]!)) continue;
        if (next < 0 || commodity < nextCommodity || index.ids[u]! < index.ids[next]!) {
          next = u;
          nextCommodity = commodity;
        }
      }
    }
    if (next < 0 || onPath.has(next)) return null;
    path.push(next);
    onPath.add(next);
    at = next;
  }
  return path;
}
