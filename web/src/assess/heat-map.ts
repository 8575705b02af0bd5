/**
 * The heat map's order and cells, from the answer of POST /api/assess (nothing is
 * computed that the server did not send): criteria sorted by id (numerically, part by
 * part, so 1-10-1-1 follows 1-9-1-1), by failing suppliers or by the ¥ per year those
 * suppliers carry; suppliers by risk contribution, unmet criteria or name; each cell's
 * answer read from the supplier's `answers` at the criterion's `position`. And which
 * company each chosen workbook belongs to: its file name's stem, or its line in a
 * mapping CSV (columns file,company), as the CLI reads a folder.
 *
 * @example
 *   const rows = sortCriteria(result.criteria, 'risk');
 *   const cols = sortSuppliers(result.suppliers, 'name', 'ja');
 *   answerAt(cols[0], rows[0]); // 'not-met'
 */
import { parse } from 'csv-parse/browser/esm/sync';
import type { AssessResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';

export type AssessCriterion = AssessResponse['criteria'][number];
export type AssessSupplier = AssessResponse['suppliers'][number];
export type Answer = 'met' | 'partly' | 'not-met' | 'unanswered';

export const CRITERIA_SORTS = ['id', 'failing', 'risk'] as const;
export const SUPPLIER_SORTS = ['risk', 'unmet', 'name'] as const;
export type CriteriaSort = (typeof CRITERIA_SORTS)[number];
export type SupplierSort = (typeof SUPPLIER_SORTS)[number];

/** The answer letters of `answers` (the API's codes). */
const CODES: Record<string, Answer> = { o: 'met', p: 'partly', x: 'not-met', '-': 'unanswered' };

/** What each answer shows besides its colour. */
export const SYMBOLS: Record<Answer, string> = { met: '○', partly: '△', 'not-met': '✖', unanswered: '–' };

/** Compares criterion ids part by part as numbers. */
export function compareIds(a: string, b: string): number {
  const pa = a.split('-').map(Number);
  const pb = b.split('-').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The criteria in the order asked; ties by id. */
export function sortCriteria(criteria: readonly AssessCriterion[], by: CriteriaSort): AssessCriterion[] {
  const byId = (a: AssessCriterion, b: AssessCriterion): number => compareIds(a.id, b.id) || a.position - b.position;
  const order: Record<CriteriaSort, (a: AssessCriterion, b: AssessCriterion) => number> = {
    id: byId,
    failing: (a, b) => b.failing - a.failing || b.riskContribution - a.riskContribution || byId(a, b),
    risk: (a, b) => b.riskContribution - a.riskContribution || b.failing - a.failing || byId(a, b),
  };
  return [...criteria].sort(order[by]);
}

/** The suppliers in the order asked; ties by risk contribution, then id. */
export function sortSuppliers(suppliers: readonly AssessSupplier[], by: SupplierSort, lang: string): AssessSupplier[] {
  const byRisk = (a: AssessSupplier, b: AssessSupplier): number =>
    b.riskContribution - a.riskContribution || (a.company < b.company ? -1 : a.company > b.company ? 1 : 0);
  const order: Record<SupplierSort, (a: AssessSupplier, b: AssessSupplier) => number> = {
    risk: byRisk,
    unmet: (a, b) => b.unmet.length - a.unmet.length || byRisk(a, b),
    name: (a, b) => a.name.localeCompare(b.name, lang) || byRisk(a, b),
  };
  return [...suppliers].sort(order[by]);
}

/** A supplier's answer to a criterion. */
export function answerAt(supplier: AssessSupplier, criterion: AssessCriterion): Answer {
  return CODES[supplier.answers[criterion.position] ?? '-'] ?? 'unanswered';
}

/** "4 攻撃等の防御": a category's number and name in the page's language. */
export function categoryLabel(category: number): string {
  const names = t('assess.categories', { returnObjects: true }) as unknown as string[];
  return `${category} ${names[category - 1] ?? ''}`.trim();
}

/** A chosen workbook and the company it belongs to. */
export interface Pairing {
  file: string;
  company: string;
}

/**
 * The company of each workbook: listed in the mapping CSV's text (columns file,company), or
 * without one, the file name without `.xlsx`. Problems (a mapping without the columns, a
 * workbook it does not list) are returned as sentences; unknown companies are the server's.
 */
export function pairWorkbooks(
  files: readonly string[],
  mapping?: { file: string; text: string },
): { pairs: Pairing[]; problems: string[] } {
  if (mapping === undefined)
    return { pairs: files.map((file) => ({ file, company: file.replace(/\.xlsx$/i, '') })), problems: [] };
  const records = parse(mapping.text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const [fileAt, companyAt] = [header.indexOf('file'), header.indexOf('company')];
  if (fileAt < 0 || companyAt < 0)
    return { pairs: [], problems: [t('web.assess.mappingColumns', { mapping: mapping.file })] };
  const listed = new Map(records.slice(1).map((r) => [r[fileAt] ?? '', r[companyAt] ?? '']));
  const pairs: Pairing[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const company = listed.get(file);
    if (company === undefined || company === '')
      problems.push(t('web.assess.unmapped', { file, mapping: mapping.file }));
    else pairs.push({ file, company });
  }
  return { pairs, problems };
}
