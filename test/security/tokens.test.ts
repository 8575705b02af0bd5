/**
 * The token store and `weaklink token`: tokens are `wl_` + 32 random bytes (base64url),
 * stored only as SHA-256 in a private file, verified (unknown, revoked, malformed),
 * revocable by name, and a revocation made by another process (the CLI) reaches a
 * running server within its reload interval; the file keeps a backup of its previous
 * version, which is used when the file itself is damaged; the CLI prints a token once
 * and lists tokens without them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
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
    const text = readFileSync(join(dir, 'tokens.json'), 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(3, 20));
    expect(JSON.parse(text).tokens[0].sha256).toBe(hashToken(token).toString('hex'));
    expect(statSync(join(dir, 'tokens.json')).mode & 0o777).toBe(0o600);
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

  it('TokenStore keeps the previous file as tokens.json.bak, but a damaged or missing tokens.json stops it: the backup would bring a revoked token back (F9)', async () => {
    const dir = workspace();
    const tokens = await TokenStore.open(dir);
    const { token: first } = await tokens.create('one', 'viewer');
    await tokens.revoke('one');
    expect(
      JSON.parse(readFileSync(join(dir, 'tokens.json.bak'), 'utf8')).tokens.map(
        (t: { name: string; revoked: string | null }) => [t.name, t.revoked],
      ),
    ).toEqual([['one', null]]);
    writeFileSync(join(dir, 'tokens.json'), '{"format": "weaklink-tok');
    await expect(TokenStore.open(dir)).rejects.toThrow(
      /tokens\.json is damaged .*; weaklink will not guess which tokens are valid\. Restore .* or remove both files and create tokens anew/,
    );
    rmSync(join(dir, 'tokens.json'));
    await expect(TokenStore.open(dir)).rejects.toThrow(/tokens\.json is missing; weaklink will not guess/);
    // The running store keeps refusing the revoked token, whatever happened to the file.
    expect((await tokens.verify(first)).status).toBe('revoked');
  });

  it('a revocation that cannot be written is refused (503) and the token is refused in this process anyway (F9)', async () => {
    const dir = workspace();
    const tokens = await TokenStore.open(dir);
    const { token } = await tokens.create('doomed', 'admin');
    // Every later write fails: the backup's place is taken by a non-empty directory.
    rmSync(join(dir, 'tokens.json.bak'), { force: true });
    mkdirSync(join(dir, 'tokens.json.bak', 'blocker'), { recursive: true });
    await expect(tokens.revoke('doomed')).rejects.toThrow(StoreUnavailableError);
    await expect(tokens.revoke('doomed')).rejects.toThrow(
      /could not be saved .*refused by this process until it restarts/,
    );
    expect((await tokens.verify(token)).status).toBe('revoked');
  });

  it('TokenStore serialises concurrent changes and removes temporaries of dead writers', async () => {
    const dir = workspace();
    const tokens = await TokenStore.open(dir);
    await tokens.create('first', 'viewer');
    writeFileSync(join(dir, 'tokens.json.999999999.abcdef.tmp'), 'half');
    writeFileSync(join(dir, `tokens.json.${process.pid}.abcdef.tmp`), 'mine, in flight');
    await Promise.all(Array.from({ length: 10 }, (_, i) => tokens.create(`t${i}`, 'viewer')));
    expect(tokens.list()).toHaveLength(11);
    expect((await readdir(dir)).sort()).toEqual([
      'tokens.json',
      `tokens.json.${process.pid}.abcdef.tmp`,
      'tokens.json.bak',
    ]);
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
    expect(created.err).toMatch(/created analyst token "ana" in .*tokens\.json; it is shown only this once/);
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
        /^no tokens in .*tokens\.json; create one with: weaklink token create/,
      );
    } finally {
      if (before === undefined) delete process.env.WEAKLINK_WORKSPACE;
      else process.env.WEAKLINK_WORKSPACE = before;
    }
  });
});
