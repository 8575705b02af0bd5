/**
 * readCatalog and readSelfAssessment on synthetic official-layout workbooks: the
 * catalogue's criteria, levels from merged K cells, categories and SHA-256; a filled
 * workbook's answers (look-alike marks accepted); and each hostile workbook refused with
 * its sheet and cell named and nothing loaded.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { formatIssue, InputError } from '../../../src/errors.ts';
import { readCatalog } from '../../../src/assess/catalog.ts';
import { readSelfAssessment } from '../../../src/assess/self-assessment.ts';
import { CRITERIA, filled, folder, officialWorkbook, type Line } from './helpers.ts';

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).issues.map(formatIssue);
}

async function catalogIn(dir: string) {
  return readCatalog(join(dir, 'blank.xlsx'));
}

describe('readCatalog', () => {
  it('reads id, level (merged K cells), category and text, and pins the file by SHA-256', async () => {
    const dir = await folder({ 'blank.xlsx': await officialWorkbook(CRITERIA) });
    const catalog = await catalogIn(dir);
    expect(catalog.criteria.map((c) => [c.id, c.level, c.category])).toEqual([
      ['1-1-1-1', 3, 1],
      ['2-1-1-1', 3, 2],
      ['4-1-3-2', 3, 4],
      ['4-2-1-1', 3, 4],
      ['6-1-1-1', 3, 6],
      ['3-1-1-1', 4, 3],
      ['5-1-1-1', 4, 5],
    ]);
    expect(catalog.byId.get('4-2-1-1')!.text).toBe('Backups are kept offline.');
    const sha = createHash('sha256')
      .update(await readFile(join(dir, 'blank.xlsx')))
      .digest('hex');
    expect(catalog.sha256).toBe(sha);
  });

  it('names the cell of a malformed id, a duplicate id and a missing text', async () => {
    const bad: Line[] = [
      ...CRITERIA.slice(0, 2),
      { level: 3, id: '8-1-1-1', text: 'category 8 does not exist' },
      { level: 3, id: '1-1-1-1', text: 'again' },
      { level: 3, id: '2-2-2-2', text: '' },
    ];
    const dir = await folder({ 'blank.xlsx': await officialWorkbook(bad) });
    expect(await refusal(catalogIn(dir))).toEqual([
      'blank.xlsx:評価基準!L5: error: criterion id "8-1-1-1" is not four numbers joined by hyphens with category 1–7 (e.g. 1-2-1-1)',
      'blank.xlsx:評価基準!L6: error: criterion id 1-1-1-1 appears twice; the catalogue must list each once',
      'blank.xlsx:評価基準!M7: error: criterion 2-2-2-2 has no text (評価基準) in column M',
    ]);
  });

  it('refuses a workbook without the official header', async () => {
    const dir = await folder({ 'blank.xlsx': await officialWorkbook(CRITERIA) });
    const other = join(dir, 'blank.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').getCell('A1').value = 'x';
    await book.xlsx.writeFile(other);
    expect(await refusal(readCatalog(other))).toEqual([
      'blank.xlsx: error: has no sheet with the header 評価基準No. in cell L2 (the official layout); its sheets are Sheet1',
    ]);
  });
});

describe('readSelfAssessment', () => {
  it('reads each answer, with the look-alike marks and unanswered criteria', async () => {
    const answers = { '1-1-1-1': '○', '2-1-1-1': '◯', '4-1-3-2': '×', '4-2-1-1': '△', '3-1-1-1': '✗' };
    const dir = await folder({
      'blank.xlsx': await officialWorkbook(CRITERIA),
      'ota.xlsx': await officialWorkbook(
        filled(answers).map((l) => (l.id === '4-1-3-2' ? { ...l, reason: 'no budget this year' } : l)),
      ),
    });
    const sa = await readSelfAssessment(join(dir, 'ota.xlsx'), await catalogIn(dir));
    expect(Object.fromEntries([...sa.answers].map(([id, a]) => [id, a.answer]))).toEqual({
      '1-1-1-1': 'met',
      '2-1-1-1': 'met',
      '4-1-3-2': 'not-met',
      '4-2-1-1': 'partly',
      '6-1-1-1': 'unanswered',
      '3-1-1-1': 'not-met',
      '5-1-1-1': 'unanswered',
    });
    expect(sa.answers.get('4-1-3-2')!.reason).toBe('no budget this year');
  });

  it('accepts the criterion text with other line breaks and spacing', async () => {
    const lines = CRITERIA.map((l) =>
      l.id === '1-1-1-1' ? { ...l, textCell: 'The board names\r\nwho  answers for security. ' } : l,
    );
    const dir = await folder({
      'blank.xlsx': await officialWorkbook(CRITERIA),
      'a.xlsx': await officialWorkbook(lines),
    });
    const sa = await readSelfAssessment(join(dir, 'a.xlsx'), await catalogIn(dir));
    expect(sa.answers.size).toBe(7);
  });

  it('refuses a hostile workbook, naming every bad cell', async () => {
    const hostile: Line[] = [
      { ...CRITERIA[0]!, answer: { formula: 'IF(TRUE,"○","✖")', result: '○' } },
      { ...CRITERIA[1]!, idCell: { formula: '"2-1-1-1"', result: '2-1-1-1' } },
      { ...CRITERIA[2]!, textCell: 'Cloud services need nothing.' },
      { ...CRITERIA[3]!, answer: 'yes' },
      { level: 3, id: '9-9-9-9', text: 'invented' },
      { ...CRITERIA[4]!, answer: '○' },
      { ...CRITERIA[4]!, answer: '✖' },
    ];
    const dir = await folder({
      'blank.xlsx': await officialWorkbook(CRITERIA),
      'evil.xlsx': await officialWorkbook(hostile),
    });
    expect(await refusal(readSelfAssessment(join(dir, 'evil.xlsx'), await catalogIn(dir)))).toEqual([
      'evil.xlsx:評価基準!O3: error: holds a formula; type the self-assessment (○ △ ✖) instead',
      'evil.xlsx:評価基準!L4: error: holds a formula; the criterion id must be the official text',
      'evil.xlsx:評価基準!M5: error: the text of criterion 4-1-3-2 differs from the catalogue blank.xlsx; the official columns must not be edited',
      'evil.xlsx:評価基準!O6: error: self-assessment "yes" is not ○ (met), △ (partly met), ✖ (not met) or empty; ◯ 〇 and × ✕ ✗ ✘ are accepted too',
      'evil.xlsx:評価基準!L7: error: criterion id 9-9-9-9 is not in the catalogue blank.xlsx; use the official workbook',
      'evil.xlsx:評価基準!L9: error: criterion id 6-1-1-1 appears twice (first on row 8); answer each criterion once',
    ]);
  });

  it('refuses a criterion moved to another level (column K)', async () => {
    const moved = CRITERIA.map((l) => (l.id === '6-1-1-1' ? { ...l, level: 4 as const } : l));
    const dir = await folder({
      'blank.xlsx': await officialWorkbook(CRITERIA),
      'moved.xlsx': await officialWorkbook(moved),
    });
    expect(await refusal(readSelfAssessment(join(dir, 'moved.xlsx'), await catalogIn(dir)))).toEqual([
      'moved.xlsx:評価基準!K7: error: criterion 6-1-1-1 is ★3 in the catalogue blank.xlsx but ★4 here; the official columns must not be edited',
    ]);
  });

  it('refuses an oversized file and a zip bomb before reading them', async () => {
    const bomb = await new Promise<Buffer>((resolve) => {
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.alloc(64 * 1024 * 1024, 0x20), 'xl/worksheets/sheet1.xml');
      zip.end();
      const chunks: Buffer[] = [];
      zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
      zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const dir = await folder({ 'blank.xlsx': await officialWorkbook(CRITERIA), 'bomb.xlsx': bomb });
    const catalog = await catalogIn(dir);
    const [bombed] = await refusal(
      readSelfAssessment(join(dir, 'bomb.xlsx'), catalog, { maxExpandedBytes: 16 * 1024 * 1024 }),
    );
    expect(bombed).toMatch(/^bomb\.xlsx: error: bomb\.xlsx would expand to more than 16 MB .*zip bomb$/);
    const [big] = await refusal(readSelfAssessment(join(dir, 'bomb.xlsx'), catalog, { maxFileBytes: 1000 }));
    expect(big).toMatch(/^bomb\.xlsx: error: is [\d,]+ bytes, over the limit of 1,000 bytes/);
  });
});
