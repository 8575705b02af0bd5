/**
 * Effective score (DESIGN.md): the greatest fixed point of
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
  const { n, outStart, outEdges, edgeBuyer, edgeGroup, edgeShare } = index;
  if (own.length !== n) throw new RangeError(`effectiveScores: expected ${n} own scores, got ${own.length}`);
  const limit = theta - EPSILON;
  const byScore = new Int32Array(n);
  for (let i = 0; i < n; i++) byScore[i] = i;
  byScore.sort((a, b) => own[a]! - own[b]! || a - b);

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
        const e = outEdges[j]!;
        const v = edgeBuyer[e]!;
        if (fallen[v] === 1) continue;
        const g = edgeGroup[e]!;
        const left = available[g]! - edgeShare[e]!;
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
 * q_c(v) of one (buyer, commodity) group g: the highest t such that the share from
 * suppliers with eff ≥ t reaches θ (≥ θ − 1e-9). Walks the group's suppliers from the
 * highest eff down.
 */
export function groupThreshold(index: IndexedNetwork, eff: Float64Array, g: number, theta: number): number {
  const a = index.groupEdgeStart[g]!;
  const b = index.groupEdgeStart[g + 1]!;
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
