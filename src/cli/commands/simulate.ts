/**
 * `weaklink simulate DIR --hit ID[,ID...]` — a breach of a hit set: every company it
 * stops with the first day it is down and its revenue per day of outage, and the loss
 * over each assumed outage duration of the hit companies, with their expectation.
 */
import { type Command, Option } from 'commander';
import { breachOutcome } from '../../analysis/breach.ts';
import { UsageError } from '../../errors.ts';
import { renderTable } from '../format-report.ts';
import type { Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { yen } from '../money.ts';
import { idList, theta } from '../options.ts';

interface SimulateOptions {
  hit: string[];
  theta?: number;
  format: 'table' | 'json';
}

export function registerSimulate(program: Command, io: Io): void {
  program
    .command('simulate')
    .description(
      'Hit a set of companies: what stops and on which day, the revenue per day of outage, and the loss over each assumed outage duration.',
    )
    .argument('<dir>', 'network folder')
    .requiredOption('--hit <ids>', 'comma-separated ids of the companies hit (repeatable)', idList)
    .option('--theta <n>', 'threshold θ in (0, 1]', theta)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (dir: string, options: SimulateOptions) => {
      const { index } = await loadFolder(dir, io);
      const unknown = options.hit.filter((id) => !index.indexOf.has(id));
      if (unknown.length > 0) {
        throw new UsageError(
          `--hit: unknown company id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (not in ${dir}/companies); check the id column.`,
          'hit',
        );
      }
      const hitIds = [...new Set(options.hit)].sort();
      const outcome = breachOutcome(
        index,
        hitIds.map((id) => index.indexOf.get(id)!),
        options.theta !== undefined ? { theta: options.theta } : {},
      );
      const companies = outcome.companies.map((c) => ({
        id: index.ids[c.company]!,
        name: index.network.companies[c.company]!.name,
        stopDay: c.stopDay,
        revenuePerDay: c.revenuePerDay,
      }));
      if (options.format === 'json') {
        const disrupted = companies.map((c) => c.id).sort();
        io.out(
          `${JSON.stringify({ hit: hitIds, disrupted, companies, revenuePerDay: outcome.revenuePerDay, lossByDuration: outcome.lossByDuration, expectedLoss: outcome.expectedLoss }, null, 1)}\n`,
        );
        return;
      }
      const others = companies.length - hitIds.length;
      io.out(
        `Breach of ${hitIds.join(', ')}: stops ${others} other compan${others === 1 ? 'y' : 'ies'}; once all have stopped, ${yen(outcome.revenuePerDay)} of revenue per day of outage.\n`,
      );
      io.out(
        `Loss by outage length (full-stop days of the hit companies): ${outcome.lossByDuration.map((d) => `${d.days} d ${yen(d.loss)}`).join(' · ')}; ` +
          `expected ${yen(outcome.expectedLoss)} per event over the assumed durations.\n\n`,
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
