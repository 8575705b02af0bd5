/**
 * `createApp(deps)`: the express app of the weaklink API (it does not listen). Routes
 * come from one table (`apiRoutes`) that also yields the OpenAPI document and the
 * authorization tests; each route says who may call it, parses its input with zod and
 * calls the core, and one error middleware turns every failure into
 * `{ error: { code, message, field? } }`.
 *
 * Every /api request passes: security headers (helmet, hardening.ts), `no-store`, CORS
 * (closed unless `cors` lists origins), the per-address rate limit; then per route the
 * audit hook (writes), the bearer token check and the per-token rate limit (auth.ts),
 * and its JSON body parser (100 kB; the upload route `limits.uploadBytes`). With
 * `webRoot`, the built web bundle is served at `/`, and any other GET outside `/api`
 * that names no file gets its index.html (the map routes in the browser).
 *
 * @example
 *   const tokens = await TokenStore.open('.weaklink');
 *   const app = createApp({ store: new MemoryStore(), auth: { tokens } });
 *   app.listen(8080, '127.0.0.1');
 */
import { OptionError } from '../src/errors.ts';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { AnalysisOptions } from '../src/analysis/options.ts';
import { AUDIT_DEFAULTS, AuditLog } from '../src/auth/audit-log.ts';
import type { TokenStore } from '../src/auth/token-store.ts';
import { LoginCodes } from '../src/workspace/login-codes.ts';
import { RequestLog } from '../src/workspace/request-log.ts';
import { requestLetterRoute, requestListRoute, requestRecordRoute } from './routes/requests.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { AnalysisCache } from '../src/app/analysis-cache.ts';
import { addressLimiter, DEFAULTS as RATE, routeGuards, tokenLimiter, type RateLimits } from './auth.ts';
import { apiNotFound, errorHandler, type Logger } from './errors.ts';
import { accessLog, cors, redactingLogger, securityHeaders } from './hardening.ts';
import { mountRoute, type Route, type RouteContext } from './route.ts';
import { sectionRoutes } from './routes/analysis.ts';
import { SCENARIO_LIMITS } from '../src/app/scenario.ts';
import { JOB_DEFAULTS, JobGate } from '../src/app/jobs.ts';
import { JobBoard } from '../src/app/job-board.ts';
import { COST_DEFAULTS } from '../src/app/job-cost.ts';
import { AnalysisPool, POOL_DEFAULTS } from '../src/analysis-runtime/analysis-pool.ts';
import { jobStatusRoute } from './routes/jobs.ts';
import { companyDetailRoute, companyListRoute } from './routes/companies.ts';
import { aggregateCompaniesRoute, aggregateRoute, dependantsRoute } from './routes/aggregates.ts';
import { companyEditRoute, supplyEditRoute } from './routes/edits.ts';
import { assessmentListRoute, assessmentRecordRoute } from './routes/assessments.ts';
import { graphRoute } from './routes/graph.ts';
import { overviewRoute } from './routes/overview.ts';
import { DEFAULTS as UPLOAD, networkUploadRoute } from './routes/network.ts';
import { openApiRoute } from './routes/openapi.ts';
import { executiveRoute, planRoute, riskRoute } from './routes/risk.ts';
import {
  scenarioCompareRoute,
  scenarioDeleteRoute,
  scenarioGetRoute,
  scenarioListRoute,
  scenarioRoute,
  scenarioSaveRoute,
} from './routes/scenarios.ts';
import { simulateRoute } from './routes/simulate.ts';
import { assessRoute } from './routes/assess.ts';
import { healthRoute, summaryRoute } from './routes/summary.ts';
import { loginRoute, meRoute, tokenCreateRoute, tokenListRoute, tokenRevokeRoute } from './routes/tokens.ts';
import { WriteLock } from './write-lock.ts';

export const DEFAULTS = { title: 'weaklink', version: '0.1.0' };

export interface Limits extends RateLimits {
  /** Most rows (companies + supplies) an upload may hold. */
  uploadRows: number;
  /** Largest body PUT /api/network takes, e.g. `20mb`. */
  uploadBytes: string;
  /** Most saved scenarios, and the largest one (bytes of its JSON). */
  scenarios: number;
  scenarioBytes: number;
  /** Heavy jobs (risk, plan, executive view, scenarios) at once per token, and in all. */
  jobsPerToken: number;
  jobsTotal: number;
  /** The worker pool of heavy jobs: threads, jobs that may wait, and the deadline of one job (seconds). */
  jobWorkers: number;
  jobQueue: number;
  jobDeadlineSeconds: number;
  /** The most one heavy job may cost (work units, job-cost.ts), per role. */
  budgetViewer: number;
  budgetAnalyst: number;
  budgetAdmin: number;
  /** Audit retention: the log keeps at most auditBytes × (auditKeep + 1) bytes of lines, dropping the oldest auditBytes beyond. */
  auditBytes: number;
  auditKeep: number;
}

export interface AppDeps {
  store: GraphStore;
  /** The API tokens (required: every route but the health check needs one); writes are audited to `audit` (default the tokens' workspace database). */
  auth: { tokens: TokenStore; audit?: AuditLog; login?: LoginCodes };
  /** Analysis options (θ, level scores, …); checked here, a bad one throws an OptionError. */
  options?: Partial<AnalysisOptions>;
  /**
   * The worker pool of heavy jobs; default a new one sized by `limits` (threads start at
   * the first job). A `cache` given should run its jobs on it (`pool.runner`).
   */
  pool?: AnalysisPool;
  /** The analysis cache of `store`, e.g. one warmed before the server listens; default a new one with `options`, its jobs on the pool. */
  cache?: AnalysisCache;
  /** Rate limits and upload limits; defaults 600/min per token, 1200/min per address, 200,000 rows, 20 MB. */
  limits?: Partial<Limits>;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  cors?: readonly string[];
  /** Folder of the built web bundle (web/dist) to serve at `/`. */
  webRoot?: string;
  logger?: Logger;
  /** Log one line per request (method, path, status, time, token name — never the token). */
  accessLog?: boolean;
}

/** Logs to the console: info to stdout, errors (with their stack) to stderr. */
export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, cause) =>
    console.error(message, cause instanceof Error ? (cause.stack ?? cause.message) : (cause ?? '')),
};

/** Every API route, in the order they are matched. */
export function apiRoutes(): Route[] {
  const routes: Route[] = [
    healthRoute,
    summaryRoute,
    companyListRoute,
    companyDetailRoute,
    dependantsRoute,
    graphRoute,
    overviewRoute,
    aggregateRoute,
    aggregateCompaniesRoute,
    ...sectionRoutes,
    simulateRoute,
    scenarioRoute,
    scenarioListRoute,
    scenarioSaveRoute,
    scenarioCompareRoute, // before /api/scenarios/{name}, which would take "compare" as a name
    scenarioGetRoute,
    scenarioDeleteRoute,
    riskRoute,
    planRoute,
    assessRoute,
    executiveRoute,
    requestListRoute,
    requestRecordRoute,
    requestLetterRoute,
    jobStatusRoute,
    networkUploadRoute,
    companyEditRoute,
    supplyEditRoute,
    assessmentListRoute,
    assessmentRecordRoute,
    meRoute,
    tokenListRoute,
    tokenCreateRoute,
    tokenRevokeRoute,
    loginRoute,
  ];
  routes.push(openApiRoute(() => routes, { title: DEFAULTS.title, version: DEFAULTS.version }));
  return routes;
}

/** The limits of `given` over the defaults; throws an OptionError naming a bad one. */
export function resolveLimits(given: Partial<Limits> = {}): Limits {
  const limits: Limits = {
    perToken: RATE.perToken,
    perAddress: RATE.perAddress,
    windowMs: RATE.windowMs,
    uploadRows: UPLOAD.uploadRows,
    uploadBytes: UPLOAD.uploadBytes,
    scenarios: SCENARIO_LIMITS.count,
    scenarioBytes: SCENARIO_LIMITS.bytes,
    jobsPerToken: JOB_DEFAULTS.perCaller,
    jobsTotal: JOB_DEFAULTS.total,
    jobWorkers: POOL_DEFAULTS.workers,
    jobQueue: POOL_DEFAULTS.queuePerWorker * (given.jobWorkers ?? POOL_DEFAULTS.workers),
    jobDeadlineSeconds: POOL_DEFAULTS.deadlineSeconds,
    budgetViewer: COST_DEFAULTS.budgets.viewer,
    budgetAnalyst: COST_DEFAULTS.budgets.analyst,
    budgetAdmin: COST_DEFAULTS.budgets.admin,
    auditBytes: AUDIT_DEFAULTS.maxBytes,
    auditKeep: AUDIT_DEFAULTS.keep,
    ...given,
  };
  const keys = [
    'perToken',
    'perAddress',
    'windowMs',
    'uploadRows',
    'scenarios',
    'scenarioBytes',
    'jobsPerToken',
    'jobsTotal',
    'jobWorkers',
    'jobQueue',
    'jobDeadlineSeconds',
    'budgetViewer',
    'budgetAnalyst',
    'budgetAdmin',
    'auditBytes',
    'auditKeep',
  ] as const;
  for (const key of keys) {
    if (!Number.isSafeInteger(limits[key]) || limits[key] < 1)
      throw new OptionError(`createApp: limits.${key} must be a whole number ≥ 1, got ${limits[key]}`, 'limits');
  }
  return limits;
}

export function createApp(deps: AppDeps): Express {
  const logger = redactingLogger(deps.logger ?? consoleLogger);
  const limits = resolveLimits(deps.limits);
  const { tokens } = deps.auth;
  const audit =
    deps.auth.audit ??
    new AuditLog(tokens.workspace, {
      maxBytes: limits.auditBytes,
      keep: limits.auditKeep,
    });
  const pool =
    deps.pool ??
    new AnalysisPool({
      workers: limits.jobWorkers,
      queue: limits.jobQueue,
      deadlineSeconds: limits.jobDeadlineSeconds,
    });
  const ctx: RouteContext = {
    store: deps.store,
    cache: deps.cache ?? new AnalysisCache(deps.store, deps.options, pool.runner),
    audit,
    jobs: new JobGate(limits.jobsPerToken, limits.jobsTotal),
    board: new JobBoard(),
    budgets: { viewer: limits.budgetViewer, analyst: limits.budgetAnalyst, admin: limits.budgetAdmin },
    tokens,
    login: deps.auth.login ?? new LoginCodes(tokens.workspace),
    writes: new WriteLock(),
    requests: new RequestLog(tokens.workspace),
    limits: {
      uploadRows: limits.uploadRows,
      uploadBytes: limits.uploadBytes,
      scenarios: { count: limits.scenarios, bytes: limits.scenarioBytes },
    },
  };
  const guards = {
    tokens,
    audit,
    logger,
    tokenLimiter: tokenLimiter(limits),
  };
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (deps.accessLog) app.use(accessLog(logger));
  app.use('/api', noStore, cors(deps.cors ?? []), addressLimiter(limits));
  for (const route of apiRoutes()) {
    const sized = route === networkUploadRoute ? { ...route, bodyLimit: limits.uploadBytes } : route;
    mountRoute(app, sized, ctx, routeGuards(sized, guards));
  }
  app.use('/api', apiNotFound());
  if (deps.webRoot !== undefined) serveWeb(app, resolve(deps.webRoot));
  app.use(errorHandler(logger));
  return app;
}

/** Analysis results change with the network: never cache API answers. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

function serveWeb(app: Express, root: string): void {
  const index = join(root, 'index.html');
  // Source maps give away the source: never served, even when a build left them in the web root.
  app.use((req, res, next) => (/\.map$/i.test(req.path) ? res.status(404).end() : next()));
  app.use(express.static(root, { index: 'index.html' }));
  app.use((req, res, next) => {
    const looksLikeFile = /\.[a-z0-9]+$/i.test(req.path);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || looksLikeFile || !existsSync(index)) return next();
    res.sendFile(index);
  });
}
