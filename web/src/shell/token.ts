/**
 * The API token of this browser tab: the `#token=…` of the link the server prints moves
 * to sessionStorage (and out of the address bar); the API client reads it on every request.
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
