/**
 * The map in a real browser: Debian's Chromium (playwright-core) against the real API
 * app (`createApp` over a MemoryStore holding data/sample) on a free port, serving the
 * vite bundle. Every check compares what the page shows with what the API answers for
 * the same question; every view is also saved to test/e2e/screenshots/ for a human eye.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CompanyDetailResponse,
  CompanyListResponse,
  ConcentrationResponse,
  GraphResponse,
  HiddenCriticalResponse,
  LevelGapsResponse,
  SimulateResponse,
  SingleSourcesResponse,
  SummaryResponse,
  UnassessedResponse,
  WeakLinksResponse,
} from '../../src/contract/api-types.ts';
import { closeMap, openMap, settle, sampleSession, shot, idsWithClass } from './harness.ts';

const OVERVIEW = '/api/graph?depth=3&limit=1500';

const session = sampleSession();
let summary: SummaryResponse;

beforeAll(async () => {
  summary = await session.server.get<SummaryResponse>('/api/summary');
});

/** Ids of the company nodes on the map, sorted. */
const mapIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    window
      .__weaklink!.cy.nodes()
      .map((n) => n.id())
      .sort(),
  );

/** Clicks company `id` with the mouse, after centring the map on it (shift held when `shift`). */
async function clickCompany(page: Page, id: string, shift = false): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const cy = window.__weaklink!.cy;
    const node = cy.$id(nodeId);
    cy.zoom(1.2);
    cy.center(node);
    const box = cy.container()!.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  // Clicks land in the middle of the map each time: far enough apart not to make a double-click.
  await page.waitForTimeout(600);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(point.x, point.y);
  if (shift) await page.keyboard.up('Shift');
  await settle(page);
}

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

describe('map (Chromium against the API app)', () => {
  it('openMap shows one node per company and one edge per supply of GET /api/graph?depth=3&limit=1500', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const graph = await session.server.get<GraphResponse>(OVERVIEW);
    expect(await mapIds(page)).toEqual(sorted(graph.nodes.map((n) => n.id)));
    expect(await page.evaluate(() => window.__weaklink!.cy.edges().length)).toBe(graph.edges.length);
    // Every node is drawn somewhere distinct, left of its buyers' column or in it.
    const positions = await page.evaluate(() =>
      window.__weaklink!.cy.nodes().map((n) => `${n.position('x')},${n.position('y')}`),
    );
    expect(new Set(positions).size).toBe(positions.length);
    expect(page.url()).not.toContain('token='); // moved out of the address bar
    await expect
      .poll(() => page.locator('#summary').textContent())
      .toContain(summary.companies.toLocaleString('en-US'));
    await expect.poll(() => page.locator('[data-legend]').textContent()).toContain('single source');
    await shot(page, 'overview');
    // Zoomed in on the focal company: labels legible.
    await page.evaluate((id) => {
      const cy = window.__weaklink!.cy;
      cy.zoom(1);
      cy.center(cy.$id(id));
      cy.panBy({ x: cy.width() / 2 - 160, y: 0 });
    }, summary.focal[0]!.id);
    await page.waitForTimeout(100);
    await shot(page, 'overview-zoomed');
    await closeMap(page);
  });

  it('openMap without a token asks for one; a wrong one is refused, the right one opens the map', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(session.server.url);
    await page.waitForFunction(() => window.__weaklink?.isReady === true);
    await expect.poll(() => page.locator('dialog#auth').isVisible()).toBe(true);
    expect(await page.evaluate(() => window.__weaklink!.cy.nodes().length)).toBe(0);
    await shot(page, 'sign-in');
    await page.locator('#auth-token').fill('wl_not-a-real-token-at-all-0000000000000000000');
    await page.locator('#auth-form button[type="submit"]').click();
    await page.waitForFunction(() => window.__weaklink?.isReady === true);
    await expect.poll(() => page.locator('#auth-message').textContent()).toContain('not valid');
    await page.locator('#auth-token').fill(session.server.token);
    await page.locator('#auth-form button[type="submit"]').click();
    await page.waitForFunction(() => window.__weaklink?.isReady === true);
    await settle(page);
    expect(await page.locator('dialog#auth').isVisible()).toBe(false);
    expect((await mapIds(page)).length).toBe((await session.server.get<GraphResponse>(OVERVIEW)).nodes.length);
    await page.close();
  });

  it('clicking a company opens its panel and marks its exposure path, dimming the rest', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const focal = summary.focal[0]!.id;
    const detail = await session.server.get<CompanyDetailResponse>(`/api/companies/${encodeURIComponent(focal)}`);
    expect(detail.exposurePath.length).toBeGreaterThan(1);
    await clickCompany(page, focal);
    await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(detail.company.name);
    await expect.poll(() => page.locator('#panel .explanation').textContent()).toBe(detail.explanation);
    const pathIds = sorted(new Set(detail.exposurePath.map((s) => s.id)));
    expect(await idsWithClass(page, 'path')).toEqual(pathIds);
    const all = await mapIds(page);
    expect(await idsWithClass(page, 'dimmed')).toEqual(all.filter((id) => !pathIds.includes(id)));
    const pathEdges = await page.evaluate(() => window.__weaklink!.cy.edges('.path').length);
    expect(pathEdges).toBeGreaterThanOrEqual(detail.exposurePath.length - 1);
    await page.evaluate(() => {
      window.__weaklink!.cy.fit(window.__weaklink!.cy.nodes('.path'), 80);
    });
    await page.waitForTimeout(100);
    await shot(page, 'company-panel');
    // The background clears the selection.
    await page.evaluate(() => {
      window.__weaklink!.cy.emit('tap');
    });
    expect(await idsWithClass(page, 'dimmed')).toEqual([]);
    await closeMap(page);
  });

  it('clicking a weak link highlights its blast radius on the map, each member labelled and listed with the day it stops', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const weak = await session.server.get<WeakLinksResponse>('/api/analysis/weak-links?limit=50');
    const inView = new Set(await mapIds(page));
    const target = weak.items.find((w) => inView.has(w.id) && w.blastRadiusSize > 0)!;
    const detail = await session.server.get<CompanyDetailResponse>(`/api/companies/${encodeURIComponent(target.id)}`);
    await clickCompany(page, target.id);
    await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(detail.company.name);
    const radius = detail.blastRadius.map((b) => b.id);
    const shown = await mapIds(page);
    expect(await idsWithClass(page, 'radius')).toEqual(sorted(radius.filter((id) => shown.includes(id))));
    const pathIds = new Set(detail.exposurePath.map((s) => s.id));
    expect(await idsWithClass(page, 'dimmed')).toEqual(
      shown.filter((id) => !pathIds.has(id) && !radius.includes(id) && id !== target.id),
    );
    // The panel lists each member with its stop day, in stop-day order; the map labels carry the same day.
    const items = page.locator('#panel ul.stop-days li[data-id]');
    await expect.poll(() => items.count()).toBe(Math.min(radius.length, 12));
    const first = detail.blastRadius[0]!;
    expect(await items.first().textContent()).toContain(`${first.name} stops on day ${first.stopDay}`);
    if (shown.includes(first.id)) {
      expect(
        await page.evaluate((id) => String(window.__weaklink!.cy.$id(id).data('radiusLabel')), first.id),
      ).toContain(`stops day ${first.stopDay}`);
    }
    await expect.poll(() => page.locator('#panel .risk-contribution').textContent()).toMatch(/^¥.+ \/ year$/);
    await expect.poll(() => page.locator('#panel .event-loss').textContent()).toMatch(/^¥.+ \/ hit$/);
    await page.evaluate(() => {
      const cy = window.__weaklink!.cy;
      cy.fit(cy.nodes('.radius, .path, .selected-set'), 60);
    });
    await page.waitForTimeout(100);
    await shot(page, 'blast-radius');
    await closeMap(page);
  });

  it('a breach simulation marks exactly the disrupted companies and shows the revenue at risk', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const graph = await session.server.get<GraphResponse>(OVERVIEW);
    const inView = new Set(graph.nodes.map((n) => n.id));
    const weak = await session.server.get<WeakLinksResponse>('/api/analysis/weak-links?limit=50');
    const [a, b] = weak.items.filter((w) => inView.has(w.id) && w.blastRadiusSize > 0).map((w) => w.id);
    expect(a && b).toBeTruthy();
    await clickCompany(page, a!);
    await clickCompany(page, b!, true);
    await expect.poll(() => page.locator('#selection-bar .chip').count()).toBe(2);
    await page.locator('#simulate').click();
    await settle(page);
    const expected = await session.server.post<SimulateResponse>('/api/simulate', { hit: [a, b] });
    const shown = await mapIds(page);
    expect(await idsWithClass(page, 'disrupted')).toEqual(expected.disrupted.filter((id) => shown.includes(id)).sort());
    expect(await idsWithClass(page, 'hit')).toEqual(sorted([a!, b!]));
    // Money with its period: revenue per day of outage and the expected loss per breach, never annual revenue.
    await expect
      .poll(() => page.locator('#sim-banner .revenue').getAttribute('data-value'))
      .toBe(String(expected.revenuePerDay));
    await expect
      .poll(() => page.locator('#sim-banner .expected-loss').getAttribute('data-value'))
      .toBe(String(expected.expectedLoss));
    expect(await page.locator('#sim-banner').textContent()).toMatch(/per day of outage/);
    for (const focal of expected.companies.filter((c) => c.focal))
      expect(await page.locator('#sim-banner').textContent()).toContain(`on day ${focal.stopDay}`);
    // The companies outside the view come in on request; then every disrupted company is marked.
    const outside = expected.disrupted.filter((id) => !shown.includes(id));
    if (outside.length > 0) {
      await page.locator('#show-disrupted').click();
      await settle(page);
      expect(await idsWithClass(page, 'disrupted')).toEqual([...expected.disrupted].sort());
    }
    await page.waitForTimeout(450); // the view's move to the disrupted set
    await shot(page, 'simulation');
    await page.locator('#clear-simulation').click();
    expect(await idsWithClass(page, 'disrupted')).toEqual([]);
    await expect.poll(() => page.locator('#sim-banner').isHidden()).toBe(true);
    await closeMap(page);
  });

  it('each tab lists the rows of its API list, and a row focuses its company', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const tab = async (id: string): Promise<void> => {
      await page.locator(`button[data-tab="${id}"]`).click();
      await page.locator(`[data-tab-pane="${id}"][data-loaded="true"]`).waitFor();
    };
    const rows = (table: string) => page.locator(`table[data-table="${table}"] tbody tr.row`);
    const firstId = (table: string) => rows(table).first().getAttribute('data-id');

    await tab('weak-links');
    const weak = await session.server.get<WeakLinksResponse>('/api/analysis/weak-links?limit=50');
    await expect.poll(() => rows('weak-links').count()).toBe(weak.items.length);
    expect(await firstId('weak-links')).toBe(weak.items[0]!.id);
    await shot(page, 'tab-weak-links');

    await tab('sources');
    const single = await session.server.get<SingleSourcesResponse>('/api/analysis/single-sources?limit=500');
    const hidden = await session.server.get<HiddenCriticalResponse>('/api/analysis/hidden-critical?limit=500');
    await expect.poll(() => rows('single-sources').count()).toBe(single.items.length);
    expect(await firstId('single-sources')).toBe(single.items[0]!.supplier);
    await expect.poll(() => rows('hidden-critical').count()).toBe(hidden.items.length);
    expect(await firstId('hidden-critical')).toBe(hidden.items[0]!.supplier);
    await shot(page, 'tab-sources');

    await tab('level-gaps');
    const gaps = await session.server.get<LevelGapsResponse>('/api/analysis/level-gaps?limit=500');
    await expect.poll(() => rows('level-gaps').count()).toBe(gaps.items.length);
    expect(await firstId('level-gaps')).toBe(gaps.items[0]!.id);
    await shot(page, 'tab-level-gaps');

    await tab('unassessed');
    const unassessed = await session.server.get<UnassessedResponse>('/api/analysis/unassessed?limit=500');
    expect(unassessed.items.length).toBeGreaterThan(0);
    await expect.poll(() => rows('unassessed').count()).toBe(unassessed.items.length);
    expect(await firstId('unassessed')).toBe(unassessed.items[0]!.id);
    await shot(page, 'tab-unassessed');

    await tab('concentration');
    const conc = await session.server.get<ConcentrationResponse>('/api/analysis/concentration?limit=500');
    await expect.poll(() => rows('concentration').count()).toBe(conc.groups.length);
    expect(await firstId('concentration')).toBe(conc.groups[0]!.buyer);
    await expect
      .poll(() => page.locator('.tier-chart .bar-row').count())
      .toBe(conc.tiers.length + conc.criticalSupplierCountries.length);
    await shot(page, 'tab-concentration');

    // A row focuses the map on its company.
    await tab('level-gaps');
    const gap = gaps.items[0]!;
    await rows('level-gaps').first().click();
    await settle(page);
    await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(gap.name);
    expect(await idsWithClass(page, 'selected-set')).toEqual([gap.id]);
    await closeMap(page);
  });

  it('the country and commodity filters show what GET /api/graph returns with them', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const country = summary.countries.find((c) => c !== 'JP')!;
    await page.locator('#filter-country').selectOption(country);
    await settle(page);
    const byCountry = await session.server.get<GraphResponse>(`${OVERVIEW}&country=${country}`);
    expect(await mapIds(page)).toEqual(sorted(byCountry.nodes.map((n) => n.id)));
    const focal = new Set(summary.focal.map((f) => f.id));
    expect(byCountry.nodes.filter((n) => !focal.has(n.id)).every((n) => n.country === country)).toBe(true);
    expect((await mapIds(page)).length).toBeLessThan((await session.server.get<GraphResponse>(OVERVIEW)).nodes.length);
    await shot(page, 'filter-country');

    await page.locator('#filter-country').selectOption('');
    const commodity = summary.commodities[0]!;
    await page.locator('#filter-commodity').selectOption(commodity);
    await settle(page);
    const byCommodity = await session.server.get<GraphResponse>(
      `${OVERVIEW}&commodity=${encodeURIComponent(commodity)}`,
    );
    expect(await mapIds(page)).toEqual(sorted(byCommodity.nodes.map((n) => n.id)));
    expect(await page.evaluate(() => window.__weaklink!.cy.edges().map((e) => e.data('commodity') as string))).toEqual(
      byCommodity.edges.map(() => commodity),
    );

    await page.locator('#filter-commodity').selectOption('');
    await page.locator('#filter-critical').check();
    await settle(page);
    const critical = await session.server.get<GraphResponse>(`${OVERVIEW}&criticalOnly=true`);
    expect(await mapIds(page)).toEqual(sorted(critical.nodes.map((n) => n.id)));
    await shot(page, 'filter-critical');
    await closeMap(page);
  });

  it('search focuses a company, bringing it into the view when it was not there and framing it with its exposure path and blast radius', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const inView = new Set(await mapIds(page));
    const list = await session.server.get<CompanyListResponse>('/api/companies?limit=500');
    const target = list.items.find((c) => !inView.has(c.id)) ?? list.items[0]!;
    const query = target.name.split(/\s+/)[0]!;
    await page.locator('#search').fill(query);
    const results = await session.server.get<CompanyListResponse>(
      `/api/companies?q=${encodeURIComponent(query)}&limit=8`,
    );
    await expect.poll(() => page.locator('#search-results li.result').count()).toBe(results.items.length);
    await shot(page, 'search-results');
    await page.locator(`#search-results li.result[data-id="${target.id}"]`).click();
    await settle(page);
    await page.waitForTimeout(450); // the centring animation
    await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(target.name);
    expect(await idsWithClass(page, 'selected-set')).toEqual([target.id]);
    // The company, its exposure path and what it stops are framed: every one of them in view.
    const detail = await session.server.get<CompanyDetailResponse>(`/api/companies/${encodeURIComponent(target.id)}`);
    const framed = [target.id, ...detail.exposurePath.map((p) => p.id), ...detail.blastRadius.map((b) => b.id)];
    await page.waitForTimeout(450); // the framing animation
    const outside = await page.evaluate((ids) => {
      const cy = window.__weaklink!.cy;
      return ids.filter((id) => {
        const node = cy.$id(id);
        if (node.empty()) return false;
        const p = node.renderedPosition();
        return p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height();
      });
    }, framed);
    expect(outside).toEqual([]);
    await shot(page, 'search-focus');
    await closeMap(page);
  });

  it('search then Enter at once opens the first match of what is typed, not of an older query', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    // An older query lists other companies first.
    await page.locator('#search').fill('Kirishima');
    await expect.poll(() => page.locator('#search-results li.result').count()).toBeGreaterThan(0);
    const query = 'Ota Precision';
    const first = (
      await session.server.get<CompanyListResponse>(`/api/companies?q=${encodeURIComponent(query)}&limit=8`)
    ).items[0]!;
    // Typed and Enter before the debounced search has answered.
    await page.locator('#search').fill(query);
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(first.name);
    await closeMap(page);
  });

  it('the tables drawer resizes by dragging its top edge or with the arrow keys, at 1366×768 too', async () => {
    const page = await openMap(session.browser, session.server.pageUrl, { width: 1366, height: 768 });
    const height = (): Promise<number> => page.locator('#drawer').evaluate((el) => el.getBoundingClientRect().height);
    const before = await height();
    const box = (await page.locator('#drawer .drawer-handle').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 150, { steps: 5 });
    await page.mouse.up();
    expect(Math.abs((await height()) - (before + 150))).toBeLessThanOrEqual(2);
    await page.locator('#drawer .drawer-handle').focus();
    await page.keyboard.press('ArrowDown');
    expect(Math.abs((await height()) - (before + 110))).toBeLessThanOrEqual(2);
    // Tab labels stay on one line.
    const heights = await page
      .locator('#drawer .tab')
      .evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(40);
    // The reasons name the focal companies, not their ids.
    const firstReason = await page
      .locator('#drawer table[data-table="weak-links"] tbody tr td.reason')
      .first()
      .textContent();
    expect(firstReason).toContain('Kirishima Motor');
    expect(firstReason).not.toContain('auto-oem');
    await shot(page, 'drawer-1366');
    await closeMap(page);
  });

  it('double-clicking a company with hidden suppliers brings them in', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    const id = await page.evaluate(() =>
      window
        .__weaklink!.cy.nodes()
        .filter((n) => (n.data('hidden') as number) > 0)
        .first()
        .id(),
    );
    expect(id).toBeTruthy();
    await page.evaluate((nodeId) => {
      window.__weaklink!.cy.$id(nodeId).emit('dbltap');
    }, id);
    await settle(page);
    const around = await session.server.get<GraphResponse>(
      `/api/graph?focus=${encodeURIComponent(id)}&up=1&down=0&limit=1500`,
    );
    const shown = new Set(await mapIds(page));
    expect(around.nodes.filter((n) => !shown.has(n.id))).toEqual([]);
    expect(await page.evaluate((nodeId) => window.__weaklink!.cy.$id(nodeId).data('hidden') as number, id)).toBe(0);
    await page.evaluate((nodeId) => {
      const cy = window.__weaklink!.cy;
      cy.fit(cy.$id(nodeId).closedNeighborhood(), 60);
    }, id);
    await page.waitForTimeout(100);
    await shot(page, 'expand');
    await closeMap(page);
  });
});
