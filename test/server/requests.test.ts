/**
 * The request-letter routes through createApp, in process on port 0, over data/sample:
 * the letter as HTML (Japanese by default, escaped, one A4 page of print CSS) and
 * Markdown; recording a letter and its answer needs the analyst role, is audited, and is
 * listed for viewers; unknown suppliers are 404, an answer without a letter 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../../src/contract/api-types.ts';
import * as S from '../../src/contract/schemas.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { auditText, get, post, serveNetwork } from './helpers.ts';

describe('request letters over data/sample', () => {
  let server: Awaited<ReturnType<typeof serveNetwork>>;

  beforeAll(async () => {
    server = await serveNetwork((await readNetwork('data/sample')).network);
  });
  afterAll(() => server.close());

  it('GET /api/requests/{supplier}/letter answers 404 for an unknown supplier and 400 for a bad language', async () => {
    expect((await get(server.url, '/api/requests/nobody/letter')).status).toBe(404);
    expect((await get(server.url, '/api/requests/kanazawa-trim/letter?lang=fr')).status).toBe(400);
  });

  it('GET /api/requests/{supplier}/letter answers the Japanese letter as one A4 HTML page, and Markdown in English', async () => {
    const html = await get(server.url, '/api/requests/kanazawa-trim/letter?date=2026-12-05', {
      token: server.auth.viewer,
    });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<html lang="ja">');
    expect(html.text).toContain('@page { size: A4;');
    expect(html.text).toContain('法的義務ではありません');
    expect(html.text).toContain('2026年12月5日');
    const md = await get(server.url, '/api/requests/kanazawa-trim/letter?lang=en&format=md');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('# Request for supply-chain security measures');
    expect(md.text).toContain('not a legal obligation');
  });

  it('GET /api/requests/{supplier}/letter states the level as of ?asOf=: a lapsed assessment says so', async () => {
    const today = await get(server.url, '/api/requests/cascadia-cloud/letter?lang=en&format=md');
    expect(today.text).toContain('Current level: ★5.');
    const later = await get(server.url, '/api/requests/cascadia-cloud/letter?lang=en&format=md&asOf=2031-06-01');
    expect(later.status).toBe(200);
    expect(later.text).toContain('Current level: not assessed');
    expect(later.text).toContain('Your ★5 assessment was valid until 31 May 2031: it has lapsed');
    expect((await get(server.url, '/api/requests/cascadia-cloud/letter?asOf=2031-02-30')).status).toBe(400);
  });

  it('POST /api/requests needs the analyst role, refuses an answer without a letter, records and audits, and GET lists', async () => {
    const viewer = { token: server.auth.viewer };
    const analyst = { token: server.auth.analyst };
    const body = { supplier: 'kanazawa-trim', status: 'requested', date: '2026-12-05' };
    expect((await post(server.url, '/api/requests', body, 'application/json', viewer)).status).toBe(403);
    expect(
      (await post(server.url, '/api/requests', { ...body, supplier: 'nobody' }, 'application/json', analyst)).status,
    ).toBe(404);
    const noDay = await post<{ error: { message: string; field?: string } }>(
      server.url,
      '/api/requests',
      { ...body, date: '2027-02-29' },
      'application/json',
      analyst,
    );
    expect(noDay.status).toBe(400);
    expect(noDay.body.error).toMatchObject({ field: 'date', message: expect.stringMatching(/YYYY-MM-DD that exists/) });
    const early = await post(server.url, '/api/requests', { ...body, status: 'agreed' }, 'application/json', analyst);
    expect(early.status).toBe(409);
    const sent = await post<Api.RequestRecordResponse>(server.url, '/api/requests', body, 'application/json', analyst);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      supplier: 'kanazawa-trim',
      status: 'requested',
      level: 4,
      requestedBy: 'analyst-1',
    });
    const agreed = await post<Api.RequestRecordResponse>(
      server.url,
      '/api/requests',
      { supplier: 'kanazawa-trim', status: 'agreed', share: 7_000_000, date: '2027-01-10' },
      'application/json',
      analyst,
    );
    expect(agreed.body).toMatchObject({ status: 'agreed', agreedShare: 7_000_000, decidedOn: '2027-01-10' });
    const list = await get<Api.RequestListResponse>(server.url, '/api/requests', viewer);
    expect(S.RequestListSchema.parse(list.body).requests).toEqual([agreed.body]);
    const audit = await auditText(server.auth.dir);
    expect(audit).toContain('"request":{"supplier":"kanazawa-trim","status":"agreed","share":7000000}');
  });
});
