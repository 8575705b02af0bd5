/**
 * `?asOf=YYYY-MM-DD` on the routes that read the analysis: a bad date is a 400 naming
 * asOf; a date after a lapse makes the company unassessed and raises its contribution;
 * the views are cached per (version, date), a few dates kept. The old server refused
 * the unknown query parameter (400) on every call here.
 */
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { CompanyDetailResponse, SummaryResponse } from '../../src/contract/api-types.ts';
import { LapsingListSchema } from '../../src/contract/schemas.ts';
import { createApp } from '../../server/app.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import type { Network } from '../../src/model/types.ts';
import { net } from '../helpers/network.ts';
import { get, quietLogger, serve, testAuth } from './helpers.ts';

type LapsingListResponse = z.infer<typeof LapsingListSchema>;

const network: Network = {
  ...net(
    [
      { id: 'oem', focal: true, scsLevel: 5, revenue: 3650 },
      { id: 't1', scsLevel: 3, revenue: 365 },
      { id: 't2', scsLevel: 4, revenue: 365 },
    ],
    [
      ['t1', 'oem', 'castings', null],
      ['t2', 't1', 'resin', null],
    ],
  ),
  assessments: [
    {
      company: 't1',
      level: 3,
      method: 'expert',
      assessedOn: '2026-05-01',
      validUntil: '2027-04-30',
      evidence: null,
    },
  ],
};

async function served() {
  const store = new MemoryStore();
  await store.load(network);
  const auth = await testAuth();
  return { store, server: await serve(createApp({ store, logger: quietLogger(), auth }), auth.viewer) };
}

describe('?asOf=', () => {
  it('GET /api/companies/{id}?asOf= answers 400 naming asOf for a date that is not a real day', async () => {
    const { server } = await served();
    try {
      for (const bad of ['2027-02-30', 'tomorrow', '2027-5-1']) {
        const answer = await get(server.url, `/api/companies/t1?asOf=${bad}`);
        expect(answer.status).toBe(400);
        expect(answer.text).toContain('asOf');
      }
    } finally {
      await server.close();
    }
  });

  it('GET /api/companies/{id}?asOf= after the lapse shows the company unassessed, with more risk', async () => {
    const { server } = await served();
    try {
      const before = await get<CompanyDetailResponse>(server.url, '/api/companies/t1?asOf=2027-04-30');
      const after = await get<CompanyDetailResponse>(server.url, '/api/companies/t1?asOf=2027-05-01');
      expect([before.status, after.status]).toEqual([200, 200]);
      expect([before.body.company.ownLevel, before.body.company.unassessed]).toEqual([3, false]);
      expect([after.body.company.ownLevel, after.body.company.unassessed]).toEqual([0, true]);
      expect(after.body.company.riskContribution).toBeGreaterThan(before.body.company.riskContribution);
      const summary = await get<SummaryResponse>(server.url, '/api/summary?asOf=2027-05-01');
      expect(summary.body).toMatchObject({ asOf: '2027-05-01', unassessed: 1 });
      expect((await get<SummaryResponse>(server.url, '/api/summary?asOf=2027-04-30')).body.unassessed).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('GET /api/analysis/lapsing?asOf= lists the assessment lapsing within 90 days, with its focal stops', async () => {
    const { server } = await served();
    try {
      const soon = await get<LapsingListResponse>(server.url, '/api/analysis/lapsing?asOf=2027-03-01');
      expect(soon.status).toBe(200);
      LapsingListSchema.parse(soon.body);
      expect(soon.body).toMatchObject({ total: 1, asOf: '2027-03-01', lapsingDays: 90 });
      expect(soon.body.items[0]).toMatchObject({ id: 't1', level: 3, validUntil: '2027-04-30', unassessedAfter: true });
      expect(soon.body.items[0]!.aalIncrease).toBeGreaterThan(0);
      expect(soon.body.items[0]!.focalStops).toEqual([{ id: 'oem', day: 0 }]);
      const early = await get<LapsingListResponse>(server.url, '/api/analysis/lapsing?asOf=2026-12-05');
      expect(early.body.total).toBe(0);
      const csv = await get(server.url, '/api/analysis/lapsing?asOf=2027-03-01&format=csv');
      expect(csv.text).toContain('2027-04-30');
    } finally {
      await server.close();
    }
  });

  it('GET /api/analysis/lapsing?lapsingDays= widens or narrows the window; a bad one is a 400 naming it', async () => {
    const { server } = await served();
    try {
      for (const bad of ['-1', '3651', 'soon', '1.5']) {
        const answer = await get(server.url, `/api/analysis/lapsing?asOf=2026-12-05&lapsingDays=${bad}`);
        expect(answer.status).toBe(400);
        expect(answer.text).toContain('lapsingDays');
      }
      const year = await get<LapsingListResponse>(server.url, '/api/analysis/lapsing?asOf=2026-12-05&lapsingDays=365');
      expect(year.status).toBe(200);
      expect(year.body).toMatchObject({ total: 1, asOf: '2026-12-05', lapsingDays: 365 });
      expect(year.body.items[0]).toMatchObject({ id: 't1', validUntil: '2027-04-30' });
      const month = await get<LapsingListResponse>(server.url, '/api/analysis/lapsing?asOf=2027-03-01&lapsingDays=30');
      expect(month.body).toMatchObject({ total: 0, lapsingDays: 30 });
      const csv = await get(server.url, '/api/analysis/lapsing?asOf=2026-12-05&lapsingDays=365&format=csv');
      expect(csv.text).toContain('2027-04-30');
    } finally {
      await server.close();
    }
  });

  it('GET /api/summary?asOf= analyses each date once while it is kept', async () => {
    const { store, server } = await served();
    const read = vi.spyOn(store, 'read');
    try {
      for (const date of ['2027-01-01', '2027-06-01', '2027-01-01', '2027-06-01'])
        expect((await get(server.url, `/api/summary?asOf=${date}`)).status).toBe(200);
      expect(read).toHaveBeenCalledTimes(2);
    } finally {
      await server.close();
    }
  });
});
