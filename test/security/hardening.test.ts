/**
 * The HTTP hardening through createApp: security headers and the Content Security Policy
 * of the bundled page; CORS closed by default and open only to configured origins; rate
 * limits per token and per address (429 `rate_limited`); body limits (100 kB, checked
 * only after the token); and logs — the access log, the error log and the audit log —
 * that never hold a token, even one sent where it does not belong; responses that never
 * hold a stack trace or a source path.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../../server/app.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import {
  chain,
  auditText,
  get,
  leaksInternals,
  post,
  quietLogger,
  send,
  serve,
  testAuth,
  type Answer,
} from '../server/helpers.ts';

async function app(deps: Partial<AppDeps> = {}) {
  const store = new MemoryStore();
  await store.load(chain);
  const auth = await testAuth();
  const logger = quietLogger();
  const served = await serve(createApp({ store, auth, logger, ...deps }), auth.viewer);
  return { ...served, auth, logger, store };
}

const TOKEN_SHAPE = /wl_[A-Za-z0-9_-]{20,}/;

describe('security headers', () => {
  it('sets the CSP of the bundled page and the usual headers, on the page and on the API', async () => {
    const root = mkdtempSync(join(tmpdir(), 'weaklink-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>weaklink</title><script type="module" src="/assets/app.js"></script>',
    );
    const s = await app({ webRoot: root });
    try {
      for (const path of ['/', '/api/summary', '/api/nothing']) {
        const { headers } = await get(s.url, path);
        const csp = Object.fromEntries(
          headers
            .get('content-security-policy')!
            .split(';')
            .map((d) => d.trim().split(/\s+/))
            .map(([k, ...v]) => [k!, v.join(' ')]),
        );
        expect(csp).toEqual({
          'default-src': "'self'",
          'script-src': "'self'",
          'style-src': "'self'",
          'img-src': "'self' data: blob:",
          'worker-src': "'self' blob:",
          'connect-src': "'self'",
          'font-src': "'self'",
          'object-src': "'none'",
          'base-uri': "'self'",
          'form-action': "'self'",
          'frame-ancestors': "'none'",
        });
        expect(headers.get('x-frame-options')).toBe('DENY');
        expect(headers.get('x-content-type-options')).toBe('nosniff');
        expect(headers.get('referrer-policy')).toBe('no-referrer');
        expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(headers.get('strict-transport-security')).toBeNull();
        expect(headers.get('x-powered-by')).toBeNull();
      }
      expect((await get(s.url, '/api/summary')).headers.get('cache-control')).toBe('no-store');
    } finally {
      await s.close();
    }
  });
});

describe('CORS', () => {
  it('is closed by default: no CORS header for any origin, and no preflight', async () => {
    const s = await app();
    try {
      const simple = await get(s.url, '/api/summary', { headers: { origin: 'https://evil.example' } });
      expect(simple.status).toBe(200);
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await send('OPTIONS', s.url, '/api/summary', undefined, {
        token: null,
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    } finally {
      await s.close();
    }
  });

  it('answers the configured origins only', async () => {
    const s = await app({ cors: ['https://risk.example.com'] });
    try {
      const ok = await get(s.url, '/api/summary', { headers: { origin: 'https://risk.example.com' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://risk.example.com');
      expect(ok.headers.get('vary')).toMatch(/Origin/);
      const preflight = await send('OPTIONS', s.url, '/api/companies/oem', undefined, {
        token: null,
        headers: { origin: 'https://risk.example.com', 'access-control-request-method': 'PATCH' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      // A heavy request's job id goes both ways (web/src/progress.tsx).
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Job-Id/);
      expect(ok.headers.get('access-control-expose-headers')).toBe('X-Job-Id');
      const other = await get(s.url, '/api/summary', { headers: { origin: 'https://risk.example.com.evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect(other.headers.get('vary')).toMatch(/Origin/);
    } finally {
      await s.close();
    }
  });
});

describe('rate limits', () => {
  it('limit each token, then each address, with 429 rate_limited', async () => {
    const s = await app({ limits: { perToken: 5, perAddress: 9 } });
    try {
      const viewer = await Promise.all(Array.from({ length: 7 }, () => get(s.url, '/api/summary')));
      expect(viewer.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = viewer[6]!;
      expect(limited.body).toMatchObject({
        error: { code: 'rate_limited', message: expect.stringMatching(/from this token/) },
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await get(s.url, '/api/summary', { token: s.auth.analyst })).status).toBe(200);
      expect((await get(s.url, '/api/summary', { token: s.auth.admin })).status).toBe(200);
      const address = await get(s.url, '/api/health', { token: null });
      expect(address.status).toBe(429);
      expect(address.body).toMatchObject({
        error: { code: 'rate_limited', message: expect.stringMatching(/from this address/) },
      });
    } finally {
      await s.close();
    }
  });

  it('count guesses at tokens against the address', async () => {
    const s = await app({ limits: { perAddress: 3 } });
    try {
      const guesses = await Promise.all(
        Array.from({ length: 5 }, (_, i) => get(s.url, '/api/summary', { token: `wl_${String(i).repeat(43)}` })),
      );
      expect(guesses.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await s.close();
    }
  });
});

describe('body limits', () => {
  it('refuse a body over 100 kB on the edit routes with 413, but only after the token is checked', async () => {
    const s = await app();
    try {
      const big = { version: '1', supplier: 'x'.repeat(110 * 1024), buyer: 'oem', commodity: 'seats', share: 0.5 };
      const refused = await send('PATCH', s.url, '/api/supplies', big, { token: s.auth.analyst });
      expect(refused.status).toBe(413);
      expect(refused.body).toMatchObject({ error: { code: 'payload_too_large' } });
      expect((await send('PATCH', s.url, '/api/supplies', big, { token: null })).status).toBe(401);
      expect((await send('PATCH', s.url, '/api/supplies', big, { token: s.auth.viewer })).status).toBe(403);
    } finally {
      await s.close();
    }
  });
});

describe('logs', () => {
  it('writes without a valid token cannot grow the audit log: one summary line per address, paths capped (F6)', async () => {
    const s = await app({ limits: { perAddress: 10_000 } });
    try {
      const long = 'x'.repeat(10_000);
      for (let i = 0; i < 300; i++)
        await send('PATCH', s.url, `/api/companies/${long}${i}`, { version: 'v', scsLevel: 1 }, { token: null });
      await send('PATCH', s.url, `/api/companies/${long}`, { version: 'v', scsLevel: 1 }, { token: s.auth.analyst });
      await s.auth.audit.flush();
      const text = await auditText(s.auth.dir);
      const lines = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(2);
      const summary = lines.find((l) => l['refused'] !== undefined)!;
      expect(summary).toMatchObject({
        token: null,
        status: 401,
        refused: 300,
        address: expect.stringMatching(/127\.0\.0\.1/),
      });
      const write = lines.find((l) => l['token'] === 'analyst-1')!;
      expect((write['path'] as string).length).toBeLessThanOrEqual(301);
      expect(text.length).toBeLessThan(2_000);
    } finally {
      await s.close();
    }
  });

  it('the audit log and the access log keep no token sent in a write query string, of any shape (F7)', async () => {
    const s = await app({ accessLog: true });
    try {
      const { version } = (await get<{ version: string }>(s.url, '/api/summary')).body;
      const secret = 'hunter2-not-a-weaklink-shape';
      const path = `/api/companies/oem?access_token=${secret}&token=${s.auth.viewer}&keep=1`;
      // Refused (the route takes no query), and audited as a refused write, with its path.
      const edit = await send('PATCH', s.url, path, { version, scsLevel: 3 }, { token: s.auth.analyst });
      expect(edit.status).toBe(400);
      await s.auth.audit.flush();
      const audit = await auditText(s.auth.dir);
      const logged = s.logger.lines.join('\n');
      for (const text of [audit, logged]) {
        expect(text).toContain('access_token=[redacted]&token=[redacted]&keep=1');
        expect(text).not.toContain(secret);
        expect(text).not.toContain(s.auth.viewer);
      }
    } finally {
      await s.close();
    }
  });

  it('never hold a token: not in the access log, the error log or the audit log, not even one sent in a URL', async () => {
    const s = await app({ accessLog: true });
    const answers: Answer[] = [];
    try {
      const { admin, analyst, viewer, revoked } = s.auth;
      answers.push(await get(s.url, '/api/summary'));
      answers.push(await get(s.url, `/api/summary?token=${viewer}`));
      answers.push(await get(s.url, `/api/companies/${admin}`));
      answers.push(await get(s.url, '/api/summary', { token: revoked }));
      answers.push(await get(s.url, '/api/summary', { headers: { authorization: `Token ${analyst}` } }));
      answers.push(await get(s.url, '/api/summary', { token: `wl_${'Z'.repeat(43)}` }));
      const created = await post<{ token: string }>(
        s.url,
        '/api/tokens',
        { name: 'fresh', role: 'analyst' },
        'application/json',
        { token: admin },
      );
      answers.push(created);
      const { version } = answers[0]!.body as { version: string };
      answers.push(
        await send('PATCH', s.url, '/api/companies/oem', { version, scsLevel: 3 }, { token: created.body.token }),
      );
      answers.push(await send('DELETE', s.url, '/api/tokens/fresh', undefined, { token: admin }));
      answers.push(
        await send('PATCH', s.url, '/api/companies/oem', { version, scsLevel: 4 }, { token: created.body.token }),
      );
      s.store.read = () => Promise.reject(new Error(`store failed for ${admin} at /work/secret.ts:1:1`));
      await s.store.load(chain);
      answers.push(await get(s.url, '/api/summary', { token: admin }));
      await s.auth.audit.flush();

      expect(answers.map((a) => a.status)).toEqual([200, 400, 404, 401, 401, 401, 200, 200, 200, 401, 500]);
      const logged = [
        ...s.logger.lines,
        ...s.logger.causes.map((c) => (c instanceof Error ? `${c.message}\n${c.stack}` : String(c))),
      ].join('\n');
      const audit = await auditText(s.auth.dir);
      expect(s.logger.lines.length).toBeGreaterThanOrEqual(answers.length);
      expect(logged).toMatch(/GET \/api\/summary\?token=\[redacted\] 400/);
      expect(logged).toMatch(/store failed for wl_\[redacted\]/);
      // Three writes went through (intent and outcome each); the one with a revoked token is summed.
      const phases = audit
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { phase?: string }).phase ?? 'summary');
      expect(phases.sort()).toEqual(['intent', 'intent', 'intent', 'outcome', 'outcome', 'outcome', 'summary']);
      for (const text of [logged, audit]) {
        expect(text).not.toMatch(TOKEN_SHAPE);
        for (const token of [admin, analyst, viewer, revoked, created.body.token]) expect(text).not.toContain(token);
      }
      for (const a of answers.filter((x) => x.status >= 400)) expect(leaksInternals(a.text), a.text).toBe(false);
      // A refused token is not echoed back (a 404 does echo the id asked for, whatever it is).
      for (const a of answers.filter((x) => x.status === 401)) expect(a.text).not.toMatch(TOKEN_SHAPE);
    } finally {
      await s.close();
    }
  });
});
