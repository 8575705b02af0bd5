/**
 * A route as data: method, OpenAPI path, zod schemas for its query, path parameters,
 * body and response, and a handler that receives only the parsed input — never the
 * request. `mountRoute` registers one on an express app; `openApiDocument` documents
 * the same table, so the two cannot drift apart.
 *
 * @example
 *   defineRoute({ method: 'get', path: '/api/health', summary: 'Liveness',
 *     response: HealthSchema, handle: async (_, ctx) => ({ status: 'ok', version: null }) });
 */
import type { Express, Request } from 'express';
import { z } from 'zod';
import { UsageError } from '../src/errors.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import type { AnalysisCache } from './analysis-cache.ts';

/** What a handler may use: the store and the analysed network. */
export interface RouteContext {
  store: GraphStore;
  cache: AnalysisCache;
}

export const NO_INPUT = z.strictObject({});

export interface Route<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** OpenAPI form: `/api/companies/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  query?: Q;
  params?: P;
  body?: B;
  response: R;
  /** Error statuses the route can answer besides 400 and 500. */
  errors?: (404 | 413 | 503)[];
  handle(input: { query: z.output<Q>; params: z.output<P>; body: z.output<B> }, ctx: RouteContext): Promise<z.output<R>> | z.output<R>;
}

/** Identity, for type inference of the handler's input. */
export function defineRoute<Q extends z.ZodType = typeof NO_INPUT, P extends z.ZodType = typeof NO_INPUT, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  route: Route<Q, P, B, R>,
): Route<Q, P, B, R> {
  return route;
}

/** `/api/companies/{id}` → `/api/companies/:id`. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Registers `route` on `app`: parses the input (a ZodError becomes a 400), runs the handler, sends JSON. */
export function mountRoute(app: Express, route: Route, ctx: RouteContext): void {
  app[route.method](expressPath(route.path), async (req, res) => {
    const input = {
      query: (route.query ?? NO_INPUT).parse(req.query),
      params: (route.params ?? NO_INPUT).parse(req.params),
      body: route.body ? route.body.parse(bodyOf(req)) : undefined,
    };
    res.json(await route.handle(input, ctx));
  });
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
