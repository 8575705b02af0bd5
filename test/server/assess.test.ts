/**
 * POST /api/assess through the app on port 0: an analyst uploads the blank catalogue and
 * two suppliers' workbooks (base64) and gets the exact counts and criterion ranking
 * weighted by the suppliers' risk contributions; a viewer is refused; an unknown company
 * and a hostile workbook are one 400 naming file, sheet and cell; the answer carries the
 * full criteria × suppliers matrix; ?format=xlsx answers the three tables as a workbook and
 * ?format=csv&table=matrix the matrix alone.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessSummary } from '../../src/assess/summary.ts';
import { CRITERIA, filled, officialWorkbook } from '../unit/assess/helpers.ts';
import { get, post, serveNetwork } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;
beforeAll(async () => {
  server = await serveNetwork();
});
afterAll(() => server.close());

const b64 = (b: Buffer): string => b.toString('base64');

async function body(extra: { file: string; company: string; content: string }[] = []) {
  return {
    catalog: { file: 'blank.xlsx', content: b64(await officialWorkbook(CRITERIA)) },
    workbooks: [
      {
        file: 'logi.xlsx',
        company: 'logi',
        content: b64(await officialWorkbook(filled({ '1-1-1-1': '✖', '4-1-3-2': '△' }))),
      },
      { file: 'foam.xlsx', company: 'foam', content: b64(await officialWorkbook(filled({ '4-1-3-2': '✖' }))) },
      ...extra,
    ],
  };
}

describe('POST /api/assess', () => {
  it('answers per supplier and per criterion, weighted by risk contribution', async () => {
    const risk = await get<{ items: { id: string; riskContribution: number }[] }>(
      server.url,
      '/api/companies?limit=100',
    );
    expect(risk.status).toBe(200);
    const r = (id: string): number => risk.body.items.find((c) => c.id === id)!.riskContribution;
    expect(r('logi')).toBeGreaterThan(0);
    expect(r('foam')).toBeGreaterThan(0);
    const res = await post<AssessSummary>(server.url, '/api/assess', await body(), 'application/json', {
      token: server.auth.analyst,
    });
    expect(res.status).toBe(200);
    expect(res.body.suppliers.find((s) => s.company === 'logi')).toMatchObject({
      star3: { met: 0, partly: 1, 'not-met': 1, unanswered: 3 },
      readyForStar3: false,
      unmet: ['1-1-1-1', '4-1-3-2'],
    });
    const top = res.body.criteria[0]!;
    expect([top.id, top.failing, top.notMet, top.partly]).toEqual(['4-1-3-2', 2, 1, 1]);
    expect(top.riskContribution).toBeCloseTo(r('logi') + r('foam'), 3);
    expect(res.body.criteria[1]!.id).toBe('1-1-1-1');
    expect(res.body.catalog.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The full matrix: every supplier's answer to every criterion, in catalogue order.
    const answers = Object.fromEntries(res.body.suppliers.map((s) => [s.company, s.answers]));
    expect(answers).toEqual({ logi: 'x-p----', foam: '--x----' });
    expect(res.body.criteria.map((c) => [c.id, c.position])).toEqual([
      ['4-1-3-2', 2],
      ['1-1-1-1', 0],
      ['2-1-1-1', 1],
      ['3-1-1-1', 5],
      ['4-2-1-1', 3],
      ['5-1-1-1', 6],
      ['6-1-1-1', 4],
    ]);
  });

  it('is refused to a viewer', async () => {
    const res = await post(server.url, '/api/assess', await body(), 'application/json', { token: server.auth.viewer });
    expect(res.status).toBe(403);
  });

  it('refuses an unknown company and a hostile workbook in one 400 naming the cells', async () => {
    const evil = await officialWorkbook(
      CRITERIA.map((l) => (l.id === '2-1-1-1' ? { ...l, answer: { formula: '"○"', result: '○' } } : l)),
    );
    const res = await post<{
      error: { issues: { file: string; sheet?: string; line?: number; column?: number; message: string }[] };
    }>(
      server.url,
      '/api/assess',
      await body([
        { file: 'ghost.xlsx', company: 'ghost', content: b64(evil) },
        { file: 'evil.xlsx', company: 'oem', content: b64(evil) },
      ]),
      'application/json',
      { token: server.auth.analyst },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => [i.file, i.sheet, i.line, i.column, i.message])).toEqual([
      ['ghost.xlsx', undefined, undefined, undefined, 'company id "ghost" is not in the network'],
      ['evil.xlsx', '評価基準', 4, 15, 'holds a formula; type the self-assessment (○ △ ✖) instead'],
    ]);
  });

  it('answers the matrix alone as CSV with ?format=csv&table=matrix', async () => {
    const res = await fetch(`${server.url}/api/assess?format=csv&table=matrix`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.auth.analyst}`, 'content-type': 'application/json' },
      body: JSON.stringify(await body()),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('assess-matrix.csv');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()).split(/\r?\n/);
    expect(lines[0]).toMatch(
      /^\uFEFFcriterion,level,category,text,failing suppliers,risk of failing suppliers \(¥ per year\),.+ \((logi|foam)\),.+ \((logi|foam)\)$/,
    );
    const logiFirst = lines[0]!.indexOf('(logi)') < lines[0]!.indexOf('(foam)');
    const cells = (line: string) => line.split(',').slice(-2);
    const row = (id: string) => cells(lines.find((l) => l.startsWith(`${id},`))!);
    expect(row('4-1-3-2')).toEqual(logiFirst ? ['△', '✖'] : ['✖', '△']);
    expect(row('1-1-1-1')).toEqual(logiFirst ? ['✖', ''] : ['', '✖']);
    expect(row('6-1-1-1')).toEqual(['', '']);
  });

  it('refuses an unknown table', async () => {
    const res = await post(server.url, '/api/assess?format=csv&table=everything', await body(), 'application/json', {
      token: server.auth.analyst,
    });
    expect(res.status).toBe(400);
  });

  it('answers the three tables as an Excel workbook with ?format=xlsx', async () => {
    const res = await fetch(`${server.url}/api/assess?format=xlsx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.auth.analyst}`, 'content-type': 'application/json' },
      body: JSON.stringify(await body()),
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['assess-suppliers', 'assess-criteria', 'assess-matrix']);
    expect(book.getWorksheet('assess-criteria')!.getRow(2).getCell(2).value).toBe('4-1-3-2');
  });
});
