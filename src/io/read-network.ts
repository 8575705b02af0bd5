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
import { createReadStream, type ReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CsvTable } from './csv-table.ts';
import { readJsonTable } from './json-table.ts';
import { NetworkCheck, type ReadResult } from './network-check.ts';
import { chooseFiles, listFolder } from './network-files.ts';
import { COMPANY_TABLE, SUPPLY_TABLE, type RecordSink, type TableSpec } from './table-spec.ts';

export type { ReadResult } from './network-check.ts';

export interface ReadNetworkOptions {
  /**
   * Called every 10,000 rows and once at the end with the number of rows read so far and
   * the bytes read of the bytes of both tables (for a progress bar).
   */
  onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
}

/** Reads and checks the network in `dir`; throws `InputError` listing every error. */
export async function readNetwork(dir: string, options: ReadNetworkOptions = {}): Promise<ReadResult> {
  const bytes = { done: 0, total: 0, current: undefined as ReadStream | undefined };
  const { onProgress } = options;
  const report = onProgress && ((rows: number) => onProgress(rows, Math.min(bytes.total, bytes.done + (bytes.current?.bytesRead ?? 0)), bytes.total));
  const check = new NetworkCheck(dir, report);
  const files = chooseFiles(dir, await listFolder(dir), check.log);
  for (const [file, present] of [[files.companies, files.hasCompanies], [files.supplies, files.hasSupplies]] as const) {
    if (present) bytes.total += await stat(join(dir, file)).then((s) => s.size, () => 0);
  }
  const read = async (file: string, present: boolean, spec: TableSpec, sink: RecordSink): Promise<boolean> => {
    if (!present) return false;
    if (files.format === 'json') {
      const text = await readText(check, join(dir, file), file);
      return text !== undefined && readJsonTable(file, text, spec, check.log, sink);
    }
    const stream = createReadStream(join(dir, file));
    bytes.current = stream;
    try {
      return await readCsvTable(check, stream, file, spec, sink);
    } finally {
      bytes.done += stream.bytesRead;
      bytes.current = undefined;
    }
  };
  const complete = await read(files.companies, files.hasCompanies, COMPANY_TABLE, check.companySink());
  await read(files.supplies, files.hasSupplies, SUPPLY_TABLE, check.supplySink(files.companies, complete));
  return check.finish();
}

async function readCsvTable(check: NetworkCheck, stream: ReadStream, file: string, spec: TableSpec, sink: RecordSink): Promise<boolean> {
  const table = new CsvTable(file, spec, check.log, sink);
  try {
    await pipeline(stream, table.streamParser(), drain);
  } catch (error) {
    return unreadable(check, file, error);
  }
  return table.end();
}

/** A JSON table as one string; `undefined` (reported) when it cannot be read. */
async function readText(check: NetworkCheck, path: string, file: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    unreadable(check, file, error);
    return undefined;
  }
}

function unreadable(check: NetworkCheck, file: string, error: unknown): false {
  const reason = error instanceof Error ? error.message : String(error);
  check.log.error({ file }, `${file} cannot be read (${reason}); check that it is a readable UTF-8 text file`);
  return false;
}

/** The parser hands records to the table itself and emits none; this only ends the pipeline. */
async function drain(records: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of records) {
    // nothing is emitted: on_record returns null
  }
}
