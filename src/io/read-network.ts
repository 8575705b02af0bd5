/**
 * `readNetwork`: reads a network folder (README, "Data format") — or one Excel workbook,
 * given as the path or as the only .xlsx file of a folder without tables
 * (xlsx-network.ts) — into a typed `Network`
 * with every problem located. CSV tables are streamed from disk through csv-parse, so a
 * table of a million rows is never one string; memory grows with the network, not the
 * file. Text is UTF-8 (with or without a BOM) or Shift_JIS/CP932, detected per file and
 * noted in the result (text-decode.ts); any other encoding, or a line that does not
 * decode, is an error naming the line. A large CSV table is parsed in a worker thread while this thread checks the rows
 * already parsed (`readCsvInWorker`): the same records, lines and errors, on two cores. JSON tables are read whole (`JSON.parse`), so prefer CSV for big networks. When
 * both formats are present, CSV is read. Any error: nothing is returned and an
 * `InputError` lists all errors and warnings; warnings alone come back with the network.
 *
 * @example
 *   const { network, warnings } = await readNetwork('data/sample', { onProgress: (n) => log(n) });
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CsvTable } from './csv-table.ts';
import { readCsvInWorker } from './csv-worker-client.ts';
import { decodeStream } from './decode-stream.ts';
import { readJsonTable } from './json-table.ts';
import { decodeText, EncodingError } from './text-decode.ts';
import { readWorkbook } from './xlsx-network.ts';
import { NetworkCheck, type ReadResult } from './network-check.ts';
import { chooseFiles, listFolder } from './network-files.ts';
import { ASSESSMENT_TABLE, COMPANY_TABLE, SUPPLY_TABLE, type RecordSink, type TableSpec } from './table-spec.ts';

export type { ReadResult } from './network-check.ts';

/** CSV files at least this large are parsed in a worker thread while this one checks the rows. */
export const DEFAULTS = { workerFromBytes: 8e6 };

export interface ReadNetworkOptions {
  /**
   * Called every 10,000 rows and once at the end with the number of rows read so far and
   * the bytes read of the bytes of all tables (for a progress bar).
   */
  onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
  /** The field separator of the CSV tables (`--delimiter`); default a comma. */
  delimiter?: string;
}

/** Reads and checks the network in `dir`; throws `InputError` listing every error. */
export async function readNetwork(dir: string, options: ReadNetworkOptions = {}): Promise<ReadResult> {
  const workbook = await workbookPath(dir);
  if (workbook !== undefined) return readWorkbook(await readFile(workbook), basename(workbook));
  /** Bytes of the tables read before this one, of both, and a reader of this one's. */
  const bytes = { done: 0, total: 0, reading: (): number => 0 };
  const { onProgress } = options;
  const report =
    onProgress &&
    ((rows: number) => onProgress(rows, Math.min(bytes.total, bytes.done + bytes.reading()), bytes.total));
  const check = new NetworkCheck(dir, report);
  const files = chooseFiles(dir, await listFolder(dir), check.log);
  const sizes = new Map<string, number>();
  for (const [file, present] of [
    [files.companies, files.hasCompanies],
    [files.supplies, files.hasSupplies],
    [files.assessments, files.hasAssessments],
  ] as const) {
    if (present)
      sizes.set(
        file,
        await stat(join(dir, file)).then(
          (s) => s.size,
          () => 0,
        ),
      );
  }
  for (const size of sizes.values()) bytes.total += size;
  const read = async (file: string, present: boolean, spec: TableSpec, sink: RecordSink): Promise<boolean> => {
    if (!present) return false;
    if (files.format === 'json') {
      const text = await readText(check, join(dir, file), file);
      return text !== undefined && readJsonTable(file, text, spec, check.log, sink);
    }
    const path = join(dir, file);
    const size = sizes.get(file) ?? 0;
    const table = new CsvTable(file, spec, check.log, sink, options.delimiter);
    try {
      if (size >= DEFAULTS.workerFromBytes) {
        let read = 0;
        bytes.reading = () => read;
        check.encoding(file, await readCsvInWorker(path, table, (n) => (read = n), table.delimiter));
      } else {
        const stream = createReadStream(path);
        const decode = decodeStream();
        bytes.reading = () => stream.bytesRead;
        await pipeline(stream, decode, table.streamParser(), drain);
        check.encoding(file, decode.encoding);
      }
    } catch (error) {
      return unreadable(check, file, error);
    } finally {
      bytes.done += bytes.reading();
      bytes.reading = () => 0;
    }
    return table.end();
  };
  const complete = await read(files.companies, files.hasCompanies, COMPANY_TABLE, check.companySink());
  await read(files.supplies, files.hasSupplies, SUPPLY_TABLE, check.supplySink(files.companies, complete));
  if (files.hasAssessments) {
    await read(files.assessments, true, ASSESSMENT_TABLE, check.assessmentSink(files.companies, complete));
  }
  return check.finish();
}

/**
 * The workbook to read: `dir` itself when it is an .xlsx file, or the one .xlsx file of a
 * folder that holds no CSV or JSON table; else undefined (a folder of tables).
 */
async function workbookPath(dir: string): Promise<string | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (info?.isFile()) return extname(dir).toLowerCase() === '.xlsx' ? dir : undefined;
  if (!info?.isDirectory()) return undefined;
  const names = await listFolder(dir);
  if (TABLE_FILES.some((name) => names.has(name))) return undefined;
  const books = [...names].filter((name) => extname(name).toLowerCase() === '.xlsx' && !name.startsWith('~$'));
  return books.length === 1 ? join(dir, books[0]!) : undefined;
}

const TABLE_FILES = ['companies.csv', 'supplies.csv', 'companies.json', 'supplies.json'];

/** A JSON table as one string; `undefined` (reported) when it cannot be read or decoded. */
async function readText(check: NetworkCheck, path: string, file: string): Promise<string | undefined> {
  try {
    const { text, encoding } = decodeText(await readFile(path));
    check.encoding(file, encoding);
    return text;
  } catch (error) {
    unreadable(check, file, error);
    return undefined;
  }
}

function unreadable(check: NetworkCheck, file: string, error: unknown): false {
  if (error instanceof EncodingError) {
    check.log.error({ file, line: error.line }, error.message);
    return false;
  }
  const reason = error instanceof Error ? error.message : String(error);
  check.log.error({ file }, `${file} cannot be read (${reason}); check that it is a readable file`);
  return false;
}

/** The parser hands records to the table itself and emits none; this only ends the pipeline. */
async function drain(records: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of records) {
    // nothing is emitted: on_record returns null
  }
}
