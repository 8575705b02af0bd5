/**
 * The catalogue of ★3/★4 evaluation criteria, read from the user's own copy of IPA's
 * blank self-assessment workbook (the project ships none of IPA's text). Each criterion
 * has its id (`1-2-1-1`: four numbers, the first the category 1–7), its level (★3 or ★4,
 * column K, merged over the criterion's rows) and its text (column M). The file is pinned
 * by its SHA-256, reported with every result so a change on IPA's side is visible.
 *
 * @example
 *   const catalog = await readCatalog('scs-blank.xlsx');
 *   catalog.criteria[0]; // { id: '1-1-1-1', level: 3, category: 1, text: '…' }
 */
import type { Issue } from '../model/types.ts';
import {
  cellIssue,
  COLUMN,
  officialSheetOf,
  openOfficialSheet,
  refuse,
  type AssessLimits,
  type OfficialSheet,
} from './official-sheet.ts';

export type Level = 3 | 4;

export interface Criterion {
  id: string;
  level: Level;
  /** 1 governance … 7 recover: the first number of the id. */
  category: number;
  text: string;
}

export interface Catalog {
  file: string;
  sha256: string;
  criteria: Criterion[];
  byId: Map<string, Criterion>;
}

/** The seven categories, in order (the first number of a criterion id). */
export const CATEGORIES = ['governance', 'supplier', 'identify', 'protect', 'detect', 'respond', 'recover'] as const;

/** A criterion id: four numbers joined by hyphens, the first 1–7. */
export const CRITERION_ID = /^[1-7]-\d{1,3}-\d{1,3}-\d{1,3}$/;

/** The level a K cell names: ★3 / ☆3 / 3 → 3, ★4 → 4; undefined otherwise. */
export function levelOf(text: string): Level | undefined {
  const m = /^[★☆*]?\s*([34])$/u.exec(text.normalize('NFKC').trim());
  return m === null ? undefined : (Number(m[1]) as Level);
}

/** Reads the catalogue of the blank workbook at `path`; throws InputError naming every bad cell. */
export async function readCatalog(path: string, limits: AssessLimits = {}): Promise<Catalog> {
  return catalogOf(await openOfficialSheet(path, limits));
}

/** The catalogue of a blank workbook's bytes (an upload), `file` naming it in errors. */
export async function catalogFromBytes(bytes: Buffer, file: string, limits: AssessLimits = {}): Promise<Catalog> {
  return catalogOf(await officialSheetOf(bytes, file, limits));
}

function catalogOf({ file, sheet, sha256, rows }: OfficialSheet): Catalog {
  const issues: Issue[] = [];
  const at = (row: number, column: number, message: string): number =>
    issues.push(cellIssue(file, sheet, row, column, message));
  const criteria: Criterion[] = [];
  const byId = new Map<string, Criterion>();
  let level: Level | undefined;
  for (const { row, cell } of rows) {
    const k = cell(COLUMN.level);
    if (k.text !== '') level = levelOf(k.text) ?? level;
    const id = cell(COLUMN.id);
    if (id.text === '') continue;
    if (id.formula || k.formula) {
      at(
        row,
        id.formula ? COLUMN.id : COLUMN.level,
        'holds a formula; the catalogue must be the official blank workbook',
      );
      continue;
    }
    if (!CRITERION_ID.test(id.text)) {
      at(
        row,
        COLUMN.id,
        `criterion id "${id.text}" is not four numbers joined by hyphens with category 1–7 (e.g. 1-2-1-1)`,
      );
      continue;
    }
    if (k.text !== '' && levelOf(k.text) === undefined) at(row, COLUMN.level, `level "${k.text}" is not ★3 or ★4`);
    if (level === undefined) {
      at(row, COLUMN.level, `criterion ${id.text} has no level (★3 or ★4) in column K on or above its row`);
      continue;
    }
    const text = cell(COLUMN.text).text;
    if (text === '') at(row, COLUMN.text, `criterion ${id.text} has no text (評価基準) in column M`);
    if (byId.has(id.text))
      at(row, COLUMN.id, `criterion id ${id.text} appears twice; the catalogue must list each once`);
    const criterion: Criterion = { id: id.text, level, category: Number(id.text[0]), text };
    criteria.push(criterion);
    byId.set(criterion.id, criterion);
  }
  if (criteria.length === 0 && issues.length === 0)
    issues.push({
      severity: 'error',
      file,
      sheet,
      message: `sheet ${sheet} lists no criteria (評価基準No. in column L from row 3)`,
    });
  if (issues.length > 0) refuse(file, 'catalogue', issues);
  return { file, sha256, criteria, byId };
}
