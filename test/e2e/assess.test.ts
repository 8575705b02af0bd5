/**
 * The self-assessment view in a real browser (Debian's Chromium, the real API app over
 * data/sample): an analyst opens it from the header, chooses two synthetic official-layout
 * workbooks (built at test time, named by company id) and the blank catalogue, reads them,
 * and the heat map shows each supplier's answer to each criterion (★3 and ★4 rows) as
 * symbol and colour; the orders change the rows; the matrix downloads as Excel; a hostile
 * workbook is refused with its sheet and cell named; a supplier's header focuses it on
 * the map. A viewer has no button; a phone scrolls nothing sideways. Screenshots at
 * 1366×768 in English and Japanese.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CRITERIA, filled, folder, officialWorkbook } from '../unit/assess/helpers.ts';
import { closeMap, openMap, sampleSession, settle, shot } from './harness.ts';

const session = sampleSession();
const VIEWPORT = { width: 1366, height: 768 };

// Two suppliers of data/sample, their workbooks named by company id; ★3 and ★4 rows, some left empty.
const TRIM: Record<string, string> = { '1-1-1-1': '○', '2-1-1-1': '✖', '4-1-3-2': '△', '6-1-1-1': '○', '3-1-1-1': '✖' };
const MOLD: Record<string, string> = {
  '1-1-1-1': '○',
  '2-1-1-1': '○',
  '4-1-3-2': '✖',
  '4-2-1-1': '○',
  '6-1-1-1': '○',
  '5-1-1-1': '△',
};

async function workbooks(extra: Record<string, Buffer> = {}) {
  const dir = await folder({
    'blank.xlsx': await officialWorkbook(CRITERIA),
    'kanazawa-trim.xlsx': await officialWorkbook(filled(TRIM)),
    'kanazawa-mold.xlsx': await officialWorkbook(filled(MOLD)),
    ...extra,
  });
  return (name: string): string => join(dir, name);
}

async function readWorkbooks(page: Page, files: string[], catalog: string): Promise<void> {
  await page.locator('#assess-open').click();
  await page.locator('#assess').waitFor({ state: 'visible' });
  await page.locator('input[name="workbooks"]').setInputFiles(files);
  await page.locator('input[name="catalog"]').setInputFiles(catalog);
  await page.locator('.assess-form button[type="submit"]').click();
  await settle(page);
}

/** The symbols of a criterion's row, supplier id → cell text. */
async function rowOf(page: Page, id: string): Promise<Record<string, string>> {
  const suppliers = await page
    .locator('thead th.heat-supplier')
    .evaluateAll((hs) => hs.map((h) => h.getAttribute('data-company')!));
  const cells = await page.locator(`tr[data-criterion="${id}"] td.heat-cell`).allTextContents();
  return Object.fromEntries(suppliers.map((s, i) => [s, cells[i]!]));
}

describe('self-assessment heat map (Chromium)', () => {
  it('reads two workbooks and shows every answer on the heat map; sorts, downloads, focuses', async () => {
    const path = await workbooks();
    const page = await openMap(session.browser, session.server.analystPageUrl, VIEWPORT);
    await readWorkbooks(page, [path('kanazawa-trim.xlsx'), path('kanazawa-mold.xlsx')], path('blank.xlsx'));
    await page.locator('.heat-map').waitFor();
    expect(await page.locator('.assess-failure').count()).toBe(0);
    // Every criterion, every supplier: the symbol of its answer, – where it left the criterion empty.
    for (const c of CRITERIA) {
      const expected = { 'kanazawa-trim': TRIM[c.id] ?? '–', 'kanazawa-mold': MOLD[c.id] ?? '–' };
      expect(await rowOf(page, c.id), c.id).toEqual(expected);
    }
    const cell = page.locator('tr[data-criterion="4-1-3-2"] td.heat-cell.not-met');
    await cell.hover();
    expect(await cell.getAttribute('title')).toMatch(
      /^Kanazawa Mold & Tooling Co\. \(kanazawa-mold\) — 4-1-3-2 .*: not met$/,
    );
    expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
      await page
        .locator('td.heat-cell.met')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    expect(await page.locator('.assess-catalog').textContent()).toMatch(
      /^Catalogue blank\.xlsx: 7 criteria\. SHA-256 [0-9a-f]{64}$/,
    );
    // 4-1-3-2 fails for both: first by the ¥ carried; by id the rows run 1-…, 2-…, 3-… under their categories.
    const rows = () =>
      page.locator('tbody tr[data-criterion]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-criterion')));
    expect((await rows())[0]).toBe('4-1-3-2');
    await page.locator('#assess-sort-criteria').selectOption('id');
    expect(await rows()).toEqual(['1-1-1-1', '2-1-1-1', '3-1-1-1', '4-1-3-2', '4-2-1-1', '5-1-1-1', '6-1-1-1']);
    expect(await page.locator('tr.heat-group').count()).toBe(6);
    await page.locator('#assess-sort-criteria').selectOption('risk');
    await page.locator('.assess-heat-head').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'assess-heatmap-1366');

    // The matrix as Excel: the same request, the matrix alone.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /the criteria × suppliers matrix as Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('assess-matrix.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as never);
    const sheet = book.getWorksheet('assess-matrix')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const column = (id: string): number => header.findIndex((h) => h.endsWith(`(${id})`)) + 1;
    const row = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((r) => r.getCell(1).value === '4-1-3-2')!;
    expect([row.getCell(column('kanazawa-trim')).value, row.getCell(column('kanazawa-mold')).value]).toEqual([
      '△',
      '✖',
    ]);

    // A supplier's header: back to the map with the company focused.
    await page.locator('th[data-company="kanazawa-mold"] button').click();
    await page.locator('#assess').waitFor({ state: 'hidden' });
    await settle(page);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.waitForFunction(() => document.querySelector('#panel')?.textContent?.includes('Kanazawa Mold'));
    await closeMap(page);
  }, 120_000);

  it('refuses a hostile workbook, naming its file, sheet and cell', async () => {
    const evil = await officialWorkbook(
      CRITERIA.map((l) => (l.id === '2-1-1-1' ? { ...l, answer: { formula: '"○"', result: '○' } } : l)),
    );
    const path = await workbooks({ 'kanazawa-mold.xlsx': evil });
    const page = await openMap(session.browser, session.server.analystPageUrl, VIEWPORT);
    await readWorkbooks(page, [path('kanazawa-trim.xlsx'), path('kanazawa-mold.xlsx')], path('blank.xlsx'));
    const failure = page.locator('.assess-failure');
    await failure.waitFor();
    expect(await failure.locator('p').textContent()).toContain('nothing loaded');
    expect(await failure.locator('li').allTextContents()).toEqual([
      'kanazawa-mold.xlsx:評価基準!O4: error: holds a formula; type the self-assessment (○ △ ✖) instead',
    ]);
    expect(await page.locator('.heat-map').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('fits a phone (390×844): the header buttons wrap, the tables scroll inside their boxes', async () => {
    const path = await workbooks();
    const page = await openMap(session.browser, session.server.analystPageUrl, { width: 390, height: 844 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await sideways()).toBe(0);
    await readWorkbooks(page, [path('kanazawa-trim.xlsx'), path('kanazawa-mold.xlsx')], path('blank.xlsx'));
    await page.locator('.heat-map').waitFor();
    expect(await sideways()).toBe(0);
    await closeMap(page);
  }, 120_000);

  it('takes the place of the executive view, and back goes back to it', async () => {
    const page = await openMap(session.browser, session.server.analystPageUrl, VIEWPORT);
    await page.locator('#exec-open').click();
    await page.locator('#executive').waitFor({ state: 'visible' });
    await page.locator('#assess-open').click();
    await page.locator('#assess').waitFor({ state: 'visible' });
    expect(await page.locator('#executive').isHidden()).toBe(true);
    expect(await page.evaluate(() => [location.hash, document.body.className])).toEqual(['#assess', 'assess-mode']);
    await page.goBack();
    await page.locator('#executive').waitFor({ state: 'visible' });
    expect(await page.locator('#assess').isHidden()).toBe(true);
    await settle(page);
    // Not closeMap: the executive view's progress bar may poll its job (GET /api/jobs/:id) before the
    // job board knows it, a 404 the browser logs; that is the executive view's, not this one's.
    await page.close();
  }, 120_000);

  it('shows no self-assessment button to a viewer', async () => {
    const page = await openMap(session.browser, session.server.pageUrl, VIEWPORT);
    expect(await page.locator('#exec-open').count()).toBe(1);
    expect(await page.locator('#assess-open').count()).toBe(0);
    await closeMap(page);
  }, 60_000);

  it('speaks Japanese', async () => {
    const path = await workbooks();
    const context = await session.browser.newContext({ locale: 'ja-JP', viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(session.server.analystPageUrl);
    await page.waitForFunction(() => window.__weaklink?.isReady === true);
    await settle(page);
    expect(await page.locator('#assess-open').textContent()).toBe('自己評価');
    await readWorkbooks(page, [path('kanazawa-trim.xlsx'), path('kanazawa-mold.xlsx')], path('blank.xlsx'));
    await page.locator('.heat-map').waitFor();
    expect(await page.title()).toBe('weaklink — 自己評価');
    expect(await page.locator('thead .heat-criterion').textContent()).toBe('評価基準');
    const notMet = page.locator('tr[data-criterion="3-1-1-1"] td.heat-cell.not-met');
    await notMet.hover();
    expect(await notMet.getAttribute('title')).toContain('未達 (✖)');
    await page.locator('.assess-heat-head').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'ja-assess-heatmap-1366');
    await context.close();
  }, 120_000);
});
