/**
 * The progress bar of heavy requests in a real browser (Debian's Chromium against the
 * real API app over a generated 150,000-company network, so that the executive view takes
 * a while on the worker pool): opening the executive view shows "Executive view: …" with
 * a bar that fills, read from GET /api/jobs/{id} while the request is pending, and the
 * bar goes away when the report arrives. Saved to test/e2e/screenshots/progress.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import {
  closeMap,
  ensureWebBundle,
  launchChromium,
  openMap,
  shot,
  startServer,
  type RunningServer,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBundle();
  server = await startServer(generateNetwork({ companies: 150_000, seed: 5 }, collectNetwork()).network);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the progress bar', () => {
  it('shows while the executive view is computed on the pool, then goes away', async () => {
    const page = await openMap(browser, server.pageUrl);
    await page.evaluate(() => (location.hash = '#executive'));
    const bar = page.locator('#job-progress .job-progress');
    await bar.waitFor({ timeout: 20_000 });
    await expect.poll(() => bar.textContent(), { timeout: 20_000 }).toMatch(/^Executive view: (\d+ %|waiting)/);
    const filled = page.locator('#job-progress [role="progressbar"]');
    await expect
      .poll(async () => Number((await filled.getAttribute('aria-valuenow')) ?? 0), { timeout: 20_000, interval: 50 })
      .toBeGreaterThan(0);
    await page.waitForTimeout(150); // the fill's width follows in 0.1 s
    await shot(page, 'progress');
    await page.locator('#exec-report .kpi-grid').waitFor({ timeout: 60_000 });
    await expect.poll(() => bar.count(), { timeout: 5_000 }).toBe(0);
    await closeMap(page);
  }, 120_000);
});
