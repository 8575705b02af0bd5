/**
 * Hit likelihood and risk contribution (DESIGN.md). p(s) = hitBase × hitDecay^s (0.3 ×
 * 0.97^s by default — an assumption, stated in every report). The risk contribution of
 * x is p(own(x)) × (value of x + value of its blast radius), value = revenue. The weak
 * links are the companies ranked by risk contribution, highest first, ties by id.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import type { CompanySets } from './blast-radius.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';

/** The annual probability that a company of own score `score` is hit. */
export function hitLikelihood(score: number, options: Partial<AnalysisOptions> = {}): number {
  const { hitBase, hitDecay } = resolveOptions(options);
  return hitBase * Math.pow(hitDecay, score);
}

/** Risk contribution of every company, from own scores and blast radii. */
export function riskContributions(
  index: IndexedNetwork,
  own: Float64Array,
  blast: CompanySets,
  options: Partial<AnalysisOptions> = {},
): Float64Array {
  const o = resolveOptions(options);
  const risk = new Float64Array(index.n);
  for (let x = 0; x < index.n; x++) {
    let value = index.value[x]!;
    for (let k = blast.start[x]!, end = blast.start[x + 1]!; k < end; k++) value += index.value[blast.list[k]!]!;
    risk[x] = hitLikelihood(own[x]!, o) * value;
  }
  return risk;
}

/** Company indices ranked by risk contribution, highest first, ties by id (plain string order). */
export function rankWeakLinks(index: IndexedNetwork, risk: Float64Array, limit = index.n): number[] {
  const all = Array.from({ length: index.n }, (_, i) => i);
  all.sort((a, b) => risk[b]! - risk[a]! || (index.ids[a]! < index.ids[b]! ? -1 : index.ids[a]! > index.ids[b]! ? 1 : 0));
  return all.slice(0, limit);
}
