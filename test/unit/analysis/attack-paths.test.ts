/**
 * attackPaths: the compromise spreads supplier → buyer over network and software access
 * edges only; the best path is the maximum product of edge probabilities, checked by
 * hand and against every simple path on random networks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackEdges, attackPaths, resolveAttackOptions } from '../../../src/analysis/attack-paths.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Network } from '../../../src/model/types.ts';
import { arbitraryNetwork, net } from '../../helpers/network.ts';

// msp --software--> a --network--> b --none--> d; a --data--> c; msp --network--> x; a --software--> x.
const ring = indexNetwork(
  net(
    [{ id: 'msp' }, { id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'x' }],
    [
      ['msp', 'a', 'it', null, { access: 'software' }],
      ['a', 'b', 'parts', null, { access: 'network' }],
      ['b', 'd', 'parts', null, { access: 'none' }],
      ['a', 'c', 'parts', null, { access: 'data' }],
      ['msp', 'x', 'it', null, { access: 'network' }],
      ['a', 'x', 'parts', null, { access: 'software' }],
    ],
  ),
);
const at = (id: string): number => ring.indexOf.get(id)!;

describe('attackPaths', () => {
  it('resolveAttackOptions rejects a probability outside [0, 1]', () => {
    expect(() => resolveAttackOptions({ network: 1.2 })).toThrow(/network must be a probability/);
    expect(() => resolveAttackOptions({ software: -0.1 })).toThrow(/software/);
    expect(resolveAttackOptions()).toEqual({ network: 0.3, software: 0.5, minProbability: 0 });
  });
  it('attackPaths rejects a company index out of range', () => {
    expect(() => attackPaths(ring, [42])).toThrow(RangeError);
  });
  it('attackPaths follows network and software edges only, supplier to buyer', () => {
    const r = attackPaths(ring, [at('msp')]);
    expect(r.start).toEqual(['msp']);
    expect(r.assumptions).toEqual({ network: 0.3, software: 0.5 });
    expect(r.reached.map((p) => [p.id, p.probability, p.path, p.via])).toEqual([
      ['a', 0.5, ['msp', 'a'], ['software']],
      ['x', 0.3, ['msp', 'x'], ['network']],
      ['b', 0.15, ['msp', 'a', 'b'], ['software', 'network']],
    ]);
    expect(attackPaths(ring, [at('b')]).reached).toEqual([]); // b → d has no access; nothing flows upstream
  });
  it('attackPaths picks the most likely path, not the shortest', () => {
    const r = attackPaths(ring, [at('msp')], { software: 0.6 });
    expect(r.reached.find((p) => p.id === 'x')).toMatchObject({ probability: 0.36, path: ['msp', 'a', 'x'] });
  });
  it('attackPaths breaks a tie of probability by fewer hops', () => {
    const r = attackPaths(ring, [at('msp')], { software: 1, network: 1 });
    expect(r.reached.find((p) => p.id === 'x')).toMatchObject({ probability: 1, path: ['msp', 'x'] });
  });
  it('attackPaths leaves out paths not above minProbability', () => {
    expect(attackPaths(ring, [at('msp')], { minProbability: 0.2 }).reached.map((p) => p.id)).toEqual(['a', 'x']);
  });
  it('attackEdges lists the edges a compromise can cross', () => {
    expect(
      attackEdges(ring)
        .map((e) => `${e.supplier}>${e.buyer}:${e.access}:${e.probability}`)
        .sort(),
    ).toEqual(['a>b:network:0.3', 'a>x:software:0.5', 'msp>a:software:0.5', 'msp>x:network:0.3']);
  });
});

/** Best path probability to every company by trying every simple path (small networks only). */
function bruteForce(network: Network, start: string[], p: { network: number; software: number }): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (at: string, prob: number, seen: Set<string>): void => {
    if (!start.includes(at)) out.set(at, Math.max(out.get(at) ?? 0, prob));
    for (const s of network.supplies) {
      if (s.supplier !== at || seen.has(s.buyer)) continue;
      const q = s.access === 'network' ? p.network : s.access === 'software' ? p.software : 0;
      if (q === 0) continue;
      seen.add(s.buyer);
      visit(s.buyer, prob * q, seen);
      seen.delete(s.buyer);
    }
  };
  for (const s of start) visit(s, 1, new Set(start));
  return out;
}

describe('attackPaths properties', () => {
  it('attackPaths finds the best product over every simple path, and the path it reports has that product', () => {
    fc.assert(
      fc.property(
        arbitraryNetwork({ maxCompanies: 7, cyclic: true }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (network, picks, pn, ps) => {
          const idx = indexNetwork(network);
          const start = [...new Set(picks.map((k) => k % idx.n))];
          const r = attackPaths(idx, start, { network: pn, software: ps });
          const want = bruteForce(
            network,
            start.map((s) => idx.ids[s]!),
            { network: pn, software: ps },
          );
          expect(r.reached.map((x) => x.id).sort()).toEqual([...want.keys()].sort());
          for (const x of r.reached) {
            expect(x.probability).toBeCloseTo(want.get(x.id)!, 12);
            const product = x.via.reduce((t, a) => t * (a === 'network' ? pn : ps), 1);
            expect(product).toBeCloseTo(x.probability, 12);
            expect(x.path.length).toBe(x.via.length + 1);
            expect(start.map((s) => idx.ids[s])).toContain(x.path[0]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
