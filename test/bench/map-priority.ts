/**
 * Benchmark of the detailed map's cap and of the structural importance, in process, on
 * a generated network (src/generate, seed 7): the overview request the web makes
 * (`graphElements`, depth 6, limit 1,500: search, kinds, cap, elements) the first time
 * and again, and as GET /api/graph answers it the second time (kept), what it kept of each kind and of each tier; then `structuralRank` (PageRank by a power
 * iteration over the typed arrays), computed once per network
 * version. Sizes: 100,000 companies, and 1,000,000 with `--full` (minutes: the analysis
 * comes first). Figures, not pass/fail; not part of `npm test`.
 *
 *     npx tsx test/bench/map-priority.ts [--full] [--sizes 100000,1000000]
 */
import { parseArgs } from 'node:util';
import { runAnalysis } from '../../src/analysis/analyze.ts';
import { graphElements, keptGraphElements } from '../../src/app/graph.ts';
import { NetworkView } from '../../src/app/network-view.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false }, sizes: { type: 'string' } } });
const sizes = values.sizes
  ? values.sizes.split(',').map(Number)
  : [100_000, ...(values.full || process.env.BENCH_FULL === '1' ? [1_000_000] : [])];

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(3)} s`;
const fmt = (n: number): string => n.toLocaleString('en-US');

for (const n of sizes) {
  process.stderr.write(`bench map-priority: ${fmt(n)} companies …\n`);
  let t = performance.now();
  const { network } = generateNetwork({ companies: n, seed: 7 }, collectNetwork());
  const view = new NetworkView('bench', runAnalysis(indexNetwork(network)));
  view.warm();
  const prepared = seconds(t);
  const query = { depth: 6, up: 0, down: 0, limit: 1500, criticalOnly: false };
  t = performance.now();
  const first = graphElements(view, query);
  const firstS = seconds(t);
  t = performance.now();
  const again = graphElements(view, query);
  const againS = seconds(t);
  await keptGraphElements(view, query);
  t = performance.now();
  await keptGraphElements(view, query);
  const keptS = seconds(t);
  t = performance.now();
  const expand = graphElements(view, { ...query, focus: first.nodes[first.nodes.length - 1]!.id, up: 1 });
  const expandS = seconds(t);
  const bytes = Buffer.byteLength(JSON.stringify(again));
  const tiers = new Map<string, number>();
  for (const node of again.nodes) tiers.set(String(node.tier), (tiers.get(String(node.tier)) ?? 0) + 1);
  t = performance.now();
  const { pagerank } = view.structural();
  const structuralS = seconds(t);
  const top = pagerank.reduce((best, v, i) => (v > pagerank[best]! ? i : best), 0);
  const c = again.cap;
  console.log(
    `\n${fmt(n)} companies, ${fmt(network.supplies.length)} supplies (generated, analysed, warmed in ${prepared})`,
  );
  console.log(
    `  overview graph (depth 6, limit 1,500): first ${firstS}, again ${againS} (kept by GET /api/graph: ${keptS}); ${fmt(bytes)} bytes of JSON`,
  );
  console.log(
    `  kept ${fmt(c.shown)} of ${fmt(c.reachable)}: ${c.roots} focal, ${fmt(c.critical)} critical suppliers, ${fmt(c.onPaths)} on their paths, ${fmt(c.topRisk)} highest risk`,
  );
  console.log(`  per tier: ${[...tiers].map(([tier, k]) => `${tier}: ${fmt(k)}`).join(', ')}`);
  console.log(`  expand one company (focus, up 1): ${expandS}, ${fmt(expand.nodes.length)} companies`);
  console.log(
    `  structural importance (PageRank), first use: ${structuralS}; highest: ${view.index.ids[top]} (${pagerank[top]!.toPrecision(2)})`,
  );
}
