/**
 * `createApp(deps)`: the express app of the weaklink API (it does not listen). Routes
 * come from one table (`apiRoutes`) that also yields the OpenAPI document; each route
 * parses its input with zod and calls the core, and one error middleware turns every
 * failure into `{ error: { code, message, field? } }`. JSON bodies are limited to
 * 100 kB. With `webRoot`, the built web bundle is served at `/`, and any other GET
 * outside `/api` that names no file gets its index.html (the map routes in the browser).
 *
 * @example
 *   const app = createApp({ store: new MemoryStore() });
 *   app.listen(8080);
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { AnalysisOptions } from '../src/analysis/options.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { AnalysisCache } from './analysis-cache.ts';
import { apiNotFound, errorHandler, type Logger } from './errors.ts';
import { mountRoute, type Route, type RouteContext } from './route.ts';
import { concentrationRoute, hiddenCriticalRoute, levelGapsRoute, singleSourcesRoute, weakLinksRoute } from './routes/analysis.ts';
import { companyDetailRoute, companyListRoute } from './routes/companies.ts';
import { graphRoute } from './routes/graph.ts';
import { openApiRoute } from './routes/openapi.ts';
import { simulateRoute } from './routes/simulate.ts';
import { healthRoute, summaryRoute } from './routes/summary.ts';

export const DEFAULTS = { bodyLimit: '100kb', title: 'weaklink', version: '0.1.0' };

export interface AppDeps {
  store: GraphStore;
  /** Analysis options (θ, level scores, …); checked here, a bad one throws a RangeError. */
  options?: Partial<AnalysisOptions>;
  /** Folder of the built web bundle (web/dist) to serve at `/`. */
  webRoot?: string;
  logger?: Logger;
}

/** Logs to the console: info to stdout, errors (with their stack) to stderr. */
export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, cause) => console.error(message, cause instanceof Error ? (cause.stack ?? cause.message) : (cause ?? '')),
};

/** Every API route, in the order they are matched. */
export function apiRoutes(): Route[] {
  const routes: Route[] = [
    healthRoute,
    summaryRoute,
    companyListRoute,
    companyDetailRoute,
    graphRoute,
    weakLinksRoute,
    singleSourcesRoute,
    hiddenCriticalRoute,
    levelGapsRoute,
    concentrationRoute,
    simulateRoute,
  ];
  routes.push(openApiRoute(() => routes, { title: DEFAULTS.title, version: DEFAULTS.version }));
  return routes;
}

export function createApp(deps: AppDeps): Express {
  const logger = deps.logger ?? consoleLogger;
  const ctx: RouteContext = { store: deps.store, cache: new AnalysisCache(deps.store, deps.options) };
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use('/api', noStore, express.json({ limit: DEFAULTS.bodyLimit }));
  for (const route of apiRoutes()) mountRoute(app, route, ctx);
  app.use('/api', apiNotFound());
  if (deps.webRoot !== undefined) serveWeb(app, resolve(deps.webRoot));
  app.use(errorHandler(logger));
  return app;
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' });
  next();
};

/** Analysis results change with the network: never cache API answers. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

function serveWeb(app: Express, root: string): void {
  const index = join(root, 'index.html');
  app.use(express.static(root, { index: 'index.html' }));
  app.use((req, res, next) => {
    const looksLikeFile = /\.[a-z0-9]+$/i.test(req.path);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || looksLikeFile || !existsSync(index)) return next();
    res.sendFile(index);
  });
}
