/**
 * PUT /api/network in the formats a Japanese office has: a CP932 CSV sent as its bytes
 * (base64) — decoded as a file would be, with a note — and an Excel workbook (base64);
 * a workbook's errors come back with sheet and cell, and nothing is loaded.
 */
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompanyListResponse, NetworkUploadResponse } from '../../src/contract/api-types.ts';
import { chain, get, send, serveNetwork } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;
beforeEach(async () => {
  server = await serveNetwork(chain);
});
afterEach(() => server.close());

const COMPANIES =
  'id,name,size,revenue,focal\r\nota,太田精密スプリング,SME,1200,\r\nkiri,霧島自動車,large,50000,true\r\n';
const SUPPLIES = 'supplier,buyer,commodity\r\nota,kiri,ばね\r\n';
const sjis = (text: string): string =>
  Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' })).toString('base64');

async function workbook(companies: (string | number | boolean | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const c = book.addWorksheet('取引先');
  for (const row of companies) c.addRow(row);
  const s = book.addWorksheet('取引');
  s.addRow(['supplier', 'buyer', 'commodity']);
  s.addRow(['ota', 'kiri', 'ばね']);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const names = async (): Promise<string[]> =>
  (await get<CompanyListResponse>(server.url, '/api/companies')).body.items.map((c) => c.name).sort();

describe('PUT /api/network in Japanese formats', () => {
  it('decodes a CP932 CSV sent as bytes, and says so', async () => {
    const res = await send<NetworkUploadResponse>('PUT', server.url, '/api/network', {
      format: 'csv',
      encoding: 'base64',
      companies: sjis(COMPANIES),
      supplies: sjis(SUPPLIES),
    });
    expect(res.status).toBe(200);
    expect(res.body.notes).toEqual([
      `read companies.csv as Shift_JIS (CP932): Japanese Excel's "CSV"`,
      `read supplies.csv as Shift_JIS (CP932): Japanese Excel's "CSV"`,
    ]);
    expect(await names()).toEqual(['太田精密スプリング', '霧島自動車']);
  });

  it('loads an Excel workbook', async () => {
    const book = await workbook([
      ['id', 'name', 'size', 'revenue', 'focal'],
      ['ota', '太田精密スプリング', 'sme', 1200, null],
      ['kiri', '霧島自動車', 'large', 50000, true],
    ]);
    const res = await send<NetworkUploadResponse>('PUT', server.url, '/api/network', {
      format: 'xlsx',
      workbook: book,
    });
    expect(res.status).toBe(200);
    expect(res.body.companies).toBe(2);
    expect(await names()).toEqual(['太田精密スプリング', '霧島自動車']);
  });

  it('refuses a workbook with a bad cell, naming sheet and cell, and keeps the network', async () => {
    const before = await names();
    const book = await workbook([
      ['id', 'name', 'size', 'revenue', 'focal'],
      ['ota', '太田精密スプリング', 'medium', 1200, null],
      ['kiri', '霧島自動車', 'large', 50000, true],
    ]);
    const res = await send<{ error: { issues: { sheet: string; line: number; column: number; message: string }[] } }>(
      'PUT',
      server.url,
      '/api/network',
      { format: 'xlsx', workbook: book },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0]).toMatchObject({ sheet: '取引先', line: 2, column: 3 });
    expect(res.body.error.issues[0]!.message).toMatch(/^size must be sme or large/);
    expect(await names()).toEqual(before);
  });
});
