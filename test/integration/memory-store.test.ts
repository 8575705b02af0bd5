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

  it('a workspace keeps scenarios.json and the previous version as scenarios.json.bak', async () => {
    const dir = fresh();
    const store = new MemoryStore({ workspace: dir });
    await store.saveScenario(scenarioRecord('one', ['s1'], 1, '2026-01-01T00:00:00.000Z'));
    expect(existsSync(join(dir, 'scenarios.json.bak'))).toBe(false);
    await store.saveScenario(scenarioRecord('two', ['s2'], 2, '2026-01-02T00:00:00.000Z'));
    const names = (file: string): string[] =>
      (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { scenarios: { name: string }[] }).scenarios.map(
        (s) => s.name,
      );
    expect(names('scenarios.json')).toEqual(['one', 'two']);
    expect(names('scenarios.json.bak')).toEqual(['one']);
    expect(await store.deleteScenario('nothing')).toBe(false);
    expect(names('scenarios.json')).toEqual(['one', 'two']);
  });

  it('a damaged scenarios.json falls back to its backup, with a warning', async () => {
    const dir = fresh();
    const store = new MemoryStore({ workspace: dir });
    await store.saveScenario(scenarioRecord('one', ['s1'], 1, '2026-01-01T00:00:00.000Z'));
    await store.saveScenario(scenarioRecord('two', ['s2'], 2, '2026-01-02T00:00:00.000Z'));
    writeFileSync(join(dir, 'scenarios.json'), '{"format":"weaklink-scenarios","version":1,"scenarios":[{"name":"tw');
    const warnings: string[] = [];
    const reopened = new MemoryStore({ workspace: dir, warn: (m) => warnings.push(m) });
    expect((await reopened.listScenarios()).map((s) => s.name)).toEqual(['one']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/scenarios\.json cannot be read .*using its backup/);
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
