/**
 * Breach scenarios: POST /api/scenario (viewer) runs one — the hit companies down for
 * `days` days, day by day, after the `whatIf` changes when given (with every analysis
 * before and after) — without saving it. Saved scenarios: GET /api/scenarios lists them
 * (newest first, results left out), POST /api/scenarios (analyst) runs one and saves it
 * under its name (replacing one of the same name) with the caller's token name and the
 * network version, GET /api/scenarios/{name} answers one, DELETE (analyst) deletes one,
 * GET /api/scenarios/compare?a=&b= puts two side by side. Saved scenarios live in the
 * store, apart from the network: they survive network loads and server restarts.
 */
import { z } from 'zod';
import { whatIfSchema } from '../../src/model/scenario.ts';
import { defineRoute, downloadFormat } from '../route.ts';
import { scenarioSheets } from '../../src/app/exports.ts';
import {
  compareSaved,
  DEFAULTS,
  deleteSaved,
  runScenario,
  savedScenario,
  saveScenario,
  scenarioListItem,
} from '../../src/app/scenario.ts';
import {
  SavedScenarioListSchema,
  SavedScenarioSchema,
  ScenarioComparisonSchema,
  ScenarioDeleteSchema,
  ScenarioSchema,
} from '../../src/contract/schemas.ts';
import { jobCost } from '../../src/app/job-cost.ts';

/** Path segment of GET /api/scenarios/compare, so no scenario may be named so. */
const RESERVED = 'compare';

export const ScenarioName = z
  .string()
  .min(1)
  .max(80)
  .regex(
    /^[\p{L}\p{N}](?:[\p{L}\p{N} ._+-]*[\p{L}\p{N}._+-])?$/u,
    "use 1–80 letters, digits, spaces, '-', '_', '+' or '.', starting with a letter or digit and not ending with a space",
  )
  .describe('Scenario name: 1–80 letters, digits, spaces, - _ + . (starting with a letter or digit).');

const scenarioFields = {
  hit: z
    .array(z.string().min(1).max(1000))
    .min(1)
    .max(DEFAULTS.maxHit)
    .describe(`Ids of the companies hit on day 0 (1–${DEFAULTS.maxHit}).`),
  days: z
    .number()
    .int()
    .min(0)
    .max(DEFAULTS.maxDays)
    .describe(`Days the hit companies are down (0–${DEFAULTS.maxDays}); they are back on day \`days\`.`),
  whatIf: z
    .array(whatIfSchema)
    .max(DEFAULTS.maxWhatIf)
    .optional()
    .describe(
      `At most ${DEFAULTS.maxWhatIf} changes applied first, in order: raise-level, add-supplier, remove-supplier.`,
    ),
};

export const ScenarioBody = z.strictObject(scenarioFields);

export const scenarioRoute = defineRoute({
  method: 'post',
  path: '/api/scenario',
  operationId: 'runScenario',
  heavy: 'scenario',
  access: 'viewer',
  asOf: true,
  summary:
    'Hit companies for N days: what stops when and recovers, the revenue at risk per day; with what-ifs, every analysis before and after. Not saved.',
  query: z.strictObject(downloadFormat),
  body: ScenarioBody,
  response: ScenarioSchema,
  sheets: scenarioSheets,
  errors: [404, 413, 503],
  handle: async ({ body, job }, { cache }) => {
    const view = await cache.view();
    job.admit(jobCost('scenario', body, view.index.n));
    return runScenario(view, body, job.waiter);
  },
});

export const scenarioListRoute = defineRoute({
  method: 'get',
  path: '/api/scenarios',
  operationId: 'listScenarios',
  access: 'viewer',
  summary: 'The saved scenarios, newest first, with their headline numbers (results left out).',
  response: SavedScenarioListSchema,
  errors: [503],
  handle: async (_, { store }) => ({ items: (await store.listScenarios()).map(scenarioListItem) }),
});

export const ScenarioSaveBody = z.strictObject({
  name: ScenarioName.refine((name) => name !== RESERVED, `"${RESERVED}" is reserved; choose another name`),
  ...scenarioFields,
});

export const scenarioSaveRoute = defineRoute({
  method: 'post',
  path: '/api/scenarios',
  operationId: 'saveScenario',
  heavy: 'scenario',
  access: 'analyst',
  asOf: true,
  summary:
    'Run a scenario and save it under its name (replacing one of the same name), with who saved it and the network version.',
  body: ScenarioSaveBody,
  response: SavedScenarioSchema,
  errors: [404, 409, 413, 503],
  change: (out) => ({ scenario: { saved: out.name, version: out.version } }),
  handle: async ({ body, job }, { cache, store, limits }, caller) => {
    const view = await cache.view();
    job.admit(jobCost('scenario', body, view.index.n));
    return saveScenario(view, store, body, caller?.name ?? 'unknown', limits.scenarios, job.waiter);
  },
});

export const scenarioCompareRoute = defineRoute({
  method: 'get',
  path: '/api/scenarios/compare',
  operationId: 'compareScenarios',
  access: 'viewer',
  summary: 'Two saved scenarios side by side, with the companies that stop in only one of them or in both.',
  query: z.strictObject({
    a: ScenarioName.describe('Name of the first saved scenario.'),
    b: ScenarioName.describe('Name of the second saved scenario.'),
  }),
  response: ScenarioComparisonSchema,
  errors: [404, 503],
  handle: ({ query }, { store }) => compareSaved(store, query.a, query.b),
});

export const ScenarioParams = z.strictObject({ name: ScenarioName });

export const scenarioGetRoute = defineRoute({
  method: 'get',
  path: '/api/scenarios/{name}',
  operationId: 'getScenario',
  access: 'viewer',
  summary: 'One saved scenario with its result.',
  params: ScenarioParams,
  response: SavedScenarioSchema,
  errors: [404, 503],
  handle: ({ params }, { store }) => savedScenario(store, params.name),
});

export const scenarioDeleteRoute = defineRoute({
  method: 'delete',
  path: '/api/scenarios/{name}',
  operationId: 'deleteScenario',
  access: 'analyst',
  summary: 'Delete a saved scenario.',
  params: ScenarioParams,
  response: ScenarioDeleteSchema,
  errors: [404, 503],
  change: (out) => ({ scenario: { deleted: out.deleted } }),
  handle: ({ params }, { store }) => deleteSaved(store, params.name),
});
