/**
 * The annual loss distribution and the cost-sharing plan of one analysed network
 * version, each computed once per set of parameters and kept with the version
 * (`NetworkView.kept`), so a repeated request answers at once and a new network version
 * starts afresh. (The executive view, which uses both, is executive-view.ts.)
 *
 * - `riskOf`: the annual loss distribution of src/app/risk.ts — the use case the CLI runs
 *   too: exact enumeration (`exact`, at most 8 companies) or Monte Carlo (runs, seed), on
 *   worker threads for large networks (the same numbers), so the server keeps answering.
 * - `planOf`: `costPlan` over the view's analysis (the event loss table): exact dynamic
 *   programming or the greedy with its bound, in process — it needs no cascade, and takes
 *   well under 2 s at a million companies (test/bench/plan.ts).
 *
 * @example
 *   const risk = await riskOf(view, { runs: 10_000, seed: 1, exact: false });
 */
import { annualLossReport, checkExactSize } from '../analysis/annual-loss.ts';
import { costPlan, type LiftCosts } from '../analysis/cost-plan.ts';
import { annualLossOf, RISK_DEFAULTS } from './risk.ts';
import type { PlanResponse, RiskResponse } from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';

export const DEFAULTS = {
  runs: RISK_DEFAULTS.runs,
  seed: RISK_DEFAULTS.seed,
  maxRuns: 100_000,
  /** Largest budget the executive view accepts, yen (¥10 trillion). */
  maxBudget: 1e13,
  /** The executive view's budget when none is given, yen. */
  executiveBudget: 50_000_000,
};

export interface RiskParams {
  runs: number;
  seed: number;
  exact: boolean;
}

export interface PlanParams {
  budget: number;
  costs?: Partial<LiftCosts>;
  planTargets?: number[];
}

/** The annual loss distribution of the view's network. */
export function riskOf(view: NetworkView, params: RiskParams): Promise<RiskResponse> {
  if (params.exact) checkExactSize(view.index.n);
  const key = params.exact ? `exact θ${view.theta}` : `${params.runs} ${params.seed} θ${view.theta}`;
  return view.kept('risk', key, async (): Promise<RiskResponse> =>
    annualLossReport(await annualLossOf(view.analysis, params)),
  );
}

/** The cost-sharing plan of the view's network for a budget. */
export function planOf(view: NetworkView, params: PlanParams): Promise<PlanResponse> {
  const { budget, costs, planTargets } = params;
  const key = `${JSON.stringify({ budget, costs: costs ?? null, planTargets: planTargets ?? null })} θ${view.theta}`;
  return view.kept('plan', key, async (): Promise<PlanResponse> =>
    costPlan(view.analysis, { budget, ...(costs ? { costs } : {}), ...(planTargets ? { planTargets } : {}) }),
  );
}
