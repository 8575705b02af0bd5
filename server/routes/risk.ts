/**
 * The money view: POST /api/risk — the annual loss distribution (every company hit
 * independently with p(own score), the cascade, loss = revenue of the disrupted set):
 * Monte Carlo (runs ≤ 100,000, default 10,000; seed default 1 — same seed, same numbers)
 * or exact over every hit set (`exact`, at most 20 companies). POST /api/plan — which
 * suppliers to lift to which level so that a budget avoids the most expected annual loss,
 * and who pays which part.
 * GET /api/executive?budget= — the one-page view for executives (default budget
 * ¥50,000,000). Each answer is computed once per network version and parameters
 * (risk-views.ts), so asking again is instant.
 */
import { z } from 'zod';
import { defineRoute } from '../route.ts';
import { DEFAULTS as PLAN_DEFAULTS } from '../../src/analysis/cost-plan.ts';
import { DEFAULTS, executiveOf, planOf, riskOf } from '../risk-views.ts';
import { ExecutiveSchema, PlanSchema, RiskSchema } from '../schemas.ts';

const seed = z.number().int().min(0).max(0xffffffff).default(DEFAULTS.seed).describe(`Seed of the Monte Carlo runs, 0–4294967295 (default ${DEFAULTS.seed}).`);
const exact = z.boolean().default(false).describe('Enumerate every hit set instead of sampling (networks of at most 20 companies).');

export const RiskBody = z.strictObject({
  runs: z.number().int().min(1).max(DEFAULTS.maxRuns).default(DEFAULTS.runs).describe(`Monte Carlo runs, 1–${DEFAULTS.maxRuns} (default ${DEFAULTS.runs}).`),
  seed,
  exact,
});

export const riskRoute = defineRoute({
  method: 'post',
  path: '/api/risk',
  operationId: 'risk',
  access: 'viewer',
  summary: 'The annual loss distribution: mean, p95, p99 and the companies hit most often in the worst 5% of years.',
  body: RiskBody,
  response: RiskSchema,
  errors: [413, 503],
  handle: async ({ body }, { cache }) => riskOf(await cache.view(), body),
});

const levelCosts = z.array(z.number().positive().max(PLAN_DEFAULTS.maxBudget)).length(5);

export const PlanBody = z.strictObject({
  budget: z.number().min(0).max(PLAN_DEFAULTS.maxBudget).describe('Budget in yen, 0 to 1e15.'),
  costs: z
    .strictObject({ sme: levelCosts.optional(), large: levelCosts.optional() })
    .optional()
    .describe('Cost in yen of each level step (0→1 … 4→5) by company size; default the assumed table (README, "Cost-sharing plan").'),
  planTargets: z
    .array(z.number().int().min(1).max(5))
    .min(1)
    .max(5)
    .optional()
    .describe(`Levels a supplier may be lifted to, each 1–5 (default ${PLAN_DEFAULTS.planTargets.join(', ')}).`),
});

export const planRoute = defineRoute({
  method: 'post',
  path: '/api/plan',
  operationId: 'plan',
  access: 'viewer',
  summary: 'The cost-sharing plan: one target level per supplier chosen to avoid the most expected annual loss within the budget (exact, or within a stated gap of the best), each lift split among the large buyers that gain.',
  body: PlanBody,
  response: PlanSchema,
  errors: [413, 503],
  handle: async ({ body }, { cache }) => planOf(await cache.view(), body),
});

export const ExecutiveQuery = z.strictObject({
  budget: z.coerce
    .number()
    .min(0)
    .max(DEFAULTS.maxBudget)
    .default(DEFAULTS.executiveBudget)
    .describe(`Security budget in yen for the plan headline (default ${DEFAULTS.executiveBudget.toLocaleString('en')}).`),
});

export const executiveRoute = defineRoute({
  method: 'get',
  path: '/api/executive',
  operationId: 'executive',
  access: 'viewer',
  summary: 'The one-page executive view: counts, expected loss, the top weak links and their exposure paths, the worst single breach, the plan headline.',
  query: ExecutiveQuery,
  response: ExecutiveSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => executiveOf(await cache.view(), query.budget),
});
