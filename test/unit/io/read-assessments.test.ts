/**
 * readNetwork / parseNetwork, the optional assessments table (DESIGN, "assessments.csv"):
 * each rule broken once with its exact location, nothing loaded on any error, and the
 * valid table read as given (an empty valid_until stays null). The old code ignored
 * assessments.csv, so every test here failed on it.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { isIsoDate } from '../../../src/model/iso-date.ts';
import { parseNetwork } from '../../../src/io/parse-network.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { COMPANIES, SUPPLIES, csv, folder, readErrors } from './helpers.ts';

const HEADER = 'company,level,method,assessed_on,valid_until,evidence';

function assessmentFolder(rows: readonly string[], files: Record<string, string | Buffer> = {}): Promise<string> {
  return folder({
    'companies.csv': csv(COMPANIES),
    'supplies.csv': csv(SUPPLIES),
    'assessments.csv': csv([HEADER, ...rows]),
    ...files,
  });
}

/** The only error of reading the fixture with one assessment row `row` (line 2). */
async function rowError(row: string) {
  const issues = await readErrors(await assessmentFolder([row]));
  expect(issues).toHaveLength(1);
  return issues[0];
}

const at = (line: number, column: number, field: string, value: string) => ({
  severity: 'error',
  file: 'assessments.csv',
  line,
  column,
  field,
  value,
});

describe('assessments.csv', () => {
  it('readNetwork reports an unknown company id, without a suggestion when none is near', async () => {
    const issue = await rowError('alfa,3,expert,2026-04-01,,');
    expect(issue).toMatchObject(at(2, 1, 'company', 'alfa'));
    expect(issue?.message).toBe(
      'company "alfa" is not a company id of companies.csv; correct the id or add the company',
    );
  });

  it('readNetwork reports an unknown company id of a longer id with "did you mean"', async () => {
    const companies = [...COMPANIES, 'ota-springs,Ota,JP,,,,,,'];
    const dir = await folder({
      'companies.csv': csv(companies),
      'supplies.csv': csv(SUPPLIES),
      'assessments.csv': csv([HEADER, 'ota-sprngs,3,expert,2026-04-01,,']),
    });
    const issues = await readErrors(dir);
    expect(issues).toEqual([expect.objectContaining(at(2, 1, 'company', 'ota-sprngs'))]);
    expect(issues[0]?.message).toContain('did you mean "ota-springs"? correct the id or add the company');
  });

  it('readNetwork reports a level outside 1–5', async () => {
    for (const level of ['0', '6', '3.5', 'x']) {
      const issue = await rowError(`a,${level},,2026-04-01,,`);
      expect(issue).toMatchObject(at(2, 2, 'level', level));
      expect(issue?.message).toContain('level must be a whole number from 1 to 5');
    }
  });

  it('readNetwork reports dates that are not ISO calendar dates', async () => {
    expect(await rowError('a,3,expert,2026/04/01,,')).toMatchObject(at(2, 4, 'assessed_on', '2026/04/01'));
    expect(await rowError('a,3,expert,2027-02-29,,')).toMatchObject(at(2, 4, 'assessed_on', '2027-02-29'));
    expect(await rowError('a,3,expert,2026-04-01,2027-13-01,')).toMatchObject(at(2, 5, 'valid_until', '2027-13-01'));
    const missing = await rowError('a,3,expert,,,');
    expect(missing).toMatchObject(at(2, 4, 'assessed_on', ''));
    expect(missing?.message).toContain('assessed_on is empty');
  });

  it('readNetwork reports valid_until before assessed_on', async () => {
    const issue = await rowError('a,3,expert,2026-04-01,2026-03-31,');
    expect(issue).toMatchObject(at(2, 5, 'valid_until', '2026-03-31'));
    expect(issue?.message).toContain('valid_until 2026-03-31 is before assessed_on 2026-04-01');
  });

  it('readNetwork reports a method that does not fit the level', async () => {
    const self4 = await rowError('a,4,self,2026-04-01,,');
    expect(self4).toMatchObject(at(2, 3, 'method', 'self'));
    expect(self4?.message).toContain('method self cannot earn ★4; ★4 is earned by third-party');
    expect(await rowError('a,3,self,2026-04-01,,')).toMatchObject(at(2, 3, 'method', 'self'));
    expect(await rowError('a,1,expert,2026-04-01,,')).toMatchObject(at(2, 3, 'method', 'expert'));
    expect(await rowError('a,3,auditor,2026-04-01,,')).toMatchObject(at(2, 3, 'method', 'auditor'));
  });

  it('readNetwork loads nothing when one assessment row is bad', async () => {
    const dir = await assessmentFolder(['a,3,expert,2026-04-01,,', 'b,9,,2026-04-01,,']);
    await expect(readNetwork(dir)).rejects.toBeInstanceOf(InputError);
  });

  it('readNetwork reads a valid table as given, in file order', async () => {
    const dir = await assessmentFolder([
      'a,3,expert,2026-04-01,,IPA-123',
      'b,4,Third-Party,2025-01-15,2028-01-14,',
      'c,1,,2024-06-30,,',
    ]);
    const { network } = await readNetwork(dir);
    expect(network.assessments).toEqual([
      { company: 'a', level: 3, method: 'expert', assessedOn: '2026-04-01', validUntil: null, evidence: 'IPA-123' },
      {
        company: 'b',
        level: 4,
        method: 'third-party',
        assessedOn: '2025-01-15',
        validUntil: '2028-01-14',
        evidence: null,
      },
      { company: 'c', level: 1, method: null, assessedOn: '2024-06-30', validUntil: null, evidence: null },
    ]);
  });

  it('readNetwork reads a table with a BOM and a semicolon delimiter like the other tables', async () => {
    const text = Buffer.from(`${HEADER.replaceAll(',', ';')}\na;3;expert;2026-04-01;;\n`, 'latin1');
    const dir = await folder({
      'companies.csv': csv(COMPANIES).replaceAll(',', ';'),
      'supplies.csv': csv(SUPPLIES).replaceAll(',', ';'),
      'assessments.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]),
    });
    const { network } = await readNetwork(dir, { delimiter: ';' });
    expect(network.assessments).toHaveLength(1);
  });

  it('readNetwork leaves assessments absent without the table', async () => {
    const dir = await folder({ 'companies.csv': csv(COMPANIES), 'supplies.csv': csv(SUPPLIES) });
    expect((await readNetwork(dir)).network.assessments).toBeUndefined();
  });

  it('parseNetwork checks an assessments table given as text', () => {
    const input = {
      companies: { name: 'companies.csv', text: csv(COMPANIES) },
      supplies: { name: 'supplies.csv', text: csv(SUPPLIES) },
      assessments: { name: 'assessments.csv', text: csv([HEADER, 'zz,3,expert,2026-04-01,,']) },
    };
    expect(() => parseNetwork(input, 'csv')).toThrow(InputError);
    input.assessments.text = csv([HEADER, 'a,5,third-party,2026-04-01,,']);
    expect(parseNetwork(input, 'csv').network.assessments).toEqual([
      expect.objectContaining({ company: 'a', level: 5 }),
    ]);
  });

  it('readNetwork reads the 評価 sheet of a workbook, dates as ISO dates, errors by sheet and cell', async () => {
    const book = new ExcelJS.Workbook();
    const sheets: Record<string, (string | number | Date)[][]> = {
      取引先: [
        ['id', 'scs_level'],
        ['ota', 1],
        ['kiri', 3],
      ],
      取引: [
        ['supplier', 'buyer', 'commodity'],
        ['ota', 'kiri', 'ばね'],
      ],
      評価: [
        ['company', 'level', 'method', 'assessed_on', 'valid_until'],
        ['ota', 3, 'expert', new Date(Date.UTC(2026, 3, 1)), '2027-03-31'],
      ],
    };
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = book.addWorksheet(name);
      rows.forEach((row, r) => row.forEach((value, c) => (sheet.getCell(r + 1, c + 1).value = value)));
    }
    const path = join(await folder({}), 'network.xlsx');
    await book.xlsx.writeFile(path);
    expect((await readNetwork(path)).network.assessments).toEqual([
      {
        company: 'ota',
        level: 3,
        method: 'expert',
        assessedOn: '2026-04-01',
        validUntil: '2027-03-31',
        evidence: null,
      },
    ]);
    book.getWorksheet('評価')!.getCell(2, 3).value = 'self';
    await book.xlsx.writeFile(path);
    const issues = await readErrors(path);
    expect(issues).toEqual([expect.objectContaining({ sheet: '評価', line: 2, column: 3, field: 'method' })]);
  });

  it('isIsoDate accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-4-30')).toBe(false);
    expect(isIsoDate('2027-04-30T00:00')).toBe(false);
  });
});
