/**
 * GET /api/assessments?company=&asOf= (viewer) — the assessments with their last valid day
 * resolved and their status as of the date, in the network's company order, each
 * company's newest first; POST /api/assessments (analyst, audited) — records one, checked
 * by the rules of a row of assessments.csv (a 400 names the field). Under the write lock
 * the assessment is appended to the active network and the result loaded as a new version
 * (persisted like every edit: the workspace database, or Neo4j); the analysis, the levels
 * as of any date and the lapsing list follow it. No `version` is asked: appending an
 * assessment cannot overwrite anyone's change. The use cases are src/app/assessments.ts.
 */
import { z } from 'zod';
import { assessmentItem, datingOf, listAssessments, recordAssessment } from '../../src/app/assessments.ts';
import { AssessmentListSchema, AssessmentRecordSchema } from '../../src/contract/schemas.ts';
import { textParam } from '../query.ts';
import { defineRoute } from '../route.ts';

export const AssessmentListQuery = z.strictObject({
  company: textParam.optional().describe("Only this company's assessments (404 for an unknown id)."),
});

const date = z.string().max(100);

export const AssessmentBody = z.strictObject({
  company: z.string().max(1000).describe('The id of the company assessed.'),
  level: z.number().describe('1–2: SECURITY ACTION ★1/★2; 3–5: SCS ★3/★4/★5 (a whole number).'),
  method: z
    .string()
    .max(100)
    .nullable()
    .optional()
    .describe(
      'self, expert or third-party, fitting the level (★1/★2 self; ★3 expert or third-party; ★4/★5 third-party).',
    ),
  assessedOn: date.describe('The day it was assessed (YYYY-MM-DD).'),
  validUntil: date
    .nullable()
    .optional()
    .describe(
      "Its last valid day (YYYY-MM-DD), not before assessedOn; absent: assessedOn + the level's default validity.",
    ),
  evidence: z.string().max(2000).nullable().optional().describe('A reference (URL, document number).'),
});

export const assessmentListRoute = defineRoute({
  method: 'get',
  path: '/api/assessments',
  operationId: 'listAssessments',
  access: 'viewer',
  asOf: true,
  summary:
    'The assessments as of a date, with their last valid day and status (valid, lapsed, not-yet), by company then newest first.',
  query: AssessmentListQuery,
  response: AssessmentListSchema,
  errors: [404, 503],
  handle: async ({ query }, { cache }) => {
    const view = await cache.view();
    return listAssessments(view.index.network, datingOf(view.analysis.options), query.company);
  },
});

export const assessmentRecordRoute = defineRoute({
  method: 'post',
  path: '/api/assessments',
  operationId: 'recordAssessment',
  access: 'analyst',
  asOf: true,
  summary:
    'Records an assessment of a company (the rules of assessments.csv): a new network version whose levels, analysis and lapsing list follow it.',
  body: AssessmentBody,
  response: AssessmentRecordSchema,
  created: true,
  errors: [413, 503],
  change: (out) => ({ assessment: out.assessment }),
  handle: ({ body }, { store, writes, cache }, caller) =>
    writes.run(async () => {
      const dating = datingOf(cache.options());
      const edit = recordAssessment(await store.read(), body);
      const { version } = await store.load(edit.network, { by: caller?.name });
      return { version, assessment: assessmentItem(edit.assessment, dating) };
    }),
});
