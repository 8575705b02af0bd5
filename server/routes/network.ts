/**
 * PUT /api/network (admin) — replaces the active network with an uploaded one: rows as
 * JSON with the CSV field names (`{ companies: [{ id, scs_level, … }], supplies: […] }`)
 * or the two CSV texts (`{ format: 'csv', companies: '…', supplies: '…' }`, or their bytes
 * with `encoding: 'base64'`, decoded as files are), or one Excel workbook
 * (`{ format: 'xlsx', workbook: '<base64>' }`); `assessments`, when given, is the
 * assessments table in the same form (a workbook's is its sheet). The upload
 * is checked in full by parseNetwork first, exactly as files are; on any error nothing
 * changes and the answer is a 400 whose `issues` locate every problem (file, line and
 * column, or JSON path). More rows than the limit (`uploadRows`) is a 413, and so is a
 * body over `uploadBytes` (this route only; the others take 100 kB). With `version`,
 * the upload replaces only that version (409 otherwise).
 */
import { z } from 'zod';
import { loadUpload, parseUpload } from '../../src/app/upload.ts';
import { defineRoute } from '../route.ts';
import { NetworkUploadSchema } from '../../src/contract/schemas.ts';
import { currentVersion, expectVersion } from '../write-lock.ts';

export const DEFAULTS = { uploadRows: 200_000, uploadBytes: '20mb' };

const Rows = z.array(z.record(z.string(), z.unknown())).describe('One object per row, with the CSV field names.');
const Table = z.union([
  Rows,
  z.string().describe('The CSV text of the table, header row first (its bytes in base64 with `encoding: "base64"`).'),
]);

export const NetworkUploadBody = z
  .strictObject({
    format: z
      .enum(['json', 'csv', 'xlsx'])
      .default('json')
      .describe('`json`: arrays of rows; `csv`: the CSV texts; `xlsx`: one Excel workbook in `workbook`.'),
    companies: Table.optional(),
    supplies: Table.optional(),
    assessments: Table.optional().describe(
      'The assessments table (assessments.csv: company, level, method, assessed_on, valid_until, evidence), as the other two; absent: the network has none.',
    ),
    encoding: z
      .enum(['text', 'base64'])
      .default('text')
      .describe("CSV as text, or as the files' bytes in base64, decoded as files are (UTF-8 or Shift_JIS/CP932)."),
    delimiter: z.enum([',', ';', '\t', '|']).optional().describe('The CSV field separator (default a comma).'),
    workbook: z
      .string()
      .optional()
      .describe('The Excel workbook (.xlsx) in base64: sheets companies (取引先) and supplies (取引).'),
    version: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Replace only while the active network has this version (else 409).'),
  })
  .superRefine((body, ctx) => {
    if (body.format === 'xlsx') {
      if (body.assessments !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['assessments'],
          message: 'with format "xlsx" the assessments are the sheet assessments (評価) of the workbook',
        });
      if (body.workbook === undefined)
        ctx.addIssue({ code: 'custom', path: ['workbook'], message: 'with format "xlsx" give the workbook in base64' });
      return;
    }
    for (const key of ['companies', 'supplies', 'assessments'] as const) {
      if (body[key] === undefined) {
        if (key !== 'assessments') ctx.addIssue({ code: 'custom', path: [key], message: 'give the table' });
        continue;
      }
      const isText = typeof body[key] === 'string';
      if (body.format === 'csv' && !isText)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'with format "csv" this must be the CSV text of the table',
        });
      if (body.format === 'json' && isText)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must be an array of row objects (or send format "csv" with the CSV text)',
        });
    }
  });

export const networkUploadRoute = defineRoute({
  method: 'put',
  path: '/api/network',
  operationId: 'uploadNetwork',
  access: 'admin',
  summary:
    'Replace the network with an uploaded one (JSON rows or CSV texts), checked in full first: on any error nothing changes.',
  body: NetworkUploadBody,
  bodyLimit: DEFAULTS.uploadBytes,
  response: NetworkUploadSchema,
  errors: [409, 413, 503],
  change: (out) => ({
    network: { companies: out.companies, supplies: out.supplies, assessments: out.assessments ?? null },
    version: { from: out.previousVersion, to: out.version },
  }),
  handle: async ({ body }, { store, writes, limits }, caller) => {
    const parsed = await parseUpload(body, limits.uploadRows);
    return writes.run(async () => {
      const previous =
        body.version === undefined ? await currentVersion(store) : await expectVersion(store, body.version);
      return loadUpload(store, parsed, previous, { by: caller?.name, origin: 'uploaded' });
    });
  },
});
