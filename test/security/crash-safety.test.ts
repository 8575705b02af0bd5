/**
 * Crash safety of the workspace database's tokens and audit log: a child process
 * creating and revoking tokens and appending audit lines in a loop, printing each change
 * once it is acknowledged, is killed with SIGKILL at a random moment, again and again.
 * After every kill the database passes SQLite's integrity check, TokenStore opens it,
 * every acknowledged token is there and every acknowledged revocation holds (none lost,
 * none undone), and the audit chain verifies whole. The next round then continues.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditRows } from '../../src/auth/audit-log.ts';
import { TokenStore } from '../../src/auth/token-store.ts';

const WRITER = resolve('test/security/fixtures/token-writer.ts');
const ROUNDS = 12;

/** Starts the writer, waits for its first change and `delayMs` more, then SIGKILLs it; resolves with what it acknowledged. */
function killWhileWriting(dir: string, delayMs: number): Promise<{ created: string[]; revoked: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('close', (code, signal) =>
      signal === 'SIGKILL'
        ? done({
            created: [...out.matchAll(/^created (\S+)$/gm)].map((m) => m[1]!),
            revoked: [...out.matchAll(/^revoked (\S+)$/gm)].map((m) => m[1]!),
          })
        : fail(new Error(`the writer exited by itself (${code}): ${err}`)),
    );
  });
}

describe('the workspace database under SIGKILL', () => {
  it(
    'stays whole: no acknowledged token or revocation is lost, and the audit chain verifies',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'weaklink-crash-'));
      const created = new Set<string>();
      const revoked = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        const acked = await killWhileWriting(dir, Math.floor(Math.random() * 120));
        for (const name of acked.created) created.add(name);
        for (const name of acked.revoked) revoked.add(name);
        const db = new Database(join(dir, 'weaklink.db'), { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
        const store = await TokenStore.open(dir);
        const list = new Map(store.list().map((t) => [t.name, t]));
        const lost = [...created].filter((n) => !list.has(n));
        const undone = [...revoked].filter((n) => list.get(n)?.revoked === null);
        expect(lost, `acknowledged tokens lost: ${lost.length}`).toEqual([]);
        expect(undone, `acknowledged revocations undone: ${undone.length}`).toEqual([]);
        expect(verifyAuditRows(store.workspace)).toMatchObject({ broken: null });
        expect(new AuditLog(store.workspace).text().split('\n').length).toBeGreaterThan(round);
        store.workspace.close();
      }
      expect(created.size).toBeGreaterThanOrEqual(ROUNDS);
    },
  );
});
