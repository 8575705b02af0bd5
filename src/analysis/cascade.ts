/**
 * The disruption cascade (DESIGN.md): given hit companies H, the disrupted set D is the
 * least set containing H and every company that, for some commodity it buys, has less
 * than θ of its need left from suppliers outside D. Computed to the fixed point by a
 * worklist over out-edges: each supplier that falls removes its share from its buyers'
 * groups once, so a run costs O(edges out of D). Cycles need nothing special.
 *
 * `createCascade` returns a reusable runner whose scratch arrays are reset after every
 * run in time proportional to what the run touched — the all-blast-radii loop relies on it.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { EPSILON, resolveOptions, type AnalysisOptions } from './options.ts';

export interface CascadeRunner {
  /**
   * Runs the cascade from `hit` (company indices; duplicates ignored). Returns the
   * disrupted companies, hit ones included, in the order they fell (a fresh array).
   */
  run(hit: ArrayLike<number>): Int32Array;
}

/** Example: `createCascade(idx, { theta: 0.5 }).run([idx.indexOf.get('fab')!])`. */
export function createCascade(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): CascadeRunner {
  const { theta } = resolveOptions(options);
  const { n, outStart, outEdges, edgeBuyer, edgeGroup, edgeShare } = index;
  const limit = theta - EPSILON;
  const available = new Float64Array(index.groupCount).fill(Number.NaN);
  const touchedGroups = new Int32Array(index.groupCount);
  const disrupted = new Uint8Array(n);
  const queue = new Int32Array(n);

  return {
    run(hit) {
      let tail = 0;
      for (let i = 0; i < hit.length; i++) {
        const h = hit[i]!;
        if (!(h >= 0 && h < n)) throw new RangeError(`cascade: company index ${h} is out of range`);
        if (disrupted[h] === 0) {
          disrupted[h] = 1;
          queue[tail++] = h;
        }
      }
      let touched = 0;
      for (let head = 0; head < tail; head++) {
        const u = queue[head]!;
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const e = outEdges[k]!;
          const v = edgeBuyer[e]!;
          if (disrupted[v] === 1) continue;
          const g = edgeGroup[e]!;
          let left = available[g]!;
          if (Number.isNaN(left)) {
            left = 1;
            touchedGroups[touched++] = g;
          }
          left -= edgeShare[e]!;
          available[g] = left;
          if (left < limit) {
            disrupted[v] = 1;
            queue[tail++] = v;
          }
        }
      }
      const result = queue.slice(0, tail);
      for (let i = 0; i < tail; i++) disrupted[queue[i]!] = 0;
      for (let i = 0; i < touched; i++) available[touchedGroups[i]!] = Number.NaN;
      return result;
    },
  };
}

/** The disrupted set D(H) as sorted company indices. */
export function disruptedSet(index: IndexedNetwork, hit: ArrayLike<number>, options: Partial<AnalysisOptions> = {}): Int32Array {
  return createCascade(index, options).run(hit).sort();
}
