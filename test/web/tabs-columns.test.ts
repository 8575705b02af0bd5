/**
 * The drawer's tables as data (web/src/tabs/columns.ts): each column's cell text for a
 * row, with the names of companies and focal companies; the countries chart's data
 * (web/src/tabs/countries.ts); and the drawer's store (web/src/tabs/state.ts).
 */
import { describe, expect, it } from 'vitest';
import type {
  ConcentrationGroup,
  ConcentrationResponse,
  HiddenCritical,
  LevelGap,
  SingleSource,
  WeakLink,
} from '../../src/contract/api-types.ts';
import {
  askedByText,
  cellText,
  concentrationTable,
  hiddenCriticalTable,
  hhiBand,
  levelGapTable,
  rowsNote,
  singleSourceTable,
  weakLinkTable,
  type Names,
  type TableSpec,
} from '../../web/src/tabs/columns.ts';
import { countryBars, countryPalette, OTHER_COLOUR, segmentLabel, sortParts } from '../../web/src/tabs/countries.ts';
import { clampHeight, createTabsStore, DRAWER_HEIGHT, type Loaders } from '../../web/src/tabs/state.ts';
import { unassessedTable } from '../../web/src/tabs/unassessed.tsx';

const names: Names = {
  nameOf: (id) => ({ 'auto-oem': 'Kirishima Motor Corporation', 'retail-hq': 'Hinoki Living Co., Ltd.' })[id] ?? id,
  focal: () =>
    new Map([
      ['auto-oem', 'Kirishima Motor Corporation'],
      ['retail-hq', 'Hinoki Living Co., Ltd.'],
    ]),
};

/** Every cell's text of a row, by column head. */
function texts<R>(spec: TableSpec<R>, row: R): Record<string, string> {
  return Object.fromEntries(spec.columns.map((c) => [c.head, cellText(c.cell(row))]));
}

const weak: WeakLink = {
  rank: 1,
  id: 'ota-springs',
  name: 'Ota Precision Springs Co.',
  ownScore: 0,
  unassessed: true,
  hitLikelihood: 0.015,
  expectedEventLoss: 1.55e12,
  riskContribution: 23.2e9,
  blastRadiusSize: 2,
  focalStops: [{ id: 'auto-oem', day: 3 }],
  reason: 'unassessed (scored 0); 2 companies stop if it is hit, including focal auto-oem on day 3',
};

describe('weak links table', () => {
  const spec = weakLinkTable(names);

  it('shows the money with its unit, the blast radius and the reason with focal names', () => {
    expect(spec.name).toBe('weak-links');
    expect(spec.rowId(weak)).toBe('ota-springs');
    expect(texts(spec, weak)).toEqual({
      '#': '1',
      Company: 'Ota Precision Springs Co. ota-springs',
      Own: '?',
      'Risk ¥/yr': '¥23.2B/yr',
      Stops: '2',
      'Loss ¥/hit': '¥1.6T/hit',
      Why: 'unassessed (scored 0); 2 companies stop if it is hit, including Kirishima Motor on day 3',
    });
    const why = spec.columns.find((c) => c.head === 'Why')!.cell(weak);
    expect(why).toMatchObject({ kind: 'text', class: 'reason' });
  });

  it('draws the own score as a score chip, numeric columns right-aligned', () => {
    const own = spec.columns.find((c) => c.head === 'Own')!;
    expect(own.cell({ ...weak, unassessed: false, ownScore: 25 })).toEqual({
      kind: 'score',
      score: 25,
      unassessed: false,
    });
    expect(spec.columns.filter((c) => c.num).map((c) => c.head)).toEqual([
      '#',
      'Own',
      'Risk ¥/yr',
      'Stops',
      'Loss ¥/hit',
    ]);
  });

  it('names a focal company by its id when its name is not known', () => {
    const plain = weakLinkTable({ nameOf: (id) => id, focal: () => new Map() });
    expect(texts(plain, weak)['Why']).toBe(
      'unassessed (scored 0); 2 companies stop if it is hit, including auto-oem on day 3',
    );
  });
});

describe('single sources and hidden critical tables', () => {
  it('names the supplier and the buyer, with the share', () => {
    const row: SingleSource = {
      buyer: 'aoba-power-semi',
      buyerName: 'Aoba Power Semiconductor Co.',
      commodity: 'wafer-foundry',
      supplier: 'tsukuba-silicon',
      supplierName: 'Tsukuba Silicon Foundry',
      share: 1,
    };
    expect(singleSourceTable.rowId(row)).toBe('tsukuba-silicon');
    expect(texts(singleSourceTable, row)).toEqual({
      Supplier: 'Tsukuba Silicon Foundry tsukuba-silicon',
      Commodity: 'wafer-foundry',
      Buyer: 'Aoba Power Semiconductor Co. aoba-power-semi',
      Share: '100%',
    });
  });

  it('names the focal companies a hidden critical supplier stops, or a muted dash', () => {
    const spec = hiddenCriticalTable(names);
    const row: HiddenCritical = {
      supplier: 'ohio-fiber',
      name: 'Ohio Fibre Inc.',
      dependants: ['a', 'b', 'auto-oem'],
      focalDependants: ['auto-oem', 'retail-hq'],
    };
    expect(texts(spec, row)).toEqual({
      Supplier: 'Ohio Fibre Inc. ohio-fiber',
      Stops: '3',
      'Focal companies it stops': 'Kirishima Motor Corporation, Hinoki Living Co., Ltd.',
    });
    const focal = spec.columns[2]!;
    expect(focal.cell(row)).toMatchObject({ class: 'warn-text' });
    expect(focal.cell({ ...row, focalDependants: [] })).toEqual({ kind: 'text', text: '—', class: 'muted' });
  });
});

describe('level gaps table', () => {
  const gap: LevelGap = {
    id: 'seto-alloy',
    name: 'Seto Alloy Refining Co.',
    ownLevel: 0,
    requiredLevel: 4,
    unassessed: false,
    askedBy: [
      {
        buyer: 'nagano-cast',
        buyerName: 'Nagano Precision Casting Co., Ltd.',
        commodity: 'alloy-ingot',
        reasons: ['halt'],
      },
      {
        buyer: 'tanaka-cast',
        buyerName: 'Tanaka Casting Works',
        commodity: 'alloy-ingot',
        reasons: ['data', 'access'],
      },
    ],
  };

  it('shows the levels, the gap as a badge and who asks (buyer names) and why', () => {
    expect(texts(levelGapTable, gap)).toEqual({
      Supplier: 'Seto Alloy Refining Co. seto-alloy',
      Own: '★0',
      Required: '★4',
      Gap: '+4',
      'Asked by':
        'Nagano Precision Casting (alloy-ingot: can halt it); Tanaka Casting Works (alloy-ingot: handles its data, reaches its systems)',
    });
    expect(levelGapTable.columns[3]!.cell(gap)).toEqual({ kind: 'chip', class: 'badge warn', text: '+4' });
    expect(levelGapTable.columns[4]!.cell(gap)).toMatchObject({ class: 'reason' });
  });

  it('says ? for an unassessed supplier and the basic level when no buyer asks ★4', () => {
    const basic = { ...gap, unassessed: true, requiredLevel: 3, askedBy: [] };
    expect(texts(levelGapTable, basic)['Own']).toBe('?');
    expect(askedByText(basic)).toBe('basic level (★3) for every buyer');
  });
});

describe('concentration table', () => {
  const group: ConcentrationGroup = {
    buyer: 'auto-oem',
    commodity: 'brakes',
    hhi: 5000,
    suppliers: [
      { id: 'ota-springs', name: 'Ota Precision Springs Co., Ltd.', share: 0.5 },
      { id: 'seto-alloy', name: 'Seto Alloy Refining Co.', share: 0.5 },
    ],
  };

  it('names the buyer and the suppliers with their shares, the HHI in its band', () => {
    const spec = concentrationTable(names);
    expect(spec.rowId(group)).toBe('auto-oem');
    expect(texts(spec, group)).toEqual({
      Buyer: 'Kirishima Motor Corporation auto-oem',
      Commodity: 'brakes',
      HHI: '5,000',
      Suppliers: 'Ota Precision Springs 50%, Seto Alloy Refining 50%',
    });
    expect(spec.columns[2]!.cell(group)).toEqual({ kind: 'chip', class: 'hhi high', text: '5,000' });
    expect([hhiBand(10_000), hhiBand(2500), hhiBand(2499), hhiBand(1500), hhiBand(1499)]).toEqual([
      'high',
      'high',
      'moderate',
      'moderate',
      'low',
    ]);
  });
});

describe('rowsNote', () => {
  it('says when rows were left out, or that there are none', () => {
    expect(rowsNote(500, 1234)).toBe('Showing the first 500 of 1,234.');
    expect(rowsNote(12, 12)).toBeNull();
    expect(rowsNote(0, 0)).toBe('None.');
  });
});

describe('countries chart data', () => {
  const data: ConcentrationResponse = {
    total: 0,
    offset: 0,
    limit: 500,
    groups: [],
    tiers: [
      {
        tier: 1,
        companies: 10,
        byCount: [
          { country: 'CN', amount: 3, share: 0.3 },
          { country: 'JP', amount: 6, share: 0.6 },
          { country: 'unknown', amount: 1, share: 0.1 },
        ],
        countHhi: 4600,
        bySpend: [{ country: 'JP', amount: 100, share: 1 }],
        spendHhi: 10_000,
      },
    ],
    criticalSupplierCountries: [{ focal: 'auto-oem', countries: [{ country: 'US', amount: 2, share: 1 }] }],
  };

  it('gives the most frequent countries the first colours and unknown grey', () => {
    const palette = countryPalette(data);
    expect([...palette.keys()]).toEqual(['JP', 'CN', 'US', 'unknown']);
    expect(palette.get('JP')).toBe('#4e79a7');
    expect(palette.get('unknown')).toBe(OTHER_COLOUR);
  });

  it('has a bar per tier (by count or by spend) and per focal company', () => {
    const byCount = countryBars(data, 'count', names.nameOf);
    expect(byCount.map((b) => [b.label, b.sub, b.hhi])).toEqual([
      ['Tier 1', '10 cos.', 4600],
      ['Critical to Kirishima Motor Corporation', '', null],
    ]);
    expect(byCount[0]!.parts.map((p) => p.country)).toEqual(['JP', 'CN', 'unknown']);
    const bySpend = countryBars(data, 'spend', names.nameOf);
    expect(bySpend[0]!.hhi).toBe(10_000);
    expect(bySpend[0]!.parts).toEqual([{ country: 'JP', amount: 100, share: 1 }]);
    expect(
      sortParts([
        { country: 'B', amount: 1, share: 0.5 },
        { country: 'A', amount: 1, share: 0.5 },
      ])[0]!.country,
    ).toBe('A');
  });

  it('labels a segment with what fits its width', () => {
    const jp = { country: 'JP', amount: 6, share: 0.46 };
    expect(segmentLabel(jp, 200)).toBe('JP 46%');
    expect(segmentLabel(jp, 30)).toBe('JP');
    expect(segmentLabel(jp, 10)).toBe('');
  });
});

describe('drawer store', () => {
  const loaders = (over: Partial<Loaders> = {}): Loaders => ({
    'weak-links': () => Promise.reject(new Error('unused')),
    sources: () => Promise.reject(new Error('unused')),
    'level-gaps': () => Promise.reject(new Error('unused')),
    unassessed: () => Promise.reject(new Error('unused')),
    lapsing: () => Promise.reject(new Error('unused')),
    concentration: () => Promise.reject(new Error('unused')),
    aggregates: () => Promise.reject(new Error('unused')),
    scenario: () => Promise.resolve(),
    ...over,
  });
  const page = { items: [], total: 0, offset: 0, limit: 500 };

  it('loads a tab the first time it opens, and shows the drawer', async () => {
    let calls = 0;
    const store = createTabsStore(loaders({ 'level-gaps': async () => (calls++, page) }));
    store.collapsed.value = true;
    const first = store.open('level-gaps');
    expect(store.active.value).toBe('level-gaps');
    expect(store.collapsed.value).toBe(false);
    expect(store.loads['level-gaps'].value.status).toBe('loading');
    await Promise.all([first, store.open('level-gaps')]);
    await store.open('level-gaps');
    expect(calls).toBe(1);
    expect(store.loads['level-gaps'].value).toEqual({ status: 'ready', value: page });
  });

  it('keeps a failed load as its message and tries again on the next open', async () => {
    let fail = true;
    const store = createTabsStore(
      loaders({
        'level-gaps': async () => {
          if (fail) throw new Error('503 busy');
          return page;
        },
      }),
    );
    await store.open('level-gaps');
    expect(store.loads['level-gaps'].value).toEqual({ status: 'error', message: '503 busy' });
    fail = false;
    await store.open('level-gaps');
    expect(store.loads['level-gaps'].value.status).toBe('ready');
  });

  it('reset forgets the loads, drops one in flight and reloads the open tab', async () => {
    const answers: ((value: typeof page) => void)[] = [];
    const store = createTabsStore(
      loaders({ 'level-gaps': () => new Promise<typeof page>((resolve) => answers.push(resolve)) }),
    );
    const first = store.open('level-gaps');
    store.reset();
    expect(answers).toHaveLength(2);
    answers[0]!({ ...page, total: 1 });
    await first;
    expect(store.loads['level-gaps'].value.status).toBe('loading');
    answers[1]!({ ...page, total: 2 });
    await store.open('level-gaps');
    expect(store.loads['level-gaps'].value).toEqual({ status: 'ready', value: { ...page, total: 2 } });
  });

  it('keeps the drawer height within its bounds and 80 % of the window', () => {
    expect(clampHeight(10, 1000)).toBe(DRAWER_HEIGHT.min);
    expect(clampHeight(300.4, 1000)).toBe(300);
    expect(clampHeight(2000, 2000)).toBe(DRAWER_HEIGHT.max);
    expect(clampHeight(700, 768)).toBe(614);
  });
});

describe('unassessed table', () => {
  it('ranks the suppliers with tier, risk a year, what they stop and the focal companies by short name', () => {
    const table = unassessedTable({ nameOf: (id) => (id === 'auto-oem' ? 'Kirishima Motor Corporation' : id) });
    const row = {
      rank: 1,
      id: 'ota-springs',
      name: 'Ota Precision Springs Co.',
      tier: 2,
      riskContribution: 23.29e9,
      blastRadiusSize: 2,
      focalStopped: ['auto-oem'],
    };
    expect(table.columns.map((c) => cellText(c.cell(row)))).toEqual([
      '1',
      'Ota Precision Springs Co. ota-springs',
      '2',
      '¥23.3B/yr',
      '2',
      'Kirishima Motor',
    ]);
    expect(cellText(table.columns[5]!.cell({ ...row, focalStopped: [] }))).toBe('—');
  });
});
