/**
 * `weaklink risk DIR [--runs N] [--seed S] [--exact]` — the annual loss distribution:
 * every company hit independently with p(own score), the cascade, loss = revenue of the
 * disrupted set. Monte Carlo (seeded, both cores for large runs) or exact enumeration
 * for networks of up to 20 companies.
 */
import { type Command, Option } from 'commander';
import { exactLoss, monteCarloLoss, type LossDistribution } from '../../analysis/loss-distribution.ts';
import { parallelMonteCarloLoss } from '../../analysis-runtime/parallel-loss.ts';
import { toCsv } from '../csv-output.ts';
import { renderTable } from '../format-report.ts';
import { progress, type Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { numberIn, theta } from '../options.ts';

interface RiskOptions {
  runs: number;
  seed: number;
  exact?: boolean;
  theta?: number;
  workers?: number;
  format: 'table' | 'json' | 'csv';
}

const money = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));

/** Below this many run × company steps one thread is quicker than starting workers. */
const PARALLEL_WORK = 20_000_000;

export function registerRisk(program: Command, io: Io): void {
  program
    .command('risk')
    .description('The annual loss distribution: mean, p95, p99 and the companies behind the worst years.')
    .argument('<dir>', 'network folder')
    .option('--runs <n>', 'Monte Carlo runs', numberIn('--runs', 1, 10_000_000, true), 10_000)
    .option('--seed <s>', 'seed (same seed, same numbers on any machine)', numberIn('--seed', 0, 2 ** 32 - 1, true), 1)
    .option('--exact', 'enumerate every hit set instead (networks of up to 20 companies)')
    .option('--workers <n>', 'worker threads (default: all cores for large runs)', numberIn('--workers', 1, 64, true))
    .option('--theta <n>', 'threshold θ in (0, 1]', theta)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (dir: string, o: RiskOptions) => {
      const { index } = await loadFolder(dir, io);
      const options = o.theta !== undefined ? { theta: o.theta } : {};
      if (o.exact) {
        const exact = exactLoss(index, options);
        if (o.format === 'json') io.out(`${JSON.stringify({ method: 'exact', ...exact }, null, 1)}\n`);
        else if (o.format === 'csv') io.out(toCsv(['method', 'hitSets', 'mean', 'p95', 'p99'], [['exact', exact.hitSets, exact.mean, exact.p95, exact.p99]]));
        else io.out(`Exact loss over all ${exact.hitSets} hit sets of ${exact.companies} companies: mean ${money(exact.mean)}, p95 ${money(exact.p95)}, p99 ${money(exact.p99)}\n`);
        return;
      }
      const bar = progress(io, 'Monte Carlo runs', o.format !== 'table' && !io.isTty);
      const run = { runs: o.runs, seed: o.seed, onProgress: bar };
      const workers = o.workers ?? (o.runs * index.n >= PARALLEL_WORK ? undefined : 1);
      const dist: LossDistribution =
        workers === 1 ? monteCarloLoss(index, run, options) : await parallelMonteCarloLoss(index, { ...run, ...(workers ? { workers } : {}) }, options);
      const { losses: _losses, ...summary } = dist;
      if (o.format === 'json') {
        io.out(`${JSON.stringify({ method: 'monte-carlo', ...summary }, null, 1)}\n`);
        return;
      }
      if (o.format === 'csv') {
        io.out(toCsv(['company', 'name', 'timesHitInWorst', 'shareOfWorst'], dist.topHitInWorst.map((h) => [h.id, h.name, h.count, h.share])));
        return;
      }
      io.out(`Annual loss over ${dist.runs} Monte Carlo runs (seed ${dist.seed}; each company hit with p(s) = 0.3 × 0.97^s):\n`);
      io.out(`  mean ${money(dist.mean)} ± ${money(dist.standardError)} (standard error)\n  p95  ${money(dist.p95)}\n  p99  ${money(dist.p99)}\n  max  ${money(dist.max)}\n\n`);
      io.out(`Companies hit most often in the worst 5% of runs (${dist.worst.runs} runs, loss ≥ ${money(dist.worst.minLoss)}):\n`);
      io.out(renderTable(['company', 'name', 'runs', 'share'], dist.topHitInWorst.map((h) => [h.id, h.name, h.count, `${(100 * h.share).toFixed(0)}%`]), 'table') + '\n');
    });
}
