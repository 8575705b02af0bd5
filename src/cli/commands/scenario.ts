/**
 * `weaklink scenario DIR --hit ID[,ID] --days N [--what-if FILE]` — the day-by-day
 * breach scenario: what stops when, what recovers, the revenue at risk per day and in
 * all, and when each focal company stops. With `--what-if`, the network is changed
 * first (raise a level, add a second source, remove a supplier) and every analysis is
 * shown before and after.
 */
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { runAnalysis } from '../../analysis/analyze.ts';
import { parseWhatIfs } from '../../analysis/what-if.ts';
import { NetworkView } from '../../app/network-view.ts';
import { runScenario } from '../../app/scenario.ts';
import { InputError } from '../../errors.ts';
import type { WhatIf } from '../../model/scenario.ts';
import { toCsv } from '../csv-output.ts';
import { renderTable } from '../format-report.ts';
import type { Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { yen } from '../money.ts';
import {
  asOfOption,
  idList,
  numberIn,
  theta,
  delimiter,
  DELIMITER_HELP,
  withAsOfOption,
  withLangOption,
} from '../options.ts';
import { formatYen, translator, type Lang } from '../../i18n/i18n.ts';

interface ScenarioOptions {
  lang: Lang;
  /** The CSV field separator (--delimiter). */
  delimiter?: string;
  hit: string[];
  days: number;
  whatIf?: string;
  theta?: number;
  asOf?: string;
  format: 'table' | 'json' | 'csv';
}

export function registerScenario(program: Command, io: Io): void {
  const command = program
    .command('scenario')
    .description(
      'Hit companies for N days: what stops when, what recovers, the revenue at risk; optionally after what-if changes.',
    )
    .argument('<dir>', 'network folder, or an Excel workbook (.xlsx)')
    .requiredOption('--hit <ids>', 'comma-separated ids of the companies hit', idList)
    .requiredOption('--days <n>', 'days the hit companies are down', numberIn('--days', 0, 36_500, true))
    .option('--what-if <file>', 'JSON file: [{ "op": "raise-level" | "add-supplier" | "remove-supplier", ... }]')
    .option('--theta <n>', 'threshold θ in (0, 1]', theta)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--delimiter <char>', DELIMITER_HELP, delimiter);
  withLangOption(withAsOfOption(command)).action(async (dir: string, o: ScenarioOptions) => {
    const { index } = await loadFolder(dir, io, o.delimiter);
    const whatIf = o.whatIf ? await readWhatIfs(o.whatIf) : [];
    // The same use case as POST /api/scenario: the same checks, the same JSON.
    const options = { ...asOfOption(o), ...(o.theta !== undefined ? { theta: o.theta } : {}) };
    const view = new NetworkView('cli', runAnalysis(index, options));
    const { scenario: result, whatIf: comparison } = await runScenario(view, { hit: o.hit, days: o.days, whatIf });
    if (o.format === 'json') {
      io.out(`${JSON.stringify({ scenario: result, whatIf: comparison }, null, 1)}\n`);
      return;
    }
    if (o.format === 'csv') {
      io.out(
        toCsv(
          ['company', 'name', 'focal', 'stoppedOn', 'recoveredOn', 'daysDown', 'revenueAtRisk'],
          result.companies.map((c) => [c.id, c.name, c.focal, c.stoppedOn, c.recoveredOn, c.daysDown, c.revenueAtRisk]),
        ),
      );
      return;
    }
    const t = translator(o.lang);
    const money = (x: number): string => (o.lang === 'en' ? yen(x) : formatYen(x, o.lang));
    const after = o.whatIf ? t('report.scenario.afterWhatIfs', { file: o.whatIf }) : '';
    io.out(`${t('report.scenario.title', { hit: result.hit.join(', '), count: result.days, after })}\n`);
    io.out(
      `${t('report.scenario.summary', {
        stopped: result.companies.length,
        down: result.peak.down,
        day: result.peak.day,
        loss: money(result.totalRevenueAtRisk),
        days: result.days,
      })}\n\n`,
    );
    for (const f of result.focal) {
      io.out(
        `${
          f.stoppedOn === null
            ? t('report.scenario.keepsRunning', { id: f.id })
            : t('report.scenario.stops', { id: f.id, day: f.stoppedOn, count: f.daysDown })
        }\n`,
      );
    }
    io.out(`\n${t('report.scenario.timeline')}\n`);
    io.out(
      renderTable(
        t('report.scenario.timelineColumns', { returnObjects: true }) as string[],
        result.timeline.map((e) => [e.day, e.down, list(e.stopped), list(e.recovered)]),
        'table',
      ) + '\n',
    );
    if (comparison) {
      const change = `${comparison.totalRisk.change >= 0 ? '+' : ''}${money(comparison.totalRisk.change)}`;
      io.out(
        `\n${t('report.scenario.whatIf', {
          before: money(comparison.totalRisk.before),
          after: money(comparison.totalRisk.after),
          change,
        })}\n`,
      );
      io.out(
        renderTable(
          t('report.scenario.whatIfColumns', { returnObjects: true }) as string[],
          comparison.companies
            .slice(0, 15)
            .map((c) => [
              c.id,
              c.changed.join(', '),
              `${c.before?.effectiveScore ?? '—'} → ${c.after?.effectiveScore ?? '—'}`,
              `${c.before ? money(c.before.riskContribution) : '—'} → ${c.after ? money(c.after.riskContribution) : '—'}`,
            ]),
          'table',
        ) + '\n',
      );
      io.out(
        `${t('report.scenario.changes', {
          ssAdded: comparison.singleSources.added.length,
          ssRemoved: comparison.singleSources.removed.length,
          gapAdded: comparison.levelGaps.added.length,
          gapRemoved: comparison.levelGaps.removed.length,
        })}\n`,
      );
    }
  });
}

/** The what-ifs of a JSON file (an array of operations), checked by the API's schema. */
async function readWhatIfs(file: string): Promise<WhatIf[]> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file}: not valid JSON (${(error as Error).message}); expected an array of what-if operations.`,
    );
  }
  return parseWhatIfs(json);
}

function list(ids: string[]): string {
  return ids.length <= 5 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} … (+${ids.length - 5})`;
}
