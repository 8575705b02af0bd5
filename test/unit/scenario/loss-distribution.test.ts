/**
 * The seeded generator (known answers of the reference xoshiro128**, per-run streams)
 * and the loss distribution: exact enumeration against the shared vectors' expectedLoss,
 * Monte Carlo within 3 standard errors of it, determinism, chunking and workers giving
 * bitwise the same losses.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parallelMonteCarloLoss } from '../../../src/analysis-runtime/parallel-loss.ts';
import { exactLoss, monteCarloLoss, nearestRank, simulateLosses } from '../../../src/analysis/loss-distribution.ts';
import { checkSeed, drawHits, RunStream } from '../../../src/analysis/random.ts';
import { UsageError } from '../../../src/errors.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';
import { VECTORS_DIR } from '../../vectors-dir.ts';

describe('random', () => {
  it('checkSeed rejects seeds that are not 32-bit unsigned integers', () => {
    expect(() => checkSeed(-1)).toThrow(/seed must be an integer/);
    expect(() => checkSeed(2 ** 32)).toThrow(RangeError);
    expect(() => checkSeed(1.5)).toThrow(RangeError);
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

// Two independent companies, p = 0.5 each (hitBase 0.5, hitDecay 1): losses 0, 1, 2, 3 with probability 1/4.
const pair = indexNetwork(net([{ id: 'a', revenue: 1 }, { id: 'b', revenue: 2 }], []));
const coin = { hitBase: 0.5, hitDecay: 1 };

describe('exactLoss', () => {
  it('exactLoss refuses more than 20 companies', () => {
    const big = indexNetwork(net(Array.from({ length: 21 }, (_, i) => ({ id: `c${i}` })), []));
    expect(() => exactLoss(big)).toThrow(UsageError);
    expect(() => exactLoss(big)).toThrow(/at most 20/);
  });
  it('exactLoss gives the mean and the smallest loss whose cumulative probability reaches 95% and 99%', () => {
    expect(exactLoss(pair, coin)).toEqual({ companies: 2, hitSets: 4, mean: 1.5, p95: 3, p99: 3 });
    // p = 0.04 each: P(0) = 0.9216 < 0.95 ≤ P(loss ≤ 1) = 0.96, and P(loss ≤ 2) = 0.9984 ≥ 0.99.
    expect(exactLoss(pair, { hitBase: 0.04, hitDecay: 1 })).toMatchObject({ p95: 1, p99: 2 });
  });
  it('exactLoss counts the cascade: a sole supplier takes its buyer down', () => {
    const chain = indexNetwork(net([{ id: 'oem', revenue: 10, securityScore: 100 }, { id: 's', revenue: 1 }], [['s', 'oem', 'x']]));
    const p = 0.3; // s has own score 0
    const pOem = 0.3 * 0.97 ** 100;
    expect(exactLoss(chain, { hitBase: 0.3, hitDecay: 0.97 }).mean).toBeCloseTo(p * 11 + (1 - p) * pOem * 10, 12);
  });
});

describe('monteCarloLoss', () => {
  it('monteCarloLoss rejects bad runs, seeds and ranges', () => {
    expect(() => monteCarloLoss(pair, { runs: 0 })).toThrow(/runs must be/);
    expect(() => monteCarloLoss(pair, { seed: -3 })).toThrow(/seed/);
    expect(() => simulateLosses(pair, { fromRun: 5, toRun: 5 })).toThrow(/toRun/);
  });
  it('nearestRank takes the ⌈q·n⌉-th smallest', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(sorted, 0.95)).toBe(95);
    expect(nearestRank(sorted, 0.99)).toBe(99);
    expect(nearestRank(Float64Array.from([1, 2, 3]), 0.95)).toBe(3);
    expect(nearestRank(Float64Array.from([7]), 0.5)).toBe(7);
  });
  it('monteCarloLoss is reproducible from its seed, and another seed gives other numbers', () => {
    const a = monteCarloLoss(pair, { runs: 2000, seed: 5 }, coin);
    const b = monteCarloLoss(pair, { runs: 2000, seed: 5 }, coin);
    const c = monteCarloLoss(pair, { runs: 2000, seed: 6 }, coin);
    expect(Array.from(b.losses)).toEqual(Array.from(a.losses));
    expect(b.mean).toBe(a.mean);
    expect(Array.from(c.losses)).not.toEqual(Array.from(a.losses));
  });
  it('simulateLosses over chunks gives bitwise the losses of the whole range', () => {
    const whole = simulateLosses(pair, { seed: 11, toRun: 1000 }, coin);
    const parts = [
      simulateLosses(pair, { seed: 11, fromRun: 0, toRun: 333 }, coin),
      simulateLosses(pair, { seed: 11, fromRun: 333, toRun: 334 }, coin),
      simulateLosses(pair, { seed: 11, fromRun: 334, toRun: 1000 }, coin),
    ];
    expect(Array.from(parts.flatMap((x) => Array.from(x)))).toEqual(Array.from(whole));
    const tail = monteCarloLoss(pair, { runs: 1000, seed: 11, fromRun: 334 }, coin);
    expect(Array.from(tail.losses)).toEqual(Array.from(whole.subarray(334)));
  });
  it('monteCarloLoss counts who is hit in the worst 5% of runs', () => {
    // b (value 2) is in every run of loss ≥ 2; with 1000 runs the worst 50 all have loss 3 (both hit).
    const d = monteCarloLoss(pair, { runs: 1000, seed: 2 }, coin);
    expect(d.worst).toEqual({ runs: 50, minLoss: 3 });
    expect(d.topHitInWorst).toEqual([
      { id: 'a', name: 'a', count: 50, share: 1 },
      { id: 'b', name: 'b', count: 50, share: 1 },
    ]);
    expect(d.p95).toBe(3);
    expect(d.max).toBe(3);
    expect(d.mean).toBeCloseTo(1.5, 1);
  });
});

describe('parallelMonteCarloLoss', () => {
  it('parallelMonteCarloLoss rejects a bad worker count', async () => {
    await expect(parallelMonteCarloLoss(pair, { workers: 0 })).rejects.toThrow(/workers must be/);
  });
  it('parallelMonteCarloLoss gives bitwise the single-thread losses and summary, with progress', async () => {
    const dir = join(VECTORS_DIR, 'large-cyclic');
    const { network } = await readNetwork(dir);
    const idx = indexNetwork(network);
    const single = monteCarloLoss(idx, { runs: 5000, seed: 42 });
    const progress: number[] = [];
    const parallel = await parallelMonteCarloLoss(idx, { runs: 5000, seed: 42, workers: 2, chunkSize: 700, onProgress: (done) => progress.push(done) });
    expect(parallel.losses.length).toBe(5000);
    expect(Buffer.from(parallel.losses.buffer).equals(Buffer.from(single.losses.buffer))).toBe(true);
    const { losses: _a, ...p } = parallel;
    const { losses: _b, ...s } = single;
    expect(p).toEqual(s);
    expect(progress.at(-1)).toBe(5000);
    expect(progress.length).toBe(Math.ceil(5000 / 700));
  });
});
