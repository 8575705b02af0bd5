/**
 * `weaklink analyze DIR` — validates and analyses a network folder and prints the
 * report: a readable one by default (table), Markdown (md) or the whole result as JSON.
 */
import { type Command, Option } from 'commander';
import { runAnalysis, analysisSections } from '../../analysis/analyze.ts';
import { formatReport } from '../format-report.ts';
import { progress, writeFileStreamed, type Io } from '../io.ts';
import { jsonReportChunks } from '../json-report.ts';
import { loadFolder, warningLines } from '../load.ts';
import { numberIn, theta } from '../options.ts';

interface AnalyzeOptions {
  theta?: number;
  format: 'table' | 'json' | 'md';
  out?: string;
  limit: number;
}

export function registerAnalyze(program: Command, io: Io): void {
  program
    .command('analyze')
    .description('Analyse a network folder: weak links, single sources, hidden critical suppliers, level gaps, concentration.')
    .argument('<dir>', 'network folder (companies.csv + supplies.csv, or .json)')
    .option('--theta <n>', 'threshold θ in (0, 1]: a buyer stops below this share of a commodity', theta)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'md']).default('table'))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .option('--limit <n>', 'rows per list in table/md output', numberIn('--limit', 1, 1_000_000, true), 10)
    .action(async (dir: string, options: AnalyzeOptions) => {
      const { index, warnings } = await loadFolder(dir, io);
      const analysis = runAnalysis(index, {
        ...(options.theta !== undefined ? { theta: options.theta } : {}),
        ...(index.n >= 50_000 ? { onProgress: progress(io, 'single-failure cascades') } : {}),
      });
      const lines = warningLines(warnings);
      const chunks =
        options.format === 'json'
          ? jsonReportChunks(analysis, lines, 1)
          : [formatReport({ ...analysisSections(analysis, lines), companies: [] }, options.format, { limit: options.limit })];
      if (options.out) {
        await writeFileStreamed(options.out, chunks);
        io.err(`weaklink: wrote ${options.out}\n`);
      } else {
        for (const chunk of chunks) io.out(chunk);
      }
    });
}
