/**
 * The API tokens (admin): GET /api/tokens lists them (name, role, created, revoked —
 * never a token), POST /api/tokens { name, role } creates one and answers it this once,
 * DELETE /api/tokens/{name} revokes one. GET /api/me (any role) answers the caller's own
 * name and role. The same store as `weaklink token …`.
 */
import { z } from 'zod';
import { ROLES } from '../../src/auth/roles.ts';
import { defineRoute } from '../route.ts';
import { MeSchema, TokenCreateSchema, TokenInfoSchema, TokenListSchema } from '../../src/contract/schemas.ts';

export const tokenListRoute = defineRoute({
  method: 'get',
  path: '/api/tokens',
  operationId: 'listTokens',
  access: 'admin',
  summary: 'Every token: name, role, created, revoked (never the token itself).',
  response: TokenListSchema,
  handle: (_, { tokens }) => ({ items: tokens.list() }),
});

export const TokenCreateBody = z.strictObject({
  name: z.string().min(1).max(64).describe('Unique name: letters, digits, . _ - (shown in lists and the audit log).'),
  role: z
    .enum(ROLES)
    .describe('viewer: read and simulate; analyst: + edit; admin: + upload networks and manage tokens.'),
});

export const tokenCreateRoute = defineRoute({
  method: 'post',
  path: '/api/tokens',
  operationId: 'createToken',
  access: 'admin',
  summary: 'Create a token; the answer holds it, the only time it is shown (only its hash is kept).',
  body: TokenCreateBody,
  response: TokenCreateSchema,
  errors: [413],
  change: (out) => ({ token: { created: out.name, role: out.role } }),
  handle: async ({ body }, { tokens }) => {
    const { token, record } = await tokens.create(body.name, body.role);
    return { ...record, token };
  },
});

export const TokenParams = z.strictObject({ name: z.string().min(1).max(64).describe('Token name.') });

export const tokenRevokeRoute = defineRoute({
  method: 'delete',
  path: '/api/tokens/{name}',
  operationId: 'revokeToken',
  access: 'admin',
  summary: 'Revoke a token by name; requests with it are refused from then on.',
  params: TokenParams,
  response: TokenInfoSchema,
  errors: [404],
  change: (out) => ({ token: { revoked: out.name } }),
  handle: ({ params }, { tokens }) => tokens.revoke(params.name),
});

export const meRoute = defineRoute({
  method: 'get',
  path: '/api/me',
  operationId: 'me',
  access: 'viewer',
  summary: "The caller's token name and role (what the web offers depends on it).",
  response: MeSchema,
  handle: (_, _ctx, caller) => {
    if (!caller) throw new Error('GET /api/me ran without an authenticated caller');
    return { name: caller.name, role: caller.role };
  },
});
