/**
 * `weaklink plan DIR --budget YEN [--targets 3,4,5] [--costs FILE] [--theta θ] [--format table|json|csv]`
 * — the cost-sharing plan (src/analysis/cost-plan.ts): which suppliers to lift to which
 * SCS level so that the budget avoids the most expected annual loss, exactly (dynamic
 * programming) or within a stated percentage of the best plan (greedy with an upper
 * bound), and who among the large buyers pays which part of each lift.
 */
import { readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { runAnalysis } from '../../analysis/analyze.ts';
import { LiftCostTable, planFor, type PlanRequest } from '../../app/plan.ts';
import {
  DEFAULT_LIFT_COSTS,
  DEFAULTS as PLAN_DEFAULTS,
  type CostPlan,
  type PlanLift,
} from '../../analysis/cost-plan.ts';
import { InputError } from '../../errors.ts';
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
  withLangOption,
} from '../options.ts';
import type { TFunction } from 'i18next';
import { formatYen, formatYenFull, translator, type Lang } from '../../i18n/i18n.ts';

interface PlanOptions extends MoneyCliOptions {
  /** The CSV field separator (--delimiter). */
  delimiter?: string;
  budget: number;
  targets: number[];
  costs?: string;
  format: 'table' | 'json' | 'csv';
  lang: Lang;
}

/** A commander parser for --targets: comma-separated levels 1–5. */
function targetList(value: string): number[] {
  const levels = value.split(',').map((s) => Number(s.trim()));
  if (value.trim() === '' || levels.some((k) => !(Number.isInteger(k) && k >= 1 && k <= 5))) {
    throw new InvalidArgumentError(
      `--targets must be comma-separated levels from 1 to 5 (e.g. 3,4,5), got "${value}".`,
    );
  }
  return levels;
}

/** Three significant digits, thousands separated from 1,000 up. */
const sig = (x: number): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const short = (x: number): string => {
  const a = Math.abs(x);
  const [d, s] =
    a >= 1e12 ? [1e12, 'T'] : a >= 1e9 ? [1e9, 'bn'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `¥${Number((x / d).toPrecision(3)).toLocaleString('en-US')}${s}`;
};
const percent = (x: number): string => `${(100 * x).toPrecision(2)} %`;

/** The plan's texts in one language. */
interface PlanTexts {
  t: TFunction;
  /** Money in a sentence (compact in Japanese: 4,810万円) and in a table cell (in full). */
  money(x: number): string;
  cell(x: number): string;
}

function planTexts(lang: Lang): PlanTexts {
  const t = translator(lang);
  if (lang === 'en') return { t, money: yen, cell: yen };
  return { t, money: (x) => formatYen(x, lang), cell: (x) => formatYenFull(x, lang) };
}

/** The lift's cost split as text: `oem ¥4,291,000, seat ¥9,000`, at most `limit` buyers. */
function splitText(lift: PlanLift, texts: PlanTexts, limit = Number.POSITIVE_INFINITY): string {
  if (lift.split.length === 0) return texts.t('report.plan.unallocated');
  const shown = lift.split.slice(0, limit).map((s) => `${s.company} ${texts.cell(s.amount)}`);
  return (
    shown.join(', ') +
    (lift.split.length > limit ? texts.t('report.plan.more', { count: lift.split.length - limit }) : '')
  );
}

const paybackText = (lift: PlanLift, t: TFunction): string =>
  lift.payback === null ? t('report.plan.free') : t('report.plan.payback', { x: sig(lift.payback) });

/** The headline: optimal, or within x % of the best possible plan. */
export function planHeadline(plan: CostPlan, texts: PlanTexts = planTexts('en')): string {
  const { t } = texts;
  if (plan.optimal)
    return t(plan.method === 'dynamic-programming' ? 'report.plan.optimalExact' : 'report.plan.optimalAll');
  const gap = plan.upperBound > 0 ? (plan.upperBound - plan.avoided) / plan.upperBound : 0;
  return t('report.plan.within', { gap: percent(gap), bound: texts.money(plan.upperBound) });
}

export function registerPlan(program: Command, io: Io): void {
  const command = withMoneyOptions(program.command('plan'))
    .description(
      'Which suppliers to lift to which SCS level so that a budget avoids the most expected annual loss, and who pays which part.',
    )
    .argument('<dir>', 'network folder, or an Excel workbook (.xlsx)')
    .requiredOption('--budget <yen>', 'budget in yen, 0 to 1e15', numberIn('--budget', 0, PLAN_DEFAULTS.maxBudget))
    .option('--targets <levels>', 'levels a supplier may be lifted to, comma-separated', targetList, [
      ...PLAN_DEFAULTS.planTargets,
    ])
    .option(
      '--costs <file>',
      'JSON file { "sme": [0→1, 1→2, 2→3, 3→4, 4→5], "large": [...] } in yen (default: the assumed table)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--delimiter <char>', DELIMITER_HELP, delimiter);
  withLangOption(command).action(async (dir: string, o: PlanOptions) => {
    const { index } = await loadFolder(dir, io, o.delimiter);
    let costs: PlanRequest['costs'];
    if (o.costs) {
      const parsed = LiftCostTable.safeParse(JSON.parse(await readFile(o.costs, 'utf8').catch(() => '""')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new InputError(
          `${o.costs}: ${issue.path.join('.') || '(root)'}: ${issue.message}; expected { "sme": [5 yen amounts], "large": [5 yen amounts] }.`,
        );
      }
      costs = parsed.data;
    }
    const analysis = runAnalysis(index, {
      ...moneyOptions(o),
      ...(index.n >= 50_000 ? { onProgress: progress(io, 'single-failure cascades') } : {}),
    });
    const plan = planFor(analysis, { budget: o.budget, planTargets: o.targets, ...(costs ? { costs } : {}) });
    if (o.format === 'json') {
      io.out(`${JSON.stringify(plan, null, 1)}\n`);
      return;
    }
    if (o.format === 'csv') {
      io.out(
        toCsv(
          ['supplier', 'name', 'size', 'fromLevel', 'toLevel', 'cost', 'avoided', 'payback', 'split', 'unallocated'],
          plan.lifts.map((l) => [
            l.supplier,
            l.name,
            l.size,
            l.fromLevel,
            l.toLevel,
            l.cost,
            l.avoided,
            l.payback,
            l.split.map((s) => `${s.company}:${s.amount}`).join(' '),
            l.unallocated,
          ]),
        ),
      );
      return;
    }
    const texts = planTexts(o.lang);
    const { t } = texts;
    const n = plan.lifts.length;
    io.out(
      `${t('report.plan.title', { budget: texts.money(plan.budget), spent: texts.money(plan.totalCost), count: n })}\n`,
    );
    io.out(
      `${t('report.plan.loss', {
        before: texts.money(plan.expectedAnnualLossBefore),
        after: texts.money(plan.expectedAnnualLossAfter),
        avoided: texts.money(plan.avoided),
        headline: planHeadline(plan, texts),
      })}\n\n`,
    );
    if (n > 0) {
      io.out(
        renderTable(
          t('report.plan.columns', { returnObjects: true }) as string[],
          plan.lifts.map((l, i) => [
            i + 1,
            `${l.name} (${l.supplier})`,
            `★${l.fromLevel} → ★${l.toLevel}`,
            texts.cell(l.cost),
            texts.cell(l.avoided),
            paybackText(l, t),
            splitText(l, texts, 3),
          ]),
          'table',
        ) + '\n\n',
      );
    }
    const table = (c: readonly number[]): string =>
      c.map((x) => (o.lang === 'en' ? short(x) : formatYen(x, o.lang))).join('/');
    const source = costs
      ? t('report.plan.costsFrom', { file: o.costs })
      : t('report.plan.costsAssumed', { sme: table(DEFAULT_LIFT_COSTS.sme), large: table(DEFAULT_LIFT_COSTS.large) });
    io.out(`${t('report.plan.targets', { targets: `★${o.targets.join(', ★')}`, source })}\n`);
  });
}
