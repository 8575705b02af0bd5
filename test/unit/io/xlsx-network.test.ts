/**
 * A network as one Excel workbook: built in each test with exceljs, read by path or as
 * the only .xlsx of a folder, with Japanese sheet names, numbers, dates, formulas by their
 * saved value; errors name sheet and cell (network.xlsx:supplies!C3); a formula with no
 * saved value and an error cell are refused with their cell; a zip bomb is refused
 * before it is expanded; and network → .xlsx → network is exact.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/errors.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { readWorkbook } from '../../../src/io/xlsx-network.ts';
import { folder, readError } from './helpers.ts';

type Rows = (string | number | boolean | Date | ExcelJS.CellValue | null)[][];

async function workbook(sheets: Record<string, Rows>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => (sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue)),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const COMPANIES: Rows = [
  ['id', 'name', 'size', 'scs_level', 'revenue', 'focal'],
  ['ota', '太田精密スプリング株式会社', 'SME', 1, 1200, null],
  ['kiri', '霧島自動車株式会社', 'large', 3, { formula: 'E2*1000', result: 1_200_000 }, true],
];
const SUPPLIES: Rows = [
  ['supplier', 'buyer', 'commodity', 'share'],
  ['ota', 'kiri', 'ばね', 1],
];

describe('readNetwork on an Excel workbook', () => {
  it('reads the sheets 取引先 and 取引 by path, with formulas by their saved value', async () => {
    const dir = await folder({ 'network.xlsx': await workbook({ 取引先: COMPANIES, 取引: SUPPLIES }) });
    const { network } = await readNetwork(join(dir, 'network.xlsx'));
    expect(network.companies.map((c) => [c.id, c.name, c.size, c.scsLevel, c.revenue, c.focal])).toEqual([
      ['ota', '太田精密スプリング株式会社', 'sme', 1, 1200, false],
      ['kiri', '霧島自動車株式会社', 'large', 3, 1_200_000, true],
    ]);
    expect(network.supplies).toEqual([
      { supplier: 'ota', buyer: 'kiri', commodity: 'ばね', share: 1, spend: null, access: null, bufferDays: null },
    ]);
  });

  it('reads the only .xlsx of a folder that has no tables, sheets companies and supplies', async () => {
    const dir = await folder({ 'ネットワーク.xlsx': await workbook({ companies: COMPANIES, Supplies: SUPPLIES }) });
    expect((await readNetwork(dir)).network.companies).toHaveLength(2);
  });

  it('names sheet and cell in every error, with the CSV rules unchanged', async () => {
    const supplies: Rows = [...SUPPLIES, ['ota', 'kiri', 'ねじ', 1.5], ['otaa', 'kiri', 'ねじ', null]];
    const dir = await folder({ 'network.xlsx': await workbook({ companies: COMPANIES, supplies }) });
    const error = await readError(join(dir, 'network.xlsx'));
    expect(error.issues.map(formatIssue)).toEqual([
      'network.xlsx:supplies!D3: error: share must be a fraction greater than 0 and at most 1 (0.4 for 40%), got "1.5"; leave it empty on every row of the group for an equal split',
      'network.xlsx:supplies!A4: error: supplier "otaa" is not a company id of network.xlsx; did you mean "ota"? correct the id or add the company',
      'network.xlsx:supplies!D4: error: buyer "kiri", commodity "ねじ": share given on row 3 but missing on row 4; give a share on every row of the group or on none (none = equal split)',
    ]);
  });

  it('refuses a formula with no saved value and an error cell, naming the cell', async () => {
    const companies: Rows = [
      ...COMPANIES.slice(0, 2),
      ['kiri', 'Kirishima', 'large', { formula: 'D2+2' }, { error: '#DIV/0!' }, true],
    ];
    const dir = await folder({ 'network.xlsx': await workbook({ companies, supplies: SUPPLIES }) });
    const lines = (await readError(join(dir, 'network.xlsx'))).issues.map(formatIssue);
    expect(lines[0]).toMatch(/^network\.xlsx:companies!D3: error: D3 holds a formula with no saved value; /);
    expect(lines[1]).toMatch(/^network\.xlsx:companies!E3: error: E3 holds the error #DIV\/0!; /);
  });

  it('says which sheet is missing and which sheets there are', async () => {
    const dir = await folder({ 'network.xlsx': await workbook({ Sheet1: COMPANIES, supplies: SUPPLIES }) });
    const lines = (await readError(join(dir, 'network.xlsx'))).issues.map(formatIssue);
    expect(lines).toEqual([
      'network.xlsx: error: network.xlsx has no sheet "companies" or "取引先"; its sheets are "Sheet1", "supplies". Name the sheet so',
    ]);
  });

  it('refuses a zip bomb by its declared size and by its real size, without expanding it', async () => {
    const bomb = await zip([['xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20)]]);
    expect(bomb.length).toBeLessThan(200_000);
    const result = await readWorkbook(bomb, 'bomb.xlsx', { maxExpandedBytes: 16 * 1024 * 1024 }).catch(
      (e: unknown) => e,
    );
    expect(String((result as { issues: { message: string }[] }).issues[0]!.message)).toMatch(
      /^bomb\.xlsx would expand to more than 16 MB .*zip bomb/,
    );
    const forged = forgeDeclaredSize(bomb, 1000);
    const lied = await readWorkbook(forged, 'forged.xlsx', { maxExpandedBytes: 16 * 1024 * 1024 }).catch(
      (e: unknown) => e,
    );
    expect(String((lied as { issues: { message: string }[] }).issues[0]!.message)).toMatch(
      /^forged\.xlsx .*(forged|zip bomb)/,
    );
  });

  it('round-trips network → .xlsx → network exactly', async () => {
    const sample = await readNetwork('data/sample');
    const book = new ExcelJS.Workbook();
    const companies = book.addWorksheet('companies');
    companies.addRow(['id', 'name', 'country', 'industry', 'size', 'scs_level', 'security_score', 'revenue', 'focal']);
    for (const c of sample.network.companies)
      companies.addRow([c.id, c.name, c.country, c.industry, c.size, c.scsLevel, c.securityScore, c.revenue, c.focal]);
    const supplies = book.addWorksheet('supplies');
    supplies.addRow(['supplier', 'buyer', 'commodity', 'share', 'spend', 'access', 'buffer_days']);
    for (const s of sample.network.supplies)
      supplies.addRow([s.supplier, s.buyer, s.commodity, s.share, s.spend, s.access, s.bufferDays]);
    const assessments = book.addWorksheet('評価');
    assessments.addRow(['company', 'level', 'method', 'assessed_on', 'valid_until', 'evidence']);
    for (const a of sample.network.assessments ?? [])
      assessments.addRow([a.company, a.level, a.method, a.assessedOn, a.validUntil, a.evidence]);
    const dir = await folder({});
    await writeFile(join(dir, 'sample.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    expect((await readNetwork(join(dir, 'sample.xlsx'))).network).toEqual(sample.network);
  });
});

/** A zip archive of `entries`, deflated (yazl). */
function zip(entries: [string, Buffer][]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const [name, data] of entries) archive.addBuffer(data, name, { compress: true });
  archive.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    archive.outputStream.on('data', (c: Buffer) => chunks.push(c));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on('error', reject);
  });
}

/** The archive with its (only) entry's declared expanded size replaced, in the local and central headers. */
function forgeDeclaredSize(archive: Buffer, size: number): Buffer {
  const out = Buffer.from(archive);
  out.writeUInt32LE(size, 22); // local file header: uncompressed size
  const central = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  out.writeUInt32LE(size, central + 24);
  return out;
}
