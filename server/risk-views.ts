/**
 * The loss distribution, the cost-sharing plan and the executive view of one analysed
 * network version, each computed once per set of parameters and kept with the version
 * (`NetworkView.kept`), so a repeated request answers at once and a new network version
 * starts afresh.
 *
 * - `riskOf`: the annual loss distribution over the event loss table (annual-loss.ts):
 *   exact enumeration (`exact`, at most 8 companies) or Monte Carlo (runs, seed). Large
 *   Monte Carlo runs (runs × companies ≥ `parallelWork`) go to worker threads
 *   (parallel-loss.ts, the same numbers), so the server keeps answering; smaller ones
 *   run in process, where starting workers would cost more than they save.
 * - `planOf`: `planCostSharing` (exact or Monte Carlo with common random numbers), in a
 *   worker thread (plan-in-worker.ts, the same plan) when runs × companies ≥
 *   `planWorkerWork`, since a plan takes seconds to minutes on thousands of companies.
 * - `executiveOf`: counts from the analysis; the expected annual loss and the 1-in-100-year
 *   annual loss of `riskOf` (exact at most 8 companies, else 10,000 runs, seed 1); the top 5 weak links with their reason and
 *   exposure path; the worst breach — of the top 10 weak links, the one whose 10-day
 *   scenario puts the most revenue at risk (ties: the higher ranked); the plan headline
 *   of `planOf` with the budget (5,000 runs, seed 1, fewer when the network is so large
 *   that the plan could not keep that many runs' hits).
 *
 * @example
 *   const risk = await riskOf(view, { runs: 10_000, seed: 1, exact: false });
 */
import { annualLossModel, annualLossReport, checkExactSize, EXACT_LIMIT, exactAnnualLoss, monteCarloAnnualLoss } from '../src/analysis/annual-loss.ts';
import { planCostSharing, EXACT_LIMIT as PLAN_EXACT_LIMIT, MAX_KEPT_HITS, type LiftCosts } from '../src/analysis/cost-plan.ts';
import { members } from '../src/analysis/blast-radius.ts';
import { pathToFocal } from '../src/analysis/exposure-path.ts';
import { simulateScenario } from '../src/analysis/scenario.ts';
import { parallelMonteCarloAnnualLoss } from '../src/analysis-runtime/parallel-loss.ts';
import { planInWorker } from '../src/analysis-runtime/plan-in-worker.ts';
import { UsageError } from '../src/errors.ts';
import type { ExecutiveResponse, PlanResponse, RiskResponse } from './api-types.ts';
import type { NetworkView } from './network-view.ts';

export const DEFAULTS = {
  runs: 10_000,
  seed: 1,
  maxRuns: 100_000,
  maxPlanRuns: 20_000,
  /** Largest budget accepted, yen (¥10 trillion). */
  maxBudget: 1e13,
  /** Monte Carlo work (runs × companies) from which the runs go to worker threads. */
  parallelWork: 5_000_000,
  /** Plan work (runs × companies) from which the plan is computed in a worker thread, so the server keeps answering. */
  planWorkerWork: 500_000,
  /** The executive view's budget when none is given, yen. */
  executiveBudget: 50_000_000,
  executiveRuns: 10_000,
  executivePlanRuns: 5_000,
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

export interface PlanParams extends RiskParams {
  budget: number;
  costs?: Partial<LiftCosts>;
}

/** UsageError (field `exact`) when the network is too large for the plan to enumerate. */
function checkExact(view: NetworkView): void {
  if (view.index.n > PLAN_EXACT_LIMIT) {
    throw new UsageError(`exact: the network has ${view.index.n} companies; exact enumeration handles at most ${PLAN_EXACT_LIMIT} — leave exact out for Monte Carlo`, 'exact');
  }
}

/** The annual loss distribution of the view's network. */
export function riskOf(view: NetworkView, params: RiskParams): Promise<RiskResponse> {
  if (params.exact) checkExactSize(view.index.n);
  const key = params.exact ? `exact θ${view.theta}` : `${params.runs} ${params.seed} θ${view.theta}`;
  return view.kept('risk', key, async (): Promise<RiskResponse> => {
    const model = annualLossModel(view.analysis);
    if (params.exact) return annualLossReport(exactAnnualLoss(model));
    const run = { runs: params.runs, seed: params.seed };
    const inWorkers = params.runs * view.index.n >= DEFAULTS.parallelWork;
    return annualLossReport(inWorkers ? await parallelMonteCarloAnnualLoss(model, run) : monteCarloAnnualLoss(model, run));
  });
}

/** The cost-sharing plan of the view's network for a budget. */
export function planOf(view: NetworkView, params: PlanParams): Promise<PlanResponse> {
  if (params.exact) checkExact(view);
  const { budget, costs, runs, seed, exact } = params;
  const key = `${JSON.stringify({ budget, costs: costs ?? null, runs: exact ? null : runs, seed: exact ? null : seed, exact })} θ${view.theta}`;
  return view.kept('plan', key, async (): Promise<PlanResponse> => {
    const input = { budget, runs, seed, exact, ...(costs ? { costs } : {}) };
    const inWorker = !exact && runs * view.index.n >= DEFAULTS.planWorkerWork;
    const plan = inWorker ? await planInWorker(view.index, input, view.analysis.options) : planCostSharing(view.index, input, view.analysis.options);
    return {
      method: plan.method,
      runs: plan.runs,
      seed: plan.seed,
      budget: plan.budget,
      totalCost: plan.totalCost,
      expectedLossBefore: plan.expectedLossBefore,
      expectedLossAfter: plan.expectedLossAfter,
      rows: plan.rows.map((r) => ({
        supplier: r.supplier,
        name: r.name,
        fromLevel: r.fromLevel,
        toLevel: r.toLevel,
        cost: r.cost,
        avoidedLoss: r.avoidedLoss,
        ratio: r.ratio,
        split: r.split,
      })),
    };
  });
}

/** Plan runs for the executive view: `executivePlanRuns`, fewer when the plan could not keep their hits. */
function executivePlanRuns(view: NetworkView): number {
  let perRun = 0;
  for (const p of view.analysis.hitLikelihood) perRun += p;
  return Math.max(1, Math.min(DEFAULTS.executivePlanRuns, Math.floor(MAX_KEPT_HITS / Math.max(perRun, 1e-9))));
}

/** The one-page executive view for a budget (yen). */
export function executiveOf(view: NetworkView, budget: number): Promise<ExecutiveResponse> {
  return view.kept('executive', String(budget), async (): Promise<ExecutiveResponse> => {
    const { index, analysis: a } = view;
    const exact = index.n <= EXACT_LIMIT;
    const [risk, plan] = await Promise.all([
      riskOf(view, { runs: DEFAULTS.executiveRuns, seed: DEFAULTS.seed, exact }),
      planOf(view, { budget, runs: executivePlanRuns(view), seed: DEFAULTS.seed, exact: false }),
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
      expectedLoss: { mean: risk.expectedAnnualLoss, p99: risk.quantiles.p99, runs: exact ? 2 ** index.n : risk.runs!, method: risk.method },
      topWeakLinks,
      worstBreach,
      plan: {
        budget,
        spent: plan.totalCost,
        suppliers: new Set(plan.rows.map((r) => r.supplier)).size,
        lossBefore: plan.expectedLossBefore,
        lossAfter: plan.expectedLossAfter,
        cutPercent: plan.expectedLossBefore > 0 ? (100 * (plan.expectedLossBefore - plan.expectedLossAfter)) / plan.expectedLossBefore : 0,
      },
    };
  });
}
