/**
 * The Aggregates tab and the panel's "Tier-1 suppliers that depend on it" in Chromium,
 * against the API app over data/sample at 1366×768: the matrix has a cell per group of
 * GET /api/aggregate; the riskiest deep cell opens its companies as the API lists them;
 * a company's row focuses the map on it and the panel lists the tier-1 suppliers that
 * depend on it as GET /api/companies/{id}/dependants does; the switch to industries; the
 * same tab in Japanese. Screenshots: aggregates-1366.png, ja-aggregates-1366.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {
  AggregateCompaniesResponse,
  AggregateResponse,
  DependantsResponse,
} from '../../src/contract/api-types.ts';
import { closeMap, idsWithClass, openMap, sampleSession, settle, shot } from './harness.ts';

const session = sampleSession();
const LAPTOP = { width: 1366, height: 768 };

/** Texts of `root` shown smaller than 12 px (the page's least size). */
const smallTexts = (page: Page, root: string): Promise<string[]> =>
  page.evaluate((selector) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${selector} *`)) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (own && el.getBoundingClientRect().width > 0 && size < 12) small.push(`${el.className}: ${size}px`);
    }
    return small;
  }, root);

async function openTab(page: Page): Promise<void> {
  await page.locator('button[data-tab="aggregates"]').click();
  await page.locator('[data-tab-pane="aggregates"][data-loaded="true"]').waitFor();
  // Give the drawer room for the matrix, as a user drags it (↑ on its handle).
  const handle = page.locator('#drawer .drawer-handle');
  await handle.focus();
  for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowUp');
}

/** The group of tier ≥ 2 with the highest summed risk contribution: a deep supplier's cell. */
function deepest(data: AggregateResponse): number {
  let best = -1;
  data.groups.forEach((g, i) => {
    if (g.tier !== null && g.tier >= 2 && (best < 0 || g.riskContribution > data.groups[best]!.riskContribution))
      best = i;
  });
  return best;
}

describe('the Aggregates tab (Chromium, data/sample)', () => {
  it('draws the tier × country matrix, opens a deep cell down to its companies, and a company to its tier-1 dependants', async () => {
    const page = await openMap(session.browser, session.server.pageUrl, LAPTOP);
    // Every tab of the drawer, Scenario and the show/hide toggle included, fits on a laptop.
    const bar = await page.locator('#drawer .tab-bar').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(bar[0]).toBeLessThanOrEqual(bar[1]!);
    await openTab(page);
    const data = await session.server.get<AggregateResponse>('/api/aggregate?by=country');
    const cells = page.locator('table.agg-matrix button.agg-cell');
    expect(await cells.count()).toBe(data.groups.length);
    expect(await page.locator('table.agg-matrix tbody tr').count()).toBe(data.keys.length);

    const g = deepest(data);
    const group = data.groups[g]!;
    await page.locator(`button.agg-cell[data-group="${g}"]`).click();
    const rows = page.locator('table[data-table="aggregate-companies"] tbody tr.row');
    await expect.poll(() => rows.count()).toBe(Math.min(50, group.companies));
    const members = await session.server.get<AggregateCompaniesResponse>(
      `/api/aggregate/companies?by=country&tier=${group.tier}&key=${encodeURIComponent(group.key)}&limit=50`,
    );
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(
      members.items.map((c) => c.id),
    );
    const incoming = data.links.filter((l) => l.to === g).length;
    expect(await page.locator('.agg-flows').first().locator('button[data-group]').count()).toBe(Math.min(6, incoming));
    await settle(page);
    expect(await smallTexts(page, '#tab-pane-aggregates')).toEqual([]);
    await shot(page, 'aggregates-1366');

    // The riskiest company of the cell: the map focuses it, the panel lists who depends on it.
    for (let k = 0; k < 6; k++) await page.locator('#drawer .drawer-handle').press('ArrowDown');
    const top = members.items[0]!;
    await rows.first().click();
    await page.locator('#panel .dependants[data-loaded="true"]').waitFor();
    await settle(page);
    await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(top.name);
    expect(await idsWithClass(page, 'selected-set')).toEqual([top.id]);
    const deps = await session.server.get<DependantsResponse>(
      `/api/companies/${encodeURIComponent(top.id)}/dependants`,
    );
    const listed = await page
      .locator('#panel [data-tier1]')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-tier1')));
    expect(listed).toEqual(deps.focal.flatMap((f) => f.tier1.map((d) => d.id)).slice(0, listed.length));
    expect(listed.length).toBeGreaterThan(0);
    await page.locator('#panel .dependants').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !window.__weaklink!.cy.animated()); // the map's move to the company
    await settle(page);
    await shot(page, 'aggregates-panel-1366');

    // By industry: a cell per (tier, industry) group.
    await page.locator('.aggregates button[data-by="industry"]').click();
    await page.locator('table.agg-matrix[data-loaded-by="industry"]').waitFor();
    const industries = await session.server.get<AggregateResponse>('/api/aggregate?by=industry');
    expect(await cells.count()).toBe(industries.groups.length);
    await closeMap(page);
  });

  it('speaks Japanese: 集計, the tier headings and the group figures', async () => {
    const context = await session.browser.newContext({ locale: 'ja-JP', viewport: LAPTOP });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    try {
      await page.goto(session.server.pageUrl);
      await page.waitForFunction(() => window.__weaklink?.isReady === true);
      await settle(page);
      expect(await page.locator('button[data-tab="aggregates"]').textContent()).toBe('集計');
      await openTab(page);
      const heads = await page.locator('table.agg-matrix thead th').allTextContents();
      expect(heads[0]).toBe('国');
      expect(heads).toContain('0次 (自社)');
      expect(heads.at(-1)).toBe('階層なし');
      const data = await session.server.get<AggregateResponse>('/api/aggregate?by=country');
      const g = deepest(data);
      await page.locator(`button.agg-cell[data-group="${g}"]`).click();
      await page.locator('table[data-table="aggregate-companies"] tbody tr.row').first().waitFor();
      expect(await page.locator('.agg-facts').textContent()).toContain(`${data.groups[g]!.companies}社`);
      await settle(page);
      await shot(page, 'ja-aggregates-1366');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
