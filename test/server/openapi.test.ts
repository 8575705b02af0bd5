/**
 * The OpenAPI document against the app: every route express knows under /api is
 * documented and every documented operation is routed; every `$ref` resolves; path
 * parameters are declared; every route answers a sample request with a body its
 * documented schema accepts; and the types of api-types.ts type what those schemas parse.
 */
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type * as Api from '../../src/contract/api-types.ts';
import { apiRoutes, createApp } from '../../server/app.ts';
import * as S from '../../src/contract/schemas.ts';
import { decodeOverview } from '../../src/contract/overview-format.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { LoginCodes } from '../../src/workspace/login-codes.ts';
import { get, post, send, serveNetwork, testAuth } from './helpers.ts';
import { CRITERIA, filled, officialWorkbook } from '../unit/assess/helpers.ts';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

let server: Awaited<ReturnType<typeof serveNetwork>>;
let doc: Doc;

beforeAll(async () => {
  server = await serveNetwork();
  doc = (await get<Doc>(server.url, '/api/openapi.json')).body;
});
afterAll(() => server.close());

/** `METHOD /api/path/{param}` of every route registered on the app. */
function expressRoutes(app: Express): string[] {
  const stack = (
    app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }
  ).router.stack;
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map(
          (m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        )
      : [],
  );
}

const documented = (): string[] =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(12);
  });

  it('documents every /api route of the app, and nothing else', async () => {
    const routed = expressRoutes(createApp({ store: new MemoryStore(), auth: await testAuth() })).filter((r) =>
      r.split(' ')[1]!.startsWith('/api/'),
    );
    expect(routed.sort()).toEqual(documented().sort());
    expect(routed).toEqual(
      expect.arrayContaining(['GET /api/companies/{id}', 'POST /api/simulate', 'GET /api/openapi.json']),
    );
  });

  it('declares each path parameter and resolves each $ref', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(params);
        const ok = Object.keys(op.responses).find((s) => s.startsWith('2'));
        expect(['200', '201']).toContain(ok);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining([ok, '400', '500']));
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('documents the X-Job-Id header of the heavy routes, their refusals, and the job route', () => {
    for (const [path, method] of [
      ['/api/risk', 'post'],
      ['/api/plan', 'post'],
      ['/api/executive', 'get'],
      ['/api/scenario', 'post'],
      ['/api/scenarios', 'post'],
    ] as const) {
      const op = doc.paths[path]![method]! as unknown as {
        parameters: { name: string; in: string }[];
        responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
      };
      expect(op.parameters, path).toContainEqual(expect.objectContaining({ name: 'X-Job-Id', in: 'header' }));
      expect(op.responses['200']!.headers, path).toHaveProperty('X-Job-Id');
      expect(op.responses['429']!.description, path).toMatch(/costs more than the caller's role may spend/);
      expect(op.responses['503']!.description, path).toMatch(/queue is full .* deadline/);
      expect(op.responses['409']!.description, path).toMatch(/X-Job-Id sent was used before/);
    }
    expect(doc.paths['/api/summary']!.get!.parameters.map((p) => p.name)).not.toContain('X-Job-Id');
    expect(doc.paths['/api/jobs/{id}']!.get!.responses).toHaveProperty('404');
  });

  it('every route answers a sample request with a body its response schema accepts', async () => {
    const samples: Record<string, () => Promise<{ status: number; body: unknown }>> = {
      health: () => get(server.url, '/api/health'),
      summary: () => get(server.url, '/api/summary'),
      listCompanies: () => get(server.url, '/api/companies?country=JP'),
      getCompany: () => get(server.url, '/api/companies/castco'),
      companyDependants: () => get(server.url, '/api/companies/logi/dependants'),
      aggregate: () => get(server.url, '/api/aggregate?by=industry'),
      aggregateCompanies: () => get(server.url, '/api/aggregate/companies?by=country&tier=1&key=JP'),
      graph: () => get(server.url, '/api/graph?focus=castco&up=2&down=1'),
      weakLinks: () => get(server.url, '/api/analysis/weak-links'),
      singleSources: () => get(server.url, '/api/analysis/single-sources'),
      hiddenCritical: () => get(server.url, '/api/analysis/hidden-critical'),
      levelGaps: () => get(server.url, '/api/analysis/level-gaps'),
      unassessed: () => get(server.url, '/api/analysis/unassessed'),
      lapsing: () => get(server.url, '/api/analysis/lapsing?asOf=2027-01-01'),
      concentration: () => get(server.url, '/api/analysis/concentration'),
      simulate: () => post(server.url, '/api/simulate', { hit: ['foundry'] }),
      openapi: () => get(server.url, '/api/openapi.json'),
      uploadNetwork: () =>
        send('PUT', server.url, '/api/network', {
          format: 'csv',
          companies: 'id,focal\noem,true\ncastco,\n',
          supplies: 'supplier,buyer,commodity\ncastco,oem,castings\n',
        }),
      editCompany: async () =>
        send('PATCH', server.url, '/api/companies/castco', { version: await version(), scsLevel: 4 }),
      editSupply: async () =>
        send('PATCH', server.url, '/api/supplies', {
          version: await version(),
          supplier: 'castco',
          buyer: 'oem',
          commodity: 'castings',
          share: 1,
        }),
      listAssessments: () => get(server.url, '/api/assessments?asOf=2027-01-01'),
      recordAssessment: () =>
        post(server.url, '/api/assessments', {
          company: 'castco', // the network uploaded above has oem and castco
          level: 3,
          method: 'expert',
          assessedOn: '2026-10-01',
          evidence: 'https://example.org/scs/logi',
        }),
      me: () => get(server.url, '/api/me'),
      listTokens: () => get(server.url, '/api/tokens'),
      createToken: () => post(server.url, '/api/tokens', { name: 'openapi-sample', role: 'viewer' }),
      revokeToken: () => send('DELETE', server.url, '/api/tokens/viewer-1'),
      runScenario: () =>
        post(server.url, '/api/scenario', {
          hit: ['logi'],
          days: 12,
          whatIf: [{ op: 'raise-level', company: 'logi', level: 4 }],
        }),
      listScenarios: () => get(server.url, '/api/scenarios'),
      saveScenario: () => post(server.url, '/api/scenarios', { name: 'openapi b', hit: ['foam'], days: 3 }),
      compareScenarios: async () => {
        await post(server.url, '/api/scenarios', { name: 'openapi a', hit: ['logi'], days: 3 });
        return get(server.url, '/api/scenarios/compare?a=openapi%20a&b=openapi%20b');
      },
      getScenario: () => get(server.url, '/api/scenarios/openapi%20a'),
      deleteScenario: () => send('DELETE', server.url, '/api/scenarios/openapi%20a'),
      risk: () => post(server.url, '/api/risk', { exact: true }),
      plan: () => post(server.url, '/api/plan', { budget: 5_000_000 }),
      assess: async () =>
        post(server.url, '/api/assess', {
          catalog: { file: 'blank.xlsx', content: (await officialWorkbook(CRITERIA)).toString('base64') },
          workbooks: [
            {
              file: 'logi.xlsx',
              company: 'logi',
              content: (await officialWorkbook(filled({ '1-1-1-1': '○' }))).toString('base64'),
            },
          ],
        }),
      executive: () => get(server.url, '/api/executive?budget=10000000'),
      requestList: () => get(server.url, '/api/requests'),
      requestRecord: () => post(server.url, '/api/requests', { supplier: 'castco', status: 'requested' }),
      // The letter is sent as text/html: its schema describes the document (content type and text).
      requestLetter: async () => {
        const a = await get(server.url, '/api/requests/castco/letter');
        return { status: a.status, body: { contentType: a.headers.get('content-type'), text: a.text } };
      },
      // The overview is binary: its schema describes the decoded header and the bytes.
      overview: async () => {
        const response = await fetch(`${server.url}/api/overview`, {
          headers: { authorization: `Bearer ${server.auth.admin}` },
        });
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { status: response.status, body: { header: decodeOverview(bytes.buffer).header, bytes } };
      },
      login: () => post(server.url, '/api/login', { code: new LoginCodes(server.auth.dir).create().code }),
      jobStatus: async () => {
        const risk = await post(server.url, '/api/risk', { runs: 100 });
        return get(server.url, `/api/jobs/${risk.headers.get('x-job-id')}`);
      },
    };
    const version = async (): Promise<string> =>
      (await get<{ version: string }>(server.url, '/api/summary')).body.version;
    for (const route of apiRoutes()) {
      const sample = samples[route.operationId];
      expect(sample, `a sample request for ${route.operationId}`).toBeDefined();
      const { status, body } = await sample!();
      expect(status, route.operationId).toBe(route.created === true ? 201 : 200);
      const parsed = route.response.safeParse(body);
      expect(parsed.success, `${route.operationId}: ${parsed.error?.message}`).toBe(true);
    }
  });
});

describe('the contract', () => {
  it('types what its schemas parse from the answers of the server (api-types.ts is derived from schemas.ts)', async () => {
    const summary: Api.SummaryResponse = S.SummarySchema.parse((await get(server.url, '/api/summary')).body);
    const focal = summary.focal[0]!.id;
    const graph: Api.GraphResponse = S.GraphSchema.parse(
      (await get(server.url, `/api/graph?focus=${focal}&up=2&down=0`)).body,
    );
    const nodes: Api.GraphNode[] = graph.nodes;
    const edges: Api.GraphEdge[] = graph.edges;
    const weakLinks: Api.Page<Api.WeakLink> = S.WeakLinksSchema.parse(
      (await get(server.url, '/api/analysis/weak-links?limit=3')).body,
    );
    const detail: Api.CompanyDetailResponse = S.CompanyDetailSchema.parse(
      (await get(server.url, `/api/companies/${focal}`)).body,
    );
    const row: Api.CompanyRow = detail.company;
    const scenario: Api.ScenarioResponse = S.ScenarioSchema.parse(
      (
        await post(server.url, '/api/scenario', {
          hit: [focal],
          days: 3,
          whatIf: [{ op: 'raise-level', company: focal, level: 5 }],
        } satisfies Api.ScenarioRequest)
      ).body,
    );
    const whatIf: Api.WhatIfComparison | null = scenario.whatIf;

    expect(nodes.map((n) => n.id)).toContain(focal);
    expect(edges.every((e) => nodes.some((n) => n.id === e.target))).toBe(true);
    expect(weakLinks.items.length).toBe(Math.min(3, weakLinks.total));
    expect(row.id).toBe(focal);
    expect(scenario.scenario.hit).toEqual([focal]);
    expect(whatIf?.totalRisk.before).toEqual(expect.any(Number));
    expectTypeOf<Api.ScenarioResponse['whatIf']>().toEqualTypeOf<Api.WhatIfComparison | null>();
    expectTypeOf<Api.WeakLinksResponse>().toExtend<Api.Page<Api.WeakLink>>();
  });
});
