/**
 * `readNetwork`: reads a network folder (DESIGN.md, "Data model") into a typed `Network`
 * with every problem located. CSV tables are streamed from disk through csv-parse, so a
 * table of a million rows is never one string; memory grows with the network, not the
 * file. JSON tables are read whole (`JSON.parse`), so prefer CSV for big networks. When
 * both formats are present, CSV is read. Any error: nothing is returned and an
 * `InputError` lists all errors and warnings; warnings alone come back with the network.
 *
 * @example
 *   const { network, warnings } = await readNetwork('data/sample', { onProgress: (n) => log(n) });
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CsvTable } from './csv-table.ts';
import { readJsonTable } from './json-table.ts';
import { NetworkCheck, type ReadResult } from './network-check.ts';
import { chooseFiles, listFolder, type NetworkFiles } from './network-files.ts';
import { COMPANY_TABLE, SUPPLY_TABLE, type RecordSink, type TableSpec } from './table-spec.ts';

export type { ReadResult } from './network-check.ts';

export interface ReadNetworkOptions {
  /** Called every 10,000 rows and once at the end with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
}

/** Reads and checks the network in `dir`; throws `InputError` listing every error. */
export async function readNetwork(dir: string, options: ReadNetworkOptions = {}): Promise<ReadResult> {
  const check = new NetworkCheck(dir, options.onProgress);
  const files = chooseFiles(dir, await listFolder(dir), check.log);
  const read = (file: string, present: boolean, spec: TableSpec, sink: RecordSink): Promise<boolean> =>
    present ? readTable(check, join(dir, file), file, files.format, spec, sink) : Promise.resolve(false);
  const complete = await read(files.companies, files.hasCompanies, COMPANY_TABLE, check.companySink());
  await read(files.supplies, files.hasSupplies, SUPPLY_TABLE, check.supplySink(files.companies, complete));
  return check.finish();
}

async function readTable(
  check: NetworkCheck,
  path: string,
  file: string,
  format: NetworkFiles['format'],
  spec: TableSpec,
  sink: RecordSink,
): Promise<boolean> {
  try {
    if (format === 'json') return readJsonTable(file, await readFile(path, 'utf8'), spec, check.log, sink);
    const table = new CsvTable(file, spec, check.log, sink);
    await pipeline(createReadStream(path), table.streamParser(), drain);
    return table.end();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    check.log.error({ file }, `${file} cannot be read (${reason}); check that it is a readable UTF-8 text file`);
    return false;
  }
}

/** The parser hands records to the table itself and emits none; this only ends the pipeline. */
async function drain(records: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of records) {
    // nothing is emitted: on_record returns null
  }
}
