/**
 * Benchmark of the analysis pool (issue 13, F1/F2) on a generated network (src/generate,
 * seeded; default 100,000 companies). Prints:
 *
 * - what a network version costs the pool: writing the network once on the main thread
 *   (ms, MB, the longest event-loop stall meanwhile) and a worker rebuilding its view from it (parse + index + analyse, ms);
 * - the longest event-loop stall while a 50-what-if scenario runs, in this thread (as
 *   before the pool) and on the pool;
 * - each heavy job's estimated cost (job-cost.ts) and its time on one worker, i.e. the
 *   work units per second the budgets assume;
 * - the largest request each role may start, and its cost;
 * - health p99 while the heaviest viewer requests run: an app with auth on serves the
 *   network on 127.0.0.1, four heavy viewer requests run, and /api/health is asked every
 *   20 ms until they are done.
 *
 * Figures, not pass/fail; not part of `npm test`.
 *
 *     npx tsx test/bench/pool.ts [--companies 100000]
 */
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../server/app.ts';
import { runAnalysis } from '../../src/analysis/analyze.ts';
import { AnalysisPool } from '../../src/analysis-runtime/analysis-pool.ts';
import { AnalysisCache } from '../../src/app/analysis-cache.ts';
import { runHere, type HeavyKind, type HeavyParams, type JobProgress } from '../../src/app/heavy-jobs.ts';
import { COST_DEFAULTS, jobCost } from '../../src/app/job-cost.ts';
import { NetworkView } from '../../src/app/network-view.ts';
import { TokenStore } from '../../src/auth/token-store.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';
import type { WhatIf } from '../../src/model/scenario.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const { values } = parseArgs({ options: { companies: { type: 'string', default: '100000' } } });
const companies = Number(values.companies);
const since = (t: number): number => performance.now() - t;
const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const fresh = (): JobProgress => ({ state: 'queued', done: 0, total: 1, startedAt: null });
const signal = new AbortController().signal;

/** The longest gap between 5 ms ticks of the event loop while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  await work();
  clearInterval(timer);
  return Math.max(longest, performance.now() - last);
}

let t = performance.now();
const { network } = generateNetwork({ companies, seed: 7 }, collectNetwork());
console.log(`generated ${fmt(companies)} companies, ${fmt(network.supplies.length)} supplies in ${fmt(since(t))} ms`);
t = performance.now();
const analysis = runAnalysis(indexNetwork(network));
console.log(`main thread: index + analysis ${fmt(since(t))} ms`);

// --- what a version costs -------------------------------------------------------------
const pool = new AnalysisPool({ workers: 1 });
const view = new NetworkView('v1', analysis, pool.runner);
t = performance.now();
const writeStall = await longestStall(() => pool.prepare(view));
const writeMs = since(t);
const bytes = Buffer.byteLength(JSON.stringify(network));
console.log(
  `main thread: the network written for the workers once per version in ${fmt(writeMs)} ms (${(bytes / 1e6).toFixed(1)} MB, shared with every task), the event loop stalled at most ${fmt(writeStall)} ms meanwhile`,
);
const tiny = (v: NetworkView) => pool.run(v, 'plan', { budget: 1 }, { signal, progress: fresh() });
const rssBefore = process.memoryUsage().rss;
t = performance.now();
await tiny(view);
const first = since(t);
const rssWorker = process.memoryUsage().rss - rssBefore;
t = performance.now();
await tiny(view);
const again = since(t);
console.log(
  `worker: first job ${fmt(first)} ms (thread start + view built; the process grew ${fmt(rssWorker / 1e6)} MB), the same job again ${fmt(again)} ms`,
);
const view2 = new NetworkView('v2', analysis, pool.runner);
await pool.prepare(view2);
t = performance.now();
await tiny(view2);
console.log(`worker: a new version costs a running worker ${fmt(since(t) - again)} ms (parse + index + analyse)`);
await tiny(view);

// --- event-loop stall of a 50-what-if scenario ------------------------------------------
const ids = network.companies.map((c) => c.id);
const whatIf: WhatIf[] = Array.from({ length: 50 }, (_, i) => ({
  op: 'raise-level',
  company: ids[(i * 7919) % ids.length]!,
  level: 5,
}));
const scenario = { hit: [ids[1]!], days: 30, whatIf };
const local = new NetworkView('v1', analysis);
const before = await longestStall(() => runHere(local, 'scenario', scenario, { signal, progress: fresh() }));
const after = await longestStall(() => pool.run(view, 'scenario', scenario, { signal, progress: fresh() }));
console.log(
  `50-what-if scenario: longest event-loop stall ${fmt(before)} ms in the main thread (before), ${fmt(after)} ms on the pool (after)`,
);

// --- cost and time of each job on one worker ---------------------------------------------
const jobs: { [K in HeavyKind]: HeavyParams[K] } = {
  risk: { runs: 10_000, seed: 1, exact: false },
  plan: { budget: 5e9 },
  executive: { budget: 5e7 },
  // Other companies than above, so that the worker's kept what-if analysis is not reused.
  scenario: {
    hit: [ids[2]!],
    days: 365,
    whatIf: whatIf.map((w, i) => ({ ...w, company: ids[(i * 7919 + 13) % ids.length]! })),
  },
};
for (const kind of Object.keys(jobs) as HeavyKind[]) {
  const cost = jobCost(kind, jobs[kind] as never, companies);
  t = performance.now();
  await pool.run(view, kind, jobs[kind] as never, { signal, progress: fresh() });
  const ms = since(t);
  console.log(
    `${kind}: ${cost.formula} = ${cost.units.toExponential(2)} units, ${fmt(ms)} ms on one worker (${(cost.units / (ms / 1000)).toExponential(2)} units/s)`,
  );
}
await pool.destroy();

// --- the largest request per role --------------------------------------------------------
for (const [role, budget] of Object.entries(COST_DEFAULTS.budgets)) {
  const runs = Math.min(100_000, Math.floor(budget / companies));
  const risk = jobCost('risk', { runs, seed: 1, exact: false }, companies);
  const fit = jobCost('scenario', { hit: ['x'], days: 1, whatIf }, companies).lower(budget);
  console.log(
    `${role} (budget ${budget.toExponential(1)}): risk of at most ${fmt(runs)} runs (${risk.units.toExponential(2)} units); a 50-what-if scenario: ${fit ?? 'refused'}`,
  );
}

// --- health p99 while the heaviest viewer requests run ------------------------------------
const store = new MemoryStore();
await store.load(network);
const tokens = await TokenStore.open(mkdtempSync(join(tmpdir(), 'weaklink-pool-')));
const viewers = [(await tokens.create('v1', 'viewer')).token, (await tokens.create('v2', 'viewer')).token];
const served = new AnalysisPool();
const cache = new AnalysisCache(store, {}, served.runner);
const warm = await cache.view();
warm.warm();
await served.prepare(warm);
const app = createApp({
  store,
  cache,
  pool: served,
  auth: { tokens },
  limits: { perToken: 1e9, perAddress: 1e9 },
  logger: { info: () => {}, error: (m) => console.error(m) },
});
const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const ask = (path: string, token: string, body?: unknown) =>
  fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(async (r) => ({ status: r.status, text: await r.text() }));
await Promise.all([ask('/api/risk', viewers[0]!, { runs: 10 }), ask('/api/risk', viewers[1]!, { runs: 11 })]);
const maxRuns = Math.min(100_000, Math.floor(COST_DEFAULTS.budgets.viewer / companies));
t = performance.now();
const heavy = [
  ask('/api/risk', viewers[0]!, { runs: maxRuns, seed: 3 }),
  ask('/api/scenario', viewers[0]!, scenario),
  ask('/api/plan', viewers[1]!, { budget: 5e9 }),
  ask('/api/executive?budget=300000000', viewers[1]!),
];
let pending = heavy.length;
const done = heavy.map((p) => p.finally(() => pending--));
const latencies: number[] = [];
while (pending > 0) {
  const s = performance.now();
  await fetch(`${url}/api/health`).then((r) => r.text());
  latencies.push(since(s));
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const statuses = (await Promise.all(done)).map((a) => a.status);
latencies.sort((a, b) => a - b);
const q = (p: number): string =>
  latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
console.log(
  `health while the heaviest viewer requests ran (${fmt(since(t))} ms; risk ${fmt(maxRuns)} runs, 50-what-if scenario, plan, executive; answers ${statuses.join(' ')}): ` +
    `${latencies.length} probes, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
);
server.close();
server.closeAllConnections();
await served.destroy();
