/**
 * Tiers (README): the shortest number of supply edges from a company down to a
 * focal company; focal companies are tier 0 (with no focal company, companies that
 * supply nobody are). A multi-source breadth-first search up the supplier edges.
 * Companies with no path to tier 0 get -1 (reported as null).
 */
import type { IndexedNetwork } from '../model/index-network.ts';

/** Example: `tiers(idx)[idx.indexOf.get('fab')!]` → 3. */
export function tiers(index: IndexedNetwork): Int32Array {
  const { n, focal, outStart, buyerGroupStart, groupEdgeStart, edgeSupplier } = index;
  const tier = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  let anyFocal = false;
  for (let i = 0; i < n; i++) if (focal[i] === 1) anyFocal = true;
  for (let i = 0; i < n; i++) {
    const root = anyFocal ? focal[i] === 1 : outStart[i + 1] === outStart[i];
    if (root) {
      tier[i] = 0;
      queue[tail++] = i;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    const from = groupEdgeStart[buyerGroupStart[v]!]!;
    const to = groupEdgeStart[buyerGroupStart[v + 1]!]!;
    for (let e = from; e < to; e++) {
      const u = edgeSupplier[e]!;
      if (tier[u] === -1) {
        tier[u] = tier[v]! + 1;
        queue[tail++] = u;
      }
    }
  }
  return tier;
}
