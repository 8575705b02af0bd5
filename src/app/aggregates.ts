/**
 * The aggregated views of a big network: the tier × country or tier × industry groups
 * with their sums and the supplies between them (`aggregateOf`), the companies of one
 * group highest risk contribution first (`aggregateCompanies`), and the tier-1 suppliers
 * of the focal companies that depend on a company (`companyDependants`). Each table and
 * each group's member list is computed once per view — per network version and as-of
 * date, since risk changes with the date — and kept in the view's memo.
 */
import { aggregateGroups, type GroupBy, type GroupTable } from '../analysis/aggregate-groups.ts';
import { createDependants, type DependantsFinder } from '../analysis/tier1-dependants.ts';
import { NotFoundError } from '../errors.ts';
import type {
  AggregateCompaniesResponse,
  AggregateGroup,
  AggregateResponse,
  DependantsResponse,
} from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';
import { paginate } from './page.ts';

export type { GroupBy } from '../analysis/aggregate-groups.ts';

export const DEFAULTS = {
  /** Tier-1 suppliers listed per focal company at most (with their paths); `tier1Total` counts them all. */
  tier1Limit: 500,
};

/** The group table of `by`, computed once per view. */
function table(view: NetworkView, by: GroupBy): GroupTable {
  return view.once(`aggregate:${by}`, () => aggregateGroups(view.analysis, by));
}

/** Company indices of each group, highest risk contribution first (ties by id), computed once per view. */
function membersOf(view: NetworkView, by: GroupBy): Int32Array[] {
  return view.once(`aggregate-members:${by}`, () => {
    const { groups, groupOf } = table(view, by);
    const lists = groups.map((g) => new Int32Array(g.companies));
    const fill = new Int32Array(groups.length);
    for (const i of view.ranked()) {
      const g = groupOf[i]!;
      lists[g]![fill[g]!++] = i;
    }
    return lists;
  });
}

/** Example: `aggregateOf(view, 'country').groups[0]` → `{ tier: 0, key: 'JP', companies: 1, riskContribution: … }`. */
export function aggregateOf(view: NetworkView, by: GroupBy): AggregateResponse {
  return view.once(`aggregate-response:${by}`, () => {
    const t = table(view, by);
    const groups: AggregateGroup[] = t.groups.map((g) => ({
      tier: g.tier,
      key: g.key,
      companies: g.companies,
      riskContribution: g.risk,
      expectedEventLoss: g.expectedEventLoss,
      unassessed: g.unassessed,
      belowRequired: g.belowRequired,
    }));
    const tiers = [...new Set(t.groups.map((g) => g.tier))];
    const byKey = new Map<string, number>();
    for (const g of t.groups) byKey.set(g.key, (byKey.get(g.key) ?? 0) + g.risk);
    const keys = [...byKey.keys()].sort((a, b) => byKey.get(b)! - byKey.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    return {
      by,
      asOf: view.analysis.options.asOf ?? '',
      companies: view.index.n,
      expectedAnnualLoss: view.analysis.expectedAnnualLoss,
      tiers,
      keys,
      groups,
      links: t.links.map((l) => ({ ...l })),
    };
  });
}

export interface GroupQuery {
  by: GroupBy;
  /** The group's tier; null: the companies with no tier. */
  tier: number | null;
  key: string;
  offset: number;
  limit: number;
}

/** Throws NotFoundError (field `key`) when no company is in the group (tier, key). */
export function aggregateCompanies(view: NetworkView, q: GroupQuery): AggregateCompaniesResponse {
  const response = aggregateOf(view, q.by);
  const g = response.groups.findIndex((x) => x.tier === q.tier && x.key === q.key);
  if (g < 0)
    throw new NotFoundError(
      `No company is at tier ${q.tier ?? 'none'} with ${q.by} "${q.key}"; the groups are listed by GET /api/aggregate?by=${q.by}`,
      q.key,
      'key',
    );
  const page = paginate(Array.from(membersOf(view, q.by)[g]!), q.offset, q.limit);
  return { ...page, items: page.items.map((i) => view.row(i)), group: response.groups[g]! };
}

/**
 * The tier-1 suppliers of `focal` (default: every tier-0 company, those with none
 * downstream of `id` left out) that are downstream of company `id`, at most `limit`
 * (default `DEFAULTS.tier1Limit`) listed per focal company. Throws NotFoundError (field
 * `id` or `focal`) for an unknown id.
 */
export function companyDependants(
  view: NetworkView,
  id: string,
  { focal, limit = DEFAULTS.tier1Limit }: { focal?: string | undefined; limit?: number } = {},
): DependantsResponse {
  const { index, analysis } = view;
  const x = index.indexOf.get(id);
  if (x === undefined)
    throw new NotFoundError(`Unknown company id "${id}"; search with GET /api/companies?q=…`, id, 'id');
  let focals: number[];
  if (focal !== undefined) {
    const f = index.indexOf.get(focal);
    if (f === undefined)
      throw new NotFoundError(
        `Unknown focal company id "${focal}"; search with GET /api/companies?q=…`,
        focal,
        'focal',
      );
    focals = [f];
  } else focals = view.focalIndices();
  const finder = view.once<DependantsFinder>('dependants', () => createDependants(index));
  const found = finder.of(x, {
    focals,
    failures: analysis.failures,
    keepEmpty: focal !== undefined,
    limit,
  });
  const company = (i: number) => index.network.companies[i]!;
  return {
    company: { id, name: view.name(x), tier: view.tierOf(x) },
    downstream: found.downstream,
    focal: found.focal.map((f) => ({
      id: index.ids[f.focal]!,
      name: view.name(f.focal),
      critical: f.critical,
      stopDay: f.stopDay,
      tier1Total: f.total,
      tier1: f.tier1.map((d) => ({
        id: index.ids[d.company]!,
        name: view.name(d.company),
        country: company(d.company).country,
        industry: company(d.company).industry,
        riskContribution: analysis.risk[d.company]!,
        distance: d.distance,
        path: d.path.map((p) => ({ id: index.ids[p]!, name: view.name(p) })),
        critical: d.critical,
        stopDay: d.stopDay,
      })),
    })),
  };
}
