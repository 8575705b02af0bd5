/**
 * POST /api/assess (analyst) `{ catalog: { file, content }, workbooks: [{ file, company,
 * content }] }` — official self-assessment workbooks (base64) read against the blank
 * workbook that is their catalogue, summarised per supplier and per criterion, ranked by
 * the risk contribution of the suppliers failing each; hostile workbooks are a 400 naming
 * sheet and cell. `?format=csv|xlsx` answers the tables as a file: xlsx all three
 * (suppliers, criteria, the criteria × suppliers matrix), csv the first; `&table=` picks
 * one (`suppliers`, `criteria` or `matrix`) for either. The use case is
 * src/app/assess.ts; the CLI's `weaklink assess` reads the same modules.
 */
import { z } from 'zod';
import { assessUploads } from '../../src/app/assess.ts';
import { assessSheets } from '../../src/assess/report.ts';
import { AssessSchema } from '../../src/contract/schemas.ts';
import { defineRoute, downloadFormat } from '../route.ts';

export const DEFAULTS = {
  /** Most workbooks in one request. */
  maxWorkbooks: 200,
  /** Largest request body: the workbooks as base64 (about 4/3 of their size). */
  bodyLimit: '30mb',
};

/** The tables of `assessSheets`, in its order. */
const TABLES = ['suppliers', 'criteria', 'matrix'] as const;

const workbook = {
  file: z.string().min(1).max(255).describe('The workbook’s file name, used in error messages.'),
  content: z.string().min(1).describe('The .xlsx file, base64.'),
};

export const AssessBody = z.strictObject({
  catalog: z.strictObject(workbook).describe('Your copy of IPA’s blank self-assessment workbook (the criteria).'),
  workbooks: z
    .array(z.strictObject({ ...workbook, company: z.string().min(1).max(1000).describe('The supplier’s company id.') }))
    .min(1)
    .max(DEFAULTS.maxWorkbooks)
    .describe('One filled workbook per supplier.'),
});

export const assessRoute = defineRoute({
  method: 'post',
  path: '/api/assess',
  operationId: 'assess',
  access: 'analyst',
  summary:
    'Read suppliers’ official ★3/★4 self-assessment workbooks: counts per supplier, ready for ★3, and the criteria failed across the supply chain weighted by risk.',
  query: z.strictObject({
    ...downloadFormat,
    table: z
      .enum(TABLES)
      .optional()
      .describe(
        'With format csv or xlsx: only this table (suppliers, criteria, or the criteria × suppliers matrix of ○ △ ✖). Default: every table in xlsx, suppliers in csv.',
      ),
  }),
  body: AssessBody,
  bodyLimit: DEFAULTS.bodyLimit,
  response: AssessSchema,
  errors: [413, 503],
  sheets: (output, { table }) => {
    const sheets = assessSheets(output, 'en');
    return table === undefined ? sheets : [sheets[TABLES.indexOf(table)]!];
  },
  handle: async ({ body }, { cache }) => assessUploads((await cache.view()).analysis, body),
});
