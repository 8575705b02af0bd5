/**
 * The loss distribution, the cost-sharing plan and the executive view of one analysed
 * network version, each computed once per set of parameters and kept with the version
 * (`NetworkView.kept`), so a repeated request answers at once and a new network version
 * starts afresh.
 *
 * - `riskOf`: exact enumeration (`exact`, at most 20 companies) or Monte Carlo (runs,
 *   seed). Large Monte Carlo runs (runs × companies ≥ `parallelWork`) go to worker
 *   threads (parallel-loss.ts, the same numbers), so the server keeps answering; smaller
 *   ones run in process, where starting workers would cost more than they save.
 * - `planOf`: `costPlan` over the view's analysis (the event loss table): exact dynamic
 *   programming or the greedy with its bound, in process — it needs no cascade, and takes
 *   well under 2 s at a million companies (test/bench/plan.ts).
 * - `executiveOf`: counts from the analysis; the expected loss of `riskOf` (exact at most
 *   20 companies, else 10,000 runs, seed 1); the top 5 weak links with their reason and
 *   exposure path; the worst breach — of the top 10 weak links, the one whose 10-day
 *   scenario puts the most revenue at risk (ties: the higher ranked); the plan headline
 *   of `planOf` with the budget.
 *
 * @example
 *   const risk = await riskOf(view, { runs: 10_000, seed: 1, exact: false });
 */
import { costPlan, type LiftCosts } from '../src/analysis/cost-plan.ts';
import { members } from '../src/analysis/blast-radius.ts';
import { pathToFocal } from '../src/analysis/exposure-path.ts';
import { EXACT_LIMIT, exactLoss, monteCarloLoss } from '../src/analysis/loss-distribution.ts';
import { simulateScenario } from '../src/analysis/scenario.ts';
import { parallelMonteCarloLoss } from '../src/analysis-runtime/parallel-loss.ts';
import { UsageError } from '../src/errors.ts';
import type { ExecutiveResponse, PlanResponse, RiskResponse } from './api-types.ts';
import type { NetworkView } from './network-view.ts';

export const DEFAULTS = {
  runs: 10_000,
  seed: 1,
  maxRuns: 100_000,
  /** Largest budget accepted, yen (¥10 trillion). */
  maxBudget: 1e13,
  /** Monte Carlo work (runs × companies) from which the runs go to worker threads. */
  parallelWork: 5_000_000,
  /** The executive view's budget when none is given, yen. */
  executiveBudget: 50_000_000,
  executiveRuns: 10_000,
  executiveWeakLinks: 5,
  /** The worst breach is looked for among this many top weak links, each hit alone for `breachDays`. */
  breachCandidates: 10,
  breachDays: 10,
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

/** UsageError (field `exact`) when the network is too large to enumerate. */
function checkExact(view: NetworkView): void {
  if (view.index.n > EXACT_LIMIT) {
    throw new UsageError(`exact: the network has ${view.index.n} companies; exact enumeration handles at most ${EXACT_LIMIT} — leave exact out for Monte Carlo`, 'exact');
  }
}

/** The loss distribution of the view's network. */
export function riskOf(view: NetworkView, params: RiskParams): Promise<RiskResponse> {
  if (params.exact) checkExact(view);
  const key = params.exact ? `exact θ${view.theta}` : `${params.runs} ${params.seed} θ${view.theta}`;
  return view.kept('risk', key, async (): Promise<RiskResponse> => {
    const { index, analysis } = view;
    if (params.exact) {
      const exact = exactLoss(index, analysis.options);
      return { method: 'exact', runs: null, seed: null, mean: exact.mean, standardError: null, p95: exact.p95, p99: exact.p99, topHitInWorst: [] };
    }
    const run = { runs: params.runs, seed: params.seed };
    const dist = params.runs * index.n >= DEFAULTS.parallelWork ? await parallelMonteCarloLoss(index, run, analysis.options) : monteCarloLoss(index, run, analysis.options);
    return { method: 'monte-carlo', runs: dist.runs, seed: dist.seed, mean: dist.mean, standardError: dist.standardError, p95: dist.p95, p99: dist.p99, topHitInWorst: dist.topHitInWorst };
  });
}

/** The cost-sharing plan of the view's network for a budget. */
export function planOf(view: NetworkView, params: PlanParams): Promise<PlanResponse> {
  const { budget, costs, planTargets } = params;
  const key = `${JSON.stringify({ budget, costs: costs ?? null, planTargets: planTargets ?? null })} θ${view.theta}`;
  return view.kept('plan', key, async (): Promise<PlanResponse> => costPlan(view.analysis, { budget, ...(costs ? { costs } : {}), ...(planTargets ? { planTargets } : {}) }));
}

/** The one-page executive view for a budget (yen). */
export function executiveOf(view: NetworkView, budget: number): Promise<ExecutiveResponse> {
  return view.kept('executive', String(budget), async (): Promise<ExecutiveResponse> => {
    const { index, analysis: a } = view;
    const exact = index.n <= EXACT_LIMIT;
    const [risk, plan] = await Promise.all([
      riskOf(view, { runs: DEFAULTS.executiveRuns, seed: DEFAULTS.seed, exact }),
      planOf(view, { budget }),
    ]);
    const weakLinks = view.weakLinks();
    const topWeakLinks = weakLinks.slice(0, DEFAULTS.executiveWeakLinks).map((w) => {
      const i = index.indexOf.get(w.id)!;
      // From the focal company it stops back up to the weak link: "focal ← … ← weak link".
      const path = pathToFocal(index, members(a.failures.blastRadius, i), a.tier, i);
      return { id: w.id, name: w.name, reason: w.reason, riskContribution: w.riskContribution, exposurePath: path.map((p) => ({ id: index.ids[p]!, name: view.name(p) })) };
    });
    let worstBreach: ExecutiveResponse['worstBreach'] = null;
    for (const w of weakLinks.slice(0, DEFAULTS.breachCandidates)) {
      const run = simulateScenario(index, { hit: [index.indexOf.get(w.id)!], days: DEFAULTS.breachDays }, a.options);
      if (worstBreach === null || run.totalRevenueAtRisk > worstBreach.revenueAtRisk) {
        worstBreach = {
          id: w.id,
          name: w.name,
          days: DEFAULTS.breachDays,
          stopped: run.companies.length,
          focalStopped: run.focal.filter((f) => f.stoppedOn !== null).map((f) => f.id),
          revenueAtRisk: run.totalRevenueAtRisk,
        };
      }
    }
    const unassessed = view.stats().unassessed;
    return {
      version: view.version,
      companies: index.n,
      focal: view.focalIndices().map((i) => ({ id: index.ids[i]!, name: view.name(i) })),
      unassessedShare: index.n > 0 ? unassessed / index.n : 0,
      singleSources: view.singleSources().length,
      hiddenCriticalSuppliers: view.hiddenCritical().length,
      expectedLoss: { mean: risk.mean, p99: risk.p99, runs: exact ? 2 ** index.n : risk.runs!, method: risk.method },
      topWeakLinks,
      worstBreach,
      plan: {
        budget,
        spent: plan.totalCost,
        suppliers: plan.lifts.length,
        lossBefore: plan.expectedAnnualLossBefore,
        lossAfter: plan.expectedAnnualLossAfter,
        cutPercent: plan.expectedAnnualLossBefore > 0 ? (100 * plan.avoided) / plan.expectedAnnualLossBefore : 0,
      },
    };
  });
}
