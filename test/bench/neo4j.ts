/**
 * Neo4j benchmark (`npx tsx test/bench/neo4j.ts`, also run by `npm run bench`): load
 * throughput (rows/s) for 100k supply rows (1M with BENCH_FULL=1), read-back and
 * write-back times, and the query a Neo4j user would write instead of our blast radius —
 * `MATCH (x:Company {id:$id})-[:SUPPLIES*]->(v) RETURN count(DISTINCT v)`, plain
 * reachability, an upper bound of the threshold cascade — timed against our engine for
 * the same 100 companies of a 100k-company network. Uses NEO4J_URI when set, else starts
 * the project's own Neo4j. Figures are printed, not asserted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { startNeo4j, type RunningNeo4j } from '../../scripts/neo4j-process.mjs';
import { runAnalysis } from '../../src/analysis/analyze.ts';
import { createCascade } from '../../src/analysis/cascade.ts';
import { companyResults } from '../../src/cli/commands/analyze.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { indexNetwork, type IndexedNetwork } from '../../src/model/index-network.ts';
import type { Network } from '../../src/model/types.ts';
import { Neo4jStore } from '../../src/store/neo4j-store.ts';

const full = process.env.BENCH_FULL === '1' || process.argv.includes('--full');

function network(companies: number): Network {
  return generateNetwork({ companies, seed: 42 }, collectNetwork()).network;
}

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await f();
  return [value, (performance.now() - start) / 1000];
}

/** Companies reachable downstream by a path of ≥ 1 edge (plain BFS), like the Cypher query: x counts when a cycle leads back to it. */
function reachable(index: IndexedNetwork, x: number, seen: Uint8Array, queue: Int32Array): number {
  let tail = 0;
  let cycle = 0;
  seen[x] = 1;
  queue[tail++] = x;
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
      const v = index.edgeBuyer[index.outEdges[k]!]!;
      if (v === x) cycle = 1;
      if (seen[v] === 0) {
        seen[v] = 1;
        queue[tail++] = v;
      }
    }
  }
  for (let i = 0; i < tail; i++) seen[queue[i]!] = 0;
  return tail - 1 + cycle;
}

async function main(): Promise<void> {
  let own: RunningNeo4j | null = null;
  let dataDir: string | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = await mkdtemp(join(tmpdir(), 'weaklink-bench-neo4j-'));
    own = await startNeo4j({ dataDir });
    uri = own.uri;
  }
  const auth = process.env.NEO4J_PASSWORD
    ? { user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD }
    : {};
  const store = await Neo4jStore.connect({ uri, ...auth });
  const rows: string[] = [];
  try {
    console.log(`Neo4j benchmark against ${uri}${own ? ' (the project launcher, Neo4j 5.26 embedded)' : ''}`);
    const sizes = full ? [33_000, 330_000] : [33_000];
    for (const companies of sizes) {
      const net = network(companies);
      const total = net.companies.length + net.supplies.length;
      const [, loadS] = await time(() => store.load(net));
      const [back, readS] = await time(() => store.read());
      if (back.supplies.length !== net.supplies.length) throw new Error('read-back lost rows');
      const analysis = runAnalysis(indexNetwork(back));
      const results = companyResults(analysis);
      const [, writeS] = await time(() => store.writeResults(results, new Date()));
      rows.push(
        `${String(net.supplies.length).padStart(9)} supplies + ${String(net.companies.length).padStart(7)} companies | load ${loadS.toFixed(1)} s (${Math.round(total / loadS)} rows/s) | read-back ${readS.toFixed(1)} s | write-back ${writeS.toFixed(1)} s`,
      );
      console.log(rows.at(-1));
    }

    // Reachability in Cypher vs our cascade on a 100k-company network, same 100 companies.
    const net = network(100_000);
    await store.load(net);
    const gen = await store.version();
    const index = indexNetwork(net);
    const sample: number[] = [];
    for (let x = 0; x < index.n && sample.length < 100; x++)
      if (index.outStart[x + 1]! > index.outStart[x]!) sample.push((x * 7919) % index.n);
    const ids = [...new Set(sample)].filter((x) => index.outStart[x + 1]! > index.outStart[x]!).slice(0, 100);
    const driver = neo4j.driver(uri, auth.password ? neo4j.auth.basic(auth.user!, auth.password) : undefined, {
      disableLosslessIntegers: true,
    });
    let cypherTotal = 0;
    const [, cypherS] = await time(async () => {
      for (const x of ids) {
        const { records } = await driver.executeQuery(
          'MATCH (x:Company {gen: $gen, id: $id})-[:SUPPLIES*]->(v) RETURN count(DISTINCT v) AS n',
          { gen, id: index.ids[x] },
        );
        cypherTotal += Number(records[0]?.get('n') ?? 0);
      }
    });
    await driver.close();
    const cascade = createCascade(index);
    let cascadeTotal = 0;
    const [, cascadeS] = await time(() => {
      for (const x of ids) cascadeTotal += cascade.run([x]).length - 1;
    });
    const seen = new Uint8Array(index.n);
    const queue = new Int32Array(index.n);
    let reachTotal = 0;
    const [, reachS] = await time(() => {
      for (const x of ids) reachTotal += reachable(index, x, seen, queue);
    });
    if (reachTotal !== cypherTotal) throw new Error(`reachability differs: ours ${reachTotal}, Cypher ${cypherTotal}`);
    console.log(
      `\n100 companies of a ${index.n}-company / ${index.m}-supply network:\n` +
        `  Cypher [:SUPPLIES*] reachability: ${(cypherS * 1000).toFixed(0)} ms (Σ reached ${cypherTotal})\n` +
        `  our BFS reachability (same answer): ${(reachS * 1000).toFixed(1)} ms → ${(cypherS / reachS).toFixed(0)}× faster\n` +
        `  our threshold cascade (blast radius, Σ ${cascadeTotal}): ${(cascadeS * 1000).toFixed(1)} ms → ${(cypherS / cascadeS).toFixed(0)}× faster than the Cypher query\n` +
        `  The Cypher query computes less: reachability ignores shares and θ; it is an upper bound of the blast radius.`,
    );
  } finally {
    await store.close();
    await own?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
