/**
 * Physical line numbers for csv-parse records. csv-parse reports, per record and per
 * error, `lines`: the line of the last character read. It counts every CR and every LF
 * character inside quoted values, so a CRLF inside a quoted value counts twice. This
 * module works back from that count and the record's raw text to the 1-based physical
 * line where the record starts, and keeps the running CRLF correction. Raw text starts
 * with the line breaks of any skipped blank lines; those come before the record.
 */

const LEADING_BREAKS = /^[\r\n]+/;

export class CsvLines {
  private crlfSeen = 0;

  /** Start line of a record csv-parse emitted at line `lines` with raw text `raw`. */
  recordStart(lines: number, raw: string): number {
    const body = raw.replace(LEADING_BREAKS, '');
    const start = this.start(lines, body);
    this.crlfSeen += count(body, '\r\n');
    return start;
  }

  /** Start line of the record that csv-parse was reading when it raised an error. */
  errorStart(lines: number, raw: string): number {
    return this.start(lines, raw.replace(LEADING_BREAKS, ''));
  }

  private start(lines: number, body: string): number {
    const before = body.slice(0, -1);
    return lines - (count(before, '\r') + count(before, '\n')) - this.crlfSeen;
  }
}

function count(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + part.length)) n += 1;
  return n;
}
