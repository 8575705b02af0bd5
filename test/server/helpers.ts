/**
 * Helpers for the API tests: `testAuth` makes a temporary workspace holding a token of
 * each role (and a revoked one); `serve` runs an app on port 0 in process and remembers
 * the token to send to it; `get`/`post`/`send` fetch JSON from it — with that token in
 * `Authorization: Bearer`, unless `{ token }` says otherwise (null: no header);
 * `chain` is the small inline network most tests use, and `quietLogger` records what
 * the server logs instead of printing it.
 */
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import type { Logger } from '../../server/errors.ts';
import { createApp, type AppDeps } from '../../server/app.ts';
import Database from 'better-sqlite3';
import { AuditLog } from '../../src/auth/audit-log.ts';
import { TokenStore } from '../../src/auth/token-store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import type { Network } from '../../src/model/types.ts';
import { net } from '../helpers/network.ts';

/** A workspace in a temporary folder with a token of each role, one revoked token, and its audit log. */
export interface TestAuth {
  tokens: TokenStore;
  audit: AuditLog;
  dir: string;
  admin: string;
  analyst: string;
  viewer: string;
  /** A viewer token, revoked. */
  revoked: string;
}

export async function testAuth(): Promise<TestAuth> {
  const dir = mkdtempSync(join(tmpdir(), 'weaklink-ws-'));
  const tokens = await TokenStore.open(dir);
  const make = async (name: string, role: 'viewer' | 'analyst' | 'admin'): Promise<string> =>
    (await tokens.create(name, role)).token;
  const auth = {
    tokens,
    audit: new AuditLog(tokens.workspace),
    dir,
    admin: await make('admin-1', 'admin'),
    analyst: await make('analyst-1', 'analyst'),
    viewer: await make('viewer-1', 'viewer'),
    revoked: await make('revoked-1', 'viewer'),
  };
  await tokens.revoke('revoked-1');
  return auth;
}

/** The audit log of the workspace `dir` as the text of a log file: its lines, oldest first (read-only). */
export async function auditText(dir: string): Promise<string> {
  const db = new Database(join(dir, 'weaklink.db'), { readonly: true });
  try {
    const lines = db.prepare('SELECT line FROM audit ORDER BY seq').pluck().all() as string[];
    return lines.map((l) => l + '\n').join('');
  } finally {
    db.close();
  }
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The token `get`/`post`/`send` send to each served base URL by default. */
const defaultToken = new Map<string, string>();

/** Listens on an ephemeral port of 127.0.0.1; requests to it carry `token` unless told otherwise. */
export async function serve(app: Express, token?: string): Promise<Served> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (token !== undefined) defaultToken.set(url, token);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  /** The bearer token to send; null sends no Authorization header; default the served app's token. */
  token?: string | null;
  /** Extra headers (an `authorization` here replaces the token's). */
  headers?: Record<string, string>;
}

function headersFor(base: string, options: RequestOptions, extra: Record<string, string> = {}): Record<string, string> {
  const token = options.token === undefined ? defaultToken.get(base) : options.token;
  return {
    ...(token === null || token === undefined ? {} : { authorization: `Bearer ${token}` }),
    ...extra,
    ...options.headers,
  };
}

export async function get<T = unknown>(base: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  return answer<T>(await fetch(base + path, { headers: headersFor(base, options) }));
}

/** POSTs `body` (a string is sent as is, anything else as JSON). */
export async function post<T = unknown>(
  base: string,
  path: string,
  body: unknown,
  contentType = 'application/json',
  options: RequestOptions = {},
): Promise<Answer<T>> {
  return send<T>('POST', base, path, body, { ...options, contentType });
}

/** Any method; `body` (when given) is sent as is when a string, else as JSON. */
export async function send<T = unknown>(
  method: string,
  base: string,
  path: string,
  body?: unknown,
  options: RequestOptions & { contentType?: string } = {},
): Promise<Answer<T>> {
  const init: RequestInit = {
    method,
    headers: headersFor(
      base,
      options,
      body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' },
    ),
  };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return answer<T>(await fetch(base + path, init));
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  return { status: res.status, body: parseJson(text) as T, text, headers: res.headers };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function quietLogger(): Logger & { lines: string[]; causes: unknown[] } {
  const lines: string[] = [];
  const causes: unknown[] = [];
  return { lines, causes, info: (m) => lines.push(m), error: (m, cause) => (lines.push(m), causes.push(cause)) };
}

/**
 * oem (focal) ← castco (castings, sole) ← foundry (metal, sole; unassessed), logi
 * (logistics, sole, network access); oem ← seatA 0.6 / seatB 0.4 (seats); seatA ← logi
 * (logistics, sole); seatB ← foam (foam, sole).
 */
export const chain: Network = net(
  [
    { id: 'oem', name: 'OEM Motors', focal: true, securityScore: 90, revenue: 1000, country: 'JP', size: 'large' },
    { id: 'castco', name: 'Cast Co.', securityScore: 62, revenue: 100, country: 'JP', size: 'sme' },
    { id: 'seatA', name: 'Seat A', scsLevel: 3, revenue: 50, country: 'CN' },
    { id: 'seatB', name: 'Seat B', scsLevel: 4, revenue: 50, country: 'KR' },
    { id: 'foundry', name: 'Foundry Ltd.', revenue: 10, country: 'JP' },
    { id: 'logi', name: 'Logi KK', securityScore: 25, revenue: 20, country: 'JP' },
    { id: 'foam', name: 'Foam Inc.', securityScore: 40, revenue: 5, country: 'CN' },
  ],
  [
    ['castco', 'oem', 'castings', null, { spend: 100, bufferDays: 2 }],
    ['seatA', 'oem', 'seats', 0.6, { spend: 60 }],
    ['seatB', 'oem', 'seats', 0.4, { spend: 40, access: 'data' }],
    ['foundry', 'castco', 'metal', null, { spend: 5 }],
    ['logi', 'castco', 'logistics', null, { access: 'network', bufferDays: 10 }],
    ['logi', 'seatA', 'logistics', null, { access: 'network' }],
    ['foam', 'seatB', 'foam', null, { spend: 3 }],
  ],
);

/** A memory store holding `network`, an app over it (quiet logger, a fresh workspace) and the app served; requests carry the admin token. */
export async function serveNetwork(
  network: Network = chain,
  deps: Partial<AppDeps> = {},
): Promise<Served & { store: MemoryStore; logger: ReturnType<typeof quietLogger>; auth: TestAuth }> {
  const store = new MemoryStore();
  await store.load(network);
  const logger = quietLogger();
  const auth = await testAuth();
  const served = await serve(createApp({ store, logger, auth, ...deps }), auth.admin);
  return { ...served, store, logger, auth };
}

/** Error bodies must never carry a stack line or a source path. */
export function leaksInternals(text: string): boolean {
  return /\bat \S+ \(|\bat file:|\.ts:\d+|node_modules|\/work\//.test(text);
}
