/**
 * A network as one Excel workbook (`.xlsx`): a sheet `companies` (or 取引先) and a sheet
 * `supplies` (or 取引), and optionally `assessments` (or 評価), with the columns of the CSV tables. Each sheet's rows go through
 * the CSV reader's own table (`CsvTable`, the same record seam), so every rule of the CSV
 * format applies unchanged; issues name the sheet and cell: `network.xlsx:supplies!C12`.
 *
 * Cells may hold text, numbers, true/false or dates (read as `2026-12-04`); a formula is
 * read by the value Excel saved with it, and refused, with its cell named, when the file
 * holds none. Before exceljs reads it, the file is checked as a zip archive (yauzl): the
 * expanded size each entry declares, and the size it really expands to, must stay under
 * `maxExpandedBytes`, so a zip bomb is refused without being expanded.
 *
 * @example
 *   const { network, warnings } = await readWorkbook(await readFile('network.xlsx'), 'network.xlsx');
 */
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { CsvTable } from './csv-table.ts';
import { NetworkCheck, type ReadResult } from './network-check.ts';
import { quote } from './issue-log.ts';
import { ASSESSMENT_TABLE, COMPANY_TABLE, SUPPLY_TABLE, type RecordSink, type TableSpec } from './table-spec.ts';

export const XLSX_DEFAULTS = {
  /** The most bytes a workbook may expand to (all its zip entries together). */
  maxExpandedBytes: 512 * 1024 * 1024,
};

/** The names each table's sheet may have (any letter case for the English ones). */
export const SHEET_NAMES = {
  companies: ['companies', '取引先'],
  supplies: ['supplies', '取引'],
  assessments: ['assessments', '評価'],
} as const;

/** Whether `bytes` start like a zip archive (an .xlsx file). */
export function isWorkbook(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Checks and builds a network from a workbook; throws `InputError` listing every error, with sheet and cell. */
export async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  limits: { maxExpandedBytes?: number } = {},
): Promise<ReadResult> {
  const check = new NetworkCheck(file);
  const max = limits.maxExpandedBytes ?? XLSX_DEFAULTS.maxExpandedBytes;
  const refused = await zipProblem(bytes, max);
  if (refused !== undefined) {
    check.log.error({ file }, `${file} ${refused}`);
    return check.finish();
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    check.log.error({ file }, `${file} cannot be read as an Excel workbook (${reason}); save it from Excel as .xlsx`);
    return check.finish();
  }
  const sheets = { companies: findSheet(workbook, 'companies'), supplies: findSheet(workbook, 'supplies') };
  for (const [table, sheet] of Object.entries(sheets)) {
    if (sheet !== undefined) continue;
    const names = SHEET_NAMES[table as keyof typeof SHEET_NAMES].map((n) => quote(n)).join(' or ');
    const present = workbook.worksheets.map((w) => quote(w.name)).join(', ') || 'none';
    check.log.error({ file }, `${file} has no sheet ${names}; its sheets are ${present}. Name the sheet so`);
  }
  const companiesDone =
    sheets.companies !== undefined && readSheet(check, file, sheets.companies, COMPANY_TABLE, check.companySink());
  if (sheets.supplies !== undefined)
    readSheet(check, file, sheets.supplies, SUPPLY_TABLE, check.supplySink(file, companiesDone));
  const assessments = findSheet(workbook, 'assessments');
  if (assessments !== undefined)
    readSheet(check, file, assessments, ASSESSMENT_TABLE, check.assessmentSink(file, companiesDone));
  return check.finish();
}

function findSheet(workbook: ExcelJS.Workbook, table: keyof typeof SHEET_NAMES): ExcelJS.Worksheet | undefined {
  const names: readonly string[] = SHEET_NAMES[table];
  return workbook.worksheets.find((w) => names.includes(w.name.trim().toLowerCase()));
}

/** Feeds the rows of `sheet` to a CsvTable located in the sheet; returns whether every row was read. */
function readSheet(
  check: NetworkCheck,
  file: string,
  sheet: ExcelJS.Worksheet,
  spec: TableSpec,
  sink: RecordSink,
): boolean {
  const table = new CsvTable(file, spec, check.log, sink, ',', sheet.name);
  let width = -1;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell, (message) =>
        check.log.error(
          { file, sheet: sheet.name, line: rowNumber, column },
          `${cell.address} ${message}`,
          String(cell.text),
        ),
      );
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (width === -1) width = cells.length;
    // Excel leaves trailing empty cells out: a row is as wide as the header unless it holds more.
    while (cells.length < width) cells.push('');
    while (cells.length > width && cells.at(-1) === '') cells.pop();
    table.row(cells, rowNumber);
  });
  return table.end();
}

/** The text of a cell as the CSV reader would see it; `refuse` reports a cell that has no usable value. */
function cellText(cell: ExcelJS.Cell, refuse: (message: string) => void): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) {
        refuse(
          'holds a formula with no saved value; open the workbook in Excel and save it (Excel saves each formula’s value), or type the value',
        );
        return '';
      }
      if (typeof result === 'object' && 'error' in result) {
        refuse(`holds a formula whose value is the error ${result.error}; correct it or type the value`);
        return '';
      }
      return result instanceof Date ? result.toISOString().slice(0, 10) : String(result).trim();
    }
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value && 'hyperlink' in value) return String(value.text).trim();
    if ('error' in value) {
      refuse(`holds the error ${value.error}; correct it or leave the cell empty`);
      return '';
    }
  }
  refuse('holds a value weaklink cannot read; type the value as text or a number');
  return '';
}

/**
 * Why the archive must not be expanded, or undefined: a broken archive, an entry whose
 * declared expanded size puts the total over `max`, or one that expands to more than it
 * declares (yauzl checks each entry's real size against its declared one while reading).
 */
export async function zipProblem(bytes: Uint8Array, max: number): Promise<string | undefined> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || zip === undefined)
        return resolve(`is not an Excel workbook (.xlsx is a zip archive: ${error?.message ?? 'unreadable'})`);
      let declared = 0;
      let expanded = 0;
      const over = (size: number): string =>
        `would expand to more than ${Math.round(max / 1024 / 1024)} MB (${Math.round(size / 1024 / 1024)} MB or more): refused as a possible zip bomb; split the network or save it as CSV`;
      const fail = (why: string): void => {
        zip.close();
        resolve(why);
      };
      zip.on('error', (e: Error) => fail(`is a damaged zip archive (${e.message}); save it again from Excel`));
      zip.on('end', () => resolve(undefined));
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > max) return fail(over(declared));
        zip.openReadStream(entry, (e, stream) => {
          if (e || stream === undefined) return fail(`is a damaged zip archive (${e?.message ?? 'unreadable'})`);
          stream.on('data', (chunk: Buffer) => {
            expanded += chunk.length;
            if (expanded > max) {
              stream.destroy();
              fail(over(expanded));
            }
          });
          stream.on('error', (err: Error) =>
            fail(`is a damaged or forged zip archive (${err.message}): refused; save it again from Excel`),
          );
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}
