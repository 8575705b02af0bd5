/**
 * What a heavy job costs, and how much each role may spend on one. The cost is an
 * estimate in work units — about one company in one Monte Carlo year — from the request
 * and the network's size, before anything runs:
 *
 * - risk: runs × companies (exact: companies);
 * - plan: candidates (companies × plan targets) × `planPerCandidate`;
 * - executive: its 10,000 runs × companies, plus its plan;
 * - scenario: days × companies × `dayPerCompany`, plus, with what-ifs, one re-analysis
 *   (companies × `analysisPerCompany`) and companies × `whatIfPerCompany` per what-if.
 *
 * The weights were measured at 100,000 companies on one worker (test/bench/pool.ts):
 * about 1–2×10⁹ units take a second, whatever the kind. A role's budget is the most one
 * job may cost (defaults: viewer 2×10¹⁰, about 10–20 s of one core — the executive view
 * of a million companies fits; analyst and admin 10¹¹); a job beyond it is refused before
 * it starts with an OverBudgetError (429) saying what to lower, and to what.
 *
 * @example
 *   checkBudget('viewer', jobCost('risk', { runs: 100_000, seed: 1, exact: false }, 1_000_000)); // throws: at most 20,000 runs
 */
import { DEFAULTS as PLAN_DEFAULTS } from '../analysis/cost-plan.ts';
import type { Role } from '../auth/roles.ts';
import { WeaklinkError } from '../errors.ts';
import { EXECUTIVE_DEFAULTS } from './executive.ts';
import type { HeavyKind, HeavyParams } from './heavy-jobs.ts';

export const COST_DEFAULTS = Object.freeze({
  /** Units per plan candidate (a company and a target level). */
  planPerCandidate: 2_000,
  /** Units per company of one re-analysis (a scenario's what-ifs). */
  analysisPerCompany: 2_000,
  /** Units per company and what-if. */
  whatIfPerCompany: 200,
  /** Units per company and simulated day. */
  dayPerCompany: 10,
  /** The most one job may cost, per role. */
  budgets: Object.freeze({ viewer: 2e10, analyst: 1e11, admin: 1e11 }) as Readonly<Record<Role, number>>,
});

/** A job's estimated cost: its units, how they add up, and what to lower to fit `budget`. */
export interface JobCost {
  kind: HeavyKind;
  units: number;
  /** e.g. "20,000 runs × 100,000 companies". */
  formula: string;
  /** What to ask for instead to cost at most `budget` units (null: nothing in the request lowers it). */
  lower(budget: number): string | null;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const sci = (n: number): string => n.toExponential(1).replace('e+', '×10^');

/** Plan candidates: companies × plan targets. */
function planUnits(n: number, targets: number): number {
  return n * targets * COST_DEFAULTS.planPerCandidate;
}

/** The estimated cost of the job `kind` with `params` on a network of `n` companies. */
export function jobCost<K extends HeavyKind>(kind: K, params: HeavyParams[K], n: number): JobCost {
  const c = COST_DEFAULTS;
  switch (kind) {
    case 'risk': {
      const { runs, exact } = params as HeavyParams['risk'];
      if (exact) return { kind, units: n, formula: `exact over ${fmt(n)} companies`, lower: () => null };
      return {
        kind,
        units: runs * n,
        formula: `${fmt(runs)} runs × ${fmt(n)} companies`,
        lower: (budget) => `at most ${fmt(Math.max(1, Math.floor(budget / Math.max(1, n))))} runs`,
      };
    }
    case 'plan': {
      const targets = (params as HeavyParams['plan']).planTargets?.length ?? PLAN_DEFAULTS.planTargets.length;
      return {
        kind,
        units: planUnits(n, targets),
        formula: `${fmt(n)} companies × ${targets} plan targets × ${fmt(c.planPerCandidate)}`,
        lower: (budget) => {
          const fit = Math.floor(budget / planUnits(n, 1));
          return fit >= 1 ? `at most ${fit} plan target${fit === 1 ? '' : 's'} (planTargets)` : null;
        },
      };
    }
    case 'executive': {
      const targets = PLAN_DEFAULTS.planTargets.length;
      return {
        kind,
        units: EXECUTIVE_DEFAULTS.runs * n + planUnits(n, targets),
        formula: `${fmt(EXECUTIVE_DEFAULTS.runs)} runs × ${fmt(n)} companies, and a plan over ${fmt(n)} companies × ${targets} targets`,
        lower: () => null,
      };
    }
    case 'scenario': {
      const { days, whatIf } = params as HeavyParams['scenario'];
      const ops = whatIf?.length ?? 0;
      const fixed = ops > 0 ? n * c.analysisPerCompany : 0;
      const perOp = n * c.whatIfPerCompany;
      const perDay = n * c.dayPerCompany;
      return {
        kind,
        units: fixed + ops * perOp + Math.max(1, days) * perDay,
        formula: `${fmt(Math.max(1, days))} days and ${ops} what-ifs over ${fmt(n)} companies`,
        lower: (budget) => {
          const dayFit = Math.floor((budget - fixed - ops * perOp) / perDay);
          if (dayFit >= 1) return `at most ${fmt(dayFit)} days`;
          const opFit = Math.floor((budget - fixed - perDay) / perOp);
          return opFit >= 1 ? `at most ${opFit} what-ifs and 1 day` : null;
        },
      };
    }
  }
  throw new Error(`jobCost: unknown kind ${String(kind)}`);
}

/** A job costs more than the caller's role may spend on one: 429, with what to lower. */
export class OverBudgetError extends WeaklinkError {
  override name = 'OverBudgetError';
  constructor(
    message: string,
    readonly cost: JobCost,
  ) {
    super(message);
  }
}

/** Throws an OverBudgetError when `cost` is beyond `role`'s budget (default COST_DEFAULTS.budgets). */
export function checkBudget(
  role: Role,
  cost: JobCost,
  budgets: Readonly<Record<Role, number>> = COST_DEFAULTS.budgets,
): void {
  const budget = budgets[role];
  if (cost.units <= budget) return;
  const lower = cost.lower(budget);
  throw new OverBudgetError(
    `this ${cost.kind} job would cost ${sci(cost.units)} work units (${cost.formula}); a ${role} may start jobs of at most ${sci(budget)}: ` +
      (lower ? `ask for ${lower}` : 'the network is too large for this role') +
      (role === 'admin' ? ', or raise the budget (--job-budget-admin)' : `, or ask someone with a higher role`),
    cost,
  );
}
