/**
 * `weaklink plan DIR --budget B [--costs FILE]` — the cost-sharing plan: lifts of
 * suppliers' levels chosen greedily by avoided expected loss per yen until the budget
 * is spent, each lift's cost split among the large buyers by the loss it avoids for them.
 */
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { planCostSharing, type LiftCosts } from '../../analysis/cost-plan.ts';
import { InputError } from '../../errors.ts';
import { toCsv } from '../csv-output.ts';
import { renderTable } from '../format-report.ts';
import type { Io } from '../io.ts';
import { loadFolder } from '../load.ts';
import { numberIn, theta } from '../options.ts';

interface PlanOptions {
  budget: number;
  costs?: string;
  runs: number;
  seed: number;
  exact?: boolean;
  theta?: number;
  format: 'table' | 'json' | 'csv';
}

const levelCosts = z.array(z.number().nonnegative()).length(5);
const costsSchema = z.object({ sme: levelCosts.optional(), large: levelCosts.optional() }).strict();

const money = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));

export function registerPlan(program: Command, io: Io): void {
  program
    .command('plan')
    .description('Where a shared security budget lowers the expected loss most, and who pays which part.')
    .argument('<dir>', 'network folder')
    .requiredOption('--budget <yen>', 'budget in yen', numberIn('--budget', 0, 1e15))
    .option('--costs <file>', 'JSON file { "sme": [0→1, 1→2, 2→3, 3→4, 4→5], "large": [...] } in yen')
    .option('--runs <n>', 'Monte Carlo runs for the expected loss', numberIn('--runs', 1, 1_000_000, true), 10_000)
    .option('--seed <s>', 'seed', numberIn('--seed', 0, 2 ** 32 - 1, true), 1)
    .option('--exact', 'exact expected loss (networks of up to 20 companies)')
    .option('--theta <n>', 'threshold θ in (0, 1]', theta)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (dir: string, o: PlanOptions) => {
      const { index } = await loadFolder(dir, io);
      let costs: Partial<LiftCosts> | undefined;
      if (o.costs) {
        const parsed = costsSchema.safeParse(JSON.parse(await readFile(o.costs, 'utf8').catch(() => '""')));
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new InputError(`${o.costs}: ${issue.path.join('.') || '(root)'}: ${issue.message}; expected { "sme": [5 yen amounts], "large": [5 yen amounts] }.`);
        }
        costs = parsed.data as Partial<LiftCosts>;
      }
      if (!o.exact && o.format === 'table') io.err(`estimating the expected loss with ${o.runs} Monte Carlo runs…\n`);
      const plan = planCostSharing(
        index,
        { budget: o.budget, runs: o.runs, seed: o.seed, ...(o.exact ? { exact: true } : {}), ...(costs ? { costs } : {}) },
        o.theta !== undefined ? { theta: o.theta } : {},
        planProgress(io),
      );
      if (io.isTty && plan.rows.length > 0) io.err('\n');
      if (o.format === 'json') {
        io.out(`${JSON.stringify(plan, null, 1)}\n`);
        return;
      }
      const splitText = (s: (typeof plan.rows)[number]['split']): string =>
        s === 'unallocated' ? 'unallocated (no large buyer avoids loss)' : s.map((x) => `${x.company} ${money(x.amount)}`).join(', ');
      const shortSplit = (s: (typeof plan.rows)[number]['split']): string =>
        s === 'unallocated' ? 'unallocated' : s.slice(0, 3).map((x) => `${x.company} ${money(x.amount)}`).join(', ') + (s.length > 3 ? `, +${s.length - 3} more` : '');
      if (o.format === 'csv') {
        io.out(toCsv(['supplier', 'name', 'fromLevel', 'toLevel', 'cost', 'avoidedLoss', 'ratio', 'split'], plan.rows.map((r) => [r.supplier, r.name, r.fromLevel, r.toLevel, r.cost, r.avoidedLoss, r.ratio, splitText(r.split)])));
        return;
      }
      io.out(`Cost-sharing plan: budget ¥${money(plan.budget)}, spent ¥${money(plan.totalCost)} on ${plan.rows.length} lift${plan.rows.length === 1 ? '' : 's'}\n`);
      io.out(`Expected annual loss ${money(plan.expectedLossBefore)} → ${money(plan.expectedLossAfter)} (${plan.method}${plan.runs ? `, ${plan.runs} runs` : ''})\n\n`);
      io.out(
        renderTable(
          ['#', 'supplier', '★ from → to', 'cost ¥', 'avoided loss', 'per ¥', 'paid by'],
          plan.rows.map((r, i) => [i + 1, `${r.name} (${r.supplier})`, `${r.fromLevel} → ${r.toLevel}`, money(r.cost), money(r.avoidedLoss), r.ratio.toPrecision(3), shortSplit(r.split)]),
          'table',
        ) + '\n',
      );
      io.out('\nLift costs are assumptions (see README, "Cost-sharing plan"); pass --costs FILE to use your own.\n');
    });
}

/**
 * Progress of a long plan on standard error: after each lift, the lifts chosen and the
 * budget spent, redrawn on a terminal, else a line every 10 s (a small plan prints none).
 */
export const DEFAULTS = { progressEveryMs: 10_000 };

function planProgress(io: Io): (spent: number, budget: number) => void {
  const started = Date.now();
  let lifts = 0;
  let last = started;
  return (spent, budget) => {
    lifts++;
    const now = Date.now();
    const line = `planning: ${lifts} lift${lifts === 1 ? '' : 's'} chosen, ¥${money(spent)} of ¥${money(budget)} spent (${((now - started) / 1000).toFixed(0)} s)`;
    if (io.isTty) io.err(`\r${line} `);
    else if (now - last >= DEFAULTS.progressEveryMs) {
      last = now;
      io.err(`${line}\n`);
    }
  };
}
