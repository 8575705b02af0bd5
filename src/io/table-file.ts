/**
 * Tables out, as the files spreadsheet users open: CSV in UTF-8 with a BOM (so Excel
 * opens Japanese text correctly; csv-stringify) and Excel workbooks (exceljs), one sheet
 * per table, numbers kept as numbers with a display format by kind (yen with thousands
 * separators, shares as %). In both, a text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with a single quote, as OWASP's
 * CSV-injection guidance recommends.
 *
 * @example
 *   const text = csvFile({ name: 'weak-links', columns, rows });
 *   const bytes = await xlsxFile([{ name: 'weak-links', columns, rows }]);
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import stringWidth from 'string-width';

/** How a column's values are shown: text, yen, a share 0–1, a whole count, a score 0–100. */
export type CellKind = 'text' | 'yen' | 'share' | 'count' | 'score';
export type Cell = string | number | boolean | null;

export interface TableSheet {
  /** The sheet's name (at most 31 characters; Excel's rule) and the CSV file's stem. */
  name: string;
  columns: { header: string; kind: CellKind }[];
  rows: Cell[][];
}

const BOM = '\uFEFF';

/** Excel's display format of each kind. */
const NUMBER_FORMAT: Record<CellKind, string | undefined> = {
  text: undefined,
  yen: '#,##0',
  share: '0.0%',
  count: '#,##0',
  score: '0.#',
};

/** Neutralises one text cell against formula injection. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const safeCell = (c: Cell): Cell => (typeof c === 'string' ? safeText(c) : c);

/** The CSV text of a header and rows (no BOM: for standard output and the CLI's own CSV). */
export function toCsv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : String(safeCell(c)))))]);
}

/** A table as a CSV file: UTF-8 with a BOM, header first. */
export function csvFile(sheet: TableSheet): string {
  return (
    BOM +
    toCsv(
      sheet.columns.map((c) => c.header),
      sheet.rows,
    )
  );
}

/** Tables as one Excel workbook, a sheet each, the header row bold and frozen. */
export async function xlsxFile(sheets: TableSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'weaklink';
  for (const table of sheets) {
    const sheet = book.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: Math.min(60, Math.max(10, c.header.length + 2, ...table.rows.slice(0, 200).map((r) => width(r[i])))),
      ...(NUMBER_FORMAT[c.kind] ? { style: { numFmt: NUMBER_FORMAT[c.kind]! } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(safeCell));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'sheet';
}

/** A column width for a cell: full-width characters count double (string-width). */
function width(cell: Cell | undefined): number {
  return cell === null || cell === undefined ? 0 : stringWidth(String(cell)) + 2;
}
