/**
 * The authorization matrix, generated from the route table: every route of `apiRoutes()`
 * × every credential — none, malformed headers, an unknown token, a revoked token, and a
 * token of each role — answers exactly as its `access` annotation says: public routes
 * 2xx for everyone; the others 401 (with a WWW-Authenticate challenge) without a valid
 * token, 403 for a role below the route's, 2xx at or above it. A refused request changes
 * nothing, and authentication comes before input checks (a bad request without a token
 * is a 401, not a 400). A route added to the table without a sample request here fails
 * this test, so the matrix cannot fall behind the API.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/app.ts';
import type { Access, Route } from '../../server/route.ts';
import { ROLES, roleAllows, type Role } from '../../src/auth/roles.ts';
import type { Company, Network, Supply } from '../../src/model/types.ts';
import { LoginCodes } from '../../src/workspace/login-codes.ts';
import { chain, get, send, serveNetwork, type Answer } from '../server/helpers.ts';
import { CRITERIA, officialWorkbook } from '../unit/assess/helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;

beforeAll(async () => {
  // The matrix sends well over the default 600 requests a minute per token; the rate limits have tests of their own.
  server = await serveNetwork(chain, { limits: { perToken: 100_000, perAddress: 100_000 } });
});
afterAll(() => server.close());

type Credential = { label: string; header: string | null; role: Role | null };

/** Every kind of caller: the role is that of a valid token, null when there is none. */
function credentials(): Credential[] {
  const a = server.auth;
  return [
    { label: 'no Authorization header', header: null, role: null },
    { label: 'empty header', header: '', role: null },
    { label: 'Basic credentials', header: 'Basic YWRtaW46YWRtaW4=', role: null },
    { label: '"Bearer" without a token', header: 'Bearer', role: null },
    { label: 'a token without "Bearer"', header: a.admin, role: null },
    { label: 'two tokens', header: `Bearer ${a.admin} ${a.admin}`, role: null },
    { label: 'an unknown well-formed token', header: `Bearer wl_${'A'.repeat(43)}`, role: null },
    { label: 'a token cut short', header: `Bearer ${a.admin.slice(0, -1)}`, role: null },
    { label: 'not a weaklink token', header: 'Bearer hunter2', role: null },
    { label: 'a revoked token', header: `Bearer ${a.revoked}`, role: null },
    { label: 'viewer', header: `Bearer ${a.viewer}`, role: 'viewer' },
    { label: 'analyst', header: `Bearer ${a.analyst}`, role: 'analyst' },
    { label: 'admin', header: `Bearer ${a.admin}`, role: 'admin' },
  ];
}

/** The network as upload rows with the CSV field names. */
function uploadRows(network: Network): { companies: Record<string, unknown>[]; supplies: Record<string, unknown>[] } {
  const company = (c: Company) => ({
    id: c.id,
    name: c.name,
    country: c.country,
    industry: c.industry,
    size: c.size,
    scs_level: c.scsLevel,
    security_score: c.securityScore,
    revenue: c.revenue,
    focal: c.focal,
  });
  const supply = (s: Supply) => ({
    supplier: s.supplier,
    buyer: s.buyer,
    commodity: s.commodity,
    share: s.share,
    spend: s.spend,
    access: s.access,
    buffer_days: s.bufferDays,
  });
  return { companies: network.companies.map(company), supplies: network.supplies.map(supply) };
}

const version = async (): Promise<string> =>
  (await get<{ version: string }>(server.url, '/api/summary', { token: server.auth.admin })).body.version;
let serial = 0;

/** A valid request for each operation (it must succeed for a caller allowed to make it), sent with `header`. */
const SAMPLES: Record<string, (header: Record<string, string>) => Promise<Answer>> = {
  health: (h) => get(server.url, '/api/health', { token: null, headers: h }),
  summary: (h) => get(server.url, '/api/summary', { token: null, headers: h }),
  listCompanies: (h) => get(server.url, '/api/companies?q=seat&limit=5', { token: null, headers: h }),
  getCompany: (h) => get(server.url, '/api/companies/castco', { token: null, headers: h }),
  companyDependants: (h) => get(server.url, '/api/companies/logi/dependants', { token: null, headers: h }),
  aggregate: (h) => get(server.url, '/api/aggregate?by=country', { token: null, headers: h }),
  aggregateCompanies: (h) =>
    get(server.url, '/api/aggregate/companies?by=country&tier=1&key=JP', { token: null, headers: h }),
  graph: (h) => get(server.url, '/api/graph?focus=oem&up=1', { token: null, headers: h }),
  overview: (h) => get(server.url, '/api/overview', { token: null, headers: h }),
  weakLinks: (h) => get(server.url, '/api/analysis/weak-links', { token: null, headers: h }),
  singleSources: (h) => get(server.url, '/api/analysis/single-sources', { token: null, headers: h }),
  hiddenCritical: (h) => get(server.url, '/api/analysis/hidden-critical', { token: null, headers: h }),
  levelGaps: (h) => get(server.url, '/api/analysis/level-gaps', { token: null, headers: h }),
  unassessed: (h) => get(server.url, '/api/analysis/unassessed', { token: null, headers: h }),
  lapsing: (h) => get(server.url, '/api/analysis/lapsing', { token: null, headers: h }),
  concentration: (h) => get(server.url, '/api/analysis/concentration', { token: null, headers: h }),
  simulate: (h) => send('POST', server.url, '/api/simulate', { hit: ['logi'] }, { token: null, headers: h }),
  openapi: (h) => get(server.url, '/api/openapi.json', { token: null, headers: h }),
  uploadNetwork: async (h) => send('PUT', server.url, '/api/network', uploadRows(chain), { token: null, headers: h }),
  editCompany: async (h) =>
    send(
      'PATCH',
      server.url,
      '/api/companies/castco',
      { version: await version(), scsLevel: 2 + (serial++ % 3) },
      { token: null, headers: h },
    ),
  editSupply: async (h) =>
    send(
      'PATCH',
      server.url,
      '/api/supplies',
      {
        version: await version(),
        supplier: 'seatA',
        buyer: 'oem',
        commodity: 'seats',
        share: 0.5 + 0.01 * (serial++ % 5),
      },
      { token: null, headers: h },
    ),
  listAssessments: (h) => get(server.url, '/api/assessments?company=foam', { token: null, headers: h }),
  recordAssessment: (h) =>
    send(
      'POST',
      server.url,
      '/api/assessments',
      { company: 'foam', level: 1 + (serial++ % 2), method: 'self', assessedOn: '2026-11-02' },
      { token: null, headers: h },
    ),
  me: (h) => get(server.url, '/api/me', { token: null, headers: h }),
  listTokens: (h) => get(server.url, '/api/tokens', { token: null, headers: h }),
  createToken: (h) =>
    send(
      'POST',
      server.url,
      '/api/tokens',
      { name: `matrix-${serial++}`, role: 'viewer' },
      { token: null, headers: h },
    ),
  revokeToken: (h) => send('DELETE', server.url, `/api/tokens/${doomed}`, undefined, { token: null, headers: h }),
  runScenario: (h) =>
    send('POST', server.url, '/api/scenario', { hit: ['logi'], days: 3 }, { token: null, headers: h }),
  listScenarios: (h) => get(server.url, '/api/scenarios', { token: null, headers: h }),
  saveScenario: (h) =>
    send(
      'POST',
      server.url,
      '/api/scenarios',
      { name: `matrix ${serial++}`, hit: ['logi'], days: 3 },
      { token: null, headers: h },
    ),
  compareScenarios: (h) => get(server.url, '/api/scenarios/compare?a=matrix-a&b=matrix-b', { token: null, headers: h }),
  getScenario: (h) => get(server.url, '/api/scenarios/matrix-a', { token: null, headers: h }),
  deleteScenario: (h) =>
    send('DELETE', server.url, `/api/scenarios/${doomedScenario}`, undefined, { token: null, headers: h }),
  risk: (h) => send('POST', server.url, '/api/risk', { runs: 500 }, { token: null, headers: h }),
  plan: (h) => send('POST', server.url, '/api/plan', { budget: 1_000_000 }, { token: null, headers: h }),
  assess: async (h) =>
    send(
      'POST',
      server.url,
      '/api/assess',
      {
        catalog: { file: 'blank.xlsx', content: (await officialWorkbook(CRITERIA)).toString('base64') },
        workbooks: [
          { file: 'logi.xlsx', company: 'logi', content: (await officialWorkbook(CRITERIA)).toString('base64') },
        ],
      },
      { token: null, headers: h },
    ),
  executive: (h) => get(server.url, '/api/executive', { token: null, headers: h }),
  requestList: (h) => get(server.url, '/api/requests', { token: null, headers: h }),
  requestRecord: (h) =>
    send('POST', server.url, '/api/requests', { supplier: 'foam', status: 'requested' }, { token: null, headers: h }),
  requestLetter: (h) => get(server.url, '/api/requests/foam/letter?format=md', { token: null, headers: h }),
  login: (h) =>
    send(
      'POST',
      server.url,
      '/api/login',
      { code: new LoginCodes(server.auth.dir).create().code },
      { token: null, headers: h },
    ),
  // The caller's own job: the id of a risk request made with the same credential (any id when that is refused).
  jobStatus: async (h) => {
    const risk = await send('POST', server.url, '/api/risk', { runs: 100 }, { token: null, headers: h });
    const id = risk.headers.get('x-job-id') ?? randomUUID();
    return get(server.url, `/api/jobs/${id}`, { token: null, headers: h });
  },
};

/** Set-up a sample needs before the request (and before the state a refused request must keep is taken). */
let doomed = '';
let doomedScenario = '';
/** Saves a scenario as an analyst would (the samples that read or delete one need it). */
const saveScenario = async (name: string): Promise<void> => {
  const saved = await send(
    'POST',
    server.url,
    '/api/scenarios',
    { name, hit: ['foam'], days: 2 },
    { token: server.auth.analyst },
  );
  expect(saved.status, saved.text).toBe(200);
};
const PREPARE: Record<string, () => Promise<void>> = {
  revokeToken: async () => {
    doomed = `doomed-${serial++}`;
    await server.auth.tokens.create(doomed, 'viewer');
  },
  compareScenarios: async () => {
    await saveScenario('matrix-a');
    await saveScenario('matrix-b');
  },
  getScenario: () => saveScenario('matrix-a'),
  deleteScenario: async () => {
    doomedScenario = `doomed-${serial++}`;
    await saveScenario(doomedScenario);
  },
};

/** What the caller may expect: 2xx, 401 or 403. */
function expected(access: Access, role: Role | null): 200 | 401 | 403 {
  if (access === 'public') return 200;
  if (role === null) return 401;
  return roleAllows(role, access) ? 200 : 403;
}

/** State a refused request must leave alone. */
const state = async (): Promise<string> =>
  JSON.stringify([await version(), server.auth.tokens.list(), (await server.store.listScenarios()).map((x) => x.name)]);

describe('the authorization matrix', () => {
  it('every route declares its access, and only the health check and the login are public', () => {
    for (const route of apiRoutes()) expect(['public', ...ROLES], route.operationId).toContain(route.access);
    expect(
      apiRoutes()
        .filter((r) => r.access === 'public')
        .map((r) => r.operationId),
    ).toEqual(['health', 'login']);
    expect(Object.keys(SAMPLES).sort()).toEqual(
      apiRoutes()
        .map((r) => r.operationId)
        .sort(),
    );
  });

  const table = apiRoutes().flatMap((route) =>
    credentialLabels().map((label) => [route.method.toUpperCase(), route.path, label, route] as const),
  );

  it.each(table)('%s %s with %s', async (_method, _path, label, route: Route) => {
    const credential = credentials().find((c) => c.label === label)!;
    const sample = SAMPLES[route.operationId];
    expect(sample, `add a sample request for ${route.operationId} to SAMPLES`).toBeDefined();
    await PREPARE[route.operationId]?.();
    const before = await state();
    const answer = await sample!(credential.header === null ? {} : { authorization: credential.header });
    const want = expected(route.access, credential.role);
    if (want === 200) {
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
      expect(answer.status, answer.text).toBeLessThan(300);
      return;
    }
    expect(answer.status, answer.text).toBe(want);
    expect(answer.body).toMatchObject({ error: { code: want === 401 ? 'unauthorized' : 'forbidden' } });
    if (want === 401) expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="weaklink"/);
    expect(answer.text).not.toMatch(/wl_[A-Za-z0-9_-]{20}/);
    expect(await state()).toBe(before);
  });

  it.each(apiRoutes().filter((r) => r.access !== 'public'))(
    '$operationId checks the token before the input',
    async (route) => {
      const path = route.path.replace(/\{\w+\}/g, 'no-such-thing') + '?unknown=1';
      const answer = await send(
        route.method.toUpperCase(),
        server.url,
        path,
        route.body ? { unknown: true } : undefined,
        { token: null },
      );
      expect(answer.status, answer.text).toBe(401);
    },
  );
});

/** The credential labels, known before the server runs (the table is built at collection time). */
function credentialLabels(): string[] {
  return [
    'no Authorization header',
    'empty header',
    'Basic credentials',
    '"Bearer" without a token',
    'a token without "Bearer"',
    'two tokens',
    'an unknown well-formed token',
    'a token cut short',
    'not a weaklink token',
    'a revoked token',
    'viewer',
    'analyst',
    'admin',
  ];
}
