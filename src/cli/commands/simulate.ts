/**
 * `weaklink simulate DIR --hit ID[,ID...]` — a breach of a hit set (src/app/simulate.ts,
 * the use case the API runs too): every company it stops with the first day it is down
 * and its revenue per day of outage, and the loss over each assumed outage duration of
 * the hit companies, with their expectation. An unknown id is a usage error (exit 2).
 */
import { type Command, Option } from 'commander';
import { simulateBreach } from '../../app/simulate.ts';
import { renderTable } from '../format-report.ts';
import type { Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { yen } from '../money.ts';
import { asOfOption, idList, isoDate, theta, delimiter, DELIMITER_HELP } from '../options.ts';

interface SimulateOptions {
  /** The CSV field separator (--delimiter). */
  delimiter?: string;
  hit: string[];
  theta?: number;
  asOf?: string;
  format: 'table' | 'json';
}

export function registerSimulate(program: Command, io: Io): void {
  program
    .command('simulate')
    .description(
      'Hit a set of companies: what stops and on which day, the revenue per day of outage, and the loss over each assumed outage duration.',
    )
    .argument('<dir>', 'network folder, or an Excel workbook (.xlsx)')
    .requiredOption('--hit <ids>', 'comma-separated ids of the companies hit (repeatable)', idList)
    .option('--theta <n>', 'threshold θ in (0, 1]', theta)
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD): the levels of the assessments valid then', isoDate)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--delimiter <char>', DELIMITER_HELP, delimiter)
    .action(async (dir: string, options: SimulateOptions) => {
      const { index } = await loadFolder(dir, io, options.delimiter);
      const report = simulateBreach(
        index,
        { hit: options.hit, ...(options.theta !== undefined ? { theta: options.theta } : {}) },
        asOfOption(options),
      );
      if (options.format === 'json') {
        io.out(`${JSON.stringify(report, null, 1)}\n`);
        return;
      }
      const { companies, hit: hitIds } = report;
      const others = companies.length - hitIds.length;
      io.out(
        `Breach of ${hitIds.join(', ')}: stops ${others} other compan${others === 1 ? 'y' : 'ies'}; once all have stopped, ${yen(report.revenuePerDay)} of revenue per day of outage.\n`,
      );
      io.out(
        `Loss by outage length (full-stop days of the hit companies): ${report.lossByDuration.map((d) => `${d.days} d ${yen(d.loss)}`).join(' · ')}; ` +
          `expected ${yen(report.expectedLoss)} per event over the assumed durations.\n\n`,
      );
      const hitSet = new Set(hitIds);
      io.out(
        renderTable(
          ['stops on day', 'company', 'name', 'revenue per day', 'how'],
          companies.map((c) => [
            c.stopDay,
            c.id,
            c.name,
            yen(c.revenuePerDay),
            hitSet.has(c.id) ? 'hit' : 'inputs below θ',
          ]),
          'table',
        ) + '\n',
      );
    });
}
