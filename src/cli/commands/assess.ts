/**
 * `weaklink assess WORKBOOKS_DIR --network DIR --catalog FILE` — reads a folder of filled
 * official self-assessment workbooks (one per supplier, named by company id or listed in
 * a mapping CSV), checks each against the catalogue of the user's blank workbook, and
 * reports per supplier (★3 counts, ready for ★3, unmet criteria) and per criterion across
 * the supply chain (failing suppliers and their risk contribution), with the catalogue's
 * SHA-256.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { runAnalysis } from '../../analysis/analyze.ts';
import { readCatalog } from '../../assess/catalog.ts';
import { readAssessmentFolder } from '../../assess/folder.ts';
import { assessSheets, assessText } from '../../assess/report.ts';
import { summariseAssessments } from '../../assess/summary.ts';
import { UsageError } from '../../errors.ts';
import type { Lang } from '../../i18n/i18n.ts';
import { csvFile, xlsxFile } from '../../io/table-file.ts';
import type { Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { moneyOptions, withLangOption, withMoneyOptions, type MoneyCliOptions } from '../options.ts';

interface AssessOptions extends MoneyCliOptions {
  network: string;
  catalog: string;
  map?: string;
  format: 'table' | 'json' | 'csv' | 'xlsx';
  out?: string;
  lang: Lang;
}

export function registerAssess(program: Command, io: Io): void {
  const command = withMoneyOptions(program.command('assess'))
    .description(
      'Read the official ★3/★4 self-assessment workbooks of suppliers: counts per supplier, ready for ★3, and the criteria failed across the supply chain weighted by risk.',
    )
    .argument('<workbooks>', 'folder of filled workbooks, one per supplier, named by company id (ota-springs.xlsx)')
    .requiredOption('--network <dir>', 'the network folder (or .xlsx) the suppliers belong to')
    .requiredOption('--catalog <file>', "your copy of IPA's blank self-assessment workbook (the criteria)")
    .option('--map <csv>', 'a CSV with the columns file,company naming each workbook’s supplier')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'xlsx']).default('table'),
    )
    .option('--out <path>', 'write to this file (xlsx, json, table) or folder (csv: one file per table)');
  withLangOption(command).action(async (dir: string, o: AssessOptions) => {
    if ((o.format === 'csv' || o.format === 'xlsx') && o.out === undefined)
      throw new UsageError(
        `assess --format ${o.format} needs --out (${o.format === 'xlsx' ? 'a workbook file' : 'a folder'})`,
        'out',
      );
    const catalog = await readCatalog(o.catalog);
    const { index } = await loadFolder(o.network, io);
    const analysis = runAnalysis(index, moneyOptions(o));
    const inputs = await readAssessmentFolder(dir, catalog, analysis, {
      skip: o.catalog,
      ...(o.map === undefined ? {} : { mapping: o.map }),
    });
    const summary = summariseAssessments(catalog, inputs);
    if (o.format === 'csv' || o.format === 'xlsx') {
      const sheets = assessSheets(summary, o.lang);
      if (o.format === 'xlsx') await writeFile(o.out!, await xlsxFile(sheets));
      else {
        await mkdir(o.out!, { recursive: true });
        await Promise.all(sheets.map((s) => writeFile(join(o.out!, `${s.name}.csv`), csvFile(s))));
      }
      io.err(`weaklink: wrote ${o.out} (catalogue ${catalog.file}, SHA-256 ${catalog.sha256})\n`);
      return;
    }
    const text = o.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : assessText(summary, o.lang);
    if (o.out === undefined) io.out(text);
    else await writeFile(o.out, text);
  });
}
