/**
 * Request letters: GET /api/requests (viewer) lists every supplier's letters and answers;
 * POST /api/requests (analyst, audited) records a letter sent or the supplier's answer
 * (agreed with the cost share, or declined); GET /api/requests/{supplier}/letter
 * (viewer) answers the letter itself, HTML (one A4 page) or Markdown, in ja or en, from
 * the analysis as of `?asOf=` (default today): the supplier's level and its validity then.
 */
import { z } from 'zod';
import { defineRoute, NO_INPUT } from '../route.ts';
import { RequestLetterDocumentSchema, RequestListSchema, RequestRecordSchema } from '../../src/contract/schemas.ts';
import { letterDocument, LetterQuery, recordRequest, RequestRecordBody } from '../../src/request/requests.ts';
import { jobCost } from '../../src/app/job-cost.ts';

export const requestListRoute = defineRoute({
  method: 'get',
  path: '/api/requests',
  operationId: 'requestList',
  access: 'viewer',
  summary: "Every supplier's request letters and the answer to the last one, by supplier id.",
  query: NO_INPUT,
  response: RequestListSchema,
  errors: [503],
  handle: (_input, { requests }) => ({ requests: requests.list() }),
});

export const requestRecordRoute = defineRoute({
  method: 'post',
  path: '/api/requests',
  operationId: 'requestRecord',
  access: 'analyst',
  summary:
    'Records a request letter sent to a supplier (with the level asked) or its answer: agreed, with the cost share, or declined.',
  body: RequestRecordBody,
  response: RequestRecordSchema,
  errors: [404, 409, 503],
  change: (out) => ({ request: { supplier: out.supplier, status: out.status, share: out.agreedShare } }),
  handle: async ({ body }, { cache, requests }, caller) =>
    recordRequest(requests, await cache.view(), body, caller?.name ?? 'unknown'),
});

export const requestLetterRoute = defineRoute({
  method: 'get',
  path: '/api/requests/{supplier}/letter',
  operationId: 'requestLetter',
  access: 'viewer',
  heavy: 'plan',
  asOf: true,
  summary:
    'The request letter to one supplier: the SCS level asked and why, where it stands, the cost of the lift and its proposed split, an agreement record. Answered as text/html (one A4 page) or text/markdown.',
  query: LetterQuery,
  params: z.strictObject({ supplier: z.string().min(1).max(1000).describe('The supplier id.') }),
  response: RequestLetterDocumentSchema,
  document: (out) => out,
  errors: [404, 503],
  handle: async ({ params, query, job }, { cache }) => {
    const view = await cache.view();
    job.admit(jobCost('plan', { budget: query.budget }, view.index.n));
    return letterDocument(view, params.supplier, query, job.waiter);
  },
});
