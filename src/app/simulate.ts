/**
 * Use case "simulate a breach" — the one `weaklink simulate` and `POST /api/simulate`
 * both call, so they give the same answer: the hit companies (unknown ids refused with a
 * NotFoundError on `hit` naming them), every company the breach stops with its stop day
 * and revenue per day of outage, the focal companies among them, and the loss over each
 * assumed outage length with its expectation (breachOutcome).
 *
 * @example
 *   simulateBreach(index, { hit: ['ota-springs'] }) // { disrupted: [...], focalDisrupted: ['auto-oem'], … }
 */
import { breachOutcome } from '../analysis/breach.ts';
import { resolveOptions, type AnalysisOptions } from '../analysis/options.ts';
import { tiers } from '../analysis/tiers.ts';
import type { IndexedNetwork } from '../model/index-network.ts';
import { byString } from '../model/order.ts';
import { companyIndicesOf } from './company-ids.ts';

export interface SimulateInput {
  /** Ids of the companies hit (duplicates ignored). */
  hit: readonly string[];
  /** θ for this run; default the options'. */
  theta?: number;
}

export interface BreachReport {
  /** The hit ids, sorted. */
  hit: string[];
  /** Every company stopped, hit ones included, sorted ids. */
  disrupted: string[];
  /** The focal (tier 0) companies among them, sorted ids. */
  focalDisrupted: string[];
  /** Every company stopped, by stop day then id. */
  companies: { id: string; name: string; focal: boolean; stopDay: number; revenuePerDay: number }[];
  /** Yen per day of outage once everything has stopped. */
  revenuePerDay: number;
  /** Yen lost over an outage of each assumed duration. */
  lossByDuration: { days: number; probability: number; loss: number }[];
  /** Yen per event: Σ probability × loss. */
  expectedLoss: number;
  theta: number;
}

/** Simulates a breach of `input.hit`. `tier` (from the analysis) saves working out the focal companies again. */
export function simulateBreach(
  index: IndexedNetwork,
  input: SimulateInput,
  options: Partial<AnalysisOptions> = {},
  tier?: Int32Array,
): BreachReport {
  const o = resolveOptions({ ...options, ...(input.theta !== undefined ? { theta: input.theta } : {}) });
  const hit = [...new Set(input.hit)].sort(byString);
  const outcome = breachOutcome(index, companyIndicesOf(index, hit, 'hit'), o);
  const tierOf = tier ?? tiers(index);
  const companies = outcome.companies.map((c) => ({
    id: index.ids[c.company]!,
    name: index.network.companies[c.company]!.name,
    focal: tierOf[c.company] === 0,
    stopDay: c.stopDay,
    revenuePerDay: c.revenuePerDay,
  }));
  return {
    hit,
    disrupted: companies.map((c) => c.id).sort(byString),
    focalDisrupted: companies
      .filter((c) => c.focal)
      .map((c) => c.id)
      .sort(byString),
    companies,
    revenuePerDay: outcome.revenuePerDay,
    lossByDuration: outcome.lossByDuration,
    expectedLoss: outcome.expectedLoss,
    theta: o.theta,
  };
}
