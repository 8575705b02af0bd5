/**
 * `weaklink risk DIR [--runs N] [--seed S] [--exact] [--theta N] [--hit-base P]
 * [--hit-decay R] [--loss-ratio R] [--durations D:P,...] [--workers N]
 * [--format table|json|csv]` — the annual loss distribution over the event loss table
 * (annual-loss.ts): each company hit at most once a year with p(own score), each hit
 * lasting a drawn number of full-stop days. Monte Carlo (seeded, on worker threads for
 * large runs, the same numbers) or exact enumeration for networks of up to 8 companies.
 */
import { type Command, Option } from 'commander';
import stringWidth from 'string-width';
import { hitLikelihoodFormula, runAnalysis } from '../../analysis/analyze.ts';
import { annualLossReport, checkExactSize } from '../../analysis/annual-loss.ts';
import { annualLossOf } from '../../app/risk.ts';
import { toCsv } from '../csv-output.ts';
import { renderTable } from '../format-report.ts';
import { progress, type Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { yen } from '../money.ts';
import { formatYen, translator, type Lang } from '../../i18n/i18n.ts';
import {
  moneyOptions,
  numberIn,
  withMoneyOptions,
  type MoneyCliOptions,
  delimiter,
  DELIMITER_HELP,
  withLangOption,
} from '../options.ts';

interface RiskOptions extends MoneyCliOptions {
  lang: Lang;
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
  const command = withMoneyOptions(program.command('risk'))
    .description(
      'The annual loss distribution: expected annual loss, 1-in-20/100/200-year losses, the exceedance curves of the annual loss and of the largest single event.',
    )
    .argument('<dir>', 'network folder, or an Excel workbook (.xlsx)')
    .option('--runs <n>', 'Monte Carlo runs', numberIn('--runs', 1, 10_000_000, true), 10_000)
    .option('--seed <s>', 'seed (same seed, same numbers on any machine)', numberIn('--seed', 0, 2 ** 32 - 1, true), 1)
    .option('--exact', 'enumerate every hit set and duration instead (networks of up to 8 companies)')
    .option('--workers <n>', 'worker threads (default: all cores for large runs)', numberIn('--workers', 1, 64, true))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--delimiter <char>', DELIMITER_HELP, delimiter);
  withLangOption(command).action(async (dir: string, o: RiskOptions) => {
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
    const t = translator(o.lang);
    const money = (x: number): string => (o.lang === 'en' ? yen(x) : formatYen(x, o.lang));
    const count = (n: number): string => n.toLocaleString('en-US');
    const how =
      result.method === 'exact'
        ? t('report.risk.exact', { outcomes: count(result.outcomes), companies: index.n })
        : t('report.risk.monteCarlo', { runs: count(result.runs), seed: result.seed });
    const out: string[] = [];
    out.push(t('report.risk.title', { how }));
    const rows: [string, Record<string, string>][] = [
      ['expected', { loss: money(result.expectedAnnualLoss) }],
      result.method === 'exact'
        ? ['meanExact', { mean: money(result.mean) }]
        : ['meanRuns', { mean: money(result.mean), error: money(result.standardError) }],
      ['p95', { loss: money(result.quantiles.p95) }],
      ['p99', { loss: money(result.quantiles.p99) }],
      ['p995', { loss: money(result.quantiles.p995) }],
    ];
    // label and value, the labels padded to one display width (Japanese labels are full-width)
    const lines = rows.map(([key, values]) => t(`report.risk.${key}`, { ...values, returnObjects: true }) as string[]);
    const labelWidth = Math.max(...lines.map(([label]) => stringWidth(label!)));
    for (const [label, value] of lines)
      out.push(`  ${label}${' '.repeat(labelWidth - stringWidth(label!) + 2)}${value}`);
    out.push('');
    out.push(t('report.risk.periods'));
    out.push(
      renderTable(
        t('report.risk.columns', { returnObjects: true }) as string[],
        result.returnPeriods.map((r) => [
          t('report.risk.period', { years: count(r.years) }),
          percent(1 / r.years),
          t('report.risk.perYear', { loss: money(r.annualLoss) }),
          t('report.risk.perEvent', { loss: money(r.largestEvent) }),
        ]),
        'table',
      ),
    );
    if (result.method === 'monte-carlo' && result.runs < 1000)
      out.push(t('report.risk.moreRuns', { runs: result.runs }));
    out.push('');
    out.push(
      t('report.risk.assumptions', {
        hit: hitLikelihoodFormula(resolved),
        durations: resolved.durations
          .map((d) => t('report.risk.duration', { count: d.days, share: percent(d.probability) }))
          .join(', '),
        ratio: resolved.lossRatio,
        theta: resolved.theta,
      }),
    );
    io.out(`${out.join('\n')}\n`);
  });
}
