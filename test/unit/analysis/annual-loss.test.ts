/**
 * The annual loss distribution: exact enumeration against hand-worked distributions and
 * the shared vectors' `annualLoss`; Monte Carlo sampling checked against the closed-form
 * expected annual loss (within 3 standard errors on every shared vector and a generated
 * network), per-company hit frequencies and pairwise independence against p, duration
 * frequencies against P(d); determinism, chunking and worker threads bitwise equal to one
 * thread; the curves' shape.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parallelMonteCarloAnnualLoss } from '../../../src/analysis-runtime/parallel-loss.ts';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import {
  annualLossModel,
  CURVE_POINTS,
  EXACT_LIMIT,
  exactAnnualLoss,
  exactQuantile,
  exceedanceAt,
  monteCarloAnnualLoss,
  nearestRank,
  samplerInput,
  simulateAnnualLosses,
  type AnnualLossModel,
  type CurvePoint,
} from '../../../src/analysis/annual-loss.ts';
import type { Duration } from '../../../src/analysis/options.ts';
import { UsageError } from '../../../src/errors.ts';
import { collectNetwork, generateNetwork } from '../../../src/generate/generate-network.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Network } from '../../../src/model/types.ts';
import { VECTORS_DIR } from '../../vectors-dir.ts';

/** A model by hand: p per company, L(x, d_k) rows, EL from them. */
function model(p: number[], durations: Duration[], rows: number[][]): AnnualLossModel {
  const expected = Float64Array.from(rows, (row) => row.reduce((s, l, k) => s + durations[k]!.probability * l, 0));
  return { p: Float64Array.from(p), eventLoss: { durations, byDuration: Float64Array.from(rows.flat()), expected } };
}

const TWO_DAYS: Duration[] = [
  { days: 1, probability: 0.5 },
  { days: 2, probability: 0.5 },
];
// a: 0 (½), 1 (¼), 2 (¼); b: 0 (½), 10 (¼), 20 (¼).
const pair = model([0.5, 0.5], TWO_DAYS, [
  [1, 2],
  [10, 20],
]);

const expectCurveShape = (curve: CurvePoint[]): void => {
  expect(curve.length).toBeLessThanOrEqual(CURVE_POINTS);
  for (let i = 0; i < curve.length; i++) {
    expect(curve[i]!.loss).toBeGreaterThan(0);
    expect(curve[i]!.probability).toBeGreaterThan(0);
    expect(curve[i]!.probability).toBeLessThanOrEqual(1);
    if (i > 0) {
      expect(curve[i]!.loss).toBeGreaterThan(curve[i - 1]!.loss);
      expect(curve[i]!.probability).toBeLessThanOrEqual(curve[i - 1]!.probability);
    }
  }
};

async function analysed(dir: string): Promise<ReturnType<typeof runAnalysis>> {
  const { network } = await readNetwork(dir);
  return runAnalysis(indexNetwork(network));
}

describe('exactAnnualLoss', () => {
  it('exactAnnualLoss gives the whole distribution, quantiles, AEP and OEP of two independent companies', () => {
    const e = exactAnnualLoss(pair);
    expect(Array.from(e.distribution.loss)).toEqual([0, 1, 2, 10, 11, 12, 20, 21, 22]);
    expect(Array.from(e.distribution.probability)).toEqual([
      0.25, 0.125, 0.125, 0.125, 0.0625, 0.0625, 0.125, 0.0625, 0.0625,
    ]);
    expect(e).toMatchObject({
      method: 'exact',
      runs: null,
      seed: null,
      standardError: null,
      outcomes: 9,
      mean: 8.25,
      expectedAnnualLoss: 8.25,
    });
    expect(e.quantiles).toEqual({ p95: 22, p99: 22, p995: 22 });
    expect([0.25, 0.5, 0.6, 0.75, 0.9].map((q) => exactQuantile(e.distribution, q))).toEqual([0, 2, 10, 12, 21]);
    expect(e.exceedance).toEqual(
      [
        [1, 0.75],
        [2, 0.625],
        [10, 0.5],
        [11, 0.375],
        [12, 0.3125],
        [20, 0.25],
        [21, 0.125],
        [22, 0.0625],
      ].map(([loss, probability]) => ({ loss, probability })),
    );
    // Largest single event: ≥ 1 unless neither is hit; ≥ 2 unless a ≤ 1 and b = 0; ≥ 10 iff b is hit; ≥ 20 iff b lasts 2 days.
    expect(e.occurrence).toEqual(
      [
        [1, 0.75],
        [2, 0.625],
        [10, 0.5],
        [20, 0.25],
      ].map(([loss, probability]) => ({ loss, probability })),
    );
    expect(e.returnPeriods.find((r) => r.years === 2)).toEqual({ years: 2, annualLoss: 2, largestEvent: 2 });
    expect(e.returnPeriods.find((r) => r.years === 5)).toEqual({ years: 5, annualLoss: 20, largestEvent: 20 });
  });

  it('exactAnnualLoss: a company of p = 1 is hit every year, one of p = 0 never', () => {
    const e = exactAnnualLoss(
      model([1, 0], TWO_DAYS, [
        [1, 2],
        [100, 200],
      ]),
    );
    expect(Array.from(e.distribution.loss)).toEqual([1, 2]);
    expect(Array.from(e.distribution.probability)).toEqual([0.5, 0.5]);
    expect(e.quantiles).toEqual({ p95: 2, p99: 2, p995: 2 });
    expect(e.occurrence).toEqual([
      { loss: 1, probability: 1 },
      { loss: 2, probability: 0.5 },
    ]);
  });

  it('exactAnnualLoss refuses more than 8 companies with a usage error on exact that says to leave --exact out', () => {
    expect(EXACT_LIMIT).toBe(8);
    const nine = model(
      Array(9).fill(0.1),
      TWO_DAYS,
      Array.from({ length: 9 }, () => [1, 2]),
    );
    expect(() => exactAnnualLoss(nine)).toThrow(UsageError);
    try {
      exactAnnualLoss(nine);
    } catch (error) {
      expect((error as UsageError).field).toBe('exact');
      expect((error as Error).message).toMatch(/at most 8 companies/);
      expect((error as Error).message).toMatch(/leave --exact out/);
    }
    expect(() =>
      exactAnnualLoss(
        model(
          Array(8).fill(0.1),
          TWO_DAYS,
          Array.from({ length: 8 }, () => [1, 2]),
        ),
      ),
    ).not.toThrow();
  });

  it('exactAnnualLoss thins a curve of many distinct losses to at most CURVE_POINTS monotone points', () => {
    const rows = Array.from({ length: 8 }, (_, x) => [1 + x * 0.37, 5 + x * 1.3, 11 + x * 2.9]);
    const durations = [
      { days: 1, probability: 0.5 },
      { days: 5, probability: 0.3 },
      { days: 14, probability: 0.2 },
    ];
    const e = exactAnnualLoss(model([0.3, 0.2, 0.1, 0.05, 0.5, 0.02, 0.01, 0.4], durations, rows));
    expect(e.distribution.loss.length).toBeGreaterThan(CURVE_POINTS);
    expectCurveShape(e.exceedance);
    expectCurveShape(e.occurrence);
    for (const point of e.exceedance)
      expect(point.probability).toBeCloseTo(exceedanceAt(e.distribution, point.loss), 12);
    const total = e.distribution.probability.reduce((s, w) => s + w, 0);
    expect(total).toBeCloseTo(1, 12);
  });
});

interface VectorAnnualLoss {
  quantiles: Record<string, number>;
  exceedance: [number, number][];
  mean: number;
}

const folders = readdirSync(VECTORS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(VECTORS_DIR, d.name, 'expected.json')))
  .map((d) => d.name);
const vectorOf = (
  folder: string,
): { annualLoss?: VectorAnnualLoss; theta: number; durations: [number, number][]; hitBase: number; hitDecay: number } =>
  JSON.parse(readFileSync(join(VECTORS_DIR, folder, 'expected.json'), 'utf8'));

/** Money is compared to 1e-6 relative (absolute for 0). */
const closeMoney = (got: number, want: number, what: string): void => {
  expect(Math.abs(got - want), `${what}: got ${got}, want ${want}`).toBeLessThanOrEqual(
    want === 0 ? 1e-9 : 1e-6 * Math.abs(want),
  );
};

describe('exactAnnualLoss on the shared vectors', () => {
  const withAnnualLoss = folders.filter((f) => vectorOf(f).annualLoss !== undefined);
  it('finds vector folders with annualLoss', () => {
    expect(withAnnualLoss.length).toBeGreaterThanOrEqual(1);
  });
  for (const folder of withAnnualLoss) {
    it(`exactAnnualLoss reproduces annualLoss of ${folder}: quantiles, exceedance and mean`, async () => {
      const v = vectorOf(folder);
      const want = v.annualLoss!;
      const { network } = await readNetwork(join(VECTORS_DIR, folder));
      const durations = v.durations.map(([days, probability]) => ({ days, probability }));
      const a = runAnalysis(indexNetwork(network), {
        theta: v.theta,
        durations,
        hitBase: v.hitBase,
        hitDecay: v.hitDecay,
      });
      const e = exactAnnualLoss(annualLossModel(a));
      for (const [name, value] of Object.entries(want.quantiles)) {
        closeMoney(exactQuantile(e.distribution, Number(name.slice(1)) / 100), value, `${folder} ${name}`);
      }
      closeMoney(e.quantiles.p95, want.quantiles.p95!, `${folder} p95`);
      closeMoney(e.quantiles.p99, want.quantiles.p99!, `${folder} p99`);
      for (const [loss, probability] of want.exceedance) {
        // The vector's losses are rounded; P(annual loss ≥ ℓ) is taken at ℓ less 1e-6 relative.
        expect(exceedanceAt(e.distribution, loss * (1 - 1e-6)), `${folder} P(≥ ${loss})`).toBeCloseTo(probability, 9);
      }
      closeMoney(e.mean, want.mean, `${folder} mean`);
      closeMoney(e.expectedAnnualLoss, want.mean, `${folder} expectedAnnualLoss`);
      expect(e.expectedAnnualLoss).toBe(a.expectedAnnualLoss);
    });
  }
});

describe('monteCarloAnnualLoss', () => {
  it('monteCarloAnnualLoss rejects bad runs, seeds and ranges', () => {
    expect(() => monteCarloAnnualLoss(pair, { runs: 0 })).toThrow(/runs must be/);
    expect(() => monteCarloAnnualLoss(pair, { seed: -3 })).toThrow(/seed/);
    expect(() => simulateAnnualLosses(samplerInput(pair), { fromRun: 5, toRun: 5 })).toThrow(/toRun/);
  });

  it('nearestRank takes the ⌈q·n⌉-th smallest', () => {
    const sorted = Float64Array.from({ length: 200 }, (_, i) => i + 1);
    expect(nearestRank(sorted, 0.95)).toBe(190);
    expect(nearestRank(sorted, 0.99)).toBe(198);
    expect(nearestRank(sorted, 0.995)).toBe(199);
    expect(nearestRank(Float64Array.from([1, 2, 3]), 0.95)).toBe(3);
    expect(nearestRank(Float64Array.from([7]), 0.5)).toBe(7);
  });

  it('monteCarloAnnualLoss is reproducible from its seed, another seed gives other numbers, and any range of runs gives bitwise the whole', () => {
    const a = monteCarloAnnualLoss(pair, { runs: 2000, seed: 5 });
    const b = monteCarloAnnualLoss(pair, { runs: 2000, seed: 5 });
    const c = monteCarloAnnualLoss(pair, { runs: 2000, seed: 6 });
    expect(Array.from(b.annual)).toEqual(Array.from(a.annual));
    expect(b.mean).toBe(a.mean);
    expect(Array.from(c.annual)).not.toEqual(Array.from(a.annual));
    const input = samplerInput(pair);
    const parts = [
      simulateAnnualLosses(input, { seed: 5, fromRun: 0, toRun: 333 }),
      simulateAnnualLosses(input, { seed: 5, fromRun: 333, toRun: 334 }),
      simulateAnnualLosses(input, { seed: 5, fromRun: 334, toRun: 2000 }),
    ];
    expect(parts.flatMap((x) => Array.from(x.annual))).toEqual(Array.from(a.annual));
    expect(parts.flatMap((x) => Array.from(x.largest))).toEqual(Array.from(a.largest));
    const tail = monteCarloAnnualLoss(pair, { runs: 2000, seed: 5, fromRun: 334 });
    expect(Array.from(tail.annual)).toEqual(Array.from(a.annual.subarray(334)));
  });

  it('monteCarloAnnualLoss summarises its runs: mean, standard error, nearest-rank quantiles, sample curves', () => {
    const d = monteCarloAnnualLoss(pair, { runs: 4000, seed: 2 });
    const sorted = Float64Array.from(d.annual).sort();
    const mean = d.annual.reduce((s, x) => s + x, 0) / 4000;
    const sd = Math.sqrt(d.annual.reduce((s, x) => s + (x - mean) ** 2, 0) / 3999);
    expect(d.mean).toBeCloseTo(mean, 12);
    expect(d.standardError).toBeCloseTo(sd / Math.sqrt(4000), 12);
    expect(d.quantiles).toEqual({ p95: sorted[3799], p99: sorted[3959], p995: sorted[3979] });
    expect(d).toMatchObject({ method: 'monte-carlo', runs: 4000, seed: 2, expectedAnnualLoss: 8.25 });
    expectCurveShape(d.exceedance);
    expectCurveShape(d.occurrence);
    for (const point of d.exceedance)
      expect(point.probability).toBe(d.annual.filter((x) => x >= point.loss).length / 4000);
    for (const point of d.occurrence)
      expect(point.probability).toBe(d.largest.filter((x) => x >= point.loss).length / 4000);
    for (let r = 0; r < 4000; r++) {
      expect(d.largest[r]!).toBeLessThanOrEqual(d.annual[r]!);
      expect([0, 1, 2, 10, 20]).toContain(d.largest[r]);
    }
    expect(d.returnPeriods.map((r) => r.years)).toEqual([2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(monteCarloAnnualLoss(pair, { runs: 30, seed: 2 }).returnPeriods.map((r) => r.years)).toEqual([2, 5, 10, 20]);
    expect(monteCarloAnnualLoss(pair, { runs: 1, seed: 2 }).standardError).toBe(0);
  });

  it('monteCarloAnnualLoss: p = 1 is hit in every run, p = 0 in none, and durations come out with their probabilities', () => {
    const durations = [
      { days: 1, probability: 0.2 },
      { days: 5, probability: 0 },
      { days: 14, probability: 0.5 },
      { days: 30, probability: 0.3 },
    ];
    const d = monteCarloAnnualLoss(
      model([1, 0], durations, [
        [1, 10, 100, 1000],
        [1e6, 1e6, 1e6, 1e6],
      ]),
      { runs: 20_000, seed: 4 },
    );
    const count = (loss: number): number => d.annual.filter((x) => x === loss).length;
    expect(count(1) + count(100) + count(1000)).toBe(20_000);
    expect(count(10)).toBe(0);
    for (const [loss, p] of [
      [1, 0.2],
      [100, 0.5],
      [1000, 0.3],
    ] as const) {
      expect(Math.abs(count(loss) - 20_000 * p), `P(${loss})`).toBeLessThan(4 * Math.sqrt(20_000 * p * (1 - p)));
    }
  });

  it('monteCarloAnnualLoss hits each company with frequency p(x), independently of the others', () => {
    // One duration and L(x) = 2^x, so the annual loss of a run spells out its hit set.
    const p = [
      1, 0, 0.9, 0.6, 0.51, 0.5, 0.49, 0.3, 0.26, 0.25, 0.1, 0.07, 0.07, 0.07, 0.013, 0.012, 0.0015, 0.2, 0.2, 0.2, 0.2,
      0.2, 0.2, 0.2, 0.33,
    ];
    const n = p.length;
    const m = model(
      p,
      [{ days: 1, probability: 1 }],
      p.map((_, x) => [2 ** x]),
    );
    const runs = 100_000;
    const d = monteCarloAnnualLoss(m, { runs, seed: 11 });
    const hits = new Float64Array(n);
    const both = new Float64Array(n * n);
    for (const loss of d.annual) {
      const set: number[] = [];
      for (let x = 0; x < n; x++) if (Math.floor(loss / 2 ** x) % 2 === 1) set.push(x);
      for (const x of set) {
        hits[x]!++;
        for (const y of set) both[x * n + y]!++;
      }
    }
    expect(hits[0]).toBe(runs);
    expect(hits[1]).toBe(0);
    for (let x = 2; x < n; x++) {
      const sd = Math.sqrt(runs * p[x]! * (1 - p[x]!));
      expect(Math.abs(hits[x]! - runs * p[x]!), `company ${x} (p ${p[x]})`).toBeLessThan(4.5 * sd);
    }
    // Neighbours within a bucket and across buckets are hit together as often as independence says.
    for (const [x, y] of [
      [17, 18],
      [18, 19],
      [11, 12],
      [7, 24],
      [3, 4],
      [5, 6],
      [8, 9],
      [2, 3],
    ] as const) {
      const q = p[x]! * p[y]!;
      expect(Math.abs(both[x * n + y]! - runs * q), `companies ${x} and ${y}`).toBeLessThan(
        4.5 * Math.sqrt(runs * q * (1 - q)),
      );
    }
  });

  it('monteCarloAnnualLoss: the mean is within 3 standard errors of the closed-form expected annual loss on every shared vector', async () => {
    for (const folder of folders) {
      const a = await analysed(join(VECTORS_DIR, folder));
      const d = monteCarloAnnualLoss(annualLossModel(a), { runs: 20_000, seed: 1 });
      expect(d.expectedAnnualLoss).toBe(a.expectedAnnualLoss);
      expect(
        Math.abs(d.mean - a.expectedAnnualLoss),
        `${folder}: mean ${d.mean} ± ${d.standardError}, AAL ${a.expectedAnnualLoss}`,
      ).toBeLessThanOrEqual(3 * d.standardError);
      expectCurveShape(d.exceedance);
      expectCurveShape(d.occurrence);
    }
  });

  it('monteCarloAnnualLoss: the mean is within 3 standard errors of the closed form on a generated network of 3,000 companies', () => {
    const { network } = generateNetwork({ companies: 3000, seed: 5 }, collectNetwork()) as { network: Network };
    const a = runAnalysis(indexNetwork(network));
    const d = monteCarloAnnualLoss(annualLossModel(a), { runs: 20_000, seed: 3 });
    expect(a.expectedAnnualLoss).toBeGreaterThan(0);
    expect(
      Math.abs(d.mean - a.expectedAnnualLoss),
      `mean ${d.mean} ± ${d.standardError}, AAL ${a.expectedAnnualLoss}`,
    ).toBeLessThanOrEqual(3 * d.standardError);
    expect(d.quantiles.p95).toBeLessThanOrEqual(d.quantiles.p99);
    expect(d.quantiles.p99).toBeLessThanOrEqual(d.quantiles.p995);
  });

  it('monteCarloAnnualLoss agrees with the exact distribution of the small-tree vector (mean, P(annual loss ≥ the 1-in-100-year loss))', async () => {
    const m = annualLossModel(await analysed(join(VECTORS_DIR, 'small-tree')));
    const e = exactAnnualLoss(m);
    const d = monteCarloAnnualLoss(m, { runs: 50_000, seed: 8 });
    expect(Math.abs(d.mean - e.mean)).toBeLessThanOrEqual(3 * d.standardError);
    const level = e.quantiles.p99;
    const pExact = exceedanceAt(e.distribution, level);
    const pSample = d.annual.filter((x) => x >= level).length / 50_000;
    expect(Math.abs(pSample - pExact)).toBeLessThan(4 * Math.sqrt((pExact * (1 - pExact)) / 50_000));
  });
});

describe('parallelMonteCarloAnnualLoss', () => {
  it('parallelMonteCarloAnnualLoss rejects a bad worker count', async () => {
    await expect(parallelMonteCarloAnnualLoss(pair, { workers: 0 })).rejects.toThrow(/workers must be/);
  });

  it('parallelMonteCarloAnnualLoss gives bitwise the single-thread losses and summary, with progress', async () => {
    const m = annualLossModel(await analysed(join(VECTORS_DIR, 'large-cyclic')));
    const single = monteCarloAnnualLoss(m, { runs: 5000, seed: 42 });
    const progress: number[] = [];
    const parallel = await parallelMonteCarloAnnualLoss(m, {
      runs: 5000,
      seed: 42,
      workers: 2,
      chunkSize: 700,
      onProgress: (done) => progress.push(done),
    });
    expect(parallel.annual.length).toBe(5000);
    expect(Buffer.from(parallel.annual.buffer).equals(Buffer.from(single.annual.buffer))).toBe(true);
    expect(Buffer.from(parallel.largest.buffer).equals(Buffer.from(single.largest.buffer))).toBe(true);
    expect(parallel).toEqual(single);
    expect(progress.at(-1)).toBe(5000);
    expect(progress.length).toBe(Math.ceil(5000 / 700));
  });
});
