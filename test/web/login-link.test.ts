/**
 * The page's `#login=CODE` link (weaklink login): the code is read from the hash and
 * exchanged once with POST /api/login for the token; a refused code gives no token.
 */
import { describe, expect, it, vi } from 'vitest';
import { exchangeLoginCode, loginCode } from '../../web/src/shell/token.ts';

describe('loginCode', () => {
  it('finds #login= at the start or after &, decoded; null without one', () => {
    expect(loginCode('')).toBeNull();
    expect(loginCode('#token=wl_x')).toBeNull();
    expect(loginCode('#login=wl_login_abc')).toBe('wl_login_abc');
    expect(loginCode('#view=1&login=wl_login_a%2Db')).toBe('wl_login_a-b');
  });
});

describe('exchangeLoginCode', () => {
  it('posts the code to /api/login and answers the token; null when refused', async () => {
    const ok = vi.fn(async () => new Response(JSON.stringify({ token: 'wl_new', name: 'login-x', role: 'admin' })));
    expect(await exchangeLoginCode('wl_login_abc', ok as unknown as typeof fetch)).toBe('wl_new');
    expect(ok).toHaveBeenCalledWith(
      '/api/login',
      expect.objectContaining({ method: 'POST', body: '{"code":"wl_login_abc"}' }),
    );
    const refused = vi.fn(async () => new Response('{"error":{"code":"unauthorized"}}', { status: 401 }));
    expect(await exchangeLoginCode('wl_login_abc', refused as unknown as typeof fetch)).toBeNull();
  });
});
