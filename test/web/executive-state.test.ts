/**
 * The executive view's signal store (web/src/executive/state.ts): the query it sends
 * (budget, focal company, the session's assumptions), the session copy of the
 * assumptions, a failure kept as a message, and a late answer to an older request dropped.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutiveResponse } from '../../src/contract/api-types.ts';
import type { ExecutiveParams } from '../../web/src/api-client.ts';
import { STORAGE_KEY, type AssumptionText } from '../../web/src/executive/assumptions.ts';
import { createExecutiveStore, paramsOf } from '../../web/src/executive/state.ts';

const TEXT: AssumptionText = {
  hitBase: '0.03',
  hitDecay: '0.975',
  durations: '1:0.5, 14:0.5',
  lossRatio: '1',
  costsSme: '1, 2, 3, 4, 5',
  costsLarge: '10, 20, 30, 40, 50',
};

/** An answer with just what the store reads: the plan's budget and the scope. */
const answer = (budget: number, focal: string | null): ExecutiveResponse =>
  ({
    plan: { budget },
    scope: focal === null ? null : { id: focal, name: focal, revenue: 1 },
  }) as unknown as ExecutiveResponse;

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('paramsOf', () => {
  it('sends a non-negative budget, the focal company and the changed assumptions', () => {
    expect(paramsOf('', undefined, null)).toEqual({});
    expect(paramsOf(' 10000000 ', 'auto-oem', null)).toEqual({ budget: 10_000_000, focal: 'auto-oem' });
    expect(paramsOf('-5', undefined, null)).toEqual({});
    expect(paramsOf('many', undefined, null)).toEqual({});
    expect(paramsOf('0', undefined, TEXT)).toEqual({
      budget: 0,
      hitBase: 0.03,
      hitDecay: 0.975,
      lossRatio: 1,
      durations: '1:0.5,14:0.5',
      costsSme: '1,2,3,4,5',
      costsLarge: '10,20,30,40,50',
    });
  });
});

describe('createExecutiveStore', () => {
  it('takes the budget and focal company of the answer, and keeps the assumptions for the session', async () => {
    const queries: ExecutiveParams[] = [];
    const storage = memoryStorage();
    const store = createExecutiveStore({
      api: { executive: async (p = {}) => (queries.push(p), answer(50e6, 'auto-oem')) },
      storage,
    });
    await store.load();
    expect(queries[0]).toEqual({});
    expect([store.budget.value, store.focal.value, store.busy.value]).toEqual(['50000000', 'auto-oem', false]);
    await store.setAssumptions(TEXT);
    expect(queries[1]).toMatchObject({ budget: 50e6, focal: 'auto-oem', hitBase: 0.03 });
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!)).toEqual(TEXT);
    // A new store (the page reloaded in the same session) starts from the kept copy.
    expect(createExecutiveStore({ api: { executive: async () => answer(1, null) }, storage }).changed.value).toEqual(
      TEXT,
    );
    await store.setAssumptions(null);
    expect(storage.items.has(STORAGE_KEY)).toBe(false);
    expect(queries[2]).toEqual({ budget: 50e6, focal: 'auto-oem' });
  });

  it('keeps a failure as a message and rejects', async () => {
    const store = createExecutiveStore({ api: { executive: async () => Promise.reject(new Error('boom')) } });
    await expect(store.load()).rejects.toThrow('boom');
    expect(store.error.value).toBe('Could not prepare the report: boom');
    expect(store.busy.value).toBe(false);
  });

  it('drops the late answer to an older request', async () => {
    const pending: ((r: ExecutiveResponse) => void)[] = [];
    const store = createExecutiveStore({
      api: { executive: () => new Promise<ExecutiveResponse>((done) => pending.push(done)) },
    });
    const first = store.load();
    const second = store.load();
    pending[1]!(answer(2, 'new'));
    await second;
    expect(store.busy.value).toBe(false);
    pending[0]!(answer(1, 'old'));
    await first;
    expect(store.data.value?.plan.budget).toBe(2);
    expect(store.focal.value).toBe('new');
  });
});
