/**
 * `npm run bench`: weaklink at 10k and 100k companies (and 1M with `--full` or
 * BENCH_FULL=1; it takes minutes), ~3 supplies per company, one table. Each size runs in
 * a fresh child process (`size.ts`: generate, import, engine steps, peers), then the
 * whole `weaklink analyze --format json --out` runs end to end as another child. The
 * peers run on the same network and their answers are checked against ours: graphology
 * (same blast radii, critical suppliers and effective scores), networkx (nx.descendants
 * of 100 companies) and Neo4j (a variable-length path count of the same 100; the
 * project's own Neo4j is started when NEO4J_URI is not set, and used for sizes up to
 * BENCH_NEO4J_MAX, default 100,000, since loading a million companies takes minutes).
 * Figures are reported, not asserted. BENCH_SIZES=10000,50000 picks other sizes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startNeo4j, type RunningNeo4j } from '../../scripts/neo4j-process.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const full = process.argv.includes('--full') || process.env.BENCH_FULL === '1';
const sizes = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number)
  : [10_000, 100_000, ...(full ? [1_000_000] : [])];
const neo4jMax = Number(process.env.BENCH_NEO4J_MAX ?? 100_000);

type Result = Record<string, number | string | undefined | Record<string, number>> & {
  cpu?: Record<string, number>;
  gc?: Record<string, number>;
  graphology?: Record<string, number>;
  networkx?: Record<string, number | string>;
  neo4j?: Record<string, number | string | boolean>;
};

/** Runs a child, streaming its standard error through; resolves with its output and wall time. */
function child(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const merged = { ...process.env, ...env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete merged[key];
    const p = spawn(process.execPath, args, { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      err += text;
      for (const line of text.split('\n'))
        if (line.trim() && !line.startsWith('BENCH_') && !line.includes('npm warn')) process.stderr.write(`${line}\n`);
    });
    p.on('close', (code) => resolve({ code, out, err, seconds: (performance.now() - started) / 1000 }));
  });
}

function ensureNetworkx(): string {
  const check = () =>
    spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
  let r = check();
  if (r.status !== 0) {
    process.stderr.write('bench: installing networkx (python3 -m pip install --quiet networkx) …\n');
    spawnSync('python3', ['-m', 'pip', 'install', '--quiet', 'networkx'], { stdio: 'inherit' });
    r = check();
  }
  return r.status === 0 ? `networkx ${r.stdout.trim()}` : 'networkx unavailable';
}

async function runSize(n: number, neo4jUri: string | undefined): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), `weaklink-bench-${n}-`));
  try {
    process.stderr.write(`bench: ${n.toLocaleString('en-US')} companies (${dir})\n`);
    const env: NodeJS.ProcessEnv = { NEO4J_URI: n <= neo4jMax ? neo4jUri : undefined };
    const args = [
      '--max-old-space-size=16384',
      '--import',
      'tsx',
      'test/bench/size.ts',
      '--companies',
      String(n),
      '--dir',
      dir,
    ];
    const sized = await child(args, env);
    const line = sized.out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (!line)
      throw new Error(
        `bench: the ${n} run failed (exit ${sized.code}):\n${sized.err.split('\n').slice(-8).join('\n')}`,
      );
    const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as Result;
    // The whole CLI, end to end, as a user runs it (default heap limit).
    const report = join(dir, 'report.json');
    process.stderr.write(`  [${n.toLocaleString('en-US')}] weaklink analyze --format json --out … (end to end)\n`);
    const cli = await child([
      '--import',
      'tsx',
      'test/bench/cli-child.ts',
      'analyze',
      join(dir, 'network'),
      '--format',
      'json',
      '--out',
      report,
    ]);
    const peak = /BENCH_PEAK_MB (\d+)/.exec(cli.err)?.[1];
    if (cli.code === 0)
      Object.assign(result, { cliS: cli.seconds, cliPeakMb: Number(peak), jsonMb: statSync(report).size / 2 ** 20 });
    else
      result.cliError = `exit ${cli.code}: ${
        cli.err
          .split('\n')
          .filter((l) => l.startsWith('weaklink') || l.includes('Error'))
          .at(-1) ?? ''
      }`;
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const s = (x: unknown): string =>
  typeof x === 'number' ? (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1)) : '—';
const mb = (x: unknown): string => (typeof x === 'number' ? `${Math.round(x).toLocaleString('en-US')} MB` : '—');
const int = (x: unknown): string => (typeof x === 'number' ? Math.round(x).toLocaleString('en-US') : '—');
const ratio = (a: unknown, b: unknown): string =>
  typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(1)}×` : '—';
/**
 * Wall seconds of a step; then, where they matter, the CPU seconds the process used
 * (less than wall: it waited for a busy machine; more: GC threads ran alongside) and the
 * main-thread GC pauses inside the step.
 */
const wc = (r: Result, key: string, label: string): string => {
  const wall = r[key];
  if (typeof wall !== 'number') return '—';
  const used = r.cpu?.[label];
  const paused = r.gc?.[label];
  const notes: string[] = [];
  if (typeof used === 'number' && Math.abs(used - wall) > 0.1 * wall + 0.05) notes.push(`cpu ${s(used)}`);
  if (typeof paused === 'number' && paused > 0.1 * wall + 0.05) notes.push(`gc ${s(paused)}`);
  return notes.length > 0 ? `${s(wall)} (${notes.join(', ')})` : s(wall);
};
const same = (m: unknown): string => (m === 0 ? 'same' : typeof m === 'number' ? `${m} DIFFER` : '—');

function table(results: Result[]): string {
  const rows: [string, (r: Result) => string][] = [
    ['companies / supplies', (r) => `${int(r.companies)} / ${int(r.supplies)}`],
    ['generate (CSV to disk), s', (r) => wc(r, 'generateS', 'generate')],
    ['import: read + validate CSV, s', (r) => wc(r, 'readS', 'read + validate CSV')],
    ['import: index, s', (r) => wc(r, 'indexS', 'index')],
    [
      'import + index, s',
      (r) => (typeof r.readS === 'number' && typeof r.indexS === 'number' ? s(r.readS + r.indexS) : '—'),
    ],
    ['import: peak memory', (r) => mb(r.importPeakMb)],
    ['own scores, s', (r) => wc(r, 'ownS', 'own scores')],
    ['effective scores, s', (r) => wc(r, 'effS', 'effective scores')],
    ['  the same, run again, s', (r) => wc(r, 'effAgainS', 'effective scores (again)')],
    ['tiers, s', (r) => wc(r, 'tiersS', 'tiers')],
    ['direct single sources, s', (r) => wc(r, 'singleS', 'direct single sources')],
    ['  count', (r) => int(r.singleSources)],
    [
      'all blast radii + stop days + critical suppliers, s',
      (r) => wc(r, 'failuresS', 'all blast radii + stop days + critical suppliers'),
    ],
    ['  Σ blast radius / largest', (r) => `${int(r.radiusTotal)} / ${int(r.maxRadius)}`],
    [
      'event losses (L and EL of every company), s',
      (r) => wc(r, 'eventLossS', 'event losses (L and EL of every company)'),
    ],
    [
      '  stop days + EL, s',
      (r) =>
        typeof r.failuresS === 'number' && typeof r.eventLossS === 'number' ? s(r.failuresS + r.eventLossS) : '—',
    ],
    ['AAL + risk contributions, s', (r) => wc(r, 'moneyS', 'AAL + risk contributions')],
    ['weak-link ranking (top 100), s', (r) => wc(r, 'weakS', 'weak-link ranking (top 100)')],
    ['plan ¥50M, s (result)', (r) => `${wc(r, 'plan50S', 'plan, ¥50M')} (${String(r.plan50 ?? '—')})`],
    ['plan ¥5bn, s (result)', (r) => `${wc(r, 'plan5bnS', 'plan, ¥5bn')} (${String(r.plan5bn ?? '—')})`],
    ['annual loss, 10,000 runs, s', (r) => wc(r, 'riskS', 'annual loss, 10,000 runs (all cores)')],
    ['  |mean − AAL| in standard errors', (r) => (typeof r.riskCheck === 'number' ? r.riskCheck.toFixed(2) : '—')],
    ['aggregate: tier × country, s', (r) => wc(r, 'aggregateCountryS', 'aggregate: tier × country')],
    ['aggregate: tier × industry, s', (r) => wc(r, 'aggregateIndustryS', 'aggregate: tier × industry')],
    [
      '  groups / links (country / industry)',
      (r) => `${String(r.aggregateGroups ?? '—')} / ${String(r.aggregateLinks ?? '—')}`,
    ],
    ['tier-1 dependants of 100 suppliers, s', (r) => wc(r, 'dependants100S', 'tier-1 dependants of 100 suppliers')],
    [
      '  Σ downstream / tier-1 found / listed',
      (r) => `${int(r.dependantsDownstream)} / ${int(r.dependantsTier1)} / ${int(r.dependantsListed)}`,
    ],
    ['engine peak memory', (r) => mb(r.enginePeakMb)],
    ['analyze --format json end to end, s', (r) => (r.cliError ? String(r.cliError) : s(r.cliS))],
    ['  peak memory / JSON size', (r) => `${mb(r.cliPeakMb)} / ${mb(r.jsonMb)}`],
    ['graphology: build graph, s', (r) => s(r.graphology?.buildS)],
    [
      'graphology: effective scores, s (rounds)',
      (r) => (r.graphology ? `${s(r.graphology.effS)} (${r.graphology.rounds})` : 'skipped'),
    ],
    ['graphology: blast radii + critical, s', (r) => s(r.graphology?.failuresS)],
    ['graphology answers vs ours', (r) => (r.graphology ? same(r.graphology.mismatches) : 'skipped')],
    [
      'graphology ÷ ours: eff / blast radii',
      (r) =>
        r.graphology ? `${ratio(r.graphology.effS, r.effS)} / ${ratio(r.graphology.failuresS, r.failuresS)}` : '—',
    ],
    ['ours: reachability (BFS) of 100, s', (r) => s(r.reach100S)],
    ['ours: blast radius of the same 100, s', (r) => s(r.radius100S)],
    ['networkx: build DiGraph, s', (r) => (r.networkx?.error ? String(r.networkx.error) : s(r.networkx?.buildS))],
    ['networkx: nx.descendants of 100, s', (r) => s(r.networkx?.queryS)],
    ['networkx counts vs our reachability', (r) => same(r.networkx?.mismatches)],
    [
      'networkx ÷ ours: descendants / blast radius',
      (r) => `${ratio(r.networkx?.queryS, r.reach100S)} / ${ratio(r.networkx?.queryS, r.radius100S)}`,
    ],
    [
      'Neo4j: load, s',
      (r) => (r.neo4j?.skipped ? 'skipped' : r.neo4j?.error ? String(r.neo4j.error) : s(r.neo4j?.loadS)),
    ],
    ['Neo4j: [:SUPPLIES*] count of 100, s', (r) => (r.neo4j?.skipped ? 'skipped' : s(r.neo4j?.queryS))],
    ['Neo4j counts vs our reachability', (r) => (r.neo4j?.skipped ? 'skipped' : same(r.neo4j?.mismatches))],
    [
      'Neo4j ÷ ours: path count / blast radius',
      (r) =>
        r.neo4j?.skipped ? '—' : `${ratio(r.neo4j?.queryS, r.reach100S)} / ${ratio(r.neo4j?.queryS, r.radius100S)}`,
    ],
  ];
  const cells = rows.map(([label, f]) => [label, ...results.map(f)]);
  const header = ['', ...results.map((r) => `${int(r.companies)} companies`)];
  const widths = header.map((_, i) => Math.max(...[header, ...cells].map((row) => row[i]!.length)));
  const line = (row: string[]): string =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** NEO4J_URI, or the project's own Neo4j started for the run (its note says when it could not start). */
async function ownNeo4j(): Promise<{ uri: string | undefined; note: string; stop: () => Promise<void> }> {
  const given = process.env.NEO4J_URI;
  if (given) return { uri: given, note: `Neo4j: ${given} (NEO4J_URI).`, stop: async () => undefined };
  if (!sizes.some((n) => n <= neo4jMax)) return { uri: undefined, note: '', stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'weaklink-bench-neo4j-'));
  process.stderr.write("bench: starting the project's Neo4j (npm run neo4j) …\n");
  let running: RunningNeo4j;
  try {
    running = await startNeo4j({ dataDir });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { uri: undefined, note: `Neo4j: skipped, it could not start (${why}).`, stop: async () => undefined };
  }
  return {
    uri: running.uri,
    note: `Neo4j: the project's Neo4j Community (embedded, ${running.uri}), started for this run.`,
    stop: async () => {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const load = loadavg()[0]!;
  const nx = ensureNetworkx();
  const results: Result[] = [];
  const neo4j = await ownNeo4j();
  try {
    for (const n of sizes) results.push(await runSize(n, neo4j.uri));
  } finally {
    await neo4j.stop();
  }
  const cpu = cpus();
  const out = [
    '',
    `weaklink benchmark — ${new Date().toISOString()}`,
    `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${platform()} ${release()}`,
    `runtime: Node ${process.version}, ${nx}; load average ${load.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`,
    `seconds are wall-clock; "(cpu x)": the process's CPU time where it differs (less: it waited for a busy machine;`,
    `more: GC threads ran alongside); "(gc y)": main-thread garbage-collection pauses inside the step`,
    `network: generated (weaklink generate, seed 1), ~3 supplies per company; θ = 0.5; times are wall-clock seconds in one process per size`,
    '',
    table(results),
    '',
    'What the peers compute:',
    '- graphology: the same threshold cascade per company and the same effective-score fixed point (iterated until stable); answers checked equal to ours.',
    '- networkx and Neo4j compute LESS than we do: plain reachability (every company downstream along supply edges), not the',
    "  threshold cascade (which also tracks each buyer's remaining share per commodity and stops where θ still holds). Their",
    '  counts are checked against our own reachability BFS; the ratio to our blast radius compares them with the real question.',
    neo4j.note,
    results.some((r, i) => r.neo4j?.skipped && sizes[i]! > neo4jMax)
      ? `Neo4j: not run above ${int(neo4jMax)} companies (BENCH_NEO4J_MAX raises it).`
      : '',
    full ? '' : '(1M companies: npm run bench -- --full, or BENCH_FULL=1 npm run bench; it takes minutes)',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
