/**
 * structuralRank: PageRank on the reversed supply graph, checked against graphology-metrics'
 * pagerank on random networks and against a plain power iteration written here; a supplier that important buyers depend
 * on ranks above one that only minor buyers use; rankPositions gives ties one rank.
 */
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { pagerank } from 'graphology-metrics/centrality/index.js';
import { describe, expect, it } from 'vitest';
import { rankPositions, structuralRank } from '../../../src/analysis/structural-rank.ts';
import { indexNetwork, type IndexedNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

/** PageRank by its definition: x ← α·(Σ over buyers b of x: x_b·w(b→x)/W_b + dangling/N) + (1 − α)/N. */
function referenceRank(index: IndexedNetwork, alpha = 0.85): number[] {
  const n = index.n;
  const out = new Array<number>(n).fill(0);
  for (let e = 0; e < index.edgeBuyer.length; e++) out[index.edgeBuyer[e]!]! += index.edgeShare[e]!;
  let x = new Array<number>(n).fill(1 / n);
  for (let round = 0; round < 500; round++) {
    const dangling = x.reduce((sum, v, i) => (out[i] === 0 ? sum + v : sum), 0);
    const next = new Array<number>(n).fill((1 - alpha) / n + (alpha * dangling) / n);
    for (let e = 0; e < index.edgeBuyer.length; e++) {
      const b = index.edgeBuyer[e]!;
      next[index.edgeSupplier[e]!]! += (alpha * x[b]! * index.edgeShare[e]!) / out[b]!;
    }
    x = next;
  }
  return x;
}

describe('structuralRank', () => {
  it('structuralRank refuses an alpha outside (0, 1), naming it', () => {
    const index = indexNetwork(net([{ id: 'a' }], []));
    expect(() => structuralRank(index, { alpha: 1 })).toThrow(/structuralRank: alpha must be in \(0, 1\), got 1/);
  });

  it('structuralRank equals PageRank by its definition and sums to 1', () => {
    // oem buys from a (all of its axles) and m1/m2 (half each); both m buy from d; b supplies a.
    const index = indexNetwork(
      net(
        [{ id: 'oem', focal: true }, { id: 'a' }, { id: 'b' }, { id: 'm1' }, { id: 'm2' }, { id: 'd' }, { id: 'lone' }],
        [
          ['a', 'oem', 'axles'],
          ['m1', 'oem', 'parts', 0.5],
          ['m2', 'oem', 'parts', 0.5],
          ['d', 'm1', 'dies'],
          ['d', 'm2', 'dies'],
          ['b', 'a', 'bolts'],
        ],
      ),
    );
    const ranks = structuralRank(index);
    const reference = referenceRank(index);
    for (let i = 0; i < index.n; i++) expect(ranks[i]!).toBeCloseTo(reference[i]!, 8);
    expect(ranks.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    const of = (id: string): number => ranks[index.indexOf.get(id)!]!;
    // d is depended on by both m's, each half of oem's parts: it gathers what they pass on.
    expect(of('d')).toBeGreaterThan(of('m1'));
    expect(of('a')).toBeGreaterThan(of('m1'));
    expect(of('lone')).toBeLessThan(of('b'));
  });

  it('structuralRank gives graphology-metrics pagerank values on random networks (the library as the reference)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 2 }), fc.double({ min: 0.05, max: 1, noNaN: true })), {
          maxLength: 80,
        }),
        (size, rows) => {
          const ids = Array.from({ length: size }, (_, i) => `c${i}`);
          const seen = new Set<string>();
          const supplies: [string, string, string, number][] = [];
          for (const [s, b, c, share] of rows) {
            const supplier = ids[s % size]!;
            const buyer = ids[b % size]!;
            const key = `${supplier}|${buyer}|k${c}`;
            if (supplier === buyer || seen.has(key)) continue;
            seen.add(key);
            supplies.push([supplier, buyer, `k${c}`, share]);
          }
          const index = indexNetwork(
            net(
              ids.map((id, i) => ({ id, focal: i === 0 })),
              supplies,
            ),
          );
          const graph = new MultiDirectedGraph<Record<string, never>, { weight: number }>();
          for (let i = 0; i < index.n; i++) graph.addNode(i);
          for (let e = 0; e < index.edgeSupplier.length; e++)
            graph.addEdge(index.edgeBuyer[e]!, index.edgeSupplier[e]!, { weight: index.edgeShare[e]! });
          const options = { alpha: 0.85, maxIterations: 200, tolerance: 1e-12 };
          const library = pagerank(graph, { getEdgeWeight: 'weight', ...options });
          const ours = structuralRank(index, options);
          for (let i = 0; i < index.n; i++) expect(ours[i]!).toBeCloseTo(library[i]!, 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rankPositions gives 1 to the highest and one rank to equal values', () => {
    expect(Array.from(rankPositions(Float64Array.from([0.1, 0.4, 0.1, 0.4, 0.2])))).toEqual([4, 1, 4, 1, 3]);
  });
});
