/**
 * The store contract on the in-memory store (its scenarios in a temporary workspace),
 * plus what only it has: `results()`, scenarios kept in memory without a workspace, and
 * the workspace file's backup when the file is damaged.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { scenarioRecord, storeContract } from './store-contract.ts';

const workspace = mkdtempSync(join(tmpdir(), 'weaklink-memory-store-'));

storeContract(
  'memory',
  async () => new MemoryStore({ workspace }),
  async (store, id) => {
    const stored = (store as MemoryStore).results().get(id);
    if (stored === undefined) return null;
    const { id: _id, ...rest } = stored;
    return rest;
  },
  async () => new MemoryStore({ workspace }),
);

describe('MemoryStore scenarios', () => {
  const fresh = (): string => mkdtempSync(join(tmpdir(), 'weaklink-scenarios-'));

  it('new MemoryStore() keeps scenarios in memory only: another store does not see them', async () => {
    const a = new MemoryStore();
    await a.saveScenario(scenarioRecord('only here', ['s1'], 1, '2026-01-01T00:00:00.000Z'));
    expect((await a.listScenarios()).map((s) => s.name)).toEqual(['only here']);
    expect(await new MemoryStore().listScenarios()).toEqual([]);
    expect(a.scenarioFile).toBeNull();
  });

  it('a workspace keeps scenarios in its database: another store on the folder reads them after this one is closed', async () => {
    const dir = fresh();
    const store = new MemoryStore({ workspace: dir });
    await store.saveScenario(scenarioRecord('one', ['s1'], 1, '2026-01-01T00:00:00.000Z'));
    await store.saveScenario(scenarioRecord('two', ['s2'], 2, '2026-01-02T00:00:00.000Z'));
    expect(await store.deleteScenario('nothing')).toBe(false);
    await store.close();
    expect(existsSync(join(dir, 'weaklink.db'))).toBe(true);
    expect(existsSync(join(dir, 'scenarios.json'))).toBe(false);
    const reopened = new MemoryStore({ workspace: dir });
    expect((await reopened.listScenarios()).map((s) => s.name)).toEqual(['two', 'one']);
    expect(reopened.scenarioFile).toBe(join(dir, 'weaklink.db'));
  });

  it('a file workspace has scenarios.json imported once, from its backup (with a warning) when it is damaged', async () => {
    const dir = fresh();
    const file = (records: unknown[]): string =>
      JSON.stringify({ format: 'weaklink-scenarios', version: 1, scenarios: records });
    writeFileSync(
      join(dir, 'scenarios.json.bak'),
      file([scenarioRecord('one', ['s1'], 1, '2026-01-01T00:00:00.000Z')]),
    );
    writeFileSync(join(dir, 'scenarios.json'), '{"format":"weaklink-scenarios","version":1,"scenarios":[{"name":"tw');
    const warnings: string[] = [];
    const notes: string[] = [];
    const reopened = new MemoryStore({ workspace: dir, warn: (m) => warnings.push(m), note: (m) => notes.push(m) });
    expect((await reopened.listScenarios()).map((s) => s.name)).toEqual(['one']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/scenarios\.json cannot be read .*using its backup/);
    expect(notes).toEqual([expect.stringMatching(/^imported 1 saved scenario of scenarios\.json into .*weaklink\.db/)]);
    expect(existsSync(join(dir, 'scenarios.json'))).toBe(false);
    expect(readFileSync(join(dir, 'scenarios.json.imported'), 'utf8')).toMatch(/"name":"tw$/);
    expect(existsSync(join(dir, 'scenarios.json.bak.imported'))).toBe(true);
    await reopened.close();
    const again = new MemoryStore({ workspace: dir, note: (m) => notes.push(m) });
    expect((await again.listScenarios()).map((s) => s.name)).toEqual(['one']);
    expect(notes).toHaveLength(1);
  });

  it('a workspace whose file and backup are both damaged is unavailable, naming the file', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'scenarios.json'), 'not json');
    writeFileSync(join(dir, 'scenarios.json.bak'), '{"format":"something else"}');
    const store = new MemoryStore({ workspace: dir, warn: () => {} });
    const error = await store.listScenarios().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/saved scenarios cannot be read: .*scenarios\.json.*restore/);
  });
});
