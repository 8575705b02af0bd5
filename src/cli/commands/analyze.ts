/**
 * `weaklink analyze DIR` — validates and analyses a network folder and prints the
 * report: a readable one by default (table), Markdown (md) or the whole result as JSON.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NetworkView } from '../../app/network-view.ts';
import { reportSheets } from '../../app/exports.ts';
import { csvFile, xlsxFile, type TableSheet } from '../../io/table-file.ts';
import { type Command, Option } from 'commander';
import { runAnalysis } from '../../analysis/analyze.ts';
import { formatReport } from '../format-report.ts';
import { progress, writeFileStreamed, writeOut, type Io } from '../io.ts';
import { jsonReportChunks } from '../json-report.ts';
import { UsageError } from '../../errors.ts';
import { indexNetwork, type IndexedNetwork } from '../../model/index-network.ts';
import type { Issue } from '../../model/types.ts';
import type { CompanyResult } from '../../store/graph-store.ts';
import { loadFolder, warningLines } from '../load.ts';
import { neo4jConnection, withNeo4jOptions, type Neo4jCliOptions } from '../neo4j-options.ts';
import {
  moneyOptions,
  numberIn,
  withMoneyOptions,
  type MoneyCliOptions,
  delimiter,
  DELIMITER_HELP,
  withLangOption,
} from '../options.ts';
import type { Lang } from '../../i18n/i18n.ts';
import { connectNeo4j } from './load.ts';

interface AnalyzeOptions extends Neo4jCliOptions, MoneyCliOptions {
  /** The CSV field separator (--delimiter). */
  delimiter?: string;
  writeBack?: boolean;
  format: 'table' | 'json' | 'md' | 'csv' | 'xlsx';
  lang: Lang;
  out?: string;
  limit?: number;
}

/** Writes the sheets as one workbook (`out`) or as one CSV per sheet in the folder `out`; answers the files written. */
async function writeSheets(sheets: TableSheet[], format: 'csv' | 'xlsx', out: string): Promise<string[]> {
  if (format === 'xlsx') {
    await writeFile(out, await xlsxFile(sheets));
    return [out];
  }
  await mkdir(out, { recursive: true });
  const files = sheets.map((sheet) => join(out, `${sheet.name}.csv`));
  await Promise.all(sheets.map((sheet, i) => writeFile(files[i]!, csvFile(sheet))));
  return files;
}

export function registerAnalyze(program: Command, io: Io): void {
  const command = withNeo4jOptions(
    withMoneyOptions(program.command('analyze'))
      .description(
        'Analyse a network folder (or the network in Neo4j): weak links, single sources, hidden critical suppliers, level gaps, concentration.',
      )
      .argument(
        '[dir]',
        'network folder (companies.csv + supplies.csv, or .json) or Excel workbook (.xlsx); omit with --neo4j',
      ),
  )
    .option('--write-back', 'with --neo4j: write the results onto the Company nodes')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'md', 'csv', 'xlsx']).default('table'),
    )
    .option(
      '--out <path>',
      'write the report to this file instead of standard output; with --format xlsx a workbook (one sheet per section), with --format csv a folder (one UTF-8 CSV per section)',
    )
    .option('--limit <n>', 'rows per list in table/md output (default: all)', numberIn('--limit', 1, 1_000_000, true))
    .option('--delimiter <char>', DELIMITER_HELP, delimiter);
  withLangOption(command).action(async (dir: string | undefined, options: AnalyzeOptions) => {
    const fromNeo4j = dir === undefined || options.neo4j !== undefined;
    if (dir !== undefined && options.neo4j !== undefined)
      throw new UsageError('analyze: give a folder or --neo4j, not both', 'neo4j');
    if (options.writeBack && !fromNeo4j)
      throw new UsageError('--write-back needs --neo4j (the results are written onto the Company nodes)', 'write-back');
    if ((options.format === 'csv' || options.format === 'xlsx') && options.out === undefined)
      throw new UsageError(
        `analyze --format ${options.format} needs --out (${options.format === 'xlsx' ? 'a workbook file, e.g. report.xlsx' : 'a folder for one CSV per section'})`,
        'out',
      );
    if (fromNeo4j && !neo4jConnection(options))
      throw new UsageError(
        'analyze: give a network folder, or --neo4j URI (or NEO4J_URI) to analyse the network in Neo4j',
        'dir',
      );
    let index: IndexedNetwork;
    let warnings: Issue[] = [];
    const store = fromNeo4j ? await connectNeo4j(options) : null;
    try {
      if (store) index = indexNetwork(await store.read());
      else ({ index, warnings } = await loadFolder(dir!, io, options.delimiter));
    } catch (error) {
      await store?.close();
      throw error;
    }
    const analysis = runAnalysis(index, {
      ...moneyOptions(options),
      ...(index.n >= 50_000 ? { onProgress: progress(io, 'single-failure cascades') } : {}),
    });
    if (store) {
      try {
        if (options.writeBack) {
          await store.writeResults(companyResults(analysis), new Date());
          io.err(`weaklink: wrote the results onto ${index.n} Company nodes\n`);
        }
      } finally {
        await store.close();
      }
    }
    const lines = warningLines(warnings);
    if (options.format === 'csv' || options.format === 'xlsx') {
      const written = await writeSheets(reportSheets(new NetworkView('cli', analysis)), options.format, options.out!);
      io.err(`weaklink: wrote ${written.join(', ')}\n`);
      return;
    }
    const chunks =
      options.format === 'json'
        ? jsonReportChunks(analysis, lines, 1)
        : [
            formatReport(analysis, lines, options.format, {
              lang: options.lang,
              ...(options.limit === undefined ? {} : { limit: options.limit }),
            }),
          ];
    if (options.out) {
      await writeFileStreamed(options.out, chunks);
      io.err(`weaklink: wrote ${options.out}\n`);
    } else {
      await writeOut(io, chunks);
    }
  });
}

/** The per-company results written back to the store. */
export function companyResults(a: ReturnType<typeof runAnalysis>): CompanyResult[] {
  const { index } = a;
  return Array.from({ length: index.n }, (_, i) => ({
    id: index.ids[i]!,
    effectiveScore: a.effective[i]!,
    tier: a.tier[i]! < 0 ? null : a.tier[i]!,
    expectedEventLoss: a.eventLoss.expected[i]!,
    riskContribution: a.risk[i]!,
    blastRadiusSize: a.failures.blastRadius.start[i + 1]! - a.failures.blastRadius.start[i]!,
    requiredLevel: a.required.level[i]! < 0 ? null : a.required.level[i]!,
    criticalSupplierCount: a.failures.criticalSuppliers.start[i + 1]! - a.failures.criticalSuppliers.start[i]!,
  }));
}
