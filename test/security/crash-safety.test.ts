/**
 * Crash safety of the workspace files: a child process writing tokens and audit lines
 * in a loop is killed with SIGKILL at a random moment, again and again, and after every
 * kill `tokens.json` (and its backup `tokens.json.bak`) is complete, valid JSON that
 * TokenStore opens, holding every token of the previous round, and every audit line but
 * perhaps a cut-off last one parses. The next round then continues from there.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenStore } from '../../src/auth/token-store.ts';

const WRITER = resolve('test/security/fixtures/token-writer.ts');
const ROUNDS = 12;

/** Starts the writer, waits for its first write and `delayMs` more, then SIGKILLs it. */
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

function parseTokenFile(path: string): { tokens: { name: string }[] } {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { format: string; tokens: { name: string }[] };
  expect(data.format).toBe('weaklink-tokens');
  return data;
}

describe('the workspace files under SIGKILL', () => {
  it(
    'tokens.json and its backup are always whole JSON, and no token once written is lost',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'weaklink-crash-'));
      let known: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await killWhileWriting(dir, Math.floor(Math.random() * 120));
        const main = parseTokenFile(join(dir, 'tokens.json'));
        if (existsSync(join(dir, 'tokens.json.bak'))) parseTokenFile(join(dir, 'tokens.json.bak'));
        const names = main.tokens.map((t) => t.name);
        expect(names.slice(0, known.length)).toEqual(known);
        expect(names.length).toBeGreaterThan(known.length);
        // open() refuses a damaged tokens.json (it never falls back to the backup): it opens.
        const store = await TokenStore.open(dir);
        expect(store.list().map((t) => t.name)).toEqual(names);
        known = names;

        const lines = readFileSync(join(dir, 'audit.log'), 'utf8').split('\n');
        const last = lines.pop();
        for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
        expect(last === '' || last!.startsWith('{')).toBe(true);
      }
      const leftovers = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
      expect(leftovers.length).toBeLessThanOrEqual(2); // only the last killed writer's temporaries remain; the next write removes them
      expect(known.length).toBeGreaterThanOrEqual(ROUNDS);
    },
  );
});
