/**
 * Reads one JSON table — an array of objects whose keys are the CSV column names — into
 * a `RecordSink`, with the same `InputRecord` view as CSV so both formats share every
 * rule. Issues are located by JSON path (`[3].share`) instead of line and column, except
 * syntax errors, which get the line and column where the text stops being valid JSON.
 * Cells may be strings, numbers, booleans or null; numbers are read back via `String`.
 */
import { z } from 'zod';
import { quote, type IssueLog } from './issue-log.ts';
import { locateJsonError } from './json-syntax.ts';
import type { InputRecord, RecordSink, TableRows, TableSpec } from './table-spec.ts';

const ROWS = z.array(z.unknown());
const ROW = z.record(z.string(), z.unknown());

/** Reads `text` into `sink`; returns whether every element was read and checked. */
export function readJsonTable(file: string, text: string, spec: TableSpec, log: IssueLog, sink: RecordSink): boolean {
  const body = text.replace(/^\uFEFF/, '');
  const shape = `a JSON array of objects with the fields ${spec.columns.join(', ')}`;
  if (body.trim() === '') {
    log.error({ file }, `${file} is empty; it needs ${shape}`);
    return false;
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const { line, column, found } = locateJsonError(body);
    const what =
      found === undefined ? 'the text ends before the JSON is complete' : `unexpected ${JSON.stringify(found)}`;
    log.error(
      { file, line, column },
      `${file} is not valid JSON: ${what}; a missing or extra comma, quote or bracket is the usual cause`,
    );
    return false;
  }
  const rows = ROWS.safeParse(data);
  if (!rows.success) {
    log.error({ file }, `${file} must hold ${shape}, got ${kind(data)}`);
    return false;
  }
  const names: TableRows = {
    describe: (indexes) => indexes.map((index) => `[${index}]`).join(', '),
    locate: (index, column) => ({ file, field: path(index, column) }),
  };
  const unknown = new Set<string>();
  let complete = true;
  rows.data.forEach((element, index) => {
    const row = ROW.safeParse(element);
    if (!row.success) {
      log.error(
        { file, field: `[${index}]` },
        `element [${index}] must be an object with the fields of one row, got ${kind(element)}`,
      );
      complete = false;
      return;
    }
    for (const key of Object.keys(row.data)) {
      if (spec.columns.includes(key) || unknown.has(key)) continue;
      unknown.add(key);
      const message = `unknown field ${quote(key)} is ignored (first seen here); the known fields are ${spec.columns.join(', ')}`;
      log.warning({ file, field: path(index, key) }, message, key);
    }
    if (!scalarCells(file, index, row.data, spec, log)) {
      complete = false;
      return;
    }
    sink(record(names, index, row.data));
  });
  return complete;
}

/** Reports cells that are objects or arrays; returns whether there were none. */
function scalarCells(
  file: string,
  index: number,
  row: Record<string, unknown>,
  spec: TableSpec,
  log: IssueLog,
): boolean {
  let ok = true;
  for (const column of spec.columns) {
    const value = Object.hasOwn(row, column) ? row[column] : undefined;
    if (value === null || typeof value !== 'object') continue;
    log.error(
      { file, field: path(index, column) },
      `${column} must be text, a number, true/false or null, got ${kind(value)}`,
    );
    ok = false;
  }
  return ok;
}

function record(rows: TableRows, index: number, row: Record<string, unknown>): InputRecord {
  return {
    ref: index,
    rows,
    get: (column) => {
      const value = Object.hasOwn(row, column) ? row[column] : undefined;
      if (typeof value === 'string') return value.trim();
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return '';
    },
    at: (column) => rows.locate(index, column),
  };
}

function path(index: number, key: string): string {
  return /^[A-Za-z_]\w*$/.test(key) ? `[${index}].${key}` : `[${index}][${JSON.stringify(key)}]`;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
