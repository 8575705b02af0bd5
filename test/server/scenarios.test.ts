/**
 * The scenario, loss, plan and executive routes through createApp, in process on port 0,
 * over data/sample (and the shared small-tree vector for the exact annual loss): each answer is
 * checked against its response schema and against the core function it must agree with;
 * saved scenarios go through save → list → get → compare → delete, need the analyst
 * role to change, and survive a server restart on the same workspace.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../../src/contract/api-types.ts';
import { createApp } from '../../server/app.ts';
import * as S from '../../src/contract/schemas.ts';
import { runAnalysis } from '../../src/analysis/analyze.ts';
import { companyReport } from '../../src/analysis/company-report.ts';
import { costPlan } from '../../src/analysis/cost-plan.ts';
import {
  annualLossModel,
  annualLossReport,
  exactAnnualLoss,
  monteCarloAnnualLoss,
} from '../../src/analysis/annual-loss.ts';
import { simulateScenario } from '../../src/analysis/scenario.ts';
import { applyWhatIfs, compareAnalyses } from '../../src/analysis/what-if.ts';
import type { WhatIf } from '../../src/model/scenario.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { indexNetwork, type IndexedNetwork } from '../../src/model/index-network.ts';
import type { Network } from '../../src/model/types.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { VECTORS_DIR } from '../vectors-dir.ts';
import { chain, get, post, quietLogger, send, serve, serveNetwork, testAuth, type Answer } from './helpers.ts';

const SAMPLE = 'data/sample';

/** The core's scenario as the API answers it (without horizon and stillDown). */
function coreScenario(index: IndexedNetwork, hit: string[], days: number): Api.ScenarioRun {
  const {
    horizon: _h,
    stillDown: _s,
    ...run
  } = simulateScenario(index, { hit: hit.map((id) => index.indexOf.get(id)!), days });
  return run;
}

const field = (a: Answer): string | undefined => (a.body as Api.ApiError).error?.field;

describe('scenario, risk, plan and executive over data/sample', () => {
  let server: Awaited<ReturnType<typeof serveNetwork>>;
  let network: Network;
  let index: IndexedNetwork;
  /** Ids of the sample's top weak links, highest risk first. */
  let top: string[];

  beforeAll(async () => {
    network = (await readNetwork(SAMPLE)).network;
    index = indexNetwork(network);
    server = await serveNetwork(network);
    top = (await get<Api.WeakLinksResponse>(server.url, '/api/analysis/weak-links?limit=10')).body.items.map(
      (w) => w.id,
    );
  });
  afterAll(() => server.close());

  describe('POST /api/scenario', () => {
    it('rejects bad input with a 400 naming the field', async () => {
      const bad = async (body: unknown, name: string): Promise<void> => {
        const a = await post(server.url, '/api/scenario', body);
        expect(a.status, a.text).toBe(400);
        expect(field(a)).toBe(name);
      };
      await bad({ hit: [top[0]], days: 3651 }, 'days');
      await bad({ hit: [top[0]], days: -1 }, 'days');
      await bad({ hit: [top[0]], days: 1.5 }, 'days');
      await bad({ hit: [top[0]] }, 'days');
      await bad({ hit: [], days: 3 }, 'hit');
      await bad({ hit: Array.from({ length: 101 }, (_, i) => `c${i}`), days: 3 }, 'hit');
      await bad(
        {
          hit: [top[0]],
          days: 3,
          whatIf: Array.from({ length: 51 }, () => ({ op: 'remove-supplier', company: top[1] })),
        },
        'whatIf',
      );
      await bad(
        { hit: [top[0]], days: 3, whatIf: [{ op: 'raise-level', company: top[1], level: 6 }] },
        'whatIf.0.level',
      );
      await bad({ hit: [top[0]], days: 3, extra: 1 }, 'extra');
    });

    it('answers 404 naming the field for an unknown id', async () => {
      const hit = await post(server.url, '/api/scenario', { hit: [top[0], 'no-such-company'], days: 3 });
      expect(hit.status, hit.text).toBe(404);
      expect(hit.body).toMatchObject({ error: { code: 'not_found', field: 'hit' } });
      expect(hit.text).toContain('no-such-company');
      const op = await post(server.url, '/api/scenario', {
        hit: [top[0]],
        days: 3,
        whatIf: [
          { op: 'raise-level', company: top[1], level: 4 },
          { op: 'add-supplier', buyer: top[0], supplier: 'ghost', commodity: 'x', share: 0.5 },
        ],
      });
      expect(op.status, op.text).toBe(404);
      expect(field(op)).toBe('whatIf.1.supplier');
    });

    it('a what-if the core refuses is a 400 naming the operation and its field', async () => {
      const supplied = network.supplies[0]!;
      const a = await post(server.url, '/api/scenario', {
        hit: [top[0]],
        days: 3,
        whatIf: [
          {
            op: 'add-supplier',
            buyer: supplied.buyer,
            supplier: supplied.supplier,
            commodity: supplied.commodity,
            share: 0.3,
          },
        ],
      });
      expect(a.status, a.text).toBe(400);
      expect(field(a)).toBe('whatIf.0.supplier');
      expect(a.text).toContain('already supplies');
    });

    it('matches simulateScenario of the core, for a viewer too', async () => {
      const hit = [top[1]!, top[0]!];
      const a = await post<Api.ScenarioResponse>(server.url, '/api/scenario', { hit, days: 10 }, 'application/json', {
        token: server.auth.viewer,
      });
      expect(a.status, a.text).toBe(200);
      S.ScenarioSchema.parse(a.body);
      expect(a.body).toEqual({ scenario: coreScenario(index, hit, 10), whatIf: null });
      expect(a.body.scenario.hit).toEqual([...hit].sort());
      expect(a.body.scenario.down).toHaveLength(11);
    });

    it('with whatIf runs on the changed network and answers every analysis before and after', async () => {
      const whatIf: WhatIf[] = [
        { op: 'raise-level', company: top[0]!, level: 4 },
        { op: 'remove-supplier', company: top[2]! },
      ];
      const a = await post<Api.ScenarioResponse>(server.url, '/api/scenario', { hit: [top[1]], days: 7, whatIf });
      expect(a.status, a.text).toBe(200);
      S.ScenarioSchema.parse(a.body);
      const changed = indexNetwork(applyWhatIfs(network, whatIf));
      const comparison = compareAnalyses(runAnalysis(index), runAnalysis(changed));
      expect(a.body.scenario).toEqual(coreScenario(changed, [top[1]!], 7));
      expect(a.body.whatIf).toEqual(JSON.parse(JSON.stringify(comparison)));
      const diff = S.WhatIfComparisonSchema.parse(a.body.whatIf);
      expect(diff.totalRisk.after).toBeLessThan(diff.totalRisk.before);
      expect(diff.companies.map((c) => c.id)).toContain(top[0]);
      const gone = await post(server.url, '/api/scenario', { hit: [top[2]], days: 7, whatIf });
      expect(gone.status, gone.text).toBe(400);
      expect(field(gone)).toBe('hit');
    });
  });

  describe('saved scenarios', () => {
    it('saving needs the analyst role: a viewer gets 403 and nothing is saved', async () => {
      const a = await post(
        server.url,
        '/api/scenarios',
        { name: 'viewer try', hit: [top[0]], days: 3 },
        'application/json',
        { token: server.auth.viewer },
      );
      expect(a.status, a.text).toBe(403);
      expect(a.body).toMatchObject({ error: { code: 'forbidden' } });
      expect(await server.store.getScenario('viewer try')).toBeNull();
    });

    it('rejects bad names with a 400 naming the field', async () => {
      for (const name of [
        '',
        ' leading space',
        'trailing space ',
        'a/b',
        'semi;colon',
        'x'.repeat(81),
        'compare',
        '..',
      ]) {
        const a = await post(server.url, '/api/scenarios', { name, hit: [top[0]], days: 3 });
        expect(a.status, `${name}: ${a.text}`).toBe(400);
        expect(field(a)).toBe('name');
      }
      expect((await get(server.url, `/api/scenarios/${encodeURIComponent('a;b')}`)).status).toBe(400);
    });

    it('takes a name with + (e.g. "ota+kanazawa 10d"), and gives it back by name', async () => {
      const opts = { token: server.auth.analyst };
      const name = 'ota+kanazawa 10d';
      const saved = await post(
        server.url,
        '/api/scenarios',
        { name, hit: [top[0]], days: 3 },
        'application/json',
        opts,
      );
      expect(saved.status, saved.text).toBe(200);
      const back = await get<Api.SavedScenario>(server.url, `/api/scenarios/${encodeURIComponent(name)}`);
      expect(back.body.name).toBe(name);
      await send('DELETE', server.url, `/api/scenarios/${encodeURIComponent(name)}`, undefined, opts);
    });

    it('save → list → get → compare → delete', async () => {
      const version = (await get<Api.SummaryResponse>(server.url, '/api/summary')).body.version;
      const opts = { token: server.auth.analyst };
      const first = await post<Api.SavedScenario>(
        server.url,
        '/api/scenarios',
        { name: 'Ota springs 10 days', hit: [top[0]], days: 10 },
        'application/json',
        opts,
      );
      expect(first.status, first.text).toBe(200);
      S.SavedScenarioSchema.parse(first.body);
      expect(first.body).toMatchObject({
        name: 'Ota springs 10 days',
        hit: [top[0]],
        days: 10,
        whatIf: [],
        createdBy: 'analyst-1',
        version,
      });
      expect(first.body.result).toEqual(coreScenario(index, [top[0]!], 10));
      const whatIf: WhatIf[] = [{ op: 'raise-level', company: top[1]!, level: 4 }];
      const second = await post<Api.SavedScenario>(
        server.url,
        '/api/scenarios',
        { name: '東京 breach_2.b', hit: [top[0], top[1]], days: 30, whatIf },
        'application/json',
        opts,
      );
      expect(second.status, second.text).toBe(200);
      expect(second.body.whatIf).toEqual(whatIf);

      const list = await get<Api.SavedScenarioList>(server.url, '/api/scenarios', { token: server.auth.viewer });
      expect(list.status).toBe(200);
      S.SavedScenarioListSchema.parse(list.body);
      const mine = list.body.items.filter((x) => [first.body.name, second.body.name].includes(x.name));
      expect(mine.map((x) => x.name)).toEqual([second.body.name, first.body.name]);
      const { result, ...head } = first.body;
      expect(mine[1]).toEqual({
        ...head,
        totalRevenueAtRisk: result.totalRevenueAtRisk,
        stopped: result.companies.length,
        focalStopped: result.focal.filter((f) => f.stoppedOn !== null).map((f) => f.id),
      });
      expect(mine[1]!.focalStopped.length).toBeGreaterThan(0);

      const got = await get<Api.SavedScenario>(server.url, `/api/scenarios/${encodeURIComponent(second.body.name)}`, {
        token: server.auth.viewer,
      });
      expect(got.status, got.text).toBe(200);
      expect(got.body).toEqual(second.body);
      expect(got.text).toBe(second.text);

      const query = `a=${encodeURIComponent(first.body.name)}&b=${encodeURIComponent(second.body.name)}`;
      const compared = await get<Api.ScenarioComparison>(server.url, `/api/scenarios/compare?${query}`, {
        token: server.auth.viewer,
      });
      expect(compared.status, compared.text).toBe(200);
      S.ScenarioComparisonSchema.parse(compared.body);
      const stops = (s: Api.SavedScenario): string[] => s.result.companies.map((c) => c.id);
      expect(compared.body.a).toEqual(first.body);
      expect(compared.body.b).toEqual(second.body);
      expect(compared.body.onlyA).toEqual(
        stops(first.body)
          .filter((id) => !stops(second.body).includes(id))
          .sort(),
      );
      expect(compared.body.onlyB).toEqual(
        stops(second.body)
          .filter((id) => !stops(first.body).includes(id))
          .sort(),
      );
      expect(compared.body.both).toEqual(
        stops(first.body)
          .filter((id) => stops(second.body).includes(id))
          .sort(),
      );
      expect(compared.body.both).toContain(top[0]);
      expect(compared.body.onlyB).toContain(top[1]);
      const missing = await get(
        server.url,
        `/api/scenarios/compare?a=${encodeURIComponent(first.body.name)}&b=nothing`,
      );
      expect(missing.status).toBe(404);
      expect(field(missing)).toBe('b');

      const refused = await send(
        'DELETE',
        server.url,
        `/api/scenarios/${encodeURIComponent(first.body.name)}`,
        undefined,
        { token: server.auth.viewer },
      );
      expect(refused.status).toBe(403);
      const deleted = await send<Api.ScenarioDeleteResponse>(
        'DELETE',
        server.url,
        `/api/scenarios/${encodeURIComponent(first.body.name)}`,
        undefined,
        opts,
      );
      expect(deleted.status, deleted.text).toBe(200);
      expect(deleted.body).toEqual({ deleted: first.body.name });
      const gone = await get(server.url, `/api/scenarios/${encodeURIComponent(first.body.name)}`);
      expect(gone.status).toBe(404);
      expect(field(gone)).toBe('name');
      expect(
        (await send('DELETE', server.url, `/api/scenarios/${encodeURIComponent(first.body.name)}`, undefined, opts))
          .status,
      ).toBe(404);
      expect(
        (await get<Api.SavedScenarioList>(server.url, '/api/scenarios')).body.items.map((x) => x.name),
      ).not.toContain(first.body.name);
    });

    it('saving an existing name replaces it', async () => {
      await post(server.url, '/api/scenarios', { name: 'replace me', hit: [top[0]], days: 1 });
      const again = await post<Api.SavedScenario>(server.url, '/api/scenarios', {
        name: 'replace me',
        hit: [top[1]],
        days: 2,
      });
      expect(again.status).toBe(200);
      const items = (await get<Api.SavedScenarioList>(server.url, '/api/scenarios')).body.items.filter(
        (x) => x.name === 'replace me',
      );
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ hit: [top[1]], days: 2 });
    });

    it('unknown ids in a scenario to save are a 404 naming the field, and nothing is saved', async () => {
      const a = await post(server.url, '/api/scenarios', { name: 'unknown id', hit: ['ghost'], days: 3 });
      expect(a.status).toBe(404);
      expect(field(a)).toBe('hit');
      expect(await server.store.getScenario('unknown id')).toBeNull();
    });
  });

  describe('POST /api/risk', () => {
    it('rejects bad input with a 400 naming the field', async () => {
      for (const [body, name] of [
        [{ runs: 0 }, 'runs'],
        [{ runs: 100_001 }, 'runs'],
        [{ runs: 10.5 }, 'runs'],
        [{ seed: -1 }, 'seed'],
        [{ seed: 2 ** 32 }, 'seed'],
        [{ exact: 'yes' }, 'exact'],
      ] as const) {
        const a = await post(server.url, '/api/risk', body);
        expect(a.status, a.text).toBe(400);
        expect(field(a)).toBe(name);
      }
      const exact = await post(server.url, '/api/risk', { exact: true });
      expect(exact.status).toBe(400);
      expect(field(exact)).toBe('exact');
      expect(exact.text).toContain('at most 8');
    });

    it('Monte Carlo: the same seed gives the same numbers, those of monteCarloAnnualLoss', async () => {
      const a = await post<Api.RiskResponse>(server.url, '/api/risk', { runs: 2000, seed: 7 });
      expect(a.status, a.text).toBe(200);
      S.RiskSchema.parse(a.body);
      const model = annualLossModel(runAnalysis(index));
      expect(a.body).toEqual(annualLossReport(monteCarloAnnualLoss(model, { runs: 2000, seed: 7 })));
      expect(a.body).toMatchObject({
        method: 'monte-carlo',
        runs: 2000,
        seed: 7,
        expectedAnnualLoss: runAnalysis(index).expectedAnnualLoss,
      });
      expect((await post(server.url, '/api/risk', { seed: 7, runs: 2000 })).text).toBe(a.text);
      const other = await post<Api.RiskResponse>(server.url, '/api/risk', { runs: 2000, seed: 8 });
      expect(other.body.mean).not.toBe(a.body.mean);
      const defaults = await post<Api.RiskResponse>(server.url, '/api/risk', {});
      expect(defaults.body).toMatchObject({ runs: 10_000, seed: 1 });
    });

    it('large runs go to worker threads with the same numbers, and a repeated call is answered from the cache', async () => {
      const runs = 30_000; // 30,000 × 188 companies is above the in-process limit
      let started = performance.now();
      const a = await post<Api.RiskResponse>(server.url, '/api/risk', { runs, seed: 3 });
      const first = performance.now() - started;
      expect(a.status, a.text).toBe(200);
      expect(a.body).toEqual(
        annualLossReport(monteCarloAnnualLoss(annualLossModel(runAnalysis(index)), { runs, seed: 3 })),
      );
      started = performance.now();
      expect((await post(server.url, '/api/risk', { runs, seed: 3 })).text).toBe(a.text);
      expect(performance.now() - started).toBeLessThan(Math.max(100, first / 4));
    });

    it('exact: the small-tree vector answers its exact distribution', async () => {
      const network = (await readNetwork(path.join(VECTORS_DIR, 'small-tree'))).network;
      const small = await serveNetwork(network);
      try {
        const a = await post<Api.RiskResponse>(small.url, '/api/risk', { exact: true });
        expect(a.status, a.text).toBe(200);
        S.RiskSchema.parse(a.body);
        expect(a.body).toMatchObject({ method: 'exact', runs: null, seed: null, standardError: null });
        expect(a.body).toEqual(annualLossReport(exactAnnualLoss(annualLossModel(runAnalysis(indexNetwork(network))))));
      } finally {
        await small.close();
      }
    });
  });

  describe('POST /api/plan', () => {
    it('rejects bad input with a 400 naming the field', async () => {
      const cases = [
        [{}, 'budget'],
        [{ budget: -1 }, 'budget'],
        [{ budget: 1e16 }, 'budget'],
        [{ budget: 1e6, costs: { sme: [1, 2, 3] } }, 'costs.sme'],
        [{ budget: 1e6, costs: { sme: [0, 1, 1, 1, 1] } }, 'costs.sme.0'],
        [{ budget: 1e6, planTargets: [] }, 'planTargets'],
        [{ budget: 1e6, planTargets: [3, 6] }, 'planTargets.1'],
        [{ budget: 1e6, planTargets: [2.5] }, 'planTargets.0'],
      ] as const;
      for (const [body, name] of cases) {
        const a = await post(server.url, '/api/plan', body);
        expect(a.status, a.text).toBe(400);
        expect(field(a)).toBe(name);
      }
      // The Monte Carlo plan's parameters are gone.
      expect((await post(server.url, '/api/plan', { budget: 1e6, runs: 1000 })).status).toBe(400);
    });

    it('answers costPlan over the analysis, within the budget, and the same again from the cache', async () => {
      const budget = 20_000_000;
      const a = await post<Api.PlanResponse>(server.url, '/api/plan', { budget });
      expect(a.status, a.text).toBe(200);
      S.PlanSchema.parse(a.body);
      const core = costPlan(runAnalysis(index), { budget });
      expect(a.body).toEqual(JSON.parse(JSON.stringify(core)));
      expect(a.body.totalCost).toBeLessThanOrEqual(budget);
      expect(a.body.lifts.length).toBeGreaterThan(0);
      expect(a.body).toMatchObject({ method: 'dynamic-programming', optimal: true });
      expect(a.body.expectedAnnualLossAfter).toBeLessThan(a.body.expectedAnnualLossBefore);
      expect((await post(server.url, '/api/plan', { budget })).text).toBe(a.text);
      const four = await post<Api.PlanResponse>(server.url, '/api/plan', { budget, planTargets: [4] });
      expect(four.body.lifts.every((l) => l.toLevel === 4)).toBe(true);
      const zero = await post<Api.PlanResponse>(server.url, '/api/plan', { budget: 0 });
      expect(zero.body).toMatchObject({ totalCost: 0, avoided: 0, lifts: [] });
    });
  });

  describe('GET /api/executive', () => {
    it('rejects a bad budget, focal company or assumption with a 400 naming the field', async () => {
      for (const q of [
        'budget=-5',
        'budget=lots',
        'budget=1e14',
        'other=1',
        'hitBase=2',
        'hitDecay=0',
        'lossRatio=1.5',
        'durations=14',
        'durations=1:0.5',
        'durations=2.5:1',
        'costsSme=1,2',
        'costsLarge=1,2,3,4,-5',
        'focal=no-such-company',
        'focal=ota-springs',
      ]) {
        const a = await get(server.url, `/api/executive?${q}`);
        expect(a.status, `${q}: ${a.text}`).toBe(400);
        expect(field(a), q).toBe(q.split('=')[0]);
      }
      const sum = await get(server.url, '/api/executive?durations=1:0.5,5:0.25');
      expect(sum.text).toMatch(/sum to 1/);
    });

    it("answers the automaker's own loss by default: its AAL from every company's hits, the curve, the top contributors with their chains and stop days, the worst event, the plan", async () => {
      const a = await get<Api.ExecutiveResponse>(server.url, '/api/executive');
      expect(a.status, a.text).toBe(200);
      const x = S.ExecutiveSchema.parse(a.body);
      const summary = (await get<Api.SummaryResponse>(server.url, '/api/summary')).body;
      expect(x).toMatchObject({
        version: summary.version,
        companies: summary.companies,
        hiddenCriticalSuppliers: summary.hiddenCriticalSuppliers,
      });
      // The focal companies, largest revenue first; the page is about the first.
      expect(x.focal.map((f) => f.id)).toEqual(['auto-oem', 'retail-hq']);
      expect(x.scope).toEqual({ id: 'auto-oem', name: 'Kirishima Motor Corporation', revenue: 30_000_000_000_000 });

      // Its own loss, worked out here from the stop days: Σ_x p(x) Σ_d P(d) revenue/365 max(0, d − f_x(oem)).
      const analysis = runAnalysis(index);
      const oem = index.indexOf.get('auto-oem')!;
      const perDay = 30_000_000_000_000 / 365;
      const durations = analysis.options.durations;
      const stopOf = (i: number): number | null => {
        if (i === oem) return 0;
        const r = companyReport(analysis, i);
        const k = r.blastRadius.indexOf('auto-oem');
        return k < 0 ? null : r.stopDays[k]!;
      };
      const contribution = Array.from({ length: index.n }, (_, i) => {
        const f = stopOf(i);
        return f === null
          ? 0
          : analysis.hitLikelihood[i]! *
              durations.reduce((s, d) => s + d.probability * perDay * Math.max(0, d.days - f), 0);
      });
      const aal = contribution.reduce((s, c) => s + c, 0);
      expect(x.loss.expectedAnnualLoss / aal).toBeCloseTo(1, 9);
      expect(x.loss.shareOfRevenue! * 30_000_000_000_000).toBeCloseTo(x.loss.expectedAnnualLoss, 0);
      expect(x.loss.shareOfRevenue).toBeLessThan(0.01);
      expect(x.loss).toMatchObject({ method: 'monte-carlo', runs: 10_000, seed: 1 });
      expect(Math.abs(x.loss.mean - aal)).toBeLessThan(3 * x.loss.standardError!);
      expect(x.loss.quantiles.p95).toBeLessThanOrEqual(x.loss.quantiles.p99);
      expect(x.loss.quantiles.p99).toBeLessThanOrEqual(x.loss.quantiles.p995);
      expect(x.loss.exceedance.length).toBeGreaterThan(3);
      for (let k = 1; k < x.loss.exceedance.length; k++)
        expect(x.loss.exceedance[k]!.probability).toBeLessThanOrEqual(x.loss.exceedance[k - 1]!.probability);

      // The top 5 contributors: highest contribution first, each with the day it stops the automaker and the chain up to it.
      const ranked = contribution
        .map((c, i) => ({ c, id: index.ids[i]! }))
        .sort((p, q) => q.c - p.c || (p.id < q.id ? -1 : 1))
        .slice(0, 5);
      expect(x.topContributors.map((t) => t.id)).toEqual(ranked.map((r) => r.id));
      expect(x.topContributors[0]!.id).toBe('ota-springs');
      for (const t of x.topContributors) {
        const i = index.indexOf.get(t.id)!;
        expect(t.riskContribution / contribution[i]!).toBeCloseTo(1, 9);
        expect(t.focalStopDay).toBe(stopOf(i));
        const path = t.exposurePath.map((p) => p.id);
        expect(path[0]).toBe('auto-oem');
        expect(path.at(-1)).toBe(t.id);
        for (let k = 0; k + 1 < path.length; k++) {
          const buyer = (
            await get<Api.CompanyDetailResponse>(server.url, `/api/companies/${encodeURIComponent(path[k]!)}`)
          ).body;
          expect(buyer.suppliers.map((s) => s.id)).toContain(path[k + 1]);
        }
      }
      expect(x.topContributors[0]!.focalStopDay).toBe(3);

      // The worst single event among them: the largest loss of a 120-day outage.
      const losses = x.topContributors.map((t) => perDay * Math.max(0, 120 - t.focalStopDay!));
      const worst = Math.max(...losses);
      expect(x.worstEvent).toMatchObject({ id: x.topContributors[losses.indexOf(worst)]!.id, days: 120 });
      expect(x.worstEvent!.loss / worst).toBeCloseTo(1, 9);

      // The plan lowers this same loss: before = the AAL; each lift avoids (p before − p after) × its expected event loss.
      expect(x.plan.lossBefore / aal).toBeCloseTo(1, 9);
      expect(x.plan.lossAfter).toBeCloseTo(x.plan.lossBefore - x.plan.avoided, 0);
      expect(x.plan.spent).toBeLessThanOrEqual(50_000_000);
      expect(x.plan.cutPercent).toBeGreaterThan(0);
      expect(x.plan.lifts.every((l) => l.toLevel >= 3)).toBe(true);
      expect(x.assumptions).toMatchObject({ hitBase: 0.015, hitDecay: 0.975, lossRatio: 1, planTargets: [3, 4, 5] });
      expect(x.assumptions.durations.map((d) => d.days)).toEqual([1, 5, 14, 30, 60, 120]);
      const smaller = (await get<Api.ExecutiveResponse>(server.url, '/api/executive?budget=1000000')).body;
      expect(smaller.plan.budget).toBe(1_000_000);
      expect(smaller.plan.spent).toBeLessThanOrEqual(1_000_000);
    });

    it("answers the retailer's page when asked, and the session's assumptions change the figures as the model says", async () => {
      const base = (await get<Api.ExecutiveResponse>(server.url, '/api/executive')).body;
      const retail = (await get<Api.ExecutiveResponse>(server.url, '/api/executive?focal=retail-hq')).body;
      expect(retail.scope?.id).toBe('retail-hq');
      expect(retail.loss.expectedAnnualLoss).not.toBe(base.loss.expectedAnnualLoss);
      for (const t of retail.topContributors) expect(t.exposurePath[0]!.id).toBe('retail-hq');
      // p is linear in hitBase below 1: twice the base, twice the expected loss.
      const doubled = (await get<Api.ExecutiveResponse>(server.url, '/api/executive?hitBase=0.03')).body;
      expect(doubled.loss.expectedAnnualLoss / base.loss.expectedAnnualLoss).toBeCloseTo(2, 9);
      expect(doubled.assumptions.hitLikelihood).toBe('p(s) = min(1, 0.03 × 0.975^s)');
      // A margin basis scales every loss.
      const margin = (await get<Api.ExecutiveResponse>(server.url, '/api/executive?lossRatio=0.2')).body;
      expect(margin.loss.expectedAnnualLoss / base.loss.expectedAnnualLoss).toBeCloseTo(0.2, 9);
      // Every outage 14 days: ota-springs stops the automaker on day 3, so 11 days down.
      const fixed = (await get<Api.ExecutiveResponse>(server.url, '/api/executive?durations=14:1')).body;
      const ota = fixed.topContributors.find((t) => t.id === 'ota-springs')!;
      expect(ota.expectedEventLoss / ((30_000_000_000_000 / 365) * 11)).toBeCloseTo(1, 9);
      // Dearer lifts: the plan can buy no more than before.
      const dear = (
        await get<Api.ExecutiveResponse>(
          server.url,
          '/api/executive?costsSme=3000000,10000000,30000000,100000000,250000000',
        )
      ).body;
      expect(dear.assumptions.liftCosts.sme).toEqual([3_000_000, 10_000_000, 30_000_000, 100_000_000, 250_000_000]);
      expect(dear.plan.avoided).toBeLessThanOrEqual(base.plan.avoided);
    });

    it('answers again from the cache, the same bytes', async () => {
      const fresh = await serveNetwork(network);
      try {
        const first = await get(fresh.url, '/api/executive');
        const again = await get(fresh.url, '/api/executive');
        expect(first.status).toBe(200);
        expect(again.text).toBe(first.text);
      } finally {
        await fresh.close();
      }
    });
  });
});

describe('limits on saved scenarios (issue 13, F14)', () => {
  it('refuses a new name beyond the count (409) and a result beyond the size (413), saying what to do; saving over a name is fine', async () => {
    const network = (await readNetwork(path.resolve('data/sample'))).network;
    const small = { hit: ['ota-springs'], days: 3 };
    const large = { hit: ['hikone-chemical', 'ohio-fiber', 'cascadia-cloud'], days: 365 };
    // The sizes of the two, saved without limits, put the size limit between them.
    const free = await serveNetwork(network);
    const sizeOf = async (body: object): Promise<number> =>
      Buffer.byteLength(
        (
          await post(free.url, '/api/scenarios', { name: 'x', ...body }, 'application/json', {
            token: free.auth.analyst,
          })
        ).text,
      );
    const [smallBytes, largeBytes] = [await sizeOf(small), await sizeOf(large)];
    await free.close();
    expect(largeBytes).toBeGreaterThan(2 * smallBytes);
    const limited = await serveNetwork(network, {
      limits: { scenarios: 2, scenarioBytes: Math.round((smallBytes + largeBytes) / 2) },
    });
    try {
      const save = (name: string, hit: string[], days = 3) =>
        post(limited.url, '/api/scenarios', { name, hit, days }, 'application/json', { token: limited.auth.analyst });
      expect((await save('one', ['ota-springs'])).status).toBe(200);
      expect((await save('two', ['ota-springs'])).status).toBe(200);
      const third = await save('three', ['ota-springs']);
      expect(third.status).toBe(409);
      expect(third.text).toMatch(/at most 2 saved scenarios \(--max-scenarios\) and has 2; delete one/);
      expect((await save('two', ['seto-alloy'])).status).toBe(200);
      const big = await save('one', ['hikone-chemical', 'ohio-fiber', 'cascadia-cloud'], 365);
      expect(big.status).toBe(413);
      expect(big.text).toMatch(
        /The scenario is \d+ kB; this workspace keeps scenarios of at most \d+ kB \(--max-scenario-mb\)/,
      );
      const list = (await get<Api.SavedScenarioList>(limited.url, '/api/scenarios')).body;
      expect(list.items.map((x) => x.name).sort()).toEqual(['one', 'two']);
    } finally {
      await limited.close();
    }
  });
});

describe('saved scenarios across a server restart', () => {
  it('a scenario saved before the restart is listed after it (memory store on the same workspace)', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'weaklink-restart-'));
    const auth = await testAuth();
    const start = async (): Promise<{ url: string; close(): Promise<void>; store: MemoryStore }> => {
      const store = new MemoryStore({ workspace });
      await store.load(chain);
      const served = await serve(createApp({ store, auth, logger: quietLogger() }), auth.analyst);
      return { ...served, store };
    };
    const first = await start();
    let saved: Answer<Api.SavedScenario>;
    try {
      saved = await post<Api.SavedScenario>(first.url, '/api/scenarios', {
        name: 'before restart',
        hit: ['logi'],
        days: 12,
      });
      expect(saved.status, saved.text).toBe(200);
    } finally {
      await first.close();
      await first.store.close();
    }
    const second = await start();
    try {
      const list = await get<Api.SavedScenarioList>(second.url, '/api/scenarios');
      expect(list.body.items.map((x) => x.name)).toEqual(['before restart']);
      expect(list.body.items[0]).toMatchObject({ createdBy: 'analyst-1', hit: ['logi'], days: 12 });
      expect((await get(second.url, '/api/scenarios/before%20restart')).text).toBe(saved.text);
    } finally {
      await second.close();
      await second.store.close();
    }
  });
});
