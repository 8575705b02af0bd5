/**
 * Bad requests through createApp: every input checked (400 naming the field), unknown
 * ids 404, oversized bodies 413, malformed JSON 400, unknown endpoints 404, a broken
 * store 500 or 503 — always `{ error: { code, message, field? } }` and never a stack
 * trace or a source path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/contract/api-types.ts';
import { createApp } from '../../server/app.ts';
import { ErrorSchema } from '../../src/contract/schemas.ts';
import { StoreUnavailableError } from '../../src/errors.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { get, leaksInternals, post, quietLogger, serve, serveNetwork, testAuth, type Answer } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;
const answers: Answer[] = [];

beforeAll(async () => {
  server = await serveNetwork();
});
afterAll(async () => {
  await server.close();
});

async function expectError(
  answer: Promise<Answer>,
  status: number,
  code: ApiError['error']['code'],
  field?: string,
): Promise<ApiError> {
  const a = await answer;
  answers.push(a);
  expect(a.status, a.text).toBe(status);
  const body = ErrorSchema.parse(a.body);
  expect(body.error.code).toBe(code);
  expect(body.error.field).toBe(field);
  expect(a.headers.get('content-type')).toMatch(/application\/json/);
  return body;
}

describe('400: query parameters', () => {
  it.each([
    ['/api/companies?limit=-1', 'limit'],
    ['/api/companies?limit=501', 'limit'],
    ['/api/companies?limit=abc', 'limit'],
    ['/api/companies?offset=1.5', 'offset'],
    ['/api/companies?tier=-2', 'tier'],
    ['/api/companies?level=6', 'level'],
    ['/api/companies?size=huge', 'size'],
    ['/api/companies?q=', 'q'],
    ['/api/companies?limt=5', 'limt'],
    ['/api/graph?focus=oem&up=99', 'up'],
    ['/api/graph?focus=oem&down=-1', 'down'],
    ['/api/graph?depth=11', 'depth'],
    ['/api/graph?limit=0', 'limit'],
    ['/api/graph?limit=5001', 'limit'],
    ['/api/graph?criticalOnly=yes', 'criticalOnly'],
    ['/api/graph?focus=oem&depth=2', 'depth'],
    ['/api/graph?up=1', 'up'],
    ['/api/graph?commodity=unobtainium', 'commodity'],
    ['/api/analysis/weak-links?limit=-1', 'limit'],
    ['/api/analysis/single-sources?offset=-1', 'offset'],
    ['/api/analysis/hidden-critical?limit=1000', 'limit'],
    ['/api/analysis/level-gaps?limit=x', 'limit'],
    ['/api/analysis/concentration?limit=-5', 'limit'],
    ['/api/summary?x=1', 'x'],
  ])('GET %s → 400 naming %s', async (path, field) => {
    const { error } = await expectError(get(server.url, path), 400, 'bad_request', field);
    expect(error.message).toContain(field);
  });
});

describe('400: bodies', () => {
  it.each([
    [{ hit: [] }, 'hit'],
    [{}, 'hit'],
    [{ hit: 'oem' }, 'hit'],
    [{ hit: ['oem', 7] }, 'hit.1'],
    [{ hit: [''] }, 'hit.0'],
    [{ hit: ['oem'], theta: 0 }, 'theta'],
    [{ hit: ['oem'], theta: 1.5 }, 'theta'],
    [{ hit: ['oem'], extra: true }, 'extra'],
    [{ hit: Array.from({ length: 1001 }, (_, i) => `c${i}`) }, 'hit'],
  ])('POST /api/simulate %j → 400 naming the field', async (body, field) => {
    await expectError(post(server.url, '/api/simulate', body), 400, 'bad_request', field);
  });

  it('POST with malformed JSON → 400', async () => {
    const { error } = await expectError(post(server.url, '/api/simulate', '{"hit": ["oem"'), 400, 'bad_request');
    expect(error.message).toMatch(/JSON/);
  });

  it('POST a JSON array or a non-JSON body → 400', async () => {
    await expectError(post(server.url, '/api/simulate', [1, 2]), 400, 'bad_request');
    const { error } = await expectError(post(server.url, '/api/simulate', 'hit=oem', 'text/plain'), 400, 'bad_request');
    expect(error.message).toMatch(/application\/json/);
  });
});

describe('404: unknown ids and endpoints', () => {
  it('GET /api/companies/{unknown} → 404 naming the id', async () => {
    const { error } = await expectError(get(server.url, '/api/companies/nobody'), 404, 'not_found', 'id');
    expect(error.message).toContain('"nobody"');
  });

  it('GET /api/graph?focus={unknown} → 404 on focus', async () => {
    await expectError(get(server.url, '/api/graph?focus=nobody'), 404, 'not_found', 'focus');
  });

  it('POST /api/simulate with unknown ids → 404 naming them on hit', async () => {
    const { error } = await expectError(
      post(server.url, '/api/simulate', { hit: ['oem', 'ghost', 'spook'] }),
      404,
      'not_found',
      'hit',
    );
    expect(error.message).toContain('"ghost", "spook"');
  });

  it.each([
    ['GET', '/api/nothing'],
    ['GET', '/api/analysis'],
    ['POST', '/api/summary'],
    ['GET', '/api/simulate'],
  ])('%s %s → 404 JSON', async (method, path) => {
    await expectError(method === 'GET' ? get(server.url, path) : post(server.url, path, {}), 404, 'not_found');
  });
});

describe('413: large requests', () => {
  it('a JSON body over 100 kB is refused', async () => {
    const hit = Array.from({ length: 900 }, (_, i) => `company-${i}-${'x'.repeat(120)}`);
    expect(JSON.stringify({ hit }).length).toBeGreaterThan(100 * 1024);
    const { error } = await expectError(post(server.url, '/api/simulate', { hit }), 413, 'payload_too_large');
    expect(error.message).toMatch(/larger than the limit/);
  });
});

describe('500 and 503: a failing store', () => {
  it('an unexpected error is a generic 500; the cause is logged, not sent', async () => {
    const store = new MemoryStore();
    store.read = () => Promise.reject(new Error('boom at /work/secret/file.ts:12:3'));
    await store.load({ companies: [], supplies: [] });
    const logger = quietLogger();
    const auth = await testAuth();
    const broken = await serve(createApp({ store, logger, auth }), auth.viewer);
    try {
      const { error } = await expectError(get(broken.url, '/api/summary'), 500, 'internal');
      expect(error.message).not.toMatch(/boom|secret/);
      expect(logger.lines).toEqual(['GET /api/summary failed']);
      expect(String(logger.causes[0])).toContain('boom');
    } finally {
      await broken.close();
    }
  });

  it('an unavailable store is a 503 with its message', async () => {
    const store = new MemoryStore();
    store.version = () =>
      Promise.reject(new StoreUnavailableError('Neo4j at bolt://db:7687 is not reachable; start it or check --neo4j.'));
    const auth = await testAuth();
    const logger = quietLogger();
    const down = await serve(createApp({ store, logger, auth }), auth.viewer);
    try {
      // The public health check says only "degraded"; the cause goes to the server log.
      const health = await get(down.url, '/api/health', { token: null });
      expect(health.status).toBe(503);
      expect(health.body).toStrictEqual({ status: 'degraded' });
      expect(health.text).not.toMatch(/bolt|7687|reachable/);
      expect(logger.lines.join('\n')).toMatch(/degraded: Neo4j at bolt:\/\/db:7687 is not reachable/);
      // Authenticated callers get the cause.
      const { error } = await expectError(get(down.url, '/api/companies'), 503, 'unavailable');
      expect(error.message).toMatch(/not reachable/);
    } finally {
      await down.close();
    }
  });

  it('a bad analysis option fails createApp at once', async () => {
    const auth = await testAuth();
    expect(() => createApp({ store: new MemoryStore(), auth, options: { theta: 2 } })).toThrow(/theta/);
  });
});

describe('error bodies', () => {
  it('never contain a stack trace or a file path', () => {
    expect(answers.length).toBeGreaterThan(40);
    for (const a of answers) expect(leaksInternals(a.text), a.text).toBe(false);
  });
});
