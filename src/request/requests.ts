/**
 * Use cases of the request letters for the API: the letter of one supplier as a
 * document (HTML or Markdown), and recording a letter or an answer in the request log
 * for a supplier of the current network (a letter records the level asked).
 *
 * @example
 *   const doc = await letterDocument(view, 'kanazawa-trim', { lang: 'ja', format: 'html' });
 *   res.type(doc.contentType).send(doc.text);
 */
import { z } from 'zod';
import { DEFAULTS as PLAN_DEFAULTS } from '../analysis/cost-plan.ts';
import type { JobWaiter, NetworkView } from '../app/network-view.ts';
import { NotFoundError } from '../errors.ts';
import { isIsoDate } from '../model/iso-date.ts';
import { LANGS, type Lang } from '../i18n/i18n.ts';
import { REQUEST_STATUSES, type RequestLog, type RequestRecord } from '../workspace/request-log.ts';
import { letterHtml, letterMarkdown } from './render-letter.ts';
import { DEFAULTS, requestLetter } from './request-letter.ts';

const isoDay = z.string().refine(isIsoDate, 'use a date YYYY-MM-DD that exists (e.g. 2027-04-30)');

/** The query of GET /api/requests/{supplier}/letter. */
export const LetterQuery = z.strictObject({
  lang: z
    .enum(LANGS as [Lang, ...Lang[]])
    .default('ja')
    .describe('Language of the letter: ja (default) or en.'),
  format: z.enum(['html', 'md']).default('html').describe('html (one A4 page, print CSS; default) or md (Markdown).'),
  budget: z.coerce
    .number()
    .min(0)
    .max(PLAN_DEFAULTS.maxBudget)
    .default(DEFAULTS.budget)
    .describe(`Budget in yen of the cost-sharing plan that proposes the split (default ${DEFAULTS.budget}).`),
  buyer: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('The sending buyer (default: the focal company that stops first).'),
  date: isoDay.optional().describe("The letter's date, YYYY-MM-DD (default today)."),
});
export type LetterQuery = z.infer<typeof LetterQuery>;

/** The body of POST /api/requests. */
export const RequestRecordBody = z.strictObject({
  supplier: z.string().min(1).max(1000).describe('The supplier id (a company of the current network).'),
  status: z.enum(REQUEST_STATUSES).describe('requested (a letter was sent), agreed or declined (its answer).'),
  share: z.number().min(0).max(1e15).optional().describe('With agreed: the cost share in yen the buyer side bears.'),
  date: isoDay.optional().describe('When it happened, YYYY-MM-DD (default today).'),
});
export type RequestRecordBody = z.infer<typeof RequestRecordBody>;

/** The letter to `supplier` as a document of its content type. */
export async function letterDocument(
  view: NetworkView,
  supplier: string,
  query: LetterQuery,
  waiter?: JobWaiter,
): Promise<{ contentType: string; text: string }> {
  const letter = await requestLetter(view, supplier, {
    budget: query.budget,
    ...(query.buyer !== undefined ? { buyer: query.buyer } : {}),
    ...(query.date !== undefined ? { issuedOn: query.date } : {}),
    ...(waiter ? { waiter } : {}),
  });
  return query.format === 'md'
    ? { contentType: 'text/markdown', text: letterMarkdown(letter, query.lang) }
    : { contentType: 'text/html', text: letterHtml(letter, query.lang) };
}

/** Records a letter (with the level asked) or an answer for a supplier of the view's network. */
export function recordRequest(log: RequestLog, view: NetworkView, body: RequestRecordBody, by: string): RequestRecord {
  const x = view.index.indexOf.get(body.supplier);
  if (x === undefined)
    throw new NotFoundError(
      `Unknown supplier id "${body.supplier}"; search with GET /api/companies?q=…`,
      body.supplier,
      'supplier',
    );
  const level = view.analysis.required.level[x]!;
  return log.record({
    supplier: body.supplier,
    status: body.status,
    by,
    ...(body.status === 'requested' && level >= 0 ? { level } : {}),
    ...(body.share !== undefined ? { share: body.share } : {}),
    ...(body.date !== undefined ? { on: body.date } : {}),
  });
}
