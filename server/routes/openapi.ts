/**
 * GET /api/openapi.json — the OpenAPI 3.1 document of every route of the table,
 * including this one (built once, on first request).
 */
import { openApiDocument } from '../openapi.ts';
import { defineRoute, type Route } from '../route.ts';
import { OpenApiSchema } from '../../src/contract/schemas.ts';

/** The route serving the document of `routes()` (a thunk, so the table can include this route). */
export function openApiRoute(routes: () => Route[], info: { title: string; version: string }): Route {
  let document: Record<string, unknown> | undefined;
  return defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'openapi',
    access: 'viewer',
    summary: 'This document: the OpenAPI 3.1 description of the API.',
    response: OpenApiSchema,
    handle: () => (document ??= openApiDocument(routes(), info)),
  });
}
