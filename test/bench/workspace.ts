/**
 * `npx tsx test/bench/workspace.ts`: what the workspace database adds to the memory
 * store at 100k companies and 300k supplies (BENCH_COMPANIES changes the size), beside
 * the same store without a workspace: the time to load and commit an upload and the
 * longest the event loop was blocked meanwhile (a 1 ms timer's longest gap), the same
 * for one edit and for one assessment recorded (POST /api/assessments' use case), the
 * time to restore the saved network, and the time `npm start`
 * (server/start.ts, a child process) takes to serve it again after a restart. Figures
 * are printed, not asserted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordAssessment } from '../../src/app/assessments.ts';
import { editCompany } from '../../src/app/edits.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import type { Network } from '../../src/model/types.ts';
import { bigNetwork } from '../integration/big-network.ts';

const companies = Number(process.env.BENCH_COMPANIES ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'weaklink-bench-workspace-'));
const network = bigNetwork(companies, companies * 3, 'c');
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

/** The wall time of `load` and the longest gap of a 1 ms timer while it ran. */
async function timed(store: MemoryStore, next: Network): Promise<{ ms: number; block: number }> {
  await settle();
  let last = performance.now();
  let block = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    block = Math.max(block, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await store.load(next, { by: 'bench' });
  const ms = performance.now() - started;
  await settle();
  clearInterval(timer);
  return { ms, block: Math.max(block, performance.now() - last) };
}

const fmt = ({ ms, block }: { ms: number; block: number }): string =>
  `${ms.toFixed(0)} ms (event loop blocked at most ${block.toFixed(0)} ms)`;

for (const [label, store] of [
  ['memory only', new MemoryStore()],
  ['with workspace', new MemoryStore({ workspace: dir })],
] as const) {
  console.log(
    `${label}: upload of ${companies} companies, ${companies * 3} supplies: ${fmt(await timed(store, network))}`,
  );
  const edits = [];
  for (let i = 0; i < 5; i++)
    edits.push(await timed(store, editCompany(await store.read(), `c${i * 97}`, { scsLevel: i % 6 }).network));
  edits.sort((a, b) => a.ms - b.ms);
  console.log(`${label}: one edit (median of 5): ${fmt(edits[2]!)}`);
  const recorded = [];
  for (let i = 0; i < 5; i++) {
    const input = { company: `c${i * 89}`, level: 3, method: 'expert', assessedOn: '2026-12-01' };
    const started = performance.now();
    const next = recordAssessment(await store.read(), input).network;
    const check = performance.now() - started;
    const load = await timed(store, next);
    recorded.push({ ms: check + load.ms, block: Math.max(check, load.block) });
  }
  recorded.sort((a, b) => a.ms - b.ms);
  console.log(`${label}: one assessment recorded, checked and loaded (median of 5): ${fmt(recorded[2]!)}`);
  await store.close();
}
console.log(`database: ${(statSync(join(dir, 'weaklink.db')).size / 1e6).toFixed(0)} MB`);

const started = performance.now();
const again = new MemoryStore({ workspace: dir });
const restored = await again.restore();
console.log(
  `restore at start (${restored?.companies} companies, ${restored?.edits} edits): ${(performance.now() - started).toFixed(0)} ms`,
);
await again.close();

// The whole restart: server/start.ts on the workspace, until it serves.
const loader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const child = spawn(
  process.execPath,
  ['--import', loader, resolve('server/start.ts'), '--port', '0', '--workspace', dir],
  {
    cwd: mkdtempSync(join(tmpdir(), 'weaklink-bench-cwd-')),
    env: { ...process.env, PORT: '', WEAKLINK_DATA: '', NEO4J_URI: '', WEAKLINK_WORKSPACE: '' },
  },
);
const restartStarted = performance.now();
let out = '';
await new Promise<void>((done, fail) => {
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (/serving .* at http/.test(out)) done();
  });
  child.on('exit', (code) => fail(new Error(`start.ts exited (${code})`)));
});
console.log(
  `npm start after a restart, until it serves: ${((performance.now() - restartStarted) / 1000).toFixed(1)} s`,
);
for (const line of out.split('\n').filter((l) => /restored|analysed|serving/.test(l))) console.log(`  ${line}`);
child.removeAllListeners('exit');
child.kill('SIGTERM');
await new Promise((done) => child.once('exit', done));
rmSync(dir, { recursive: true, force: true });
