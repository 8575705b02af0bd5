/**
 * The Scenario tab and the executive view in a real browser: Debian's Chromium
 * (playwright-core) against the real API app (`createApp` over a MemoryStore holding
 * data/sample). Every check compares what the page shows with what the API answers for
 * the same question: the companies marked down on a replayed day with the run's
 * timeline, the chart's bars with its days, the totals, the comparison of two saved
 * runs, the executive figures. The views are saved to test/e2e/screenshots/ (and the
 * executive report as a PDF) for a human eye.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {
  ExecutiveResponse,
  GraphResponse,
  SavedScenarioList,
  ScenarioComparison,
  ScenarioResponse,
  ScenarioRun,
} from '../../src/contract/api-types.ts';
import { formatPercent, formatYen, planHeadline, reasonLine, worstEventSentence } from '../../web/src/replay.ts';
import { shortName } from '../../web/src/to-elements.ts';
import { allowProblems, closeMap, openMap, SCREENSHOTS, settle, sampleSession, shot, idsWithClass } from './harness.ts';

const session = sampleSession();

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

const mapIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    window
      .__weaklink!.cy.nodes()
      .map((n) => n.id())
      .sort(),
  );

/** The companies down on `day`, read straight off the API's answer: each company's stop interval. */
function downOn(run: ScenarioRun, day: number): string[] {
  return sorted(
    run.companies.filter((c) => c.stoppedOn <= day && (c.recoveredOn === null || day < c.recoveredOn)).map((c) => c.id),
  );
}

async function openScenarioTab(page: Page): Promise<void> {
  await page.locator('button[data-tab="scenario"]').click();
  await page.locator('[data-tab-pane="scenario"][data-loaded="true"]').waitFor();
  await settle(page);
}

/** Replaces the companies hit with `ids`, typed into the tab's add box (Enter takes the exact id). */
async function pickCompanies(page: Page, ids: string[]): Promise<void> {
  const remove = page.locator('.scenario-hit .chip .chip-x');
  while ((await remove.count()) > 0) {
    await remove.first().click();
    await settle(page);
  }
  for (const id of ids) {
    await page.locator('#scenario-add').fill(id);
    await page.locator('#scenario-add').press('Enter');
    await settle(page);
  }
  await expect
    .poll(() => page.locator('.scenario-hit .chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-id'))))
    .toEqual(ids);
}

async function runScenario(page: Page, ids: string[], days: number): Promise<ScenarioRun> {
  await pickCompanies(page, ids);
  await page.locator('#scenario-days').fill(String(days));
  await page.locator('#scenario-run').click();
  await settle(page);
  await page.locator('#scenario-day').waitFor();
  return (await session.server.post<ScenarioResponse>('/api/scenario', { hit: ids, days })).scenario;
}

/** Moves the day slider with the keyboard: Home to day 0, then → `day` times. */
async function slideTo(page: Page, day: number): Promise<void> {
  const slider = page.locator('#scenario-day');
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < day; i++) await page.keyboard.press('ArrowRight');
  await settle(page);
  expect(await slider.inputValue()).toBe(String(day));
}

async function save(page: Page, name: string): Promise<void> {
  await page.locator('#scenario-name').fill(name);
  await page.locator('#scenario-save').click();
  await settle(page);
}

describe('scenario tab (Chromium against the API app)', () => {
  it('a 5-day breach at kanazawa-trim: the slider, the companies down on day 0, one bar per day, the total; saved and compared with ota-springs', async () => {
    const page = await openMap(session.browser, session.server.analystPageUrl);
    await openScenarioTab(page);
    expect(await page.locator('#scenario-days').inputValue()).toBe('10'); // the default
    const run = await runScenario(page, ['kanazawa-trim'], 5);

    const slider = page.locator('#scenario-day');
    expect(await slider.getAttribute('min')).toBe('0');
    expect(await slider.getAttribute('max')).toBe(String(run.lastDay));
    // The last day first (everyone is back), then day 0.
    const inView = new Set(await mapIds(page));
    await slideTo(page, run.lastDay);
    expect(await idsWithClass(page, 'down-day')).toEqual(downOn(run, run.lastDay).filter((id) => inView.has(id)));
    await slideTo(page, 0);
    const day0 = sorted(run.timeline.find((e) => e.day === 0)!.stopped);
    expect(day0.length).toBeGreaterThan(0);
    expect(downOn(run, 0)).toEqual(day0);
    expect(await idsWithClass(page, 'down-day')).toEqual(day0.filter((id) => inView.has(id)));
    expect(await idsWithClass(page, 'stop-day')).toEqual(day0.filter((id) => inView.has(id)));
    expect(await idsWithClass(page, 'hit')).toEqual(['kanazawa-trim']);
    await expect.poll(() => page.locator('#scenario-day-label').textContent()).toBe(`Day 0 of ${run.lastDay}`);

    // The chart: one bar per day 0 .. lastDay, each with the API's value; day 0 marked.
    const bars = page.locator('svg.rar-chart rect.rar-bar');
    expect(await bars.count()).toBe(run.lastDay + 1);
    expect(await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-value'))))).toEqual(
      run.revenueAtRisk,
    );
    expect(await page.locator('svg.rar-chart rect.rar-bar.current').getAttribute('data-day')).toBe('0');
    // The totals and the focal companies' stop days.
    expect(Number(await page.locator('#scenario-total').getAttribute('data-value'))).toBe(run.totalRevenueAtRisk);
    expect(await page.locator('#scenario-total').textContent()).toBe(formatYen(run.totalRevenueAtRisk));
    for (const f of run.focal)
      expect(await page.locator(`.focal-stop[data-id="${f.id}"]`).getAttribute('data-stopped-on')).toBe(
        f.stoppedOn === null ? '' : String(f.stoppedOn),
      );

    // Save it, then a 3-day breach at ota-springs; both are listed.
    await save(page, 'Kanazawa trim 5 days');
    await expect.poll(() => page.locator('#scenario-message').textContent()).toContain('Saved');
    const ota = await runScenario(page, ['ota-springs'], 3);
    expect(await page.locator('svg.rar-chart rect.rar-bar').count()).toBe(ota.lastDay + 1);
    await save(page, 'Ota springs 3 days');
    const list = await session.server.get<SavedScenarioList>('/api/scenarios');
    expect(list.items.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Kanazawa trim 5 days', 'Ota springs 3 days']),
    );
    await expect
      .poll(() =>
        page.locator('.saved-list li[data-name]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-name'))),
      )
      .toEqual(list.items.map((s) => s.name));

    // Compare the two.
    await page.locator('#compare-a').selectOption('Kanazawa trim 5 days');
    await page.locator('#compare-b').selectOption('Ota springs 3 days');
    await page.locator('#compare-run').click();
    await settle(page);
    const expected = await session.server.get<ScenarioComparison>(
      `/api/scenarios/compare?a=${encodeURIComponent('Kanazawa trim 5 days')}&b=${encodeURIComponent('Ota springs 3 days')}`,
    );
    await expect
      .poll(() => page.locator('.scenario-compare thead th[data-scenario="a"]').textContent())
      .toContain(expected.a.name);
    expect(await page.locator('.scenario-compare thead th[data-scenario="b"]').textContent()).toContain(
      expected.b.name,
    );
    const listed = (key: string): Promise<string[]> =>
      page
        .locator(`[data-list="${key}"] li[data-id]`)
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')!));
    expect(await listed('only-a')).toEqual(expected.onlyA);
    expect(await listed('only-b')).toEqual(expected.onlyB);
    expect(await listed('both')).toEqual(expected.both);
    expect(expected.onlyA.length + expected.onlyB.length).toBeGreaterThan(0);
    const revenue = (which: string): Promise<number> =>
      page
        .locator(`tr[data-row="revenue"] td[data-scenario="${which}"] [data-value]`)
        .getAttribute('data-value')
        .then(Number);
    expect(await revenue('a')).toBe(expected.a.result.totalRevenueAtRisk);
    expect(await revenue('b')).toBe(expected.b.result.totalRevenueAtRisk);
    expect(expected.a.result.totalRevenueAtRisk).toBe(run.totalRevenueAtRisk);
    const stopped = (which: string): Promise<number> =>
      page
        .locator(`tr[data-row="stopped"] td[data-scenario="${which}"] [data-value]`)
        .getAttribute('data-value')
        .then(Number);
    expect(await stopped('a')).toBe(expected.a.result.companies.length);
    expect(await stopped('b')).toBe(expected.b.result.companies.length);
    expect(await idsWithClass(page, 'only-a')).toEqual(sorted(expected.onlyA));
    expect(await idsWithClass(page, 'only-b')).toEqual(sorted(expected.onlyB));
    await page.waitForTimeout(450); // the view's move to them
    await shot(page, 'scenario-compare-small');

    // Load brings a saved run back into the replay; delete removes it.
    await page.locator('#compare-close').click();
    await page.locator('.saved-list li[data-name="Kanazawa trim 5 days"] button[data-action="load"]').click();
    await settle(page);
    expect(Number(await page.locator('#scenario-total').getAttribute('data-value'))).toBe(run.totalRevenueAtRisk);
    await expect
      .poll(() =>
        page.locator('.scenario-hit .chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-id'))),
      )
      .toEqual(['kanazawa-trim']);
    await closeMap(page);
  });

  it('replays a 30-day breach at hikone-chemical (its buyers hold two weeks of stock) day by day on the map, plays, and compares with mito-plating', async () => {
    const page = await openMap(session.browser, session.server.analystPageUrl);
    await openScenarioTab(page);
    const run = await runScenario(page, ['hikone-chemical'], 30);
    expect(run.timeline.length).toBeGreaterThan(3); // a cascade over several days
    // Bring every company it stops into view, then check each day against the API.
    const outside = page.locator('#scenario-show-outside');
    if (await outside.isVisible()) {
      await outside.click();
      await settle(page);
    }
    const inView = new Set(await mapIds(page));
    expect(run.companies.filter((c) => !inView.has(c.id))).toEqual([]);
    for (const day of [0, 2, 14, 16, run.lastDay]) {
      await slideTo(page, day);
      expect(await idsWithClass(page, 'down-day')).toEqual(downOn(run, day));
      expect(await idsWithClass(page, 'stop-day')).toEqual(
        sorted(run.timeline.find((e) => e.day === day)?.stopped ?? []),
      );
      expect(await page.locator('svg.rar-chart rect.rar-bar.current').getAttribute('data-day')).toBe(String(day));
    }
    // Clicking a day's column on the chart jumps there.
    await page.locator('svg.rar-chart rect.rar-target').nth(1).click();
    await settle(page);
    expect(await page.locator('#scenario-day').inputValue()).toBe('1');

    // Play advances the days; pause stops.
    await slideTo(page, 0);
    await page.locator('#scenario-play').click();
    await expect
      .poll(() => page.locator('#scenario-day').inputValue().then(Number), { timeout: 5000 })
      .toBeGreaterThanOrEqual(2);
    await page.locator('#scenario-play').click();
    const paused = await page.locator('#scenario-day').inputValue();
    await page.waitForTimeout(1200);
    expect(await page.locator('#scenario-day').inputValue()).toBe(paused);

    // Mid-replay: the day a focal company stops.
    const focalDay = run.focal.find((f) => f.stoppedOn !== null)?.stoppedOn ?? 2;
    await slideTo(page, focalDay);
    expect(await idsWithClass(page, 'down-day')).toEqual(downOn(run, focalDay));
    await page.evaluate(() => {
      const cy = window.__weaklink!.cy;
      cy.stop();
      const nodes = cy.nodes().filter((n) => !n.hasClass('dimmed'));
      cy.fit(nodes, 40);
    });
    await page.waitForTimeout(150);
    await shot(page, 'scenario-replay');

    await save(page, 'Hikone chemical 30 days');
    const mito = await runScenario(page, ['mito-plating'], 30);
    expect(mito.companies.length).toBeGreaterThan(1);
    await save(page, 'Mito plating 30 days');
    await page.locator('#compare-a').selectOption('Hikone chemical 30 days');
    await page.locator('#compare-b').selectOption('Mito plating 30 days');
    await page.locator('#compare-run').click();
    await settle(page);
    const expected = await session.server.get<ScenarioComparison>(
      `/api/scenarios/compare?a=${encodeURIComponent('Hikone chemical 30 days')}&b=${encodeURIComponent('Mito plating 30 days')}`,
    );
    expect(expected.both.length).toBeGreaterThan(0);
    const listed = (key: string): Promise<string[]> =>
      page
        .locator(`[data-list="${key}"] li[data-id]`)
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')!));
    expect(await listed('only-a')).toEqual(expected.onlyA);
    expect(await listed('only-b')).toEqual(expected.onlyB);
    expect(await listed('both')).toEqual(expected.both);
    // The map marks them the same way: only A, only B, both.
    expect(await idsWithClass(page, 'only-a')).toEqual(sorted(expected.onlyA));
    expect(await idsWithClass(page, 'only-b')).toEqual(sorted(expected.onlyB));
    expect(await idsWithClass(page, 'in-both')).toEqual(sorted(expected.both));
    await page.waitForTimeout(450); // the view's move to them
    await shot(page, 'scenario-compare');
    await closeMap(page);
  });

  it('a viewer token may run a scenario but saving says it needs the analyst role', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    // Chromium logs the refused request; that refusal is what this test is about.
    allowProblems(page, /status of 403 \(Forbidden\)/);
    await openScenarioTab(page);
    const run = await runScenario(page, ['kanazawa-trim'], 2);
    expect(await page.locator('svg.rar-chart rect.rar-bar').count()).toBe(run.lastDay + 1);
    await save(page, 'Not allowed');
    await expect.poll(() => page.locator('#scenario-message').textContent()).toContain('needs the analyst role');
    expect(await page.locator('#scenario-message').getAttribute('class')).toContain('error');
    expect((await session.server.get<SavedScenarioList>('/api/scenarios')).items.map((s) => s.name)).not.toContain(
      'Not allowed',
    );
    // A viewer still lists and compares what others saved.
    await expect.poll(() => page.locator('.saved-list li[data-name]').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'scenario-viewer-403');
    await closeMap(page);
  });

  it('shift-clicked companies on the map are the companies the scenario hits', async () => {
    const page = await openMap(session.browser, session.server.pageUrl);
    await openScenarioTab(page);
    const graph = await session.server.get<GraphResponse>('/api/graph?depth=3&limit=1500');
    const [a, b] = graph.nodes.filter((n) => !n.focal).map((n) => n.id);
    for (const [id, shift] of [
      [a!, false],
      [b!, true],
    ] as const) {
      await page.evaluate(
        ([nodeId, additive]) => {
          const node = window.__weaklink!.cy.$id(nodeId);
          node.emit({ type: 'tap', originalEvent: new MouseEvent('click', { shiftKey: additive }) } as never);
        },
        [id, shift] as const,
      );
      await settle(page);
    }
    await expect
      .poll(() =>
        page.locator('.scenario-hit .chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-id'))),
      )
      .toEqual([a, b]);
    await closeMap(page);
  });
});

describe('executive view (Chromium against the API app)', () => {
  it('shows the figures of GET /api/executive, refetches for a new budget, prints on one A4 page', async () => {
    const page = await openMap(session.browser, session.server.pageUrl, { width: 1280, height: 1400 });
    await page.locator('#exec-open').click();
    await page.locator('#exec-report .kpi-grid').waitFor();
    await settle(page);
    expect(page.url()).toMatch(/#executive$/);
    const data = await session.server.get<ExecutiveResponse>('/api/executive');
    const focal = new Map(data.focal.map((f) => [f.id, f.name]));
    const scope = shortName(data.scope!.name);
    const kpi = (key: string): Promise<number> =>
      page.locator(`[data-kpi="${key}"] [data-value]`).first().getAttribute('data-value').then(Number);
    // One focal company per page: the automaker, not a merged title.
    expect(await page.locator('#exec-title').textContent()).toBe(data.scope!.name);
    expect(
      await page.locator('#exec-focal option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['auto-oem', 'retail-hq']);
    expect(await kpi('unassessed')).toBe(data.unassessedShare);
    expect(await kpi('hidden-critical')).toBe(data.hiddenCriticalSuppliers);
    expect(await kpi('expected-loss')).toBe(data.loss.expectedAnnualLoss);
    expect(await kpi('p99')).toBe(data.loss.quantiles.p99);
    expect(Number(await page.locator('[data-kpi="share-of-revenue"]').getAttribute('data-value'))).toBe(
      data.loss.shareOfRevenue,
    );
    expect(await page.locator('[data-kpi="unassessed"] .kpi-value').textContent()).toBe(
      formatPercent(data.unassessedShare),
    );
    expect(await page.locator(`[data-kpi="expected-loss"] .kpi-value`).textContent()).toBe(
      formatYen(data.loss.expectedAnnualLoss),
    );
    expect(await page.locator(`[data-kpi="expected-loss"] .kpi-note`).textContent()).toMatch(/^per year · /);
    // The exceedance chart is an Observable Plot SVG with its two curves.
    await expect.poll(() => page.locator('#exec-chart svg path').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#exec-chart').textContent()).toContain('1-in-100-year');
    // The top 5 contributors, in order, each with the day it stops the automaker and its chain.
    const rows = page.locator('#exec-report .exec-table tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(
      data.topContributors.map((w) => w.id),
    );
    for (const [i, w] of data.topContributors.entries()) {
      expect(await rows.nth(i).locator('.reason').textContent()).toBe(reasonLine(w, focal, shortName));
      if (w.focalStopDay !== null && w.id !== data.scope!.id)
        expect(await rows.nth(i).locator('.stops').textContent()).toBe(` · stops ${scope} on day ${w.focalStopDay}`);
      expect(await rows.nth(i).locator('.path').textContent()).toContain(
        shortName(w.exposurePath[w.exposurePath.length - 1]!.name),
      );
    }
    expect(await page.locator('#exec-plan-headline').textContent()).toBe(planHeadline(data.plan, `${scope}’s`));
    expect(await page.locator('#exec-event').textContent()).toBe(
      worstEventSentence({ ...data.worstEvent!, name: shortName(data.worstEvent!.name) }, scope),
    );
    await shot(page, 'executive', true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await settle(page);
    await shot(page, 'executive-1366');
    await page.setViewportSize({ width: 1280, height: 1400 });

    // The assumptions: shown, changed for the session, sent with the request, reset.
    await page.locator('#exec-assumptions summary').click();
    expect(await page.locator('#exec-assumptions input[name="durations"]').inputValue()).toBe(
      '1:0.2, 5:0.25, 14:0.25, 30:0.15, 60:0.1, 120:0.05',
    );
    await page.locator('#exec-assumptions input[name="hitBase"]').fill('0.03');
    await page.locator('#exec-assumptions-apply').click();
    await settle(page);
    const doubled = await session.server.get<ExecutiveResponse>(
      '/api/executive?hitBase=0.03&hitDecay=0.975&lossRatio=1&durations=1:0.2,5:0.25,14:0.25,30:0.15,60:0.1,120:0.05&costsSme=300000,1000000,3000000,10000000,25000000&costsLarge=1500000,5000000,15000000,50000000,125000000',
    );
    await expect.poll(() => kpi('expected-loss')).toBe(doubled.loss.expectedAnnualLoss);
    expect(await page.locator('#exec-assumptions summary').textContent()).toContain('changed for this session');
    await page.locator('#exec-assumptions-reset').click();
    await settle(page);
    await expect.poll(() => kpi('expected-loss')).toBe(data.loss.expectedAnnualLoss);

    // The retailer's page.
    await page.locator('#exec-focal').selectOption('retail-hq');
    await settle(page);
    const retail = await session.server.get<ExecutiveResponse>('/api/executive?focal=retail-hq');
    await expect.poll(() => page.locator('#exec-title').textContent()).toBe(retail.scope!.name);
    expect(await kpi('expected-loss')).toBe(retail.loss.expectedAnnualLoss);
    await page.locator('#exec-focal').selectOption('auto-oem');
    await settle(page);
    await expect.poll(() => page.locator('#exec-title').textContent()).toBe(data.scope!.name);

    // Another budget: the plan headline follows the API.
    const budget = 10_000_000;
    await page.locator('#exec-budget').fill(String(budget));
    await page.locator('#exec-update').click();
    await settle(page);
    const smaller = await session.server.get<ExecutiveResponse>(`/api/executive?budget=${budget}&focal=auto-oem`);
    await expect
      .poll(() => page.locator('#exec-plan-headline').textContent())
      .toBe(planHeadline(smaller.plan, `${scope}’s`));
    expect(Number(await page.locator('[data-kpi="plan"]').getAttribute('data-spent'))).toBe(smaller.plan.spent);

    // Print: window.print() from the button; the print media hides the map and every control.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.locator('#exec-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['#map', '#toolbar', '#drawer', '#panel', '.topbar', '.exec-toolbar', '#exec-print'])
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    expect(await page.locator('#exec-report').isVisible()).toBe(true);
    await shot(page, 'executive-print', true);
    const pdfPath = join(SCREENSHOTS, 'executive.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: false });
    const pdf = readFileSync(pdfPath).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length).toBe(1);
    // A4 portrait: 595 × 842 points.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(Math.abs(Number(box?.[1]) - 595.3)).toBeLessThan(1);
    expect(Math.abs(Number(box?.[2]) - 841.9)).toBeLessThan(1);
    await page.emulateMedia({ media: 'screen' });

    // The browser's back and forward buttons move between the map and the report.
    await page.goBack();
    await expect.poll(() => page.locator('#executive').isVisible()).toBe(false);
    expect(await page.locator('#map').isVisible()).toBe(true);
    await page.goForward();
    await expect.poll(() => page.locator('#exec-report').isVisible()).toBe(true);
    await settle(page);
    // Back to the map.
    await page.locator('#exec-back').click();
    expect(page.url()).not.toContain('#executive');
    expect(await page.locator('#executive').isVisible()).toBe(false);
    expect(await page.locator('#map').isVisible()).toBe(true);
    await closeMap(page);
  });
});
