/**
 * The disruption cascade run backwards by one company: given a disrupted set D = D(H)
 * and a hit company y ∈ H, which companies of D are no longer disrupted when y is not
 * hit, D(H) \ D(H \ {y}) — without running the cascade of H \ {y} from scratch.
 *
 * Let U be the companies of D reachable from y along supply edges inside D through
 * companies that are not hit (y included; a hit company stays disrupted whatever
 * happens upstream, so the search stops there). Every company of D \ U stays disrupted:
 * it is hit, or none of its disrupted suppliers is in U (an edge from U into it would
 * put it in U), so, in the order D fell, it fell for reasons outside U and still does
 * without y. Hence D(H \ {y}) = (D \ U) ∪ F, where F is the least fixed point inside U:
 * every company of U that has less than θ of a commodity's need left once the suppliers
 * in D \ U and in F are gone. So the work is the edges into and out of U, not of D — the
 * cost-sharing plan asks this question millions of times, and U is usually small.
 *
 * @example
 *   const unhit = createUnhit(index, options);
 *   const gone = unhit.run(y, (v) => inD[v] === 1, (v) => hitNow(v)); // D(H) \ D(H \ {y})
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { EPSILON, resolveOptions, type AnalysisOptions } from './options.ts';

export interface UnhitRunner {
  /**
   * The companies of D that are no longer disrupted when `y` is not hit: `disrupted(v)`
   * says whether v ∈ D (y must be), `hit(v)` whether v ∈ H. Returns a view of the
   * runner's own buffer, valid until the next run.
   */
  run(y: number, disrupted: (v: number) => boolean, hit: (v: number) => boolean): Int32Array;
}

export function createUnhit(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): UnhitRunner {
  const { theta } = resolveOptions(options);
  const limit = theta - EPSILON;
  const { n, outStart, outBuyer, outGroup, outShare, buyerGroupStart, groupEdgeStart, edgeSupplier, edgeShare } = index;
  /** 1: in U; 2: in U and still disrupted (F). */
  const state = new Uint8Array(n);
  const region = new Int32Array(n);
  const queue = new Int32Array(n);
  const gone = new Int32Array(n);
  const left = new Float64Array(index.groupCount).fill(Number.NaN);
  const touchedGroups: number[] = [];

  /** What is left of group g's need from suppliers that are not disrupted outside U (computed once per run). */
  const groupLeft = (g: number, disrupted: (v: number) => boolean): number => {
    let available = left[g]!;
    if (!Number.isNaN(available)) return available;
    available = 1;
    for (let e = groupEdgeStart[g]!, end = groupEdgeStart[g + 1]!; e < end; e++) {
      const s = edgeSupplier[e]!;
      if (state[s] === 0 && disrupted(s)) available -= edgeShare[e]!;
    }
    left[g] = available;
    touchedGroups.push(g);
    return available;
  };

  return {
    run(y, disrupted, hit) {
      // U: breadth-first from y inside D, not through hit companies.
      let size = 0;
      state[y] = 1;
      region[size++] = y;
      for (let head = 0; head < size; head++) {
        const u = region[head]!;
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const v = outBuyer[k]!;
          if (state[v] === 0 && v !== y && disrupted(v) && !hit(v)) {
            state[v] = 1;
            region[size++] = v;
          }
        }
      }
      // F: those of U a group of which already lacks θ without U.
      let tail = 0;
      for (let i = 0; i < size; i++) {
        const v = region[i]!;
        let falls = false;
        for (let g = buyerGroupStart[v]!, end = buyerGroupStart[v + 1]!; !falls && g < end; g++) falls = groupLeft(g, disrupted) < limit;
        if (falls) {
          state[v] = 2;
          queue[tail++] = v;
        }
      }
      for (let head = 0; head < tail; head++) {
        const u = queue[head]!;
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const v = outBuyer[k]!;
          if (state[v] !== 1) continue;
          const g = outGroup[k]!;
          const available = groupLeft(g, disrupted) - outShare[k]!;
          left[g] = available;
          if (available < limit) {
            state[v] = 2;
            queue[tail++] = v;
          }
        }
      }
      let count = 0;
      for (let i = 0; i < size; i++) {
        const v = region[i]!;
        if (state[v] === 1) gone[count++] = v;
        state[v] = 0;
      }
      for (const g of touchedGroups) left[g] = Number.NaN;
      touchedGroups.length = 0;
      return gone.subarray(0, count);
    },
  };
}
