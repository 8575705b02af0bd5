/**
 * Effective score (README): the greatest fixed point of
 *   eff(v) = min(own(v), min over commodities c of v of q_c(v)),
 *   q_c(v) = max { t : share of c from suppliers u with eff(u) ≥ t reaches θ }.
 * Computed through its attacker characterisation: an attacker who breaks every company
 * of own score below s disrupts v exactly when s > eff(v). Raising s through the
 * distinct own scores in ascending order and extending one incremental cascade, the
 * companies that fall when the level s_k is added have eff = s_k. Each edge is
 * relaxed once: O(n log n + m) for any network, cycles included.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { EPSILON, resolveOptions, type AnalysisOptions } from './options.ts';

export interface EffectiveScores {
  /** eff(v) for every company; always one of the own scores. */
  score: Float64Array;
  /** Position at which each company fell in the incremental cascade (its causal order). */
  order: Int32Array;
}

/** Example: `effectiveScores(idx, ownScores(idx).score).score`. */
export function effectiveScores(
  index: IndexedNetwork,
  own: Float64Array,
  options: Partial<AnalysisOptions> = {},
): EffectiveScores {
  const { theta } = resolveOptions(options);
  const { n, outStart, outBuyer, outGroup, outShare } = index;
  if (own.length !== n) throw new RangeError(`effectiveScores: expected ${n} own scores, got ${own.length}`);
  const limit = theta - EPSILON;
  const byScore = ascendingByScore(own);

  const available = new Float64Array(index.groupCount).fill(1);
  const fallen = new Uint8Array(n);
  const score = new Float64Array(n);
  const order = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let k = 0;
  while (k < n) {
    const level = own[byScore[k]!]!;
    for (; k < n && own[byScore[k]!]! === level; k++) {
      const h = byScore[k]!;
      if (fallen[h] === 0) {
        fallen[h] = 1;
        score[h] = level;
        order[h] = tail;
        queue[tail++] = h;
      }
    }
    for (; head < tail; head++) {
      const u = queue[head]!;
      for (let j = outStart[u]!, end = outStart[u + 1]!; j < end; j++) {
        const v = outBuyer[j]!;
        if (fallen[v] === 1) continue;
        const g = outGroup[j]!;
        const left = available[g]! - outShare[j]!;
        available[g] = left;
        if (left < limit) {
          fallen[v] = 1;
          score[v] = level;
          order[v] = tail;
          queue[tail++] = v;
        }
      }
    }
  }
  return { score, order };
}

/**
 * Company indices by ascending own score, ties by index: a counting sort over the
 * distinct scores, O(n log d) for d distinct scores (a handful of levels in practice).
 */
function ascendingByScore(own: Float64Array): Int32Array {
  const n = own.length;
  const sorted = Float64Array.from(own).sort();
  let d = 0;
  for (let i = 0; i < n; i++) if (d === 0 || sorted[i] !== sorted[d - 1]) sorted[d++] = sorted[i]!;
  const distinct = sorted.subarray(0, d);
  const bucket = new Int32Array(n);
  const start = new Int32Array(d + 1);
  for (let i = 0; i < n; i++) {
    const x = own[i]!;
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    bucket[i] = lo;
    start[lo + 1]!++;
  }
  for (let b = 0; b < d; b++) start[b + 1]! += start[b]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[start[bucket[i]!]!++] = i;
  return out;
}

/**
 * q_c(v) of one (buyer, commodity) group g: the highest t such that the share from
 * suppliers with eff ≥ t reaches θ (≥ θ − 1e-9). Walks the group's suppliers from the
 * highest eff down, adding the shares of each level in edge order. A small group is
 * scanned once per level, without allocating; a large one is sorted.
 */
export function groupThreshold(index: IndexedNetwork, eff: Float64Array, g: number, theta: number): number {
  const a = index.groupEdgeStart[g]!;
  const b = index.groupEdgeStart[g + 1]!;
  if (b - a > SMALL_GROUP) return sortedGroupThreshold(index, eff, a, b, theta);
  const { edgeSupplier, edgeShare } = index;
  let reached = 0;
  let bounded = false;
  let above = 0;
  for (;;) {
    let found = false;
    let t = 0;
    for (let e = a; e < b; e++) {
      const x = eff[edgeSupplier[e]!]!;
      if ((!bounded || x < above) && (!found || x > t)) {
        t = x;
        found = true;
      }
    }
    if (!found) return Number.NEGATIVE_INFINITY;
    let last = t;
    for (let e = a; e < b; e++) {
      const x = eff[edgeSupplier[e]!]!;
      if (x === t) {
        reached += edgeShare[e]!;
        last = x;
      }
    }
    if (reached >= theta - EPSILON) return last;
    bounded = true;
    above = t;
  }
}

const SMALL_GROUP = 32;

function sortedGroupThreshold(index: IndexedNetwork, eff: Float64Array, a: number, b: number, theta: number): number {
  const edges: number[] = [];
  for (let e = a; e < b; e++) edges.push(e);
  edges.sort((x, y) => eff[index.edgeSupplier[y]!]! - eff[index.edgeSupplier[x]!]!);
  let reached = 0;
  for (let i = 0; i < edges.length; i++) {
    const t = eff[index.edgeSupplier[edges[i]!]!]!;
    reached += index.edgeShare[edges[i]!]!;
    // Include every supplier tied at t before testing.
    const next = edges[i + 1];
    if (next !== undefined && eff[index.edgeSupplier[next]!]! === t) continue;
    if (reached >= theta - EPSILON) return t;
  }
  return Number.NEGATIVE_INFINITY;
}
