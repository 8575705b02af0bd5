/**
 * One supplier's filled self-assessment workbook, read against the catalogue: for each
 * criterion its answer (column O: ○ met, △ partly met, ✖ not met, empty unanswered), its
 * reason (P), evidence and actions (Q) and notes (R). A hostile or tampered workbook is
 * refused whole, each problem named by sheet and cell: a formula in an answer or id cell,
 * an unknown or duplicate criterion id, criterion text (M) that differs from the
 * catalogue, an answer that is none of the marks. The common look-alike marks are accepted:
 * ◯ 〇 for ○, × ✕ ✗ ✘ for ✖.
 *
 * @example
 *   const sa = await readSelfAssessment('ota-springs.xlsx', catalog);
 *   sa.answers.get('1-1-1-1'); // { answer: 'met', reason: '…', evidence: '…', notes: '' }
 */
import type { Issue } from '../model/types.ts';
import { levelOf, type Catalog, type Level } from './catalog.ts';
import {
  cellIssue,
  COLUMN,
  officialSheetOf,
  openOfficialSheet,
  refuse,
  sameText,
  type AssessLimits,
  type OfficialSheet,
} from './official-sheet.ts';

export type AnswerKind = 'met' | 'partly' | 'not-met' | 'unanswered';

export interface Answer {
  id: string;
  answer: AnswerKind;
  reason: string;
  evidence: string;
  notes: string;
}

export interface SelfAssessment {
  file: string;
  sha256: string;
  /** Every criterion of the catalogue; those absent from the workbook are unanswered. */
  answers: Map<string, Answer>;
}

/** The marks of column O and what they mean (the official one first). */
export const MARKS: Record<Exclude<AnswerKind, 'unanswered'>, readonly string[]> = {
  met: ['○', '◯', '〇'],
  partly: ['△'],
  'not-met': ['✖', '×', '✕', '✗', '✘'],
};

/** What the mark in an answer cell means; undefined for anything else. */
export function answerOf(mark: string): AnswerKind | undefined {
  if (mark === '') return 'unanswered';
  for (const [kind, marks] of Object.entries(MARKS)) if (marks.includes(mark)) return kind as AnswerKind;
  return undefined;
}

/** Reads the filled workbook at `path`; throws InputError naming every bad cell, nothing loaded. */
export async function readSelfAssessment(
  path: string,
  catalog: Catalog,
  limits: AssessLimits = {},
): Promise<SelfAssessment> {
  return answersOf(await openOfficialSheet(path, limits), catalog);
}

/** One supplier's workbook from its bytes (an upload), `file` naming it in errors. */
export async function selfAssessmentFromBytes(
  bytes: Buffer,
  file: string,
  catalog: Catalog,
  limits: AssessLimits = {},
): Promise<SelfAssessment> {
  return answersOf(await officialSheetOf(bytes, file, limits), catalog);
}

function answersOf({ file, sheet, sha256, rows }: OfficialSheet, catalog: Catalog): SelfAssessment {
  const issues: Issue[] = [];
  const at = (row: number, column: number, message: string): number =>
    issues.push(cellIssue(file, sheet, row, column, message));
  const answers = new Map<string, Answer>();
  const seenAt = new Map<string, number>();
  let level: Level | undefined;
  for (const { row, cell } of rows) {
    const k = cell(COLUMN.level).text;
    if (k !== '') level = levelOf(k) ?? level;
    const id = cell(COLUMN.id);
    const o = cell(COLUMN.answer);
    if (o.formula) at(row, COLUMN.answer, 'holds a formula; type the self-assessment (○ △ ✖) instead');
    if (id.formula) at(row, COLUMN.id, 'holds a formula; the criterion id must be the official text');
    if (id.text === '' || id.formula) continue;
    const criterion = catalog.byId.get(id.text);
    if (criterion === undefined) {
      at(row, COLUMN.id, `criterion id ${id.text} is not in the catalogue ${catalog.file}; use the official workbook`);
      continue;
    }
    const first = seenAt.get(id.text);
    if (first !== undefined) {
      at(row, COLUMN.id, `criterion id ${id.text} appears twice (first on row ${first}); answer each criterion once`);
      continue;
    }
    seenAt.set(id.text, row);
    if (level !== undefined && level !== criterion.level)
      at(
        row,
        COLUMN.level,
        `criterion ${id.text} is ★${criterion.level} in the catalogue ${catalog.file} but ★${level} here; the official columns must not be edited`,
      );
    if (sameText(cell(COLUMN.text).text) !== sameText(criterion.text))
      at(
        row,
        COLUMN.text,
        `the text of criterion ${id.text} differs from the catalogue ${catalog.file}; the official columns must not be edited`,
      );
    const answer = answerOf(o.text);
    if (answer === undefined)
      at(
        row,
        COLUMN.answer,
        `self-assessment "${o.text}" is not ○ (met), △ (partly met), ✖ (not met) or empty; ◯ 〇 and × ✕ ✗ ✘ are accepted too`,
      );
    answers.set(id.text, {
      id: id.text,
      answer: answer ?? 'unanswered',
      reason: cell(COLUMN.reason).text,
      evidence: cell(COLUMN.evidence).text,
      notes: cell(COLUMN.notes).text,
    });
  }
  if (issues.length > 0) refuse(file, 'self-assessment workbook', issues);
  for (const c of catalog.criteria)
    if (!answers.has(c.id)) answers.set(c.id, { id: c.id, answer: 'unanswered', reason: '', evidence: '', notes: '' });
  return { file, sha256, answers };
}
