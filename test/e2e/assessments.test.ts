/**
 * Assessments in the page, in a real browser (Debian's Chromium against the real API app
 * over data/sample, whose assessments.csv has lapsing and lapsed rows): the "As of" date
 * picker re-analyses the map as of the date and keeps it in the address; the Lapsing tab
 * lists what lapses within the chosen window (as the API answers it) and focuses a row's
 * company; the map marks those companies and the legend says so; the executive view
 * carries the line on them; the request-letter button of a supplier's panel opens the
 * letter naming the supplier. Screenshots at 1366×768, in English and in Japanese.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {
  GraphResponse,
  LapsingListResponse,
  LevelGapsResponse,
  SummaryResponse,
} from '../../src/contract/api-types.ts';
import { allowProblems, closeMap, idsWithClass, openMap, sampleSession, settle, shot } from './harness.ts';

const session = sampleSession();
const VIEWPORT = { width: 1366, height: 768 };
const FUTURE = '2031-03-01';

/** Picks `date` in the header's "As of" input, as a user does, and waits for the new analysis. */
async function pickDate(page: Page, date: string): Promise<void> {
  await page.locator('#as-of-date').fill(date);
  await page.locator('#as-of-date').dispatchEvent('change');
  await settle(page);
}

/** The map's ★ level of each company drawn, by id. */
const mapLevels = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() =>
    Object.fromEntries(window.__weaklink!.cy.nodes().map((n) => [n.id(), Number(n.data('level'))] as const)),
  );

async function openLapsing(page: Page, days: number): Promise<void> {
  await page.locator('#tab-lapsing').click();
  await settle(page);
  await page.locator('[data-lapsing-days]').selectOption(String(days));
  await settle(page);
}

const rowIds = (page: Page): Promise<string[]> =>
  page.locator('#tab-pane-lapsing tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));

describe('assessments in the page (Chromium against the API app)', () => {
  it('the As of picker re-analyses the map as of the date, keeps it in the address and says so', async () => {
    const { server, browser } = session;
    const page = await openMap(browser, server.pageUrl, VIEWPORT);
    const today = await server.get<SummaryResponse>('/api/summary');
    expect(await page.locator('#as-of-date').inputValue()).toBe(today.asOf);
    expect(await page.locator('.status-as-of').count()).toBe(0);
    const before = await mapLevels(page);

    await pickDate(page, FUTURE);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(FUTURE);
    expect(await page.locator('.status-as-of').textContent()).toContain(FUTURE);
    const dated = await server.get<GraphResponse>(`/api/graph?depth=3&limit=1500&asOf=${FUTURE}`);
    const after = await mapLevels(page);
    for (const node of dated.nodes) if (node.id in after) expect(after[node.id], node.id).toBe(node.ownLevel);
    // Some level differs from today's: the sample has assessments that lapse before 2031-03-01.
    expect(Object.keys(after).some((id) => before[id] !== undefined && before[id] !== after[id])).toBe(true);
    expect(await page.locator('#summary').textContent()).toBeTruthy();

    // The address is shareable: a fresh page at it opens as of the same date.
    const again = await openMap(browser, `${server.url}/?asOf=${FUTURE}#token=${server.token}`, VIEWPORT);
    expect(await again.locator('#as-of-date').inputValue()).toBe(FUTURE);
    expect(await mapLevels(again)).toEqual(after);
    await closeMap(again);

    await page.locator('.as-of-today').click();
    await settle(page);
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
    expect(await mapLevels(page)).toEqual(before);
    await closeMap(page);
  });

  it('the Lapsing tab lists what lapses within the window, the map marks it, a row focuses its company', async () => {
    const { server, browser } = session;
    const page = await openMap(browser, `${server.url}/?asOf=${FUTURE}#token=${server.token}`, VIEWPORT);
    await openLapsing(page, 90);
    const within90 = await server.get<LapsingListResponse>(`/api/analysis/lapsing?asOf=${FUTURE}&lapsingDays=90`);
    expect(await rowIds(page)).toEqual(within90.items.map((l) => l.id));

    await openLapsing(page, 365);
    const year = await server.get<LapsingListResponse>(`/api/analysis/lapsing?asOf=${FUTURE}&lapsingDays=365`);
    expect(year.items.length).toBeGreaterThan(within90.items.length);
    expect(await rowIds(page)).toEqual(year.items.map((l) => l.id));
    const cascadia = page.locator('#tab-pane-lapsing tbody tr[data-id="cascadia-cloud"]');
    expect(await cascadia.textContent()).toContain('★5');
    expect(await cascadia.textContent()).toContain('2031-05-31');
    expect(await cascadia.textContent()).toContain('91');

    const drawn = new Set(await page.evaluate(() => window.__weaklink!.cy.nodes().map((n) => n.id())));
    const marked = await idsWithClass(page, 'lapsing');
    const drops = year.items.filter((l) => l.unassessedAfter || l.levelAfter < l.level);
    expect(marked).toEqual([...new Set(drops.map((l) => l.id))].filter((id) => drawn.has(id)).sort());
    expect(marked.length).toBeGreaterThan(0);
    expect(await page.locator('[data-legend-lapsing]').textContent()).toContain('365');
    await shot(page, 'lapsing-1366');
    // Framed on the marked companies, the dashed amber ring reads at a glance.
    await page.evaluate(() => {
      const cy = window.__weaklink!.cy;
      cy.fit(cy.nodes('.lapsing'), 120);
    });
    await settle(page);
    await shot(page, 'lapsing-mark-1366');

    const first = year.items[0]!;
    await page.locator(`#tab-pane-lapsing tbody tr[data-id="${first.id}"]`).click();
    await settle(page);
    expect(await page.evaluate(() => window.__weaklink!.cy.nodes('.selected-set').map((n) => n.id()))).toEqual([
      first.id,
    ]);
    await closeMap(page);
  });

  it('the executive view carries the line on lapsing assessments, within the window chosen', async () => {
    const { server, browser } = session;
    const page = await openMap(browser, `${server.url}/?asOf=${FUTURE}#token=${server.token}`, VIEWPORT);
    const within90 = await server.get<LapsingListResponse>(`/api/analysis/lapsing?asOf=${FUTURE}`);
    const year = await server.get<LapsingListResponse>(`/api/analysis/lapsing?asOf=${FUTURE}&lapsingDays=365`);
    await page.locator('#exec-open').click();
    await settle(page);
    // As of 2031-03-01 nothing lapses within 90 days (Cascadia Cloud's ★5 has 91 days left).
    expect(within90.total).toBe(0);
    expect(await page.locator('#exec-lapsing').textContent()).toBe(`No assessment lapses within 90 days of ${FUTURE}.`);
    await page.locator('#exec-open').click();
    await settle(page);
    await openLapsing(page, 365);
    await page.locator('#exec-open').click();
    await settle(page);
    const line = await page.locator('#exec-lapsing').textContent();
    const top = year.items[0]!;
    expect(line).toContain(`${year.total} assessments lapse within 365 days of ${FUTURE}: expected annual loss +¥`);
    expect(line).toContain(`on ${top.validUntil} (+¥`);
    expect(line).toContain('per year');
    await page.locator('.lapsing-line').scrollIntoViewIfNeeded();
    await shot(page, 'executive-lapsing-1366');
    await closeMap(page);
  });

  it('in Japanese: the picker, the Lapsing tab and the mark read 基準日, 失効間近', async () => {
    const { server, browser } = session;
    const page = await openMap(browser, `${server.url}/?asOf=${FUTURE}#token=${server.token}`, VIEWPORT);
    await page.locator('.lang-switch button', { hasText: '日本語' }).click();
    await settle(page);
    expect(await page.locator('label[for="as-of-date"]').textContent()).toBe('基準日');
    await openLapsing(page, 365);
    expect(await page.locator('#tab-lapsing').textContent()).toBe('失効間近');
    expect(await page.locator('#tab-pane-lapsing thead').textContent()).toContain('有効期限');
    expect(await page.locator('#tab-pane-lapsing tbody tr[data-id="cascadia-cloud"]').textContent()).toContain('円/年');
    expect(await page.locator('[data-legend-lapsing]').textContent()).toContain('365日以内');
    await shot(page, 'ja-lapsing-1366');
    await page.locator('.lang-switch button', { hasText: 'English' }).click();
    await closeMap(page);
  });

  it("the request-letter button of a supplier's panel opens the letter naming the supplier", async () => {
    const { server, browser } = session;
    const gaps = await server.get<LevelGapsResponse>('/api/analysis/level-gaps?limit=1');
    const supplier = gaps.items[0]!;
    const page = await openMap(browser, server.pageUrl, VIEWPORT);
    await page.locator('#search').fill(supplier.name);
    await page.locator(`#search-results li.result[data-id="${supplier.id}"]`).click();
    await settle(page);
    const [letter] = await Promise.all([
      page.waitForEvent('popup'),
      page.locator('#panel [data-action="letter"]').click(),
    ]);
    // Read with evaluate: the tab's page is put in place by the opener, under Playwright's locators.
    await expect
      .poll(() => letter.evaluate(() => document.querySelector('h1')?.textContent ?? ''), { timeout: 20_000 })
      .not.toBe('');
    expect(await letter.evaluate(() => document.body.textContent)).toContain(supplier.name);
    expect(await letter.title()).toContain(supplier.name);
    // The letter's own styles apply (the page's CSP, which the tab inherits, refuses them inline).
    expect(await letter.evaluate(() => getComputedStyle(document.body).fontSize)).not.toBe('16px');
    expect(await letter.evaluate(() => getComputedStyle(document.querySelector('.voluntary')!).fontWeight)).toBe('700');
    await letter.setViewportSize(VIEWPORT);
    await shot(letter, 'request-letter-1366');
    await letter.close();
    await closeMap(page);
  });

  // Last: it records an assessment, a new network version the tests above do not expect.
  it('an analyst records an assessment in the panel: a refusal shows by its field, a record updates the list and the tab', async () => {
    const { server, browser } = session;
    const page = await openMap(browser, `${server.url}/?asOf=${FUTURE}#token=${server.analystToken}`, VIEWPORT);
    allowProblems(page, /status of 400/); // the refusal provoked below
    await openLapsing(page, 365);
    await page.locator('#tab-pane-lapsing tbody tr[data-id="cascadia-cloud"]').click();
    await settle(page);
    const rows = page.locator('#panel li.assessment');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-status')).toBe('valid');

    await page.locator('#panel [data-action="record-assessment"]').click();
    expect(await page.locator('#assess-on').inputValue()).toBe(FUTURE);
    await page.locator('#assess-level').selectOption('5');
    await page.locator('#assess-method').selectOption('third-party');
    await page.locator('#assess-until').fill('2030-01-01');
    await page.locator('#assess-evidence').fill('EVAL-5-0999');
    await page.locator('form.assessment-form button[type="submit"]').click();
    await settle(page);
    const refusal = page.locator('#assess-until + [data-field-error="validUntil"]');
    expect(await refusal.textContent()).toMatch(/validUntil|valid_until/);
    expect(
      (await server.get<{ assessments: unknown[] }>('/api/assessments?company=cascadia-cloud')).assessments,
    ).toHaveLength(1);

    await page.locator('#assess-until').fill('');
    await page.locator('form.assessment-form button[type="submit"]').click();
    await settle(page);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('#panel .assessments [role="status"]').textContent()).toContain('★5');
    const after = await server.get<LapsingListResponse>(`/api/analysis/lapsing?asOf=${FUTURE}&lapsingDays=365`);
    expect(await rowIds(page)).toEqual(after.items.map((l) => l.id));
    const old = after.items.find((l) => l.id === 'cascadia-cloud' && l.validUntil === '2031-05-31');
    // The old ★5 lapsing now costs nothing: the new one holds the level.
    expect(old === undefined || (old.levelAfter === 5 && old.aalIncrease === 0)).toBe(true);
    await page.locator('#panel .assessments').scrollIntoViewIfNeeded();
    await shot(page, 'panel-assessments-1366');
    await closeMap(page);
  });
});
