/**
 * The tables of a network folder (companies, supplies and the optional assessments) as the README ("Data format") defines them: their
 * column names in file order, which columns are required, and `InputRecord`, the
 * source-neutral view of one row (a CSV line or a JSON array element) that the row
 * checkers validate. Keeping CSV and JSON behind one record type is what lets both
 * formats share every validation rule.
 */

export const COMPANY_COLUMNS = [
  'id',
  'name',
  'country',
  'industry',
  'size',
  'scs_level',
  'security_score',
  'revenue',
  'focal',
] as const;

export const SUPPLY_COLUMNS = ['supplier', 'buyer', 'commodity', 'share', 'spend', 'access', 'buffer_days'] as const;

export const ASSESSMENT_COLUMNS = ['company', 'level', 'method', 'assessed_on', 'valid_until', 'evidence'] as const;

export type CompanyColumn = (typeof COMPANY_COLUMNS)[number];
export type SupplyColumn = (typeof SUPPLY_COLUMNS)[number];

/** What a table must look like: its known columns and the ones it cannot do without. */
export interface TableSpec {
  columns: readonly string[];
  required: readonly string[];
}

export const COMPANY_TABLE: TableSpec = { columns: COMPANY_COLUMNS, required: ['id'] };
export const SUPPLY_TABLE: TableSpec = { columns: SUPPLY_COLUMNS, required: ['supplier', 'buyer', 'commodity'] };
export const ASSESSMENT_TABLE: TableSpec = {
  columns: ASSESSMENT_COLUMNS,
  required: ['company', 'level', 'assessed_on'],
};

/** Where a field of a record is: file, and line/column (CSV) or a JSON path in `field`. */
export interface Location {
  file: string;
  /** The worksheet of an Excel workbook; `line` is then its row and `column` its column (1 = A). */
  sheet?: string;
  line?: number;
  column?: number;
  field?: string;
}

/**
 * Names and locates the rows of one table by their refs (CSV line or JSON index), so
 * that checkers can keep a number per row instead of a location object.
 */
export interface TableRows {
  /** `line 4`, `lines 2, 5` (CSV) or `[3]`, `[0], [3]` (JSON). */
  describe(refs: readonly number[]): string;
  /** The location of one cell of the row `ref`. */
  locate(ref: number, column: string): Location;
}

/** One row of a table, whatever the format. */
export interface InputRecord {
  /** The CSV line or JSON index of the row, for "first given on …" references. */
  ref: number;
  rows: TableRows;
  /** The trimmed text of a cell; `''` when the cell is empty or the column is absent. */
  get(column: string): string;
  /** The location of one cell of this row: `rows.locate(ref, column)`. */
  at(column: string): Location;
}

/**
 * Receives the rows of a table in file order. The record may be reused for the next row,
 * so a sink reads it during the call and keeps values (`ref`, cell text), not the record.
 */
export type RecordSink = (record: InputRecord) => void;
