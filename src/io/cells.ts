/**
 * Parsing of the typed cells of both tables: numbers, levels, shares and the small
 * enumerations. Each rule turns the trimmed cell text into a value, `null` for an empty
 * cell ("not given"), or reports an error at the cell and returns `undefined`. Numbers
 * are plain decimals (`12`, `-3.5`, `1e6`): `12abc`, hex, `Infinity` and percentages are
 * refused. zod does the checking; the messages are ours and say what to write instead.
 */
import { z } from 'zod';
import { ACCESS_TYPES, SIZES, type Access, type Size } from '../model/types.ts';
import { quote, type IssueLog } from './issue-log.ts';
import type { InputRecord } from './table-spec.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const decimal = z.string().regex(DECIMAL).transform(Number).pipe(z.number());
const nonNegative = decimal.pipe(z.number().min(0));

/** How to read one kind of cell: its schema, what it should hold and what an empty cell means. */
interface CellRule<T> {
  schema: z.ZodType<T, string>;
  expected: string;
  hint: string;
}

export const CELL_RULES = {
  scs_level: {
    schema: decimal.pipe(z.number().int().min(0).max(5)),
    expected: 'a whole number from 0 to 5 (0 none, 1–2 SECURITY ACTION, 3–5 SCS)',
    hint: 'leave it empty when the level is unknown',
  },
  security_score: {
    schema: decimal.pipe(z.number().min(0).max(100)),
    expected: 'a number from 0 to 100',
    hint: 'leave it empty when the score is unknown',
  },
  revenue: { schema: nonNegative, expected: 'a number ≥ 0', hint: 'leave it empty for the default (1)' },
  spend: { schema: nonNegative, expected: 'a number ≥ 0', hint: 'leave it empty when unknown' },
  buffer_days: { schema: nonNegative, expected: 'a number of days ≥ 0', hint: 'leave it empty for 0' },
  share: {
    schema: decimal.pipe(z.number().gt(0).max(1)),
    expected: 'a fraction greater than 0 and at most 1 (0.4 for 40%)',
    hint: 'leave it empty on every row of the group for an equal split',
  },
  size: { schema: z.enum(SIZES), expected: 'sme or large', hint: 'or leave it empty' },
  access: { schema: z.enum(ACCESS_TYPES), expected: 'none, data, network or software', hint: 'or leave it empty' },
} satisfies Record<string, CellRule<number | Size | Access>>;

/**
 * The values of the texts each rule accepted, up to `DEFAULTS.memoSize` texts per rule: a
 * million-row table repeats the same few shares, levels and access types, and a lookup
 * is much cheaper than a parse. Only accepted texts are kept; a rejected one is parsed
 * (and reported) every time.
 */
export const DEFAULTS = { memoSize: 4096 };
const memos = new WeakMap<object, Map<string, unknown>>();

/** Reads `column` of `record` by `rule`; reports a bad value to `log` and returns `undefined`. */
export function readCell<T>(record: InputRecord, column: string, rule: CellRule<T>, log: IssueLog): T | null | undefined {
  const text = record.get(column);
  if (text === '') return null;
  let memo = memos.get(rule) as Map<string, T> | undefined;
  const known = memo?.get(text);
  if (known !== undefined) return known;
  const parsed = rule.schema.safeParse(text);
  if (parsed.success) {
    if (memo === undefined) memos.set(rule, (memo = new Map()));
    if (memo.size < DEFAULTS.memoSize) memo.set(text, parsed.data);
    return parsed.data;
  }
  log.error(record.at(column), `${column} must be ${rule.expected}, got ${quote(text)}; ${rule.hint}`, text);
  return undefined;
}

/** Reads a true/false cell (any letter case); empty means false. */
export function readFlag(record: InputRecord, column: string, log: IssueLog): boolean | undefined {
  const text = record.get(column);
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false' || lower === '') return false;
  log.error(record.at(column), `${column} must be true or false, got ${quote(text)}; or leave it empty for false`, text);
  return undefined;
}

/** Reads a free-text cell: empty means `null`. */
export function readText(record: InputRecord, column: string): string | null {
  const text = record.get(column);
  return text === '' ? null : text;
}
