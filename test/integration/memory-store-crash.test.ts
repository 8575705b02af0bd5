/**
 * Crash safety of the memory store's workspace file: a child process saving scenarios
 * in a loop (fixtures/scenario-writer.ts) is SIGKILLed at a random moment, 20 times, and
 * after every kill `scenarios.json` (and its backup `scenarios.json.bak`) is whole JSON
 * holding whole records, a new MemoryStore opens it without falling back to the backup,
 * and every scenario of the previous round is still there. The next round continues.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SavedScenarioRecord } from '../../src/store/graph-store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { toScenarioRecord } from '../../src/store/scenario-records.ts';

const WRITER = resolve('test/integration/fixtures/scenario-writer.ts');
const ROUNDS = 20;

/** Starts the writer, waits for its first save and `delayMs` more, then SIGKILLs it. */
function killWhileWriting(dir: string, delayMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? done() : fail(new Error(`the writer exited by itself (${code}): ${err}`)),
    );
  });
}

/** The records of a scenario file, each checked whole. */
function parseScenarioFile(path: string): SavedScenarioRecord[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { format: string; scenarios: unknown[] };
  expect(data.format).toBe('weaklink-scenarios');
  return data.scenarios.map((s) => {
    const record = toScenarioRecord(s);
    expect(record.result.hit).toEqual(record.hit);
    expect(record.result.down).toHaveLength(record.result.lastDay + 1);
    return record;
  });
}

describe('the memory store workspace under SIGKILL', () => {
  it(
    'scenarios.json and its backup are always whole, and no scenario once saved is lost',
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'weaklink-scenario-crash-'));
      let known: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await killWhileWriting(dir, Math.floor(Math.random() * 150));
        const names = parseScenarioFile(join(dir, 'scenarios.json'))
          .map((s) => s.name)
          .filter((n) => n !== 'scratch');
        if (existsSync(join(dir, 'scenarios.json.bak'))) parseScenarioFile(join(dir, 'scenarios.json.bak'));
        expect(names).toEqual(expect.arrayContaining(known));
        expect(names.length).toBeGreaterThan(known.length);
        const warnings: string[] = [];
        const store = new MemoryStore({ workspace: dir, warn: (m) => warnings.push(m) });
        expect(
          (await store.listScenarios())
            .map((s) => s.name)
            .filter((n) => n !== 'scratch')
            .sort(),
        ).toEqual([...names].sort());
        expect(warnings).toEqual([]);
        known = names;
      }
      expect(known.length).toBeGreaterThanOrEqual(ROUNDS);
    },
  );
});
