/**
 * Saved scenarios over Neo4j through the API (the run's database from
 * neo4j-global-setup.ts): a scenario saved through one server survives a network reload
 * and a server restart — a new app on a new Neo4jStore connection lists it and answers it
 * unchanged, and can delete it.
 */
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SavedScenario, SavedScenarioList } from '../../src/contract/api-types.ts';
import { createApp } from '../../server/app.ts';
import { Neo4jStore } from '../../src/store/neo4j-store.ts';
import { chain, get, post, quietLogger, send, serve, testAuth, type Answer } from '../server/helpers.ts';
import { neo4jTarget, type Neo4jTarget } from './neo4j-target.ts';

const target = neo4jTarget();
beforeEach((ctx) => {
  if (target === null) ctx.skip();
});

describe('saved scenarios on Neo4j through the API', () => {
  it('survive a network reload and a server restart (a new store connection)', { timeout: 120_000 }, async () => {
    const auth = await testAuth();
    const name = `restart ${randomBytes(4).toString('hex')}`;
    const path = `/api/scenarios/${encodeURIComponent(name)}`;
    const start = async (): Promise<{ url: string; store: Neo4jStore; close(): Promise<void> }> => {
      const store = await Neo4jStore.connect(target as Neo4jTarget);
      const served = await serve(createApp({ store, auth, logger: quietLogger() }), auth.analyst);
      const close = async (): Promise<void> => {
        await served.close();
        await store.close();
      };
      return { url: served.url, store, close };
    };

    const first = await start();
    let saved: Answer<SavedScenario> | undefined;
    try {
      await first.store.load(chain);
      saved = await post<SavedScenario>(first.url, '/api/scenarios', {
        name,
        hit: ['logi'],
        days: 12,
        whatIf: [{ op: 'raise-level', company: 'foam', level: 4 }],
      });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body).toMatchObject({ name, createdBy: 'analyst-1', version: await first.store.version() });
      await first.store.load(chain); // a reload: a new version, the scenario stays
      expect((await get(first.url, path)).text).toBe(saved.text);
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      if (saved === undefined) throw new Error('nothing was saved');
      const list = await get<SavedScenarioList>(second.url, '/api/scenarios');
      expect(list.status, list.text).toBe(200);
      const item = list.body.items.find((x) => x.name === name);
      expect(item).toMatchObject({
        name,
        hit: ['logi'],
        days: 12,
        createdBy: 'analyst-1',
        version: saved.body.version,
        totalRevenueAtRisk: saved.body.result.totalRevenueAtRisk,
      });
      expect((await get(second.url, path)).text).toBe(saved.text);
      const deleted = await send('DELETE', second.url, path);
      expect(deleted.status, deleted.text).toBe(200);
      expect((await get(second.url, path)).status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
