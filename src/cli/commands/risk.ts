/**
 * `weaklink risk DIR [--runs N] [--seed S] [--exact] [--theta N] [--hit-base P]
 * [--hit-decay R] [--loss-ratio R] [--durations D:P,...] [--workers N]
 * [--format table|json|csv]` — the annual loss distribution over the event loss table
 * (annual-loss.ts): each company hit at most once a year with p(own score), each hit
 * lasting a drawn number of full-stop days. Monte Carlo (seeded, on worker threads for
 * large runs, the same numbers) or exact enumeration for networks of up to 8 companies.
 */
import { type Command, Option } from 'commander';
import { hitLikelihoodFormula, runAnalysis } from '../../analysis/analyze.ts';
import { annualLossReport, checkExactSize } from '../../analysis/annual-loss.ts';
import { annualLossOf } from '../../app/risk.ts';
import { toCsv } from '../csv-output.ts';
import { renderTable } from '../format-report.ts';
import { progress, type Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { yen } from '../money.ts';
import {
  moneyOptions,
  numberIn,
  withMoneyOptions,
  type MoneyCliOptions,
  delimiter,
  DELIMITER_HELP,
} from '../options.ts';

interface RiskOptions extends MoneyCliOptions {
  /** The CSV field separator (--delimiter). */
  delimiter?: string;
  runs: number;
  seed: number;
  exact?: boolean;
  workers?: number;
  format: 'table' | 'json' | 'csv';
}

const percent = (p: number): string => `${(100 * p).toFixed(p >= 0.01 ? 1 : 3)}%`;

export function registerRisk(program: Command, io: Io): void {
  withMoneyOptions(program.command('risk'))
    .description(
      'The annual loss distribution: expected annual loss, 1-in-20/100/200-year losses, the exceedance curves of the annual loss and of the largest single event.',
    )
    .argument('<dir>', 'network folder, or an Excel workbook (.xlsx)')
    .option('--runs <n>', 'Monte Carlo runs', numberIn('--runs', 1, 10_000_000, true), 10_000)
    .option('--seed <s>', 'seed (same seed, same numbers on any machine)', numberIn('--seed', 0, 2 ** 32 - 1, true), 1)
    .option('--exact', 'enumerate every hit set and duration instead (networks of up to 8 companies)')
    .option('--workers <n>', 'worker threads (default: all cores for large runs)', numberIn('--workers', 1, 64, true))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--delimiter <char>', DELIMITER_HELP, delimiter)
    .action(async (dir: string, o: RiskOptions) => {
      const { index } = await loadFolder(dir, io, o.delimiter);
      if (o.exact) checkExactSize(index.n);
      const options = moneyOptions(o);
      const analysis = runAnalysis(index, {
        ...options,
        ...(index.n >= 50_000 ? { onProgress: progress(io, 'single-failure cascades') } : {}),
      });
      const result = await annualLossOf(analysis, {
        runs: o.runs,
        seed: o.seed,
        ...(o.exact ? { exact: true } : {}),
        ...(o.workers !== undefined ? { workers: o.workers } : {}),
        ...(o.exact ? {} : { onProgress: progress(io, 'Monte Carlo runs', o.format !== 'table' && !io.isTty) }),
      });
      if (o.format === 'json') {
        io.out(`${JSON.stringify(annualLossReport(result), null, 1)}\n`);
        return;
      }
      if (o.format === 'csv') {
        const rows = [
          ...result.exceedance.map((c) => ['exceedance', c.loss, c.probability]),
          ...result.occurrence.map((c) => ['occurrence', c.loss, c.probability]),
        ];
        io.out(toCsv(['curve', 'loss', 'probability'], rows));
        return;
      }
      const { options: resolved } = analysis;
      const how =
        result.method === 'exact'
          ? `exact over all ${result.outcomes.toLocaleString('en-US')} outcomes (every hit set and duration) of ${index.n} companies`
          : `${result.runs.toLocaleString('en-US')} Monte Carlo runs, seed ${result.seed}`;
      const out: string[] = [];
      out.push(`Annual loss (${how}):`);
      out.push(
        `  Expected annual loss       ${yen(result.expectedAnnualLoss)} per year (closed form, Σ p × expected event loss)`,
      );
      out.push(
        result.method === 'exact'
          ? `  Mean of the distribution   ${yen(result.mean)} per year`
          : `  Mean of the runs           ${yen(result.mean)} ± ${yen(result.standardError)} per year (standard error)`,
      );
      out.push(`  1-in-20-year annual loss   ${yen(result.quantiles.p95)} per year (95th percentile)`);
      out.push(`  1-in-100-year annual loss  ${yen(result.quantiles.p99)} per year (99th percentile)`);
      out.push(`  1-in-200-year annual loss  ${yen(result.quantiles.p995)} per year (99.5th percentile)`);
      out.push('');
      out.push(
        'Return periods (annual loss: all events of a year added; largest single event: the worst one event of a year):',
      );
      out.push(
        renderTable(
          ['return period', 'exceedance', 'annual loss', 'largest single event'],
          result.returnPeriods.map((r) => [
            `1 in ${r.years.toLocaleString('en-US')} years`,
            percent(1 / r.years),
            `${yen(r.annualLoss)} per year`,
            `${yen(r.largestEvent)} per event`,
          ]),
          'table',
        ),
      );
      if (result.method === 'monte-carlo' && result.runs < 1000)
        out.push(`(return periods longer than ${result.runs} years need more runs)`);
      out.push('');
      out.push(
        `Assumptions: each company is hit at most once a year, independently, with ${hitLikelihoodFormula(resolved)} (s = own score); ` +
          `a hit stops it for ${resolved.durations.map((d) => `${d.days} day${d.days === 1 ? '' : 's'} (${percent(d.probability)})`).join(', ')}; ` +
          `a stopped day loses revenue × ${resolved.lossRatio} / 365; θ = ${resolved.theta}. The curves are in --format json and csv.`,
      );
      io.out(`${out.join('\n')}\n`);
    });
}
