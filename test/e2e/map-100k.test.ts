/**
 * The detailed map on a generated 100,000-company network (src/generate, seed 7) in a
 * real browser, over the real API app: at depth 6 the 1,500-company cap keeps companies
 * at every tier 1 … 6 (not one column of tier 1), the focal companies' critical
 * suppliers first; the status line says what it kept, as GET /api/graph's `cap` counts;
 * double-click still brings a company's hidden suppliers in, and its panel gives its
 * structural importance. Screenshots: test/e2e/screenshots/map-100k.png (1600 × 1000),
 * map-100k-1366.png (1366 × 768) and map-100k-panel.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyDetailResponse, GraphResponse } from '../../src/contract/api-types.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import {
  closeMap,
  ensureWebBundle,
  launchChromium,
  openMap,
  SCREENSHOTS,
  settle,
  shot,
  startServer,
  type RunningServer,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBundle();
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer(generateNetwork({ companies: 100_000, seed: 7 }, collectNetwork()).network);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the detailed map at 100,000 companies', () => {
  it('at depth 6 shows companies at tiers 1 through 6, critical suppliers first, and says what the cap kept', async () => {
    const page = await openMap(browser, server.pageUrl);
    await page.locator('#filter-depth').selectOption('6');
    await settle(page);
    const api = await server.get<GraphResponse>('/api/graph?depth=6&limit=1500');
    const tiers = await page.evaluate(() => {
      const count: Record<string, number> = {};
      for (const n of window.__weaklink!.cy.nodes()) {
        const key = String(n.data('tier'));
        count[key] = (count[key] ?? 0) + 1;
      }
      return count;
    });
    for (let tier = 1; tier <= 6; tier++) expect(tiers[String(tier)] ?? 0, `tier ${tier}`).toBeGreaterThan(100);
    expect(Object.values(tiers).reduce((s, k) => s + k, 0)).toBe(1500);
    // The page shows what the API kept, and the API kept the critical suppliers before any filler.
    const ids = await page.evaluate(() => window.__weaklink!.cy.nodes().map((n) => n.id()));
    expect(new Set(ids)).toEqual(new Set(api.nodes.map((n) => n.id)));
    const cap = api.cap;
    expect(api.truncated).toBe(true);
    expect(cap.shown).toBe(1500);
    expect(cap.reachable).toBeGreaterThan(50_000);
    expect(cap.critical).toBe(Math.min(cap.criticalReachable, 1500 - cap.roots));
    expect(api.nodes.filter((n) => n.criticalToFocal && !n.focal)).toHaveLength(cap.critical);
    const status = (await page.locator('#status').textContent()) ?? '';
    const fmt = (n: number): string => n.toLocaleString('en-US');
    expect(status).toContain(`showing 1,500 of ${fmt(cap.reachable)}`);
    expect(status).toContain(`focal companies’ ${fmt(cap.criticalReachable)} critical suppliers`);
    await shot(page, 'map-100k');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => {
      const cy = window.__weaklink!.cy;
      cy.resize();
      cy.fit(undefined, 30);
    });
    await settle(page);
    await shot(page, 'map-100k-1366');
    await closeMap(page);
  }, 240_000);

  it('double-clicking a company with hidden suppliers still brings them in', async () => {
    const page = await openMap(browser, server.pageUrl);
    await page.locator('#filter-depth').selectOption('6');
    await settle(page);
    const id = await page.evaluate(() =>
      window
        .__weaklink!.cy.nodes()
        .filter((n) => (n.data('hidden') as number) > 0 && (n.data('tier') as number) >= 2)
        .first()
        .id(),
    );
    expect(id).toBeTruthy();
    await page.evaluate((nodeId) => window.__weaklink!.cy.$id(nodeId).emit('dbltap'), id);
    await settle(page);
    const around = await server.get<GraphResponse>(`/api/graph?focus=${encodeURIComponent(id)}&up=1&down=0&limit=1500`);
    const shown = new Set(await page.evaluate(() => window.__weaklink!.cy.nodes().map((n) => n.id())));
    expect(around.nodes.length).toBeGreaterThan(1);
    expect(around.nodes.filter((n) => !shown.has(n.id))).toEqual([]);
    expect(await page.evaluate((nodeId) => window.__weaklink!.cy.$id(nodeId).data('hidden') as number, id)).toBe(0);
    // Its panel gives its structural importance, as the API ranks it among the 100,000.
    const detail = await server.get<CompanyDetailResponse>(`/api/companies/${encodeURIComponent(id)}`);
    await page.evaluate((nodeId) => window.__weaklink!.cy.$id(nodeId).emit('tap'), id);
    await settle(page);
    await expect
      .poll(() => page.locator('#panel .structural').textContent(), { timeout: 60_000 })
      .toContain(
        `#${detail.structuralImportance.rank.toLocaleString('en-US')} of 100,000 (PageRank ${detail.structuralImportance.pagerank.toPrecision(2)})`,
      );
    await shot(page, 'map-100k-panel');
    await closeMap(page);
  }, 240_000);
});
