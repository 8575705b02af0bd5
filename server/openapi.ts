/**
 * The OpenAPI 3.1 document of the API, built from the route table: one operation per
 * route with its path and query parameters and request body (from the zod input
 * schemas, as the client sends them) and its responses (the schemas of schemas.ts, as
 * `components.schemas`, and the shared error shape), who may call it (the bearer token
 * scheme, and the least role as `x-weaklink-role`). JSON Schema 2020-12 throughout, as
 * OpenAPI 3.1 expects.
 */
import { z } from 'zod';
import { AS_OF_QUERY, type Route } from './route.ts';
import { ErrorSchema, RESPONSE_SCHEMAS } from '../src/contract/schemas.ts';

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input: `field` names the first bad parameter (an uploaded network: `issues` locates every problem).',
  401: 'No valid token: send `Authorization: Bearer <token>`.',
  403: "The token's role is below the one this operation needs (`x-weaklink-role`).",
  404: 'Unknown id, or no such endpoint.',
  409: 'The network changed since the `version` given: reload it and apply the change again.',
  413: "Request body larger than the limit (100 kB; uploads: the server's upload limit), or too many rows.",
  429: 'Too many requests from this token or address: wait and try again (Retry-After).',
  500: 'Internal error (details are logged on the server only).',
  503: 'The graph store is unavailable.',
};

/** A heavy route's job id, sent by the client or made by the server (GET /api/jobs/{id}). */
const JOB_ID_HEADER: Json = {
  description:
    "The job's id, a UUID: the client's own (so that it can ask GET /api/jobs/{id} while it waits) or a new one.",
  schema: { type: 'string', format: 'uuid' },
};

/** What a heavy route's refusals mean (analysis-pool.ts, job-cost.ts, jobs.ts). */
const HEAVY_ERROR_TEXT: Record<number, string> = {
  409: 'The X-Job-Id sent was used before: send a new UUID with each request (saving a scenario: or the workspace holds its most saved scenarios).',
  429: "Too many heavy requests of this token (Retry-After), or the job costs more than the caller's role may spend on one (the message says what to lower).",
  503: 'The heavy-job queue is full (Retry-After), the job passed its deadline (the message names it), or the graph store is unavailable.',
};

/** Statuses every route of this access can answer because of authentication and rate limits. */
function guardStatuses(access: Route['access']): number[] {
  if (access === 'public') return [429];
  return access === 'viewer' ? [401, 429] : [401, 403, 429];
}

/** Example: `openApiDocument(routes, { title: 'weaklink', version: '0.1.0' })`. */
export function openApiDocument(routes: Route[], info: { title: string; version: string }): Json {
  const components = componentSchemas();
  const refOf = new Map<z.ZodType, string>(
    RESPONSE_SCHEMAS.map(([name, schema]) => [schema, `#/components/schemas/${name}`]),
  );
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const responseRef = refOf.get(route.binary?.header ?? route.response);
    if (!responseRef)
      throw new Error(
        `openapi: the response schema of ${route.method.toUpperCase()} ${route.path} is not in RESPONSE_SCHEMAS`,
      );
    const responses: Record<string, Json> = {
      [route.created ? 201 : 200]: {
        description: route.created ? 'Created' : 'OK',
        ...(route.heavy ? { headers: { 'X-Job-Id': JOB_ID_HEADER } } : {}),
        content: route.binary
          ? {
              'application/octet-stream': {
                schema: {
                  type: 'string',
                  contentMediaType: 'application/octet-stream',
                  description:
                    'Binary: "WLOV", a uint32 (little-endian) length, that many bytes of UTF-8 JSON (the header, x-weaklink-header), then the typed arrays it lists. Gzip-encoded when the request accepts gzip.',
                },
                'x-weaklink-header': { $ref: responseRef },
              },
            }
          : { 'application/json': { schema: { $ref: responseRef } } },
      },
    };
    const heavy = route.heavy ? [409, 503] : [];
    for (const status of [
      ...new Set([400, ...(route.errors ?? []), ...heavy, ...guardStatuses(route.access), 500]),
    ].sort((a, b) => a - b)) {
      responses[status] = {
        description: (route.heavy ? HEAVY_ERROR_TEXT[status] : undefined) ?? ERROR_TEXT[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      'x-weaklink-role': route.access,
      security: route.access === 'public' ? [] : [{ bearerToken: [] }],
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...(route.asOf ? parameters(z.object({ asOf: AS_OF_QUERY }), 'query') : []),
        ...(route.heavy ? [{ name: 'X-Job-Id', in: 'header', required: false, ...JOB_ID_HEADER }] : []),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
    (paths[route.path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'The weaklink HTTP API: a supply network, its analysis, and what-if disruption. Roles: viewer (read, simulate), analyst (+ edit), admin (+ upload networks, manage tokens).',
    },
    security: [{ bearerToken: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A token from `weaklink token create` (wl_…).' },
      },
    },
  };
}

/** Every response schema as a named component; references between them stay `$ref`s. */
function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of RESPONSE_SCHEMAS) registry.add(schema, { id: name });
  registry.add(ErrorSchema, { id: 'Error' });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'output' });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, strip(schema as Json)]));
}

/** OpenAPI parameters from an object schema's properties. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  return strip(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json);
}

/** Drops `$schema` and `$id`, which do not belong inside an OpenAPI document. */
function strip(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}
