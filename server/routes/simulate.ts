/**
 * POST /api/simulate { hit: string[], theta?: number } — a breach of a hit set: every
 * company it stops with its stop day (the first day of the breach on which it is down)
 * and its revenue per day of outage, and the loss over each assumed outage duration and
 * their expectation (yen per event). Unknown ids are a 404 naming them. The use case is
 * src/app/simulate.ts, the same the CLI runs.
 */
import { z } from 'zod';
import { simulateBreach } from '../../src/app/simulate.ts';
import { defineRoute } from '../route.ts';
import { SimulateSchema } from '../../src/contract/schemas.ts';

export const DEFAULTS = { maxHit: 1000 };

export const SimulateBody = z.strictObject({
  hit: z.array(z.string().min(1).max(1000)).min(1).max(DEFAULTS.maxHit).describe('Ids of the companies hit.'),
  theta: z.number().gt(0).lte(1).optional().describe("Threshold θ in (0, 1]; default the server's."),
});

export const simulateRoute = defineRoute({
  method: 'post',
  path: '/api/simulate',
  operationId: 'simulate',
  access: 'viewer',
  asOf: true,
  summary:
    'Hit a set of companies: what the breach stops and on which day, the revenue per day of outage, and the loss over each assumed outage duration.',
  body: SimulateBody,
  response: SimulateSchema,
  errors: [404, 413, 503],
  handle: async ({ body }, { cache }) => {
    const view = await cache.view();
    return simulateBreach(view.index, body, view.analysis.options, view.analysis.tier);
  },
});
