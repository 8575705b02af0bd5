/**
 * The report sections: the ranked lists of an analysed network, each defined once — its
 * key, the items (from the section's analysis file, cached by the view), its columns
 * (header, raw value, kind: how to show it) and its API route (path, summary, response
 * schema, page size, and any fields beside the page). The server's list routes
 * (`GET /api/analysis/<slug>`) and the CLI's table and md output are made from this list,
 * so both show the same rows in the same order.
 *
 * Adding an analysis: its file in src/analysis, one entry here, one table in the web.
 *
 * @example
 *   for (const s of SECTIONS) console.log(s.heading(s.items(view).length, 10));
 */
import type { z } from 'zod';
import {
  ConcentrationSchema,
  HiddenCriticalSchema,
  LapsingListSchema,
  LevelGapsSchema,
  SingleSourcesSchema,
  UnassessedListSchema,
  WeakLinksSchema,
} from '../contract/schemas.ts';
import type { SingleSource } from '../contract/api-types.ts';
import type { ConcentrationGroupReport } from '../analysis/concentration-report.ts';
import type { HiddenCriticalReport } from '../analysis/hidden-critical.ts';
import type { LevelGapReport } from '../analysis/level-gap-report.ts';
import { unassessedReports, type UnassessedReport } from '../analysis/unassessed-report.ts';
import { lapsingReports, type LapsingReport } from '../analysis/lapsing-report.ts';
import type { WeakLinkReport } from '../analysis/weak-link-report.ts';
import { MAX_WEAK_LINKS, type NetworkView } from './network-view.ts';
import type { Page } from './page.ts';
import type { CellKind } from '../io/table-file.ts';
import type { Lang } from '../i18n/i18n.ts';
import { reasonText } from '../i18n/reasons.ts';

/** How a cell is shown: text as is, yen (¥ with its period in the header), a share 0–1 as %, a whole count. */
export type ColumnKind = CellKind;

export interface Column<T> {
  header: string;
  kind: ColumnKind;
  value(item: T): string | number | null;
  /** The cell as a text report writes it in `lang`, when it is not `value` as is. */
  text?(item: T, lang: Lang): string;
}

export interface ReportSection<T> {
  /** The key of the section in the analysis JSON. */
  key:
    | 'weakLinks'
    | 'singleSources'
    | 'hiddenCriticalSuppliers'
    | 'levelGaps'
    | 'unassessed'
    | 'lapsing'
    | 'concentration';
  /** GET /api/analysis/<slug>. */
  slug: string;
  operationId: string;
  /** The API route's summary. */
  summary: string;
  /** The heading of the section in the CLI's text report, given the rows shown and the items in all. */
  heading(total: number, shown: number): string;
  /** The items are a top list, not all there are: a text report gives no "… and N more" under it. */
  topList?: boolean;
  /** What the items are, plural ("… and 12 more level gaps"). */
  noun: string;
  /** The ranked items. */
  items(view: NetworkView): T[];
  /** A text report leaves the section out when it has no items (a network without assessments has no lapsing list). */
  omitWhenEmpty?: boolean;
  /** The items a text report shows (default all). */
  shown?(item: T): boolean;
  columns: Column<T>[];
  /** The route's page size when none is asked. */
  pageSize?: number;
  /** The route's response: the page (its items under `itemsKey`, default "items") and any fields beside it. */
  response: z.ZodType;
  itemsKey?: string;
  extra?(view: NetworkView): Record<string, unknown>;
}

const define = <T>(section: ReportSection<T>): ReportSection<T> => section;
const list = (xs: readonly string[], max: number): string =>
  xs.slice(0, max).join(', ') + (xs.length > max ? `, +${xs.length - max} more` : '');

export const WEAK_LINKS = define<WeakLinkReport>({
  key: 'weakLinks',
  slug: 'weak-links',
  operationId: 'weakLinks',
  summary: `Companies of highest risk contribution (the first ${MAX_WEAK_LINKS}), with a one-line reason each.`,
  heading: (_total, shown) => `Weak links (top ${shown} by risk contribution)`,
  topList: true,
  noun: 'weak links',
  items: (view) => view.weakLinks(),
  columns: [
    { header: '#', kind: 'count', value: (w) => w.rank },
    { header: 'company', kind: 'text', value: (w) => `${w.name} (${w.id})` },
    { header: 'own', kind: 'score', value: (w) => (w.unassessed ? null : w.ownScore) },
    { header: 'risk (¥ per year)', kind: 'yen', value: (w) => w.riskContribution },
    { header: 'loss per hit (¥)', kind: 'yen', value: (w) => w.expectedEventLoss },
    { header: 'why', kind: 'text', value: (w) => w.reason, text: (w, lang) => reasonText(w, lang) },
  ],
  pageSize: 25,
  response: WeakLinksSchema,
  extra: (view) => ({ theta: view.theta, hitLikelihood: view.hitLikelihood }),
});

export const SINGLE_SOURCES = define<SingleSource>({
  key: 'singleSources',
  slug: 'single-sources',
  operationId: 'singleSources',
  summary: 'Direct single sources (share above 1 − θ), by buyer, commodity, supplier.',
  heading: (n) => `Direct single sources (${n})`,
  noun: 'single sources',
  items: (view) => view.singleSources(),
  columns: [
    { header: 'buyer', kind: 'text', value: (s) => `${s.buyerName} (${s.buyer})` },
    { header: 'commodity', kind: 'text', value: (s) => s.commodity },
    { header: 'supplier', kind: 'text', value: (s) => `${s.supplierName} (${s.supplier})` },
    { header: 'share', kind: 'share', value: (s) => s.share },
  ],
  response: SingleSourcesSchema,
});

export const HIDDEN_CRITICAL = define<HiddenCriticalReport>({
  key: 'hiddenCriticalSuppliers',
  slug: 'hidden-critical',
  operationId: 'hiddenCritical',
  summary: 'Critical suppliers that are not the direct single source of the companies they are critical for.',
  heading: (n) => `Hidden critical suppliers (${n}): single points of failure that are not a direct single source`,
  noun: 'hidden critical suppliers',
  items: (view) => view.hiddenCritical(),
  columns: [
    { header: 'supplier', kind: 'text', value: (x) => `${x.name} (${x.supplier})` },
    { header: 'stops focal', kind: 'text', value: (x) => x.focalDependants.join(', ') || '—' },
    { header: 'stops in all', kind: 'count', value: (x) => x.dependants.length },
    { header: 'for example', kind: 'text', value: (x) => x.dependants.slice(0, 4).join(', ') },
  ],
  response: HiddenCriticalSchema,
});

export const LEVEL_GAPS = define<LevelGapReport>({
  key: 'levelGaps',
  slug: 'level-gaps',
  operationId: 'levelGaps',
  summary: 'Suppliers whose required level is above their own, widest gap first, with the buyers that ask ★4 and why.',
  heading: (n) => `Level gaps (${n}): ★ required above ★ own — take these to the suppliers`,
  noun: 'level gaps',
  items: (view) => view.levelGaps(),
  columns: [
    { header: 'supplier', kind: 'text', value: (g) => `${g.name} (${g.id})` },
    { header: 'own ★', kind: 'text', value: (g) => (g.unassessed ? '0 (unassessed)' : String(g.ownLevel)) },
    { header: 'required ★', kind: 'count', value: (g) => g.requiredLevel },
    {
      header: 'asked by (why)',
      kind: 'text',
      value: (g) =>
        list(
          g.askedBy.map((b) => `${b.buyerName} (${b.reasons.join('+')})`),
          3,
        ),
    },
  ],
  response: LevelGapsSchema,
});

export const UNASSESSED = define<UnassessedReport>({
  key: 'unassessed',
  slug: 'unassessed',
  operationId: 'unassessed',
  summary:
    'Suppliers without an SCS assessment (scored 0), highest risk contribution first: who to ask for a ★3 self-assessment first.',
  heading: (n) => `Unassessed suppliers (${n}): ask these for an SCS assessment first`,
  noun: 'unassessed suppliers',
  items: (view) => view.once('unassessed', () => unassessedReports(view.analysis)),
  columns: [
    { header: '#', kind: 'count', value: (u) => u.rank },
    { header: 'supplier', kind: 'text', value: (u) => `${u.name} (${u.id})` },
    { header: 'tier', kind: 'count', value: (u) => u.tier },
    { header: 'risk (¥ per year)', kind: 'yen', value: (u) => u.riskContribution },
    { header: 'stops', kind: 'count', value: (u) => u.blastRadiusSize },
    { header: 'stops focal', kind: 'text', value: (u) => u.focalStopped.join(', ') || '—' },
  ],
  response: UnassessedListSchema,
});

export const LAPSING = define<LapsingReport>({
  key: 'lapsing',
  slug: 'lapsing',
  operationId: 'lapsing',
  summary:
    'Assessments lapsing within lapsingDays (default 90) of the as-of date, largest rise of the expected annual loss first, with the focal companies that would stop and the day.',
  heading: (n) => `Lapsing assessments (${n}): renew these first`,
  noun: 'lapsing assessments',
  omitWhenEmpty: true,
  items: (view) => view.once('lapsing', () => lapsingReports(view.analysis)),
  columns: [
    { header: '#', kind: 'count', value: (l) => l.rank },
    { header: 'company', kind: 'text', value: (l) => `${l.name} (${l.id})` },
    { header: '★', kind: 'count', value: (l) => l.level },
    { header: 'valid until', kind: 'text', value: (l) => l.validUntil },
    { header: 'AAL increase (¥ per year)', kind: 'yen', value: (l) => l.aalIncrease },
    {
      header: 'focal stops (day)',
      kind: 'text',
      value: (l) => l.focalStops.map((f) => `${f.id} (day ${f.day})`).join(', ') || '—',
    },
  ],
  response: LapsingListSchema,
  extra: (view) => ({ asOf: view.analysis.options.asOf, lapsingDays: view.analysis.options.lapsingDays }),
});

/**
 * The lapsing list within `days` of the as-of date instead of the analysis's
 * `lapsingDays` (GET /api/analysis/lapsing?lapsingDays=), computed once per window.
 */
export function lapsingWithin(view: NetworkView, days: number): LapsingReport[] {
  if (days === view.analysis.options.lapsingDays) return LAPSING.items(view);
  return view.once(`lapsing:${days}`, () => lapsingReports(view.analysis, days));
}

export const CONCENTRATION = define<ConcentrationGroupReport>({
  key: 'concentration',
  slug: 'concentration',
  operationId: 'concentration',
  summary:
    'HHI of each (buyer, commodity) group (paged, most concentrated first), country concentration per tier, countries of critical suppliers.',
  heading: () => 'Concentration',
  noun: 'groups',
  items: (view) => view.concentrationGroups(),
  shown: (g) => g.suppliers.length > 1 || g.hhi >= 10_000 - 1e-9,
  columns: [
    { header: 'buyer', kind: 'text', value: (g) => g.buyer },
    { header: 'commodity', kind: 'text', value: (g) => g.commodity },
    { header: 'HHI', kind: 'count', value: (g) => Math.round(g.hhi) },
    {
      header: 'suppliers (share)',
      kind: 'text',
      value: (g) => g.suppliers.map((x) => `${x.name} ${(100 * x.share).toFixed(0)}%`).join(', '),
    },
  ],
  response: ConcentrationSchema,
  itemsKey: 'groups',
  extra: (view) => view.concentrationByCountry(),
});

/** Every section, in the order of the reports. */
export const SECTIONS: readonly ReportSection<unknown>[] = [
  WEAK_LINKS,
  SINGLE_SOURCES,
  HIDDEN_CRITICAL,
  LEVEL_GAPS,
  UNASSESSED,
  LAPSING,
  CONCENTRATION,
];

/** One page of a section as its API route answers it. */
export function sectionPage<T>(
  section: ReportSection<T>,
  view: NetworkView,
  page: Pick<Page<T>, 'offset' | 'limit'>,
): Record<string, unknown> {
  const items = section.items(view);
  const { offset, limit } = page;
  return {
    total: items.length,
    offset,
    limit,
    [section.itemsKey ?? 'items']: items.slice(offset, offset + limit),
    ...section.extra?.(view),
  };
}
