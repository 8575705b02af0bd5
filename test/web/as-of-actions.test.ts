// @vitest-environment happy-dom
/**
 * The analysis date's actions over a fake shell: one lapsing list per (date, window,
 * version), which marks the map; a new window asks again; a new date goes into the
 * address and everything that reads the analysis loads again (the executive view only
 * when it is open); the drawer store's `reload` loads one tab again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { LapsingListResponse, SummaryResponse } from '../../src/contract/api-types.ts';
import type { ApiClient } from '../../web/src/api-client.ts';
import type { SupplyMap } from '../../web/src/map.ts';
import type { Shell } from '../../web/src/shell/context.ts';
import { createAsOfActions } from '../../web/src/shell/as-of.ts';
import { createStore } from '../../web/src/state.ts';
import { createTabsStore, type Loaders } from '../../web/src/tabs/state.ts';

const list = (ids: string[], days: number): LapsingListResponse => ({
  asOf: '2031-03-01',
  lapsingDays: days,
  total: ids.length,
  offset: 0,
  limit: 500,
  items: ids.map((id, i) => ({
    rank: i + 1,
    id,
    name: id,
    level: 3,
    validUntil: '2031-04-01',
    levelAfter: 0,
    unassessedAfter: true,
    aalIncrease: 1,
    focalStops: [],
  })),
});

function setup() {
  const store = createStore();
  store.summary.value = { version: 'v1' } as SummaryResponse;
  const lapsing = vi.fn(async ({ days = 90 }: { days?: number } = {}) => list(days > 90 ? ['a', 'b'] : ['a'], days));
  const summary = vi.fn(async () => ({ version: 'v1' }) as SummaryResponse);
  const showLapsing = vi.fn<(ids: Iterable<string>) => void>();
  const shell = {
    store,
    api: { lapsing, summary } as unknown as ApiClient,
    map: { showLapsing } as unknown as SupplyMap,
  } as unknown as Shell;
  const deps = {
    loadOverview: vi.fn(async () => {}),
    reloadTables: vi.fn(),
    refreshPanel: vi.fn(async () => {}),
    refreshExecutive: vi.fn(async () => {}),
    writeSearch: vi.fn<(search: string) => void>(),
  };
  return { store, lapsing, summary, showLapsing, deps, actions: createAsOfActions(shell, deps) };
}

describe('createAsOfActions', () => {
  it('asks one lapsing list per question and marks its companies on the map', async () => {
    const { actions, lapsing, showLapsing, store } = setup();
    const [a, b] = await Promise.all([actions.loadLapsing(), actions.loadLapsing()]);
    expect(a).toBe(b);
    expect(lapsing).toHaveBeenCalledTimes(1);
    expect([...showLapsing.mock.calls[0]![0]]).toEqual(['a']);
    await actions.setWindow(365);
    expect(lapsing).toHaveBeenLastCalledWith({ days: 365, limit: 500 });
    expect([...showLapsing.mock.lastCall![0]]).toEqual(['a', 'b']);
    expect(store.lapsing.value?.lapsingDays).toBe(365);
    store.summary.value = { version: 'v2' } as SummaryResponse; // a new network version: asked again
    await actions.loadLapsing();
    expect(lapsing).toHaveBeenCalledTimes(3);
  });

  it('a new date goes into the address and everything loads again; the executive view only when open', async () => {
    const { actions, deps, store, summary, lapsing } = setup();
    await actions.setAsOf('2031-03-01');
    expect(store.asOf.value).toBe('2031-03-01');
    expect(deps.writeSearch).toHaveBeenCalledWith('?asOf=2031-03-01');
    expect(summary).toHaveBeenCalledTimes(1);
    expect(lapsing).toHaveBeenCalledTimes(1);
    expect([deps.reloadTables, deps.loadOverview, deps.refreshPanel].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);
    expect(deps.refreshExecutive).not.toHaveBeenCalled();
    store.executiveOpen.value = true;
    await actions.setAsOf(null);
    expect(deps.writeSearch).toHaveBeenLastCalledWith('');
    expect(deps.refreshExecutive).toHaveBeenCalledTimes(1);
    expect(lapsing).toHaveBeenCalledTimes(2);
  });
});

describe('createTabsStore().reload', () => {
  it('loads one tab again and keeps the others', async () => {
    let n = 0;
    const lapsing = vi.fn(async () => list(n++ === 0 ? ['a'] : ['a', 'b'], 90));
    const weak = vi.fn(async () => ({ items: [], total: 0, offset: 0, limit: 50, theta: 0.5, hitLikelihood: '' }));
    const reject = () => Promise.reject(new Error('unused'));
    const store = createTabsStore({
      'weak-links': weak,
      sources: reject,
      'level-gaps': reject,
      unassessed: reject,
      lapsing,
      concentration: reject,
      aggregates: reject,
      scenario: () => Promise.resolve(),
    } as Loaders);
    await store.open('weak-links');
    await store.open('lapsing');
    await store.reload('lapsing');
    const load = store.loads.lapsing.value;
    expect(load.status === 'ready' && load.value.total).toBe(2);
    expect(weak).toHaveBeenCalledTimes(1);
    expect(store.active.value).toBe('lapsing');
  });
});
