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
import { defineRoute, downloadFormat } from '../route.ts';
import { executiveSheets, planSheets } from '../../src/app/exports.ts';
import { EXACT_LIMIT } from '../../src/analysis/annual-loss.ts';
import { parseDurations, parseLiftCosts } from '../../src/app/assumptions.ts';
import { executiveOf } from '../../src/app/executive.ts';
import { planOf, PlanRequest } from '../../src/app/plan.ts';
import { RISK_DEFAULTS as DEFAULTS, riskOf } from '../../src/app/risk.ts';
import { EXECUTIVE_DEFAULTS } from '../../src/app/executive.ts';
import { ExecutiveSchema, PlanSchema, RiskSchema } from '../../src/contract/schemas.ts';
import { jobCost } from '../../src/app/job-cost.ts';

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
  heavy: 'risk',
  access: 'viewer',
  asOf: true,
  summary:
    'The annual loss distribution: expected annual loss, 1-in-20/100/200-year annual losses, the exceedance curves of the annual loss (AEP) and of the largest single event (OEP).',
  body: RiskBody,
  response: RiskSchema,
  errors: [413, 503],
  handle: async ({ body, job }, { cache }) => {
    const view = await cache.view();
    job.admit(jobCost('risk', body, view.index.n));
    return riskOf(view, body, job.waiter);
  },
});

export const planRoute = defineRoute({
  method: 'post',
  path: '/api/plan',
  operationId: 'plan',
  heavy: 'plan',
  access: 'viewer',
  asOf: true,
  summary:
    'The cost-sharing plan: one target level per supplier chosen to avoid the most expected annual loss within the budget (exact, or within a stated gap of the best), each lift split among the large buyers that gain.',
  query: z.strictObject(downloadFormat),
  body: PlanRequest,
  response: PlanSchema,
  sheets: planSheets,
  errors: [413, 503],
  handle: async ({ body, job }, { cache }) => {
    const view = await cache.view();
    job.admit(jobCost('plan', body, view.index.n));
    return planOf(view, body, job.waiter);
  },
});

/** A text field read by `parse` (src/app/assumptions.ts): its OptionError becomes the field's issue. */
const parsedText = <T>(max: number, parse: (text: string) => T) =>
  z
    .string()
    .max(max)
    .transform((text, ctx) => {
      try {
        return parse(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    });

const durationsText = parsedText(2000, (text) => parseDurations(text)).describe(
  'Full-stop days of an outage and their probabilities, "days:probability,…" summing to 1 (default 1:0.2,5:0.25,14:0.25,30:0.15,60:0.1,120:0.05).',
);
const costsText = parsedText(500, (text) => parseLiftCosts(text));

export const ExecutiveQuery = z.strictObject({
  budget: z.coerce
    .number()
    .min(0)
    .max(EXECUTIVE_DEFAULTS.maxBudget)
    .default(EXECUTIVE_DEFAULTS.budget)
    .describe(`Security budget in yen for the plan (default ${EXECUTIVE_DEFAULTS.budget.toLocaleString('en')}).`),
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
  ...downloadFormat,
});

export const executiveRoute = defineRoute({
  method: 'get',
  path: '/api/executive',
  operationId: 'executive',
  heavy: 'executive',
  access: 'viewer',
  asOf: true,
  summary:
    "One focal company's page: its expected annual loss and 1-in-100-year annual loss, the exceedance curves, the top contributors with their chains and stop days, the worst single event, the plan headline, and the assumptions (each changeable in the query).",
  query: ExecutiveQuery,
  response: ExecutiveSchema,
  sheets: executiveSheets,
  errors: [503],
  handle: async ({ query, job }, { cache }) => {
    const { budget, focal, hitBase, hitDecay, durations, lossRatio, costsSme, costsLarge } = query;
    const costs = { ...(costsSme ? { sme: costsSme } : {}), ...(costsLarge ? { large: costsLarge } : {}) };
    const view = await cache.view();
    job.admit(jobCost('executive', { budget }, view.index.n));
    return executiveOf(
      view,
      {
        budget,
        ...(focal !== undefined ? { focal } : {}),
        ...(hitBase !== undefined ? { hitBase } : {}),
        ...(hitDecay !== undefined ? { hitDecay } : {}),
        ...(durations !== undefined ? { durations } : {}),
        ...(lossRatio !== undefined ? { lossRatio } : {}),
        ...(costsSme || costsLarge ? { costs } : {}),
      },
      job.waiter,
    );
  },
});
