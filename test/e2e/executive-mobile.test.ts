/**
 * The executive view on a phone (390×844) and a tablet (768×1024) in a real browser:
 * Debian's Chromium (playwright-core) against the real API app (`createApp` over a
 * MemoryStore holding data/sample), as test/e2e/scenario.test.ts. Nothing scrolls
 * sideways or sticks out of the screen, no visible text is smaller than 12px (the
 * chart's text measured as drawn), the headline figures stack, the chart fits the
 * width, and on the phone the top contributors are cards whose figure says "a year".
 * On the phone a bad durations table is refused in the page, naming the entry. The views
 * are saved to test/e2e/screenshots/executive-390.png and executive-768.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExecutiveResponse } from '../../src/contract/api-types.ts';
import { formatYen } from '../../web/src/replay.ts';
import { closeMap, openMap, SCREENSHOTS, settle, sampleSession } from './harness.ts';

const session = sampleSession();

/** The page at `viewport` showing the executive view (opened by its address, as a bookmark would), assumptions open. */
async function openExecutive(viewport: { width: number; height: number }): Promise<Page> {
  const page = await openMap(session.browser, session.server.pageUrl, viewport);
  await page.evaluate(() => (location.hash = '#executive'));
  await page.locator('#exec-report .kpi-grid').waitFor();
  await expect.poll(() => page.locator('#exec-chart svg path').count()).toBeGreaterThanOrEqual(2);
  await page.locator('#exec-assumptions summary').click();
  await settle(page);
  return page;
}

/** Visible text smaller than 12px: "tag.class "text…" 10.5px" for each (SVG text as drawn, after its scaling). */
const smallText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (['SCRIPT', 'STYLE', 'OPTION', 'TITLE'].includes(el.tagName.toUpperCase())) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!own || box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
      const scale = svg ? svg.getBoundingClientRect().width / svg.width.baseVal.value : 1;
      const size = parseFloat(style.fontSize) * scale;
      if (size < 11.95)
        small.push(
          `${el.tagName}.${el.getAttribute('class') ?? ''} "${el.textContent!.trim().slice(0, 30)}" ${size}px`,
        );
    }
    return small;
  });

/** Visible elements of the executive view whose box runs past the right (or left) edge of the screen. */
const outside = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('#executive *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > innerWidth + 0.5 || box.left < -0.5);
      })
      .map((el) => `${el.tagName}#${el.id}.${el.getAttribute('class') ?? ''} ${el.getBoundingClientRect().right}`),
  );

/** The left edges of the headline figures, rounded, distinct. */
const kpiColumns = (page: Page): Promise<number[]> =>
  page
    .locator('#exec-report .kpi-grid .kpi')
    .evaluateAll((tiles) => [...new Set(tiles.map((t) => Math.round(t.getBoundingClientRect().left)))]);

describe('executive view on a phone and a tablet (Chromium against the API app)', () => {
  for (const { width, height, columns } of [
    { width: 390, height: 844, columns: 1 },
    { width: 768, height: 1024, columns: 2 },
  ]) {
    it(`reads at ${width}×${height}: no sideways scroll, text ≥ 12px, figures stacked, the chart as wide as the screen allows`, async () => {
      const page = await openExecutive({ width, height });
      const data = await session.server.get<ExecutiveResponse>('/api/executive');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => innerWidth)).toBe(width);
      expect(await outside(page)).toEqual([]);
      expect(await smallText(page)).toEqual([]);
      // The figures keep their units and periods.
      expect(await page.locator('[data-kpi="expected-loss"] .kpi-value').textContent()).toBe(
        formatYen(data.loss.expectedAnnualLoss),
      );
      expect(await page.locator('[data-kpi="expected-loss"] .kpi-note').textContent()).toMatch(/^per year · /);
      expect(await page.locator('[data-kpi="p99"] .kpi-note').textContent()).toMatch(/^in one year; /);
      // Stacked: one column of figures on the phone, two on the tablet.
      expect((await kpiColumns(page)).length).toBe(columns);
      // The chart is drawn at its box's width (so its text keeps its size), filling most of the screen.
      const chart = await page.locator('#exec-chart svg.exceedance-plot').evaluate((svg) => ({
        drawn: (svg as SVGSVGElement).width.baseVal.value,
        shown: svg.getBoundingClientRect().width,
        host: svg.parentElement!.parentElement!.getBoundingClientRect().width,
      }));
      expect(chart.shown).toBeCloseTo(chart.drawn, 0);
      expect(chart.shown).toBeLessThanOrEqual(chart.host);
      expect(chart.shown).toBeGreaterThan(width * 0.7);
      const rows = page.locator('#exec-report .exec-table tbody tr');
      expect(await rows.count()).toBe(data.topContributors.length);
      if (width < 600) {
        // Cards: no header row; each figure says its period, the chain is labelled.
        expect(await page.locator('#exec-report .exec-table thead').isVisible()).toBe(false);
        for (const [i, w] of data.topContributors.entries()) {
          expect(await rows.nth(i).locator('td.money').innerText()).toBe(`${formatYen(w.riskContribution)} a year`);
          expect(await rows.nth(i).locator('.path').innerText()).toMatch(/^Chain: /);
        }
      } else {
        expect(await page.locator('#exec-report .exec-table thead').isVisible()).toBe(true);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `executive-${width}.png`), fullPage: true });
      if (width < 600) {
        // A bad durations table is refused in the page, the entry named under its field, nothing sent.
        let sent = 0;
        page.on('request', (request) => void (request.url().includes('/api/executive') && sent++));
        await page.locator('#exec-assumptions input[name="durations"]').fill('1:0.2, 5:x, 14:0.8');
        await page.locator('#exec-assumptions-apply').click();
        const message = page.locator('#exec-assumptions .assumption-error');
        expect(await message.textContent()).toBe(
          'entry 2 "5:x" is not days:probability (e.g. 14:0.25); days are whole numbers',
        );
        expect(await page.locator('#exec-assumptions input[name="durations"]').getAttribute('aria-invalid')).toBe(
          'true',
        );
        expect(sent).toBe(0);
        expect(await outside(page)).toEqual([]);
        expect(await smallText(page)).toEqual([]);
        await page
          .locator('#exec-assumptions')
          .screenshot({ path: join(SCREENSHOTS, 'executive-390-assumptions.png') });
      }
      // Back to the map from the view's own button (the header is hidden on a small screen).
      await page.locator('#exec-back').click();
      await expect.poll(() => page.locator('#executive').isVisible()).toBe(false);
      await closeMap(page);
    });
  }
});
