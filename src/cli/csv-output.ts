/**
 * CSV output of the CLI's tables (`--format csv`), through csv-stringify. Text cells
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) are
 * prefixed with a single quote, as OWASP's CSV-injection guidance recommends; numbers
 * are written as they are.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null;

/** Neutralises one text cell against formula injection. */
export function safeCsvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The CSV text of a header and rows. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([
    header,
    ...rows.map((r) => r.map((c) => (typeof c === 'string' ? safeCsvText(c) : c === null ? '' : String(c)))),
  ]);
}
