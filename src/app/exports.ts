/**
 * The report's tables as spreadsheet tables (src/io/table-file.ts): every item of a
 * section (src/app/sections.ts) under the section's columns, raw values — yen as whole
 * numbers, shares as fractions — for the CLI's `analyze --format csv|xlsx`, the list
 * routes' `?format=csv|xlsx` and the web's downloads alike.
 *
 * @example
 *   const bytes = await xlsxFile(reportSheets(view));
 */
import type { CompanyRow, ExecutiveResponse, PlanResponse, ScenarioResponse } from '../contract/api-types.ts';
import type { CellKind, TableSheet } from '../io/table-file.ts';
import type { NetworkView } from './network-view.ts';
import { SECTIONS, type ReportSection } from './sections.ts';

/** Every item of `section` as a sheet named by its slug. */
export function sectionSheet<T>(section: ReportSection<T>, view: NetworkView): TableSheet {
  return {
    name: section.slug,
    columns: section.columns.map(({ header, kind }) => ({ header, kind })),
    rows: section.items(view).map((item) => section.columns.map((c) => c.value(item))),
  };
}

/** Every section of the report, in its order. */
export function reportSheets(view: NetworkView): TableSheet[] {
  return SECTIONS.map((section) => sectionSheet(section, view));
}

/** The columns of the company list: header, kind and value of a row. */
const COMPANY_COLUMNS: [string, CellKind, (c: CompanyRow) => string | number | boolean | null][] = [
  ['id', 'text', (c) => c.id],
  ['name', 'text', (c) => c.name],
  ['country', 'text', (c) => c.country],
  ['industry', 'text', (c) => c.industry],
  ['size', 'text', (c) => c.size],
  ['tier', 'count', (c) => c.tier],
  ['own score', 'score', (c) => (c.unassessed ? null : c.ownScore)],
  ['own ★', 'count', (c) => c.ownLevel],
  ['unassessed', 'text', (c) => (c.unassessed ? 'yes' : '')],
  ['effective score', 'score', (c) => c.effectiveScore],
  ['required ★', 'count', (c) => c.requiredLevel],
  ['risk (¥ per year)', 'yen', (c) => c.riskContribution],
  ['stops if hit', 'count', (c) => c.blastRadiusSize],
  ['critical suppliers', 'count', (c) => c.criticalSupplierCount],
];

/** Company list rows as a sheet named "companies". */
export function companySheet(rows: CompanyRow[]): TableSheet {
  return {
    name: 'companies',
    columns: COMPANY_COLUMNS.map(([header, kind]) => ({ header, kind })),
    rows: rows.map((row) => COMPANY_COLUMNS.map(([, , value]) => value(row))),
  };
}

/** A scenario's tables: every company that stops (when, for how long, the revenue at risk) and the timeline. */
export function scenarioSheets(outcome: ScenarioResponse): TableSheet[] {
  const run = outcome.scenario;
  return [
    {
      name: 'scenario-companies',
      columns: [
        { header: 'id', kind: 'text' },
        { header: 'name', kind: 'text' },
        { header: 'focal', kind: 'text' },
        { header: 'stops on day', kind: 'count' },
        { header: 'recovers on day', kind: 'count' },
        { header: 'days down', kind: 'count' },
        { header: 'revenue at risk (¥)', kind: 'yen' },
      ],
      rows: run.companies.map((c) => [
        c.id,
        c.name,
        c.focal ? 'yes' : '',
        c.stoppedOn,
        c.recoveredOn,
        c.daysDown,
        c.revenueAtRisk,
      ]),
    },
    {
      name: 'scenario-timeline',
      columns: [
        { header: 'day', kind: 'count' },
        { header: 'down', kind: 'count' },
        { header: 'stop', kind: 'text' },
        { header: 'recover', kind: 'text' },
      ],
      rows: run.timeline.map((d) => [d.day, d.down, d.stopped.join(', '), d.recovered.join(', ')]),
    },
  ];
}

/** A plan's lifts: who, from which level to which, the cost once, the loss avoided a year, and who pays. */
export function planSheets(plan: PlanResponse): TableSheet[] {
  return [
    {
      name: 'plan',
      columns: [
        { header: 'supplier', kind: 'text' },
        { header: 'name', kind: 'text' },
        { header: 'size', kind: 'text' },
        { header: 'from ★', kind: 'count' },
        { header: 'to ★', kind: 'count' },
        { header: 'cost (¥, once)', kind: 'yen' },
        { header: 'expected annual loss avoided (¥ per year)', kind: 'yen' },
        { header: 'payback (avoided ÷ cost, per year)', kind: 'score' },
        { header: 'paid by large buyers (¥)', kind: 'text' },
        { header: 'unallocated (¥)', kind: 'yen' },
      ],
      rows: plan.lifts.map((l) => [
        l.supplier,
        l.name,
        l.size,
        l.fromLevel,
        l.toLevel,
        l.cost,
        l.avoided,
        l.payback,
        l.split.map((s) => `${s.name} (${s.company}) ${s.amount}`).join('; '),
        l.unallocated,
      ]),
    },
  ];
}

/** The executive view's tables: its plan's lifts and the top contributors to the focal company's loss. */
export function executiveSheets(view: ExecutiveResponse): TableSheet[] {
  return [
    {
      name: 'plan',
      columns: [
        { header: 'supplier', kind: 'text' },
        { header: 'name', kind: 'text' },
        { header: 'from ★', kind: 'count' },
        { header: 'to ★', kind: 'count' },
        { header: 'cost (¥, once)', kind: 'yen' },
        { header: 'expected annual loss avoided (¥ per year)', kind: 'yen' },
      ],
      rows: view.plan.lifts.map((l) => [l.supplier, l.name, l.fromLevel, l.toLevel, l.cost, l.avoided]),
    },
    {
      name: 'top-contributors',
      columns: [
        { header: 'id', kind: 'text' },
        { header: 'name', kind: 'text' },
        { header: 'risk contribution (¥ per year)', kind: 'yen' },
        { header: 'hit likelihood (per year)', kind: 'share' },
        { header: 'loss per hit (¥)', kind: 'yen' },
        { header: 'focal company stops on day', kind: 'count' },
        { header: 'chain from the focal company', kind: 'text' },
      ],
      rows: view.topContributors.map((c) => [
        c.id,
        c.name,
        c.riskContribution,
        c.hitLikelihood,
        c.expectedEventLoss,
        c.focalStopDay,
        c.exposurePath.map((p) => p.name).join(' ← '),
      ]),
    },
  ];
}
