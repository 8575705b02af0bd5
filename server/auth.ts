/**
 * Who may call a route, and how often. `routeGuards` gives each route of the table its
 * middleware, in this order: the audit hook (write routes: one line per request, whatever
 * its outcome, written when the answer is sent), then — unless the route is public — the
 * bearer token check (401 `unauthorized` without a valid token, 403 `forbidden` when its
 * role is below the route's), then the per-token rate limit (429 `rate_limited`). The
 * per-address rate limit (`addressLimiter`) runs before all of this, for every /api
 * request, so guessing tokens is throttled too.
 *
 * The token is read from `Authorization: Bearer <token>` only — never from the URL,
 * which ends up in logs and browser history. Addresses are the socket's (`trust proxy`
 * is off): behind a reverse proxy every client shares the proxy's address budget.
 *
 * @example
 *   for (const route of apiRoutes()) mountRoute(app, route, ctx, routeGuards(route, guards));
 */
import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { randomUUID } from 'node:crypto';
import { redactUrl } from '../src/auth/redact.ts';
import type { AuditLog } from '../src/auth/audit-log.ts';
import { roleAllows, type Role } from '../src/auth/roles.ts';
import type { TokenStore } from '../src/auth/token-store.ts';
import { sendError, type Logger } from './errors.ts';
import { callerOf, type Route } from './route.ts';

export const DEFAULTS = { perToken: 600, perAddress: 1200, windowMs: 60_000 };

export interface RateLimits {
  /** Requests per window per token. */
  perToken: number;
  /** Requests per window per client address (IPv6: per /56). */
  perAddress: number;
  windowMs: number;
}

export interface Guards {
  tokens: TokenStore;
  audit: AuditLog;
  logger: Logger;
  tokenLimiter: RequestHandler;
}

const REALM = 'Bearer realm="weaklink"';

function unauthorized(res: Response, message: string, invalidToken: boolean): void {
  res.set('WWW-Authenticate', invalidToken ? `${REALM}, error="invalid_token"` : REALM);
  sendError(res, 401, 'unauthorized', message);
}

/** 401 without a valid bearer token, 403 when its role is below `required`; else the caller goes to `res.locals.caller`. */
export function authenticate(tokens: TokenStore, required: Role): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') {
      return unauthorized(
        res,
        'This endpoint needs a token: send "Authorization: Bearer <token>" (an admin creates one with: weaklink token create --role viewer --name NAME).',
        false,
      );
    }
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (match === null)
      return unauthorized(
        res,
        'The Authorization header must be "Bearer <token>", the token as printed by weaklink token create.',
        true,
      );
    const verdict = await tokens.verify(match[1]!);
    if (verdict.status === 'revoked')
      return unauthorized(res, 'This token was revoked; ask an admin for a new one.', true);
    if (verdict.status !== 'ok')
      return unauthorized(
        res,
        'The token is not valid; check that it was copied whole, or ask an admin for a new one.',
        true,
      );
    res.locals.caller = verdict.caller;
    if (!roleAllows(verdict.caller.role, required)) {
      return sendError(
        res,
        403,
        'forbidden',
        `This needs the ${required} role; the token "${verdict.caller.name}" has the ${verdict.caller.role} role. Ask an admin for a token with the ${required} role.`,
      );
    }
    next();
  };
}

const rateLimited =
  (what: string): RequestHandler =>
  (_req, res) =>
    sendError(
      res,
      429,
      'rate_limited',
      `Too many requests from this ${what}; wait a minute (see the Retry-After header) and try again.`,
    );

/** At most `perAddress` requests per window from one client address. */
export function addressLimiter(limits: RateLimits): RequestHandler {
  return rateLimit({
    windowMs: limits.windowMs,
    limit: limits.perAddress,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown'),
    handler: rateLimited('address'),
  });
}

/** At most `perToken` requests per window with one token (keyed by its name; runs after `authenticate`). */
export function tokenLimiter(limits: RateLimits): RequestHandler {
  return rateLimit({
    windowMs: limits.windowMs,
    limit: limits.perToken,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    identifier: 'token',
    keyGenerator: (_req, res) => `token:${callerOf(res.locals)?.name ?? ''}`,
    handler: rateLimited('token'),
    validate: { keyGeneratorIpFallback: false },
  });
}

export const AUDIT = {
  /** Longest path an audit line keeps (longer ones are cut, marked with …). */
  maxPath: 300,
};

/** The path as the audit log keeps it: secrets redacted, at most AUDIT.maxPath characters. */
function auditPath(url: string): string {
  const path = redactUrl(url);
  return path.length > AUDIT.maxPath ? `${path.slice(0, AUDIT.maxPath)}…` : path;
}

/** What the audit log records of a write request: its id, method, path (capped) and client address. */
export interface AuditedRequest {
  id: string;
  method: string;
  path: string;
  address: string;
}

/**
 * The audit of a write request: gives it an id (`res.locals.audit`, used by mountRoute
 * for the intent and outcome lines), and when the answer was sent without mountRoute's
 * outcome line — a refusal or a failure — appends that line (writes without a valid token:
 * summed per address instead).
 */
export function auditHook(audit: AuditLog, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const request: AuditedRequest = {
      id: randomUUID(),
      method: req.method,
      path: auditPath(req.originalUrl),
      address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    };
    res.locals.audit = request;
    res.on('finish', () => {
      if (res.locals.audited === true) return;
      const caller = callerOf(res.locals);
      if (caller === null && res.statusCode === 401) return audit.refused(request.address);
      audit
        .append({
          time: new Date().toISOString(),
          phase: res.locals.auditIntent === true ? 'outcome' : 'refused',
          id: request.id,
          token: caller?.name ?? null,
          role: caller?.role ?? null,
          method: request.method,
          path: request.path,
          status: res.statusCode,
          change: null,
          address: request.address,
        })
        .catch((error: unknown) => logger.error(`audit log: cannot write ${audit.file}`, error));
    });
    next();
  };
}

/** The middleware of one route: audit hook (writes), token check and per-token limit (unless public). */
export function routeGuards(route: Route, guards: Guards): RequestHandler[] {
  const chain: RequestHandler[] = [];
  if (route.change !== undefined) chain.push(auditHook(guards.audit, guards.logger));
  if (route.access !== 'public') chain.push(authenticate(guards.tokens, route.access), guards.tokenLimiter);
  return chain;
}
