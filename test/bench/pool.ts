/**
 * Benchmark of the analysis pool (issue 13, F1): on a generated network (src/generate,
 * seeded; default 100,000 companies) it prints what a network version costs the pool —
 * serialising the network once on the main thread (ms, MB) and a worker rebuilding its
 * view from it (deserialise + index + analyse, ms) — and the longest event-loop stall
 * while a 50-what-if scenario runs, in this thread (as before the pool) and on the pool.
 * Figures, not pass/fail; not part of `npm test`.
 *
 *     npx tsx test/bench/pool.ts [--companies 100000]
 */
import { parseArgs } from 'node:util';
import { runAnalysis } from '../../src/analysis/analyze.ts';
import { AnalysisPool } from '../../src/analysis-runtime/analysis-pool.ts';
import { runHere, type JobProgress } from '../../src/app/heavy-jobs.ts';
import { NetworkView } from '../../src/app/network-view.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';
import type { WhatIf } from '../../src/model/scenario.ts';

const { values } = parseArgs({ options: { companies: { type: 'string', default: '100000' } } });
const companies = Number(values.companies);
const ms = (t: number): string => `${(performance.now() - t).toFixed(0)} ms`;
const fresh = (): JobProgress => ({ state: 'queued', done: 0, total: 1, startedAt: null });

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
console.log(
  `generated ${companies.toLocaleString('en')} companies, ${network.supplies.length.toLocaleString('en')} supplies in ${ms(t)}`,
);
t = performance.now();
const analysis = runAnalysis(indexNetwork(network));
console.log(`main thread: index + analysis ${ms(t)}`);
t = performance.now();
const bytes = Buffer.byteLength(JSON.stringify(network));
console.log(
  `main thread: JSON of the network once per version ${ms(t)} (${(bytes / 1e6).toFixed(1)} MB, shared with every task)`,
);

const pool = new AnalysisPool({ workers: 1 });
const view = new NetworkView('v1', analysis, pool.runner);
const signal = new AbortController().signal;
t = performance.now();
await pool.run(view, 'plan', { budget: 1 }, { signal, progress: fresh() });
const first = performance.now() - t;
t = performance.now();
await pool.run(view, 'plan', { budget: 1 }, { signal, progress: fresh() });
const again = performance.now() - t;
console.log(
  `worker: first job ${first.toFixed(0)} ms (thread start + rebuild of the view), same job again ${again.toFixed(0)} ms`,
);
console.log(`  → rebuild of a version in a worker ≈ ${(first - again).toFixed(0)} ms (including the thread's start)`);
const view2 = new NetworkView('v2', analysis, pool.runner);
t = performance.now();
await pool.run(view2, 'plan', { budget: 1 }, { signal, progress: fresh() });
console.log(
  `  → a new version on a running worker: ${(performance.now() - t - again).toFixed(0)} ms (serialise + deserialise + index + analyse)`,
);

const ids = network.companies.map((c) => c.id);
const whatIf: WhatIf[] = Array.from({ length: 50 }, (_, i) => ({
  op: 'raise-level',
  company: ids[(i * 7919) % ids.length]!,
  level: 5,
}));
const scenario = { hit: [ids[1]!], days: 30, whatIf };
const local = new NetworkView('v1', analysis);
const before = await longestStall(() => runHere(local, 'scenario', scenario, { signal, progress: fresh() }));
console.log(`50-what-if scenario in the main thread (before): longest event-loop stall ${before.toFixed(0)} ms`);
await pool.run(view, 'plan', { budget: 1 }, { signal, progress: fresh() }); // the worker holds v1 again
const after = await longestStall(() => pool.run(view, 'scenario', scenario, { signal, progress: fresh() }));
console.log(`50-what-if scenario on the pool (after): longest event-loop stall ${after.toFixed(0)} ms`);
await pool.destroy();
