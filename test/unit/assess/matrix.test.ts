/**
 * The criteria × suppliers matrix of summariseAssessments and assessMatrixSheet on two
 * synthetic official-layout workbooks with known answers (★3 and ★4 rows, look-alike marks,
 * unanswered criteria): each supplier's answer codes in catalogue order, each criterion's
 * position, and the sheet's rows in catalogue order with ○ △ ✖ or empty per supplier.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../src/assess/catalog.ts';
import { assessMatrixSheet, markOfCode } from '../../../src/assess/report.ts';
import { readSelfAssessment } from '../../../src/assess/self-assessment.ts';
import { answerOfCode, summariseAssessments } from '../../../src/assess/summary.ts';
import { CRITERIA, filled, folder, officialWorkbook } from './helpers.ts';

// Catalogue order: 1-1-1-1, 2-1-1-1, 4-1-3-2, 4-2-1-1, 6-1-1-1 (★3), 3-1-1-1, 5-1-1-1 (★4).
const OTA = { '1-1-1-1': '○', '2-1-1-1': '✖', '4-1-3-2': '△', '6-1-1-1': '◯', '3-1-1-1': '×', '5-1-1-1': '○' };
const SATO = { '1-1-1-1': '〇', '4-1-3-2': '✖', '4-2-1-1': '○', '3-1-1-1': '△' };

async function summary() {
  const dir = await folder({
    'blank.xlsx': await officialWorkbook(CRITERIA),
    'ota.xlsx': await officialWorkbook(filled(OTA)),
    'sato.xlsx': await officialWorkbook(filled(SATO)),
  });
  const catalog = await readCatalog(join(dir, 'blank.xlsx'));
  const read = (file: string) => readSelfAssessment(join(dir, file), catalog);
  return summariseAssessments(catalog, [
    { company: 'sato', name: 'Sato Paint', risk: 1e8, assessment: await read('sato.xlsx') },
    { company: 'ota', name: 'Ota Springs', risk: 3e8, assessment: await read('ota.xlsx') },
  ]);
}

describe('summariseAssessments (the matrix)', () => {
  it('gives each supplier its answer to every criterion as codes in catalogue order', async () => {
    const s = await summary();
    expect(s.suppliers.map((x) => [x.company, x.answers])).toEqual([
      ['ota', 'oxp-oxo'],
      ['sato', 'o-xo-p-'],
    ]);
    const position = Object.fromEntries(s.criteria.map((c) => [c.id, c.position]));
    expect(position).toEqual({
      '1-1-1-1': 0,
      '2-1-1-1': 1,
      '4-1-3-2': 2,
      '4-2-1-1': 3,
      '6-1-1-1': 4,
      '3-1-1-1': 5,
      '5-1-1-1': 6,
    });
    // The codes agree with the counts and the failing lists of the same summary.
    for (const c of s.criteria) {
      const kinds = s.suppliers.map((x) => answerOfCode(x.answers[c.position]!));
      expect(kinds.filter((k) => k === 'not-met' || k === 'partly').length).toBe(c.failing);
      expect(kinds.filter((k) => k === 'unanswered').length).toBe(c.unanswered);
    }
    expect(s.criteria.find((c) => c.id === '3-1-1-1')).toMatchObject({ level: 4, failing: 2, notMet: 1, partly: 1 });
  });

  it('answerOfCode is undefined for a character that is no code', () => {
    expect(answerOfCode('o')).toBe('met');
    expect(answerOfCode('-')).toBe('unanswered');
    expect(answerOfCode('○')).toBeUndefined();
    expect(markOfCode('x')).toBe('✖');
    expect(markOfCode('-')).toBeNull();
    expect(markOfCode(undefined)).toBeNull();
  });
});

describe('assessMatrixSheet', () => {
  it('has a row per criterion in catalogue order and a column per supplier, highest risk first', async () => {
    const s = await summary();
    const sheet = assessMatrixSheet(s, 'en');
    expect(sheet.name).toBe('assess-matrix');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'criterion',
      'level',
      'category',
      'text',
      'failing suppliers',
      'risk of failing suppliers (¥ per year)',
      'Ota Springs (ota)',
      'Sato Paint (sato)',
    ]);
    expect(sheet.rows.map((r) => [r[0], r[1], r[4], r[5], r[6], r[7]])).toEqual([
      ['1-1-1-1', '★3', 0, 0, '○', '○'],
      ['2-1-1-1', '★3', 1, 3e8, '✖', null],
      ['4-1-3-2', '★3', 2, 4e8, '△', '✖'],
      ['4-2-1-1', '★3', 0, 0, null, '○'],
      ['6-1-1-1', '★3', 0, 0, '○', null],
      ['3-1-1-1', '★4', 2, 4e8, '✖', '△'],
      ['5-1-1-1', '★4', 0, 0, '○', null],
    ]);
    expect(sheet.rows[2]![2]).toBe('4 protect');
    expect(sheet.rows[2]![3]).toBe('Cloud services holding confidential data need a second factor.');
  });

  it('is in Japanese with lang ja', async () => {
    const sheet = assessMatrixSheet(await summary(), 'ja');
    expect(sheet.name).toBe('自己評価_マトリクス');
    expect(sheet.columns[0]!.header).toBe('評価基準No.');
    expect(sheet.rows[0]![2]).toBe('1 ガバナンスの整備');
  });
});
