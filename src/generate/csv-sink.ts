/**
 * A `NetworkSink` that writes `companies.csv` and `supplies.csv` as the rows arrive, in
 * the column order of the README (`src/io/table-spec.ts`): each row is formatted into a
 * buffer that is written to disk (synchronously) whenever it passes `DEFAULTS.chunkChars`,
 * so a network of any size is never one string in memory. Files are written under a
 * temporary name and renamed into place by `close()`, so a reader never sees half a file;
 * `abort()` removes them. Cells with a comma, a quote, a line break or outer spaces are
 * quoted; numbers are written with `String(n)`, which reads back exactly.
 *
 * @example
 *   const sink = CsvNetworkSink.open('data/big');
 *   try { generateNetwork({ companies: 1e6 }, sink); sink.close(); } catch (e) { sink.abort(); throw e; }
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { COMPANY_COLUMNS, SUPPLY_COLUMNS } from '../io/table-spec.ts';
import type { Company, Supply } from '../model/types.ts';
import type { NetworkSink } from './generate-network.ts';

export const DEFAULTS = { chunkChars: 1 << 20 };

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A CSV cell: empty for null, quoted when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

class BufferedFile {
  private buffer = '';
  private readonly fd: number;
  readonly temp: string;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.temp = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temp, 'w');
    this.buffer = `${header.join(',')}\n`;
  }

  line(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= DEFAULTS.chunkChars) this.flush();
  }

  flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export class CsvNetworkSink implements NetworkSink {
  companies = 0;
  supplies = 0;

  private constructor(
    private readonly companyFile: BufferedFile,
    private readonly supplyFile: BufferedFile,
  ) {}

  /** Creates `dir` if needed and opens the two tables for writing. */
  static open(dir: string): CsvNetworkSink {
    mkdirSync(dir, { recursive: true });
    return new CsvNetworkSink(
      new BufferedFile(join(dir, 'companies.csv'), COMPANY_COLUMNS),
      new BufferedFile(join(dir, 'supplies.csv'), SUPPLY_COLUMNS),
    );
  }

  company(c: Company): void {
    this.companies += 1;
    this.companyFile.line(
      `${csvCell(c.id)},${csvCell(c.name)},${csvCell(c.country)},${csvCell(c.industry)},${csvCell(c.size)},${csvCell(c.scsLevel)},${csvCell(c.securityScore)},${csvCell(c.revenue)},${c.focal ? 'true' : ''}\n`,
    );
  }

  supply(s: Supply): void {
    this.supplies += 1;
    this.supplyFile.line(
      `${csvCell(s.supplier)},${csvCell(s.buyer)},${csvCell(s.commodity)},${csvCell(s.share)},${csvCell(s.spend)},${csvCell(s.access)},${csvCell(s.bufferDays)}\n`,
    );
  }

  /** Writes what is buffered and renames both files into place. */
  close(): void {
    for (const file of [this.companyFile, this.supplyFile]) file.close();
    for (const file of [this.companyFile, this.supplyFile]) renameSync(file.temp, file.path);
  }

  /** Closes and removes the temporary files (after a failure). */
  abort(): void {
    for (const file of [this.companyFile, this.supplyFile]) {
      try {
        file.close();
      } catch {
        // already closed
      }
      rmSync(file.temp, { force: true });
    }
  }
}
