/**
 * GET /api/health — public liveness: `ok`, or `degraded` (503) when the store does not
 *   answer; the cause goes to the server log and to authenticated callers of the other
 *   routes, never to the public;
 * GET /api/summary — the network at a glance: sizes, focal companies, tiers, θ and
 * the hit-likelihood assumption, and the counts of each analysis list.
 */
import { HealthSchema, SummarySchema } from '../../src/contract/schemas.ts';
import { summaryOf } from '../../src/app/summary.ts';
import { StoreUnavailableError } from '../../src/errors.ts';
import { DegradedError } from '../errors.ts';
import { defineRoute } from '../route.ts';

export const healthRoute = defineRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'health',
  access: 'public',
  summary: 'Liveness: ok, or degraded (503) when the store does not answer. Nothing else, to anyone.',
  response: HealthSchema,
  errors: [503],
  handle: async (_, { store }) => {
    try {
      await store.version();
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new DegradedError(error);
      throw error;
    }
    return { status: 'ok' as const };
  },
});

export const summaryRoute = defineRoute({
  method: 'get',
  path: '/api/summary',
  operationId: 'summary',
  access: 'viewer',
  asOf: true,
  summary: 'The active network at a glance, with the counts of each analysis list.',
  response: SummarySchema,
  errors: [503],
  handle: async (_, { cache }) => summaryOf(await cache.view()),
});
