/**
 * The write endpoints through createApp: PUT /api/network (checked in full first — on
 * any error the network stays and the 400 lists located issues; row and body limits are
 * 413s; JSON rows and CSV texts), PATCH /api/companies/{id} and PATCH /api/supplies
 * (compare-and-set on the version: a stale one is a 409, concurrent edits of one version
 * never both win; the group share rule still holds), the analysis recomputed for the new
 * version, and one audit line per write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiError,
  CompanyDetailResponse,
  CompanyEditResponse,
  NetworkUploadResponse,
  SummaryResponse,
  SupplyEditResponse,
} from '../../src/contract/api-types.ts';
import { CompanyEditSchema, ErrorSchema, NetworkUploadSchema, SupplyEditSchema } from '../../src/contract/schemas.ts';
import type { AuditEntry } from '../../src/auth/audit-log.ts';
import { auditText, chain, get, leaksInternals, send, serveNetwork } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;

beforeEach(async () => {
  server = await serveNetwork(chain, { limits: { uploadRows: 50, uploadBytes: '64kb' } });
});
afterEach(() => server.close());

const version = async (): Promise<string> => (await get<SummaryResponse>(server.url, '/api/summary')).body.version;
const summary = async (): Promise<SummaryResponse> => (await get<SummaryResponse>(server.url, '/api/summary')).body;

async function auditLines(): Promise<AuditEntry[]> {
  await server.auth.audit.flush();
  const text = await auditText(server.auth.dir).catch(() => '');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as AuditEntry);
}

function expectError(
  a: { status: number; body: unknown; text: string },
  status: number,
  code: ApiError['error']['code'],
): ApiError['error'] {
  expect(a.status, a.text).toBe(status);
  const { error } = ErrorSchema.parse(a.body);
  expect(error.code).toBe(code);
  expect(leaksInternals(a.text), a.text).toBe(false);
  return error;
}

const COMPANY_ROWS = [
  { id: 'oem', name: 'OEM', focal: true, revenue: 500, security_score: 90 },
  { id: 'sup', name: 'Supplier', security_score: 20 },
];
const SUPPLY_ROWS = [{ supplier: 'sup', buyer: 'oem', commodity: 'parts' }];

describe('PUT /api/network', () => {
  it('refuses a network with errors, lists every issue located, and keeps the previous network', async () => {
    const before = await summary();
    const bad = await send('PUT', server.url, '/api/network', {
      companies: [{ id: 'oem', scs_level: 9 }, { id: 'oem' }, { name: 'no id' }],
      supplies: [{ supplier: 'ghost', buyer: 'oem', commodity: 'parts', share: 2 }],
    });
    const error = expectError(bad, 400, 'bad_request');
    expect(error.message).toMatch(/errors in the network; nothing was loaded/);
    const issues = error.issues!;
    expect(issues.length).toBeGreaterThanOrEqual(4);
    for (const issue of issues) {
      expect(['companies.json', 'supplies.json']).toContain(issue.file);
      expect(issue.field, JSON.stringify(issue)).toMatch(/^\[\d+\]/);
    }
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['[0].scs_level', '[1].id', '[0].supplier', '[0].share']),
    );
    expect(await summary()).toEqual(before);
  });

  it('refuses CSV with errors, located by line and column', async () => {
    const bad = await send('PUT', server.url, '/api/network', {
      format: 'csv',
      companies: 'id,scs_level\noem,x\n',
      supplies: 'supplier,buyer,commodity\noem,oem,parts\n',
    });
    const { issues } = expectError(bad, 400, 'bad_request');
    expect(issues).toEqual([
      expect.objectContaining({ file: 'companies.csv', line: 2, column: 2, field: 'scs_level' }),
      expect.objectContaining({ file: 'supplies.csv', line: 2 }),
    ]);
    expect((await summary()).companies).toBe(7);
  });

  it('refuses a body of the wrong shape, naming the field', async () => {
    expect(
      expectError(
        await send('PUT', server.url, '/api/network', { format: 'csv', companies: [], supplies: '' }),
        400,
        'bad_request',
      ).message,
    ).toMatch(/^companies: /);
    expect(
      expectError(
        await send('PUT', server.url, '/api/network', { companies: 'id\na\n', supplies: [] }),
        400,
        'bad_request',
      ).field,
    ).toBe('companies');
    expect(
      expectError(
        await send('PUT', server.url, '/api/network', { companies: [], supplies: [], extra: 1 }),
        400,
        'bad_request',
      ).field,
    ).toBe('extra');
    expect(
      expectError(await send('PUT', server.url, '/api/network', { companies: [7], supplies: [] }), 400, 'bad_request')
        .field,
    ).toBe('companies');
  });

  it('answers 413 above the row limit, before and after parsing', async () => {
    const rows = Array.from({ length: 51 }, (_, i) => ({ id: `c${i}` }));
    expect(
      expectError(
        await send('PUT', server.url, '/api/network', { companies: rows, supplies: [] }),
        413,
        'payload_too_large',
      ).message,
    ).toMatch(/51 rows .* at most 50/);
    const csv = `id\n${rows.map((r) => r.id).join('\n')}\n`;
    expectError(
      await send('PUT', server.url, '/api/network', {
        format: 'csv',
        companies: csv,
        supplies: 'supplier,buyer,commodity\n',
      }),
      413,
      'payload_too_large',
    );
    expect((await summary()).companies).toBe(7);
  });

  it('answers 413 above the upload body limit, which applies to this route only', async () => {
    const big = {
      format: 'csv',
      companies: `id,name\na,${'x'.repeat(70 * 1024)}\n`,
      supplies: 'supplier,buyer,commodity\n',
    };
    expectError(await send('PUT', server.url, '/api/network', big), 413, 'payload_too_large');
    const under = {
      format: 'csv',
      companies: `id,name\na,${'x'.repeat(50 * 1024)}\n`,
      supplies: 'supplier,buyer,commodity\n',
    };
    expect((await send('PUT', server.url, '/api/network', under)).status).toBe(200);
  });

  it('replaces the network with valid JSON rows; the analysis follows the new version', async () => {
    const before = await version();
    const { status, body, text } = await send<NetworkUploadResponse>('PUT', server.url, '/api/network', {
      companies: COMPANY_ROWS,
      supplies: SUPPLY_ROWS,
    });
    expect(status, text).toBe(200);
    NetworkUploadSchema.parse(body);
    expect(body).toMatchObject({ previousVersion: before, companies: 2, supplies: 1, warnings: [] });
    expect(body.version).not.toBe(before);
    expect(await summary()).toMatchObject({
      version: body.version,
      companies: 2,
      supplies: 1,
      focal: [{ id: 'oem', name: 'OEM' }],
    });
    const oem = (await get<CompanyDetailResponse>(server.url, '/api/companies/oem')).body;
    expect(oem.company.effectiveScore).toBe(20);
    expect(oem.criticalSuppliers.map((c) => c.id)).toEqual(['sup']);
  });

  it('replaces the network with CSV texts, and returns the warnings', async () => {
    const { status, body } = await send<NetworkUploadResponse>('PUT', server.url, '/api/network', {
      format: 'csv',
      companies: 'id,focal,colour\noem,true,red\nsup,,blue\n',
      supplies: 'supplier,buyer,commodity\nsup,oem,parts\n',
    });
    expect(status).toBe(200);
    expect(body.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'companies.csv', line: 1, field: 'colour' }),
    ]);
    expect((await summary()).companies).toBe(2);
  });

  it('with a version, replaces only that version (409 otherwise)', async () => {
    const stale = await version();
    expect(
      (
        await send('PUT', server.url, '/api/network', {
          companies: COMPANY_ROWS,
          supplies: SUPPLY_ROWS,
          version: stale,
        })
      ).status,
    ).toBe(200);
    const error = expectError(
      await send('PUT', server.url, '/api/network', { companies: COMPANY_ROWS, supplies: [], version: stale }),
      409,
      'conflict',
    );
    expect(error.message).toMatch(/changed since version/);
    expect((await summary()).supplies).toBe(1);
  });
});

describe('PATCH /api/companies/{id}', () => {
  it('refuses bad input, an unknown id and a stale version, changing nothing', async () => {
    const v = await version();
    expect(
      expectError(await send('PATCH', server.url, '/api/companies/castco', { version: v }), 400, 'bad_request').field,
    ).toBe('scsLevel');
    expect(
      expectError(
        await send('PATCH', server.url, '/api/companies/castco', { version: v, scsLevel: 6 }),
        400,
        'bad_request',
      ).field,
    ).toBe('scsLevel');
    expect(
      expectError(
        await send('PATCH', server.url, '/api/companies/castco', { version: v, securityScore: 101 }),
        400,
        'bad_request',
      ).field,
    ).toBe('securityScore');
    expect(
      expectError(await send('PATCH', server.url, '/api/companies/castco', { scsLevel: 3 }), 400, 'bad_request').field,
    ).toBe('version');
    expect(
      expectError(
        await send('PATCH', server.url, '/api/companies/castco', { version: v, scsLevel: 3, name: 'x' }),
        400,
        'bad_request',
      ).field,
    ).toBe('name');
    expect(
      expectError(
        await send('PATCH', server.url, '/api/companies/nobody', { version: v, scsLevel: 3 }),
        404,
        'not_found',
      ).field,
    ).toBe('id');
    expectError(
      await send('PATCH', server.url, '/api/companies/castco', { version: `${v}-old`, scsLevel: 3 }),
      409,
      'conflict',
    );
    expect(await version()).toBe(v);
  });

  it('sets the level and the score; the analysis is recomputed for the new version', async () => {
    const v = await version();
    const { status, body } = await send<CompanyEditResponse>('PATCH', server.url, '/api/companies/foundry', {
      version: v,
      scsLevel: 4,
    });
    expect(status).toBe(200);
    CompanyEditSchema.parse(body);
    expect(body).toMatchObject({
      previousVersion: v,
      company: { id: 'foundry', scsLevel: 4, securityScore: null },
      previous: { scsLevel: null, securityScore: null },
    });
    expect(body.version).not.toBe(v);
    const foundry = (await get<CompanyDetailResponse>(server.url, '/api/companies/foundry')).body.company;
    expect(foundry).toMatchObject({ ownLevel: 4, ownScore: 80, unassessed: false });
    const cleared = await send<CompanyEditResponse>('PATCH', server.url, '/api/companies/logi', {
      version: body.version,
      securityScore: null,
      scsLevel: 2,
    });
    expect(cleared.body).toMatchObject({
      company: { scsLevel: 2, securityScore: null },
      previous: { scsLevel: null, securityScore: 25 },
    });
    expect((await get<CompanyDetailResponse>(server.url, '/api/companies/logi')).body.company.ownScore).toBe(40);
  });

  it('keeps the version when nothing changes', async () => {
    const v = await version();
    const { body } = await send<CompanyEditResponse>('PATCH', server.url, '/api/companies/castco', {
      version: v,
      securityScore: 62,
    });
    expect(body.version).toBe(v);
  });

  it('lets exactly one of two concurrent edits of one version win; the other is a 409', async () => {
    const v = await version();
    const answers = await Promise.all([
      send('PATCH', server.url, '/api/companies/castco', { version: v, scsLevel: 5 }),
      send('PATCH', server.url, '/api/companies/seatA', { version: v, scsLevel: 5 }),
      send('PATCH', server.url, '/api/supplies', {
        version: v,
        supplier: 'seatA',
        buyer: 'oem',
        commodity: 'seats',
        share: 0.5,
      }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const winner = answers.findIndex((a) => a.status === 200);
    const detail = async (id: string) => (await get<CompanyDetailResponse>(server.url, `/api/companies/${id}`)).body;
    expect((await detail('castco')).company.ownLevel === 5).toBe(winner === 0);
    expect((await detail('seatA')).company.ownLevel === 5).toBe(winner === 1);
    expect((await detail('oem')).suppliers.find((s) => s.id === 'seatA')!.share === 0.5 / 0.9).toBe(winner === 2);
  });
});

describe('PATCH /api/supplies', () => {
  it('refuses breaking the all-or-none share rule of a group, an unknown supply and bad shares', async () => {
    const split = {
      ...chain,
      supplies: [
        ...chain.supplies,
        {
          supplier: 'foundry',
          buyer: 'castco',
          commodity: 'logistics',
          share: null,
          spend: null,
          access: null,
          bufferDays: null,
        },
      ],
    };
    await server.store.load(split);
    const v = await version();
    const mixed = expectError(
      await send('PATCH', server.url, '/api/supplies', {
        version: v,
        supplier: 'logi',
        buyer: 'castco',
        commodity: 'logistics',
        share: 0.5,
      }),
      400,
      'bad_request',
    );
    expect(mixed).toMatchObject({ field: 'share' });
    expect(mixed.message).toMatch(
      /the other 1 supply of "logistics" to "castco" have no share; a group's shares are all given or all missing/,
    );
    const clear = expectError(
      await send('PATCH', server.url, '/api/supplies', {
        version: v,
        supplier: 'seatA',
        buyer: 'oem',
        commodity: 'seats',
        share: null,
      }),
      400,
      'bad_request',
    );
    expect(clear.message).toMatch(/the other 1 supply of "seats" to "oem" have a share/);
    expectError(
      await send('PATCH', server.url, '/api/supplies', {
        version: v,
        supplier: 'foam',
        buyer: 'oem',
        commodity: 'seats',
        share: 0.5,
      }),
      404,
      'not_found',
    );
    for (const share of [0, 1.01, -0.1, '0.5']) {
      expect(
        expectError(
          await send('PATCH', server.url, '/api/supplies', {
            version: v,
            supplier: 'seatA',
            buyer: 'oem',
            commodity: 'seats',
            share,
          }),
          400,
          'bad_request',
        ).field,
      ).toBe('share');
    }
    expect(await version()).toBe(v);
  });

  it('sets the share as given, warns when the group no longer sums to 1, and the analysis scales it', async () => {
    const v = await version();
    const { status, body } = await send<SupplyEditResponse>('PATCH', server.url, '/api/supplies', {
      version: v,
      supplier: 'seatA',
      buyer: 'oem',
      commodity: 'seats',
      share: 0.2,
    });
    expect(status).toBe(200);
    SupplyEditSchema.parse(body);
    expect(body).toMatchObject({
      previousVersion: v,
      supply: { share: 0.2 },
      previous: { share: 0.6 },
      group: { buyer: 'oem', commodity: 'seats', supplies: 2 },
    });
    expect(body.group.shareSum).toBeCloseTo(0.6);
    expect(body.warnings).toEqual([expect.stringMatching(/sum to 0\.6, not 1/)]);
    const oem = (await get<CompanyDetailResponse>(server.url, '/api/companies/oem')).body;
    expect(oem.suppliers.find((s) => s.id === 'seatA')!.share).toBeCloseTo(0.2 / 0.6);
    expectError(
      await send('PATCH', server.url, '/api/supplies', {
        version: v,
        supplier: 'seatA',
        buyer: 'oem',
        commodity: 'seats',
        share: 0.3,
      }),
      409,
      'conflict',
    );
  });

  it('sets a single-supply group share, and clears it again', async () => {
    const v = await version();
    const set = await send<SupplyEditResponse>('PATCH', server.url, '/api/supplies', {
      version: v,
      supplier: 'foam',
      buyer: 'seatB',
      commodity: 'foam',
      share: 1,
    });
    expect(set.body).toMatchObject({ group: { supplies: 1, shareSum: 1 }, warnings: [] });
    const clear = await send<SupplyEditResponse>('PATCH', server.url, '/api/supplies', {
      version: set.body.version,
      supplier: 'foam',
      buyer: 'seatB',
      commodity: 'foam',
      share: null,
    });
    expect(clear.body).toMatchObject({ supply: { share: null }, group: { shareSum: null } });
  });
});

describe('the audit log', () => {
  it('writes each write ahead: its intent before the change, its outcome after it (one id); refusals in one line; never a token', async () => {
    const v = await version();
    await send(
      'PATCH',
      server.url,
      '/api/companies/castco',
      { version: v, scsLevel: 5 },
      { token: server.auth.analyst },
    );
    await send(
      'PATCH',
      server.url,
      '/api/companies/castco',
      { version: v, scsLevel: 1 },
      { token: server.auth.analyst },
    );
    await send(
      'PUT',
      server.url,
      '/api/network',
      { companies: COMPANY_ROWS, supplies: SUPPLY_ROWS },
      { token: server.auth.viewer },
    );
    await send('PUT', server.url, '/api/network', { companies: COMPANY_ROWS, supplies: SUPPLY_ROWS }, { token: null });
    await get(server.url, '/api/summary');
    await send('POST', server.url, '/api/simulate', { hit: ['logi'] });
    const all = await auditLines();
    expect(
      all.map(({ phase, token, role, method, path, status }) => ({ phase, token, role, method, path, status })),
    ).toEqual([
      {
        phase: 'intent',
        token: 'analyst-1',
        role: 'analyst',
        method: 'PATCH',
        path: '/api/companies/castco',
        status: 0,
      },
      {
        phase: 'outcome',
        token: 'analyst-1',
        role: 'analyst',
        method: 'PATCH',
        path: '/api/companies/castco',
        status: 200,
      },
      {
        phase: 'intent',
        token: 'analyst-1',
        role: 'analyst',
        method: 'PATCH',
        path: '/api/companies/castco',
        status: 0,
      },
      {
        phase: 'outcome',
        token: 'analyst-1',
        role: 'analyst',
        method: 'PATCH',
        path: '/api/companies/castco',
        status: 409,
      },
      { phase: 'refused', token: 'viewer-1', role: 'viewer', method: 'PUT', path: '/api/network', status: 403 },
      // Writes without a valid token: one summary line per address (F6), not the request.
      { phase: undefined, token: null, role: null, method: '*', path: '*', status: 401 },
    ]);
    expect(all[0]!.id).toBe(all[1]!.id);
    expect(all[2]!.id).toBe(all[3]!.id);
    expect(all[0]!.id).not.toBe(all[2]!.id);
    const lines = all.filter((l) => l.phase !== 'intent');
    expect(lines[3]).toMatchObject({ refused: 1, address: expect.stringMatching(/127\.0\.0\.1/) });
    expect(lines[0]!.address).toMatch(/127\.0\.0\.1/);
    expect(lines[0]!.change).toEqual({
      company: 'castco',
      from: { scsLevel: null, securityScore: 62 },
      to: { scsLevel: 5, securityScore: 62 },
    });
    expect(lines.slice(1).every((l) => l.change === null)).toBe(true);
    expect(Date.parse(lines[0]!.time)).toBeGreaterThan(Date.now() - 60_000);
    const text = await auditText(server.auth.dir);
    for (const token of [server.auth.admin, server.auth.analyst, server.auth.viewer]) expect(text).not.toContain(token);
    expect(text).not.toMatch(/wl_[A-Za-z0-9_-]{20}/);
  });
});

describe('the audit log is write-ahead (issue 13, F5)', () => {
  it('a write whose intent cannot be logged is refused (503) and changes nothing', async () => {
    const before = await version();
    // The audit log's database refuses every write, as on a full disk.
    const { db } = server.auth.audit.workspace;
    db.pragma('query_only = 1');
    const edit = await send(
      'PATCH',
      server.url,
      '/api/companies/castco',
      { version: before, scsLevel: 5 },
      { token: server.auth.analyst },
    ).finally(() => db.pragma('query_only = 0'));
    expect(edit.status).toBe(503);
    expect(edit.text).toMatch(/the audit log cannot be written .*; nothing was changed/);
    expect(await version()).toBe(before);
    expect(
      (await get<{ company: { ownScore: number } }>(server.url, '/api/companies/castco')).body.company.ownScore,
    ).toBe(62);
  });
});

describe('GET /api/me', () => {
  it("answers each caller's own token name and role, never a token", async () => {
    for (const [token, name, role] of [
      [server.auth.viewer, 'viewer-1', 'viewer'],
      [server.auth.analyst, 'analyst-1', 'analyst'],
      [server.auth.admin, 'admin-1', 'admin'],
    ] as const) {
      const res = await get(server.url, '/api/me', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ name, role });
    }
  });
});
