/**
 * Turns the records of one CSV table (from csv-records.ts, here or in a worker) into a `RecordSink`: the
 * header is matched against a `TableSpec` (names trimmed, any letter case; missing
 * required column: error; unknown column: warning), each row becomes an `InputRecord` located by physical line and
 * column, and malformed CSV (wrong field count, bad quotes) becomes located errors while
 * reading goes on. The same instance serves the streaming and the in-memory parser
 * and the CSV worker, so nothing is buffered.
 */
import type { Options, Parser } from 'csv-parse';
import { describeCsvError } from './csv-errors.ts';
import { DEFAULTS, streamParser, syncOptions, type CsvFault, type CsvReceiver } from './csv-records.ts';
import { quote, type IssueLog } from './issue-log.ts';
import type { InputRecord, Location, RecordSink, TableRows, TableSpec } from './table-spec.ts';

/** The separators a header is tried with, and their names in messages. */
const SEPARATORS: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons (;)',
  '\t': 'tabs',
  '|': 'vertical bars (|)',
};

export class CsvTable implements CsvReceiver {
  index: Map<string, number> | null = null;
  private names: string[] = [];
  private usable = false;
  private lost = false;
  private lastErrorLine = 0;
  readonly rows: TableRows = {
    describe: (lines) =>
      `${this.sheet === undefined ? 'line' : 'row'}${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`,
    locate: (line, field) => {
      const i = this.index?.get(field);
      return i === undefined ? { ...this.origin, line, field } : { ...this.origin, line, column: i + 1, field };
    },
  };

  /** One record object, refilled for every row: sinks read it during the call and keep numbers, not the record. */
  private readonly record = new CsvRecord(this);

  constructor(
    private readonly file: string,
    private readonly spec: TableSpec,
    private readonly log: IssueLog,
    private readonly sink: RecordSink,
    /** The field separator the table is read with. */
    readonly delimiter = DEFAULTS.delimiter,
    /** The worksheet, when the rows come from an Excel workbook (xlsx-network.ts). */
    private readonly sheet?: string,
  ) {}

  /** The file (and sheet) every location of this table starts with. */
  private get origin(): Location {
    return this.sheet === undefined ? { file: this.file } : { file: this.file, sheet: this.sheet };
  }

  /** csv-parse options for its synchronous parser that hand every record and error to this table. */
  parserOptions(): Options {
    return syncOptions(this, this.delimiter);
  }

  /** A csv-parse stream that hands every record and error to this table (see `streamParser`). */
  streamParser(): Parser {
    return streamParser(this, this.delimiter);
  }

  /** Reports an empty file; returns whether every row was read and checked. */
  end(): boolean {
    if (this.index === null && !this.lost) {
      const columns = this.spec.columns.join(',');
      this.log.error(
        this.origin,
        `${this.sheet === undefined ? this.file : `sheet ${quote(this.sheet)} of ${this.file}`} is empty; it needs a header row (${columns}) and one row per record`,
      );
    }
    return this.usable && !this.lost;
  }

  /** A record of the table (the header first), as `CsvReceiver`. */
  row(cells: string[], line: number): void {
    if (this.index === null) return this.onHeader(cells, line);
    if (!this.usable || cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== this.names.length) {
      const column = Math.min(cells.length, this.names.length) + 1;
      const message =
        `row has ${cells.length} fields but the header has ${this.names.length}; ` +
        'put values that contain commas in double quotes and give every row as many fields as the header';
      this.log.error({ ...this.origin, line, column, field: this.names[column - 1] }, message);
      this.lost = true;
      return;
    }
    const record = this.record;
    record.cells = cells;
    record.ref = line;
    this.sink(record);
  }

  private onHeader(cells: string[], line: number): void {
    if (this.otherSeparator(cells, line)) {
      this.index = new Map();
      return;
    }
    this.names = cells.map((cell) => cell.trim().toLowerCase());
    this.index = new Map();
    this.usable = true;
    const known = this.spec.columns.join(', ');
    this.names.forEach((name, i) => {
      const at: Location = { ...this.origin, line, column: i + 1, field: name };
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
      this.log.error(
        { ...this.origin, line, field: name },
        `the header has no ${quote(name)} column; add it (required: ${this.spec.required.join(', ')})`,
      );
    }
  }

  /**
   * A header of one cell that another separator would cut into known columns: one error
   * saying which separator the file uses and how to read it, instead of a missing-column
   * error per required column. Returns whether it was so.
   */
  private otherSeparator(cells: string[], line: number): boolean {
    if (cells.length !== 1) return false;
    const found = Object.entries(SEPARATORS).find(([char]) => {
      if (char === this.delimiter) return false;
      const names = cells[0]!.split(char).map((name) => name.trim().toLowerCase());
      return names.length > 1 && names.some((name) => this.spec.required.includes(name));
    });
    if (found === undefined) return false;
    const [char, name] = found;
    const option = char === '\t' ? `--delimiter tab` : `--delimiter '${char}'`;
    this.log.error(
      { ...this.origin, line },
      `${this.file} is separated by ${name}, not ${SEPARATORS[this.delimiter] ?? quote(this.delimiter)}: save it as "CSV (Comma delimited)" (in Excel: File › Save As), or read it as it is with ${option}`,
    );
    this.lost = true;
    return true;
  }

  /** A row csv-parse could not read, as `CsvReceiver`. */
  fault(error: CsvFault, line: number): void {
    this.lost = true;
    if (line === this.lastErrorLine) return; // csv-parse may report one bad row several times
    this.lastErrorLine = line;
    const column = typeof error.column === 'number' ? error.column + 1 : undefined;
    const field = column === undefined || this.index === null ? undefined : this.names[column - 1];
    this.log.error({ ...this.origin, line, column, field }, describeCsvError(error, DEFAULTS.maxRecordChars));
  }
}

/** A row of the table as the checkers see it; `cells` and `ref` change with every row. */
class CsvRecord implements InputRecord {
  ref = 0;
  cells: readonly string[] = [];
  readonly rows: TableRows;

  constructor(private readonly table: CsvTable) {
    this.rows = table.rows;
  }

  get(column: string): string {
    const i = this.table.index?.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  at(column: string): Location {
    return this.rows.locate(this.ref, column);
  }
}
