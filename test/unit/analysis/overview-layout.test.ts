/**
 * The overview's layered layout: tiers become columns, the barycentre sweeps untangle
 * supply lines, the result does not depend on anything but the network, and the
 * companies with no tier get their own column.
 */
import { describe, expect, it } from 'vitest';
import { overviewLayout } from '../../../src/analysis/overview-layout.ts';
import { tiers } from '../../../src/analysis/tiers.ts';
import { collectNetwork, generateNetwork } from '../../../src/generate/generate-network.ts';
import { indexNetwork, type IndexedNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

/** Pairs of edges between adjacent columns that cross, given y positions. */
function crossings(index: IndexedNetwork, column: Int32Array, y: Float32Array): number {
  const edges: [number, number][] = [];
  for (let e = 0; e < index.m; e++) {
    const u = index.edgeSupplier[e]!;
    const v = index.edgeBuyer[e]!;
    if (column[u] === column[v]! + 1) edges.push([u, v]);
  }
  let count = 0;
  for (let a = 0; a < edges.length; a++)
    for (let b = a + 1; b < edges.length; b++) {
      const [u1, v1] = edges[a]!;
      const [u2, v2] = edges[b]!;
      if (column[v1] !== column[v2]) continue;
      if ((y[u1]! - y[u2]!) * (y[v1]! - y[v2]!) < 0) count++;
    }
  return count;
}

/** Tier 1: a, b, c; tier 2 in file order p, q, r, each supplying the opposite end. */
const tangled = net(
  [{ id: 'oem', focal: true }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'p' }, { id: 'q' }, { id: 'r' }],
  [
    ['a', 'oem', 'x'],
    ['b', 'oem', 'x'],
    ['c', 'oem', 'x'],
    ['p', 'c', 'y'],
    ['q', 'b', 'y'],
    ['r', 'a', 'y'],
  ],
);

describe('overviewLayout', () => {
  it('overviewLayout refuses a tier array of the wrong length, naming the module', () => {
    const index = indexNetwork(tangled);
    expect(() => overviewLayout(index, new Int32Array(3))).toThrow(/^overviewLayout: tier has 3 entries for 7/);
    expect(() => overviewLayout(index, tiers(index), { rowsPerLane: 0 })).toThrow(/rowsPerLane/);
  });

  it('overviewLayout puts each tier in its own column, tier 0 at x = 0', () => {
    const index = indexNetwork(tangled);
    const layout = overviewLayout(index, tiers(index));
    const at = (id: string): number => index.indexOf.get(id)!;
    expect(layout.columns).toBe(3);
    expect(layout.noTierColumn).toBeNull();
    expect([...['oem', 'a', 'p'].map((id) => layout.x[at(id)])]).toEqual([0, 1, 2]);
    expect(layout.column[at('q')]).toBe(2);
  });

  it('overviewLayout orders a column by barycentre: fewer crossings than the file order', () => {
    const index = indexNetwork(tangled);
    const tier = tiers(index);
    const unswept = overviewLayout(index, tier, { sweeps: 0 });
    const swept = overviewLayout(index, tier);
    expect(crossings(index, unswept.column, unswept.y)).toBe(3);
    expect(crossings(index, swept.column, swept.y)).toBe(0);
  });

  it('overviewLayout gives the companies with no tier a column of their own beyond the deepest tier', () => {
    const index = indexNetwork(
      net(
        [{ id: 'oem', focal: true }, { id: 'a' }, { id: 'dealer' }, { id: 'island' }],
        [
          ['a', 'oem', 'x'],
          ['oem', 'dealer', 'cars'],
        ],
      ),
    );
    const layout = overviewLayout(index, tiers(index));
    expect(layout.columns).toBe(3);
    expect(layout.noTierColumn).toBe(2);
    expect(layout.column[index.indexOf.get('dealer')!]).toBe(2);
    expect(layout.x[index.indexOf.get('island')!]).toBe(2);
    expect(layout.x[index.indexOf.get('a')!]).toBe(1);
  });

  it('overviewLayout is deterministic and spreads a crowded column over lanes within its band', () => {
    const index = indexNetwork(generateNetwork({ companies: 3000, seed: 3 }, collectNetwork()).network);
    const tier = tiers(index);
    const a = overviewLayout(index, tier, { rowsPerLane: 100 });
    const b = overviewLayout(index, tier, { rowsPerLane: 100 });
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
    const deepest = a.columns - 1;
    const xs = new Set<number>();
    for (let i = 0; i < index.n; i++) {
      expect(Math.abs(a.x[i]! - a.column[i]!)).toBeLessThanOrEqual(0.3 + 1e-6);
      expect(a.y[i]).toBeGreaterThan(0);
      expect(a.y[i]).toBeLessThan(4);
      if (a.column[i] === deepest) xs.add(a.x[i]!);
    }
    expect(xs.size).toBeGreaterThan(1);
  });
});
