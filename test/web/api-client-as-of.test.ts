/**
 * The API client and the analysis date: every route that reads the analysis carries
 * `asOf` (none when the page is as of today), the other routes never do (their query is
 * strict); the lapsing list asks its window as `lapsingDays`; the assessments list and
 * record (GET and POST /api/assessments) send what the contract says and read its errors.
 */
import { describe, expect, it } from 'vitest';
import { ApiRequestError, createApiClient } from '../../web/src/api-client.ts';

/** A fetch that records every URL and answers `body` (JSON) with `status`. */
function recording(status = 200, body: unknown = {}) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('createApiClient({ asOf })', () => {
  it('sends asOf on every route that reads the analysis, and on none of the others', async () => {
    const { calls, fetch } = recording();
    let date: string | null = '2031-03-01';
    const api = createApiClient({ fetch, asOf: () => date });
    await api.summary();
    await api.companies({ q: 'ota', limit: 8 });
    await api.company('ota springs');
    await api.graph({ depth: 3, limit: 1500 });
    await api.weakLinks({ limit: 50 });
    await api.singleSources();
    await api.hiddenCritical();
    await api.levelGaps();
    await api.concentration();
    await api.section('unassessed', { limit: 500 });
    await api.simulate(['a']);
    await api.scenario({ hit: ['a'], days: 30 });
    await api.risk();
    await api.plan({ budget: 1e9 });
    await api.executive({ budget: 5 });
    await api.assessments('ota');
    const dated = calls.map((c) => new URL(c.url, 'http://x').searchParams.get('asOf'));
    expect(dated).toEqual(calls.map(() => '2031-03-01'));
    expect(calls[2]!.url).toBe('/api/companies/ota%20springs?asOf=2031-03-01');

    calls.length = 0;
    await api.scenarios();
    await api.savedScenario('s1');
    await api.compareScenarios('a', 'b');
    await api.me();
    await api.editCompany('a', { version: 'v1', scsLevel: 3 });
    await api.recordAssessment({ company: 'a', level: 3, assessedOn: '2031-03-01' });
    expect(calls.map((c) => c.url).filter((u) => u.includes('asOf'))).toEqual([]);

    date = null;
    calls.length = 0;
    await api.summary();
    await api.graph({ depth: 2 });
    expect(calls.map((c) => c.url)).toEqual(['/api/summary', '/api/graph?depth=2']);
  });

  it('downloads an analysis list as of the date, and asks the lapsing window as lapsingDays', async () => {
    const { calls, fetch } = recording();
    const api = createApiClient({ fetch, asOf: () => '2031-03-01' });
    await api.lapsing({ days: 365, limit: 500 });
    await api.lapsing();
    await api.download('/api/analysis/lapsing?lapsingDays=180', 'csv');
    await api.download('/api/companies', 'xlsx');
    expect(calls.map((c) => c.url)).toEqual([
      '/api/analysis/lapsing?limit=500&lapsingDays=365&asOf=2031-03-01',
      '/api/analysis/lapsing?asOf=2031-03-01',
      '/api/analysis/lapsing?lapsingDays=180&format=csv&asOf=2031-03-01',
      '/api/companies?format=xlsx&asOf=2031-03-01',
    ]);
  });

  it('GET /api/assessments names the company; POST sends the body as JSON', async () => {
    const { calls, fetch } = recording(201, { version: 'v2', assessment: {} });
    const api = createApiClient({ fetch });
    await api.assessments('ota-springs');
    await api.assessments();
    await api.recordAssessment({ company: 'ota-springs', level: 3, method: 'expert', assessedOn: '2027-01-10' });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/assessments?company=ota-springs',
      '/api/assessments',
      '/api/assessments',
    ]);
    expect(calls[2]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[2]!.init?.body))).toEqual({
      company: 'ota-springs',
      level: 3,
      method: 'expert',
      assessedOn: '2027-01-10',
    });
  });

  it('POST /api/assessments: a 400 comes back as an ApiRequestError naming the field', async () => {
    const body = { error: { code: 'bad_request', message: 'validUntil is before assessedOn', field: 'validUntil' } };
    const api = createApiClient({ fetch: recording(400, body).fetch });
    const error = await api
      .recordAssessment({ company: 'a', level: 3, assessedOn: '2027-01-10', validUntil: '2026-01-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect([(error as ApiRequestError).status, (error as ApiRequestError).field]).toEqual([400, 'validUntil']);
  });
});
