/**
 * The page's layout in a real browser (Debian's Chromium against the real API app over
 * data/sample): at a laptop (1366×768), a landscape tablet (1024×768), a portrait tablet
 * (768×1024) and a phone (390×844) the page never scrolls sideways, the header figures
 * never overlap, the map keeps most of the width (from 768 px up), and no visible text
 * is smaller than 12 px. In dark mode (`prefers-color-scheme: dark`) the page is dark
 * with light text, the map's labels too; printed, the map page shows the map and the
 * panel without the toolbar and the drawer. Every view is saved to test/e2e/screenshots/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SummaryResponse } from '../../src/contract/api-types.ts';
import { closeMap, openMap, SCREENSHOTS, settle, sampleSession, shot } from './harness.ts';

const session = sampleSession();
let summary: SummaryResponse;

beforeAll(async () => {
  summary = await session.server.get<SummaryResponse>('/api/summary');
});

/** Opens the map at `width`×`height`, in the dark scheme when `dark` (set before the page loads, as a user's would be). */
async function open(width: number, height: number, dark = false): Promise<Page> {
  const page = await openMap(session.browser, session.server.pageUrl, { width, height });
  if (dark) {
    await page.emulateMedia({ colorScheme: 'dark' });
    // A new load (the address alone differs only in its fragment from the current one).
    await page.goto('about:blank');
    await page.goto(session.server.pageUrl);
    await page.waitForFunction(() => window.__weaklink?.isReady === true);
    await settle(page);
  }
  return page;
}

/** Opens the focal company's panel, so the panel shows text of every kind. */
async function selectFocal(page: Page): Promise<void> {
  await page.evaluate((id) => {
    window.__weaklink!.cy.$id(id).emit('tap');
  }, summary.focal[0]!.id);
  await settle(page);
  await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(summary.focal[0]!.name);
}

/** Texts shown smaller than 12 px: each element holding visible text of its own, with its size. */
const smallTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      const size = Number.parseFloat(style.fontSize);
      if (size < 12)
        small.push(`${el.tagName.toLowerCase()}.${el.className}: ${size}px "${el.textContent!.trim().slice(0, 30)}"`);
    }
    return small;
  });

/** Pairs of header figures (and the brand and buttons) whose boxes overlap. */
const headerOverlaps = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('.topbar .brand, .topbar .stat, .topbar button')].filter(
      (el) => !el.hidden && el.getBoundingClientRect().width > 0,
    );
    const clip = document.querySelector('#summary')!.getBoundingClientRect();
    const overlaps: string[] = [];
    const visibleBox = (el: HTMLElement): DOMRect => {
      const box = el.getBoundingClientRect();
      if (!el.classList.contains('stat')) return box;
      // A figure scrolled out of the header's strip is not drawn over anything.
      const left = Math.max(box.left, clip.left);
      const right = Math.min(box.right, clip.right);
      const top = Math.max(box.top, clip.top);
      const bottom = Math.min(box.bottom, clip.bottom);
      return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    };
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const a = visibleBox(items[i]!);
        const b = visibleBox(items[j]!);
        if (a.width === 0 || b.width === 0) continue;
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
        if (overlap) overlaps.push(`${items[i]!.textContent} / ${items[j]!.textContent}`);
      }
    return overlaps;
  });

/** Pairs of toolbar pieces (labels, controls, the filters' explanations) whose boxes overlap. */
const toolbarOverlaps = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const items = [
      ...document.querySelectorAll<HTMLElement>(
        '#toolbar label, #toolbar select, #toolbar input, #toolbar button, #toolbar .filter-why',
      ),
    ].filter((el) => el.getBoundingClientRect().width > 0 && !el.closest('label:not(:scope)'));
    const out: string[] = [];
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        if (items[i]!.contains(items[j]!) || items[j]!.contains(items[i]!)) continue;
        const a = items[i]!.getBoundingClientRect();
        const b = items[j]!.getBoundingClientRect();
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
        if (overlap) out.push(`${items[i]!.id || items[i]!.textContent} / ${items[j]!.id || items[j]!.textContent}`);
      }
    return out;
  });

/** WCAG relative luminance of a computed CSS colour `rgb(r, g, b)`. */
function luminance(css: string): number {
  const [r, g, b] = css
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number) as [number, number, number];
  const lin = (c: number): number => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const SIZES = [
  { name: 'layout-1366', width: 1366, height: 768 },
  { name: 'layout-1024', width: 1024, height: 768 },
  { name: 'layout-768', width: 768, height: 1024 },
  { name: 'layout-390', width: 390, height: 844 },
] as const;

describe('layout (Chromium against the API app)', () => {
  for (const size of SIZES)
    it(`at ${size.width}×${size.height}: no sideways scroll, no overlapping header figures, a wide map, no text under 12 px`, async () => {
      const page = await open(size.width, size.height);
      await selectFocal(page);
      await page.locator('button[data-tab="weak-links"]').click();
      await page.locator('[data-tab-pane="weak-links"][data-loaded="true"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(size.width);
      expect(await headerOverlaps(page)).toEqual([]);
      expect(await toolbarOverlaps(page)).toEqual([]);
      const map = (await page.locator('#map').boundingBox())!;
      if (size.width >= 768) expect(map.width).toBeGreaterThanOrEqual(0.6 * size.width);
      expect(map.height).toBeGreaterThanOrEqual(300);
      expect(await smallTexts(page)).toEqual([]);
      if (size.width === 1366) {
        // The laptop keeps today's page: everything on one screen, the drawer showing several rows.
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height);
        const rows = await page.locator('#drawer table[data-table="weak-links"] tbody tr.row').evaluateAll((trs) => {
          const drawer = document.querySelector('#drawer .tab-body')!.getBoundingClientRect();
          return trs.filter((tr) => tr.getBoundingClientRect().bottom <= drawer.bottom).length;
        });
        expect(rows).toBeGreaterThanOrEqual(3);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, size.name);
      await page.screenshot({ path: join(SCREENSHOTS, `${size.name}-full.png`), fullPage: true });
      await closeMap(page);
    });

  for (const size of SIZES.slice(1))
    it(`at ${size.width}×${size.height} the Scenario tab shows all its controls, none cut off by the drawer`, async () => {
      const page = await open(size.width, size.height);
      await page.locator('button[data-tab="scenario"]').click();
      await page.locator('#scenario-run').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      const cut = await page.evaluate(() => {
        const drawer = document.querySelector('#drawer')!.getBoundingClientRect();
        return ['#scenario-add', '#scenario-run', '#scenario-save', '#compare-run'].filter((sel) => {
          const box = document.querySelector(sel)!.getBoundingClientRect();
          return box.height === 0 || box.top < drawer.top || box.bottom > drawer.bottom || box.right > drawer.right;
        });
      });
      expect(cut).toEqual([]);
      expect(await smallTexts(page)).toEqual([]);
      await closeMap(page);
    });

  for (const size of [SIZES[0], SIZES[2]])
    it(`in dark mode at ${size.width}×${size.height} the page is dark with light text, the map labels too`, async () => {
      const page = await open(size.width, size.height, true);
      await selectFocal(page);
      const colours = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const panel = getComputedStyle(document.querySelector('#panel')!);
        const toolbar = getComputedStyle(document.querySelector('#toolbar')!);
        const map = getComputedStyle(document.querySelector('.map-area')!);
        return {
          bodyBg: body.backgroundColor,
          bodyText: body.color,
          panelBg: panel.backgroundColor,
          toolbarBg: toolbar.backgroundColor,
          mapBg: map.backgroundColor,
          panelText: getComputedStyle(document.querySelector('#panel h2')!).color,
          label: window.__weaklink!.cy.nodes().first().style('color') as string,
        };
      });
      expect(luminance(colours.bodyBg)).toBeLessThan(0.2);
      for (const bg of [colours.panelBg, colours.toolbarBg, colours.mapBg]) expect(luminance(bg)).toBeLessThan(0.2);
      for (const text of [colours.bodyText, colours.panelText, colours.label])
        expect(luminance(text)).toBeGreaterThan(0.6);
      expect(await smallTexts(page)).toEqual([]);
      await shot(page, `dark-${size.width}`);
      await closeMap(page);
    });

  it('printed, the map page shows the map and the panel: no toolbar, no drawer over them', async () => {
    const page = await open(1366, 768);
    await selectFocal(page);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        ['#toolbar', '#drawer', '#map', '#panel', '.topbar'].map((sel) => {
          const el = document.querySelector<HTMLElement>(sel)!;
          const box = el.getBoundingClientRect();
          return [sel, getComputedStyle(el).display !== 'none' && box.width > 0 && box.height > 0];
        }),
      ),
    );
    expect(shown).toEqual({ '#toolbar': false, '#drawer': false, '#map': true, '#panel': true, '.topbar': true });
    const [map, panel] = await Promise.all([page.locator('#map').boundingBox(), page.locator('#panel').boundingBox()]);
    // The panel and the map side by side or one under the other, never over each other.
    const apart = panel!.x >= map!.x + map!.width - 1 || panel!.y >= map!.y + map!.height - 1;
    expect(apart).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'print-map.png'), fullPage: true });
    // What the printer gets, on A4.
    await page.pdf({ path: join(SCREENSHOTS, 'print-map.pdf'), format: 'A4', printBackground: false });
    await closeMap(page);
  });
});
