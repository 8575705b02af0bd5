/**
 * The API over data/sample (read with readNetwork into a memory store, as `npm start`
 * does): the summary, every company's detail, the weak links, a simulation and a
 * bounded map all agree with the core analysis of the same files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CompanyDetailResponse,
  CompanyListResponse,
  GraphResponse,
  SimulateResponse,
  SummaryResponse,
  WeakLinksResponse,
} from '../../src/contract/api-types.ts';
import { CompanyDetailSchema } from '../../src/contract/schemas.ts';
import { runAnalysis, type Analysis } from '../../src/analysis/analyze.ts';
import { companyReport } from '../../src/analysis/company-report.ts';
import { weakLinkReports } from '../../src/analysis/weak-link-report.ts';
import { disruptedSet } from '../../src/analysis/cascade.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';
import { get, post, serveNetwork } from './helpers.ts';

const SAMPLE = 'data/sample';

describe('the API over data/sample', () => {
  let server: Awaited<ReturnType<typeof serveNetwork>>;
  let analysis: Analysis;

  beforeAll(async () => {
    const { network } = await readNetwork(SAMPLE);
    analysis = runAnalysis(indexNetwork(network));
    server = await serveNetwork(network);
  });
  afterAll(() => server.close());

  it('summary counts the sample', async () => {
    const { body } = await get<SummaryResponse>(server.url, '/api/summary');
    expect(body.companies).toBe(analysis.index.n);
    expect(body.supplies).toBe(analysis.index.m);
    expect(body.focal.length).toBeGreaterThan(0);
    expect((await get<CompanyListResponse>(server.url, '/api/companies?limit=0')).body.total).toBe(analysis.index.n);
  });

  it('every company detail agrees with companyReport and ends its path at a root cause', async () => {
    const { index } = analysis;
    for (let i = 0; i < index.n; i++) {
      const { status, body } = await get<CompanyDetailResponse>(
        server.url,
        `/api/companies/${encodeURIComponent(index.ids[i]!)}`,
      );
      expect(status).toBe(200);
      CompanyDetailSchema.parse(body);
      const report = companyReport(analysis, i);
      expect(body.exposurePath.map((p) => p.id)).toEqual(report.exposurePath);
      expect(body.exposurePath.slice(1).every((p) => p.commodity !== null && p.commodity !== '')).toBe(true);
      const root = body.exposurePath[body.exposurePath.length - 1]!;
      expect(root.effectiveScore).toBe(root.ownScore);
      expect(body.company.effectiveScore).toBe(report.effectiveScore);
      expect(body.criticalSuppliers.map((c) => c.id)).toEqual(report.criticalSuppliers.slice(0, body.listLimit));
      expect(body.explanation).toMatch(/^Effective score /);
    }
  });

  it('weak links and a simulation of the top one agree with the core', async () => {
    const { body } = await get<WeakLinksResponse>(server.url, '/api/analysis/weak-links');
    expect(body.items).toEqual(weakLinkReports(analysis, 25));
    const top = body.items[0]!.id;
    const sim = (await post<SimulateResponse>(server.url, '/api/simulate', { hit: [top] })).body;
    const { index } = analysis;
    expect(sim.disrupted).toEqual(
      Array.from(disruptedSet(index, [index.indexOf.get(top)!]), (i) => index.ids[i]!).sort(),
    );
  });

  it('the map is bounded by limit', async () => {
    const { body } = await get<GraphResponse>(server.url, '/api/graph?depth=5&limit=50');
    expect(body.nodes).toHaveLength(50);
    expect(body.truncated).toBe(true);
    expect(body.nodes.filter((n) => n.focal).length).toBeGreaterThan(0);
  });
});
