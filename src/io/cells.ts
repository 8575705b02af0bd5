/**
 * Parsing of the typed cells of both tables: numbers, levels, shares and the small
 * enumerations. Each rule turns the trimmed cell text into a value, `null` for an empty
 * cell ("not given"), or reports an error at the cell and returns `undefined`. Numbers
 * are plain decimals (`12`, `-3.5`, `1e6`): `12abc`, hex, `Infinity` and percentages are
 * refused. The enumerations take any letter case; full-width digits, signs and the
 * ideographic space are read as their half-width forms, with a warning. zod does the checking; the messages are ours and say what to write instead.
 */
import { iso31661, iso31661Alpha3ToAlpha2, iso31661Reserved } from 'iso-3166';
import { z } from 'zod';
import { ACCESS_TYPES, SIZES, type Access, type Size } from '../model/types.ts';
import { stripUnsafe } from './identifier.ts';
import { quote, type IssueLog } from './issue-log.ts';
import type { InputRecord } from './table-spec.ts';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const decimal = z.string().regex(DECIMAL).transform(Number).pipe(z.number());
const nonNegative = decimal.pipe(z.number().min(0));

/** One of `values`, in any letter case (`SME`, `Network`). */
function anyCase<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((text) => text.toLowerCase())
    .pipe(z.enum(values));
}

/** Full-width ASCII (１２３, ．, －) and the ideographic space, which Japanese input methods type into numeric cells. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

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
  size: { schema: anyCase(SIZES), expected: 'sme or large', hint: 'or leave it empty' },
  access: {
    schema: anyCase(ACCESS_TYPES),
    expected: 'none, data, network or software',
    hint: 'or leave it empty',
  },
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
export function readCell<T>(
  record: InputRecord,
  column: string,
  rule: CellRule<T>,
  log: IssueLog,
): T | null | undefined {
  let text = record.get(column);
  if (text === '') return null;
  if (FULL_WIDTH.test(text)) {
    const given = text;
    text = text.normalize('NFKC').trim();
    log.warning(
      record.at(column),
      `${column} held full-width characters (${quote(given)}); read as ${quote(text)} — type half-width digits to silence this`,
      given,
    );
    if (text === '') return null;
  }
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

/** The assigned ISO 3166-1 alpha-2 codes (iso-3166). */
const ALPHA2 = new Set(iso31661.map((c) => c.alpha2));

/**
 * Reads a country cell: an ISO 3166-1 alpha-2 code that is assigned (`JP`, `DE`), or
 * empty (`null`). Anything else is kept as given with a warning — the country only
 * groups suppliers in the concentration report, where `Japan` and `JP` would count as
 * two countries — naming the code to write where one can be told: `jp`, the alpha-3
 * `JPN`, the name `Japan`, the reserved `UK` (→ `GB`).
 */
export function readCountry(record: InputRecord, log: IssueLog): string | null {
  const text = readText(record, 'country', log);
  if (text === null) return null;
  if (ALPHA2.has(text)) return text;
  const hint = countryHint(text);
  log.warning(
    record.at('country'),
    `country should be an ISO 3166-1 alpha-2 code such as JP, DE or US, got ${quote(text)}; ${hint}`,
    text,
  );
  return text;
}

function countryHint(text: string): string {
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  if (ALPHA2.has(upper)) return `write it in capitals: ${upper}`;
  const fromAlpha3 = (iso31661Alpha3ToAlpha2 as Record<string, string | undefined>)[upper];
  if (fromAlpha3 !== undefined) return `${upper} is the alpha-3 code; write ${fromAlpha3}`;
  const exact = iso31661.find((c) => c.name.toLowerCase() === lower);
  if (exact !== undefined) return `write ${exact.alpha2} for ${exact.name}`;
  const named = iso31661.filter(
    (c) => /^[ ,(]/.test(c.name.toLowerCase().slice(lower.length)) && c.name.toLowerCase().startsWith(lower),
  );
  if (named.length === 1) return `write ${named[0]!.alpha2} for ${named[0]!.name}`;
  if (named.length > 1 && named.length <= 4)
    return `write one of ${named.map((c) => `${c.alpha2} (${c.name})`).join(', ')}`;
  const reserved = iso31661Reserved.find((c) => c.alpha2 === upper);
  if (reserved !== undefined) {
    const name = reserved.name.toLowerCase();
    const assigned = iso31661.find((c) => c.name.toLowerCase().startsWith(name));
    return `${upper} is reserved, not assigned${assigned ? `; write ${assigned.alpha2} for ${assigned.name}` : ''}`;
  }
  return 'leave it empty when the country is unknown';
}

/** Reads a true/false cell (any letter case); empty means false. */
export function readFlag(record: InputRecord, column: string, log: IssueLog): boolean | undefined {
  const text = record.get(column);
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false' || lower === '') return false;
  log.error(
    record.at(column),
    `${column} must be true or false, got ${quote(text)}; or leave it empty for false`,
    text,
  );
  return undefined;
}

/** Reads a free-text cell: empty means `null`; control, bidi and zero-width characters are removed with a warning. */
export function readText(record: InputRecord, column: string, log: IssueLog): string | null {
  const given = record.get(column);
  const { text, removed } = stripUnsafe(given);
  if (removed > 0)
    log.warning(
      record.at(column),
      `${column} held ${removed} control, bidi or zero-width character${removed === 1 ? '' : 's'}; removed, the rest kept`,
      given,
    );
  return text === '' ? null : text;
}
