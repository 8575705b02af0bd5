/**
 * `weaklink login` (issue 13, F8): a returning local user gets a fresh single-use login
 * link. The code is stored hashed with an expiry and works once: POST /api/login
 * exchanges it for a new admin token (audited: intent and outcome, naming the token);
 * a used, expired or wrong code is a 401, summed per address in the audit log. The CLI
 * builds the link on the address the server last recorded in the workspace, or --url.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { LoginCodes } from '../../src/workspace/login-codes.ts';
import { Workspace } from '../../src/workspace/workspace.ts';
import { auditText, get, send, serveNetwork } from '../server/helpers.ts';

const workspace = (): string => mkdtempSync(join(tmpdir(), 'weaklink-login-'));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  return { code: await main(['node', 'weaklink', ...args], io), out, err };
}

describe('LoginCodes', () => {
  it('refuses a malformed, unknown, used or expired code; a fresh one works once; only its hash is stored', () => {
    const dir = workspace();
    const codes = new LoginCodes(dir);
    expect(codes.redeem('')).toBe(false);
    expect(codes.redeem('wl_login_' + 'A'.repeat(32))).toBe(false);
    const { code, expires } = codes.create({ now: new Date('2026-12-05T06:00:00Z') });
    expect(code).toMatch(/^wl_login_[A-Za-z0-9_-]{32}$/);
    expect(expires).toBe('2026-12-05T06:10:00.000Z');
    expect(codes.redeem(code, new Date('2026-12-05T06:10:00Z'))).toBe(false); // expired
    const fresh = codes.create().code;
    expect(codes.redeem(fresh)).toBe(true);
    expect(codes.redeem(fresh)).toBe(false); // used
    const ws = Workspace.open(dir);
    const stored = JSON.stringify(ws.db.prepare('SELECT * FROM login_codes').all());
    expect(stored).not.toContain(code.slice(9));
    expect(stored).not.toContain(fresh.slice(9));
    expect(() => codes.create({ ttlMinutes: 0 })).toThrow(/--minutes must be more than 0/);
  });
});

describe('POST /api/login', () => {
  let server: Awaited<ReturnType<typeof serveNetwork>>;
  beforeAll(async () => {
    server = await serveNetwork();
  });
  afterAll(() => server.close());

  it('exchanges a code once for a new admin token, audited; a used, expired or wrong code is a 401', async () => {
    const codes = new LoginCodes(server.auth.dir);
    const { code } = codes.create();
    const ok = await send<{ token: string; name: string; role: string }>(
      'POST',
      server.url,
      '/api/login',
      { code },
      { token: null },
    );
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ role: 'admin', name: expect.stringMatching(/^login-\d{4}-\d\d-\d\dT\d\d-\d\d$/) });
    expect((await get(server.url, '/api/tokens', { token: ok.body.token })).status).toBe(200);

    const again = await send<{ error: { code: string; message: string } }>(
      'POST',
      server.url,
      '/api/login',
      { code },
      { token: null },
    );
    expect(again.status).toBe(401);
    expect(again.body.error).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/unknown, used or expired; run weaklink login again/),
    });
    const expired = codes.create({ now: new Date(Date.now() - 11 * 60_000) }).code;
    expect((await send('POST', server.url, '/api/login', { code: expired }, { token: null })).status).toBe(401);
    expect(
      (await send('POST', server.url, '/api/login', { code: 'wl_login_' + 'x'.repeat(32) }, { token: null })).status,
    ).toBe(401);
    const second = await send<{ name: string }>(
      'POST',
      server.url,
      '/api/login',
      { code: codes.create().code },
      { token: null },
    );
    expect(second.status).toBe(200);
    expect(second.body.name).not.toBe(ok.body.name); // a second login in the same minute gets its own name

    await server.auth.audit.flush();
    const lines = (await auditText(server.auth.dir))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { phase?: string; path: string; status: number; change: unknown; refused?: number });
    const logins = lines.filter((l) => l.path === '/api/login');
    expect(logins.filter((l) => l.phase === 'outcome')).toEqual([
      expect.objectContaining({ status: 200, change: { login: { token: ok.body.name, role: 'admin' } } }),
      expect.objectContaining({ status: 200, change: { login: { token: second.body.name, role: 'admin' } } }),
    ]);
    expect(lines.filter((l) => l.refused !== undefined).reduce((n, l) => n + l.refused!, 0)).toBe(3);
    const text = await auditText(server.auth.dir);
    expect(text).not.toContain(code);
    expect(text).not.toContain(ok.body.token);
  });
});

describe('weaklink login', () => {
  it('exits 2 when no server recorded its address and no --url is given, or --url is not an address', async () => {
    const dir = workspace();
    const none = await run('login', '--workspace', dir);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no server has recorded its address in .* yet; start it \(npm start\) or give --url/);
    expect((await run('login', '--workspace', dir, '--url', 'localhost:8080')).code).toBe(2);
  });

  it("prints a fresh link to the server's recorded address that works once", async () => {
    const dir = workspace();
    const ws = Workspace.open(dir);
    ws.recordServerUrl('http://localhost:8123');
    ws.close();
    const printed = await run('login', '--workspace', dir);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^http:\/\/localhost:8123\/#login=wl_login_[A-Za-z0-9_-]{32}\n$/);
    expect(printed.err).toMatch(/works once, until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    const other = await run('login', '--workspace', dir, '--url', 'http://127.0.0.1:9000/');
    expect(other.out).toMatch(/^http:\/\/127\.0\.0\.1:9000\/#login=/);
    expect(other.out).not.toBe(printed.out);
    const code = /#login=(\S+)/.exec(printed.out)![1]!;
    const codes = new LoginCodes(dir);
    expect(codes.redeem(code)).toBe(true);
    expect(codes.redeem(code)).toBe(false);
  });
});
