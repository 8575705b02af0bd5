/**
 * The `--format json` document, produced piece by piece so a million companies stream
 * to a file without one giant string: the fields of `analysisReport`, in its order,
 * with the companies rendered one at a time.
 */
import { analysisSections, companyReport, type Analysis } from '../analysis/analyze.ts';

/** Yields the JSON text of the full analysis in chunks (pretty-printed when `indent` > 0). */
export function* jsonReportChunks(a: Analysis, warnings: string[], indent = 0): Generator<string> {
  const { theta, assumptions, summary, ...rest } = analysisSections(a, warnings);
  const nl = indent > 0 ? '\n' : '';
  const pad = ' '.repeat(indent);
  const field = (key: string, value: unknown): string => `${pad}${JSON.stringify(key)}:${indent > 0 ? ' ' : ''}${JSON.stringify(value)}`;
  yield `{${nl}${[field('theta', theta), field('assumptions', assumptions), field('summary', summary)].join(`,${nl}`)},${nl}${pad}"companies":${indent > 0 ? ' ' : ''}[`;
  const batch: string[] = [];
  for (let i = 0; i < a.index.n; i++) {
    batch.push(`${i > 0 ? ',' : ''}${nl}${pad}${pad}${JSON.stringify(companyReport(a, i))}`);
    if (batch.length === 1000) yield batch.splice(0).join('');
  }
  yield batch.join('');
  yield `${a.index.n > 0 ? `${nl}${pad}` : ''}]`;
  for (const [key, value] of Object.entries(rest)) yield `,${nl}${field(key, value)}`;
  yield `${nl}}${nl}`;
}
