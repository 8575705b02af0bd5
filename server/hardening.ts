/**
 * The HTTP hardening of the app: security headers (helmet) with a Content Security
 * Policy that allows exactly what the bundled map needs (its own scripts and styles,
 * images from data: and blob: URLs, workers from blob: URLs — Cytoscape's exports and
 * layouts); CORS closed unless origins are configured (`--cors` / WEAKLINK_CORS), and
 * then only for those origins; a logger that redacts anything shaped like a token; and
 * an optional access log (one line per request: method, path, status, time, token name).
 *
 * No HSTS and no `upgrade-insecure-requests`: the server speaks plain HTTP on
 * 127.0.0.1 by default; a TLS proxy in front of it is the place to add them.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { redact, redactUrl } from '../src/auth/redact.ts';
import type { Logger } from './errors.ts';
import { callerOf } from './route.ts';

/** helmet with the CSP of the bundled page. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

export const CORS = {
  methods: 'GET, POST, PUT, PATCH, DELETE',
  /** X-Job-Id: a heavy request's job id, which the page sends and reads back (GET /api/jobs/{id}). */
  headers: 'Authorization, Content-Type, X-Job-Id',
  exposed: 'X-Job-Id',
  maxAgeSeconds: 600,
};

/**
 * CORS for the listed origins only (exact `scheme://host[:port]` matches). With none, it
 * adds nothing: browsers then refuse cross-origin reads, and preflights get a 404.
 */
export function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    res.vary('Origin');
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return next();
    res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': CORS.exposed });
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      res.set({
        'Access-Control-Allow-Methods': CORS.methods,
        'Access-Control-Allow-Headers': CORS.headers,
        'Access-Control-Max-Age': String(CORS.maxAgeSeconds),
      });
      res.status(204).end();
      return;
    }
    next();
  };
}

/** `logger`, with tokens redacted from every message and from the text of every cause. */
export function redactingLogger(logger: Logger): Logger {
  return {
    info: (message) => logger.info(redact(message)),
    error: (message, cause) => {
      const text = cause instanceof Error ? (cause.stack ?? cause.message) : cause === undefined ? '' : String(cause);
      logger.error(redact(message), redact(text) === text ? cause : redact(text));
    },
  };
}

/** One info line per request when its answer is sent: `GET /api/summary 200 3 ms viewer-1`. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        `${req.method} ${redactUrl(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)} ms ${callerOf(res.locals)?.name ?? '-'}`,
      );
    });
    next();
  };
}
