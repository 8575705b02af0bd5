/**
 * The Scenario tab's "What if…" section in a real browser: Debian's Chromium
 * (playwright-core) against the real API app over data/sample (the setup of
 * scenario.test.ts). A 30-day breach at hikone-chemical is run with two what-ifs added
 * through the form — its supplier fukui-petrochem raised to ★5, and kanazawa-trim given
 * a second source of resin — and the before/after the page shows is checked against the
 * API's answers for the same run without and with them; saving keeps the what-ifs.
 * The view is saved to test/e2e/screenshots/what-if.png for a human eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SavedScenario, ScenarioResponse, WhatIfComparison, WhatIfOp } from '../../src/contract/api-types.ts';
import { closeMap, openMap, SCREENSHOTS, settle, sampleSession } from './harness.ts';

const session = sampleSession();

async function openScenarioTab(page: Page): Promise<void> {
  await page.locator('button[data-tab="scenario"]').click();
  await page.locator('[data-tab-pane="scenario"][data-loaded="true"]').waitFor();
  await settle(page);
}

/** Types `id` into the company box `selector` and takes it with Enter (the exact id). */
async function pickCompany(page: Page, selector: string, id: string): Promise<void> {
  await page.locator(selector).fill(id);
  await page.locator(selector).press('Enter');
  await settle(page);
}

/** The figure of row `key` of the before/after table, on side `side`. */
const figure = (page: Page, key: string, side: 'before' | 'after'): Promise<number> =>
  page.locator(`.whatif-table tr[data-row="${key}"] td[data-side="${side}"]`).getAttribute('data-value').then(Number);

describe('what-if panel (Chromium against the API app)', () => {
  it('raises a supplier of the hit company and adds a second source, runs, and shows before and after as the API answers; saving keeps the what-ifs', async () => {
    const page = await openMap(session.browser, session.server.analystPageUrl);
    await openScenarioTab(page);
    await pickCompany(page, '#scenario-add', 'hikone-chemical');
    await expect
      .poll(() =>
        page.locator('.scenario-hit .chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-id'))),
      )
      .toEqual(['hikone-chemical']);
    await page.locator('#scenario-days').fill('30');

    // The what-ifs, through the form.
    await page.locator('.whatif summary').click();
    await page.locator('#whatif-kind').selectOption('raise-level');
    await pickCompany(page, '#whatif-company', 'fukui-petrochem');
    await expect
      .poll(() => page.locator('[data-field="whatif-company"] .chip').getAttribute('data-id'))
      .toBe('fukui-petrochem');
    await page.locator('#whatif-level').selectOption('5');
    await page.locator('#whatif-add').click();
    await page.locator('#whatif-kind').selectOption('add-supplier');
    await pickCompany(page, '#whatif-buyer', 'kanazawa-trim');
    await pickCompany(page, '#whatif-supplier', 'tsuruga-chemical');
    await page.locator('#whatif-commodity').fill('resin');
    await page.locator('#whatif-share').fill('50');
    await page.locator('#whatif-add').click();
    const ops: WhatIfOp[] = [
      { op: 'raise-level', company: 'fukui-petrochem', level: 5 },
      { op: 'add-supplier', buyer: 'kanazawa-trim', supplier: 'tsuruga-chemical', commodity: 'resin', share: 0.5 },
    ];
    await expect.poll(() => page.locator('.whatif-list li').count()).toBe(2);
    expect(await page.locator('.whatif-list li').first().textContent()).toContain('★5');

    // Run: the page's before/after is the API's run without and with them.
    await page.locator('#scenario-run').click();
    await settle(page);
    await page.locator('.whatif-result').waitFor();
    const before = (
      await session.server.post<ScenarioResponse>('/api/scenario', { hit: ['hikone-chemical'], days: 30 })
    ).scenario;
    const withOps = await session.server.post<ScenarioResponse>('/api/scenario', {
      hit: ['hikone-chemical'],
      days: 30,
      whatIf: ops,
    });
    const after = withOps.scenario;
    const comparison = withOps.whatIf as WhatIfComparison;
    expect(await figure(page, 'disrupted', 'before')).toBe(before.companies.length);
    expect(await figure(page, 'disrupted', 'after')).toBe(after.companies.length);
    expect(await figure(page, 'revenue', 'before')).toBe(before.totalRevenueAtRisk);
    expect(await figure(page, 'revenue', 'after')).toBe(after.totalRevenueAtRisk);
    expect(await figure(page, 'risk', 'before')).toBe(comparison.totalRisk.before);
    expect(await figure(page, 'risk', 'after')).toBe(comparison.totalRisk.after);
    // The what-ifs change the outcome: the second source keeps kanazawa-trim running, ★5 lowers the risk.
    expect(after.companies.map((c) => c.id)).not.toContain('kanazawa-trim');
    expect(before.companies.map((c) => c.id)).toContain('kanazawa-trim');
    expect(await figure(page, 'disrupted', 'after')).toBeLessThan(await figure(page, 'disrupted', 'before'));
    expect(await figure(page, 'risk', 'after')).not.toBe(await figure(page, 'risk', 'before'));
    expect(await page.locator('.whatif-table tr[data-row="disrupted"]').getAttribute('class')).toContain('changed');
    // The replay is the run with the what-ifs.
    expect(Number(await page.locator('#scenario-total').getAttribute('data-value'))).toBe(after.totalRevenueAtRisk);
    expect(await page.locator('svg.rar-chart rect.rar-bar').count()).toBe(after.lastDay + 1);
    await page.locator('.whatif-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'what-if.png') });

    // Saving keeps the what-ifs; loading brings them back to the form.
    await page.locator('#scenario-name').fill('Hikone with a second resin source');
    await page.locator('#scenario-save').click();
    await settle(page);
    await expect.poll(() => page.locator('#scenario-message').textContent()).toContain('Saved');
    const saved = await session.server.get<SavedScenario>(
      `/api/scenarios/${encodeURIComponent('Hikone with a second resin source')}`,
    );
    expect(saved.whatIf).toEqual(ops);
    expect(saved.result.totalRevenueAtRisk).toBe(after.totalRevenueAtRisk);
    while ((await page.locator('.whatif-list li button').count()) > 0)
      await page.locator('.whatif-list li button').first().click();
    await page
      .locator('.saved-list li[data-name="Hikone with a second resin source"] button[data-action="load"]')
      .click();
    await settle(page);
    await expect.poll(() => page.locator('.whatif-list li').count()).toBe(2);
    expect(Number(await page.locator('#scenario-total').getAttribute('data-value'))).toBe(after.totalRevenueAtRisk);
    await closeMap(page);
  });
});
