/**
 * Downloads: every list route answers `?format=csv` (UTF-8 with a BOM) and `?format=xlsx`
 * with every item, not a page, as a file to save; the company list keeps its filters.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/app/sections.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { serveNetwork } from './helpers.ts';

const SAMPLE = 'data/sample';

describe('list routes as spreadsheets', () => {
  let server: Awaited<ReturnType<typeof serveNetwork>>;
  let companies = 0;
  beforeAll(async () => {
    const { network } = await readNetwork(SAMPLE);
    companies = network.companies.length;
    server = await serveNetwork(network);
  });
  afterAll(() => server.close());

  const fetchAs = (path: string): Promise<Response> =>
    fetch(server.url + path, { headers: { authorization: `Bearer ${server.auth.viewer}` } });

  it.each(SECTIONS.map((s) => s.slug))('GET /api/analysis/%s?format=xlsx is a workbook of every item', async (slug) => {
    const json = (await (await fetchAs(`/api/analysis/${slug}?limit=1`)).json()) as { total: number };
    const res = await fetchAs(`/api/analysis/${slug}?format=xlsx&limit=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${slug}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([slug]);
    expect(book.worksheets[0]!.actualRowCount).toBe(json.total + 1);
  });

  it('GET /api/companies?format=csv is every matching company, UTF-8 with a BOM', async () => {
    const all = await fetchAs('/api/companies?format=csv');
    expect(all.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await all.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\n');
    expect(lines[0]).toBe(
      'id,name,country,industry,size,tier,own score,own ★,unassessed,effective score,required ★,risk (¥ per year),stops if hit,critical suppliers',
    );
    expect(lines).toHaveLength(companies + 1);
    const some = (await (await fetchAs('/api/companies?format=csv&q=steel')).text()).trim().split('\n');
    expect(some.length).toBeGreaterThan(1);
    expect(some.length).toBeLessThan(companies);
    expect(some.slice(1).every((line) => /steel/i.test(line))).toBe(true);
  });

  const postAs = (path: string, body: unknown): Promise<Response> =>
    fetch(server.url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.auth.viewer}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('POST /api/scenario?format=xlsx is the scenario as a workbook: the companies that stop and the timeline', async () => {
    const body = { hit: ['ota-springs'], days: 30 };
    const json = (await (await postAs('/api/scenario', body)).json()) as { scenario: { companies: unknown[] } };
    const res = await postAs('/api/scenario?format=xlsx', body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=scenario-companies.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['scenario-companies', 'scenario-timeline']);
    expect(book.worksheets[0]!.actualRowCount).toBe(json.scenario.companies.length + 1);
    expect(book.worksheets[0]!.getCell('A2').value).toBe('ota-springs');
  });

  it('POST /api/plan?format=csv is the plan: one lift per row, money in yen', async () => {
    const body = { budget: 50_000_000 };
    const json = (await (await postAs('/api/plan', body)).json()) as { lifts: { supplier: string; cost: number }[] };
    const res = await postAs('/api/plan?format=csv', body);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toHaveLength(json.lifts.length + 1);
    expect(lines[1]!.startsWith(`${json.lifts[0]!.supplier},`)).toBe(true);
    expect(lines[1]).toContain(`,${json.lifts[0]!.cost},`);
  });

  it('refuses an unknown format with a 400 naming it', async () => {
    const res = await fetchAs('/api/companies?format=pdf');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/format/);
  });
});
