/**
 * The money view: POST /api/risk — the annual loss distribution over the event loss table
 * (each company hit at most once a year with p(own score), each hit lasting a drawn
 * outage; the year's loss adds its events): expected annual loss, 1-in-20/100/200-year
 * annual losses, the exceedance curves of the annual loss and of the largest single
 * event. Monte Carlo (runs ≤ 100,000, default 10,000; seed default 1 — same seed, same
 * numbers) or exact over every hit set and duration (`exact`, at most 8 companies). POST /api/plan — where a
 * shared security budget lowers the expected loss most, and who pays which part.
 * GET /api/executive?budget= — the one-page view for executives (default budget
 * ¥50,000,000). Each answer is computed once per network version and parameters
 * (risk-views.ts), so asking again is instant.
 */
import { z } from 'zod';
import { EXACT_LIMIT } from '../../src/analysis/annual-loss.ts';
import { defineRoute } from '../route.ts';
import { DEFAULTS, executiveOf, planOf, riskOf } from '../risk-views.ts';
import { ExecutiveSchema, PlanSchema, RiskSchema } from '../schemas.ts';

const seed = z.number().int().min(0).max(0xffffffff).default(DEFAULTS.seed).describe(`Seed of the Monte Carlo runs, 0–4294967295 (default ${DEFAULTS.seed}).`);
const exact = z.boolean().default(false).describe('Enumerate every hit set instead of sampling (networks of at most 20 companies).');

export const RiskBody = z.strictObject({
  runs: z.number().int().min(1).max(DEFAULTS.maxRuns).default(DEFAULTS.runs).describe(`Monte Carlo runs, 1–${DEFAULTS.maxRuns} (default ${DEFAULTS.runs}).`),
  seed,
  exact: z
    .boolean()
    .default(false)
    .describe(`Enumerate every hit set and every duration of each hit instead of sampling (networks of at most ${EXACT_LIMIT} companies).`),
});

export const riskRoute = defineRoute({
  method: 'post',
  path: '/api/risk',
  operationId: 'risk',
  access: 'viewer',
  summary:
    'The annual loss distribution: expected annual loss, 1-in-20/100/200-year annual losses, the exceedance curves of the annual loss (AEP) and of the largest single event (OEP).',
  body: RiskBody,
  response: RiskSchema,
  errors: [413, 503],
  handle: async ({ body }, { cache }) => riskOf(await cache.view(), body),
});

const levelCosts = z.array(z.number().positive().max(DEFAULTS.maxBudget)).length(5);

export const PlanBody = z.strictObject({
  budget: z.number().min(0).max(DEFAULTS.maxBudget).describe('Budget in yen, 0–10,000,000,000,000.'),
  costs: z
    .strictObject({ sme: levelCosts.optional(), large: levelCosts.optional() })
    .optional()
    .describe('Cost in yen of each level lift (0→1 … 4→5) by company size; default the assumed table (README, "Cost-sharing plan").'),
  runs: z.number().int().min(1).max(DEFAULTS.maxPlanRuns).default(DEFAULTS.runs).describe(`Monte Carlo runs of the expected loss, 1–${DEFAULTS.maxPlanRuns} (default ${DEFAULTS.runs}).`),
  seed,
  exact,
});

export const planRoute = defineRoute({
  method: 'post',
  path: '/api/plan',
  operationId: 'plan',
  access: 'viewer',
  summary: 'The cost-sharing plan: level lifts chosen by expected loss avoided per yen within the budget, each split among the large buyers that gain.',
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
