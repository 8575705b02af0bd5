/**
 * The money view: POST /api/risk — the annual loss distribution over the event loss table
 * (each company hit at most once a year with p(own score), each hit lasting a drawn
 * outage; the year's loss adds its events): expected annual loss, 1-in-20/100/200-year
 * annual losses, the exceedance curves of the annual loss and of the largest single
 * event. Monte Carlo (runs ≤ 100,000, default 10,000; seed default 1 — same seed, same
 * numbers) or exact over every hit set and duration (`exact`, at most 8 companies). POST /api/plan — which
 * suppliers to lift to which level so that a budget avoids the most expected annual loss,
 * and who pays which part.
 * GET /api/executive?budget= — the one-page view for executives (default budget
 * ¥50,000,000). Each answer is computed once per network version and parameters
 * (risk-views.ts), so asking again is instant.
 */
import { z } from 'zod';
import { defineRoute } from '../route.ts';
import { EXACT_LIMIT } from '../../src/analysis/annual-loss.ts';
import { DEFAULTS as PLAN_DEFAULTS } from '../../src/analysis/cost-plan.ts';
import { executiveOf } from '../../src/app/executive.ts';
import { DEFAULTS, planOf, riskOf } from '../../src/app/risk-views.ts';
import { ExecutiveSchema, PlanSchema, RiskSchema } from '../../src/contract/schemas.ts';

const seed = z
  .number()
  .int()
  .min(0)
  .max(0xffffffff)
  .default(DEFAULTS.seed)
  .describe(`Seed of the Monte Carlo runs, 0–4294967295 (default ${DEFAULTS.seed}).`);
const exact = z
  .boolean()
  .default(false)
  .describe(
    `Enumerate every hit set and every duration of each hit instead of sampling (networks of at most ${EXACT_LIMIT} companies).`,
  );

export const RiskBody = z.strictObject({
  runs: z
    .number()
    .int()
    .min(1)
    .max(DEFAULTS.maxRuns)
    .default(DEFAULTS.runs)
    .describe(`Monte Carlo runs, 1–${DEFAULTS.maxRuns} (default ${DEFAULTS.runs}).`),
  seed,
  exact,
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

const levelCosts = z.array(z.number().positive().max(PLAN_DEFAULTS.maxBudget)).length(5);

export const PlanBody = z.strictObject({
  budget: z.number().min(0).max(PLAN_DEFAULTS.maxBudget).describe('Budget in yen, 0 to 1e15.'),
  costs: z
    .strictObject({ sme: levelCosts.optional(), large: levelCosts.optional() })
    .optional()
    .describe(
      'Cost in yen of each level step (0→1 … 4→5) by company size; default the assumed table (README, "Cost-sharing plan").',
    ),
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
  summary:
    'The cost-sharing plan: one target level per supplier chosen to avoid the most expected annual loss within the budget (exact, or within a stated gap of the best), each lift split among the large buyers that gain.',
  body: PlanBody,
  response: PlanSchema,
  errors: [413, 503],
  handle: async ({ body }, { cache }) => planOf(await cache.view(), body),
});

/** "1:0.2,5:0.25,…" → durations; a malformed entry is an issue naming it. */
const durationsText = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    const entries = text.split(',').filter((e) => e.trim() !== '');
    const out: { days: number; probability: number }[] = [];
    entries.forEach((entry, i) => {
      const m = /^\s*(\d+)\s*:\s*([0-9.eE+-]+)\s*$/.exec(entry);
      if (!m) {
        ctx.addIssue({
          code: 'custom',
          message: `entry ${i + 1} "${entry}" is not days:probability (e.g. 14:0.25); days are whole numbers`,
        });
        return;
      }
      out.push({ days: Number(m[1]), probability: Number(m[2]) });
    });
    if (entries.length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one days:probability entry' });
    return out;
  })
  .describe(
    'Full-stop days of an outage and their probabilities, "days:probability,…" summing to 1 (default 1:0.2,5:0.25,14:0.25,30:0.15,60:0.1,120:0.05).',
  );

/** "a,b,c,d,e" → five yen amounts (level steps 0→1 … 4→5). */
const costsText = z
  .string()
  .max(500)
  .transform((text, ctx) => {
    const parts = text.split(',').map((x) => Number(x.trim()));
    if (parts.length !== 5 || parts.some((x) => !(Number.isFinite(x) && x > 0 && x <= PLAN_DEFAULTS.maxBudget))) {
      ctx.addIssue({
        code: 'custom',
        message: `give five costs in yen greater than 0, one per level step 0→1 … 4→5, separated by commas; got "${text}"`,
      });
    }
    return parts;
  });

export const ExecutiveQuery = z.strictObject({
  budget: z.coerce
    .number()
    .min(0)
    .max(DEFAULTS.maxBudget)
    .default(DEFAULTS.executiveBudget)
    .describe(`Security budget in yen for the plan (default ${DEFAULTS.executiveBudget.toLocaleString('en')}).`),
  focal: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('The focal company the page is about; default the focal company of largest revenue.'),
  hitBase: z.coerce
    .number()
    .gt(0)
    .lte(1)
    .optional()
    .describe('Hit likelihood p(s) = min(1, hitBase × hitDecay^s): the base, in (0, 1] (default 0.015).'),
  hitDecay: z.coerce.number().gt(0).lte(1).optional().describe('The decay per score point, in (0, 1] (default 0.975).'),
  durations: durationsText.optional(),
  lossRatio: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Share of revenue a stopped day loses, 0–1 (default 1: revenue at risk).'),
  costsSme: costsText
    .optional()
    .describe(
      'Lift costs of an SME in yen, five steps "a,b,c,d,e" (default 300000,1000000,3000000,10000000,25000000).',
    ),
  costsLarge: costsText
    .optional()
    .describe(
      'Lift costs of a large company in yen, five steps (default 1500000,5000000,15000000,50000000,125000000).',
    ),
});

export const executiveRoute = defineRoute({
  method: 'get',
  path: '/api/executive',
  operationId: 'executive',
  access: 'viewer',
  summary:
    "One focal company's page: its expected annual loss and 1-in-100-year annual loss, the exceedance curves, the top contributors with their chains and stop days, the worst single event, the plan headline, and the assumptions (each changeable in the query).",
  query: ExecutiveQuery,
  response: ExecutiveSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => {
    const { budget, focal, hitBase, hitDecay, durations, lossRatio, costsSme, costsLarge } = query;
    const costs = { ...(costsSme ? { sme: costsSme } : {}), ...(costsLarge ? { large: costsLarge } : {}) };
    return executiveOf(await cache.view(), {
      budget,
      ...(focal !== undefined ? { focal } : {}),
      ...(hitBase !== undefined ? { hitBase } : {}),
      ...(hitDecay !== undefined ? { hitDecay } : {}),
      ...(durations !== undefined ? { durations } : {}),
      ...(lossRatio !== undefined ? { lossRatio } : {}),
      ...(costsSme || costsLarge ? { costs } : {}),
    });
  },
});
