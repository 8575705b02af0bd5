/**
 * POST /api/simulate { hit: string[], theta?: number } — the disruption cascade of a
 * hit set: the disrupted companies (sorted ids, the hit ones included), the revenue at
 * risk and the tier-0 companies that stop. Unknown ids are a 404 naming them.
 */
import { z } from 'zod';
import { disruptedSet } from '../../src/analysis/cascade.ts';
import { FieldNotFoundError } from '../errors.ts';
import { defineRoute } from '../route.ts';
import { SimulateSchema } from '../schemas.ts';

export const DEFAULTS = { maxHit: 1000 };

export const SimulateBody = z.strictObject({
  hit: z.array(z.string().min(1).max(1000)).min(1).max(DEFAULTS.maxHit).describe('Ids of the companies hit.'),
  theta: z.number().gt(0).lte(1).optional().describe('Threshold θ in (0, 1]; default the server\'s.'),
});

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const simulateRoute = defineRoute({
  method: 'post',
  path: '/api/simulate',
  operationId: 'simulate',
  access: 'viewer',
  summary: 'Hit a set of companies: what the disruption cascade stops, and the revenue at risk.',
  body: SimulateBody,
  response: SimulateSchema,
  errors: [404, 413, 503],
  handle: async ({ body }, { cache }) => {
    const view = await cache.view();
    const { index } = view;
    const hitIds = [...new Set(body.hit)].sort(byString);
    const unknown = hitIds.filter((id) => !index.indexOf.has(id));
    if (unknown.length > 0) {
      const list = unknown.slice(0, 10).map((u) => `"${u}"`).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
      throw new FieldNotFoundError(`Unknown company id${unknown.length > 1 ? 's' : ''} in hit: ${list}; search with GET /api/companies?q=…`, 'hit', unknown[0]);
    }
    const theta = body.theta ?? view.theta;
    const disrupted = Array.from(disruptedSet(index, hitIds.map((id) => index.indexOf.get(id)!), { ...view.analysis.options, theta }));
    return {
      hit: hitIds,
      disrupted: disrupted.map((i) => index.ids[i]!).sort(byString),
      revenueAtRisk: disrupted.reduce((s, i) => s + index.value[i]!, 0),
      focalDisrupted: disrupted.filter((i) => view.isFocal(i)).map((i) => index.ids[i]!).sort(byString),
      theta,
    };
  },
});
