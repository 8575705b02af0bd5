/**
 * GET /api/jobs/{id} (viewer): the progress of one of the caller's heavy requests — risk,
 * plan, executive view, scenario — by the id its `X-Job-Id` header carried (the client's
 * UUID, or the server's). Another caller's job, or an unknown id, is a 404.
 */
import { z } from 'zod';
import { defineRoute } from '../route.ts';
import { JobSchema } from '../../src/contract/schemas.ts';

export const jobStatusRoute = defineRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  operationId: 'jobStatus',
  access: 'viewer',
  summary:
    "One of the caller's heavy jobs: its kind, state, runs or steps done of the total, when it began, its estimated cost.",
  params: z.strictObject({ id: z.string().min(1).max(100).describe('The job id, from the X-Job-Id header.') }),
  response: JobSchema,
  errors: [404],
  handle: ({ params }, { board }, caller) => board.status(params.id, caller?.name ?? ''),
});
