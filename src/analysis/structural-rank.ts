/**
 * Structural importance (README, "The panel's measures"): PageRank (graphology-metrics)
 * on the reversed supply graph — one edge buyer → supplier per supply, weighted by its
 * share of the buyer's commodity — so that a supplier matters if companies that matter
 * depend on it. Each company hands on its rank to its suppliers in proportion to the
 * shares (a company with no supplier spreads it over everyone), damped by `alpha`.
 * Values sum to 1. It is a measure of position only: no threshold, no cascade; who
 * stops when a company fails is the blast radius's answer, never this one's.
 *
 * Reference: Page, Brin, Motwani and Winograd, "The PageRank citation ranking:
 * bringing order to the Web", 1999. Example: `structuralRank(index)[index.indexOf.get('fab')!]`.
 */
import { MultiDirectedGraph } from 'graphology';
import { pagerank } from 'graphology-metrics/centrality/index.js';
import type { IndexedNetwork } from '../model/index-network.ts';

export const DEFAULTS = Object.freeze({ alpha: 0.85, maxIterations: 200, tolerance: 1e-9 });

export interface StructuralRankOptions {
  alpha?: number;
  maxIterations?: number;
  tolerance?: number;
}

/** The PageRank of each company index on the reversed supply graph (see the module comment). */
export function structuralRank(index: IndexedNetwork, options: StructuralRankOptions = {}): Float64Array {
  const { alpha, maxIterations, tolerance } = { ...DEFAULTS, ...options };
  if (!(alpha > 0 && alpha < 1)) throw new Error(`structuralRank: alpha must be in (0, 1), got ${alpha}`);
  if (!(Number.isInteger(maxIterations) && maxIterations > 0))
    throw new Error(`structuralRank: maxIterations must be an integer ≥ 1, got ${maxIterations}`);
  const out = new Float64Array(index.n);
  if (index.n === 0) return out;
  const graph = new MultiDirectedGraph<Record<string, never>, { weight: number }>();
  for (let i = 0; i < index.n; i++) graph.addNode(i);
  for (let e = 0; e < index.edgeSupplier.length; e++) {
    const share = index.edgeShare[e]!;
    if (share > 0) graph.addEdge(index.edgeBuyer[e]!, index.edgeSupplier[e]!, { weight: share });
  }
  const ranks = pagerank(graph, { getEdgeWeight: 'weight', alpha, maxIterations, tolerance });
  for (let i = 0; i < index.n; i++) out[i] = ranks[i]!;
  return out;
}

/** 1 + the number of companies of strictly higher value, for each company (1 = the highest). */
export function rankPositions(values: Float64Array): Int32Array {
  const order = Int32Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const position = new Int32Array(values.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const before = k > 0 ? order[k - 1]! : -1;
    position[i] = before >= 0 && values[before] === values[i] ? position[before]! : k + 1;
  }
  return position;
}
