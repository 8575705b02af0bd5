/**
 * GET /api/aggregate, GET /api/aggregate/companies and GET /api/companies/{id}/dependants:
 * the groups and their sums on the inline chain, the drill-down paged highest risk
 * first, the tier-1 suppliers a deep supplier reaches, `?asOf=`, and the 400s and 404s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AggregateCompaniesResponse,
  AggregateResponse,
  ApiError,
  DependantsResponse,
} from '../../src/contract/api-types.ts';
import { AggregateCompaniesSchema, AggregateSchema, DependantsSchema } from '../../src/contract/schemas.ts';
import type { Network } from '../../src/model/types.ts';
import { chain, get, serveNetwork } from './helpers.ts';

/** The chain, and the ★3 assessment of seatA lapsing on 2027-04-30. */
const network: Network = {
  ...chain,
  assessments: [
    {
      company: 'seatA',
      level: 3,
      method: 'expert',
      assessedOn: '2026-05-01',
      validUntil: '2027-04-30',
      evidence: null,
    },
  ],
};

let server: Awaited<ReturnType<typeof serveNetwork>>;
beforeAll(async () => {
  server = await serveNetwork(network);
});
afterAll(() => server.close());

describe('GET /api/aggregate', () => {
  it('answers 400 naming by for a grouping it does not know', async () => {
    const answer = await get<ApiError>(server.url, '/api/aggregate?by=size');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('by');
  });

  it('groups the companies by (tier, country), summing to the expected annual loss', async () => {
    const { status, body } = await get<AggregateResponse>(server.url, '/api/aggregate?by=country&asOf=2027-01-01');
    expect(status).toBe(200);
    AggregateSchema.parse(body);
    expect(body).toMatchObject({ by: 'country', asOf: '2027-01-01', companies: 7, tiers: [0, 1, 2] });
    expect(body.groups.map((g) => `${g.tier}:${g.key}:${g.companies}`)).toEqual([
      '0:JP:1',
      '1:CN:1',
      '1:JP:1',
      '1:KR:1',
      '2:CN:1',
      '2:JP:2',
    ]);
    const total = body.groups.reduce((s, g) => s + g.riskContribution, 0);
    expect(total).toBeCloseTo(body.expectedAnnualLoss, 6);
    expect(new Set(body.keys)).toEqual(new Set(['JP', 'CN', 'KR']));
    const byKey = (k: string) => body.groups.filter((g) => g.key === k).reduce((s, g) => s + g.riskContribution, 0);
    for (let k = 1; k < body.keys.length; k++)
      expect(byKey(body.keys[k - 1]!)).toBeGreaterThanOrEqual(byKey(body.keys[k]!));
    const link = body.links[0]!;
    expect([
      body.groups[link.from]!.key,
      body.groups[link.from]!.tier,
      body.groups[link.to]!.tier,
      link.supplies,
    ]).toEqual(['JP', 2, 1, 2]);
  });

  it('groups by industry, all unknown on the chain', async () => {
    const { body } = await get<AggregateResponse>(server.url, '/api/aggregate?by=industry');
    expect(body.keys).toEqual(['unknown']);
    expect(body.groups.map((g) => g.companies)).toEqual([1, 3, 3]);
  });

  it('follows ?asOf=: after a lapse the group holds one more unassessed company, with more risk', async () => {
    const before = await get<AggregateResponse>(server.url, '/api/aggregate?asOf=2027-04-30');
    const after = await get<AggregateResponse>(server.url, '/api/aggregate?asOf=2027-05-01');
    const cn1 = (a: AggregateResponse) => a.groups.find((g) => g.tier === 1 && g.key === 'CN')!;
    expect(cn1(after.body).unassessed).toBe(cn1(before.body).unassessed + 1);
    expect(cn1(after.body).riskContribution).toBeGreaterThan(cn1(before.body).riskContribution);
  });
});

describe('GET /api/aggregate/companies', () => {
  it('answers 400 naming tier without a tier, 404 naming key for an empty group', async () => {
    const missing = await get<ApiError>(server.url, '/api/aggregate/companies?by=country&key=JP');
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('tier');
    const empty = await get<ApiError>(server.url, '/api/aggregate/companies?by=country&tier=1&key=FR');
    expect(empty.status).toBe(404);
    expect(empty.body.error.field).toBe('key');
    expect(empty.body.error.message).toContain('GET /api/aggregate?by=country');
  });

  it('lists the companies of one group, highest risk contribution first, paged', async () => {
    const first = await get<AggregateCompaniesResponse>(
      server.url,
      '/api/aggregate/companies?by=country&tier=2&key=JP&limit=1',
    );
    expect(first.status).toBe(200);
    AggregateCompaniesSchema.parse(first.body);
    expect(first.body).toMatchObject({ total: 2, offset: 0, limit: 1, group: { tier: 2, key: 'JP', companies: 2 } });
    const second = await get<AggregateCompaniesResponse>(
      server.url,
      '/api/aggregate/companies?by=country&tier=2&key=JP&offset=1&limit=1',
    );
    const [a, b] = [first.body.items[0]!, second.body.items[0]!];
    expect(new Set([a.id, b.id])).toEqual(new Set(['foundry', 'logi']));
    expect(a.riskContribution).toBeGreaterThanOrEqual(b.riskContribution);
    expect(a.riskContribution + b.riskContribution).toBeCloseTo(first.body.group.riskContribution, 6);
  });

  it('takes tier=none for the companies with no tier', async () => {
    const alone = await serveNetwork({
      ...chain,
      companies: [...chain.companies, { ...chain.companies[1]!, id: 'idle', country: null }],
    });
    try {
      const { status, body } = await get<AggregateCompaniesResponse>(
        alone.url,
        '/api/aggregate/companies?tier=none&key=unknown',
      );
      expect(status).toBe(200);
      expect(body.items.map((c) => [c.id, c.tier])).toEqual([['idle', null]]);
    } finally {
      await alone.close();
    }
  });
});

describe('GET /api/companies/{id}/dependants', () => {
  it('answers 404 naming id or focal for an unknown company', async () => {
    const id = await get<ApiError>(server.url, '/api/companies/nope/dependants');
    expect([id.status, id.body.error.field]).toEqual([404, 'id']);
    const focal = await get<ApiError>(server.url, '/api/companies/logi/dependants?focal=nope');
    expect([focal.status, focal.body.error.field]).toEqual([404, 'focal']);
  });

  it('lists the tier-1 suppliers of the focal company that a deep supplier reaches', async () => {
    const { status, body } = await get<DependantsResponse>(server.url, '/api/companies/logi/dependants');
    expect(status).toBe(200);
    DependantsSchema.parse(body);
    expect(body).toMatchObject({ company: { id: 'logi', tier: 2 }, downstream: 3 });
    expect(body.focal.map((f) => [f.id, f.critical])).toEqual([['oem', true]]);
    // logi is the sole logistics of castco and of seatA: both stop, both one supply away.
    const tier1 = body.focal[0]!.tier1;
    expect(body.focal[0]!.tier1Total).toBe(2);
    expect(tier1.map((d) => [d.id, d.distance, d.critical])).toEqual([
      ['castco', 1, true],
      ['seatA', 1, true],
    ]);
    expect(tier1[0]!.path.map((p) => p.id)).toEqual(['logi', 'castco']);
  });

  it('lists at most ?limit= tier-1 suppliers per focal company, tier1Total counting them all; a bad limit is a 400', async () => {
    const { body } = await get<DependantsResponse>(server.url, '/api/companies/logi/dependants?limit=1');
    expect(body.focal[0]!.tier1.map((d) => d.id)).toEqual(['castco']);
    expect(body.focal[0]!.tier1Total).toBe(2);
    const bad = await get<ApiError>(server.url, '/api/companies/logi/dependants?limit=501');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('limit');
  });

  it('takes a chosen focal company and answers an empty list for the focal company itself', async () => {
    const chosen = await get<DependantsResponse>(server.url, '/api/companies/logi/dependants?focal=castco');
    expect(chosen.body.focal.map((f) => [f.id, f.tier1.length])).toEqual([['castco', 0]]);
    const top = await get<DependantsResponse>(server.url, '/api/companies/oem/dependants');
    expect(top.body).toMatchObject({ downstream: 0, focal: [] });
  });
});
