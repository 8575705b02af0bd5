/**
 * Benchmark of the cost-sharing plan (`costPlan`) after the analysis: generated networks
 * of 1,000, 10,000 and 100,000 companies (1,000,000 with BENCH_FULL=1 or --full: its
 * analysis takes minutes), budgets ¥50M and ¥5bn. Prints the plan's seconds (not the
 * analysis'), the method (exact dynamic programming or greedy with its bound) and the gap.
 * Figures are printed, not asserted.
 *
 *     npx tsx test/bench/plan.ts [--full]
 */
import { cpus } from 'node:os';
import { runAnalysis } from '../../src/analysis/analyze.ts';
import { costPlan } from '../../src/analysis/cost-plan.ts';
import { collectNetwork, generateNetwork } from '../../src/generate/generate-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';

const full = process.env.BENCH_FULL === '1' || process.argv.includes('--full');
const sizes = [1_000, 10_000, 100_000, ...(full ? [1_000_000] : [])];
const budgets = [50_000_000, 5_000_000_000];

const yen = (x: number): string => Math.round(x).toLocaleString('en-US');
const rows: string[][] = [
  ['companies', 'analysis s', 'budget ¥', 'method', 'lifts', 'spent ¥', 'AAL avoided ¥/year', 'gap', 'plan s'],
];
for (const companies of sizes) {
  process.stderr.write(`plan: ${companies.toLocaleString('en-US')} companies …\n`);
  const index = indexNetwork(generateNetwork({ companies, seed: 1 }, collectNetwork()).network);
  let started = performance.now();
  const analysis = runAnalysis(index);
  const analysisSeconds = (performance.now() - started) / 1000;
  for (const budget of budgets) {
    started = performance.now();
    const plan = costPlan(analysis, { budget });
    const seconds = (performance.now() - started) / 1000;
    const gap = plan.optimal
      ? 'optimal'
      : `≤ ${((100 * (plan.upperBound - plan.avoided)) / plan.upperBound).toPrecision(2)} %`;
    rows.push([
      companies.toLocaleString('en-US'),
      analysisSeconds.toFixed(1),
      yen(budget),
      plan.method,
      String(plan.lifts.length),
      yen(plan.totalCost),
      yen(plan.avoided),
      gap,
      seconds.toFixed(3),
    ]);
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]): string =>
  r.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
process.stdout.write(
  [
    '',
    `cost-sharing plan after the analysis — targets ★3/★4/★5, default lift costs; ${cpus().length} cores, Node ${process.version}`,
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    full ? '' : '(1,000,000 companies: BENCH_FULL=1)',
    '',
  ].join('\n'),
);
