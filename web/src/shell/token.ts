/**
 * The API token of this browser tab: the `#token=…` of the link the server prints moves
 * to sessionStorage (and out of the address bar); the API client reads it on every request.
 * A `#login=CODE` link of `weaklink login` is exchanged once (POST /api/login) for a new
 * admin token, which then goes the same way.
 */

/** Where the API token is kept: this browser tab only (sessionStorage). */
const TOKEN_KEY = 'weaklink.token';

/** The token in `#token=…` moves to sessionStorage and out of the address bar. */
export function takeTokenFromUrl(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return;
  storeToken(decodeURIComponent(match[1]!));
  history.replaceState(null, '', location.pathname + location.search);
}

/** The code of `#login=CODE` in `hash`, or null. */
export function loginCode(hash: string): string | null {
  const match = /(?:^#|&)login=([^&]+)/.exec(hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Exchanges a login code for a token (POST /api/login); null when the server refuses it. */
export async function exchangeLoginCode(code: string, fetcher: typeof fetch = fetch): Promise<string | null> {
  const res = await fetcher('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!res.ok) return null;
  const body = (await res.json()) as { token?: unknown };
  return typeof body.token === 'string' ? body.token : null;
}

/** The code in `#login=…` leaves the address bar at once and, when the server takes it, becomes this tab's token. */
export async function takeLoginFromUrl(): Promise<void> {
  const code = loginCode(location.hash);
  if (code === null) return;
  history.replaceState(null, '', location.pathname + location.search);
  const token = await exchangeLoginCode(code).catch(() => null);
  if (token !== null) storeToken(token);
}

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage disabled: the token lasts until the page is reloaded.
  }
}
