/**
 * The API tokens (admin): GET /api/tokens lists them (name, role, created, revoked —
 * never a token), POST /api/tokens { name, role } creates one and answers it this once,
 * DELETE /api/tokens/{name} revokes one. GET /api/me (any role) answers the caller's own
 * name and role. The same store as `weaklink token …`. POST /api/login { code } (public)
 * exchanges a single-use code of `weaklink login` for a new admin token, answered once
 * and named after the minute (`login-2026-12-05T06-10`); an unknown, used or expired code
 * is a 401 (summed per address in the audit log, as every refusal without a token).
 */
import { z } from 'zod';
import { ROLES } from '../../src/auth/roles.ts';
import { UnauthorizedError } from '../../src/errors.ts';
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

export const LoginBody = z.strictObject({
  code: z
    .string()
    .min(1)
    .max(100)
    .describe('The code of a `weaklink login` link (`#login=CODE`): works once, for 10 minutes.'),
});

/** `login-2026-12-05T06-10`, with `-2`, `-3`, … when that name is taken. */
function loginName(taken: Set<string>, now: Date): string {
  const base = `login-${now.toISOString().slice(0, 16).replace(':', '-')}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

export const loginRoute = defineRoute({
  method: 'post',
  path: '/api/login',
  operationId: 'login',
  access: 'public',
  summary:
    'Exchange the single-use code of a `weaklink login` link for a new admin token (shown once); 401 for an unknown, used or expired code.',
  body: LoginBody,
  response: TokenCreateSchema,
  errors: [401, 413, 503],
  change: (out) => ({ login: { token: out.name, role: out.role } }),
  handle: async ({ body }, { tokens, login }) => {
    if (!login.redeem(body.code))
      throw new UnauthorizedError(
        'This login link is unknown, used or expired; run weaklink login again for a new one.',
      );
    const now = new Date();
    const { token, record } = await tokens.create(
      loginName(new Set(tokens.list().map((t) => t.name)), now),
      'admin',
      now,
    );
    return { ...record, token };
  },
});
