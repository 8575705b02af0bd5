/**
 * Use case "the network at a glance": its version and size, the focal companies, the
 * tiers, how many are unassessed, θ and the hit likelihood, the commodities and
 * countries (for the filters), and the length of each analysis list.
 *
 * @example
 *   summaryOf(await cache.view()).singleSources; // 137
 */
import type { SummaryResponse } from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';

export function summaryOf(view: NetworkView): SummaryResponse {
  const { index } = view;
  const stats = view.stats();
  return {
    version: view.version,
    asOf: view.analysis.options.asOf ?? '',
    companies: index.n,
    supplies: index.m,
    focal: view.focalIndices().map((i) => ({ id: index.ids[i]!, name: view.name(i) })),
    maxTier: stats.maxTier,
    unassessed: stats.unassessed,
    theta: view.theta,
    hitLikelihood: view.hitLikelihood,
    commodities: [...index.commodities].sort(),
    countries: stats.countries,
    singleSources: view.analysis.singleSources.length,
    hiddenCriticalSuppliers: view.hiddenCritical().length,
    levelGaps: view.levelGaps().length,
  };
}
