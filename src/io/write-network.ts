/**
 * `writeNetworkCsv`: writes a network as `companies.csv` and `supplies.csv` (and
 * `assessments.csv` when the network has an assessments table; without one, an
 * `assessments.csv` left in the folder is removed) in the column order of the README, so that `readNetwork` gives back exactly the same network: numbers
 * as `String(n)` (which `Number` reads back exactly), `null` as an empty cell, `focal`
 * as `true` or empty. Text is written as is, so leading and trailing whitespace, which
 * reading trims, does not survive — with one exception, against formula injection
 * (OWASP "CSV Injection"): a text cell (id, name, country, industry, supplier, buyer,
 * commodity, company, evidence) that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written
 * with a leading `'`, so a spreadsheet opening the file shows it as text instead of
 * running it as a formula. Such cells therefore read back with that `'` in front; every
 * other text reads back exactly. Numbers are never prefixed. Rows are streamed through csv-stringify into a
 * temporary file per table, renamed into place once complete: a reader sees the old
 * table or the new one, never half of one (the two renames are not one transaction).
 *
 * @example
 *   await writeNetworkCsv(network, 'data/copy');
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Assessment, Company, Network, Supply } from '../model/types.ts';
import { ASSESSMENT_COLUMNS, COMPANY_COLUMNS, SUPPLY_COLUMNS } from './table-spec.ts';

type Cell = string | number | boolean | null;

const cell = (value: Cell): string => (value === null || value === false ? '' : String(value));

/** First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
export const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

/** A text cell, with a leading `'` when it would otherwise start a formula. */
export function textCell(value: string | null): string {
  if (value === null) return '';
  return FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
}

function companyRow(c: Company): string[] {
  return [
    textCell(c.id),
    textCell(c.name),
    textCell(c.country),
    textCell(c.industry),
    cell(c.size),
    cell(c.scsLevel),
    cell(c.securityScore),
    cell(c.revenue),
    cell(c.focal),
  ];
}

function supplyRow(s: Supply): string[] {
  return [
    textCell(s.supplier),
    textCell(s.buyer),
    textCell(s.commodity),
    cell(s.share),
    cell(s.spend),
    cell(s.access),
    cell(s.bufferDays),
  ];
}

function assessmentRow(a: Assessment): string[] {
  return [
    textCell(a.company),
    cell(a.level),
    cell(a.method),
    cell(a.assessedOn),
    cell(a.validUntil),
    textCell(a.evidence),
  ];
}

/** Writes `network` into `dir` (created if needed) as its CSV tables. */
export async function writeNetworkCsv(network: Network, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tag = `.${process.pid}.${randomUUID()}.tmp`;
  const tables = [
    { file: 'companies.csv', columns: COMPANY_COLUMNS, rows: rowsOf(network.companies, companyRow) },
    { file: 'supplies.csv', columns: SUPPLY_COLUMNS, rows: rowsOf(network.supplies, supplyRow) },
    ...(network.assessments === undefined
      ? []
      : [{ file: 'assessments.csv', columns: ASSESSMENT_COLUMNS, rows: rowsOf(network.assessments, assessmentRow) }]),
  ].map((table) => ({ ...table, temp: join(dir, `${table.file}${tag}`) }));
  try {
    for (const table of tables) await writeTable(table.temp, table.columns, table.rows);
    for (const table of tables) await rename(table.temp, join(dir, table.file));
    if (network.assessments === undefined) await rm(join(dir, 'assessments.csv'), { force: true });
  } finally {
    await Promise.all(tables.map((table) => rm(table.temp, { force: true })));
  }
}

/** The rows one at a time, so that the network is never copied whole into cells. */
function* rowsOf<T>(items: readonly T[], row: (item: T) => string[]): Generator<string[]> {
  for (const item of items) yield row(item);
}

async function writeTable(path: string, columns: readonly string[], rows: Iterable<string[]>): Promise<void> {
  const csv = stringify({ header: true, columns: [...columns], eof: true });
  await pipeline(Readable.from(rows), csv, createWriteStream(path, { encoding: 'utf8' }));
}
