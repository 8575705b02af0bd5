/**
 * Benchmark of the map in headless Chromium: time from navigation to the first drawn map
 * (`window.__weaklink.readyAt`: summary and graph fetched, layout computed, Cytoscape
 * drawn) for a synthetic network generated here (a seeded PRNG, so every run draws the
 * same network), served by the real API app. Then the frame times while the user drags
 * the map (Cytoscape's viewport texture) and while the zoom changes programmatically
 * (a full redraw per frame, the worst case). Two sizes: ~1,500 companies with ~2,000
 * supplies, and a denser one of ~5,000 elements. Prints figures, asserts nothing.
 *
 *     npx tsx test/bench/map-render.ts [--runs 3] [--webgl]
 *
 * Headless Chromium runs with --disable-gpu: canvas drawing is software-rendered, so
 * these are pessimistic figures for a desktop browser.
 */
import { Random } from '../../src/generate/random.ts';
import type { Page } from 'playwright-core';
import type { Company, Network, Supply } from '../../src/model/types.ts';
import { ensureWebBundle, launchChromium, startServer } from '../e2e/harness.ts';

interface Shape {
  label: string;
  /** Companies per tier, tier 0 (focal) first. */
  tiers: number[];
  /** Expected extra buyers per company beyond the first (each in the tier below). */
  extraBuyers: number;
}

const SHAPES: Shape[] = [
  { label: '~1,500 companies / ~2,000 supplies', tiers: [3, 120, 420, 930], extraBuyers: 0.36 },
  { label: '~5,000 elements (1,470 companies / ~3,500 supplies)', tiers: [3, 120, 420, 927], extraBuyers: 1.4 },
];

/** A layered network: every company of tier t ≥ 1 supplies one or more companies of tier t − 1. */
function syntheticNetwork(shape: Shape, seed = 7): Network {
  const rng = new Random(seed);
  const random = (): number => rng.unit();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const countries = ['JP', 'JP', 'JP', 'CN', 'TW', 'KR', 'VN', 'TH', 'US', 'DE'];
  const commodities = ['castings', 'resin', 'chips', 'logistics', 'erp-hosting', 'fasteners', 'glass', 'textiles'];
  const accesses: Supply['access'][] = ['none', 'none', 'none', 'none', 'data', 'network', 'software'];
  const companies: Company[] = [];
  const byTier: string[][] = [];
  shape.tiers.forEach((count, tier) => {
    byTier.push([]);
    for (let i = 0; i < count; i++) {
      const id = `t${tier}-${i}`;
      byTier[tier]!.push(id);
      const assessed = random() > 0.1;
      companies.push({
        id,
        name: tier === 0 ? `Focal Manufacturing ${i + 1}` : `Supplier ${tier}-${i} Co., Ltd.`,
        country: pick(countries),
        industry: null,
        size: tier === 0 ? 'large' : random() < 0.8 ? 'sme' : 'large',
        scsLevel: assessed ? Math.floor(random() * 5) : null,
        securityScore: null,
        revenue: tier === 0 ? 1_000_000 : Math.round(100 + random() * 50_000),
        focal: tier === 0,
      });
    }
  });
  const supplies: Supply[] = [];
  const seen = new Set<string>();
  for (let tier = 1; tier < byTier.length; tier++) {
    for (const supplier of byTier[tier]!) {
      const buyers = 1 + Math.floor(shape.extraBuyers) + (random() < shape.extraBuyers % 1 ? 1 : 0);
      for (let b = 0; b < buyers; b++) {
        const buyer = pick(byTier[tier - 1]!);
        const commodity = pick(commodities);
        const key = `${supplier}|${buyer}|${commodity}`;
        if (seen.has(key)) continue;
        seen.add(key);
        supplies.push({
          supplier,
          buyer,
          commodity,
          share: null,
          spend: null,
          access: pick(accesses),
          bufferDays: null,
        });
      }
    }
  }
  return { companies, supplies };
}

async function frameTimes(page: Page, drive: 'drag' | 'zoom'): Promise<{ mean: number; p95: number }> {
  const box = (await page.locator('#map').boundingBox())!;
  // (No named functions inside evaluate: tsx would wrap them in a helper the page lacks.)
  const sampling = page.evaluate(async (frames) => {
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < frames; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times.slice(1);
  }, 60);
  if (drive === 'drag') {
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.mouse.down();
    for (let i = 0; i < 60; i++)
      await page.mouse.move(box.x + box.width * 0.3 + i * 4, box.y + box.height * 0.5 + (i % 10));
    await page.mouse.up();
  } else {
    await page.evaluate(async () => {
      const cy = window.__weaklink!.cy;
      for (let i = 0; i < 60; i++) {
        cy.zoom({
          level: cy.zoom() * (i < 30 ? 1.03 : 0.97),
          renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
        });
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
  }
  const times = (await sampling).sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / Math.max(1, times.length);
  return { mean, p95: times[Math.floor(times.length * 0.95)] ?? mean };
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const webgl = args.includes('--webgl');
const ms = (x: number): string => `${x.toFixed(0)} ms`;

ensureWebBundle();
const browser = await launchChromium();
try {
  console.log(
    `map-render: headless Chromium ${browser.version()}, ${runs} runs each, renderer ${webgl ? 'WebGL requested' : 'canvas'}`,
  );
  for (const shape of SHAPES) {
    const network = syntheticNetwork(shape);
    const server = await startServer(network);
    try {
      const ready: number[] = [];
      const marks: Record<'script' | 'summary' | 'graph' | 'placed' | 'ready', number>[] = [];
      let elements = '';
      let renderer = '';
      let drag = { mean: 0, p95: 0 };
      let zoom = { mean: 0, p95: 0 };
      for (let run = 0; run < runs; run++) {
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(`${server.url}/?webgl=${webgl ? 1 : 0}#token=${server.token}`);
        await page.waitForFunction(() => window.__weaklink?.isReady === true, undefined, { timeout: 120_000 });
        ready.push(await page.evaluate(() => window.__weaklink!.readyAt!));
        marks.push(
          await page.evaluate(() => {
            const [summary, graph, placed] = ['summary-fetched', 'graph-fetched', 'graph-placed'].map(
              (name) => performance.getEntriesByName(`weaklink:${name}`)[0]?.startTime ?? NaN,
            );
            const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.js')) as
              PerformanceResourceTiming | undefined;
            return {
              script: script ? script.responseEnd : NaN,
              summary: summary!,
              graph: graph!,
              placed: placed!,
              ready: window.__weaklink!.readyAt!,
            };
          }),
        );
        if (run === runs - 1) {
          const count = await page.evaluate(() => ({
            nodes: window.__weaklink!.cy.nodes().length,
            edges: window.__weaklink!.cy.edges().length,
            renderer: window.__weaklink!.renderer,
          }));
          elements = `${count.nodes} nodes + ${count.edges} edges = ${count.nodes + count.edges} elements`;
          renderer = count.renderer;
          drag = await frameTimes(page, 'drag');
          zoom = await frameTimes(page, 'zoom');
        }
        await page.close();
      }
      ready.sort((a, b) => a - b);
      console.log(
        `\n${shape.label}: ${network.companies.length} companies, ${network.supplies.length} supplies; on the map ${elements} (${renderer})`,
      );
      console.log(
        `  navigation → first drawn map: median ${ms(ready[Math.floor(ready.length / 2)]!)} (runs: ${ready.map(ms).join(', ')})`,
      );
      const last = marks[marks.length - 1]!;
      console.log(
        `  last run, ms since navigation: bundle loaded ${ms(last.script)}, summary ${ms(last.summary)}, graph ${ms(last.graph)}, laid out + added ${ms(last.placed)}, drawn ${ms(last.ready)}`,
      );
      console.log(`  frame time while dragging the map: mean ${ms(drag.mean)}, p95 ${ms(drag.p95)}`);
      console.log(`  frame time while zooming (full redraw each frame): mean ${ms(zoom.mean)}, p95 ${ms(zoom.p95)}`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
