/**
 * Load benchmark of the API: a 100,000-company network (src/generate, seeded, so every
 * run serves the same one) in a memory store, served with auth on (a viewer token) on
 * 127.0.0.1 by a child process — its own core, as in production — while autocannon
 * drives it from this one: GET /api/companies/{id}, GET /api/graph?focus={id} and
 * POST /api/simulate, each for `--duration` seconds over `--connections` connections,
 * the ids cycling through a fixed sample of the companies. The rate limits are lifted
 * for the run (the limiters still run; their cost is measured). Prints requests/s,
 * latency p50/p97.5/p99/max and error counts per endpoint, and whether the company
 * endpoint meets its target (≥ 500 req/s, p99 < 100 ms). Figures, not pass/fail; not
 * part of `npm test`.
 *
 *     npx tsx test/bench/load.ts [--companies 100000] [--duration 10] [--connections 10]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp } from '../../server/app.ts';
import { TokenStore } from '../../src/auth/token-store.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const TARGET = { requestsPerSecond: 500, p99Ms: 100 };
const SAMPLE_IDS = 2000;

interface Ready {
  url: string;
  token: string;
  ids: string[];
  companies: number;
  supplies: number;
  generateMs: number;
  loadMs: number;
  analysisMs: number;
}

/** The child: builds the network, serves it, answers "ready" with what the load needs. */
async function serve(companies: number): Promise<void> {
  let t = performance.now();
  const { network } = generateNetwork({ companies, seed: 7 }, collectNetwork());
  const generateMs = performance.now() - t;
  const store = new MemoryStore();
  t = performance.now();
  await store.load(network);
  const loadMs = performance.now() - t;
  const tokens = await TokenStore.open(mkdtempSync(join(tmpdir(), 'weaklink-load-')));
  const { token } = await tokens.create('load', 'viewer');
  const app = createApp({
    store,
    auth: { tokens },
    limits: { perToken: 1e9, perAddress: 1e9 },
    logger: { info: () => {}, error: (message, cause) => console.error(message, cause) },
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = performance.now();
  const first = await fetch(`${url}/api/summary`, { headers: { authorization: `Bearer ${token}` } });
  if (first.status !== 200) throw new Error(`load: GET /api/summary answered ${first.status}: ${await first.text()}`);
  const analysisMs = performance.now() - t;
  const step = Math.max(1, Math.floor(network.companies.length / SAMPLE_IDS));
  const ids = network.companies.filter((_, i) => i % step === 0).map((c) => c.id);
  const ready: Ready = {
    url,
    token,
    ids,
    companies: network.companies.length,
    supplies: network.supplies.length,
    generateMs,
    loadMs,
    analysisMs,
  };
  process.send!(ready);
  process.on('disconnect', () => server.close(() => process.exit(0)));
}

interface Endpoint {
  label: string;
  method: 'GET' | 'POST';
  path: (id: string) => string;
  body?: (id: string) => string;
}

const ENDPOINTS: Endpoint[] = [
  { label: 'GET /api/companies/{id}', method: 'GET', path: (id) => `/api/companies/${encodeURIComponent(id)}` },
  {
    label: 'GET /api/graph?focus={id}',
    method: 'GET',
    path: (id) => `/api/graph?focus=${encodeURIComponent(id)}&up=2&down=1`,
  },
  {
    label: 'POST /api/simulate',
    method: 'POST',
    path: () => '/api/simulate',
    body: (id) => JSON.stringify({ hit: [id] }),
  },
];

async function measure(
  ready: Ready,
  endpoint: Endpoint,
  options: { duration: number; connections: number },
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: ready.url,
    connections: options.connections,
    duration: options.duration,
    headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: endpoint.method,
        setupRequest: (request) => {
          const id = ready.ids[next++ % ready.ids.length]!;
          return { ...request, path: endpoint.path(id), ...(endpoint.body ? { body: endpoint.body(id) } : {}) };
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      companies: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      serve: { type: 'boolean' },
    },
  });
  const companies = Number(values.companies ?? 100_000);
  if (values.serve) return serve(companies);
  const duration = Number(values.duration ?? 10);
  const connections = Number(values.connections ?? 10);

  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', '--companies', String(companies)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [Ready];
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `network: ${ready.companies} companies, ${ready.supplies} supplies (generated in ${s(ready.generateMs)}, loaded in ${s(ready.loadMs)}, first analysis in ${s(ready.analysisMs)})`,
  );
  console.log(
    `load: ${connections} connections × ${duration} s per endpoint, ids cycling over ${ready.ids.length} companies, auth on (viewer token), server in its own process\n`,
  );
  console.log(
    [
      'endpoint'.padEnd(28),
      'req/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p97.5'.padStart(8),
      'p99 ms'.padStart(8),
      'max ms'.padStart(8),
      'requests'.padStart(9),
      'non-2xx'.padStart(8),
      'errors'.padStart(7),
    ].join(' '),
  );
  const results: [Endpoint, autocannon.Result][] = [];
  try {
    for (const endpoint of ENDPOINTS) {
      const r = await measure(ready, endpoint, { duration, connections });
      results.push([endpoint, r]);
      console.log(
        [
          endpoint.label.padEnd(28),
          r.requests.average.toFixed(0).padStart(8),
          String(r.latency.p50).padStart(8),
          String(r.latency.p97_5).padStart(8),
          String(r.latency.p99).padStart(8),
          String(r.latency.max).padStart(8),
          String(r.requests.total).padStart(9),
          String(r.non2xx).padStart(8),
          String(r.errors + r.timeouts).padStart(7),
        ].join(' '),
      );
    }
  } finally {
    child.disconnect();
  }
  const company = results[0]![1];
  const met =
    company.requests.average >= TARGET.requestsPerSecond &&
    company.latency.p99 < TARGET.p99Ms &&
    company.non2xx === 0 &&
    company.errors === 0;
  console.log(
    `\ncompany endpoint: ${company.requests.average.toFixed(0)} req/s, p99 ${company.latency.p99} ms — target ≥ ${TARGET.requestsPerSecond} req/s and p99 < ${TARGET.p99Ms} ms ${met ? 'met' : 'MISSED'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
