/**
 * graphElements under a limit (src/app/graph.ts over src/analysis/view-cap.ts): the cap
 * keeps the roots, their critical suppliers at every tier, the companies on their paths,
 * then the highest risk contributors; each tier column that has companies keeps some;
 * the counts say what was kept; the same network in another order gives the same view.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { exposurePath } from '../../../src/analysis/exposure-path.ts';
import { capView, KIND } from '../../../src/analysis/view-cap.ts';
import { graphElements, keptGraphElements, type GraphQuery } from '../../../src/app/graph.ts';
import { NetworkView } from '../../../src/app/network-view.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Network } from '../../../src/model/types.ts';
import { net } from '../../helpers/network.ts';

const viewOf = (network: Network): NetworkView => new NetworkView('t', runAnalysis(indexNetwork(network)));
const query = (q: Partial<GraphQuery>): GraphQuery => ({
  up: 0,
  down: 0,
  depth: 6,
  limit: 1500,
  criticalOnly: false,
  ...q,
});

/**
 * oem ← a ← b ← c: each the sole supplier of its buyer, so critical to oem at tiers 1–3.
 * oem ← m1, m2 (half each of 'parts') ← d, sole supplier of both: critical to oem at tier 2,
 * reached through m1 and m2, which are not critical. oem ← f0..f19: 1/20 each of 'bulk',
 * weak (score 5) and big, so the highest risk contributors of tier 1.
 */
function layered(): Network {
  const fillers = Array.from({ length: 20 }, (_, i) => `f${String(i).padStart(2, '0')}`);
  return net(
    [
      { id: 'oem', focal: true, revenue: 10_000, securityScore: 90 },
      ...['a', 'b', 'c', 'm1', 'm2', 'd'].map((id) => ({ id, revenue: 10, securityScore: 70 })),
      ...fillers.map((id) => ({ id, revenue: 5_000, securityScore: 5 })),
    ],
    [
      ['a', 'oem', 'axles'],
      ['b', 'a', 'bearings'],
      ['c', 'b', 'castings'],
      ['m1', 'oem', 'parts', 0.5],
      ['m2', 'oem', 'parts', 0.5],
      ['d', 'm1', 'dies'],
      ['d', 'm2', 'dies'],
      ...fillers.map((id): [string, string, string, number] => [id, 'oem', 'bulk', 1 / 20]),
    ],
  );
}

describe('capView', () => {
  it('capView refuses a negative limit or a floor share outside [0, 1], naming it', () => {
    const input = {
      order: new Int32Array(1),
      count: 1,
      kind: new Uint8Array([KIND.root]),
      column: new Int32Array(1),
      columns: 1,
      ranked: [0],
    };
    expect(() => capView({ ...input, limit: -1 })).toThrow(/capView: limit must be an integer ≥ 0, got -1/);
    expect(() => capView({ ...input, limit: 1, floorShare: 2 })).toThrow(/capView: floorShare/);
  });

  it('capView keeps every candidate in the order reached when they fit, and the first roots when they do not', () => {
    const kind = new Uint8Array([KIND.root, KIND.other, KIND.none, KIND.critical]);
    const input = { order: Int32Array.from([0, 3, 1, 2]), count: 4, kind, column: new Int32Array(4), columns: 1 };
    const all = capView({ ...input, ranked: [1, 3, 0, 2], limit: 3 });
    expect(all).toEqual({
      nodes: [0, 3, 1],
      reachable: 3,
      truncated: false,
      kept: [0, 1, 1, 0, 1],
      candidates: [1, 1, 1, 0, 1],
    });
    const roots = capView({ ...input, kind: new Uint8Array([1, 1, 0, 1]), ranked: [0, 1, 2, 3], limit: 2 });
    expect(roots.nodes).toEqual([0, 3]);
    expect(roots.truncated).toBe(true);
  });
});

describe('graphElements under a limit', () => {
  it('graphElements throws for an unknown focus, naming the field', () => {
    expect(() => graphElements(viewOf(layered()), query({ focus: 'nope', up: 1 }))).toThrow(
      /Unknown company id "nope" in focus/,
    );
  });

  it('graphElements keeps the critical suppliers of every tier and their paths before tier-1 fillers', () => {
    const view = viewOf(layered());
    const g = graphElements(view, query({ limit: 8 }));
    const ids = g.nodes.map((n) => n.id);
    for (const id of ['oem', 'a', 'b', 'c', 'd']) expect(ids).toContain(id);
    // d reaches oem through m1 (the buyer of smaller id): that path is kept, m2 is not on it.
    expect(ids).toContain('m1');
    // oem's exposure path (its binding supplier, a weak filler) is kept too.
    const a = view.analysis;
    const path = exposurePath(view.index, a.own, a.effective, a.fallOrder, view.index.indexOf.get('oem')!);
    expect(path.length).toBe(2);
    expect(ids).toContain(view.index.ids[path[1]!]);
    expect(g.truncated).toBe(true);
    expect(g.cap).toEqual({
      shown: 8,
      reachable: 27,
      total: 27,
      roots: 1,
      critical: 4,
      onPaths: 2,
      topRisk: 1,
      criticalReachable: 4,
    });
    // The fillers kept are the highest risk contributors of the tier-1 companies left.
    const riskOf = new Map(view.index.ids.map((id, i) => [id, view.analysis.risk[i]!]));
    const filler = (id: string): boolean => (id.startsWith('f') || id === 'm2') && id !== view.index.ids[path[1]!];
    const keptRisk = Math.min(...ids.filter(filler).map((id) => riskOf.get(id)!));
    const left = [...riskOf.keys()].filter((id) => filler(id) && !ids.includes(id));
    for (const id of left) expect(riskOf.get(id)!).toBeLessThanOrEqual(keptRisk);
    expect(g.edges.map((e) => `${e.source}>${e.target}`)).toContain('d>m1');
  });

  it('graphElements leaves no tier column empty that has companies, even when critical suppliers fill the limit', () => {
    // oem ← s0..s29, each the sole supplier of its own commodity (critical), each ← one filler at tier 2.
    const network = net(
      [
        { id: 'oem', focal: true },
        ...Array.from({ length: 30 }, (_, i) => ({ id: `s${i}` })),
        ...Array.from({ length: 30 }, (_, i) => ({ id: `t${i}` })),
      ],
      [
        ...Array.from({ length: 30 }, (_, i): [string, string, string] => [`s${i}`, 'oem', `part${i}`]),
        ...Array.from({ length: 30 }, (_, i): [string, string, string, number] => [`t${i}`, `s${i}`, 'raw', 0.5]),
        ...Array.from({ length: 30 }, (_, i): [string, string, string, number] => [
          `t${(i + 1) % 30}`,
          `s${i}`,
          'raw',
          0.5,
        ]),
      ],
    );
    const g = graphElements(viewOf(network), query({ limit: 20 }));
    expect(g.nodes).toHaveLength(20);
    expect(g.nodes.filter((n) => n.tier === 1).length).toBeGreaterThan(0);
    expect(g.nodes.filter((n) => n.tier === 2).length).toBeGreaterThan(0);
    expect(g.cap!.critical).toBe(g.nodes.filter((n) => n.tier === 1).length);
  });

  it('graphElements gives the same view for the same network listed in another order', () => {
    const network = layered();
    const reversed: Network = {
      companies: [...network.companies].reverse(),
      supplies: [...network.supplies].reverse(),
    };
    for (const limit of [3, 8, 12]) {
      const one = graphElements(viewOf(network), query({ limit }));
      const two = graphElements(viewOf(reversed), query({ limit }));
      expect(two.nodes.map((n) => n.id).sort()).toEqual(one.nodes.map((n) => n.id).sort());
      expect(two.cap).toEqual(one.cap);
    }
  });

  it('graphElements answers a request the same after others on the same view (its work arrays are cleared)', () => {
    const view = viewOf(layered());
    const fresh = (q: Partial<GraphQuery>) => graphElements(viewOf(layered()), query(q));
    const asks: Partial<GraphQuery>[] = [
      { limit: 8 },
      { focus: 'm1', up: 1, down: 1, limit: 2 },
      { criticalOnly: true, limit: 4 },
      { focus: 'oem', up: 3, limit: 30, commodity: 'parts' },
      { limit: 8 },
    ];
    for (const q of asks) expect(graphElements(view, query(q))).toEqual(fresh(q));
  });

  it('keptGraphElements keeps a view without a focus per network version and filters, not one around a focus', async () => {
    const view = viewOf(layered());
    const one = await keptGraphElements(view, query({ limit: 8 }));
    expect(one).toEqual(graphElements(viewOf(layered()), query({ limit: 8 })));
    expect(await keptGraphElements(view, query({ limit: 8 }))).toBe(one);
    expect(await keptGraphElements(view, query({ limit: 9 }))).not.toBe(one);
    const around = query({ focus: 'm1', up: 1, limit: 8 });
    expect(await keptGraphElements(view, around)).not.toBe(await keptGraphElements(view, around));
    await expect(keptGraphElements(view, query({ focus: 'nope' }))).rejects.toThrow(/Unknown company id "nope"/);
    await expect(keptGraphElements(view, query({ commodity: 'nope' }))).rejects.toThrow(/Unknown commodity "nope"/);
  });

  it('graphElements around a focus counts what it keeps; the filters still apply', () => {
    const view = viewOf(layered());
    const g = graphElements(view, query({ focus: 'm1', up: 1, down: 1, limit: 2 }));
    expect(g.nodes.map((n) => n.id)).toEqual(['m1', 'd']);
    expect(g.cap).toEqual({
      shown: 2,
      reachable: 3,
      total: 27,
      roots: 1,
      critical: 1,
      onPaths: 0,
      topRisk: 0,
      criticalReachable: 1,
    });
    const only = graphElements(view, query({ criticalOnly: true, limit: 4 }));
    expect(only.nodes.every((n) => n.focal || n.criticalToFocal)).toBe(true);
    expect(only.cap!.reachable).toBe(5);
  });
});
