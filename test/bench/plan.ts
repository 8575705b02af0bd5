/**
 * Benchmark of the cost-sharing plan (`planCostSharing`, Monte Carlo): generated networks
 * of 1,000 and 3,000 companies (10,000 with BENCH_FULL=1; it takes minutes), 1,000 runs,
 * a ¥50M budget, seed 1. The greedy re-evaluates every candidate lift after each lift
 * taken, so the time grows faster than the network; this prints how fast. Figures are
 * printed, not asserted.
 *
 *     npx tsx test/bench/plan.ts [--full]
 */
import { cpus } from 'node:os';
import { planCostSharing } from '../../src/analysis/cost-plan.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';

const full = process.env.BENCH_FULL === '1' || process.argv.includes('--full');
const sizes = [1_000, 3_000, ...(full ? [10_000] : [])];
const runs = 1_000;
const budget = 50_000_000;

const rows: string[][] = [['companies', 'supplies', 'lifts', 'spent ¥', 'expected loss before → after', 'seconds']];
for (const companies of sizes) {
  const index = indexNetwork(generateNetwork({ companies, seed: 1 }, collectNetwork()).network);
  process.stderr.write(`plan: ${companies.toLocaleString('en-US')} companies …\n`);
  const started = performance.now();
  const plan = planCostSharing(index, { budget, runs, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  const yen = (x: number): string => Math.round(x).toLocaleString('en-US');
  rows.push([
    companies.toLocaleString('en-US'),
    index.m.toLocaleString('en-US'),
    String(plan.rows.length),
    yen(plan.totalCost),
    `${yen(plan.expectedLossBefore)} → ${yen(plan.expectedLossAfter)}`,
    seconds.toFixed(2),
  ]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
process.stdout.write(
  [
    '',
    `cost-sharing plan — ${runs.toLocaleString('en-US')} Monte Carlo runs, budget ¥${budget.toLocaleString('en-US')}, seed 1; ${cpus().length} cores, Node ${process.version}`,
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    full ? '' : '(10,000 companies: BENCH_FULL=1; it takes minutes)',
    '',
  ].join('\n'),
);
