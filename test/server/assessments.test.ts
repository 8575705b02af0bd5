/**
 * GET and POST /api/assessments through the app in process: a recorded assessment is
 * checked by the rules of assessments.csv (a 400 naming the field, nothing changed), makes
 * a new version whose levels and lapsing list follow it, and is audited; the list is in
 * company order, newest first, with statuses as of the date; PATCH scsLevel of an assessed
 * company is a 409; PUT /api/network carries an assessments table.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/auth/audit-log.ts';
import type {
  ApiError,
  AssessmentListResponse,
  AssessmentRecordResponse,
  CompanyDetailResponse,
  SummaryResponse,
} from '../../src/contract/api-types.ts';
import {
  AssessmentListSchema,
  AssessmentRecordSchema,
  ErrorSchema,
  LapsingListSchema,
} from '../../src/contract/schemas.ts';
import type { Network } from '../../src/model/types.ts';
import { net } from '../helpers/network.ts';
import { auditText, get, leaksInternals, send, serveNetwork } from './helpers.ts';

/** oem ← t1 ← t2; t1 holds ★3 until 2027-04-30; oem's level is set in companies, t2's too. */
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
    { company: 't1', level: 3, method: 'expert', assessedOn: '2026-05-01', validUntil: '2027-04-30', evidence: null },
  ],
};

let server: Awaited<ReturnType<typeof serveNetwork>>;
beforeEach(async () => {
  server = await serveNetwork(network);
});
afterEach(() => server.close());

const version = async (): Promise<string> => (await get<SummaryResponse>(server.url, '/api/summary')).body.version;
const record = (body: unknown, token = server.auth.analyst) =>
  send<AssessmentRecordResponse>('POST', server.url, '/api/assessments', body, { token });
const list = (query = '') => get<AssessmentListResponse>(server.url, `/api/assessments${query}`);

function expectError(a: { status: number; body: unknown; text: string }, status: number): ApiError['error'] {
  expect(a.status, a.text).toBe(status);
  expect(leaksInternals(a.text), a.text).toBe(false);
  return ErrorSchema.parse(a.body).error;
}

const VALID = { company: 't2', level: 3, method: 'expert', assessedOn: '2026-06-01' };

describe('POST /api/assessments', () => {
  it('refuses each broken rule of assessments.csv with a 400 naming the field and what to do, changing nothing', async () => {
    const before = await version();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ company: 'ghost' }, 'company', /^company "ghost" is not a company id of the network; correct the id/],
      [{ company: 'oemm' }, 'company', /did you mean "oem"\?/],
      [{ company: '' }, 'company', /company is empty; give the id of the company that was assessed/],
      [{ level: 7 }, 'level', /level must be a whole number from 1 to 5, got "7"; give 1–2 for SECURITY ACTION/],
      [{ level: 2.5 }, 'level', /level must be a whole number from 1 to 5, got "2\.5"/],
      [{ level: '3' }, 'level', /^level: /],
      [
        { assessedOn: '2026-02-30' },
        'assessedOn',
        /assessedOn must be an ISO date \(YYYY-MM-DD\), got "2026-02-30"; write a real/,
      ],
      [{ assessedOn: '' }, 'assessedOn', /assessedOn is empty/],
      [{ validUntil: '2026/12/31' }, 'validUntil', /validUntil must be an ISO date/],
      [
        { validUntil: '2026-05-31' },
        'validUntil',
        /validUntil 2026-05-31 is before assessedOn 2026-06-01; correct one of the dates, or leave validUntil empty/,
      ],
      [{ level: 4, method: 'self' }, 'method', /method self cannot earn ★4; ★4 is earned by third-party/],
      [{ level: 3, method: 'self' }, 'method', /only "ready for ★3"/],
      [
        { method: 'auditor' },
        'method',
        /method must be one of self, expert, third-party, got "auditor"; or leave it empty/,
      ],
      [{ version: before }, 'version', /version/],
    ];
    for (const [change, field, message] of cases) {
      const error = expectError(await record({ ...VALID, ...change }), 400);
      expect([error.code, error.field], JSON.stringify(change)).toEqual(['bad_request', field]);
      expect(error.message, JSON.stringify(change)).toMatch(message);
    }
    const { assessedOn: _on, ...missing } = VALID;
    expect(expectError(await record(missing), 400).field).toBe('assessedOn');
    expect(await version()).toBe(before);
    expect((await list()).body.assessments).toHaveLength(1);
  });

  it('answers 201 with the new version and the assessment resolved; levels, lapsing list and the list follow it', async () => {
    const before = await version();
    expect(
      (await get<CompanyDetailResponse>(server.url, '/api/companies/t2?asOf=2026-07-01')).body.company.ownLevel,
    ).toBe(4);
    const answer = await record({ ...VALID, evidence: 'https://example.org/scs/t2' });
    expect(answer.status, answer.text).toBe(201);
    const body = AssessmentRecordSchema.parse(answer.body);
    expect(body.version).not.toBe(before);
    expect(await version()).toBe(body.version);
    // No validUntil: assessedOn + the ★3 validity (1 year); status as of today (after 2026-06-01, before 2027-06-01).
    expect(body.assessment).toEqual({
      company: 't2',
      level: 3,
      method: 'expert',
      assessedOn: '2026-06-01',
      validUntil: '2027-06-01',
      validUntilGiven: false,
      evidence: 'https://example.org/scs/t2',
      status: new Date().toISOString().slice(0, 10) > '2027-06-01' ? 'lapsed' : 'valid',
    });
    const dated = await record(
      { ...VALID, company: 'oem', level: 5, method: 'third-party', validUntil: '2030-01-01' },
      server.auth.admin,
    );
    expect(dated.status).toBe(201);
    expect(dated.body.assessment).toMatchObject({ validUntil: '2030-01-01', validUntilGiven: true, evidence: null });

    // t2's level now comes from its assessments: ★3 until 2027-06-01, none after.
    const level = async (asOf: string) =>
      (await get<CompanyDetailResponse>(server.url, `/api/companies/t2?asOf=${asOf}`)).body.company;
    expect((await level('2026-07-01')).ownLevel).toBe(3);
    expect(await level('2026-05-31')).toMatchObject({ ownLevel: 0, unassessed: true });
    expect(await level('2027-06-02')).toMatchObject({ ownLevel: 0, unassessed: true });
    const lapsing = LapsingListSchema.parse(
      (await get(server.url, '/api/analysis/lapsing?asOf=2027-04-01&limit=10')).body,
    );
    expect(lapsing.items.map((x) => [x.id, x.validUntil])).toEqual(
      expect.arrayContaining([
        ['t1', '2027-04-30'],
        ['t2', '2027-06-01'],
      ]),
    );
    const listed = AssessmentListSchema.parse((await list('?asOf=2026-07-01')).body);
    expect(listed.assessments.map((a) => a.company)).toEqual(['oem', 't1', 't2']);
  });

  it('writes the intent and the outcome (201, the assessment) to the audit log; a viewer is refused', async () => {
    expect(expectError(await record(VALID, server.auth.viewer), 403).code).toBe('forbidden');
    expect((await record(VALID)).status).toBe(201);
    await server.auth.audit.flush();
    const lines = (await auditText(server.auth.dir))
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as AuditEntry)
      .filter((l) => l.path === '/api/assessments');
    expect(lines.map((l) => [l.phase, l.token, l.status])).toEqual([
      ['refused', 'viewer-1', 403],
      ['intent', 'analyst-1', 0],
      ['outcome', 'analyst-1', 201],
    ]);
    expect(lines[1]!.id).toBe(lines[2]!.id);
    expect(lines[2]!.change).toMatchObject({ assessment: { company: 't2', level: 3, assessedOn: '2026-06-01' } });
  });

  it('gives a network without an assessments table one: the company assessed takes its level from it, the others keep theirs', async () => {
    const plain: Network = { companies: network.companies, supplies: network.supplies };
    await server.store.load(plain);
    expect((await list()).body.assessments).toEqual([]);
    expect((await record({ ...VALID, company: 't1', level: 1, method: 'self' })).status).toBe(201);
    expect((await server.store.read()).assessments).toHaveLength(1);
    const company = async (id: string) =>
      (await get<CompanyDetailResponse>(server.url, `/api/companies/${id}?asOf=2026-07-01`)).body.company.ownLevel;
    expect([await company('t1'), await company('t2')]).toEqual([1, 4]);
  });
});

describe('GET /api/assessments', () => {
  const many: Network = {
    ...network,
    assessments: [
      {
        company: 't2',
        level: 3,
        method: 'expert',
        assessedOn: '2025-01-01',
        validUntil: '2025-12-31',
        evidence: 'old',
      },
      { company: 't1', level: 3, method: 'expert', assessedOn: '2026-05-01', validUntil: '2027-04-30', evidence: null },
      { company: 't2', level: 4, method: 'third-party', assessedOn: '2026-03-01', validUntil: null, evidence: null },
      { company: 'oem', level: 5, method: 'third-party', assessedOn: '2027-01-01', validUntil: null, evidence: null },
      { company: 't2', level: 2, method: 'self', assessedOn: '2026-03-01', validUntil: null, evidence: 'later row' },
    ],
  };

  it('lists in company order, newest first (the later row first on one day), with statuses as of the date', async () => {
    await server.store.load(many);
    const answer = await list('?asOf=2026-06-01');
    expect(answer.status).toBe(200);
    const body = AssessmentListSchema.parse(answer.body);
    expect(body.asOf).toBe('2026-06-01');
    expect(body.assessments.map((a) => [a.company, a.level, a.assessedOn, a.validUntil, a.status])).toEqual([
      ['oem', 5, '2027-01-01', '2030-01-01', 'not-yet'],
      ['t1', 3, '2026-05-01', '2027-04-30', 'valid'],
      ['t2', 2, '2026-03-01', '2028-03-01', 'valid'],
      ['t2', 4, '2026-03-01', '2029-03-01', 'valid'],
      ['t2', 3, '2025-01-01', '2025-12-31', 'lapsed'],
    ]);
    expect(body.assessments.map((a) => a.validUntilGiven)).toEqual([false, true, false, false, true]);
    const later = AssessmentListSchema.parse((await list('?asOf=2027-05-01&company=t1')).body);
    expect(later.assessments.map((a) => [a.company, a.status])).toEqual([['t1', 'lapsed']]);
  });

  it('answers 404 naming an unknown company, 400 for a bad asOf or an unknown parameter, and an empty list without assessments', async () => {
    const unknown = expectError(await list('?company=ghost'), 404);
    expect([unknown.field, unknown.message]).toEqual(['company', expect.stringMatching(/Unknown company id "ghost"/)]);
    expect(expectError(await list('?asOf=2026-13-01'), 400).message).toMatch(/asOf/);
    expect(expectError(await list('?since=2026-01-01'), 400).field).toBe('since');
    await server.store.load({ companies: network.companies, supplies: network.supplies });
    expect((await list('?company=t1')).body.assessments).toEqual([]);
  });
});

describe('PATCH /api/companies/{id} on an assessed company', () => {
  it('answers 409 for scsLevel, saying to record an assessment; securityScore alone, and others, still change', async () => {
    const before = await version();
    const refused = expectError(
      await send(
        'PATCH',
        server.url,
        '/api/companies/t1',
        { version: before, scsLevel: 4 },
        { token: server.auth.analyst },
      ),
      409,
    );
    expect(refused.message).toMatch(/level of "t1" comes from its assessments.*POST \/api\/assessments/);
    expect(await version()).toBe(before);
    const score = await send(
      'PATCH',
      server.url,
      '/api/companies/t1',
      { version: before, securityScore: 55 },
      { token: server.auth.analyst },
    );
    expect(score.status, score.text).toBe(200);
    const other = await send(
      'PATCH',
      server.url,
      '/api/companies/t2',
      { version: await version(), scsLevel: 1 },
      { token: server.auth.analyst },
    );
    expect(other.status, other.text).toBe(200);
  });
});

describe('PUT /api/network with assessments', () => {
  const companies = [
    { id: 'oem', focal: true, revenue: 500 },
    { id: 'sup', scs_level: 1 },
  ];
  const supplies = [{ supplier: 'sup', buyer: 'oem', commodity: 'parts' }];

  it('loads the assessments table of JSON rows or CSV text; without one the network has none', async () => {
    const json = await send<{ assessments?: number }>('PUT', server.url, '/api/network', {
      companies,
      supplies,
      assessments: [{ company: 'sup', level: 3, method: 'expert', assessed_on: '2026-04-01', evidence: 'E-1' }],
    });
    expect(json.status, json.text).toBe(200);
    expect(json.body.assessments).toBe(1);
    expect((await server.store.read()).assessments).toEqual([
      { company: 'sup', level: 3, method: 'expert', assessedOn: '2026-04-01', validUntil: null, evidence: 'E-1' },
    ]);
    const csv = await send('PUT', server.url, '/api/network', {
      format: 'csv',
      companies: 'id,focal\noem,true\nsup,\n',
      supplies: 'supplier,buyer,commodity\nsup,oem,parts\n',
      assessments: 'company,level,method,assessed_on,valid_until\nsup,4,third-party,2026-02-01,2029-01-31\n',
    });
    expect(csv.status, csv.text).toBe(200);
    expect((await list('?company=sup&asOf=2026-06-01')).body.assessments).toMatchObject([
      { level: 4, validUntil: '2029-01-31', status: 'valid' },
    ]);
    const none = await send<{ assessments?: number }>('PUT', server.url, '/api/network', { companies, supplies });
    expect(none.status).toBe(200);
    expect(none.body).not.toHaveProperty('assessments');
    expect('assessments' in (await server.store.read())).toBe(false);
  });

  it("loads a workbook's sheet 評価 (assessments); an assessments table beside a workbook is a 400", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('取引先').addRows([
      ['id', 'focal'],
      ['oem', true],
      ['sup', null],
    ]);
    book.addWorksheet('取引').addRows([
      ['supplier', 'buyer', 'commodity'],
      ['sup', 'oem', 'ばね'],
    ]);
    book.addWorksheet('評価').addRows([
      ['company', 'level', 'method', 'assessed_on', 'evidence'],
      ['sup', 3, 'expert', '2026-07-01', '確認書 7'],
    ]);
    const workbook = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const both = await send('PUT', server.url, '/api/network', { format: 'xlsx', workbook, assessments: [] });
    expect(expectError(both, 400).field).toBe('assessments');
    const answer = await send<{ assessments?: number }>('PUT', server.url, '/api/network', {
      format: 'xlsx',
      workbook,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.assessments).toBe(1);
    expect((await list('?asOf=2026-08-01')).body.assessments).toMatchObject([
      { company: 'sup', level: 3, validUntil: '2027-07-01', evidence: '確認書 7', status: 'valid' },
    ]);
  });

  it('refuses a bad assessment row located in assessments.json, loading nothing', async () => {
    const before = await version();
    const answer = await send('PUT', server.url, '/api/network', {
      companies,
      supplies,
      assessments: [{ company: 'sup', level: 4, method: 'self', assessed_on: '2026-04-01' }],
    });
    expect(answer.status).toBe(400);
    const { issues } = ErrorSchema.parse(answer.body).error;
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'assessments.json',
        field: '[0].method',
        message: expect.stringMatching(/cannot earn ★4/),
      }),
    ]);
    expect(await version()).toBe(before);
  });
});
