/**
 * The page in Japanese in a real browser: Debian's Chromium (playwright-core) with a
 * ja-JP locale against the real API app over data/sample. The page starts in Japanese
 * (<html lang="ja">, the header, the filters, the figures), with Noto Sans CJK JP from
 * the CJK font stack; the executive view and its print read in Japanese (円 with 万/億/兆,
 * the plan headline); the header switch goes back to English and the choice outlives a
 * reload. Nothing overflows at 1366×768. Screenshots: test/e2e/screenshots/ja-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExecutiveResponse } from '../../src/contract/api-types.ts';
import { formatYen } from '../../src/i18n/i18n.ts';
import { formatPercent } from '../../web/src/replay.ts';
import { sampleSession, settle, shot } from './harness.ts';

const session = sampleSession();

/** The map at `url` in a browser context of `locale`, once drawn; page errors are collected in `problems`. */
async function openIn(
  browser: Browser,
  url: string,
  locale: string,
  viewport = { width: 1366, height: 768 },
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
  await page.goto(url);
  await page.waitForFunction(() => window.__weaklink?.isReady === true);
  await settle(page);
  return { page, problems };
}

/** Visible elements of `root` whose text runs past their box, or whose box runs past the screen's right edge. */
const overflowing = (page: Page, root: string): Promise<string[]> =>
  page.evaluate((selector) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${selector} *`)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const style = getComputedStyle(el);
      const clips = style.overflow !== 'visible' || style.textOverflow === 'ellipsis';
      const label = `${el.tagName}#${el.id}.${el.getAttribute('class') ?? ''} "${el.textContent!.trim().slice(0, 24)}"`;
      if (box.right > innerWidth + 0.5) found.push(`${label} past the screen (${box.right})`);
      else if (clips && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT' && el.tagName !== 'INPUT')
        found.push(`${label} clipped (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return found;
  }, root);

describe('the page in Japanese (Chromium, ja-JP locale, against the API app)', () => {
  it('starts in Japanese: <html lang="ja">, the header, filters and figures, a CJK font, nothing overflowing', async () => {
    const { page, problems } = await openIn(session.browser, session.server.pageUrl, 'ja-JP');
    expect(await page.evaluate(() => navigator.languages[0])).toBe('ja-JP');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.title()).toBe('weaklink — サプライチェーンのリスクマップ');
    expect(await page.locator('#exec-open').textContent()).toBe('経営層向けビュー');
    expect(await page.locator('.lang-switch [data-lang="ja"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('label[for="filter-commodity"]').textContent()).toBe('品目');
    expect(await page.locator('label[for="filter-depth"]').textContent()).toBe('重点企業から上流への深さ');
    expect(await page.locator('#filter-depth-why').textContent()).toBe('重点企業から3階層上流までの取引先。');
    expect(await page.locator('#summary').textContent()).toContain('隠れた重要取引先');
    expect(await page.locator('#status').textContent()).toMatch(/^表示中: [\d,]+社 · 取引[\d,]+件/);
    expect(await page.locator('#map').getAttribute('aria-label')).toBe('サプライチェーンのマップ');
    expect(await page.locator('label[for="search"]').textContent()).toBe('企業を検索');
    // The Japanese text is drawn with a CJK font of the stack (Debian: Noto Sans CJK JP).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto Sans CJK JP');
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK JP"', '重点企業'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    expect(await overflowing(page, 'header.topbar')).toEqual([]);
    expect(await overflowing(page, '#toolbar')).toEqual([]);
    await shot(page, 'ja-map-1366');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the executive view and its print in Japanese, with the plan headline in 円', async () => {
    const { page, problems } = await openIn(session.browser, session.server.pageUrl, 'ja-JP');
    const data = await session.server.get<ExecutiveResponse>('/api/executive');
    await page.locator('#exec-open').click();
    await page.locator('#exec-report .kpi-grid').waitFor();
    await expect.poll(() => page.locator('#exec-chart svg path').count()).toBeGreaterThanOrEqual(2);
    await settle(page);
    const headline = await page.locator('#exec-plan-headline').textContent();
    expect(headline).toBe(
      `${formatYen(data.plan.spent, 'ja')}を取引先${data.plan.suppliers}社の対策に充てると、Kirishima Motorの予想年間損失額を` +
        `${formatPercent(data.plan.cutPercent / 100)}削減できます（${data.plan.optimal ? '最適な計画' : `最適な計画との差は${formatPercent(data.plan.gapPercent / 100)}以内`}）`,
    );
    expect(await page.locator('[data-kpi="expected-loss"] .kpi-label').textContent()).toBe(
      'Kirishima Motorの予想年間損失額',
    );
    expect(await page.locator('[data-kpi="expected-loss"] .kpi-value').textContent()).toBe(
      formatYen(data.loss.expectedAnnualLoss, 'ja'),
    );
    expect(await page.locator('[data-kpi="expected-loss"] .kpi-note').textContent()).toMatch(/^\/年 · 売上高の[\d.]+%/);
    expect(await page.locator('[data-kpi="p99"] .kpi-label').textContent()).toBe('「100年に1度」の年間損失');
    expect(await page.locator('[data-kpi="p99"] .kpi-value').textContent()).toBe(
      formatYen(data.loss.quantiles.p99, 'ja'),
    );
    expect(await page.locator('#exec-report .plan-headline .sub').textContent()).toContain('任意の制度');
    expect(await page.locator('#exec-report .exec-table thead').textContent()).toBe(
      '#取引先と重要な理由取引の経路リスク寄与額 (円/年)',
    );
    expect(await page.locator('#exec-chart').textContent()).toContain('年に1度');
    expect(await page.locator('#exec-report .report-meta').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    const lines = await page
      .locator('#exec-report .report-head, #exec-report .kpi-grid, #exec-report .plan-headline, #exec-event')
      .allInnerTexts();
    console.log(`executive view in Japanese:\n${lines.join('\n')}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    expect(await overflowing(page, '#executive')).toEqual([]);
    await shot(page, 'ja-executive-1366', true);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'ja-executive-print', true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('reads in Japanese on a phone (390×844): the executive view neither scrolls sideways nor clips', async () => {
    const { page, problems } = await openIn(session.browser, session.server.pageUrl, 'ja-JP', {
      width: 390,
      height: 844,
    });
    await page.evaluate(() => (location.hash = '#executive'));
    await page.locator('#exec-report .kpi-grid').waitFor();
    await expect.poll(() => page.locator('#exec-chart svg path').count()).toBeGreaterThanOrEqual(2);
    await settle(page);
    expect(await page.locator('#exec-report .exec-table tbody tr td.money').first().innerText()).toMatch(/円\/年$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await overflowing(page, '#executive')).toEqual([]);
    await shot(page, 'ja-executive-390', true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the company panel, the tables and a scenario replay in Japanese, nothing overflowing', async () => {
    const { page, problems } = await openIn(session.browser, session.server.pageUrl, 'ja-JP');
    const rows = page.locator('table[data-table="weak-links"] tbody tr.row');
    await rows.first().waitFor();
    expect(await page.locator('table[data-table="weak-links"] thead').innerText()).toContain('リスク寄与額 (円/年)');
    expect(await rows.first().locator('td.reason').textContent()).toMatch(/^(未評価 \(スコア0\)|自社スコア \d+)。/);
    await rows.first().click();
    await settle(page);
    await expect.poll(() => page.locator('#panel .panel-section h3').first().textContent()).toBe('影響経路');
    expect(await page.locator('#panel .kv').innerText()).toMatch(/リスク寄与額\s+[\d,.]+(万|億|兆)円\/年/);
    expect(await overflowing(page, '#panel')).toEqual([]);
    await shot(page, 'ja-panel-1366');
    await page.locator('#tab-scenario').click();
    await page.locator('#scenario-run').click();
    await settle(page);
    await page.locator('#scenario-day').waitFor();
    expect(await page.locator('#scenario-day-label').textContent()).toMatch(/^0日目 \/ \d+日$/);
    expect(await page.locator('#scenario-caption').textContent()).toMatch(/社が停止 · この日の影響売上高 /);
    expect(await overflowing(page, '#drawer')).toEqual([]);
    await shot(page, 'ja-scenario-1366');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('switches back to English from the header, and keeps the choice over a reload', async () => {
    const { page, problems } = await openIn(session.browser, session.server.pageUrl, 'ja-JP', {
      width: 1600,
      height: 1000,
    });
    expect(await page.locator('#exec-open').textContent()).toBe('経営層向けビュー');
    await page.locator('.lang-switch [data-lang="en"]').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#exec-open').textContent()).toBe('Executive view');
    expect(await page.locator('label[for="filter-commodity"]').textContent()).toBe('Commodity');
    expect(await page.locator('#filter-depth-why').textContent()).toBe(
      'Suppliers up to 3 tiers upstream of the focal companies.',
    );
    expect(await page.evaluate(() => localStorage.getItem('weaklink.lang'))).toBe('en');
    await page.reload();
    await page.waitForFunction(() => window.__weaklink?.isReady === true);
    await settle(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#exec-open').textContent()).toBe('Executive view');
    await shot(page, 'ja-switched-to-en');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
