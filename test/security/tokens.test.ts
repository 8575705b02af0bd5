/**
 * The token store and `weaklink token`: tokens are `wl_` + 32 random bytes (base64url),
 * stored only as SHA-256 in the workspace database (a private file), verified (unknown,
 * revoked, malformed), revocable by name, and a revocation made by another process (the
 * CLI) reaches a running server within its reload interval; a damaged database, or a
 * damaged tokens.json of an earlier workspace, stops it — a backup is never used in its
 * place; a revocation that cannot be committed is refused and holds anyway; the CLI
 * prints a token once and lists tokens without them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashToken, TokenStore, TOKEN_PATTERN, workspaceDir } from '../../src/auth/token-store.ts';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { NotFoundError, StoreUnavailableError, UsageError } from '../../src/errors.ts';

const workspace = (): string => join(mkdtempSync(join(tmpdir(), 'weaklink-tokens-')), 'ws');

describe('TokenStore', () => {
  it('TokenStore.create refuses a bad or reused name and a bad role', async () => {
    const tokens = await TokenStore.open(workspace());
    for (const name of ['', ' x', 'a b', '-lead', 'x'.repeat(65), 'ünï', 'a/b'])
      await expect(tokens.create(name, 'viewer')).rejects.toThrow(UsageError);
    await expect(tokens.create('ok', 'root' as 'admin')).rejects.toThrow(/role must be one of viewer, analyst, admin/);
    await tokens.create('ok', 'viewer');
    await tokens.revoke('ok');
    await expect(tokens.create('ok', 'admin')).rejects.toThrow(/already exists \(names are never reused/);
  });

  it('TokenStore.create makes a 256-bit token and stores only its SHA-256, in a private file', async () => {
    const dir = workspace();
    const tokens = await TokenStore.open(dir);
    const { token, record } = await tokens.create('ci', 'analyst', new Date('2026-01-02T03:04:05Z'));
    expect(token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
    expect(record).toEqual({ name: 'ci', role: 'analyst', created: '2026-01-02T03:04:05.000Z', revoked: null });
    tokens.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(join(dir, 'weaklink.db')).toString('latin1');
    expect(bytes).not.toContain(token);
    expect(bytes).not.toContain(token.slice(3, 20));
    expect(tokens.workspace.db.prepare('SELECT sha256 FROM tokens').pluck().all()).toEqual([
      hashToken(token).toString('hex'),
    ]);
    expect(statSync(join(dir, 'weaklink.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const second = await tokens.create('ci-2', 'analyst');
    expect(second.token).not.toBe(token);
  });

  it('TokenStore.verify tells a valid token from an unknown, malformed or revoked one', async () => {
    const tokens = await TokenStore.open(workspace());
    const { token } = await tokens.create('ana', 'analyst');
    expect(await tokens.verify(token)).toEqual({ status: 'ok', caller: { name: 'ana', role: 'analyst' } });
    expect(await tokens.verify(`wl_${'A'.repeat(43)}`)).toEqual({ status: 'unknown' });
    for (const bad of [
      '',
      token.slice(0, -1),
      `${token}x`,
      token.toUpperCase(),
      ` ${token}`,
      'wl_',
      hashToken(token).toString('hex'),
    ])
      expect(await tokens.verify(bad)).toEqual({ status: 'unknown' });
    await tokens.revoke('ana');
    expect(await tokens.verify(token)).toEqual({ status: 'revoked', name: 'ana' });
    await expect(tokens.revoke('nobody')).rejects.toThrow(NotFoundError);
  });

  it('TokenStore.verify sees a revocation made by another process within the reload interval', async () => {
    const dir = workspace();
    const server = await TokenStore.open(dir, { reloadIntervalMs: 50 });
    const { token } = await server.create('shared', 'viewer');
    expect((await server.verify(token)).status).toBe('ok');
    const cli = await TokenStore.open(dir);
    await cli.revoke('shared');
    const { token: added } = await cli.create('added-by-cli', 'admin');
    await new Promise((r) => setTimeout(r, 80));
    expect(await server.verify(token)).toEqual({ status: 'revoked', name: 'shared' });
    expect(await server.verify(added)).toEqual({ status: 'ok', caller: { name: 'added-by-cli', role: 'admin' } });
    await server.create('after', 'viewer');
    expect(server.list().map((t) => t.name)).toEqual(['shared', 'added-by-cli', 'after']);
  });

  it('a damaged database stops TokenStore.open with what to do; so does a damaged or missing tokens.json of an earlier workspace — its backup would bring a revoked token back (F9)', async () => {
    const dir = workspace();
    const tokens = await TokenStore.open(dir);
    const { token: first } = await tokens.create('one', 'viewer');
    await tokens.revoke('one');
    const damaged = workspace();
    mkdirSync(damaged, { recursive: true });
    writeFileSync(join(damaged, 'weaklink.db'), 'not a database, but long enough to look like a header '.repeat(20));
    await expect(TokenStore.open(damaged)).rejects.toThrow(/weaklink\.db is damaged .*restore it from a copy/);

    const old = workspace();
    mkdirSync(old, { recursive: true });
    const file = (tokens: unknown[]): string => JSON.stringify({ format: 'weaklink-tokens', version: 1, tokens });
    const stored = (name: string, revoked: string | null) => ({
      name,
      role: 'viewer',
      created: '2026-01-01T00:00:00.000Z',
      revoked,
      sha256: hashToken(`wl_${name.padEnd(43, 'x')}`).toString('hex'),
    });
    writeFileSync(join(old, 'tokens.json.bak'), file([stored('one', null)]));
    writeFileSync(join(old, 'tokens.json'), '{"format": "weaklink-tok');
    await expect(TokenStore.open(old)).rejects.toThrow(
      /tokens\.json is damaged .*; weaklink will not guess which tokens are valid\. Restore .* or remove both files and create tokens anew/,
    );
    rmSync(join(old, 'tokens.json'));
    await expect(TokenStore.open(old)).rejects.toThrow(/tokens\.json is missing; weaklink will not guess/);
    // A whole tokens.json is imported once, revocations included, and kept as tokens.json.imported.
    writeFileSync(join(old, 'tokens.json'), file([stored('one', '2026-01-02T00:00:00.000Z'), stored('two', null)]));
    const notes: string[] = [];
    const imported = await TokenStore.open(old, { note: (m) => notes.push(m) });
    expect(imported.list().map((t) => [t.name, t.revoked])).toEqual([
      ['one', '2026-01-02T00:00:00.000Z'],
      ['two', null],
    ]);
    expect(notes).toEqual([expect.stringMatching(/^imported 2 tokens of .*tokens\.json into .*weaklink\.db/)]);
    expect((await readdir(old)).filter((f) => f.startsWith('tokens')).sort()).toEqual([
      'tokens.json.bak.imported',
      'tokens.json.imported',
    ]);
    expect((await imported.verify(`wl_${'one'.padEnd(43, 'x')}`)).status).toBe('revoked');
    expect((await imported.verify(`wl_${'two'.padEnd(43, 'x')}`)).status).toBe('ok');
    // The running store keeps refusing the revoked token.
    expect((await tokens.verify(first)).status).toBe('revoked');
  });

  it('a revocation that cannot be committed is refused (503) and the token is refused in this process anyway (F9)', async () => {
    const dir = workspace();
    const tokens = await TokenStore.open(dir);
    const { token } = await tokens.create('doomed', 'admin');
    // Another process holds the database's write lock for longer than the busy timeout.
    const other = new Database(join(dir, 'weaklink.db'));
    other.exec('BEGIN IMMEDIATE');
    tokens.workspace.db.pragma('busy_timeout = 100');
    try {
      const error = await tokens.revoke('doomed').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(
        /could not be saved .*another process .* held the database for too long.*refused by this process until it restarts/,
      );
      expect((await tokens.verify(token)).status).toBe('revoked');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(new Database(join(dir, 'weaklink.db')).prepare('SELECT revoked FROM tokens').pluck().get()).toBeNull();
    await tokens.revoke('doomed'); // and once the lock is gone, it is committed
    expect((await TokenStore.open(dir)).list()[0]!.revoked).not.toBeNull();
  });

  it('TokenStore serialises concurrent changes, also of two stores on one workspace', async () => {
    const dir = workspace();
    const tokens = await TokenStore.open(dir);
    const other = await TokenStore.open(dir);
    await tokens.create('first', 'viewer');
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? tokens : other).create(`t${i}`, 'viewer')));
    expect((await TokenStore.open(dir)).list()).toHaveLength(11);
    await expect(other.create('t3', 'viewer')).rejects.toThrow(/already exists/);
  });

  it('workspaceDir: the option, else WEAKLINK_WORKSPACE, else .weaklink', () => {
    expect(workspaceDir('a', { WEAKLINK_WORKSPACE: 'b' })).toBe('a');
    expect(workspaceDir(undefined, { WEAKLINK_WORKSPACE: 'b' })).toBe('b');
    expect(workspaceDir(undefined, { WEAKLINK_WORKSPACE: '' })).toBe('.weaklink');
  });
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  return { code: await main(['node', 'weaklink', ...args], io), out, err };
}

describe('weaklink token', () => {
  it('token create exits 2 for a missing or unknown role, a missing name, or a reused one', async () => {
    const ws = workspace();
    expect((await run('token', 'create', '--name', 'x', '--workspace', ws)).code).toBe(2);
    expect((await run('token', 'create', '--name', 'x', '--role', 'root', '--workspace', ws)).err).toMatch(
      /Allowed choices are viewer, analyst, admin/,
    );
    expect((await run('token', 'create', '--role', 'viewer', '--workspace', ws)).code).toBe(2);
    expect((await run('token', 'create', '--role', 'viewer', '--name', 'x', '--workspace', ws)).code).toBe(0);
    const again = await run('token', 'create', '--role', 'viewer', '--name', 'x', '--workspace', ws);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/a token named "x" already exists/);
  });

  it('token create prints the token once on stdout; list shows name, role, created, revoked and never a token; revoke revokes', async () => {
    const ws = workspace();
    const created = await run('token', 'create', '--role', 'analyst', '--name', 'ana', '--workspace', ws);
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(TOKEN_PATTERN);
    expect(created.err).toMatch(/created analyst token "ana" in .*weaklink\.db; it is shown only this once/);
    expect((await TokenStore.open(ws)).list()).toEqual([
      expect.objectContaining({ name: 'ana', role: 'analyst', revoked: null }),
    ]);

    const revoked = await run('token', 'revoke', 'ana', '--workspace', ws);
    expect(revoked.out).toMatch(/^revoked "ana" \(analyst\) at \d{4}-/);
    expect((await run('token', 'revoke', 'nobody', '--workspace', ws)).code).toBe(2);

    const list = await run('token', 'list', '--workspace', ws);
    expect(list.code).toBe(0);
    expect(list.out.split('\n')[0]).toMatch(/^name\s+role\s+created\s+revoked$/);
    expect(list.out).toMatch(/^ana\s+analyst\s+\d{4}-\S+\s+\d{4}-\S+$/m);
    expect(list.out).not.toContain(token);
    expect(list.out).not.toMatch(/wl_/);
    expect((await TokenStore.open(ws)).list()[0]!.revoked).not.toBeNull();
  });

  it('token list reads WEAKLINK_WORKSPACE and says when there are no tokens', async () => {
    const ws = workspace();
    const before = process.env.WEAKLINK_WORKSPACE;
    process.env.WEAKLINK_WORKSPACE = ws;
    try {
      expect((await run('token', 'list')).out).toMatch(
        /^no tokens in .*weaklink\.db; create one with: weaklink token create/,
      );
    } finally {
      if (before === undefined) delete process.env.WEAKLINK_WORKSPACE;
      else process.env.WEAKLINK_WORKSPACE = before;
    }
  });
});
