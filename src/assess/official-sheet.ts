/**
 * The official ★3/★4 self-assessment workbook as IPA publishes it: the sheet whose header
 * row 2 has 評価基準No. in column L, criteria from row 3 — K the level (★3/★4, merged
 * cells), L the criterion id (`1-2-1-1`), M the criterion text, O the self-assessment,
 * P the reason, Q evidence and actions, R supplementary notes. This module opens such a
 * workbook safely (size limit, then the zip-bomb check of src/io/xlsx-network.ts, then
 * exceljs) and reads its cells as text; formulas are reported to the caller, never run.
 *
 * @example
 *   const { rows, sheet } = await openOfficialSheet('blank.xlsx', ASSESS_DEFAULTS);
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.ts';
import type { Issue } from '../model/types.ts';
import { zipProblem } from '../io/xlsx-network.ts';

export const ASSESS_DEFAULTS = {
  /** The largest workbook file read, in bytes (IPA's blank workbook is well under 1 MB). */
  maxFileBytes: 20 * 1024 * 1024,
  /** The most bytes a workbook may expand to (all its zip entries together). */
  maxExpandedBytes: 100 * 1024 * 1024,
  /** The row of the column headers; criteria start on the next row. */
  headerRow: 2,
};

export type AssessLimits = Partial<typeof ASSESS_DEFAULTS>;

/** The columns of the official layout (1 = A). */
export const COLUMN = { level: 11, id: 12, text: 13, answer: 15, reason: 16, evidence: 17, notes: 18 } as const;

/** One cell read as text; `formula` when the cell holds one (its saved value is `text`). */
export interface SheetCell {
  text: string;
  formula: boolean;
}

/** One row of the criteria table. */
export interface SheetRow {
  row: number;
  cell(column: number): SheetCell;
}

export interface OfficialSheet {
  file: string;
  sheet: string;
  sha256: string;
  rows: SheetRow[];
}

/** An error issue located at `sheet!<column><row>` of `file`. */
export function cellIssue(file: string, sheet: string, row: number, column: number, message: string): Issue {
  return { severity: 'error', file, sheet, line: row, column, message };
}

/** Throws InputError for `issues` (nothing is loaded), headed by `what`. */
export function refuse(file: string, what: string, issues: Issue[]): never {
  throw new InputError(
    `${file}: ${what} refused (${issues.length} error${issues.length === 1 ? '' : 's'}); nothing loaded`,
    issues,
  );
}

/** Reads the workbook at `path` and finds its criteria sheet; throws InputError (located) when it cannot. */
export async function openOfficialSheet(path: string, limits: AssessLimits = {}): Promise<OfficialSheet> {
  return officialSheetOf(await readFile(path), basename(path), limits);
}

/** The criteria sheet of a workbook's bytes, `file` naming it in errors; throws InputError when it cannot. */
export async function officialSheetOf(bytes: Buffer, file: string, limits: AssessLimits = {}): Promise<OfficialSheet> {
  const o = { ...ASSESS_DEFAULTS, ...limits };
  const whole = (message: string): never => refuse(file, 'workbook', [{ severity: 'error', file, message }]);
  if (bytes.length > o.maxFileBytes)
    whole(
      `is ${bytes.length.toLocaleString('en')} bytes, over the limit of ${o.maxFileBytes.toLocaleString('en')} bytes for a self-assessment workbook (ASSESS_DEFAULTS.maxFileBytes): refused; send the official workbook without added content`,
    );
  const problem = await zipProblem(bytes, o.maxExpandedBytes);
  if (problem !== undefined) whole(`${file} ${problem.replace(/; split the network or save it as CSV$/, '')}`);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as never);
  } catch (error) {
    whole(
      `cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)}); save it from Excel as .xlsx`,
    );
  }
  const sheet = book.worksheets.find((w) => textOf(w.getCell(o.headerRow, COLUMN.id)).text.startsWith('評価基準No'));
  if (sheet === undefined)
    return whole(
      `has no sheet with the header 評価基準No. in cell L${o.headerRow} (the official layout); its sheets are ${book.worksheets.map((w) => w.name).join(', ') || 'none'}`,
    );
  const rows: SheetRow[] = [];
  for (let r = o.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push({ row: r, cell: (column) => textOf(row.getCell(column)) });
  }
  return { file, sheet: sheet.name, sha256: createHash('sha256').update(bytes).digest('hex'), rows };
}

/** A cell's value as trimmed text (a formula by its saved value, flagged). */
export function textOf(cell: ExcelJS.Cell): SheetCell {
  const value = cell.value;
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return { text: result === undefined || result === null ? '' : String(result).trim(), formula: true };
    }
    if ('richText' in value)
      return {
        text: value.richText
          .map((p) => p.text)
          .join('')
          .trim(),
        formula: false,
      };
    if ('text' in value) return { text: String(value.text).trim(), formula: false };
    if ('error' in value) return { text: String(value.error), formula: false };
  }
  return { text: value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim(), formula: false };
}

/** Criterion text compared as a reader would: line breaks and runs of spaces are one space. */
export function sameText(a: string): string {
  return a.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
