/**
 * The one place where failures become HTTP responses, always
 * `{ error: { code, message, field?, issues? } }` (api-types `ApiError`): a ZodError is a
 * 400 naming the first bad field (or the first unknown one), UsageError 400, InputError
 * (an uploaded network) 400 with its located `issues`, NotFoundError 404, ConflictError
 * (a stale version) 409, PayloadTooLargeError and an oversized body 413,
 * StoreUnavailableError 503, a heavy job refused (BusyError) 429/503 with Retry-After, one
 * beyond the role's budget (OverBudgetError) 429, malformed JSON 400; anything else is a 500 with a generic
 * message — its stack goes to the server log only, never to the client. Authentication
 * answers 401/403/429 itself (auth.ts).
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import {
  ConflictError,
  InputError,
  NotFoundError,
  PayloadTooLargeError,
  StoreUnavailableError,
  UnauthorizedError,
  UsageError,
} from '../src/errors.ts';
import type { ApiError, ApiIssue } from '../src/contract/api-types.ts';
import { BusyError } from '../src/app/jobs.ts';
import { OverBudgetError } from '../src/app/job-cost.ts';

export type ErrorCode = ApiError['error']['code'];

/** Where the server writes: one line per event; `error` gets the cause of a 500. */
export interface Logger {
  info(message: string): void;
  error(message: string, cause?: unknown): void;
}

/** The public health check's answer when the store does not answer: 503 `{ status: 'degraded' }`, the cause logged. */
export class DegradedError extends Error {
  override name = 'DegradedError';
  constructor(override readonly cause: Error) {
    super('degraded');
  }
}

/** Sends an API error. */
export function sendError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  field?: string,
  issues?: ApiIssue[],
): void {
  const body: ApiError = {
    error: { code, message, ...(field === undefined ? {} : { field }), ...(issues === undefined ? {} : { issues }) },
  };
  res.status(status).json(body);
}

/** 404 for every /api path no route matched. */
export function apiNotFound(): RequestHandler {
  return (req, res) =>
    sendError(
      res,
      404,
      'not_found',
      `No such endpoint: ${req.method} ${req.baseUrl}${req.path}. See GET /api/openapi.json.`,
    );
}

/** The error middleware: maps each error kind to its status; logs only the unexpected. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      const path = issue ? [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])] : [];
      const field = path.length > 0 ? path.map(String).join('.') : undefined;
      const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid request';
      return sendError(res, 400, 'bad_request', message, field);
    }
    if (err instanceof UsageError) return sendError(res, 400, 'bad_request', err.message, err.field);
    if (err instanceof InputError) return sendError(res, 400, 'bad_request', err.message, undefined, err.issues);
    if (err instanceof ConflictError) return sendError(res, 409, 'conflict', err.message);
    if (err instanceof UnauthorizedError) return sendError(res, 401, 'unauthorized', err.message);
    if (err instanceof PayloadTooLargeError) return sendError(res, 413, 'payload_too_large', err.message, err.field);
    if (err instanceof NotFoundError) return sendError(res, 404, 'not_found', err.message, err.field);
    if (err instanceof StoreUnavailableError) return sendError(res, 503, 'unavailable', err.message);
    if (err instanceof BusyError) {
      res.set('Retry-After', String(err.retryAfterSeconds));
      return sendError(res, err.status, err.status === 429 ? 'rate_limited' : 'unavailable', err.message);
    }
    // Beyond the role's budget per job: waiting does not help, so no Retry-After.
    if (err instanceof OverBudgetError) return sendError(res, 429, 'rate_limited', err.message);
    if (err instanceof DegradedError) {
      logger.error(`${req.method} ${req.originalUrl}: degraded: ${err.cause.message}`);
      return res.status(503).json({ status: 'degraded' });
    }
    const body = bodyParserError(err);
    if (body) return sendError(res, body.status, body.code, body.message);
    logger.error(`${req.method} ${req.originalUrl} failed`, err);
    return sendError(
      res,
      500,
      'internal',
      'Internal error: the server could not answer this request. It has been logged; try again or report it.',
    );
  };
}

/** body-parser's errors (http-errors with `type` and `status`, or a decompression error with a 4xx `status`), or null. */
function bodyParserError(err: unknown): { status: number; code: ErrorCode; message: string } | null {
  if (typeof err !== 'object' || err === null || !('status' in err)) return null;
  const { type, status, code } = err as { type?: unknown; status: unknown; code?: unknown };
  // zlib's own errors (a gzip, deflate or br body that does not decompress) carry body-parser's status 400.
  if (
    typeof code === 'string' &&
    /^(Z_|ERR_BROTLI|ERR__ZLIB)/.test(code) &&
    typeof status === 'number' &&
    status < 500
  ) {
    return {
      status: 400,
      code: 'bad_request',
      message: `Request body does not decompress (${code}: ${String((err as { message?: unknown }).message)}); send it uncompressed or as valid gzip, deflate or br.`,
    };
  }
  if (type === undefined) return null;
  if (type === 'entity.too.large') {
    const limit = 'limit' in err ? ` of ${String((err as { limit: unknown }).limit)} bytes` : '';
    return {
      status: 413,
      code: 'payload_too_large',
      message: `Request body is larger than the limit${limit}; send less.`,
    };
  }
  if (type === 'entity.parse.failed')
    return { status: 400, code: 'bad_request', message: 'Request body is not valid JSON; check its syntax.' };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status: 400,
      code: 'bad_request',
      message: `Request body cannot be read (${String(type)}); send UTF-8 JSON with Content-Type: application/json.`,
    };
  }
  return null;
}
