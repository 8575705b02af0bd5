/**
 * GET /api/health — liveness and the active network's version (asks the store only);
 * GET /api/summary — the network at a glance: sizes, focal companies, tiers, θ and
 * the hit-likelihood assumption, and the counts of each analysis list.
 */
import { HealthSchema, SummarySchema } from '../../src/contract/schemas.ts';
import { summaryOf } from '../../src/app/summary.ts';
import { defineRoute } from '../route.ts';

export const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'health',
  access: 'public',
  summary: 'Liveness and the version of the active network (null when none is loaded).',
  response: HealthSchema,
  errors: [503],
  handle: async (_, { store }) => ({ status: 'ok' as const, version: await store.version() }),
});

export const summaryRoute = defineRoute({
  method: 'get',
  path: '/api/summary',
  operationId: 'summary',
  access: 'viewer',
  summary: 'The active network at a glance, with the counts of each analysis list.',
  response: SummarySchema,
  errors: [503],
  handle: async (_, { cache }) => summaryOf(await cache.view()),
});
