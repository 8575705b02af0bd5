/**
 * Bad requests are 400s, never 500s (issue F13): a body compressed wrongly (gzip,
 * deflate, br that does not decompress), JSON nested deeper than the API ever needs (a
 * 10,000-level upload used to overflow the stack while the network was read), and a
 * fuzz of arbitrary JSON into every route that takes a body.
 */
import fc from 'fast-check';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/app.ts';
import { serveNetwork } from '../server/helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;

beforeAll(async () => {
  server = await serveNetwork(undefined, { limits: { perToken: 100_000, perAddress: 100_000 } });
});
afterAll(() => server.close());

async function raw(
  method: string,
  path: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { error?: { code: string; message: string } } | null }> {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${server.auth.admin}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as never };
}

const SIMULATE = JSON.stringify({ hit: ['foam'] });

describe('compressed bodies', () => {
  it('a body that does not decompress is a 400 saying so; a valid compressed body is read', async () => {
    const gzip = gzipSync(SIMULATE);
    const broken = {
      gzip: Buffer.concat([gzip.subarray(0, 10), Buffer.from('garbage')]),
      deflate: Buffer.from('not deflate at all'),
      br: Buffer.from('xx'),
    };
    for (const [encoding, body] of Object.entries(broken)) {
      const answer = await raw('POST', '/api/simulate', body, { 'content-encoding': encoding });
      expect(answer.status, encoding).toBe(400);
      expect(answer.body?.error?.code).toBe('bad_request');
      expect(answer.body?.error?.message).toMatch(/does not decompress/);
    }
    for (const [encoding, body] of Object.entries({
      gzip,
      deflate: deflateSync(SIMULATE),
      br: brotliCompressSync(SIMULATE),
    })) {
      expect((await raw('POST', '/api/simulate', body, { 'content-encoding': encoding })).status, encoding).toBe(200);
    }
  });
});

describe('deep JSON', () => {
  it('an upload nested 10,000 levels deep is a 400 naming the limit, and the network is unchanged', async () => {
    const before = await server.store.version();
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const answer = await raw('PUT', '/api/network', `{"companies":[{"id":"x","name":${deep}}],"supplies":[]}`);
    expect(answer.status).toBe(400);
    expect(answer.body?.error?.message).toMatch(/nested deeper than 64 levels/);
    expect(await server.store.version()).toBe(before);
  });

  it('64 levels are read as usual (and refused for their content), 65 are refused for their depth', async () => {
    // The body object is level 1, so `hit` nested k arrays deep makes the body k + 1 levels deep.
    const nest = (k: number): string => '['.repeat(k) + ']'.repeat(k);
    const ok = await raw('POST', '/api/simulate', `{"hit":${nest(63)}}`);
    expect(ok.status).toBe(400);
    expect(ok.body?.error?.message).not.toMatch(/nested deeper/);
    const deep = await raw('POST', '/api/simulate', `{"hit":${nest(64)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body?.error?.message).toMatch(/nested deeper than 64 levels/);
  });
});

describe('fuzz', () => {
  const withBody = apiRoutes().filter((r) => r.body !== undefined);
  const path = (p: string): string => p.replace('{id}', 'foam').replace('{name}', 'fuzz');

  it('arbitrary JSON into every route that takes a body gets an answer below 500, errors in the API shape', async () => {
    expect(withBody.length).toBeGreaterThanOrEqual(8);
    for (const route of withBody) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
          const answer = await raw(route.method.toUpperCase(), path(route.path), JSON.stringify(value));
          expect(answer.status, `${route.method} ${route.path} ${JSON.stringify(value).slice(0, 200)}`).toBeLessThan(
            500,
          );
          if (answer.status >= 400) expect(answer.body?.error?.code).toMatch(/^[a-z_]+$/);
        }),
        { numRuns: 40, seed: 12 },
      );
    }
  });
});
