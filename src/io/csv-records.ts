/**
 * csv-parse set up the way every CSV table of a network is read: commas (or the
 * `--delimiter` given) between fields, BOM dropped, cells
 * trimmed, blank lines skipped, a bad row reported and skipped rather than ending the
 * read, and rows of any length handed on (the table checks the field count). Each record
 * reaches a `CsvReceiver` with its cells and the physical line it starts on (`CsvLines`);
 * each quoting error with the line of its row and the column csv-parse was in.
 *
 * The same receiver serves csv-parse's synchronous parser (`syncOptions`, through
 * `on_record`) and its stream (`streamParser`), here or in a worker thread (`csv-worker.ts`).
 */
import { Parser, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import { CsvLines } from './csv-lines.ts';

export const DEFAULTS = {
  maxRecordChars: 1_000_000,
  /** The field separator (`--delimiter`). */
  delimiter: ',',
};

/** A quoting error as csv-parse reports it: its code, message and 0-based column when it has one. */
export interface CsvFault {
  code: string;
  message: string;
  column?: number;
}

export interface CsvReceiver {
  /** A record: its trimmed cells and its first physical line. */
  row(cells: string[], line: number): void;
  /** A record csv-parse could not read (skipped), starting on `line`. */
  fault(fault: CsvFault, line: number): void;
}

/** csv-parse options for the synchronous parser: records through `on_record`, none emitted. */
export function syncOptions(receiver: CsvReceiver, delimiter = DEFAULTS.delimiter): Options {
  const lines = new CsvLines();
  return {
    ...baseOptions(receiver, lines, delimiter),
    on_record: (record: string[], info: InfoRecord) => {
      receiver.row(record, lines.recordStart(info.lines, info.empty_lines, record));
      return null;
    },
  };
}

/**
 * A csv-parse stream that hands each record to `receiver` as it is parsed, reading the
 * line counters from `parser.info`: the same records and lines as `on_record`, without
 * the info object csv-parse would build for every record (a third of the parse time of
 * a million-row table). It emits nothing.
 */
export function streamParser(receiver: CsvReceiver, delimiter = DEFAULTS.delimiter): Parser {
  const lines = new CsvLines();
  return new ReceivingParser(baseOptions(receiver, lines, delimiter), (record, info) => {
    receiver.row(record, lines.recordStart(info.lines, info.empty_lines, record));
  });
}

function baseOptions(receiver: CsvReceiver, lines: CsvLines, delimiter: string): Options {
  return {
    delimiter,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: DEFAULTS.maxRecordChars,
    on_skip: (error: CsvError | undefined) => {
      if (error === undefined) return undefined;
      const line = lines.errorStart(typeof error.empty_lines === 'number' ? error.empty_lines : 0);
      receiver.fault(
        {
          code: error.code,
          message: error.message,
          ...(typeof error.column === 'number' ? { column: error.column } : {}),
        },
        line,
      );
      return undefined;
    },
  };
}

/** csv-parse's streaming parser, with each record handed to `onRecord` as it is pushed. */
class ReceivingParser extends Parser {
  constructor(
    options: Options,
    private readonly onRecord: (record: string[], info: Parser['info']) => void,
  ) {
    super(options);
  }

  override push(record: unknown): boolean {
    if (record === null) return super.push(null);
    this.onRecord(record as string[], this.info);
    return true;
  }
}
