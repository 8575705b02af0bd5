/**
 * Nobody starves the server (issue 13, F1/F2): on a generated network of 30,000 companies,
 * the heaviest requests viewers may start — the annual loss with as many runs as a
 * viewer's budget allows, the plan, the executive view and a scenario with 50 what-ifs —
 * run while `/api/health` and `GET /api/companies/{id}` are asked again and again: every
 * one of those answers within 100 ms (the demand), because the heavy work runs on
 * the worker pool, not on the event loop. The server is warmed as `npm start` warms it
 * (the analysis, the pool's copy of the network) before the clock starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { AnalysisCache } from '../../src/app/analysis-cache.ts';
import { AnalysisPool } from '../../src/analysis-runtime/analysis-pool.ts';
import { COST_DEFAULTS } from '../../src/app/job-cost.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { get, post, quietLogger, serve, testAuth, type Answer, type Served } from '../server/helpers.ts';

const COMPANIES = 30_000;
const LIMIT_MS = 100;

let server: Served;
let pool: AnalysisPool;
let viewers: string[];
let ids: string[];

beforeAll(async () => {
  const { network } = generateNetwork({ companies: COMPANIES, seed: 7 }, collectNetwork());
  ids = network.companies.map((c) => c.id);
  const store = new MemoryStore();
  await store.load(network);
  const auth = await testAuth();
  viewers = [auth.viewer, (await auth.tokens.create('viewer-2', 'viewer')).token];
  pool = new AnalysisPool();
  const cache = new AnalysisCache(store, {}, pool.runner);
  const view = await cache.view();
  view.warm();
  await pool.prepare(view);
  server = await serve(createApp({ store, cache, pool, auth, logger: quietLogger() }), auth.viewer);
  // The workers start and hold the version, as after any first job.
  await Promise.all([1, 2].map((seed) => post(server.url, '/api/risk', { runs: 10, seed })));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await pool?.destroy();
});

/** Milliseconds `ask` takes, and its status. */
async function timed(ask: () => Promise<Answer>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const { status } = await ask();
  return { ms: performance.now() - started, status };
}

describe('the server under the heaviest viewer requests', () => {
  it(`answers /api/health and a company within ${LIMIT_MS} ms while they run`, async () => {
    const as = (i: number) => ({ token: viewers[i % 2]! });
    const maxRuns = Math.min(100_000, Math.floor(COST_DEFAULTS.budgets.viewer / COMPANIES));
    const whatIf = Array.from({ length: 50 }, (_, i) => ({
      op: 'raise-level' as const,
      company: ids[(i * 7919) % ids.length]!,
      level: 5,
    }));
    const heavy = [
      post(server.url, '/api/risk', { runs: maxRuns, seed: 11 }, 'application/json', as(0)),
      post(server.url, '/api/scenario', { hit: [ids[1]!], days: 30, whatIf }, 'application/json', as(0)),
      post(server.url, '/api/plan', { budget: 5e9 }, 'application/json', as(1)),
      get(server.url, '/api/executive?budget=300000000', as(1)),
    ];
    let pending = heavy.length;
    const finished = heavy.map((p) => p.finally(() => pending--));
    const probes: { ms: number; status: number; what: string }[] = [];
    for (let i = 0; pending > 0; i++) {
      probes.push({ ...(await timed(() => get(server.url, '/api/health'))), what: 'health' });
      const id = ids[(i * 31) % ids.length]!;
      probes.push({ ...(await timed(() => get(server.url, `/api/companies/${id}`))), what: `company ${id}` });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answers = await Promise.all(finished);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(probes.length).toBeGreaterThan(20);
    expect(probes.filter((p) => p.status !== 200)).toEqual([]);
    const sorted = probes.map((p) => p.ms).sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
    console.log(
      `responsive: ${probes.length} probes while the heavy requests ran: p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
    );
    expect(probes.filter((p) => p.ms >= LIMIT_MS).map((p) => `${p.what}: ${p.ms.toFixed(0)} ms`)).toEqual([]);
  }, 300_000);
});
