/**
 * Helpers for the API tests: `serve` runs an app on port 0 in process, `get`/`post`
 * fetch JSON from it, `chain` is the small inline network most tests use, and
 * `quietLogger` records what the server logs instead of printing it.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from '../../server/errors.ts';
import { createApp, type AppDeps } from '../../server/app.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import type { Network } from '../../src/model/types.ts';
import { net } from '../helpers/network.ts';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Listens on an ephemeral port of 127.0.0.1. */
export async function serve(app: Express): Promise<Served> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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

export async function get<T = unknown>(base: string, path: string): Promise<Answer<T>> {
  return answer<T>(await fetch(base + path));
}

/** POSTs `body` (a string is sent as is, anything else as JSON). */
export async function post<T = unknown>(base: string, path: string, body: unknown, contentType = 'application/json'): Promise<Answer<T>> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return answer<T>(await fetch(base + path, { method: 'POST', headers: { 'content-type': contentType }, body: text }));
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

/** A memory store holding `network`, an app over it (quiet logger) and the app served. */
export async function serveNetwork(network: Network = chain, deps: Partial<AppDeps> = {}): Promise<Served & { store: MemoryStore; logger: ReturnType<typeof quietLogger> }> {
  const store = new MemoryStore();
  await store.load(network);
  const logger = quietLogger();
  const served = await serve(createApp({ store, logger, ...deps }));
  return { ...served, store, logger };
}

/** Error bodies must never carry a stack line or a source path. */
export function leaksInternals(text: string): boolean {
  return /\bat \S+ \(|\bat file:|\.ts:\d+|node_modules|\/work\//.test(text);
}
