/**
 * A route as data: method, OpenAPI path, who may call it (`access`: `public`, or the
 * least role a token needs), zod schemas for its query, path parameters, body and
 * response, and a handler that receives only the parsed input and the caller — never the
 * request. A write route says what it changed (`change`), for the audit log.
 * `mountRoute` registers one on an express app behind the guards the app gives it
 * (authentication, rate limit, audit); `openApiDocument` documents the same table, so
 * the two cannot drift apart, and the authorization tests are generated from it.
 *
 * @example
 *   defineRoute({ method: 'get', path: '/api/health', access: 'public', summary: 'Liveness',
 *     response: HealthSchema, handle: async (_, ctx) => ({ status: 'ok', version: null }) });
 */
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Role } from '../src/auth/roles.ts';
import type { Caller, TokenStore } from '../src/auth/token-store.ts';
import { StoreUnavailableError, UsageError } from '../src/errors.ts';
import { isIsoDate } from '../src/model/iso-date.ts';
import type { AuditEntry, AuditLog } from '../src/auth/audit-log.ts';
import type { AuditedRequest } from './auth.ts';
import type { LoginCodes } from '../src/workspace/login-codes.ts';
import type { RequestLog } from '../src/workspace/request-log.ts';
import type { JobGate } from '../src/app/jobs.ts';
import { JobBoard, type JobTicket } from '../src/app/job-board.ts';
import { checkBudget, type JobCost } from '../src/app/job-cost.ts';
import type { HeavyKind } from '../src/app/heavy-jobs.ts';
import type { JobWaiter } from '../src/app/network-view.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import type { AnalysisViews } from '../src/app/analysis-cache.ts';
import type { WriteLock } from './write-lock.ts';
import type { ScenarioLimits } from '../src/app/scenario.ts';
import { csvFile, xlsxFile, type TableSheet } from '../src/io/table-file.ts';

export const DEFAULTS = {
  bodyLimit: '100kb',
  /** Deepest nesting of arrays and objects a JSON body may have (the API's bodies need about 5). */
  maxDepth: 64,
};

/** What a handler may use: the store, the analysed network, the tokens, the write lock and the limits. */
export interface RouteContext {
  store: GraphStore;
  /** Where writes are audited: their intent before the change, their outcome after it. */
  audit: AuditLog;
  /** The gate of heavy jobs (at most so many per token). */
  jobs: JobGate;
  /** The heavy jobs by id, for GET /api/jobs/{id}. */
  board: JobBoard;
  /** The most one heavy job may cost, per role (job-cost.ts). */
  budgets: Readonly<Record<Role, number>>;
  /** The analysis; for a route with `asOf`, as of the request's `?asOf=` date. */
  cache: AnalysisViews;
  tokens: TokenStore;
  /** The single-use login codes of `weaklink login`. */
  login: LoginCodes;
  writes: WriteLock;
  /** The request letters issued and the answers recorded (the workspace database). */
  requests: RequestLog;
  limits: { uploadRows: number; uploadBytes: string; scenarios: ScenarioLimits };
}

/** `public` (no token), or the least role a token needs. */
export type Access = 'public' | Role;

export const NO_INPUT = z.strictObject({});

export interface Route<
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/api/companies/{id}`. */
  path: string;
  operationId: string;
  /** Who may call the route: every route says so explicitly. */
  access: Access;
  summary: string;
  description?: string;
  query?: Q;
  params?: P;
  body?: B;
  /** Largest JSON body accepted (default 100 kB); larger is a 413. */
  bodyLimit?: string;
  response: R;
  /** Error statuses the route can answer besides 400, 500 and those of authentication (401, 403, 429). */
  errors?: (401 | 404 | 409 | 413 | 503)[];
  /**
   * Heavy work on a large network, of this kind: admitted through the job gate (jobs.ts),
   * given a job id (`X-Job-Id`) on the board, and run on the worker pool by the use case.
   */
  heavy?: HeavyKind;
  /**
   * A list the caller may download as a spreadsheet: with `?format=csv` (UTF-8 with a BOM,
   * the first table) or `?format=xlsx` (a sheet per table) the route answers these tables
   * as a file instead of its JSON. Its query schema takes `format` (`downloadFormat`).
   */
  download?: (
    input: { query: z.output<Q>; params: z.output<P> },
    ctx: RouteContext,
  ) => Promise<TableSheet[]> | TableSheet[];
  /**
   * The answer as tables: with `?format=csv|xlsx` (`downloadFormat` in the query schema)
   * the route computes its answer as always (a heavy one on the pool) and sends these
   * tables as a file instead of the JSON (the query too, for a route that lets the caller
   * pick a table).
   */
  sheets?: (output: z.output<R>, query: z.output<Q>) => TableSheet[];
  /**
   * The answer is binary (application/octet-stream): `send` gives its body, gzipped when the
   * client accepts gzip and the route has a gzip form. `header` is the schema OpenAPI
   * documents for it (a binary answer's JSON header); `response` stays the schema of what
   * the handler returns.
   */
  binary?: {
    header: z.ZodType;
    send(output: z.output<R>, acceptsGzip: boolean): Promise<{ body: Uint8Array; gzip: boolean }>;
  };
  /** The answer is a document (a letter): sent as its text with its content type instead of JSON. */
  document?: (output: z.output<R>) => { contentType: string; text: string };
  /**
   * The route reads the analysis and takes `?asOf=YYYY-MM-DD` (default today, UTC): its
   * handler's `ctx.cache` gives the view as of that date. The parameter is taken out of
   * the query before `query` parses it.
   */
  asOf?: boolean;
  /** The answer is a new record: 201 Created instead of 200. */
  created?: boolean;
  /** A write: what the answer changed, written to the audit log (null when nothing changed). */
  change?: (output: z.output<R>) => unknown;
  handle(
    /**
     * `signal` is aborted when the client goes away before the answer is sent; `job` (heavy
     * routes only) checks the job's cost against the caller's budget and gives the use case
     * its waiter (the signal, and the board's watcher of the job's progress).
     */
    input: { query: z.output<Q>; params: z.output<P>; body: z.output<B>; signal: AbortSignal; job: HeavyJob },
    ctx: RouteContext,
    caller: Caller | null,
  ): Promise<z.output<R>> | z.output<R>;
}

/** What a heavy route's handler does with its job: check its cost first, then pass `waiter` to the use case. */
export interface HeavyJob {
  id: string;
  /** Throws an OverBudgetError (429) when `cost` is beyond the caller's budget; records the estimate. */
  admit(cost: JobCost): void;
  waiter: JobWaiter;
}

/** Identity, for type inference of the handler's input. */
export function defineRoute<
  Q extends z.ZodType = typeof NO_INPUT,
  P extends z.ZodType = typeof NO_INPUT,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(route: Route<Q, P, B, R>): Route<Q, P, B, R> {
  return route;
}

/** `/api/companies/{id}` → `/api/companies/:id`. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** The caller a guard authenticated (`res.locals.caller`), or null. */
export function callerOf(locals: Record<string, unknown>): Caller | null {
  return (locals.caller as Caller | undefined) ?? null;
}

/**
 * Registers `route` on `app`: the `guards` first (authentication and the like), then the
 * JSON body (only for routes that take one, with their limit), then the input is parsed
 * (a ZodError becomes a 400), the handler runs, and its answer is sent as JSON.
 */
export function mountRoute(app: Express, route: Route, routeCtx: RouteContext, guards: RequestHandler[] = []): void {
  const body = route.body
    ? [express.json({ limit: route.bodyLimit ?? DEFAULTS.bodyLimit }), refuseDeepJson(DEFAULTS.maxDepth)]
    : [];
  app[route.method](expressPath(route.path), ...guards, ...body, async (req, res) => {
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const dated = route.asOf ? datedContext(routeCtx, req.query) : { ctx: routeCtx, query: req.query };
    const ctx = dated.ctx;
    const parsed = {
      query: (route.query ?? NO_INPUT).parse(dated.query),
      params: (route.params ?? NO_INPUT).parse(req.params),
      body: route.body ? route.body.parse(bodyOf(req)) : undefined,
    };
    const format = (parsed.query as { format?: string }).format;
    if (route.download && (format === 'csv' || format === 'xlsx'))
      return sendSheets(res, await route.download(parsed, ctx), format);
    const caller = callerOf(res.locals);
    const ticket = route.heavy ? openJob(ctx, route.heavy, req, res, caller) : undefined;
    const input = { ...parsed, signal: gone.signal, job: heavyJob(ctx, ticket, caller, gone.signal) };
    const request = res.locals.audit as AuditedRequest | undefined;
    let output: unknown;
    let release: (() => void) | undefined;
    try {
      if (route.change && request) await auditIntent(ctx, request, caller, res);
      release = route.heavy ? ctx.jobs.admit(caller?.name ?? req.ip ?? 'unknown') : undefined;
      output = await route.handle(input, ctx, caller);
      ticket?.end('done');
    } catch (error) {
      ticket?.end(gone.signal.aborted ? 'cancelled' : 'failed');
      throw error;
    } finally {
      release?.();
    }
    const status = route.created ? 201 : 200;
    if (route.change && request) await auditOutcome(ctx, request, caller, res, status, route.change(output));
    if (route.sheets && (format === 'csv' || format === 'xlsx'))
      return sendSheets(res, route.sheets(output, parsed.query), format);
    if (route.binary) {
      const { body, gzip } = await route.binary.send(output, req.acceptsEncodings('gzip') === 'gzip');
      res.type('application/octet-stream').vary('Accept-Encoding');
      if (gzip) res.set('Content-Encoding', 'gzip');
      return res.send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    }
    if (route.document) {
      const doc = route.document(output);
      return res.type(`${doc.contentType}; charset=utf-8`).send(doc.text);
    }
    res.status(status).json(output);
  });
}

/** The `asOf` query parameter of a route that reads the analysis (documented by openapi.ts). */
export const AS_OF_QUERY = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be an ISO date (YYYY-MM-DD)')
  .refine(isIsoDate, { message: 'asOf must be an ISO date (YYYY-MM-DD), a real calendar day' })
  .optional()
  .describe(
    'Analyse as of this date (YYYY-MM-DD): assessments lapsed by then count for nothing. Default: today (UTC).',
  );

/** The context of one request of a route with `asOf`: the analysis as of its date, and the rest of its query. */
function datedContext(ctx: RouteContext, query: Request['query']): { ctx: RouteContext; query: unknown } {
  const { asOf, ...rest } = query;
  const date = z.object({ asOf: AS_OF_QUERY }).parse({ asOf }).asOf;
  return { ctx: date === undefined ? ctx : { ...ctx, cache: ctx.cache.dated(date) }, query: rest };
}

/** The `format` query parameter of a route with a download. */
export const downloadFormat = {
  format: z
    .enum(['json', 'csv', 'xlsx'])
    .default('json')
    .describe(
      'json (default) answers a page as JSON; csv (UTF-8 with a BOM) and xlsx answer every item as a file to download, offset and limit ignored.',
    ),
};

/** Sends tables as a CSV (the first) or an Excel workbook, as a download named after the first table. */
async function sendSheets(res: Response, sheets: TableSheet[], format: 'csv' | 'xlsx'): Promise<void> {
  const name = sheets[0]?.name ?? 'weaklink';
  res.attachment(`${name}.${format}`);
  if (format === 'csv') res.type('text/csv; charset=utf-8').send(csvFile(sheets[0] ?? { name, columns: [], rows: [] }));
  else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await xlsxFile(sheets));
}

/** A heavy request's job on the board: its id from `X-Job-Id` or new, answered in the `X-Job-Id` header. */
function openJob(ctx: RouteContext, kind: HeavyKind, req: Request, res: Response, caller: Caller | null): JobTicket {
  const id = JobBoard.idOf(req.get('x-job-id'));
  const ticket = ctx.board.open(id, caller?.name ?? req.ip ?? 'unknown', kind);
  res.set('X-Job-Id', id);
  return ticket;
}

/** The handler's view of its job (a no-op one for routes that are not heavy). */
function heavyJob(
  ctx: RouteContext,
  ticket: JobTicket | undefined,
  caller: Caller | null,
  signal: AbortSignal,
): HeavyJob {
  if (ticket === undefined) return { id: '', admit: () => {}, waiter: { signal } };
  return {
    id: ticket.id,
    admit: (cost) => {
      ticket.estimated(cost.units);
      checkBudget(caller?.role ?? 'viewer', cost, ctx.budgets);
    },
    waiter: { signal, watch: ticket.watch },
  };
}

/** The audit line of a write request in `phase` (intent: status 0, nothing changed yet). */
function auditLine(
  request: AuditedRequest,
  caller: Caller | null,
  phase: 'intent' | 'outcome',
  status: number,
  change: unknown,
): AuditEntry {
  return {
    time: new Date().toISOString(),
    phase,
    id: request.id,
    token: caller?.name ?? null,
    role: caller?.role ?? null,
    method: request.method,
    path: request.path,
    status,
    change: change ?? null,
    address: request.address,
  };
}

/**
 * Write-ahead audit: the intent of a write, committed before the change is made. When it
 * cannot be written the write is refused (503) and nothing changes — never done unlogged.
 */
async function auditIntent(ctx: RouteContext, request: AuditedRequest, caller: Caller | null, res: Response) {
  try {
    await ctx.audit.append(auditLine(request, caller, 'intent', 0, null));
  } catch (error) {
    throw new StoreUnavailableError(
      `the audit log cannot be written (${error instanceof Error ? error.message : String(error)}); nothing was changed — free the disk and try again`,
    );
  }
  res.locals.auditIntent = true;
}

/** The outcome of a write, committed before it is acknowledged. */
async function auditOutcome(
  ctx: RouteContext,
  request: AuditedRequest,
  caller: Caller | null,
  res: Response,
  status: number,
  change: unknown,
): Promise<void> {
  await ctx.audit
    .append(auditLine(request, caller, 'outcome', status, change))
    .then(() => (res.locals.audited = true))
    // The change is made: the intent line stands for it; the answer still goes out.
    .catch(() => {});
}

/** A 400 for a JSON body nested deeper than `max` levels, found without recursion (so no stack can overflow). */
function refuseDeepJson(max: number): RequestHandler {
  return (req, _res, next) => {
    const stack: [unknown, number][] = [[req.body, 1]];
    while (stack.length > 0) {
      const [value, depth] = stack.pop()!;
      if (typeof value !== 'object' || value === null) continue;
      if (depth > max)
        return next(
          new UsageError(`The request body is nested deeper than ${max} levels; no field of this API needs that.`),
        );
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
    next();
  };
}

/** The parsed JSON body; `{}` when none was sent, so a missing field is named. */
function bodyOf(req: Request): unknown {
  if (req.body !== undefined) return req.body;
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > 0 || req.headers['transfer-encoding'] !== undefined) {
    throw new UsageError('The request body must be JSON: send it with Content-Type: application/json.');
  }
  return {};
}
