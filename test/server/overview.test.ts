/**
 * GET /api/overview: a bad asOf is a 400; the binary answer decodes (header per its
 * schema, one entry per company, the supplier–buyer pairs once each, flags, the focal
 * company's critical suppliers, ids and names); gzip when asked, plain otherwise; the
 * colours follow the as-of date while the positions stay.
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOverview, OVERVIEW_FLAGS } from '../../src/contract/overview-format.ts';
import { OverviewHeaderSchema } from '../../src/contract/schemas.ts';
import type { Network } from '../../src/model/types.ts';
import { net } from '../helpers/network.ts';
import { chain, get, serveNetwork } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;

beforeAll(async () => {
  server = await serveNetwork(chainWithLapse);
});
afterAll(() => server.close());

/** The helpers' chain, plus a dealer (no tier) and an assessment of seatA that lapses on 2027-04-30. */
const chainWithLapse: Network = {
  ...net(
    [...chain.companies, { id: 'dealer', name: 'ディーラー株式会社' }],
    [
      ...chain.supplies.map(
        (s) => [s.supplier, s.buyer, s.commodity, s.share, s] as [string, string, string, number | null, object],
      ),
      ['oem', 'dealer', 'cars'],
      ['castco', 'oem', 'bolts'],
    ],
  ),
  assessments: [
    {
      company: 'seatA',
      level: 3,
      method: 'expert',
      assessedOn: '2026-05-01',
      validUntil: '2027-04-30',
      evidence: null,
    },
  ],
};

/** The raw answer over node:http (fetch would undo the gzip): status, headers and bytes. */
function raw(
  path: string,
  encoding: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      server.url + path,
      { headers: { authorization: `Bearer ${server.auth.viewer}`, 'accept-encoding': encoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const arrayBufferOf = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('GET /api/overview', () => {
  it('refuses a bad asOf with a 400 naming it', async () => {
    const { status, body } = await get<{ error: { field: string } }>(server.url, '/api/overview?asOf=2026-02-30');
    expect(status).toBe(400);
    expect(body.error.field).toBe('asOf');
  });

  it('answers the whole network as binary that decodes: every company, each supplier–buyer pair once', async () => {
    const { status, headers, body } = await raw('/api/overview', 'identity');
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^application\/octet-stream/);
    expect(headers['content-encoding']).toBeUndefined();
    const o = decodeOverview(arrayBufferOf(body));
    OverviewHeaderSchema.parse(o.header);
    expect(o.header.companies).toBe(8);
    expect([...o.ids].sort()).toEqual(['castco', 'dealer', 'foam', 'foundry', 'logi', 'oem', 'seatA', 'seatB']);
    const at = (id: string): number => o.ids.indexOf(id);
    expect(o.names[at('dealer')]).toBe('ディーラー株式会社');
    // castco supplies oem castings and bolts: one pair. 7 supplies + dealer + bolts = 9 rows, 8 pairs.
    expect(o.header.edges).toBe(8);
    const pairs = [...o.edgeSupplier].map((u, k) => `${o.ids[u]}>${o.ids[o.edgeBuyer[k]!]}`).sort();
    expect(new Set(pairs).size).toBe(8);
    expect(pairs).toContain('castco>oem');
    expect(o.tier[at('oem')]).toBe(0);
    expect(o.tier[at('foundry')]).toBe(2);
    expect(o.tier[at('dealer')]).toBe(-1);
    expect(o.x[at('dealer')]).toBe(o.header.noTierColumn);
    expect(o.x[at('foundry')]).toBe(2);
    expect(o.flags[at('oem')]! & OVERVIEW_FLAGS.focal).toBeTruthy();
    expect(o.flags[at('foundry')]! & OVERVIEW_FLAGS.unassessed).toBeTruthy();
    expect(o.header.focal).toEqual([{ index: at('oem'), id: 'oem', name: 'OEM Motors' }]);
    const critical = [...o.critical.subarray(o.criticalStart[0], o.criticalStart[1])].map((i) => o.ids[i]).sort();
    const detail = await get<{ criticalSuppliers: { id: string }[] }>(server.url, '/api/companies/oem');
    expect(critical).toEqual(detail.body.criticalSuppliers.map((c) => c.id).sort());
    expect(critical).toEqual(expect.arrayContaining(['castco', 'foundry', 'logi']));
    for (const id of critical) expect(o.flags[at(id!)]! & OVERVIEW_FLAGS.critical).toBeTruthy();
    expect(o.flags[at('seatB')]! & OVERVIEW_FLAGS.critical).toBe(0);
    expect(o.header.maxRisk).toBeCloseTo(Math.max(...o.risk), 0);
    // The structural importance of each company, as the company detail gives it.
    expect(o.importance.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 4);
    expect(o.header.maxImportance).toBeCloseTo(Math.max(...o.importance), 6);
    const foundry = await get<{ structuralImportance: { pagerank: number } }>(server.url, '/api/companies/foundry');
    expect(o.importance[at('foundry')]).toBeCloseTo(foundry.body.structuralImportance.pagerank, 6);
  });

  it('gzips the answer when the client accepts gzip, to the same bytes', async () => {
    const plain = await raw('/api/overview', 'identity');
    const zipped = await raw('/api/overview', 'gzip, deflate');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('colours follow the as-of date while the positions stay', async () => {
    const before = decodeOverview(arrayBufferOf((await raw('/api/overview?asOf=2027-01-01', 'identity')).body));
    const after = decodeOverview(arrayBufferOf((await raw('/api/overview?asOf=2027-06-01', 'identity')).body));
    expect(before.header.asOf).toBe('2027-01-01');
    expect(after.header.asOf).toBe('2027-06-01');
    const seatA = before.ids.indexOf('seatA');
    expect(before.flags[seatA]! & OVERVIEW_FLAGS.unassessed).toBe(0);
    expect(after.flags[seatA]! & OVERVIEW_FLAGS.unassessed).toBeTruthy();
    expect(after.score[seatA]).toBeLessThan(before.score[seatA]!);
    expect([...after.x]).toEqual([...before.x]);
    expect([...after.y]).toEqual([...before.y]);
    // The supplies and the critical suppliers follow from the network alone: the same at both dates.
    expect([...after.edgeSupplier]).toEqual([...before.edgeSupplier]);
    expect([...after.critical]).toEqual([...before.critical]);
    const detail = await get<{ company: { effectiveScore: number } }>(
      server.url,
      '/api/companies/seatA?asOf=2027-06-01',
    );
    expect(after.score[seatA]).toBeCloseTo(detail.body.company.effectiveScore, 3);
  });
});
