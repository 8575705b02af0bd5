/**
 * The disruption cascade (README): given hit companies H, the disrupted set D is the
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
  /**
   * The cascade from the single company x, without allocating: returns |D({x})| and
   * leaves D({x}) in `fallen()[0 ..|D|-1]` (x first, then in the order they fell) until
   * the next run.
   */
  runOne(x: number): number;
  /** The runner's own buffer that `runOne` fills; valid until the next run. */
  fallen(): Int32Array;
}

/** Example: `createCascade(idx, { theta: 0.5 }).run([idx.indexOf.get('fab')!])`. */
export function createCascade(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): CascadeRunner {
  const { theta } = resolveOptions(options);
  const { n, outStart, outBuyer, outGroup, outShare } = index;
  const limit = theta - EPSILON;
  const available = new Float64Array(index.groupCount).fill(Number.NaN);
  const touchedGroups = new Int32Array(index.groupCount);
  const disrupted = new Uint8Array(n);
  const queue = new Int32Array(n);

  /** Extends the cascade from queue[0 .. tail-1] (already marked) and resets the scratch state; returns the new tail. */
  const spread = (tail: number): number => {
    let touched = 0;
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
        const v = outBuyer[k]!;
        if (disrupted[v] === 1) continue;
        const g = outGroup[k]!;
        let left = available[g]!;
        if (Number.isNaN(left)) {
          left = 1;
          touchedGroups[touched++] = g;
        }
        left -= outShare[k]!;
        available[g] = left;
        if (left < limit) {
          disrupted[v] = 1;
          queue[tail++] = v;
        }
      }
    }
    for (let i = 0; i < tail; i++) disrupted[queue[i]!] = 0;
    for (let i = 0; i < touched; i++) available[touchedGroups[i]!] = Number.NaN;
    return tail;
  };

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
      return queue.slice(0, spread(tail));
    },
    runOne(x) {
      if (!(x >= 0 && x < n)) throw new RangeError(`cascade: company index ${x} is out of range`);
      // Alone, x disrupts a buyer only through an edge whose share leaves less than θ:
      // without one, D({x}) = {x} and nothing needs touching. (x's out-edges are in group
      // order, so two edges of x into one group — never in a validated network — are
      // adjacent; then the cascade runs in full.)
      let stops = false;
      for (let k = outStart[x]!, end = outStart[x + 1]!; k < end && !stops; k++) {
        stops = 1 - outShare[k]! < limit || (k > outStart[x]! && outGroup[k] === outGroup[k - 1]);
      }
      queue[0] = x;
      if (!stops) return 1;
      disrupted[x] = 1;
      return spread(1);
    },
    fallen: () => queue,
  };
}

/** The disrupted set D(H) as sorted company indices. */
export function disruptedSet(
  index: IndexedNetwork,
  hit: ArrayLike<number>,
  options: Partial<AnalysisOptions> = {},
): Int32Array {
  return createCascade(index, options).run(hit).sort();
}
