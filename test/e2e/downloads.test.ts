/**
 * Table downloads in a real browser (Debian's Chromium, ja-JP locale, against the real API
 * app over a small network with Japanese names): the page is in Japanese, and the Excel
 * button of the weak-links table saves a valid .xlsx holding every company with its
 * Japanese name; the CSV button saves UTF-8 with a BOM, so Excel opens the names right.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBundle, launchChromium, settle, startServer, type RunningServer } from './harness.ts';
import type { Network } from '../../src/model/types.ts';

const NAMES = ['霧島自動車株式会社', '太田精密スプリング株式会社', '金沢内装トリム株式会社', '瀬戸合金精錬'];

const network: Network = {
  companies: [
    {
      id: 'kiri',
      name: NAMES[0]!,
      country: 'JP',
      industry: null,
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 30e12,
      focal: true,
    },
    {
      id: 'ota',
      name: NAMES[1]!,
      country: 'JP',
      industry: null,
      size: 'sme',
      scsLevel: null,
      securityScore: null,
      revenue: 1.2e9,
      focal: false,
    },
    {
      id: 'kanazawa',
      name: NAMES[2]!,
      country: 'JP',
      industry: null,
      size: 'sme',
      scsLevel: 1,
      securityScore: null,
      revenue: 4e9,
      focal: false,
    },
    {
      id: 'seto',
      name: NAMES[3]!,
      country: 'JP',
      industry: null,
      size: 'sme',
      scsLevel: 0,
      securityScore: null,
      revenue: 2e9,
      focal: false,
    },
  ],
  supplies: [
    { supplier: 'ota', buyer: 'kanazawa', commodity: 'ばね', share: null, spend: null, access: null, bufferDays: null },
    {
      supplier: 'kanazawa',
      buyer: 'kiri',
      commodity: '内装',
      share: null,
      spend: null,
      access: null,
      bufferDays: null,
    },
    { supplier: 'seto', buyer: 'kiri', commodity: '合金', share: null, spend: null, access: null, bufferDays: null },
  ],
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBundle();
  server = await startServer(network);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('table downloads (Chromium, ja-JP)', () => {
  it('saves the weak links as a valid .xlsx with the Japanese names, and as a CSV with a BOM', async () => {
    const context = await browser.newContext({
      locale: 'ja-JP',
      acceptDownloads: true,
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    await page.goto(server.pageUrl);
    await page.waitForFunction(() => window.__weaklink?.isReady === true);
    await settle(page);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    const table = page.locator('.table-wrap', { has: page.locator('table[data-table="weak-links"]') });
    await table.locator('table tbody tr').first().waitFor();

    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: /Excelでダウンロード/ }).click(),
    ]);
    expect(excel.suggestedFilename()).toBe('weak-links.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await excel.path())!)) as never);
    const sheet = book.getWorksheet('weak-links')!;
    expect(sheet.actualRowCount).toBe(network.companies.length + 1);
    const companies = sheet.getColumn(2).values.map(String).join('\n');
    for (const name of NAMES) expect(companies).toContain(name);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: /CSVでダウンロード/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('weak-links.csv');
    const bytes = await readFile((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(NAMES[1]);
    await context.close();
  }, 60_000);
});
