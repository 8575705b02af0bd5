/**
 * The `--format json` document, produced piece by piece so a million companies stream
 * to a file without one giant string or one giant array of report objects: the fields of
 * `analysisReport`, in its order and with the same bytes, with the companies and every
 * long list (single sources, hidden critical suppliers, level gaps, concentration
 * groups) rendered one item at a time, in batches.
 */
import {
  analysisHead,
  companyReport,
  concentrationGroupItems,
  hiddenCriticalItems,
  levelGapItems,
  reportContext,
  singleSourceItems,
  weakLinkReports,
  type Analysis,
} from '../analysis/analyze.ts';
import { criticalSupplierCountries, tierConcentration } from '../analysis/concentration.ts';

const BATCH = 1000;

/** Yields the JSON text of the full analysis in chunks (pretty-printed when `indent` > 0). */
export function* jsonReportChunks(a: Analysis, warnings: string[], indent = 0): Generator<string> {
  const { theta, assumptions, summary } = analysisHead(a);
  const nl = indent > 0 ? '\n' : '';
  const pad = ' '.repeat(indent);
  const sp = indent > 0 ? ' ' : '';
  const field = (key: string, value: unknown): string => `${pad}${JSON.stringify(key)}:${sp}${JSON.stringify(value)}`;
  yield `{${nl}${[field('theta', theta), field('assumptions', assumptions), field('summary', summary)].join(`,${nl}`)},${nl}${pad}"companies":${sp}[`;
  const context = reportContext(a);
  const batch: string[] = [];
  for (let i = 0; i < a.index.n; i++) {
    batch.push(`${i > 0 ? ',' : ''}${nl}${pad}${pad}${JSON.stringify(companyReport(a, i, context))}`);
    if (batch.length === BATCH) yield batch.splice(0).join('');
  }
  yield batch.join('');
  yield `${a.index.n > 0 ? `${nl}${pad}` : ''}]`;
  yield `,${nl}${pad}"singleSources":${sp}`;
  yield* compactArray(singleSourceItems(a));
  yield `,${nl}${field('weakLinks', weakLinkReports(a, Math.min(a.index.n, 100)))}`;
  yield `,${nl}${pad}"hiddenCriticalSuppliers":${sp}`;
  yield* compactArray(hiddenCriticalItems(a));
  yield `,${nl}${pad}"levelGaps":${sp}`;
  yield* compactArray(levelGapItems(a));
  yield `,${nl}${pad}"concentration":${sp}{"groups":`;
  yield* compactArray(concentrationGroupItems(a));
  const tiers = JSON.stringify(tierConcentration(a.index, a.tier));
  const countries = JSON.stringify(criticalSupplierCountries(a.index, a.tier, a.failures.criticalSuppliers));
  yield `,"tiers":${tiers},"criticalSupplierCountries":${countries}}`;
  yield `,${nl}${field('warnings', warnings)}`;
  yield `${nl}}${nl}`;
}

/** `JSON.stringify` of the array of `items`, in chunks of BATCH items. */
function* compactArray(items: Iterable<unknown>): Generator<string> {
  let chunk = '[';
  let count = 0;
  for (const item of items) {
    chunk += `${count > 0 ? ',' : ''}${JSON.stringify(item)}`;
    if (++count % BATCH === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]`;
}
