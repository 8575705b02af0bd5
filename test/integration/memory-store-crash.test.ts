/**
 * Crash safety of the memory store's workspace database: a child process saving
 * scenarios in a loop (fixtures/scenario-writer.ts), printing each save once it is
 * acknowledged, is SIGKILLed at a random moment, 20 times. After every kill the
 * database passes SQLite's integrity check, a new MemoryStore opens it, every record in
 * it is whole, and every scenario acknowledged in any round is there: "acknowledged
 * saves lost: 0". The next round continues.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.ts';

const WRITER = resolve('test/integration/fixtures/scenario-writer.ts');
const ROUNDS = 20;

/** Starts the writer, waits for its first acknowledged save and `delayMs` more, then SIGKILLs it; resolves with the names it acknowledged. */
function killWhileWriting(dir: string, delayMs: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('close', (code, signal) =>
      signal === 'SIGKILL'
        ? done([...out.matchAll(/^saved (\S+)$/gm)].map((m) => m[1]!))
        : fail(new Error(`the writer exited by itself (${code}): ${err}`)),
    );
  });
}

describe('the memory store workspace under SIGKILL', () => {
  it('weaklink.db stays whole and no acknowledged scenario save is lost', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weaklink-scenario-crash-'));
    const acknowledged = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of await killWhileWriting(dir, Math.floor(Math.random() * 150))) acknowledged.add(name);
      const db = new Database(join(dir, 'weaklink.db'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      const warnings: string[] = [];
      const store = new MemoryStore({ workspace: dir, warn: (m) => warnings.push(m) });
      const names = new Set((await store.listScenarios()).map((s) => s.name)); // each record parsed and checked whole
      await store.close();
      const lost = [...acknowledged].filter((n) => !names.has(n));
      expect(lost, `acknowledged saves lost: ${lost.length}`).toEqual([]);
      expect(warnings).toEqual([]);
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS);
  });
});
