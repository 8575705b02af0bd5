/**
 * The page shell in a real browser (Chromium against the API app over data/sample): the
 * skip link, the map's keyboard (arrows move the selection, Enter opens, Escape clears),
 * the filter explanations, the message of a commodity filter that leaves nothing
 * connected, and the PNG export of the map. Views are saved to test/e2e/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse, SummaryResponse } from '../../src/contract/api-types.ts';
import { closeMap, openMap, settle, sampleSession, shot } from './harness.ts';

const OVERVIEW = '/api/graph?depth=3&limit=1500';

const session = sampleSession();
let summary: SummaryResponse;

beforeAll(async () => {
  summary = await session.server.get<SummaryResponse>('/api/summary');
});

/** The ids with class `selected-set` on the map. */
const selected = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    window
      .__weaklink!.cy.nodes('.selected-set')
      .map((n) => n.id())
      .sort(),
  );

const panelName = (page: Page): Promise<string | null> => page.locator('#panel h2.company-name').textContent();

/** Presses `key` on the focused map and waits for the panel to show the newly selected company. */
async function press(page: Page, key: string): Promise<string> {
  await page.keyboard.press(key);
  await settle(page);
  const [id] = await selected(page);
  expect(id).toBeTruthy();
  const name = await page.evaluate((nodeId) => window.__weaklink!.cy.$id(nodeId).data('name') as string, id!);
  await expect.poll(() => panelName(page)).toBe(name);
  return id!;
}

describe('page shell (Chromium against the API app)', () => {
  it('the first Tab reaches the skip link, visible, and following it focuses the company panel', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-to-panel');
    const link = page.locator('#skip-to-panel');
    expect(await link.textContent()).toBe('Skip to company panel');
    const box = (await link.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel');
    await closeMap(page);
  });

  it('with the map focused, the arrow keys move the selected company, Enter opens it, Escape clears it', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    expect(await page.locator('#map').getAttribute('tabindex')).toBe('0');
    await page.locator('#map').focus();
    // Nothing selected: an arrow starts at the top focal company.
    const start = await press(page, 'ArrowLeft');
    expect(summary.focal.map((f) => f.id)).toContain(start);
    // Left: one of its suppliers.
    const supplier = await press(page, 'ArrowLeft');
    const suppliersOf = (id: string): Promise<string[]> =>
      page.evaluate(
        (nodeId) =>
          window
            .__weaklink!.cy.$id(nodeId)
            .incomers('node')
            .map((n) => n.id()),
        id,
      );
    expect(await suppliersOf(start)).toContain(supplier);
    // Down: the next company of the same tier column.
    const below = await press(page, 'ArrowDown');
    expect(below).not.toBe(supplier);
    const tierOf = (id: string): Promise<number> =>
      page.evaluate((nodeId) => window.__weaklink!.cy.$id(nodeId).data('tier') as number, id);
    expect(await tierOf(below)).toBe(await tierOf(supplier));
    // Right: one of its buyers.
    const buyer = await press(page, 'ArrowRight');
    expect(await suppliersOf(buyer)).toContain(below);
    await page.waitForTimeout(400); // the pan to an off-screen company
    await shot(page, 'keyboard-map');
    // Escape clears the selection and the dimming.
    await page.keyboard.press('Escape');
    await settle(page);
    expect(await selected(page)).toEqual([]);
    expect(await page.evaluate(() => window.__weaklink!.cy.nodes('.dimmed').length)).toBe(0);
    // Enter opens the details of the company the keys start at, as a click does.
    expect(await press(page, 'Enter')).toBe(start);
    await closeMap(page);
  });

  it('each filter says what it shows; a commodity that leaves nothing connected says why on the status', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    expect(await page.locator('#filter-depth-why').textContent()).toBe(
      'Suppliers up to 3 tiers upstream of the focal companies.',
    );
    expect(await page.locator('#filter-commodity-why').textContent()).toBe('Supplies of every commodity.');
    expect(await page.locator('#filter-critical-why').textContent()).toContain(
      'exposure paths that lead to a critical supplier',
    );
    // A commodity no supply chain of its own connects to the focal companies within 3 tiers.
    let commodity: string | undefined;
    for (const c of summary.commodities) {
      const g = await session.server.get<GraphResponse>(`${OVERVIEW}&commodity=${encodeURIComponent(c)}`);
      if (g.edges.length === 0) {
        commodity = c;
        break;
      }
    }
    expect(commodity).toBeTruthy();
    const overview = await session.server.get<GraphResponse>(OVERVIEW);
    const makers = new Set(overview.edges.filter((e) => e.commodity === commodity).map((e) => e.source)).size;
    await page.locator('#filter-commodity').selectOption(commodity!);
    await settle(page);
    expect(await page.locator('#filter-commodity-why').textContent()).toBe(
      `Only supplies of "${commodity}", and the companies they connect.`,
    );
    const message = page.locator('#status [data-empty-view]');
    await expect.poll(() => message.textContent()).toMatch(new RegExp(`^No supplies of "${commodity}" in view: `));
    const text = (await message.textContent())!;
    if (makers > 0) expect(text).toContain(`${makers} compan${makers === 1 ? 'y' : 'ies'} within 3 tiers`);
    expect(await page.evaluate(() => window.__weaklink!.cy.edges().length)).toBe(0);
    await shot(page, 'filter-empty');
    // Back to every commodity: the message goes.
    await page.locator('#filter-commodity').selectOption('');
    await settle(page);
    expect(await message.count()).toBe(0);
    await closeMap(page);
  });

  it('Export map as PNG downloads weaklink-map.png', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export map as PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('weaklink-map.png');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(10_000);
    await closeMap(page);
  });
});
