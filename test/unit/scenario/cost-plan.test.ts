/**
 * planCostSharing: the invalid input first, a hand-checked chain, the cost split, the
 * exact and Monte Carlo loss models against references of the static loss model (every
 * hit set weighed; the same per-company draws of each run's stream), and the greedy
 * plan against the best plan found by brute force over every set of lifts within the
 * budget on 200 random small networks (the figures are printed for the README).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFT_COSTS, planCostSharing, resolveLiftCosts } from '../../../src/analysis/cost-plan.ts';
import { createCascade } from '../../../src/analysis/cascade.ts';
import { ownScores } from '../../../src/analysis/own-score.ts';
import { drawHits, RunStream } from '../../../src/analysis/random.ts';
import { hitLikelihood } from '../../../src/analysis/risk.ts';
import { raiseLevel } from '../../../src/analysis/what-if.ts';
import { UsageError } from '../../../src/errors.ts';
import { indexNetwork, type IndexedNetwork } from '../../../src/model/index-network.ts';
import type { Company, Network } from '../../../src/model/types.ts';
import { arbitraryNetwork, net, referenceCascade, referenceOwn } from '../../helpers/network.ts';

/** The static model's own curve, until the event-loss plan replaces it. */
const OLD = { hitBase: 0.3, hitDecay: 0.97 };
const p = (s: number): number => 0.3 * 0.97 ** s;
const TABLE = [10, 25, 40, 60, 80, 95];

/** The static model's hit likelihoods: p(own score) of every company. */
function staticP(index: IndexedNetwork): Float64Array {
  const own = ownScores(index, OLD).score;
  return Float64Array.from(own, (s) => hitLikelihood(s, OLD));
}

/** The static model's loss of a hit set: the value of its disrupted set, summed in cascade order. */
function staticLoss(index: IndexedNetwork, cascade: ReturnType<typeof createCascade>, hits: Int32Array): number {
  if (hits.length === 0) return 0;
  const d = cascade.run(hits);
  let loss = 0;
  for (let j = 0; j < d.length; j++) loss += index.value[d[j]!]!;
  return loss;
}

/** Reference: the static model's exact expected loss, every hit set weighed by Π p Π (1 − p). */
function staticExactMean(index: IndexedNetwork): number {
  const p = staticP(index);
  const cascade = createCascade(index, OLD);
  let mean = 0;
  for (let h = 0; h < 2 ** index.n; h++) {
    let w = 1;
    const hits: number[] = [];
    for (let i = 0; i < index.n; i++) {
      if ((h >>> i) & 1) {
        w *= p[i]!;
        hits.push(i);
      } else w *= 1 - p[i]!;
    }
    mean += w * staticLoss(index, cascade, Int32Array.from(hits));
  }
  return mean;
}

/** Reference: the static model's Monte Carlo mean, run r hitting company i when the i-th uniform of its stream is below p_i. */
function staticMonteCarloMean(index: IndexedNetwork, runs: number, seed: number): number {
  const p = staticP(index);
  const cascade = createCascade(index, OLD);
  const stream = new RunStream();
  const hits = new Int32Array(index.n);
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += staticLoss(index, cascade, hits.subarray(0, drawHits(stream, seed, r, p, hits)));
  return sum / runs;
}

// oem (large, score 100) ← t1 (SME, ★0) sole; t1 ← t2 (SME, ★0) sole; buyer2 (large) ← t2 half of its need.
const chain = net(
  [
    { id: 'oem', size: 'large', securityScore: 100, revenue: 1000, focal: true },
    { id: 't1', size: 'sme', scsLevel: 0, revenue: 10 },
    { id: 't2', size: 'sme', scsLevel: 0, revenue: 5 },
    { id: 'buyer2', size: 'large', securityScore: 100, revenue: 500 },
    { id: 'other', size: 'large', securityScore: 100, revenue: 1 },
  ],
  [
    ['t1', 'oem', 'parts'],
    ['t2', 't1', 'steel'],
    ['t2', 'buyer2', 'steel', 0.6],
    ['other', 'buyer2', 'steel', 0.4],
  ],
);
const idx = indexNetwork(chain);

describe('planCostSharing input', () => {
  it('planCostSharing rejects a negative budget, a bad cost table and exact mode above 20 companies', () => {
    expect(() => planCostSharing(idx, { budget: -1, exact: true }, OLD)).toThrow(/budget must be/);
    expect(() => planCostSharing(idx, { budget: 1, exact: true, costs: { sme: [1, 2] } }, OLD)).toThrow(/costs.sme must hold 5/);
    expect(() => resolveLiftCosts({ large: [1, 2, 3, 4, -5] })).toThrow(/costs.large/);
    const big = indexNetwork(net(Array.from({ length: 21 }, (_, i) => ({ id: `c${i}` })), [['c1', 'c0', 'x']]));
    expect(() => planCostSharing(big, { budget: 1e6, exact: true }, OLD)).toThrow(UsageError);
    expect(() => planCostSharing(idx, { budget: 1, runs: 0 }, OLD)).toThrow(/runs must be/);
    expect(() => planCostSharing(idx, { budget: 1, runs: 100_000_000 }, OLD)).toThrow(/lower runs to \d+ or fewer/);
  });
  it('resolveLiftCosts fills the default table', () => {
    expect(resolveLiftCosts()).toEqual({ sme: [300_000, 1_000_000, 3_000_000, 10_000_000, 25_000_000], large: [1_500_000, 5_000_000, 15_000_000, 50_000_000, 125_000_000] });
    expect(resolveLiftCosts({ sme: [1, 1, 1, 1, 1] }).large).toBe(DEFAULT_LIFT_COSTS.large);
  });
});

describe('planCostSharing on a chain', () => {
  it('planCostSharing lifts the supplier whose lift avoids the most loss per yen and splits its cost by avoided loss', () => {
    const plan = planCostSharing(idx, { budget: 300_000, exact: true }, OLD);
    expect(plan.rows).toHaveLength(1);
    const row = plan.rows[0]!;
    const dp = p(10) - p(25);
    // t2 takes down t1, oem and buyer2 (0.4 left < 0.5); t1 only itself and oem.
    const po = p(100);
    const avoidedT2 = dp * (5 + 10 * (1 - p(10)) + 1000 * (1 - po) * (1 - p(10)) + 500 * (1 - po));
    expect(row).toMatchObject({ supplier: 't2', size: 'sme', fromLevel: 0, toLevel: 1, fromScore: 10, toScore: 25, cost: 300_000 });
    expect(row.avoidedLoss).toBeCloseTo(avoidedT2, 9);
    expect(row.ratio).toBeCloseTo(avoidedT2 / 300_000, 15);
    const split = row.split;
    if (split === 'unallocated') throw new Error('expected a split');
    expect(split.map((s) => s.company)).toEqual(['oem', 'buyer2']);
    const oem = 1000 * (1 - po) * (1 - p(10)) * dp;
    const b2 = 500 * (1 - po) * dp;
    expect(split[0]!.avoidedLoss).toBeCloseTo(oem, 9);
    expect(split[0]!.amount).toBeCloseTo((300_000 * oem) / (oem + b2), 6);
    expect(split[0]!.amount + split[1]!.amount).toBeCloseTo(300_000, 6);
    expect(plan).toMatchObject({ method: 'exact', runs: null, totalCost: 300_000, budget: 300_000 });
  });
  it('planCostSharing skips a lift that no longer fits and takes cheaper ones', () => {
    // 0.6M: t2 0→1 (0.3M), then t1 0→1 (0.3M) — t2's 1→2 at 1M does not fit.
    const plan = planCostSharing(idx, { budget: 600_000, exact: true }, OLD);
    expect(plan.rows.map((r) => `${r.supplier}:${r.fromLevel}>${r.toLevel}`)).toEqual(['t2:0>1', 't1:0>1']);
    expect(plan.totalCost).toBe(600_000);
  });
  it('planCostSharing never lifts a company that supplies nobody and stops when nothing fits', () => {
    const plan = planCostSharing(idx, { budget: 1e12, exact: true }, OLD);
    expect(plan.rows.every((r) => r.supplier !== 'oem' && r.supplier !== 'buyer2')).toBe(true);
    expect(plan.rows.filter((r) => r.supplier === 't2').at(-1)!.toLevel).toBe(5);
    expect(planCostSharing(idx, { budget: 100_000, exact: true }, OLD).rows).toEqual([]);
  });
  it('planCostSharing says unallocated when no large company avoids loss', () => {
    const smes = net([{ id: 'v', revenue: 100 }, { id: 's' }], [['s', 'v', 'x']]);
    const plan = planCostSharing(indexNetwork(smes), { budget: 300_000, exact: true }, OLD);
    expect(plan.rows[0]!.split).toBe('unallocated');
  });
  it('planCostSharing jumps over levels that would not raise the score, paying for them', () => {
    // s holds ★0 but scores 50: ★1 (25) and ★2 (40) change nothing, ★3 (60) does: 0.3 + 1 + 3 = 4.3M.
    const n = net([{ id: 'v', revenue: 100, size: 'large' }, { id: 's', scsLevel: 0, securityScore: 50 }], [['s', 'v', 'x']]);
    const plan = planCostSharing(indexNetwork(n), { budget: 5_000_000, exact: true }, OLD);
    expect(plan.rows.map((r) => [r.fromLevel, r.toLevel, r.fromScore, r.toScore, r.cost])).toEqual([[0, 3, 50, 60, 4_300_000]]);
  });
  it('planCostSharing in exact mode ends at the exact loss of the lifted network', () => {
    const plan = planCostSharing(idx, { budget: 5_000_000, exact: true }, OLD);
    let lifted = chain;
    for (const r of plan.rows) lifted = raiseLevel(lifted, r.supplier, r.toLevel);
    expect(plan.expectedLossBefore).toBeCloseTo(staticExactMean(idx), 9);
    expect(plan.expectedLossAfter).toBeCloseTo(staticExactMean(indexNetwork(lifted)), 9);
    const avoided = plan.rows.reduce((t, r) => t + r.avoidedLoss, 0);
    expect(avoided).toBeCloseTo(plan.expectedLossBefore - plan.expectedLossAfter, 9);
  });
  it('planCostSharing with Monte Carlo starts from the static Monte Carlo mean with the same seed and its avoided losses add up', () => {
    const plan = planCostSharing(idx, { budget: 5_000_000, runs: 20_000, seed: 9 }, OLD);
    expect(plan).toMatchObject({ method: 'monte-carlo', runs: 20_000, seed: 9 });
    expect(plan.expectedLossBefore).toBe(staticMonteCarloMean(idx, 20_000, 9));
    const avoided = plan.rows.reduce((t, r) => t + r.avoidedLoss, 0);
    expect(avoided).toBeCloseTo(plan.expectedLossBefore - plan.expectedLossAfter, 6);
    // Common random numbers: the first lift's avoided loss is close to the exact one.
    const exact = planCostSharing(idx, { budget: 5_000_000, exact: true }, OLD);
    expect(plan.rows[0]!.supplier).toBe(exact.rows[0]!.supplier);
    expect(Math.abs(plan.rows[0]!.avoidedLoss - exact.rows[0]!.avoidedLoss)).toBeLessThan(0.1 * exact.rows[0]!.avoidedLoss);
  });
});

/** Own level by DESIGN.md: scs_level, else the highest level whose table score is reached, else 0. */
function ownLevel(c: Company): number {
  if (c.scsLevel !== null) return c.scsLevel;
  if (c.securityScore === null) return 0;
  return Math.max(0, TABLE.filter((s) => c.securityScore! >= s).length - 1);
}

/** Best avoided loss over every set of lifts within budget, by brute force with the reference cascade. */
function bestAvoided(network: Network, budget: number): { before: number; best: number } {
  const n = network.companies.length;
  const loss = new Float64Array(2 ** n);
  for (let h = 1; h < 2 ** n; h++) {
    const hit = network.companies.filter((_, i) => (h >> i) & 1).map((c) => c.id);
    const d = new Set(referenceCascade(network, hit));
    loss[h] = network.companies.reduce((t, c) => t + (d.has(c.id) ? (c.revenue ?? 1) : 0), 0);
  }
  const expected = (prob: number[]): number => {
    let total = 0;
    for (let h = 0; h < 2 ** n; h++) {
      let w = 1;
      for (let i = 0; i < n; i++) w *= (h >> i) & 1 ? prob[i]! : 1 - prob[i]!;
      total += w * loss[h]!;
    }
    return total;
  };
  const scores = network.companies.map(referenceOwn);
  const before = expected(scores.map(p));
  const suppliers = network.companies.map((_, i) => i).filter((i) => network.supplies.some((s) => s.supplier === network.companies[i]!.id));
  let best = 0;
  const current = scores.slice();
  const visit = (k: number, left: number): void => {
    if (k === suppliers.length) {
      best = Math.max(best, before - expected(current.map(p)));
      return;
    }
    const i = suppliers[k]!;
    const c = network.companies[i]!;
    const table = DEFAULT_LIFT_COSTS[c.size ?? 'sme'];
    visit(k + 1, left);
    let cost = 0;
    for (let to = ownLevel(c) + 1; to <= 5; to++) {
      cost += table[to - 1]!;
      if (cost > left) break;
      current[i] = Math.max(scores[i]!, TABLE[to]!);
      visit(k + 1, left - cost);
    }
    current[i] = scores[i]!;
  };
  visit(0, budget);
  return { before, best };
}

describe('planCostSharing greedy against brute force', () => {
  it('planCostSharing avoids close to the best loss any set of lifts within budget avoids (200 random networks of ≤ 8 companies)', () => {
    const pool = fc.sample(arbitraryNetwork({ maxCompanies: 8, cyclic: true }), { seed: 20_260_401, numRuns: 1000 });
    const budgets = [300_000, 1_000_000, 1_600_000, 3_000_000, 5_000_000, 12_000_000];
    const ratios: number[] = [];
    let optimal = 0;
    let skipped = 0;
    for (let k = 0; k < pool.length && ratios.length < 200; k++) {
      const base = pool[k]!;
      const network: Network = { ...base, companies: base.companies.map((c, i) => ({ ...c, size: (i + k) % 3 === 0 ? 'large' : 'sme' })) };
      const budget = budgets[k % budgets.length]!;
      const { before, best } = bestAvoided(network, budget);
      const plan = planCostSharing(indexNetwork(network), { budget, exact: true }, OLD);
      expect(plan.expectedLossBefore).toBeCloseTo(before, 9);
      expect(plan.totalCost).toBeLessThanOrEqual(budget);
      const greedy = plan.expectedLossBefore - plan.expectedLossAfter;
      expect(greedy).toBeLessThanOrEqual(best + 1e-9 * Math.max(1, before));
      if (best <= 1e-12 * Math.max(1, before)) {
        skipped++; // nothing within budget avoids any loss (no supplier, or no lift affordable)
        continue;
      }
      const ratio = greedy / best;
      ratios.push(ratio);
      if (ratio >= 1 - 1e-9) optimal++;
    }
    const sorted = ratios.slice().sort((a, b) => a - b);
    const mean = ratios.reduce((t, r) => t + r, 0) / ratios.length;
    console.log(
      `greedy vs brute force over ${ratios.length} random networks of ≤ 8 companies (${skipped} more skipped: no lift within budget avoids any loss): ` +
        `greedy/optimal avoided loss min ${sorted[0]!.toFixed(4)}, 5th percentile ${sorted[Math.floor(0.05 * sorted.length)]!.toFixed(4)}, ` +
        `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(4)}, mean ${mean.toFixed(4)}; optimal in ${optimal} (${((100 * optimal) / ratios.length).toFixed(1)}%)`,
    );
    expect(ratios.length).toBe(200);
    // Greedy by ratio is a knapsack heuristic: a cheap lift of high ratio can crowd out a dearer
    // one that avoids much more (the worst case seen: 0.34 — ★0→★1 of an SME taken first, so
    // the large focal company's own 1.5M lift no longer fits).
    expect(sorted[0]!).toBeGreaterThanOrEqual(0.3);
    expect(mean).toBeGreaterThanOrEqual(0.97);
  });
});
