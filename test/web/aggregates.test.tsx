// @vitest-environment happy-dom
/**
 * The Aggregates tab (web/src/tabs/aggregates.tsx, aggregate-matrix.ts) and the panel's
 * "Tier-1 suppliers that depend on it" (web/src/panel/Tier1Dependants.tsx): the matrix
 * from an answer of GET /api/aggregate, a cell down to its companies and its supplier
 * and buyer groups, the switch to industries, and the tier-1 suppliers listed by focal
 * company, each a link to the map.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  AggregateCompaniesResponse,
  AggregateResponse,
  CompanyRow,
  DependantsResponse,
} from '../../src/contract/api-types.ts';
import type { GroupQuery } from '../../web/src/api-client.ts';
import { lang } from '../../web/src/i18n.ts';
import { Tier1Dependants, tier1Count } from '../../web/src/panel/Tier1Dependants.tsx';
import { aggregateMatrix, cellShade, groupFlows } from '../../web/src/tabs/aggregate-matrix.ts';
import { AggregatesView } from '../../web/src/tabs/aggregates.tsx';
import type { AggregateSource, TableView } from '../../web/src/tabs/view.ts';

const group = (tier: number | null, key: string, companies: number, riskContribution: number) => ({
  tier,
  key,
  companies,
  riskContribution,
  expectedEventLoss: riskContribution * 100,
  unassessed: 1,
  belowRequired: 0,
});

/** JP at tiers 0–2, CN at tier 1 and no tier: CN's tier-1 group holds the most risk. */
const byCountry: AggregateResponse = {
  by: 'country',
  asOf: '2026-12-05',
  companies: 9,
  expectedAnnualLoss: 1_000_000,
  tiers: [0, 1, 2, null],
  keys: ['CN', 'JP'],
  groups: [
    group(0, 'JP', 1, 10_000),
    group(1, 'CN', 3, 600_000),
    group(1, 'JP', 2, 90_000),
    group(2, 'JP', 2, 280_000),
    group(null, 'CN', 1, 20_000),
  ],
  links: [
    { from: 3, to: 1, supplies: 4, singleSources: 3 },
    { from: 1, to: 0, supplies: 3, singleSources: 1 },
    { from: 2, to: 0, supplies: 2, singleSources: 2 },
    { from: 3, to: 2, supplies: 1, singleSources: 0 },
  ],
};
const byIndustry: AggregateResponse = {
  ...byCountry,
  by: 'industry',
  tiers: [0, 1],
  keys: ['castings'],
  groups: [group(0, 'castings', 1, 400_000), group(1, 'castings', 8, 600_000)],
  links: [],
};

const row = (id: string, riskContribution: number): CompanyRow => ({
  id,
  name: `${id} Co.`,
  country: 'CN',
  industry: null,
  size: null,
  tier: 1,
  ownScore: 0,
  ownLevel: 0,
  unassessed: true,
  effectiveScore: 0,
  requiredLevel: 3,
  riskContribution,
  blastRadiusSize: 2,
  criticalSupplierCount: 0,
});

let source: AggregateSource & {
  table: ReturnType<typeof vi.fn<(by: 'country' | 'industry') => Promise<AggregateResponse>>>;
  companies: ReturnType<typeof vi.fn<(q: GroupQuery) => Promise<AggregateCompaniesResponse>>>;
};
let onFocus: ReturnType<typeof vi.fn<(id: string) => void>>;

beforeEach(() => {
  lang.value = 'en';
  onFocus = vi.fn<(id: string) => void>();
  source = {
    table: vi.fn(async () => byIndustry),
    // Three companies in the group, one page of two then the last one.
    companies: vi.fn(async (q: GroupQuery) => {
      const all = [row('c1', 300_000), row('c2', 200_000), row('c3', 100_000)];
      const items = all.slice(q.offset ?? 0, (q.offset ?? 0) + 2);
      return { total: 3, offset: q.offset ?? 0, limit: 2, items, group: byCountry.groups[1]! };
    }),
  };
});
afterEach(() => cleanup());

const view = (): TableView => ({ nameOf: (id) => id, focal: () => new Map(), onFocus, aggregates: source });

describe('aggregateMatrix', () => {
  it('puts each group in its row and tier column, rows in the server order, with row sums', () => {
    const m = aggregateMatrix(byCountry);
    expect(m.tiers).toEqual([0, 1, 2, null]);
    expect(m.rows.map((r) => r.key)).toEqual(['CN', 'JP']);
    expect(m.rows[0]!.cells.map((c) => c?.index ?? null)).toEqual([null, 1, null, 4]);
    expect(m.rows[1]!.cells.map((c) => c?.index ?? null)).toEqual([0, 2, 3, null]);
    expect([m.rows[0]!.risk, m.rows[0]!.companies]).toEqual([620_000, 4]);
    expect(m.max).toBe(600_000);
  });

  it('shades the largest cell darkest and an empty one white', () => {
    expect(cellShade(600_000, 600_000)).toBe('rgb(198, 40, 40)');
    expect(cellShade(0, 600_000)).toBe('rgb(255, 255, 255)');
    expect(cellShade(5, 0)).toBe('rgb(255, 255, 255)');
  });

  it('lists the supplies into and out of a group, a group to itself in both', () => {
    const flows = groupFlows(byCountry, 3);
    expect(flows.incoming).toEqual([]);
    expect(flows.outgoing.map((f) => [f.index, f.supplies, f.singleSources])).toEqual([
      [1, 4, 3],
      [2, 1, 0],
    ]);
    const self = groupFlows({ ...byCountry, links: [{ from: 2, to: 2, supplies: 5, singleSources: 0 }] }, 2);
    expect([self.incoming.length, self.outgoing.length]).toEqual([1, 1]);
  });
});

describe('AggregatesView', () => {
  it('draws the matrix: a cell per group with its count and risk, headed by tier', () => {
    const { container } = render(<AggregatesView data={byCountry} view={view()} />);
    const heads = [...container.querySelectorAll('table.agg-matrix thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Country', 'Tier 0 (focal)', 'Tier 1', 'Tier 2', 'No tier']);
    expect(container.querySelector('tr[data-key="CN"] th')!.textContent).toBe('CN · 4¥620K');
    const cells = container.querySelectorAll<HTMLButtonElement>('button.agg-cell');
    expect(cells).toHaveLength(5);
    const cn1 = container.querySelector<HTMLButtonElement>('button.agg-cell[data-tier="1"][data-key="CN"]')!;
    expect(cn1.querySelector('.agg-count')!.textContent).toBe('3');
    expect(cn1.querySelector('.agg-risk')!.textContent).toBe('¥600K');
    expect(cn1.style.background).toBe('rgb(198, 40, 40)');
    expect(container.querySelector('.agg-pick')).not.toBeNull();
  });

  it('opens a cell: its figures, its supplier and buyer groups, its companies paged; a row focuses the map', async () => {
    const { container } = render(<AggregatesView data={byCountry} view={view()} />);
    fireEvent.click(container.querySelector('button.agg-cell[data-tier="1"][data-key="CN"]')!);
    const rows = () => container.querySelectorAll<HTMLElement>('table[data-table="aggregate-companies"] tbody tr.row');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(source.companies).toHaveBeenCalledWith({ by: 'country', tier: 1, key: 'CN', offset: 0, limit: 50 });
    const detail = container.querySelector('.agg-detail')!;
    expect(detail.querySelector('h3')!.textContent).toBe('Tier 1 · CN');
    expect(detail.querySelector('.agg-facts')!.textContent).toContain('3 companies');
    const [incoming, outgoing] = [...detail.querySelectorAll('.agg-flows')];
    expect(incoming!.textContent).toContain('Tier 2 · JP');
    expect(incoming!.textContent).toContain('4 supplies, 3 single sources');
    expect(outgoing!.textContent).toContain('Tier 0 (focal) · JP');
    fireEvent.click(container.querySelector('button.agg-more')!);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(container.querySelector('button.agg-more')).toBeNull();
    fireEvent.click(rows()[2]!);
    expect(onFocus).toHaveBeenCalledWith('c3');
    // A supplier group's link opens that group.
    fireEvent.click(incoming!.querySelector('button[data-group="3"]')!);
    await waitFor(() => expect(container.querySelector('.agg-detail h3')!.textContent).toBe('Tier 2 · JP'));
    expect(source.companies).toHaveBeenLastCalledWith({ by: 'country', tier: 2, key: 'JP', offset: 0, limit: 50 });
  });

  it('switches to industries, fetching them once', async () => {
    const { container } = render(<AggregatesView data={byCountry} view={view()} />);
    fireEvent.click(container.querySelector('button[data-by="industry"]')!);
    await waitFor(() =>
      expect(container.querySelector('table.agg-matrix')!.getAttribute('data-loaded-by')).toBe('industry'),
    );
    expect(container.querySelectorAll('button.agg-cell')).toHaveLength(2);
    expect(container.querySelector('table.agg-matrix thead th')!.textContent).toBe('Industry');
    fireEvent.click(container.querySelector('button[data-by="country"]')!);
    fireEvent.click(container.querySelector('button[data-by="industry"]')!);
    expect(source.table).toHaveBeenCalledTimes(1);
  });

  it('starts over from a new answer (the network changed)', async () => {
    const { container, rerender } = render(<AggregatesView data={byCountry} view={view()} />);
    fireEvent.click(container.querySelector('button.agg-cell[data-tier="1"][data-key="CN"]')!);
    await waitFor(() => expect(container.querySelector('.agg-detail')).not.toBeNull());
    const fresh = { ...byCountry, keys: ['JP'], groups: [group(0, 'JP', 4, 5)], links: [], tiers: [0] };
    rerender(<AggregatesView data={fresh} view={view()} />);
    await waitFor(() => expect(container.querySelectorAll('button.agg-cell')).toHaveLength(1));
    expect(container.querySelector('.agg-detail')).toBeNull();
  });

  it('speaks Japanese', () => {
    lang.value = 'ja';
    const { container } = render(<AggregatesView data={byCountry} view={view()} />);
    const heads = [...container.querySelectorAll('table.agg-matrix thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['国', '0次 (自社)', '1次', '2次', '階層なし']);
    expect(container.querySelector('tr[data-key="CN"] th')!.textContent).toBe('CN · 4社62万円');
    expect(container.querySelector('h3')!.textContent).toBe('階層 × 国別のリスク');
  });
});

const dependants: DependantsResponse = {
  company: { id: 'deep', name: 'Deep Resin Co.', tier: 3 },
  downstream: 5,
  focal: [
    {
      id: 'oem',
      name: 'OEM Motors',
      critical: true,
      stopDay: 4,
      tier1Total: 2,
      tier1: [
        {
          id: 'seat',
          name: 'Seat Works',
          country: 'JP',
          industry: null,
          riskContribution: 1,
          distance: 2,
          path: [
            { id: 'deep', name: 'Deep Resin Co.' },
            { id: 'mould', name: 'Mould KK' },
            { id: 'seat', name: 'Seat Works' },
          ],
          critical: true,
          stopDay: 3,
        },
        {
          id: 'trim',
          name: 'Trim Ltd.',
          country: 'JP',
          industry: null,
          riskContribution: 1,
          distance: 1,
          path: [
            { id: 'deep', name: 'Deep Resin Co.' },
            { id: 'trim', name: 'Trim Ltd.' },
          ],
          critical: false,
          stopDay: null,
        },
      ],
    },
  ],
};

describe('Tier1Dependants', () => {
  it('lists the tier-1 suppliers by focal company, how each depends, each a link to the map', async () => {
    const load = vi.fn(async () => dependants);
    const { container } = render(<Tier1Dependants id="deep" load={load} onFocus={onFocus} />);
    await waitFor(() => expect(container.querySelector('.dependants[data-loaded="true"]')).not.toBeNull());
    expect(load).toHaveBeenCalledWith('deep');
    expect(container.querySelector('h3')!.textContent).toBe('Tier-1 suppliers that depend on it (2)');
    expect(container.querySelector('.dependants-stop')!.textContent).toBe('A hit here stops OEM Motors on day 4.');
    const items = [...container.querySelectorAll('[data-tier1]')].map((li) => li.textContent);
    expect(items[0]).toBe('Seat Works stops on day 3 via Mould'); // short names, as on the map
    expect(items[1]).toBe('Trim Ltd. has other sources');
    fireEvent.click(container.querySelector('a[data-id="trim"]')!);
    expect(onFocus).toHaveBeenCalledWith('trim');
  });

  it('says so when no tier-1 supplier depends on it, and counts one serving two focal companies once', async () => {
    const none = { ...dependants, downstream: 0, focal: [] };
    const { container } = render(<Tier1Dependants id="deep" load={async () => none} onFocus={onFocus} />);
    await waitFor(() => expect(container.textContent).toContain('None of the focal companies’ tier-1 suppliers'));
    const twice = { ...dependants, focal: [dependants.focal[0]!, { ...dependants.focal[0]!, id: 'oem2' }] };
    expect(tier1Count(twice)).toBe(2);
  });
});
