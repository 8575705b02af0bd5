/**
 * Use case "the cost-sharing plan" — what `weaklink plan` and `POST /api/plan` both run:
 * the request (budget in yen, optional lift-cost table and target levels) checked by one
 * schema, then `costPlan` over the analysis (its event loss table). `planOf` answers it for
 * an analysed network version (the server's view), kept with the version per request.
 *
 * @example
 *   const plan = planFor(analysis, PlanRequest.parse({ budget: 50_000_000 }));
 */
import { z } from 'zod';
import { costPlan, DEFAULTS as PLAN_DEFAULTS, type CostPlan, type PlanAnalysis } from '../analysis/cost-plan.ts';
import type { PlanResponse } from '../contract/api-types.ts';
import type { JobWaiter, NetworkView } from './network-view.ts';

/** Five yen amounts, the level steps 0→1 … 4→5. */
export const LevelCosts = z.array(z.number().positive().max(PLAN_DEFAULTS.maxBudget)).length(5);

/** The lift-cost table by company size (either may be left to the assumed table). */
export const LiftCostTable = z.strictObject({ sme: LevelCosts.optional(), large: LevelCosts.optional() });

export const PlanRequest = z.strictObject({
  budget: z.number().min(0).max(PLAN_DEFAULTS.maxBudget).describe('Budget in yen, 0 to 1e15.'),
  costs: LiftCostTable.optional().describe(
    'Cost in yen of each level step (0→1 … 4→5) by company size; default the assumed table (README, "Cost-sharing plan").',
  ),
  planTargets: z
    .array(z.number().int().min(1).max(5))
    .min(1)
    .max(5)
    .optional()
    .describe(`Levels a supplier may be lifted to, each 1–5 (default ${PLAN_DEFAULTS.planTargets.join(', ')}).`),
});
export type PlanRequest = z.infer<typeof PlanRequest>;

/** The plan of `analysis` for the request. */
export function planFor(analysis: PlanAnalysis, request: PlanRequest): CostPlan {
  const { budget, costs, planTargets } = request;
  return costPlan(analysis, { budget, ...(costs ? { costs } : {}), ...(planTargets ? { planTargets } : {}) });
}

/** The plan of the view's network, computed once per request by the view's runner and kept with the version. */
export function planOf(view: NetworkView, request: PlanRequest, waiter?: JobWaiter): Promise<PlanResponse> {
  const key = `${JSON.stringify({ budget: request.budget, costs: request.costs ?? null, planTargets: request.planTargets ?? null })} θ${view.theta}`;
  return view.heavy('plan', key, request, waiter);
}
