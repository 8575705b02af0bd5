/**
 * The analysis is computed once per network version and shared: many requests (at once
 * and one after another) read the store once; a new load is read and analysed once
 * more; a failed computation is not kept.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SummaryResponse } from '../../src/contract/api-types.ts';
import { AnalysisCache } from '../../src/app/analysis-cache.ts';
import { createApp } from '../../server/app.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { net } from '../helpers/network.ts';
import { chain, get, post, quietLogger, serve, testAuth } from './helpers.ts';

const ROUTES = [
  '/api/summary',
  '/api/companies?limit=3',
  '/api/companies/oem',
  '/api/graph?focus=castco',
  '/api/graph',
  '/api/analysis/weak-links',
  '/api/analysis/single-sources',
  '/api/analysis/hidden-critical',
  '/api/analysis/level-gaps',
  '/api/analysis/concentration',
];

describe('AnalysisCache through the app', () => {
  it('reads and analyses the network once for many requests, and again after a load', async () => {
    const store = new MemoryStore();
    await store.load(chain);
    const read = vi.spyOn(store, 'read');
    const auth = await testAuth();
    const served = await serve(createApp({ store, logger: quietLogger(), auth }), auth.viewer);
    try {
      const first = await Promise.all([...ROUTES, ...ROUTES].map((path) => get(served.url, path)));
      expect(first.map((a) => a.status)).toEqual(first.map(() => 200));
      for (const path of ROUTES) expect((await get(served.url, path)).status).toBe(200);
      expect((await post(served.url, '/api/simulate', { hit: ['logi'] })).status).toBe(200);
      expect(read).toHaveBeenCalledTimes(1);

      await store.load(net([{ id: 'solo', focal: true }], []));
      const after = await Promise.all(ROUTES.slice(0, 3).map(() => get<SummaryResponse>(served.url, '/api/summary')));
      expect(read).toHaveBeenCalledTimes(2);
      expect(after[0]!.body).toMatchObject({
        companies: 1,
        supplies: 0,
        focal: [{ id: 'solo', name: 'solo' }],
        version: await store.version(),
      });
      expect((await get(served.url, '/api/companies/oem')).status).toBe(404);
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      await served.close();
    }
  });
});

describe('AnalysisCache', () => {
  it('view() answers an empty network while the store holds none', async () => {
    const view = await new AnalysisCache(new MemoryStore()).view();
    expect(view.version).toBe('empty');
    expect(view.index.n).toBe(0);
  });

  it('view() shares one computation between concurrent callers', async () => {
    const store = new MemoryStore();
    await store.load(chain);
    const read = vi.spyOn(store, 'read');
    const cache = new AnalysisCache(store);
    const views = await Promise.all(Array.from({ length: 10 }, () => cache.view()));
    expect(new Set(views).size).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('views of one version at two dates share what depends on the supplies alone (structural importance)', async () => {
    const store = new MemoryStore();
    await store.load(chain);
    const cache = new AnalysisCache(store);
    const [a, b] = [await cache.view('2027-01-01'), await cache.view('2031-06-01')];
    expect(a).not.toBe(b);
    expect(a.structural().pagerank).toBe(b.structural().pagerank);
    await store.load(chain);
    expect((await cache.view('2027-01-01')).structural().pagerank).not.toBe(a.structural().pagerank);
  });

  it('view() does not keep a failed computation', async () => {
    const store = new MemoryStore();
    await store.load(chain);
    const read = vi.spyOn(store, 'read').mockRejectedValueOnce(new Error('flaky'));
    const cache = new AnalysisCache(store);
    await expect(cache.view()).rejects.toThrow('flaky');
    expect((await cache.view()).index.n).toBe(7);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('view() labels the view with the version it read when a load lands during the read', async () => {
    const store = new MemoryStore();
    await store.load(chain);
    const original = store.read.bind(store);
    let loaded = false;
    vi.spyOn(store, 'read').mockImplementation(async () => {
      const network = await original();
      if (!loaded) {
        loaded = true;
        await store.load(net([{ id: 'solo' }], []));
      }
      return network;
    });
    const view = await new AnalysisCache(store).view();
    expect(view.version).toBe(await store.version());
    expect(view.index.ids).toEqual(['solo']);
  });
});
