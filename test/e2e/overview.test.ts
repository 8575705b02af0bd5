/**
 * The overview of the whole network in a real browser (Chromium with software WebGL,
 * against the API app over a GENERATED network of 100,000 companies): the header's
 * switch opens it, sigma draws every company (counted through the page's sigma
 * instance), hovering a company names it, and a click on a company opens the detailed
 * map focused there (its panel, selected on the map). Saved as
 * test/e2e/screenshots/overview-100k.png (and at 1366×768).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import {
  closeMap,
  ensureWebBundle,
  idsWithClass,
  launchChromium,
  openMap,
  SCREENSHOTS,
  settle,
  shot,
  startServer,
  type RunningServer,
} from './harness.ts';

const COMPANIES = 100_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBundle();
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer(generateNetwork({ companies: COMPANIES, seed: 7 }, collectNetwork()).network);
  browser = await launchChromium({ webgl: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the overview at 100,000 companies (Chromium, WebGL by software)', () => {
  it('draws every company, names the hovered one, and a click opens the detailed map focused on it', async () => {
    const page = await openMap(browser, server.pageUrl);
    // (Clicked in the page: building the overview keeps the page busy, which a pointer click would wait on.)
    await page.evaluate(() => document.getElementById('overview-open')!.click());
    await page.waitForFunction(() => window.__weaklinkOverview?.renderedAt != null, undefined, { timeout: 120_000 });
    await settle(page);
    expect(await page.locator('#overview').isVisible()).toBe(true);
    expect(await page.locator('#overview-open').getAttribute('aria-pressed')).toBe('true');
    const counts = await page.evaluate(() => {
      const o = window.__weaklinkOverview!;
      return { nodes: o.sigma.getGraph().order, header: o.overview.header.companies };
    });
    expect(counts).toEqual({ nodes: COMPANIES, header: COMPANIES });
    // Every column of the layout is headed; tier 6 is the deepest the generator makes.
    const heads = await page.locator('.overview-heads span').allTextContents();
    expect(heads[0]).toBe('focal');
    expect(heads).toContain('tier 6');

    // The largest risk contributor among the critical suppliers of the first focal company (drawn in colour).
    const target = await page.evaluate(() => {
      const { overview: o } = window.__weaklinkOverview!;
      const critical = o.critical.subarray(o.criticalStart[0], o.criticalStart[1]);
      let best = critical[0]!;
      for (const i of critical) if (o.risk[i]! > o.risk[best]!) best = i;
      return { index: best, id: o.ids[best]!, name: o.names[best]!, tier: o.tier[best]! };
    });
    expect(target.tier).toBeGreaterThan(0);
    await shot(page, 'overview-100k');

    // Sized by structural importance instead: the company of highest PageRank becomes the largest (unless focal).
    await page.selectOption('#overview-size-by', 'importance');
    const sized = await page.evaluate(() => {
      const { overview: o, sigma } = window.__weaklinkOverview!;
      let top = -1;
      for (let i = 0; i < o.header.companies; i++)
        if ((o.flags[i]! & 1) === 0 && (top < 0 || o.importance[i]! > o.importance[top]!)) top = i;
      let largest = 0;
      sigma.getGraph().forEachNode((key, a) => {
        if ((o.flags[Number(key)]! & 1) === 0) largest = Math.max(largest, a.size);
      });
      return { top: sigma.getGraph().getNodeAttribute(String(top), 'size'), largest };
    });
    expect(sized.top).toBe(sized.largest);
    await page.selectOption('#overview-size-by', 'risk');

    // Its pixel (sigma's graphToViewport of its position), hovered, then clicked.
    const pixel = await page.evaluate((i) => {
      const { sigma } = window.__weaklinkOverview!;
      const { x, y } = sigma.getGraph().getNodeAttributes(String(i));
      const p = sigma.graphToViewport({ x, y });
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, target.index);
    await page.mouse.move(pixel.x - 3, pixel.y);
    await page.mouse.move(pixel.x, pixel.y);
    await expect
      .poll(() => page.evaluate(() => window.__weaklinkOverview!.hovered), { timeout: 30_000 })
      .not.toBeNull();
    // What is under the pointer (the target, or a bigger company drawn over it) is what the click opens.
    const hovered = await page.evaluate(() => {
      const { overview: o, hovered: i, sigma } = window.__weaklinkOverview!;
      return { id: o.ids[i!]!, name: o.names[i!]!, label: sigma.getNodeDisplayData(String(i))!.label };
    });
    expect(hovered.label).toBe(hovered.name);
    await shot(page, 'overview-100k-hover');
    await page.mouse.click(pixel.x, pixel.y);
    await expect.poll(() => page.locator('#overview').isVisible()).toBe(false);
    await settle(page);
    await expect
      .poll(() => page.locator('#panel h2.company-name').textContent(), { timeout: 30_000 })
      .toBe(hovered.name);
    expect(await idsWithClass(page, 'selected-set')).toEqual([hovered.id]);
    expect(await page.locator('#overview-open').getAttribute('aria-pressed')).toBe('false');
    await closeMap(page);
  }, 300_000);

  it('at 1366×768 the overview fits, panel and headings included', async () => {
    const page = await openMap(browser, server.pageUrl, { width: 1366, height: 768 });
    await page.evaluate(() => (location.hash = '#overview'));
    await page.waitForFunction(() => window.__weaklinkOverview?.renderedAt != null, undefined, { timeout: 120_000 });
    await settle(page);
    const panel = (await page.locator('#overview-panel').boundingBox())!;
    const area = (await page.locator('#overview').boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(area.x + area.width + 1);
    expect(panel.y + panel.height).toBeLessThanOrEqual(area.y + area.height + 1);
    await shot(page, 'overview-100k-1366');

    // A drag pans: the picture follows the pointer, the camera moves once on release, and
    // no company opens (the press that began it was not a click).
    const canvas = (await page.locator('#overview .overview-canvas').boundingBox())!;
    const before = await page.evaluate(() => window.__weaklinkOverview!.sigma.getCamera().getState());
    const from = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(from.x - 20 * k, from.y);
    expect(await page.locator('#overview .overview-canvas').evaluate((el) => el.style.transform)).toBe(
      'translate(-200px, 0px)',
    );
    await page.mouse.up();
    await expect
      .poll(() => page.evaluate(() => window.__weaklinkOverview!.sigma.getCamera().getState().x))
      .toBeGreaterThan(before.x);
    expect(await page.locator('#overview .overview-canvas').evaluate((el) => el.style.transform)).toBe('');
    expect(await page.locator('#overview').isVisible()).toBe(true);
    // A wheel step zooms towards the pointer (sigma's zoom), so the camera moves as well.
    const beforeZoom = await page.evaluate(() => window.__weaklinkOverview!.sigma.getCamera().getState());
    await page.mouse.move(canvas.x + canvas.width * 0.2, canvas.y + canvas.height * 0.5);
    await page.mouse.wheel(0, -200);
    await expect
      .poll(() => page.evaluate(() => window.__weaklinkOverview!.sigma.getCamera().getState()))
      .toMatchObject({ ratio: expect.toSatisfy((r: number) => r < beforeZoom.ratio) });
    const zoomed = await page.evaluate(() => window.__weaklinkOverview!.sigma.getCamera().getState());
    expect(zoomed.x).toBeLessThan(beforeZoom.x);
    await closeMap(page);
  }, 300_000);
});
