/**
 * The seeded generator: known answers of the reference xoshiro128**, per-run streams,
 * evenly spread uniforms, and the per-company draw of a run's hit set.
 */
import { describe, expect, it } from 'vitest';
import { checkSeed, drawHits, RunStream } from '../../../src/analysis/random.ts';
import { OptionError } from '../../../src/errors.ts';

describe('random', () => {
  it('checkSeed rejects seeds that are not 32-bit unsigned integers', () => {
    expect(() => checkSeed(-1)).toThrow(/seed must be an integer/);
    expect(() => checkSeed(2 ** 32)).toThrow(OptionError);
    expect(() => checkSeed(1.5)).toThrow(OptionError);
    expect(checkSeed(0xffffffff)).toBe(0xffffffff);
  });
  it('RunStream gives the outputs of the reference C xoshiro128** from state (1, 2, 3, 4)', () => {
    const rng = new RunStream().setState(1, 2, 3, 4);
    const out = Array.from({ length: 8 }, () => rng.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });
  it('RunStream.seedRun gives each (seed, run) its own reproducible stream', () => {
    const draw = (seed: number, run: number): number[] => {
      const rng = new RunStream().seedRun(seed, run);
      return Array.from({ length: 4 }, () => rng.nextUint32());
    };
    expect(draw(1, 7)).toEqual(draw(1, 7));
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) for (let run = 0; run < 200; run++) seen.add(draw(seed, run).join(','));
    expect(seen.size).toBe(20 * 200);
  });
  it('RunStream uniforms across run streams are evenly spread (chi-square, 64 bins)', () => {
    const bins = new Float64Array(64);
    const rng = new RunStream();
    let total = 0;
    for (let run = 0; run < 20_000; run++) {
      rng.seedRun(3, run);
      for (let k = 0; k < 10; k++) {
        bins[Math.floor(rng.nextUniform() * 64)]!++;
        total++;
      }
    }
    const expected = total / 64;
    const chi = bins.reduce((t, b) => t + (b - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(110); // 63 degrees of freedom: p ≈ 0.0002
  });
  it('drawHits hits company i when the i-th uniform of the run is below p_i', () => {
    const p = Float64Array.from([1, 0, 0.5]);
    const hits = new Int32Array(3);
    const rng = new RunStream();
    const count = drawHits(rng, 9, 4, p, hits);
    const u = new RunStream().seedRun(9, 4);
    const want = [0, 1, 2].filter((i) => u.nextUniform() < p[i]!);
    expect(Array.from(hits.subarray(0, count))).toEqual(want);
  });
});
