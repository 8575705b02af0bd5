/**
 * Reads one CSV table through csv-parse, record by record, into a `RecordSink`: the
 * header is matched against a `TableSpec` (names trimmed, any letter case; missing
 * required column: error; unknown column: warning), each row becomes an `InputRecord` located by physical line and
 * column, and malformed CSV (wrong field count, bad quotes) becomes located errors while
 * reading goes on. The same instance serves the streaming and the in-memory parser:
 * `parserOptions()` routes every record and error here, so nothing is buffered.
 */
import type { CsvError, InfoRecord, Options } from 'csv-parse';
import { quote, type IssueLog } from './issue-log.ts';
import { CsvLines } from './csv-lines.ts';
import { describeCsvError } from './csv-errors.ts';
import type { InputRecord, Location, RecordSink, TableRows, TableSpec } from './table-spec.ts';

export const DEFAULTS = { maxRecordChars: 1_000_000 };

export class CsvTable {
  private readonly lines = new CsvLines();
  private index: Map<string, number> | null = null;
  private names: string[] = [];
  private usable = false;
  private lost = false;
  private lastErrorLine = 0;
  private readonly rows: TableRows = {
    describe: (lines) => `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`,
    locate: (line, field) => {
      const i = this.index?.get(field);
      return i === undefined ? { file: this.file, line, field } : { file: this.file, line, column: i + 1, field };
    },
  };

  constructor(
    private readonly file: string,
    private readonly spec: TableSpec,
    private readonly log: IssueLog,
    private readonly sink: RecordSink,
  ) {}

  /** csv-parse options that hand each record and each error to this table. */
  parserOptions(): Options {
    return {
      bom: true,
      raw: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      max_record_size: DEFAULTS.maxRecordChars,
      // With `raw`, csv-parse hands on_record `{ record, raw }` despite its typings.
      on_record: (value: unknown, info: InfoRecord) => {
        this.onRecord(cellsOf(value), this.lines.recordStart(info.lines, info.raw ?? ''));
        return null;
      },
      on_skip: (error: CsvError | undefined, raw: string | undefined) => {
        if (error !== undefined) this.onError(error, raw ?? '');
        return undefined;
      },
    };
  }

  /** Reports an empty file; returns whether every row was read and checked. */
  end(): boolean {
    if (this.index === null && !this.lost) {
      const columns = this.spec.columns.join(',');
      this.log.error({ file: this.file }, `${this.file} is empty; it needs a header row (${columns}) and one row per record`);
    }
    return this.usable && !this.lost;
  }

  private onRecord(cells: string[], line: number): void {
    if (this.index === null) return this.onHeader(cells, line);
    if (!this.usable || cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== this.names.length) {
      const column = Math.min(cells.length, this.names.length) + 1;
      const message =
        `row has ${cells.length} fields but the header has ${this.names.length}; ` +
        'put values that contain commas in double quotes and give every row as many fields as the header';
      this.log.error({ file: this.file, line, column, field: this.names[column - 1] }, message);
      this.lost = true;
      return;
    }
    this.sink(this.record(cells, line));
  }

  private onHeader(cells: string[], line: number): void {
    this.names = cells.map((cell) => cell.trim().toLowerCase());
    this.index = new Map();
    this.usable = true;
    const known = this.spec.columns.join(', ');
    this.names.forEach((name, i) => {
      const at: Location = { file: this.file, line, column: i + 1, field: name };
      const first = this.index?.get(name);
      if (first !== undefined) {
        this.log.error(at, `column ${quote(name)} appears twice (columns ${first + 1} and ${i + 1}); remove one`, name);
      } else if (name === '') {
        this.log.warning(at, `column ${i + 1} has no name and is ignored; the known columns are ${known}`, name);
      } else {
        this.index?.set(name, i);
        if (!this.spec.columns.includes(name)) {
          this.log.warning(at, `unknown column ${quote(name)} is ignored; the known columns are ${known}`, name);
        }
      }
    });
    for (const name of this.spec.required) {
      if (this.index.has(name)) continue;
      this.usable = false;
      this.log.error({ file: this.file, line, field: name }, `the header has no ${quote(name)} column; add it (required: ${this.spec.required.join(', ')})`);
    }
  }

  private record(cells: string[], line: number): InputRecord {
    const { index, rows } = this;
    return {
      ref: line,
      rows,
      get: (column) => {
        const i = index?.get(column);
        return i === undefined ? '' : (cells[i] ?? '').trim();
      },
      at: (column) => rows.locate(line, column),
    };
  }

  private onError(error: CsvError, raw: string): void {
    const lines = typeof error.lines === 'number' ? error.lines : 0;
    const line = this.lines.errorStart(lines, raw);
    this.lost = true;
    if (line === this.lastErrorLine) return; // csv-parse may report one bad row several times
    this.lastErrorLine = line;
    const column = typeof error.column === 'number' ? error.column + 1 : undefined;
    const field = column === undefined || this.index === null ? undefined : this.names[column - 1];
    this.log.error({ file: this.file, line, column, field }, describeCsvError(error, DEFAULTS.maxRecordChars));
  }
}

function cellsOf(value: unknown): string[] {
  const cells = typeof value === 'object' && value !== null && 'record' in value ? value.record : value;
  return Array.isArray(cells) ? cells.map(String) : [];
}
