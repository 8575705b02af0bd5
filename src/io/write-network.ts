/**
 * `writeNetworkCsv`: writes a network as `companies.csv` and `supplies.csv` in the column
 * order of DESIGN.md, so that `readNetwork` gives back exactly the same network: numbers
 * as `String(n)` (which `Number` reads back exactly), `null` as an empty cell, `focal`
 * as `true` or empty. Text is written as is, so leading and trailing whitespace, which
 * reading trims, does not survive. Rows are streamed through csv-stringify into a
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
import type { Company, Network, Supply } from '../model/types.ts';
import { COMPANY_COLUMNS, SUPPLY_COLUMNS } from './table-spec.ts';

type Cell = string | number | boolean | null;

const cell = (value: Cell): string => (value === null || value === false ? '' : String(value));

function companyRow(c: Company): string[] {
  return [c.id, c.name, c.country, c.industry, c.size, c.scsLevel, c.securityScore, c.revenue, c.focal].map(cell);
}

function supplyRow(s: Supply): string[] {
  return [s.supplier, s.buyer, s.commodity, s.share, s.spend, s.access, s.bufferDays].map(cell);
}

/** Writes `network` into `dir` (created if needed) as the two CSV tables. */
export async function writeNetworkCsv(network: Network, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tag = `.${process.pid}.${randomUUID()}.tmp`;
  const tables = [
    { file: 'companies.csv', columns: COMPANY_COLUMNS, rows: rowsOf(network.companies, companyRow) },
    { file: 'supplies.csv', columns: SUPPLY_COLUMNS, rows: rowsOf(network.supplies, supplyRow) },
  ].map((table) => ({ ...table, temp: join(dir, `${table.file}${tag}`) }));
  try {
    for (const table of tables) await writeTable(table.temp, table.columns, table.rows);
    for (const table of tables) await rename(table.temp, join(dir, table.file));
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
