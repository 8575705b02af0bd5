/**
 * GET /api/graph: the view around a focus (up and down tiers), the tier-0 companies'
 * upstream to a depth, the limit and the truncated flag, the filters (commodity,
 * country, criticalOnly), hidden suppliers and the single-source flag of each edge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../src/contract/api-types.ts';
import { GraphSchema } from '../../src/contract/schemas.ts';
import type { Network } from '../../src/model/types.ts';
import { net } from '../helpers/network.ts';
import { get, serveNetwork } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveNetwork>>;

beforeAll(async () => {
  server = await serveNetwork();
});
afterAll(() => server.close());

async function graph(query: string, url = server.url): Promise<GraphResponse> {
  const { status, body, text } = await get<GraphResponse>(url, `/api/graph?${query}`);
  expect(status, text).toBe(200);
  GraphSchema.parse(body);
  expect(new Set(body.nodes.map((n) => n.id)).size).toBe(body.nodes.length);
  expect(new Set(body.edges.map((e) => e.id)).size).toBe(body.edges.length);
  const ids = new Set(body.nodes.map((n) => n.id));
  for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  return body;
}

const nodeIds = (g: GraphResponse): string[] => g.nodes.map((n) => n.id);
const edgePairs = (g: GraphResponse): string[] => g.edges.map((e) => `${e.source}>${e.target}:${e.commodity}`).sort();

describe('GET /api/graph around a focus', () => {
  it('follows up supplier tiers and down buyer tiers, nearest first', async () => {
    const g = await graph('focus=castco&up=1&down=1');
    expect(nodeIds(g)).toEqual(['castco', 'foundry', 'logi', 'oem']);
    expect(edgePairs(g)).toEqual(['castco>oem:castings', 'foundry>castco:metal', 'logi>castco:logistics']);
    expect(g.truncated).toBe(false);
    const oem = g.nodes.find((n) => n.id === 'oem')!;
    expect(oem).toMatchObject({ focal: true, tier: 0, hiddenSuppliers: 2, criticalToFocal: false });
    expect(g.nodes.find((n) => n.id === 'logi')).toMatchObject({
      criticalToFocal: true,
      hiddenSuppliers: 0,
      unassessed: false,
      ownScore: 25,
    });
  });

  it('does not turn around: buyers of a supplier are not followed', async () => {
    const g = await graph('focus=castco&up=1&down=0');
    expect(nodeIds(g)).toEqual(['castco', 'foundry', 'logi']);
    expect(nodeIds(await graph('focus=logi&up=0&down=2'))).toEqual(['logi', 'castco', 'seatA', 'oem']);
  });

  it('cut by limit, keeps the focus and its critical suppliers of every tier, and says so', async () => {
    const g = await graph('focus=oem&up=2&down=0&limit=3');
    expect(g.nodes).toHaveLength(3);
    expect(g.nodes[0]!.id).toBe('oem');
    // oem's critical suppliers: castco and seatA (tier 1), foundry and logi (tier 2): one of each tier is kept.
    expect(g.nodes.slice(1).map((n) => n.tier)).toEqual([1, 2]);
    expect(g.nodes.slice(1).every((n) => ['castco', 'seatA', 'foundry', 'logi'].includes(n.id))).toBe(true);
    expect(g.truncated).toBe(true);
    expect(g.cap).toEqual({
      shown: 3,
      reachable: 7,
      total: 7,
      roots: 1,
      critical: 2,
      onPaths: 0,
      topRisk: 0,
      criticalReachable: 4,
    });
    expect(g.nodes.find((n) => n.id === 'oem')!.hiddenSuppliers).toBe(2);
    const all = await graph('focus=oem&up=2&down=0&limit=7');
    expect(all.truncated).toBe(false);
    expect(all.cap).toEqual({
      shown: 7,
      reachable: 7,
      total: 7,
      roots: 1,
      critical: 4,
      onPaths: 0,
      topRisk: 2,
      criticalReachable: 4,
    });
  });

  it('marks single-source edges (share above 1 − θ)', async () => {
    const g = await graph('focus=oem&up=1&down=0');
    expect(Object.fromEntries(g.edges.map((e) => [e.source, [e.share, e.singleSource]]))).toEqual({
      castco: [1, true],
      seatA: [0.6, true],
      seatB: [0.4, false],
    });
    expect(g.edges.find((e) => e.source === 'seatB')).toMatchObject({ access: 'data', bufferDays: 0, target: 'oem' });
  });
});

describe('GET /api/graph from the tier-0 companies', () => {
  it('depth bounds the tiers upstream', async () => {
    expect(nodeIds(await graph('depth=0'))).toEqual(['oem']);
    expect(nodeIds(await graph('depth=1'))).toEqual(['oem', 'castco', 'seatA', 'seatB']);
    const all = await graph('');
    expect(all.nodes).toHaveLength(7);
    expect(all.edges).toHaveLength(7);
  });
});

describe('GET /api/graph filters', () => {
  it('commodity: only supplies of that commodity are followed and drawn', async () => {
    const g = await graph('focus=logi&up=0&down=3&commodity=logistics');
    expect(nodeIds(g)).toEqual(['logi', 'castco', 'seatA']);
    expect(edgePairs(g)).toEqual(['logi>castco:logistics', 'logi>seatA:logistics']);
    expect(g.nodes.find((n) => n.id === 'castco')!.hiddenSuppliers).toBe(0);
  });

  it('country: keeps the companies of that country, and the focal ones', async () => {
    const g = await graph('depth=3&country=cn');
    expect(nodeIds(g)).toEqual(['oem', 'seatA', 'foam']);
    expect(edgePairs(g)).toEqual(['seatA>oem:seats']);
  });

  it('criticalOnly: the critical suppliers of the focal companies', async () => {
    expect(nodeIds(await graph('depth=3&criticalOnly=true'))).toEqual(['oem', 'castco', 'seatA', 'foundry', 'logi']);
    expect(nodeIds(await graph('depth=3&criticalOnly=false'))).toHaveLength(7);
  });

  it('criticalOnly around a focus: its critical suppliers and its blast radius', async () => {
    expect(nodeIds(await graph('focus=castco&up=2&down=2&criticalOnly=true'))).toEqual([
      'castco',
      'foundry',
      'logi',
      'oem',
    ]);
    expect(nodeIds(await graph('focus=seatB&up=2&down=2&criticalOnly=true'))).toEqual(['seatB', 'foam']);
  });
});

describe('GET /api/graph on a large network', () => {
  // hub (focal) ← 6000 suppliers, each with one supplier of its own.
  const wide: Network = net(
    [
      { id: 'hub', focal: true },
      ...Array.from({ length: 6000 }, (_, i) => ({ id: `s${i}` })),
      ...Array.from({ length: 6000 }, (_, i) => ({ id: `t${i}` })),
    ],
    [
      ...Array.from({ length: 6000 }, (_, i): [string, string, string] => [`s${i}`, 'hub', 'parts']),
      ...Array.from({ length: 6000 }, (_, i): [string, string, string] => [`t${i}`, `s${i}`, 'raw']),
    ],
  );

  it('is bounded by the default limit (1500) and by limit ≤ 5000', async () => {
    const big = await serveNetwork(wide);
    try {
      const g = await graph('depth=2', big.url);
      expect(g.nodes).toHaveLength(1500);
      expect(g.truncated).toBe(true);
      // No critical supplier here: both tier columns share the limit, highest risk first.
      const tier1 = g.nodes.filter((n) => n.tier === 1).length;
      const tier2 = g.nodes.filter((n) => n.tier === 2).length;
      expect([tier1, tier2]).toEqual([750, 749]);
      expect(g.nodes[0]).toMatchObject({ id: 'hub', hiddenSuppliers: 6000 - tier1 });
      expect(g.cap).toEqual({
        shown: 1500,
        reachable: 12001,
        total: 12001,
        roots: 1,
        critical: 0,
        onPaths: 0,
        topRisk: 1499,
        criticalReachable: 0,
      });
      const most = await graph('depth=2&limit=5000', big.url);
      expect(most.nodes).toHaveLength(5000);
      expect(most.edges).toHaveLength(4999);
      const around = await graph('focus=s7&up=3&down=3&limit=5000', big.url);
      expect(nodeIds(around)).toEqual(['s7', 't7', 'hub']);
    } finally {
      await big.close();
    }
  });
});
