/**
 * Keeping secrets out of logs: `redact` replaces anything shaped like a weaklink token;
 * `redactUrl` also blanks the value of every query parameter whose name says it holds a
 * secret (token, access_token, key, secret, password, auth…), whatever its shape — a
 * token sent in a query string never reaches a log line or the audit log.
 *
 * @example
 *   redactUrl('/api/companies/oem?token=hunter2'); // "/api/companies/oem?token=[redacted]"
 */
import { TOKEN_LIKE } from './token-store.ts';

const SECRET_NAME = /token|key|secret|pass|auth|session|sig/i;

/** Replaces anything shaped like a weaklink token with `wl_[redacted]`. */
export function redact(text: string): string {
  return text.replace(TOKEN_LIKE, 'wl_[redacted]');
}

/** The URL with token-shaped text redacted and the values of secret-named query parameters blanked. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return redact(url);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_NAME.test(safeDecode(key)) ? `${key}=[redacted]` : pair;
    })
    .join('&');
  return redact(`${url.slice(0, at)}?${query}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
