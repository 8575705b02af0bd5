/**
 * Direct single sources (README): (buyer, commodity, supplier) where the supplier's
 * normalised share is above 1 − θ, so losing that supplier alone disrupts the buyer.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { EPSILON, resolveOptions, type AnalysisOptions } from './options.ts';

/** Edge indices of the direct single sources, in edge order (by buyer, then commodity). */
export function singleSourceEdges(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): Int32Array {
  const { theta } = resolveOptions(options);
  const out: number[] = [];
  for (let e = 0; e < index.m; e++) if (index.edgeShare[e]! > 1 - theta + EPSILON) out.push(e);
  return Int32Array.from(out);
}
