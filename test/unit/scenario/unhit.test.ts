/**
 * createUnhit (the cascade run backwards by one hit company) against the cascade run
 * again from scratch: for random networks with cycles, random hit sets H and every
 * y ∈ H, what it finds no longer disrupted is exactly D(H) \ D(H \ {y}); the same on a
 * generated 1,500-company network for many hit sets of the size the cost plan draws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCascade } from '../../../src/analysis/cascade.ts';
import { createUnhit } from '../../../src/analysis/unhit.ts';
import { collectNetwork, generateNetwork } from '../../../src/generate/generate-network.ts';
import { Random } from '../../../src/generate/random.ts';
import { indexNetwork, type IndexedNetwork } from '../../../src/model/index-network.ts';
import { arbitraryNetwork } from '../../helpers/network.ts';

/** For each y of `ys` (default all of `hit`): [what unhit finds, D(H) \ D(H \ {y}) by two cascades], both sorted. */
function compare(index: IndexedNetwork, hit: number[], theta: number, ys: number[] = hit): [number[], number[]][] {
  const cascade = createCascade(index, { theta });
  const unhit = createUnhit(index, { theta });
  const all = new Set(cascade.run(hit));
  const isHit = new Set(hit);
  return ys.map((y) => {
    const without = new Set(cascade.run(hit.filter((h) => h !== y)));
    const expected = [...all].filter((v) => !without.has(v)).sort((a, b) => a - b);
    const found = Array.from(unhit.run(y, (v) => all.has(v), (v) => isHit.has(v))).sort((a, b) => a - b);
    return [found, expected];
  });
}

describe('createUnhit', () => {
  it('createUnhit finds D(H) \\ D(H \\ {y}) on random networks with cycles, for every θ', () => {
    fc.assert(
      fc.property(
        arbitraryNetwork({ maxCompanies: 12 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0.3, 0.5, 0.8),
        (network, picks, theta) => {
          const index = indexNetwork(network);
          const hit = [...new Set(picks.map((k) => k % index.n))];
          for (const [found, expected] of compare(index, hit, theta)) expect(found).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('createUnhit agrees with the cascade on a generated 1,500-company network, hit sets of a fifth of it', () => {
    const index = indexNetwork(generateNetwork({ companies: 1500, seed: 7 }, collectNetwork()).network);
    const rng = new Random(11, 3);
    let removed = 0;
    for (let trial = 0; trial < 4; trial++) {
      const hit: number[] = [];
      for (let i = 0; i < index.n; i++) if (rng.below(5) === 0) hit.push(i);
      for (const [found, expected] of compare(index, hit, 0.5, hit.slice(0, 60))) {
        expect(found).toEqual(expected);
        removed += found.length;
      }
    }
    expect(removed).toBeGreaterThan(0);
  });
});
