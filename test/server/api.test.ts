/**
 * Every route's happy path through createApp, in process on port 0, over the inline
 * `chain` network; each answer is checked against its response schema and against the
 * core analysis it must agree with.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CompanyDetailResponse,
  CompanyListResponse,
  ConcentrationResponse,
  HealthResponse,
  HiddenCriticalResponse,
  LevelGapsResponse,
  SimulateResponse,
  SingleSourcesResponse,
  SummaryResponse,
  WeakLinksResponse,
} from '../../src/contract/api-types.ts';
import {
  CompanyDetailSchema,
  CompanyListSchema,
  ConcentrationSchema,
  HealthSchema,
  HiddenCriticalSchema,
  LevelGapsSchema,
  SimulateSchema,
  SingleSourcesSchema,
  SummarySchema,
  WeakLinksSchema,
} from '../../src/contract/schemas.ts';
import { runAnalysis } from '../../src/analysis/analyze.ts';
import { companyReport } from '../../src/analysis/company-report.ts';
import { hiddenCriticalReports } from '../../src/analysis/hidden-critical.ts';
import { levelGapReports } from '../../src/analysis/level-gap-report.ts';
import { singleSourceReports } from '../../src/analysis/single-source-report.ts';
import { weakLinkReports } from '../../src/analysis/weak-link-report.ts';
import { structuralRank } from '../../src/analysis/structural-rank.ts';
import { breachOutcome } from '../../src/analysis/breach.ts';
import { disruptedSet } from '../../src/analysis/cascade.ts';
import { rankWeakLinks } from '../../src/analysis/risk.ts';
import { indexNetwork } from '../../src/model/index-network.ts';
import { main } from '../../src/cli/main.ts';
import { writeNetworkCsv } from '../../src/io/write-network.ts';
import { chain, get, post, serveNetwork } from './helpers.ts';

const index = indexNetwork(chain);
const analysis = runAnalysis(index);
const at = (id: string): number => index.indexOf.get(id)!;
let server: Awaited<ReturnType<typeof serveNetwork>>;

beforeAll(async () => {
  server = await serveNetwork();
});
afterAll(() => server.close());

describe('GET /api/health, /api/summary', () => {
  it('health answers only ok, to anyone (no version, no store detail)', async () => {
    const { status, body } = await get<HealthResponse>(server.url, '/api/health', { token: null });
    expect(status).toBe(200);
    expect(HealthSchema.parse(body)).toEqual({ status: 'ok' });
    expect(body).toStrictEqual({ status: 'ok' });
  });

  it('summary counts the network and the analysis lists', async () => {
    const { status, body } = await get<SummaryResponse>(server.url, '/api/summary');
    expect(status).toBe(200);
    SummarySchema.parse(body);
    expect(body).toMatchObject({
      version: await server.store.version(),
      companies: 7,
      supplies: 7,
      focal: [{ id: 'oem', name: 'OEM Motors' }],
      maxTier: 2,
      unassessed: 1,
      theta: 0.5,
      hitLikelihood: 'p(s) = min(1, 0.015 × 0.975^s)',
      commodities: ['castings', 'foam', 'logistics', 'metal', 'seats'],
      countries: ['CN', 'JP', 'KR'],
      singleSources: singleSourceReports(analysis).length,
      hiddenCriticalSuppliers: hiddenCriticalReports(analysis).length,
      levelGaps: levelGapReports(analysis).length,
    });
  });
});

describe('GET /api/companies', () => {
  it('lists every company by risk contribution, highest first', async () => {
    const { body } = await get<CompanyListResponse>(server.url, '/api/companies');
    CompanyListSchema.parse(body);
    expect(body.total).toBe(7);
    expect(body.items.map((r) => r.id)).toEqual(rankWeakLinks(index, analysis.risk).map((i) => index.ids[i]));
    const castco = body.items.find((r) => r.id === 'castco')!;
    const report = companyReport(analysis, at('castco'));
    expect(castco).toMatchObject({
      tier: 1,
      ownScore: 62,
      ownLevel: 3,
      effectiveScore: report.effectiveScore,
      blastRadiusSize: report.blastRadius.length,
      criticalSupplierCount: report.criticalSuppliers.length,
    });
  });

  it('pages with offset and limit', async () => {
    const all = (await get<CompanyListResponse>(server.url, '/api/companies')).body.items.map((r) => r.id);
    const { body } = await get<CompanyListResponse>(server.url, '/api/companies?offset=2&limit=3');
    expect(body).toMatchObject({ total: 7, offset: 2, limit: 3 });
    expect(body.items.map((r) => r.id)).toEqual(all.slice(2, 5));
    expect((await get<CompanyListResponse>(server.url, '/api/companies?offset=7')).body.items).toEqual([]);
  });

  it('searches id and name without case, and filters by tier, country, level and size', async () => {
    const ids = async (query: string): Promise<string[]> =>
      (await get<CompanyListResponse>(server.url, `/api/companies?${query}`)).body.items.map((r) => r.id).sort();
    expect(await ids('q=SEAT')).toEqual(['seatA', 'seatB']);
    expect(await ids('q=ltd')).toEqual(['foundry']);
    expect(await ids('tier=1')).toEqual(['castco', 'seatA', 'seatB']);
    expect(await ids('country=jp')).toEqual(['castco', 'foundry', 'logi', 'oem']);
    expect(await ids('level=4')).toEqual(['oem', 'seatB']);
    expect(await ids('size=sme')).toEqual(['castco']);
    expect(await ids('tier=2&country=CN')).toEqual(['foam']);
    expect(await ids('q=zzz')).toEqual([]);
  });
});

describe('GET /api/companies/{id}', () => {
  it('explains a score lowered by a supplier, with the exposure path and its commodities', async () => {
    const { status, body } = await get<CompanyDetailResponse>(server.url, '/api/companies/oem');
    expect(status).toBe(200);
    CompanyDetailSchema.parse(body);
    const report = companyReport(analysis, at('oem'));
    expect(body.company).toMatchObject({
      id: 'oem',
      ownScore: 90,
      effectiveScore: 0,
      revenue: 1000,
      focal: true,
      hitLikelihood: report.hitLikelihood,
    });
    expect(body.exposurePath.map((p) => [p.id, p.commodity])).toEqual([
      ['oem', null],
      ['castco', 'castings'],
      ['foundry', 'metal'],
    ]);
    expect(body.explanation).toBe(
      'Effective score 0 (own 90): its castings supply depends on Cast Co. (eff 0) — root cause Foundry Ltd. (own 0, unassessed).',
    );
    expect(body.criticalSuppliers.map((c) => [c.id, c.direct])).toEqual([
      ['castco', true],
      ['foundry', false],
      ['logi', false],
      ['seatA', true],
    ]);
    expect(body.criticalSuppliers.map((c) => c.id)).toEqual(report.criticalSuppliers);
    expect(body.blastRadius).toEqual([]);
    expect(body.suppliers.map((s) => [s.id, s.commodity, s.share, s.singleSource])).toEqual([
      ['castco', 'castings', 1, true],
      ['seatA', 'seats', 0.6, true],
      ['seatB', 'seats', 0.4, false],
    ]);
    expect(body.buyers).toEqual([]);
    expect(body.levelGap).toBeNull();
    expect(body.counts).toEqual({ suppliers: 3, buyers: 0, blastRadius: 0, criticalSuppliers: 4 });
  });

  it('gives the structural importance: PageRank on the reversed supply graph and its rank', async () => {
    const ranks = structuralRank(index);
    const bodies = await Promise.all(
      index.ids.map(async (id) => (await get<CompanyDetailResponse>(server.url, `/api/companies/${id}`)).body),
    );
    for (const [i, body] of bodies.entries()) {
      const higher = ranks.filter((r) => r > ranks[i]!).length;
      expect(body.structuralImportance).toEqual({ pagerank: ranks[i], rank: higher + 1, companies: index.n });
    }
    // logi supplies both castco and seatA, which oem depends on: it ranks above oem, which nobody buys from.
    const of = (id: string) => bodies[at(id)]!.structuralImportance.rank;
    expect(of('logi')).toBeLessThan(of('oem'));
  });

  it('explains a score that is its own, and a one-step root cause', async () => {
    expect((await get<CompanyDetailResponse>(server.url, '/api/companies/foam')).body.explanation).toBe(
      'Effective score equals its own score 40: no supplier lowers it.',
    );
    const seatA = (await get<CompanyDetailResponse>(server.url, '/api/companies/seatA')).body;
    expect(seatA.explanation).toBe(
      'Effective score 25 (own 60): its logistics supply depends on Logi KK, the root cause (own 25).',
    );
  });

  it('gives the blast radius, the buyers and the level gap of a supplier', async () => {
    const { body } = await get<CompanyDetailResponse>(server.url, '/api/companies/logi');
    const report = companyReport(analysis, at('logi'));
    // By stop day, then id, each with the day it stops and its revenue per day of outage.
    const byDay = report.blastRadius
      .map((id, k) => ({ id, day: report.stopDays[k]! }))
      .sort((p, q) => p.day - q.day || (p.id < q.id ? -1 : 1));
    expect(body.blastRadius.map((b) => [b.id, b.stopDay])).toEqual(byDay.map((x) => [x.id, x.day]));
    const oem = report.stopDays[report.blastRadius.indexOf('oem')]!;
    expect(body.blastRadius.find((b) => b.id === 'oem')).toEqual({
      id: 'oem',
      name: 'OEM Motors',
      tier: 0,
      focal: true,
      stopDay: oem,
      revenuePerDay: index.value[at('oem')]! / 365,
    });
    expect(body.buyers.map((b) => [b.id, b.commodity, b.access])).toEqual([
      ['castco', 'logistics', 'network'],
      ['seatA', 'logistics', 'network'],
    ]);
    expect(body.levelGap).toEqual({
      ownLevel: 1,
      requiredLevel: 4,
      askedBy: levelGapReports(analysis).find((g) => g.id === 'logi')!.askedBy,
    });
  });

  it('finds ids that need URL encoding', async () => {
    const odd = {
      ...chain,
      companies: [...chain.companies, { ...chain.companies[0]!, id: 'a/b c', name: 'Odd', focal: false }],
    };
    const other = await serveNetwork(odd);
    try {
      const { status, body } = await get<CompanyDetailResponse>(
        other.url,
        `/api/companies/${encodeURIComponent('a/b c')}`,
      );
      expect(status).toBe(200);
      expect(body.company.id).toBe('a/b c');
    } finally {
      await other.close();
    }
  });
});

describe('GET /api/analysis/*', () => {
  it('weak-links: the ranking of the core, paged', async () => {
    const { body } = await get<WeakLinksResponse>(server.url, '/api/analysis/weak-links?limit=3');
    WeakLinksSchema.parse(body);
    expect(body.items).toEqual(weakLinkReports(analysis, 3));
    expect(body).toMatchObject({ total: 7, offset: 0, limit: 3, theta: 0.5 });
    const next = (await get<WeakLinksResponse>(server.url, '/api/analysis/weak-links?offset=3&limit=2')).body.items;
    expect(next.map((w) => w.rank)).toEqual([4, 5]);
  });

  it('single-sources: every direct single source, with names', async () => {
    const { body } = await get<SingleSourcesResponse>(server.url, '/api/analysis/single-sources');
    SingleSourcesSchema.parse(body);
    expect(body.items.map(({ buyer, commodity, supplier, share }) => ({ buyer, commodity, supplier, share }))).toEqual(
      singleSourceReports(analysis),
    );
    expect(body.items.find((s) => s.supplier === 'castco')).toMatchObject({
      buyerName: 'OEM Motors',
      supplierName: 'Cast Co.',
    });
  });

  it('hidden-critical: critical suppliers that are not direct single sources', async () => {
    const { body } = await get<HiddenCriticalResponse>(server.url, '/api/analysis/hidden-critical');
    HiddenCriticalSchema.parse(body);
    expect(body.items).toEqual(hiddenCriticalReports(analysis));
    expect(body.items.map((h) => h.supplier)).toContain('foundry');
  });

  it('level-gaps: suppliers asked for more than they have', async () => {
    const { body } = await get<LevelGapsResponse>(server.url, '/api/analysis/level-gaps');
    LevelGapsSchema.parse(body);
    expect(body.items).toEqual(levelGapReports(analysis));
  });

  it('concentration: groups by HHI, tiers by country, countries of critical suppliers', async () => {
    const { body } = await get<ConcentrationResponse>(server.url, '/api/analysis/concentration?limit=2');
    ConcentrationSchema.parse(body);
    expect(body.total).toBe(index.groupCount);
    expect(body.groups).toHaveLength(2);
    expect(body.groups[0]!.hhi).toBe(10_000);
    const seats = (
      await get<ConcentrationResponse>(server.url, '/api/analysis/concentration?limit=500')
    ).body.groups.find((g) => g.commodity === 'seats')!;
    expect(seats.hhi).toBeCloseTo(60 ** 2 + 40 ** 2);
    expect(body.tiers.map((t) => t.tier)).toEqual([1, 2]);
    expect(body.criticalSupplierCountries).toEqual([
      {
        focal: 'oem',
        countries: [
          { country: 'JP', amount: 3, share: 0.75 },
          { country: 'CN', amount: 1, share: 0.25 },
        ],
      },
    ]);
  });
});

describe('POST /api/risk', () => {
  it('answers what `weaklink risk --format json` prints for the same network, runs and seed (one use case)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weaklink-risk-'));
    await writeNetworkCsv(chain, dir);
    let out = '';
    const code = await main(['node', 'weaklink', 'risk', dir, '--runs', '2000', '--seed', '3', '--format', 'json'], {
      out: (s) => void (out += s),
      err: () => {},
      isTty: false,
    });
    expect(code).toBe(0);
    const { body } = await post(server.url, '/api/risk', { runs: 2000, seed: 3 });
    expect(JSON.parse(out)).toEqual(body);
  });
});

describe('POST /api/scenario', () => {
  it('answers what `weaklink scenario --format json` prints for the same hit, days and what-ifs (one use case)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weaklink-scenario-'));
    await writeNetworkCsv(chain, dir);
    const whatIf = [{ op: 'raise-level', company: 'foam', level: 5 }];
    await writeFile(join(dir, 'what-if.json'), JSON.stringify(whatIf));
    let out = '';
    const argv = ['scenario', dir, '--hit', 'foam,seatB', '--days', '7', '--what-if', join(dir, 'what-if.json')];
    const code = await main(['node', 'weaklink', ...argv, '--format', 'json'], {
      out: (s) => void (out += s),
      err: () => {},
      isTty: false,
    });
    expect(code).toBe(0);
    const { body } = await post(server.url, '/api/scenario', { hit: ['seatB', 'foam'], days: 7, whatIf });
    expect(JSON.parse(out)).toEqual(body);
    expect(JSON.parse(out).whatIf).not.toBeNull();
  });
});

describe('POST /api/simulate', () => {
  it('answers what `weaklink simulate --format json` prints for the same network and hit, to the byte (one use case)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'weaklink-simulate-'));
    await writeNetworkCsv(chain, dir);
    let out = '';
    const code = await main(['node', 'weaklink', 'simulate', dir, '--hit', 'foam,seatB', '--format', 'json'], {
      out: (s) => void (out += s),
      err: () => {},
      isTty: false,
    });
    expect(code).toBe(0);
    const { body } = await post<SimulateResponse>(server.url, '/api/simulate', { hit: ['seatB', 'foam'] });
    expect(JSON.parse(out)).toEqual(body);
  });
  it('equals the core disruptedSet, with each stop day, the revenue per day of outage and the focal companies stopped', async () => {
    for (const hit of [['logi'], ['foam'], ['seatB', 'foam'], ['foundry', 'foundry']]) {
      const { status, body } = await post<SimulateResponse>(server.url, '/api/simulate', { hit });
      expect(status).toBe(200);
      SimulateSchema.parse(body);
      const d = Array.from(disruptedSet(index, hit.map(at)));
      expect(body.disrupted).toEqual(d.map((i) => index.ids[i]!).sort());
      expect(body.companies.map((c) => c.id).sort()).toEqual(body.disrupted);
      expect(body.revenuePerDay).toBeCloseTo(
        d.reduce((s, i) => s + index.value[i]! / 365, 0),
        9,
      );
      const outcome = breachOutcome(index, [...new Set(hit)].map(at));
      expect(body.companies.map((c) => [c.id, c.stopDay])).toEqual(
        outcome.companies.map((c) => [index.ids[c.company], c.stopDay]),
      );
      for (const c of body.companies) if (body.hit.includes(c.id)) expect(c.stopDay).toBe(0);
      expect(body.expectedLoss).toBeCloseTo(outcome.expectedLoss, 9);
      expect(body.lossByDuration.map((x) => x.days)).toEqual([1, 5, 14, 30, 60, 120]);
      expect(body.hit).toEqual([...new Set(hit)].sort());
      expect(body.focalDisrupted).toEqual(d.includes(at('oem')) ? ['oem'] : []);
    }
  });

  it('takes theta from the body', async () => {
    const { body } = await post<SimulateResponse>(server.url, '/api/simulate', { hit: ['seatB'], theta: 0.7 });
    expect(body.theta).toBe(0.7);
    expect(body.disrupted).toEqual(
      Array.from(disruptedSet(index, [at('seatB')], { theta: 0.7 }), (i) => index.ids[i]!).sort(),
    );
    expect(body.focalDisrupted).toEqual(['oem']);
  });
});
