/**
 * LoginCodes: the single-use login codes of `weaklink login`, kept in the workspace
 * database (`login_codes`) as their SHA-256 only, with an expiry (default 10 minutes).
 * A code is `wl_login_` and 32 random base64url characters (192 bits): as unguessable as
 * a token, and shaped so that the logs' token redaction blanks it too. `redeem` uses a
 * code up in one transaction: it works once, before its expiry; a used, expired or
 * unknown code is refused, and which it was is never told apart to the caller.
 *
 * @example
 *   const codes = new LoginCodes('.weaklink');
 *   const { code } = codes.create(); // print http://HOST:PORT/#login=CODE
 *   codes.redeem(code); // → true, once
 */
import { createHash, randomBytes } from 'node:crypto';
import { UsageError } from '../errors.ts';
import { WorkspaceRef } from './workspace-ref.ts';

export const DEFAULTS = {
  prefix: 'wl_login_',
  codeBytes: 24,
  /** How long a code works. */
  ttlMinutes: 10,
  /** Used and expired codes older than this are removed at the next create. */
  keepDays: 7,
};

export const CODE_PATTERN = /^wl_login_[A-Za-z0-9_-]{32}$/;

const sha256 = (code: string): string => createHash('sha256').update(code, 'utf8').digest('hex');

export class LoginCodes extends WorkspaceRef {
  /** A new code, working once until `expires` (ISO 8601). */
  create(options: { ttlMinutes?: number; now?: Date } = {}): { code: string; expires: string } {
    const ttl = options.ttlMinutes ?? DEFAULTS.ttlMinutes;
    if (!Number.isFinite(ttl) || ttl <= 0 || ttl > 24 * 60)
      throw new UsageError(`--minutes must be more than 0 and at most 1440, got ${ttl}`, 'minutes');
    const now = options.now ?? new Date();
    const code = DEFAULTS.prefix + randomBytes(DEFAULTS.codeBytes).toString('base64url');
    const expires = new Date(now.getTime() + ttl * 60_000).toISOString();
    const ws = this.ws;
    ws.write('creating a login code', () => {
      const old = new Date(now.getTime() - DEFAULTS.keepDays * 86_400_000).toISOString();
      ws.db.prepare('DELETE FROM login_codes WHERE expires < ?').run(old);
      ws.db
        .prepare('INSERT INTO login_codes (sha256, created, expires, used) VALUES (?, ?, ?, NULL)')
        .run(sha256(code), now.toISOString(), expires);
    });
    return { code, expires };
  }

  /** Uses `code` up: true the first time, before its expiry; false for a used, expired, unknown or malformed code. */
  redeem(code: string, now = new Date()): boolean {
    if (!CODE_PATTERN.test(code)) return false;
    const ws = this.ws;
    return ws.write('using a login code', () => {
      const stamp = now.toISOString();
      return (
        ws.db
          .prepare('UPDATE login_codes SET used = ? WHERE sha256 = ? AND used IS NULL AND expires > ?')
          .run(stamp, sha256(code), stamp).changes === 1
      );
    });
  }

  /** The address the workspace's server last recorded (`weaklink login` builds its link on it). */
  lastServerUrl(): string | undefined {
    return this.ws.getMeta('last-server-url');
  }
}
