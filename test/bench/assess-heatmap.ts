/**
 * Benchmark of the self-assessment heat map in headless Chromium: the time from "Read the
 * workbooks" to the drawn heat map, and of one change of order (criteria, then suppliers),
 * for a synthetic answer of POST /api/assess (seeded, so every run draws the same map) of
 * 50 and 200 suppliers × 153 criteria (IPA's ★3 and ★4 counts together). The answer is
 * served by intercepting the request, so the figures are the page's alone (the server's
 * reading of the workbooks is measured in the README's "Self-assessment workbooks").
 * Prints figures, asserts nothing.
 *
 *     npx tsx test/bench/assess-heatmap.ts [--runs 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssessResponse } from '../../src/contract/api-types.ts';
import { Random } from '../../src/generate/random.ts';
import { ensureWebBundle, launchChromium, loadNetwork, startServer } from '../e2e/harness.ts';

const CRITERIA = 153;
const SIZES = [50, 200];

/** A seeded answer: `suppliers` × 153 criteria (81 ★3 then 72 ★4), answers drawn at random. */
function syntheticAnswer(suppliers: number, seed = 11): AssessResponse {
  const rng = new Random(seed);
  const codes = ['o', 'o', 'o', 'p', 'x', '-'];
  const risk = Array.from({ length: suppliers }, () => Math.round(rng.unit() * 5e9));
  const answers = risk.map(() => Array.from({ length: CRITERIA }, () => codes[Math.floor(rng.unit() * codes.length)]!));
  const count = (s: number, from: number, to: number, code: string): number =>
    answers[s]!.slice(from, to).filter((c) => c === code).length;
  const counts = (s: number, from: number, to: number) => ({
    met: count(s, from, to, 'o'),
    partly: count(s, from, to, 'p'),
    'not-met': count(s, from, to, 'x'),
    unanswered: count(s, from, to, '-'),
  });
  const ids = Array.from({ length: CRITERIA }, (_, i) => `${1 + (i % 7)}-${1 + Math.floor(i / 7)}-1-${1 + (i % 3)}`);
  return {
    catalog: { file: 'blank.xlsx', sha256: '0'.repeat(64), criteria: CRITERIA },
    suppliers: risk.map((r, s) => ({
      company: `s${s}`,
      name: `Supplier ${s} Precision Works Co., Ltd.`,
      file: `s${s}.xlsx`,
      riskContribution: r,
      star3: counts(s, 0, 81),
      star4: counts(s, 81, CRITERIA),
      readyForStar3: false,
      unmet: ids.filter((_, c) => answers[s]![c] === 'p' || answers[s]![c] === 'x'),
      answers: answers[s]!.join(''),
    })),
    criteria: ids.map((id, c) => {
      const failing = risk.map((r, s) => ({ r, a: answers[s]![c]! })).filter((x) => x.a === 'p' || x.a === 'x');
      return {
        rank: c + 1,
        position: c,
        id,
        level: c < 81 ? 3 : 4,
        category: Number(id[0]),
        text: `Invented criterion ${id}: a measure described in a sentence of ordinary length.`,
        failing: failing.length,
        notMet: failing.filter((x) => x.a === 'x').length,
        partly: failing.filter((x) => x.a === 'p').length,
        unanswered: answers.filter((a) => a[c] === '-').length,
        riskContribution: failing.reduce((sum, x) => sum + x.r, 0),
        suppliers: [],
      };
    }),
  };
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

ensureWebBundle();
const server = await startServer(await loadNetwork('data/sample'));
const browser = await launchChromium();
const dir = mkdtempSync(join(tmpdir(), 'weaklink-bench-assess-'));
writeFileSync(join(dir, 'blank.xlsx'), 'x');
writeFileSync(join(dir, 'a.xlsx'), 'x');
try {
  console.log(`assess-heatmap: headless Chromium ${browser.version()}, ${runs} runs each, ${CRITERIA} criteria`);
  for (const suppliers of SIZES) {
    const body = JSON.stringify(syntheticAnswer(suppliers));
    const draw: number[] = [];
    const sortRows: number[] = [];
    const sortCols: number[] = [];
    let cells = 0;
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.route('**/api/assess', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      );
      await page.goto(server.analystPageUrl);
      await page.waitForFunction(() => window.__weaklink?.isReady === true);
      await page.locator('#assess-open').click();
      await page.locator('input[name="workbooks"]').setInputFiles(join(dir, 'a.xlsx'));
      await page.locator('input[name="catalog"]').setInputFiles(join(dir, 'blank.xlsx'));
      const timed = async (act: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        await act();
        await done();
        return performance.now() - t0;
      };
      draw.push(
        await timed(
          () => page.locator('.assess-form button[type="submit"]').click(),
          () => page.locator('.heat-map').waitFor(),
        ),
      );
      cells = await page.locator('td.heat-cell').count();
      const firstRow = () => page.locator('tbody tr[data-criterion]').first().getAttribute('data-criterion');
      const before = await firstRow();
      sortRows.push(
        await timed(
          () => page.locator('#assess-sort-criteria').selectOption('id'),
          () =>
            page.waitForFunction(
              (b) => document.querySelector('tbody tr[data-criterion]')?.getAttribute('data-criterion') !== b,
              before,
            ),
        ),
      );
      sortCols.push(
        await timed(
          () => page.locator('#assess-sort-suppliers').selectOption('name'),
          () =>
            page.waitForFunction(
              () => document.querySelector('thead th.heat-supplier')?.getAttribute('data-company') === 's0',
            ),
        ),
      );
      await page.close();
    }
    console.log(`  ${suppliers} suppliers × ${CRITERIA} criteria (${cells.toLocaleString('en-US')} cells):`);
    console.log(`    Read → heat map drawn: median ${ms(median(draw))} (runs: ${draw.map(ms).join(', ')})`);
    console.log(
      `    criteria re-ordered: median ${ms(median(sortRows))}; suppliers re-ordered: median ${ms(median(sortCols))}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
