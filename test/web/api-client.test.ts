/**
 * The page's API client: the bearer token on every request, the upload's body, and error
 * answers read into an ApiRequestError that keeps the code, the field and an upload's
 * located issues (any other body keeps the status).
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApiIssue } from '../../src/contract/api-types.ts';
import { ApiRequestError, createApiClient, requestError } from '../../web/src/api-client.ts';

const issue: ApiIssue = {
  severity: 'error',
  file: 'companies.csv',
  line: 3,
  column: 6,
  field: 'scs_level',
  value: '9',
  message: 'scs_level must be an integer 0–5',
};

describe('requestError', () => {
  it('reads the code, message, field and located issues of an error answer, and survives any other body', () => {
    const error = requestError(
      400,
      { error: { code: 'bad_request', message: 'The network has 1 error.', field: 'companies', issues: [issue] } },
      '/api/network',
    );
    expect([error.status, error.code, error.message, error.field, error.issues]).toEqual([
      400,
      'bad_request',
      'The network has 1 error.',
      'companies',
      [issue],
    ]);
    const other = requestError(502, null, '/api/network');
    expect([other.status, other.code, other.message, other.field, other.issues]).toEqual([
      502,
      'internal',
      '/api/network answered 502',
      null,
      [],
    ]);
    expect(requestError(500, 'oops', '/x').issues).toEqual([]);
  });
});

describe('uploadNetwork', () => {
  it('PUTs the CSV texts with the token and resolves with the answer', async () => {
    const answer = { version: 'v2', previousVersion: 'v1', companies: 2, supplies: 1, warnings: [] };
    const fetchFn = vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 }));
    const api = createApiClient({ token: () => 'wl_t', fetch: fetchFn as unknown as typeof fetch });
    const result = await api.uploadNetwork({ companies: 'id\na', supplies: 'supplier,buyer,commodity', version: 'v1' });
    expect(result).toEqual(answer);
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/network');
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>)['authorization']).toBe('Bearer wl_t');
    expect(JSON.parse(init.body as string)).toEqual({
      format: 'csv',
      companies: 'id\na',
      supplies: 'supplier,buyer,commodity',
      version: 'v1',
    });
  });

  it('throws an ApiRequestError keeping the located issues of a 400', async () => {
    const body = { error: { code: 'bad_request', message: 'bad', issues: [issue] } };
    const api = createApiClient({ fetch: async () => new Response(JSON.stringify(body), { status: 400 }) });
    const error = await api.uploadNetwork({ companies: '', supplies: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).issues).toEqual([issue]);
    expect(api.pending()).toBe(0);
  });
});

describe('letter', () => {
  it('GETs the HTML letter with the token and the language, and throws the server message of a 404', async () => {
    const fetchFn = vi.fn(
      async () => new Response('<html lang="ja"></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const api = createApiClient({ token: () => 'wl_t', fetch: fetchFn as unknown as typeof fetch });
    const blob = await api.letter('kanazawa trim', 'ja');
    expect(await blob.text()).toBe('<html lang="ja"></html>');
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/requests/kanazawa%20trim/letter?lang=ja&format=html');
    expect((init.headers as Record<string, string>)['authorization']).toBe('Bearer wl_t');
    const missing = { error: { code: 'not_found', message: 'Unknown company id "x"' } };
    const failing = createApiClient({ fetch: async () => new Response(JSON.stringify(missing), { status: 404 }) });
    const error = await failing.letter('x', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).message).toContain('Unknown company id "x"');
    expect(failing.pending()).toBe(0);
  });
});
