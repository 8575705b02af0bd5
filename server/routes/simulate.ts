/**
 * POST /api/simulate { hit: string[], theta?: number } — a breach of a hit set: every
 * company it stops with its stop day (the first day of the breach on which it is down)
 * and its revenue per day of outage, and the loss over each assumed outage duration and
 * their expectation (yen per event). Unknown ids are a 404 naming them.
 */
import { z } from 'zod';
import { breachOutcome } from '../../src/analysis/breach.ts';
import { FieldNotFoundError } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { SimulateSchema } from '../schemas.ts';
import { byString } from '../../src/model/order.ts';

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
  summary:
    'Hit a set of companies: what the breach stops and on which day, the revenue per day of outage, and the loss over each assumed outage duration.',
  body: SimulateBody,
  response: SimulateSchema,
  errors: [404, 413, 503],
  handle: async ({ body }, { cache }) => {
    const view = await cache.view();
    const { index } = view;
    const hitIds = [...new Set(body.hit)].sort(byString);
    const unknown = hitIds.filter((id) => !index.indexOf.has(id));
    if (unknown.length > 0) {
      const list =
        unknown
          .slice(0, 10)
          .map((u) => `"${u}"`)
          .join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
      throw new FieldNotFoundError(
        `Unknown company id${unknown.length > 1 ? 's' : ''} in hit: ${list}; search with GET /api/companies?q=…`,
        'hit',
        unknown[0],
      );
    }
    const theta = body.theta ?? view.theta;
    const outcome = breachOutcome(
      index,
      hitIds.map((id) => index.indexOf.get(id)!),
      { ...view.analysis.options, theta },
    );
    const companies = outcome.companies.map((c) => ({
      id: index.ids[c.company]!,
      name: view.name(c.company),
      focal: view.isFocal(c.company),
      stopDay: c.stopDay,
      revenuePerDay: c.revenuePerDay,
    }));
    return {
      hit: hitIds,
      disrupted: companies.map((c) => c.id).sort(byString),
      focalDisrupted: companies
        .filter((c) => c.focal)
        .map((c) => c.id)
        .sort(byString),
      companies,
      revenuePerDay: outcome.revenuePerDay,
      lossByDuration: outcome.lossByDuration,
      expectedLoss: outcome.expectedLoss,
      theta,
    };
  },
});
