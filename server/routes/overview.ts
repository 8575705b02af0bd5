/**
 * GET /api/overview — the whole network for the WebGL overview, as binary: positions
 * (computed once per network version), effective scores, risk contributions, tiers, flags,
 * supplier–buyer pairs, the focal companies' critical suppliers, ids and names, as of
 * `?asOf=` (overview-format.ts; its header is OverviewHeaderSchema). Gzipped when the
 * client accepts gzip.
 */
import { z } from 'zod';
import { overviewPayload, type OverviewPayload } from '../../src/app/overview.ts';
import { OverviewHeaderSchema } from '../../src/contract/schemas.ts';
import { defineRoute } from '../route.ts';

/** What the handler returns: the header, the bytes and their gzip form (not JSON: sent as binary). */
export const OverviewPayloadSchema = z.object({
  header: OverviewHeaderSchema,
  bytes: z.instanceof(Uint8Array),
  gzipped: z.custom<() => Promise<Uint8Array>>((f) => typeof f === 'function').optional(),
});

export const overviewRoute = defineRoute({
  method: 'get',
  path: '/api/overview',
  operationId: 'overview',
  access: 'viewer',
  asOf: true,
  summary:
    'The whole network for the overview, as binary (application/octet-stream): a JSON header, then typed arrays of positions, scores, risk, tiers, flags, supplier–buyer pairs, critical suppliers, ids and names.',
  response: OverviewPayloadSchema,
  binary: {
    header: OverviewHeaderSchema,
    send: async (out: OverviewPayload, acceptsGzip) =>
      acceptsGzip && out.gzipped ? { body: await out.gzipped(), gzip: true } : { body: out.bytes, gzip: false },
  },
  errors: [503],
  handle: async (_, { cache }) => overviewPayload(await cache.view()),
});
