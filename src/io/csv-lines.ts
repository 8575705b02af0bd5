/**
 * Physical line numbers for csv-parse records. csv-parse reports `lines`, the line of the
 * last character of a record, and `empty_lines`, the blank lines skipped so far. It counts
 * every CR and every LF character inside quoted values, so a CRLF inside a quoted value
 * counts twice. A record's line breaks are all inside its quoted values, which csv-parse
 * keeps in the cells, so the record's first line is `lines` less the breaks in its cells
 * and less the running CRLF correction; no raw text is needed. An error has no cells: its
 * record starts on the line after the last record, past the blank lines skipped since
 * (so csv-parse reporting one bad row twice gives the same line twice).
 */

export class CsvLines {
  private crlfSeen = 0;
  private lastEnd = 0;
  private lastEmpty = 0;

  /** Start line of a record csv-parse emitted at `lines` (with `emptyLines` skipped so far) with `cells`. */
  recordStart(lines: number, emptyLines: number, cells: readonly string[]): number {
    let breaks = 0;
    let crlf = 0;
    for (const cell of cells) {
      if (!cell.includes('\n') && !cell.includes('\r')) continue;
      breaks += count(cell, '\r') + count(cell, '\n');
      crlf += count(cell, '\r\n');
    }
    const start = lines - breaks - this.crlfSeen;
    this.crlfSeen += crlf;
    this.lastEnd = lines - this.crlfSeen;
    this.lastEmpty = emptyLines;
    return start;
  }

  /** Start line of the record that csv-parse was reading when it raised an error. */
  errorStart(emptyLines: number): number {
    return this.lastEnd + 1 + Math.max(0, emptyLines - this.lastEmpty);
  }
}

function count(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + part.length)) n += 1;
  return n;
}
