/**
 * The executive view of one focal company (GET /api/executive): its own expected annual
 * loss and annual-loss distribution, the suppliers whose hits cost it most, the worst
 * single event among them, and the cost-sharing plan that lowers its loss most — all
 * under the session's assumptions.
 *
 * The loss counted is the focal company's own: its revenue × loss ratio per day it is
 * stopped, from hits anywhere (event losses with the focal company as the only victim).
 * A network without focal companies counts every company's loss. Event losses depend on
 * the outage durations and the loss ratio only, hit likelihoods on the curve only, so a
 * change of assumptions reuses the analysis' stop days: nothing is cascaded again.
 *
 * - distribution: exact enumeration for networks of at most 8 companies, else 10,000
 *   Monte Carlo years with seed 1 (on worker threads for large networks, the same numbers);
 * - top contributors: the 5 companies of highest risk contribution to that loss, each
 *   with the chain from the focal company up to it and the day it stops the focal company;
 * - worst single event: of those, the largest L(x, d) at the longest assumed duration;
 * - plan: `costPlan` with the budget (default ¥50,000,000) over the same losses.
 *
 * Computed once per network version and parameters (`NetworkView.kept`).
 */
import { EXACT_LIMIT } from '../analysis/annual-loss.ts';
import { members } from '../analysis/blast-radius.ts';
import {
  costPlan,
  DEFAULTS as PLAN_DEFAULTS,
  resolveLiftCosts,
  type CostPlan,
  type LiftCosts,
} from '../analysis/cost-plan.ts';
import { eventLosses, type EventLossTable } from '../analysis/event-loss.ts';
import { pathToFocal } from '../analysis/exposure-path.ts';
import { resolveOptions, type AnalysisOptions, type Duration } from '../analysis/options.ts';
import { hitLikelihoodFormula } from '../analysis/analyze.ts';
import { expectedAnnualLoss, hitLikelihoods, rankWeakLinks, riskContributions } from '../analysis/risk.ts';
import { annualLossOf } from './risk.ts';
import { UsageError } from '../errors.ts';
import { byString } from '../model/order.ts';
import type { ExecutiveResponse } from '../contract/api-types.ts';
import type { JobWaiter, NetworkView } from './network-view.ts';

export const EXECUTIVE_DEFAULTS = Object.freeze({
  runs: 10_000,
  seed: 1,
  contributors: 5,
  /** The budget when none is given, yen. */
  budget: 50_000_000,
  /** Largest budget the view accepts, yen (¥10 trillion). */
  maxBudget: 1e13,
});

export interface ExecutiveParams {
  budget: number;
  /** A focal company's id; default the focal company of largest revenue. */
  focal?: string;
  hitBase?: number;
  hitDecay?: number;
  durations?: Duration[];
  lossRatio?: number;
  costs?: Partial<LiftCosts>;
}

/** The executive view for the parameters, computed once per network version and parameters by the view's runner. */
export function executiveOf(
  view: NetworkView,
  params: ExecutiveParams,
  waiter?: JobWaiter,
): Promise<ExecutiveResponse> {
  return view.heavy('executive', `${JSON.stringify(params)} θ${view.theta}`, params, waiter);
}

/**
 * The executive view, computed (the job `executiveOf` runs); `onProgress` hears of the
 * Monte Carlo runs done (of `EXECUTIVE_DEFAULTS.runs`).
 */
export async function executiveView(
  view: NetworkView,
  params: ExecutiveParams,
  onProgress?: (done: number) => void,
): Promise<ExecutiveResponse> {
  const { index, analysis: a } = view;
  const o = optionsOf(view, params);
  const costs = resolveLiftCosts(params.costs ?? {});
  const { focals, scope } = scopeOf(view, params.focal);
  const money = focalMoney(view, o, scope);
  const dist = await annualLossOf(
    { hitLikelihood: money.p, eventLoss: money.eventLoss },
    {
      runs: EXECUTIVE_DEFAULTS.runs,
      seed: EXECUTIVE_DEFAULTS.seed,
      exact: index.n <= EXACT_LIMIT,
      ...(onProgress ? { onProgress } : {}),
    },
  );
  const { topContributors, worstEvent } = contributors(view, o, scope, money);
  const plan = costPlan(
    {
      index,
      options: o,
      own: a.own,
      ownLevel: a.ownLevel,
      hitLikelihood: money.p,
      eventLoss: money.eventLoss,
      failures: a.failures,
      expectedAnnualLoss: money.aal,
    },
    { budget: params.budget, costs },
  );
  const scopeRow =
    scope === null ? null : { id: index.ids[scope]!, name: view.name(scope), revenue: index.value[scope]! };
  return {
    version: view.version,
    companies: index.n,
    focal: focals.map((i) => ({ id: index.ids[i]!, name: view.name(i), revenue: index.value[i]! })),
    scope: scopeRow,
    unassessedShare: index.n > 0 ? view.stats().unassessed / index.n : 0,
    singleSources: view.singleSources().length,
    hiddenCriticalSuppliers: view.hiddenCritical().length,
    criticalSuppliers:
      scope === null ? 0 : a.failures.criticalSuppliers.start[scope + 1]! - a.failures.criticalSuppliers.start[scope]!,
    loss: {
      expectedAnnualLoss: money.aal,
      shareOfRevenue: scopeRow && scopeRow.revenue > 0 ? money.aal / scopeRow.revenue : null,
      quantiles: dist.quantiles,
      exceedance: dist.exceedance,
      occurrence: dist.occurrence,
      method: dist.method,
      runs: dist.runs,
      seed: dist.seed,
      mean: dist.mean,
      standardError: dist.standardError,
    },
    topContributors,
    worstEvent,
    plan: planSummary(plan),
    assumptions: {
      hitLikelihood: hitLikelihoodFormula(o),
      hitBase: o.hitBase,
      hitDecay: o.hitDecay,
      durations: o.durations.map((d) => ({ days: d.days, probability: d.probability })),
      lossRatio: o.lossRatio,
      liftCosts: { sme: [...costs.sme], large: [...costs.large] },
      planTargets: [...PLAN_DEFAULTS.planTargets],
    },
  };
}

/** The analysis options with the session's money assumptions over them. */
function optionsOf(view: NetworkView, params: ExecutiveParams): AnalysisOptions {
  return resolveOptions({
    ...view.analysis.options,
    ...(params.hitBase !== undefined ? { hitBase: params.hitBase } : {}),
    ...(params.hitDecay !== undefined ? { hitDecay: params.hitDecay } : {}),
    ...(params.durations !== undefined ? { durations: params.durations } : {}),
    ...(params.lossRatio !== undefined ? { lossRatio: params.lossRatio } : {}),
  });
}

/** The focal companies, largest revenue first, and the one the page is about (asked, else the first). */
function scopeOf(view: NetworkView, focal: string | undefined): { focals: number[]; scope: number | null } {
  const { index } = view;
  const focals = view
    .focalIndices()
    .slice()
    .sort((p, q) => index.value[q]! - index.value[p]! || byString(index.ids[p]!, index.ids[q]!));
  if (focal === undefined) return { focals, scope: focals[0] ?? null };
  const f = index.indexOf.get(focal);
  if (f === undefined || !focals.includes(f)) {
    const choices = focals.map((i) => index.ids[i]!).join(', ');
    throw new UsageError(
      `focal: "${focal}" is not a focal company of this network; choose one of ${choices || '(none: the network has no focal company)'}`,
      'focal',
    );
  }
  return { focals, scope: f };
}

interface FocalMoney {
  p: Float64Array;
  eventLoss: EventLossTable;
  risk: Float64Array;
  aal: number;
}

/** The focal company's own money: every hit's loss counted on the focal company alone (its victims mask). */
function focalMoney(view: NetworkView, o: AnalysisOptions, scope: number | null): FocalMoney {
  const { index, analysis: a } = view;
  let victims: Uint8Array | undefined;
  if (scope !== null) {
    victims = new Uint8Array(index.n);
    victims[scope] = 1;
  }
  const p = hitLikelihoods(a.own, o);
  const eventLoss = eventLosses(index, a.failures, o, victims);
  const risk = riskContributions(p, eventLoss.expected);
  return { p, eventLoss, risk, aal: expectedAnnualLoss(risk) };
}

/** The top contributors with their chains and the day the focal company stops, and the worst single event among them. */
function contributors(
  view: NetworkView,
  o: AnalysisOptions,
  scope: number | null,
  money: FocalMoney,
): Pick<ExecutiveResponse, 'topContributors' | 'worstEvent'> {
  const { index, analysis: a } = view;
  const { p, eventLoss, risk } = money;
  const K = o.durations.length;
  let longest = 0;
  for (let k = 1; k < K; k++) if (o.durations[k]!.days > o.durations[longest]!.days) longest = k;
  /** The day the focal company stops when x is hit (x itself: 0), or null. */
  const focalStopDay = (x: number): number | null => {
    if (scope === null) return null;
    if (x === scope) return 0;
    const radius = members(a.failures.blastRadius, x);
    const k = radius.indexOf(scope);
    return k < 0 ? null : a.failures.stopDays[a.failures.blastRadius.start[x]! + k]!;
  };
  const top = rankWeakLinks(index, risk, EXECUTIVE_DEFAULTS.contributors).filter((x) => risk[x]! > 0);
  const topContributors = top.map((x) => {
    const radius = members(a.failures.blastRadius, x);
    const path =
      scope !== null && x !== scope && radius.includes(scope)
        ? pathToFocal(index, radius, a.tier, x, scope)
        : pathToFocal(index, radius, a.tier, x);
    return {
      id: index.ids[x]!,
      name: view.name(x),
      riskContribution: risk[x]!,
      hitLikelihood: p[x]!,
      expectedEventLoss: eventLoss.expected[x]!,
      exposurePath: path.map((i) => ({ id: index.ids[i]!, name: view.name(i) })),
      ownScore: a.own[x]!,
      unassessed: a.unassessed[x] === 1,
      blastRadiusSize: radius.length,
      focalStopDay: focalStopDay(x),
      reason: reasonOf(view, x),
    };
  });
  let worstEvent: ExecutiveResponse['worstEvent'] = null;
  for (const x of top) {
    const loss = eventLoss.byDuration[x * K + longest]!;
    if (worstEvent === null || loss > worstEvent.loss) {
      const stopped = a.failures.blastRadius.start[x + 1]! - a.failures.blastRadius.start[x]! + 1;
      worstEvent = {
        id: index.ids[x]!,
        name: view.name(x),
        days: o.durations[longest]!.days,
        loss,
        focalStopDay: focalStopDay(x),
        stopped,
      };
    }
  }
  return { topContributors, worstEvent };
}

/** The plan as the page shows it: its headline figures and the lifts. */
function planSummary(plan: CostPlan): ExecutiveResponse['plan'] {
  return {
    budget: plan.budget,
    spent: plan.totalCost,
    suppliers: plan.lifts.length,
    lossBefore: plan.expectedAnnualLossBefore,
    lossAfter: plan.expectedAnnualLossAfter,
    avoided: plan.avoided,
    cutPercent: plan.expectedAnnualLossBefore > 0 ? (100 * plan.avoided) / plan.expectedAnnualLossBefore : 0,
    optimal: plan.optimal,
    gapPercent: plan.upperBound > 0 ? (100 * (plan.upperBound - plan.avoided)) / plan.upperBound : 0,
    method: plan.method,
    lifts: plan.lifts.map((l) => ({
      supplier: l.supplier,
      name: l.name,
      fromLevel: l.fromLevel,
      toLevel: l.toLevel,
      cost: l.cost,
      avoided: l.avoided,
    })),
  };
}

/** Why a contributor matters, in one line: its own score and how many companies its hit stops. */
function reasonOf(view: NetworkView, x: number): string {
  const a = view.analysis;
  const size = a.failures.blastRadius.start[x + 1]! - a.failures.blastRadius.start[x]!;
  const score = a.unassessed[x] === 1 ? 'unassessed (scored 0)' : `own score ${a.own[x]}`;
  return `${score}; ${size === 0 ? 'no other company stops if it alone is hit' : `${size} compan${size === 1 ? 'y stops' : 'ies stop'} if it is hit`}`;
}
