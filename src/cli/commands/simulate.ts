/**
 * `weaklink simulate DIR --hit ID[,ID...]` — the disruption cascade for a hit set: the
 * disrupted companies (sorted ids, the hit ones included) and the revenue at risk.
 */
import { type Command, Option } from 'commander';
import { disruptedSet } from '../../analysis/cascade.ts';
import { UsageError } from '../../errors.ts';
import { renderTable } from '../format-report.ts';
import type { Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { idList, theta } from '../options.ts';

interface SimulateOptions {
  hit: string[];
  theta?: number;
  format: 'table' | 'json';
}

export function registerSimulate(program: Command, io: Io): void {
  program
    .command('simulate')
    .description('Hit a set of companies and show what the disruption cascade stops, and the revenue at risk.')
    .argument('<dir>', 'network folder')
    .requiredOption('--hit <ids>', 'comma-separated ids of the companies hit (repeatable)', idList)
    .option('--theta <n>', 'threshold θ in (0, 1]', theta)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (dir: string, options: SimulateOptions) => {
      const { index } = await loadFolder(dir, io);
      const unknown = options.hit.filter((id) => !index.indexOf.has(id));
      if (unknown.length > 0) {
        throw new UsageError(`--hit: unknown company id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (not in ${dir}/companies); check the id column.`, 'hit');
      }
      const hit = options.hit.map((id) => index.indexOf.get(id)!);
      const disrupted = Array.from(disruptedSet(index, hit, options.theta !== undefined ? { theta: options.theta } : {}));
      const ids = disrupted.map((i) => index.ids[i]!).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const revenueAtRisk = disrupted.reduce((s, i) => s + index.value[i]!, 0);
      const hitIds = [...new Set(options.hit)].sort();
      if (options.format === 'json') {
        io.out(`${JSON.stringify({ hit: hitIds, disrupted: ids, revenueAtRisk }, null, 1)}\n`);
        return;
      }
      io.out(`Hit: ${hitIds.join(', ')}\n`);
      io.out(`Disrupted: ${ids.length} compan${ids.length === 1 ? 'y' : 'ies'}; revenue at risk ${revenueAtRisk}\n\n`);
      const hitSet = new Set(hitIds);
      io.out(
        renderTable(
          ['company', 'name', 'revenue', 'how'],
          ids.map((id) => {
            const i = index.indexOf.get(id)!;
            return [id, index.network.companies[i]!.name, index.value[i]!, hitSet.has(id) ? 'hit' : 'stopped (inputs below θ)'];
          }),
          'table',
        ) + '\n',
      );
    });
}
