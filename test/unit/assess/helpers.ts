/**
 * Synthetic workbooks in the official self-assessment layout (header row 2; K level with
 * merged cells, L id, M text, O answer, P reason, Q evidence, R notes), built with exceljs
 * in a temporary folder. The criterion texts are invented: the project ships none of IPA's.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { onTestFinished } from 'vitest';

export interface Line {
  level: 3 | 4;
  id: string;
  text: string;
  answer?: ExcelJS.CellValue;
  reason?: string;
  idCell?: ExcelJS.CellValue;
  textCell?: ExcelJS.CellValue;
}

/** Invented criteria: five ★3 (categories 1, 2, 4, 4, 6) and two ★4. */
export const CRITERIA: Line[] = [
  { level: 3, id: '1-1-1-1', text: 'The board names who answers for security.' },
  { level: 3, id: '2-1-1-1', text: 'Suppliers are listed with what they handle.' },
  { level: 3, id: '4-1-3-2', text: 'Cloud services holding confidential data need a second factor.' },
  { level: 3, id: '4-2-1-1', text: 'Backups are kept offline.' },
  { level: 3, id: '6-1-1-1', text: 'An incident contact is reachable around the clock.' },
  { level: 4, id: '3-1-1-1', text: 'Assets are inventoried every quarter.' },
  { level: 4, id: '5-1-1-1', text: 'Logs are reviewed weekly.' },
];

/** A workbook in the official layout; `answers` maps an id to its O cell (and more). */
export async function officialWorkbook(lines: Line[], sheetName = '評価基準'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('表紙').getCell('A1').value = 'invented cover sheet';
  const sheet = book.addWorksheet(sheetName);
  sheet.getCell('A1').value = 'サプライチェーン強化に向けたセキュリティ対策評価 (test copy)';
  const header = ['★3/★4', '評価基準No.', '評価基準', '備考', '自己評価', '理由', '根拠および実施する事', '補足情報'];
  header.forEach((h, i) => (sheet.getCell(2, 11 + i).value = h));
  let start = 3;
  lines.forEach((line, i) => {
    const r = 3 + i;
    sheet.getCell(r, 12).value = line.idCell ?? line.id;
    sheet.getCell(r, 13).value = line.textCell ?? line.text;
    if (line.answer !== undefined) sheet.getCell(r, 15).value = line.answer;
    if (line.reason !== undefined) sheet.getCell(r, 16).value = line.reason;
    const next = lines[i + 1];
    if (next === undefined || next.level !== line.level) {
      sheet.getCell(start, 11).value = `★${line.level}`;
      if (r > start) sheet.mergeCells(start, 11, r, 11);
      start = r + 1;
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The criteria with answers filled in by id. */
export function filled(answers: Record<string, string>, base: Line[] = CRITERIA): Line[] {
  return base.map((line) => (answers[line.id] === undefined ? line : { ...line, answer: answers[line.id] }));
}

/** A temporary folder holding `files`, removed after the test. */
export async function folder(files: Record<string, Buffer | string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weaklink-assess-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await Promise.all(Object.entries(files).map(([name, bytes]) => writeFile(join(dir, name), bytes)));
  return dir;
}
