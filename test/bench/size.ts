/**
 * One size of the benchmark, in a process of its own (so its peak memory is its own):
 * generates the network into `--dir`, reads and indexes it, times each engine step, runs
 * the peers (graphology, networkx, Neo4j when NEO4J_URI is set) on the same network and
 * checks their answers against ours, then prints `BENCH_RESULT <json>` on standard output.
 * Progress goes to standard error. Run by `run.ts`; figures, not pass/fail.
 *
 *   node --import tsx test/bench/size.ts --companies 10000 --dir /tmp/x [--seed 1] [--graphology-max 100000]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GCProfiler } from 'node:v8';
import { singleFailures } from '../../src/analysis/blast-radius.ts';
import { createCascade } from '../../src/analysis/cascade.ts';
import { effectiveScores } from '../../src/analysis/effective-score.ts';
import { ownScores } from '../../src/analysis/own-score.ts';
import { annualLossModel } from '../../src/analysis/annual-loss.ts';
import { costPlan } from '../../src/analysis/cost-plan.ts';
import { resolveOptions } from '../../src/analysis/options.ts';
import { expectedAnnualLoss, hitLikelihoods, rankWeakLinks, riskContributions } from '../../src/analysis/risk.ts';
import { parallelMonteCarloAnnualLoss } from '../../src/analysis-runtime/parallel-loss.ts';
import { eventLosses } from '../../src/analysis/event-loss.ts';
import { singleSourceEdges } from '../../src/analysis/single-sources.ts';
import { tiers } from '../../src/analysis/tiers.ts';
import { aggregateGroups } from '../../src/analysis/aggregate-groups.ts';
import { requiredLevels } from '../../src/analysis/required-level.ts';
import { createDependants } from '../../src/analysis/tier1-dependants.ts';
import { DEFAULTS as DEPENDANTS } from '../../src/app/aggregates.ts';
import { CsvNetworkSink } from '../../src/generate/csv-sink.ts';
import { generateNetwork } from '../../src/generate/generate-network.ts';
import { Random } from '../../src/generate/random.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { indexNetwork, type IndexedNetwork } from '../../src/model/index-network.ts';
import { buildGraph, peerEffectiveScores, peerSingleFailures } from './graphology-peer.ts';
import { peakRssMb } from './memory.ts';

const { values } = parseArgs({
  options: {
    companies: { type: 'string' },
    dir: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'graphology-max': { type: 'string', default: '100000' },
  },
});
const n = Number(values.companies);
const dir = values.dir!;
const seed = Number(values.seed);
const log = (text: string): void => void process.stderr.write(`  [${n.toLocaleString('en-US')}] ${text}\n`);

/** Process CPU seconds (user + system) so far: on a busy machine, wall time minus this is time spent waiting. */
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const cpu: Record<string, number> = {};
/** Main-thread garbage-collection pauses per step, in seconds (v8.GCProfiler). */
const gc: Record<string, number> = {};

function measure<T>(label: string, run: () => T): T {
  const profiler = new GCProfiler();
  profiler.start();
  const c = cpuSeconds();
  try {
    return run();
  } finally {
    cpu[label] = cpuSeconds() - c;
    gc[label] = (profiler.stop()?.statistics ?? []).reduce((sum, event) => sum + event.cost, 0) / 1e6;
  }
}

function timed<T>(label: string, run: () => T): [T, number] {
  const started = performance.now();
  const result = measure(label, run);
  const seconds = (performance.now() - started) / 1000;
  log(`${label}: ${seconds.toFixed(2)} s (cpu ${cpu[label]!.toFixed(2)} s, gc ${gc[label]!.toFixed(2)} s)`);
  return [result, seconds];
}

async function timedAsync<T>(label: string, run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const profiler = new GCProfiler();
  profiler.start();
  const c = cpuSeconds();
  const result = await run();
  cpu[label] = cpuSeconds() - c;
  gc[label] = (profiler.stop()?.statistics ?? []).reduce((sum, event) => sum + event.cost, 0) / 1e6;
  const seconds = (performance.now() - started) / 1000;
  log(`${label}: ${seconds.toFixed(2)} s (cpu ${cpu[label]!.toFixed(2)} s, gc ${gc[label]!.toFixed(2)} s)`);
  return [result, seconds];
}

const result: Record<string, unknown> = { companies: n };
const networkDir = join(dir, 'network');

async function main(): Promise<void> {
  // 1. Generate, streamed to disk.
  const [supplies, generateS] = timed('generate', () => {
    const sink = CsvNetworkSink.open(networkDir);
    generateNetwork({ companies: n, seed }, sink);
    sink.close();
    return sink.supplies;
  });
  Object.assign(result, { supplies, generateS });

  // 2. Import: read (validate) and index.
  const [{ network, resolved }, readS] = await timedAsync('read + validate CSV', () => readNetwork(networkDir));
  const [index, indexS] = timed('index', () => indexNetwork(network, resolved));
  Object.assign(result, { readS, indexS, importPeakMb: peakRssMb(), groups: index.groupCount });

  // 3. Engine steps.
  const [own, ownS] = timed('own scores', () => ownScores(index));
  const [eff, effS] = timed('effective scores', () => effectiveScores(index, own.score));
  const [tier, tiersS] = timed('tiers', () => tiers(index));
  const [single, singleS] = timed('direct single sources', () => singleSourceEdges(index));
  const [failures, failuresS] = timed('all blast radii + stop days + critical suppliers', () => singleFailures(index));
  const [eventLoss, eventLossS] = timed('event losses (L and EL of every company)', () => eventLosses(index, failures));
  const [money, moneyS] = timed('AAL + risk contributions', () => {
    const p = hitLikelihoods(own.score);
    const risk = riskContributions(p, eventLoss.expected);
    return { p, risk, aal: expectedAnnualLoss(risk) };
  });
  const [, weakS] = timed('weak-link ranking (top 100)', () => rankWeakLinks(index, money.risk, 100));
  const planInput = {
    index,
    options: resolveOptions(),
    own: own.score,
    ownLevel: own.level,
    hitLikelihood: money.p,
    eventLoss,
    failures,
    expectedAnnualLoss: money.aal,
  };
  const [plan50, plan50S] = timed('plan, ¥50M', () => costPlan(planInput, { budget: 50_000_000 }));
  const [plan5bn, plan5bnS] = timed('plan, ¥5bn', () => costPlan(planInput, { budget: 5_000_000_000 }));
  const model = annualLossModel({ hitLikelihood: money.p, eventLoss });
  const [dist, riskS] = await timedAsync('annual loss, 10,000 runs (all cores)', () =>
    parallelMonteCarloAnnualLoss(model, { runs: 10_000, seed: 1 }),
  );
  Object.assign(result, {
    eventLossS,
    moneyS,
    plan50S,
    plan50: `${plan50.method === 'dynamic-programming' ? 'optimal' : `within ${((100 * (plan50.upperBound - plan50.avoided)) / plan50.upperBound).toFixed(3)} %`}`,
    plan5bnS,
    plan5bn: `${plan5bn.method === 'dynamic-programming' ? 'optimal' : `within ${((100 * (plan5bn.upperBound - plan5bn.avoided)) / plan5bn.upperBound).toFixed(3)} %`}`,
    riskS,
    riskCheck: Math.abs(dist.mean - money.aal) / dist.standardError,
  });
  // Aggregated views: tier × country and tier × industry groups (with the supplies between
  // them), and the tier-1 suppliers downstream of 100 suppliers, as many listed as the API lists.
  const groupInput = {
    index,
    tier,
    risk: money.risk,
    eventLoss,
    unassessed: own.unassessed,
    ownLevel: own.level,
    required: requiredLevels(index, failures.blastRadius),
    singleSources: single,
  };
  const [byCountry, aggregateCountryS] = timed('aggregate: tier × country', () =>
    aggregateGroups(groupInput, 'country'),
  );
  const [byIndustry, aggregateIndustryS] = timed('aggregate: tier × industry', () =>
    aggregateGroups(groupInput, 'industry'),
  );
  const focals: number[] = [];
  for (let i = 0; i < n; i++) if (tier[i] === 0) focals.push(i);
  const finder = createDependants(index);
  const depSample = sampleSuppliers(index, 100);
  const [deps, dependants100S] = timed('tier-1 dependants of 100 suppliers', () =>
    depSample.map((x) => finder.of(x, { focals, failures, limit: DEPENDANTS.tier1Limit })),
  );
  Object.assign(result, {
    aggregateCountryS,
    aggregateIndustryS,
    aggregateGroups: `${byCountry.groups.length} / ${byIndustry.groups.length}`,
    aggregateLinks: `${byCountry.links.length} / ${byIndustry.links.length}`,
    dependants100S,
    dependantsDownstream: deps.reduce((s, d) => s + d.downstream, 0),
    dependantsTier1: deps.reduce((s, d) => s + d.focal.reduce((t, f) => t + f.total, 0), 0),
    dependantsListed: deps.reduce((s, d) => s + d.focal.reduce((t, f) => t + f.tier1.length, 0), 0),
  });
  log(
    `aggregate: ${String(result.aggregateGroups)} groups, ${String(result.aggregateLinks)} links; dependants of 100: ` +
      `${String(result.dependantsDownstream)} downstream, ${String(result.dependantsTier1)} tier-1 found, ${String(result.dependantsListed)} listed`,
  );
  // The first run of a step pays for whatever garbage collection of the imported rows
  // lands in it; a second run of the effective scores shows the computation alone.
  const [, effAgainS] = timed('effective scores (again)', () => effectiveScores(index, own.score));
  let maxRadius = 0;
  for (let x = 0; x < n; x++)
    maxRadius = Math.max(maxRadius, failures.blastRadius.start[x + 1]! - failures.blastRadius.start[x]!);
  Object.assign(result, {
    ownS,
    effS,
    effAgainS,
    tiersS,
    singleS,
    singleSources: single.length,
    failuresS,
    radiusTotal: failures.blastRadius.list.length,
    maxRadius,
    weakS,
    enginePeakMb: peakRssMb(),
  });

  // 4. Peers on the same network.
  const sample = sampleSuppliers(index, 100);
  const reachable = reachability(index);
  const [reach, reachS] = timed('our reachability (BFS) for the 100', () => sample.map(reachable));
  const cascade = createCascade(index);
  const [radii, radius100S] = timed('our blast radius for the 100', () => sample.map((x) => cascade.runOne(x) - 1));
  Object.assign(result, {
    reach100S: reachS,
    radius100S,
    reachTotal: reach.reduce((s, c) => s + c, 0),
    radius100Total: radii.reduce((s, c) => s + c, 0),
  });

  if (n <= Number(values['graphology-max'])) result.graphology = graphologyPeer(index, eff.score, failures);
  result.networkx = networkxPeer(index, sample, reach);
  result.neo4j = process.env.NEO4J_URI ? await neo4jPeer(network, index, sample, reach) : { skipped: true };
  result.cpu = cpu;
  result.gc = gc;
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

/** `count` companies that supply someone, drawn with a fixed seed. */
function sampleSuppliers(index: IndexedNetwork, count: number): number[] {
  const rng = new Random(12345, 9);
  const out = new Set<number>();
  const suppliers = Array.from({ length: index.n }, (_, i) => i).filter(
    (i) => index.outStart[i + 1]! > index.outStart[i]!,
  );
  while (out.size < Math.min(count, suppliers.length)) out.add(suppliers[rng.below(suppliers.length)]!);
  return [...out];
}

/** Counts the companies reachable from x along supply edges (x excluded): what nx.descendants counts. */
function reachability(index: IndexedNetwork): (x: number) => number {
  const seen = new Int32Array(index.n).fill(-1);
  const queue = new Int32Array(index.n);
  return (x) => {
    let tail = 0;
    queue[tail++] = x;
    seen[x] = x;
    for (let head = 0; head < tail; head++) {
      const u = queue[head]!;
      for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
        const v = index.outBuyer[k]!;
        if (seen[v] !== x) {
          seen[v] = x;
          queue[tail++] = v;
        }
      }
    }
    return tail - 1;
  };
}

function graphologyPeer(
  index: IndexedNetwork,
  eff: Float64Array,
  failures: ReturnType<typeof singleFailures>,
): Record<string, unknown> {
  const [graph, buildS] = timed('graphology: build graph', () => buildGraph(index.network));
  const [peerEff, effS] = timed('graphology: effective scores (fixed-point iteration)', () =>
    peerEffectiveScores(graph),
  );
  const [peerFail, failuresS] = timed('graphology: all blast radii + critical suppliers', () =>
    peerSingleFailures(graph),
  );
  let mismatches = 0;
  const sameSet = (ours: Int32Array, theirs: string[]): boolean => {
    if (ours.length !== theirs.length) return false;
    const set = new Set(theirs);
    return Array.from(ours).every((i) => set.has(index.ids[i]!));
  };
  for (let i = 0; i < index.n; i++) {
    const id = index.ids[i]!;
    const b = failures.blastRadius;
    const c = failures.criticalSuppliers;
    if (peerEff.eff.get(id) !== eff[i]) mismatches++;
    else if (!sameSet(b.list.subarray(b.start[i]!, b.start[i + 1]!), peerFail.blast.get(id)!)) mismatches++;
    else if (!sameSet(c.list.subarray(c.start[i]!, c.start[i + 1]!), peerFail.critical.get(id)!)) mismatches++;
  }
  log(`graphology: ${mismatches === 0 ? 'same answers' : `${mismatches} companies differ`}`);
  return { buildS, effS, failuresS, rounds: peerEff.rounds, mismatches };
}

function networkxPeer(index: IndexedNetwork, sample: number[], reach: number[]): Record<string, unknown> {
  const edges = join(dir, 'edges.txt');
  const sampleFile = join(dir, 'sample.txt');
  writeFileSync(sampleFile, sample.join('\n'));
  const fd = openSync(edges, 'w');
  let chunk = '';
  for (let e = 0; e < index.m; e++) {
    chunk += `${index.edgeSupplier[e]} ${index.edgeBuyer[e]}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return runNetworkx(edges, sampleFile, reach);
}

function runNetworkx(edges: string, sampleFile: string, reach: number[]): Record<string, unknown> {
  log('networkx: building the graph and running nx.descendants for the 100 …');
  const script = join(import.meta.dirname, 'networkx-peer.py');
  const run = spawnSync('python3', [script, edges, sampleFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0)
    return { error: (run.stderr || run.error?.message || 'python3 failed').trim().split('\n').at(-1) };
  const r = JSON.parse(run.stdout) as { version: string; buildSeconds: number; querySeconds: number; counts: number[] };
  const mismatches = r.counts.filter((c, i) => c !== reach[i]).length;
  log(
    `networkx ${r.version}: build ${r.buildSeconds.toFixed(2)} s, descendants ${r.querySeconds.toFixed(2)} s, ${mismatches === 0 ? 'same counts' : `${mismatches} counts differ`}`,
  );
  return { version: r.version, buildS: r.buildSeconds, queryS: r.querySeconds, mismatches };
}

async function neo4jPeer(
  network: Parameters<typeof buildGraph>[0],
  index: IndexedNetwork,
  sample: number[],
  reach: number[],
): Promise<Record<string, unknown>> {
  const { Neo4jStore } = await import('../../src/store/neo4j-store.ts');
  const neo4j = (await import('neo4j-driver')).default;
  const uri = process.env.NEO4J_URI!;
  const password = process.env.NEO4J_PASSWORD;
  const store = await Neo4jStore.connect({
    uri,
    ...(password !== undefined ? { password, user: process.env.NEO4J_USER ?? 'neo4j' } : {}),
  });
  try {
    const [, loadS] = await timedAsync('neo4j: load', () => store.load(network));
    const auth = password === undefined ? undefined : neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password);
    const driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true });
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const counts: number[] = [];
      const [, queryS] = await timedAsync('neo4j: variable-length path count for the 100', async () => {
        for (const x of sample) {
          // `v <> x`: a cycle back to x does not count, as in our reachability and nx.descendants.
          const query = 'MATCH (x:Company {id:$id})-[:SUPPLIES*]->(v) WHERE v <> x RETURN count(DISTINCT v) AS c';
          const r = await session.run(query, { id: index.ids[x] }, { timeout: 120_000 });
          counts.push(Number(r.records[0]?.get('c') ?? 0));
        }
      });
      return { loadS, queryS, mismatches: counts.filter((c, i) => c !== reach[i]).length };
    } finally {
      await session.close();
      await driver.close();
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await store.close();
  }
}

await main();
