/**
 * The page's pure state functions (web/src/state.ts): what a click does to the selection,
 * the depth choices, the filter explanations, the status line, why a filtered view is
 * empty, and the words of the breach banner.
 */
import { describe, expect, it } from 'vitest';
import type { SimulateResponse } from '../../src/contract/api-types.ts';
import {
  bannerModel,
  createStore,
  DEFAULT_FILTERS,
  defaultDepth,
  depthOptions,
  emptyViewMessage,
  filterExplanations,
  makersOf,
  replaceSelection,
  statusLine,
  toggleSelection,
} from '../../web/src/state.ts';

describe('selection', () => {
  it('a plain click makes the company the whole selection and the primary one', () => {
    expect(toggleSelection(['a', 'b'], 'c', false)).toEqual({ selection: ['c'], primary: 'c' });
  });
  it('shift adds a company, and removes it when it is in (the last one left becomes primary)', () => {
    expect(toggleSelection(['a'], 'b', true)).toEqual({ selection: ['a', 'b'], primary: 'b' });
    expect(toggleSelection(['a', 'b', 'c'], 'c', true)).toEqual({ selection: ['a', 'b'], primary: 'b' });
    expect(toggleSelection(['a'], 'a', true)).toEqual({ selection: [], primary: null });
  });
  it('replacing drops duplicates; the last company is primary', () => {
    expect(replaceSelection(['a', 'b', 'a', 'c'])).toEqual({ selection: ['a', 'b', 'c'], primary: 'c' });
    expect(replaceSelection([])).toEqual({ selection: [], primary: null });
  });
});

describe('store', () => {
  it('starts empty: no summary, no role, default filters, nothing selected or busy', () => {
    const store = createStore();
    expect(store.summary.value).toBeNull();
    expect(store.role.value).toBeNull();
    expect(store.filters.value).toEqual(DEFAULT_FILTERS);
    expect(store.selection.value).toEqual([]);
    expect(store.busy.value).toBe(0);
    expect(store.executiveOpen.value).toBe(false);
  });
});

describe('depth filter', () => {
  it('offers 1 … maxTier (at most 10), the deepest marked "all tiers"; starts at 3 or less', () => {
    expect(depthOptions(4).map((o) => o.label)).toEqual(['1 tier up', '2 tiers up', '3 tiers up', '4 (all tiers)']);
    expect(depthOptions(14)).toHaveLength(10);
    expect(depthOptions(0)).toHaveLength(1);
    expect(defaultDepth(6)).toBe(3);
    expect(defaultDepth(2)).toBe(2);
  });
});

describe('filterExplanations', () => {
  it('says what each filter value shows', () => {
    const off = filterExplanations(DEFAULT_FILTERS);
    expect(off.depth).toBe('Suppliers up to 3 tiers upstream of the focal companies.');
    expect(off.commodity).toBe('Supplies of every commodity.');
    const on = filterExplanations({ depth: 1, commodity: 'castings', country: 'DE', criticalOnly: true });
    expect(on.depth).toBe('Suppliers up to 1 tier upstream of the focal companies.');
    expect(on.commodity).toBe('Only supplies of "castings", and the companies they connect.');
    expect(on.country).toContain('Only companies in DE');
    expect(on.critical).toBe('Only the exposure paths that lead to a critical supplier.');
  });
});

describe('statusLine', () => {
  const cap = {
    shown: 1500,
    reachable: 100_000,
    total: 100_000,
    roots: 1,
    critical: 412,
    onPaths: 600,
    topRisk: 487,
    criticalReachable: 412,
  };
  it('counts what is in view and, when the limit cut it, what it kept (en and ja)', async () => {
    expect(statusLine({ nodes: 1234, edges: 5, truncated: false, cap: { ...cap, shown: 1234 } })).toEqual([
      '1,234 companies · 5 supplies in view',
    ]);
    expect(statusLine({ nodes: 1500, edges: 9, truncated: true, cap })[1]).toBe(
      ' · showing 1,500 of 100,000: the focal company’s 412 critical suppliers, 600 on their exposure paths and 487 highest risk contributors',
    );
    // Critical suppliers alone fill the limit: how many of how many, and no empty kinds.
    const full = { ...cap, roots: 20, critical: 1480, onPaths: 0, topRisk: 0, criticalReachable: 5321 };
    expect(statusLine({ nodes: 1500, edges: 9, truncated: true, cap: full })[1]).toBe(
      ' · showing 1,500 of 100,000: 1,480 of the 20 focal companies’ 5,321 critical suppliers',
    );
    expect(statusLine({ nodes: 1500, edges: 9, truncated: true, cap: { ...cap, critical: 0, onPaths: 3 } })[1]).toBe(
      ' · showing 1,500 of 100,000: 3 on their exposure paths and 487 highest risk contributors',
    );
    const { lang } = await import('../../web/src/i18n.ts');
    lang.value = 'ja';
    try {
      expect(statusLine({ nodes: 1500, edges: 9, truncated: true, cap })[1]).toBe(
        ' · 100,000社中1,500社を表示: 重点企業1社の重要取引先412社、その影響経路上の600社、リスク寄与額上位の487社',
      );
      expect(statusLine({ nodes: 1500, edges: 9, truncated: true, cap: full })[1]).toBe(
        ' · 100,000社中1,500社を表示: 重点企業20社の重要取引先5,321社のうち1,480社',
      );
    } finally {
      lang.value = 'en';
    }
  });
});

describe('emptyViewMessage', () => {
  const castings = { ...DEFAULT_FILTERS, commodity: 'castings' };
  it('is null when the view has supplies', () => {
    expect(emptyViewMessage(castings, { edges: 3 }, null)).toBeNull();
  });
  it('says how many companies make the commodity and why none of their supplies is in view', () => {
    expect(emptyViewMessage(castings, { edges: 0 }, { withinDepth: 0, anyDepth: 2 })).toBe(
      'No supplies of "castings" in view: 2 companies make it, but none of their supplies is within 3 tiers of the focal companies.',
    );
    expect(emptyViewMessage(castings, { edges: 0 }, { withinDepth: 2, anyDepth: 2 })).toBe(
      'No supplies of "castings" in view: 2 companies within 3 tiers of the focal companies make it, but no chain of "castings" supplies alone leads from them to the focal companies (the filter follows only that commodity).',
    );
    expect(emptyViewMessage(castings, { edges: 0 }, { withinDepth: 0, anyDepth: 0 })).toBe(
      'No supplies of "castings" in view: no company upstream of the focal companies makes it.',
    );
  });
  it('explains an empty country or critical-only view', () => {
    expect(emptyViewMessage({ ...DEFAULT_FILTERS, country: 'FR' }, { edges: 0 }, null)).toBe(
      'No companies in FR within 3 tiers of the focal companies.',
    );
    expect(emptyViewMessage({ ...DEFAULT_FILTERS, criticalOnly: true }, { edges: 0 }, null)).toBe(
      'No critical suppliers within 3 tiers of the focal companies.',
    );
  });
  it('makersOf counts the distinct suppliers of a commodity', () => {
    const edges = [
      { source: 'a', commodity: 'castings' },
      { source: 'a', commodity: 'castings' },
      { source: 'b', commodity: 'castings' },
      { source: 'c', commodity: 'glass' },
    ];
    expect(makersOf({ edges } as Parameters<typeof makersOf>[0], 'castings')).toBe(2);
  });
});

describe('bannerModel', () => {
  const sim = {
    hit: ['h'],
    disrupted: ['f', 'h', 'x'],
    focalDisrupted: ['f'],
    companies: [
      { id: 'h', name: 'H', focal: false, stopDay: 0, revenuePerDay: 1 },
      { id: 'x', name: 'X', focal: false, stopDay: 2, revenuePerDay: 1 },
      { id: 'f', name: 'F', focal: true, stopDay: 4, revenuePerDay: 1 },
    ],
  } as unknown as SimulateResponse;
  it('names the hit companies, counts the others, names the focal ones with their day, counts those outside the view', () => {
    const b = bannerModel(
      sim,
      (id) => id.toUpperCase(),
      (id) => id !== 'x',
    );
    expect(b).toEqual({
      title: 'Breach at H',
      stops: ' stops 2 other companies',
      focal: 'F on day 4',
      others: 2,
      outside: 1,
    });
  });
  it('says when a breach stops no other company', () => {
    const alone = { ...sim, disrupted: ['h'], focalDisrupted: [] } as SimulateResponse;
    expect(
      bannerModel(
        alone,
        (id) => id,
        () => true,
      ).stops,
    ).toBe(' stops no other company');
  });
});
