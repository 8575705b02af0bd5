/**
 * Editing from the page, in a real browser (Debian's Chromium against the real API app
 * over a MemoryStore holding data/sample, as test/e2e/map.test.ts): an analyst edits a
 * company's ★ level in its panel (checked input, the saved sentence, the new level in the
 * panel and in the API, a 409 once the network changed meanwhile); a viewer is not offered
 * the editor; an admin uploads data/sample's two CSV files (the loaded sentence, the
 * network as the API then answers it) and a broken file (every located issue listed).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyDetailResponse, GraphResponse, SummaryResponse } from '../../src/contract/api-types.ts';
import type { Company } from '../../src/model/types.ts';
import {
  allowProblems,
  closeMap,
  ensureWebBundle,
  launchChromium,
  loadNetwork,
  openMap,
  ROOT,
  SCREENSHOTS,
  settle,
  startServer,
  type RunningServer,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;
let companies: Company[];

beforeAll(async () => {
  ensureWebBundle();
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer(await loadNetwork('data/sample'));
  browser = await launchChromium();
  companies = (await loadNetwork('data/sample')).companies;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const detailOf = (id: string) =>
  server.request<CompanyDetailResponse>('GET', `/api/companies/${encodeURIComponent(id)}`);

/** Focuses company `id` through the map's search box, as a user would, and waits for its panel. */
async function openCompany(page: Page, id: string, name: string): Promise<void> {
  await page.locator('#search').fill(name);
  await page.locator(`#search-results li.result[data-id="${id}"]`).click();
  await settle(page);
  await expect.poll(() => page.locator('#panel h2.company-name').textContent()).toBe(name);
}

/** A company of the overview with a ★ level below 5 and no security score, so its level decides its own score. */
async function levelled(skip: string[] = []): Promise<Company> {
  const view = await server.request<GraphResponse>('GET', '/api/graph?depth=3&limit=1500');
  const inView = new Set(view.nodes.map((n) => n.id));
  return companies.find(
    (c) =>
      inView.has(c.id) &&
      !skip.includes(c.id) &&
      c.securityScore === null &&
      c.scsLevel !== null &&
      c.scsLevel >= 1 &&
      c.scsLevel < 5,
  )!;
}

describe('editing from the page (Chromium against the API app)', () => {
  it('a viewer is not offered the level editor nor the upload', async () => {
    const page = await openMap(browser, server.pageUrl);
    const target = await levelled();
    await openCompany(page, target.id, target.name);
    expect(await page.locator('#panel [data-action="edit-level"]').count()).toBe(0);
    expect(await page.locator('button.upload-open').count()).toBe(0);
    await closeMap(page);
  });

  it("an analyst edits a company's level: the input is checked, the saved sentence and the new ★ show", async () => {
    const page = await openMap(browser, server.analystPageUrl);
    const target = await levelled();
    const from = target.scsLevel!;
    const to = from + 1;
    await openCompany(page, target.id, target.name);
    await expect.poll(() => page.locator('#panel .level-row .own-level').textContent()).toBe(`★${from}`);
    expect(await page.locator('button.upload-open').count()).toBe(0); // upload: admins only
    await page.locator('#panel [data-action="edit-level"]').click();
    await page.locator('#edit-level').selectOption(String(to));
    // A score out of range is refused next to its field, before anything is sent.
    await page.locator('#edit-score').fill('150');
    await page.locator('#panel form.level-edit-form button[type="submit"]').click();
    await expect.poll(() => page.locator('#panel .level-edit .field-error').textContent()).toContain('0 to 100');
    expect((await detailOf(target.id)).company.ownLevel).toBe(from);
    await shot(page, 'edit-level-invalid');
    await page.locator('#edit-score').fill('');
    await page.locator('#panel form.level-edit-form button[type="submit"]').click();
    await settle(page);
    await expect
      .poll(() => page.locator('#panel .edit-outcome').textContent())
      .toBe(`Saved: ★${from} → ★${to}. The analysis is updated.`);
    // The panel shows the analysis of the new version, as the API answers it.
    const after = await detailOf(target.id);
    expect(after.company.ownLevel).toBe(to);
    await expect.poll(() => page.locator('#panel .level-row .own-level').textContent()).toBe(`★${to}`);
    await expect
      .poll(() => page.locator('#panel .score-row .score-value').nth(1).textContent())
      .toBe(String(after.company.ownScore));
    await shot(page, 'edit-level-saved');
    await closeMap(page);
  });

  it('an edit of a network that changed meanwhile is refused with a reload asked', async () => {
    const page = await openMap(browser, server.analystPageUrl);
    allowProblems(page, /409/);
    const target = await levelled();
    await openCompany(page, target.id, target.name);
    // Someone else edits another company: the page's version is no longer current.
    const other = await levelled([target.id]);
    const { version } = await server.request<SummaryResponse>('GET', '/api/summary');
    await server.request(
      'PATCH',
      `/api/companies/${encodeURIComponent(other.id)}`,
      { version, scsLevel: 5 },
      server.adminToken,
    );
    await page.locator('#panel [data-action="edit-level"]').click();
    await page.locator('#edit-level').selectOption('0');
    await page.locator('#panel form.level-edit-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('#panel .edit-outcome').textContent())
      .toBe('The network changed since you opened it — reload to edit the current version.');
    await closeMap(page);
  });

  it('an admin uploads a broken file (every issue listed, nothing changed), then data/sample (loaded)', async () => {
    const page = await openMap(browser, server.adminPageUrl);
    allowProblems(page, /400/);
    const before = await server.request<SummaryResponse>('GET', '/api/summary');
    const csv = (name: string) => readFileSync(join(ROOT, 'data/sample', name));
    await page.locator('.topbar').screenshot({ path: join(SCREENSHOTS, 'upload-button.png') });
    await page.locator('button.upload-open').click();
    await expect.poll(() => page.locator('dialog.upload-dialog').isVisible()).toBe(true);
    // companies.csv with a level of 9 on its second data row (line 3): refused, located.
    const lines = csv('companies.csv').toString('utf8').split('\n');
    const line3 = lines[2]!.replace(',sme,1,,', ',sme,9,,');
    expect(line3).not.toBe(lines[2]);
    const broken = [...lines.slice(0, 2), line3, ...lines.slice(3)].join('\n');
    await page.locator('input[name="companies"]').setInputFiles({
      name: 'companies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(broken),
    });
    await page.locator('input[name="supplies"]').setInputFiles(join(ROOT, 'data/sample/supplies.csv'));
    await page.locator('dialog.upload-dialog button[type="submit"]').click();
    await expect.poll(() => page.locator('.upload-outcome.refused').textContent()).toMatch(/^Nothing was loaded/);
    const issue = page.locator('.upload-issues tr.issue.error').first();
    expect(await issue.locator('td').nth(0).textContent()).toBe('companies.csv');
    expect(await issue.locator('td').nth(1).textContent()).toBe('3');
    expect(await issue.locator('td').nth(3).textContent()).toBe('scs_level');
    expect((await server.request<SummaryResponse>('GET', '/api/summary')).version).toBe(before.version);
    await shot(page, 'upload-refused');
    // The sample itself loads.
    await page.locator('input[name="companies"]').setInputFiles(join(ROOT, 'data/sample/companies.csv'));
    await page.locator('dialog.upload-dialog button[type="submit"]').click();
    await expect.poll(() => page.locator('.upload-outcome.loaded').textContent()).toMatch(/^Loaded /);
    const after = await server.request<SummaryResponse>('GET', '/api/summary');
    expect(after.version).not.toBe(before.version);
    expect(await page.locator('.upload-outcome.loaded').textContent()).toMatch(
      new RegExp(`^Loaded ${after.companies} companies and ${after.supplies} supplies \\(\\d+ warnings?\\)$`),
    );
    await shot(page, 'upload-loaded');
    await page.locator('dialog.upload-dialog button', { hasText: 'Close' }).click();
    await settle(page);
    await expect.poll(() => page.locator('#summary').textContent()).toContain(String(after.companies));
    await closeMap(page);
  });
});
