/**
 * GET /api/graph — the map's nodes and edges: around `focus` (`up` supplier tiers,
 * `down` buyer tiers) or, without a focus, the tier-0 companies' upstream to `depth`;
 * at most `limit` nodes, nearest first; optional filters (see graph-elements.ts).
 */
import { z } from 'zod';
import { keptGraphElements } from '../../src/app/graph.ts';
import { flagParam, intParam, textParam } from '../query.ts';
import { defineRoute } from '../route.ts';
import { GraphSchema } from '../../src/contract/schemas.ts';

export const DEFAULTS = { up: 2, down: 1, depth: 2, limit: 1500, maxLimit: 5000, maxTiers: 10 };

export const GraphQuery = z
  .strictObject({
    focus: z.string().min(1).max(1000).optional().describe('Company id to centre the view on.'),
    up: intParam(0, DEFAULTS.maxTiers)
      .optional()
      .describe(`Supplier tiers above the focus (default ${DEFAULTS.up}); needs focus.`),
    down: intParam(0, DEFAULTS.maxTiers)
      .optional()
      .describe(`Buyer tiers below the focus (default ${DEFAULTS.down}); needs focus.`),
    depth: intParam(0, DEFAULTS.maxTiers)
      .optional()
      .describe(`Without focus: tiers above the tier-0 companies (default ${DEFAULTS.depth}).`),
    limit: intParam(1, DEFAULTS.maxLimit)
      .default(DEFAULTS.limit)
      .describe('At most this many nodes; the nearest are kept.'),
    commodity: textParam.optional().describe('Only supplies of this commodity.'),
    country: textParam.optional().describe('Only companies of this country (the focus and tier-0 companies stay).'),
    criticalOnly: flagParam.describe(
      'Only critical suppliers of the focus and its blast radius (without focus: of a tier-0 company).',
    ),
  })
  .superRefine((q, ctx) => {
    if (q.focus !== undefined && q.depth !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['depth'],
        message: 'depth applies without focus; with focus use up and down',
      });
    if (q.focus === undefined && q.up !== undefined)
      ctx.addIssue({ code: 'custom', path: ['up'], message: 'up needs focus; without focus use depth' });
    if (q.focus === undefined && q.down !== undefined)
      ctx.addIssue({ code: 'custom', path: ['down'], message: 'down needs focus; without focus use depth' });
  });

export const graphRoute = defineRoute({
  method: 'get',
  path: '/api/graph',
  operationId: 'graph',
  access: 'viewer',
  asOf: true,
  summary: 'Nodes and edges for the map, around a focus company or from the tier-0 companies up, bounded by limit.',
  query: GraphQuery,
  response: GraphSchema,
  errors: [404, 503],
  handle: async ({ query }, { cache }) =>
    keptGraphElements(await cache.view(), {
      ...query,
      up: query.up ?? DEFAULTS.up,
      down: query.down ?? DEFAULTS.down,
      depth: query.depth ?? DEFAULTS.depth,
    }),
});
