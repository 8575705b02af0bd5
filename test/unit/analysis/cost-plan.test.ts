/**
 * costPlan: the invalid input first, a hand-checked chain (options, the cost split,
 * ★1/★2 left out by default), the shared vectors' optimal plans, the exact plan against
 * brute force over every choice of lifts on random small networks (each option's avoided
 * AAL measured by analysing the lifted network again), and the greedy's bound on larger
 * generated networks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import {
  costPlan,
  DEFAULT_LIFT_COSTS,
  DEFAULTS,
  resolveLiftCosts,
  splitCost,
  type CostPlan,
} from '../../../src/analysis/cost-plan.ts';
import { expectedDaysDown } from '../../../src/analysis/event-loss.ts';
import { DEFAULTS as OPTIONS } from '../../../src/analysis/options.ts';
import { raiseLevel } from '../../../src/analysis/what-if.ts';
import { UsageError } from '../../../src/errors.ts';
import { collectNetwork, generateNetwork } from '../../../src/generate/generate-network.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Network, Size } from '../../../src/model/types.ts';
import { VECTORS_DIR } from '../../vectors-dir.ts';
import { arbitraryNetwork, net } from '../../helpers/network.ts';

const p = (s: number): number => Math.min(1, 0.015 * 0.975 ** s);
const w = expectedDaysDown(OPTIONS.durations);
const analyse = (network: Network) => runAnalysis(indexNetwork(network));

/** The error `f` throws. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

/** Shares add up to the cost; all but the largest are multiples of ¥1,000. */
function expectSplitsAddUp(plan: CostPlan): void {
  for (const lift of plan.lifts) {
    const sum = lift.split.reduce((t, s) => t + s.amount, 0) + lift.unallocated;
    expect(sum, lift.supplier).toBe(lift.cost);
    if (lift.split.length > 0) expect(lift.unallocated).toBe(0);
    const multiples = lift.split.filter((s) => s.amount % 1000 === 0).length;
    expect(multiples, lift.supplier).toBeGreaterThanOrEqual(lift.split.length - 1);
  }
}

// oem (large, focal) ← t1 (SME, ★0) sole; t1 ← t2 (SME, ★0) sole with no buffer; buyer2 (large) ← t2 for 0.6 of its steel.
const chain = net(
  [
    { id: 'oem', size: 'large', securityScore: 100, revenue: 3_650_000, focal: true },
    { id: 't1', size: 'sme', scsLevel: 0, revenue: 365_000 },
    { id: 't2', size: 'sme', scsLevel: 0, revenue: 36_500 },
    { id: 'buyer2', size: 'large', securityScore: 100, revenue: 730_000 },
    { id: 'other', size: 'large', securityScore: 100, revenue: 365 },
  ],
  [
    ['t1', 'oem', 'parts', null, { bufferDays: 3 }],
    ['t2', 't1', 'steel'],
    ['t2', 'buyer2', 'steel', 0.6],
    ['other', 'buyer2', 'steel', 0.4],
  ],
);
const a = analyse(chain);
const at = (id: string): number => a.index.indexOf.get(id)!;

describe('costPlan input', () => {
  it('costPlan rejects a budget that is not a number from 0 to 1e15, naming budget', () => {
    for (const budget of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e15 + 1e3, '5' as unknown as number]) {
      const e = thrown(() => costPlan(a, { budget }));
      expect(e, String(budget)).toBeInstanceOf(UsageError);
      expect((e as UsageError).field).toBe('budget');
      expect((e as UsageError).message).toMatch(/budget/);
    }
    expect(costPlan(a, { budget: 1e15 }).budget).toBe(1e15);
    expect(costPlan(a, { budget: 0 })).toMatchObject({ avoided: 0, totalCost: 0, lifts: [], optimal: true });
  });
  it('costPlan rejects target levels outside 1–5, naming planTargets', () => {
    for (const planTargets of [[0], [6], [2.5], [], [3, Number.NaN]]) {
      const e = thrown(() => costPlan(a, { budget: 1e6, planTargets }));
      expect(e, JSON.stringify(planTargets)).toBeInstanceOf(UsageError);
      expect((e as UsageError).field).toBe('planTargets');
    }
  });
  it('resolveLiftCosts fills the default table and rejects a bad one', () => {
    expect(resolveLiftCosts()).toEqual({
      sme: [300_000, 1_000_000, 3_000_000, 10_000_000, 25_000_000],
      large: [1_500_000, 5_000_000, 15_000_000, 50_000_000, 125_000_000],
    });
    expect(resolveLiftCosts({ sme: [1, 1, 1, 1, 1] }).large).toBe(DEFAULT_LIFT_COSTS.large);
    expect(() => resolveLiftCosts({ large: [1, 2, 3, 4, -5] })).toThrow(/costs.large/);
    expect(() => costPlan(a, { budget: 1, costs: { sme: [1, 2] } })).toThrow(/costs.sme must hold 5/);
  });
});

describe('costPlan on a chain', () => {
  const el = (id: string): number => a.eventLoss.expected[at(id)]!;
  it('costPlan takes the lift that avoids the most AAL within the budget, at its price and p(★k)', () => {
    // ★3 costs an SME 0.3 + 1 + 3 = 4.3M; t2 takes t1, oem and buyer2 down, t1 only oem (after its buffer).
    const plan = costPlan(a, { budget: 4_300_000 });
    expect(plan).toMatchObject({
      method: 'dynamic-programming',
      optimal: true,
      totalCost: 4_300_000,
      budget: 4_300_000,
    });
    expect(plan.lifts).toHaveLength(1);
    const lift = plan.lifts[0]!;
    const best = el('t2') >= el('t1') ? 't2' : 't1';
    expect(lift).toMatchObject({ supplier: best, size: 'sme', fromLevel: 0, toLevel: 3, cost: 4_300_000 });
    expect(lift.avoided).toBeCloseTo((p(10) - p(60)) * el(best), 9);
    expect(lift.payback).toBeCloseTo(lift.avoided / 4_300_000, 15);
    expect(plan.avoided).toBe(lift.avoided);
    expect(plan.upperBound).toBe(plan.avoided);
    expect(plan.expectedAnnualLossBefore).toBe(a.expectedAnnualLoss);
    expect(plan.expectedAnnualLossAfter).toBeCloseTo(a.expectedAnnualLoss - lift.avoided, 6);
  });
  it('costPlan never lifts a company that supplies nobody, nor to ★1 or ★2 by default', () => {
    const plan = costPlan(a, { budget: 1e12 });
    expect(plan.method).toBe('dynamic-programming'); // the grid stops at every supplier's dearest option
    // "other" scores 100 already (★5): no lift raises it.
    expect(plan.lifts.map((l) => l.supplier).sort()).toEqual(['t1', 't2']);
    expect(plan.lifts.every((l) => l.toLevel === 5)).toBe(true);
    // Below ★3's price nothing fits by default; with ★1 allowed, 0.3M buys t2's ★1.
    expect(costPlan(a, { budget: 4_299_999 }).lifts).toEqual([]);
    const cheap = costPlan(a, { budget: 300_000, planTargets: [1, 2] });
    expect(cheap.lifts.map((l) => [l.toLevel, l.cost])).toEqual([[1, 300_000]]);
    expect(costPlan(a, { budget: 1e12, planTargets: [4] }).lifts.every((l) => l.toLevel === 4)).toBe(true);
  });
  it('costPlan pays every step from the own level and drops lifts that do not raise the score', () => {
    // s is ★3 by its level but scores 85: ★4 (80) changes nothing, ★5 (95) does and costs 10M + 25M.
    const n = net(
      [
        { id: 'v', revenue: 100, size: 'large' },
        { id: 's', scsLevel: 3, securityScore: 85 },
        { id: 'u', securityScore: 96 },
      ],
      [
        ['s', 'v', 'x'],
        ['u', 'v', 'y'],
      ],
    );
    const plan = costPlan(analyse(n), { budget: 1e9 });
    expect(plan.lifts.map((l) => [l.supplier, l.fromLevel, l.toLevel, l.cost])).toEqual([['s', 3, 5, 35_000_000]]);
    expect(plan.lifts[0]!.avoided).toBeCloseTo((p(85) - p(95)) * analyse(n).eventLoss.expected[1]!, 12);
  });
  it('costPlan splits the cost among the large companies other than the supplier by the AAL each avoids', () => {
    const plan = costPlan(a, { budget: 1e12, planTargets: [3] });
    const t2 = plan.lifts.find((l) => l.supplier === 't2')!;
    const dp = p(10) - p(60);
    const radius = a.failures.blastRadius;
    const day = (x: string, v: string): number => {
      for (let k = radius.start[at(x)]!; k < radius.start[at(x) + 1]!; k++)
        if (radius.list[k] === at(v)) return a.failures.stopDays[k]!;
      throw new Error(`${v} not in the blast radius of ${x}`);
    };
    const oem = (dp * 3_650_000 * w(day('t2', 'oem'))) / 365;
    const b2 = (dp * 730_000 * w(day('t2', 'buyer2'))) / 365;
    const oemShare = Math.round((4_300_000 * oem) / (oem + b2) / 1000) * 1000;
    const b2Share = Math.round((4_300_000 * b2) / (oem + b2) / 1000) * 1000;
    const [first, second] =
      oem >= b2
        ? [
            ['oem', 4_300_000 - b2Share],
            ['buyer2', b2Share],
          ]
        : [
            ['buyer2', 4_300_000 - oemShare],
            ['oem', oemShare],
          ];
    expect(t2.split.map((s) => [s.company, s.amount])).toEqual([first, second]);
    expect(t2.unallocated).toBe(0);
    expectSplitsAddUp(plan);
  });
  it('costPlan leaves the cost unallocated when no large company gains', () => {
    const smes = net([{ id: 'v', revenue: 100 }, { id: 's' }], [['s', 'v', 'x']]);
    const plan = costPlan(analyse(smes), { budget: 4_300_000 });
    expect(plan.lifts).toMatchObject([{ supplier: 's', split: [], unallocated: 4_300_000 }]);
  });
});

describe('costPlan among suppliers of one size and level', () => {
  it('costPlan keeps the suppliers with the largest avoided AAL when only some fit, ties by id', () => {
    // Six SME ★0 suppliers, each the sole source of a large buyer; ¥8.6M buys two ★3 lifts (¥4.3M each).
    const revenue = [100, 500, 500, 300, 900, 200];
    const n = net(
      [
        ...revenue.map((r, i) => ({ id: `b${i}`, size: 'large' as const, revenue: r * 1e6 })),
        ...revenue.map((_, i) => ({ id: `s${i}`, size: 'sme' as const, scsLevel: 0 })),
      ],
      revenue.map((_, i): [string, string, string] => [`s${i}`, `b${i}`, 'x']),
    );
    const plan = costPlan(analyse(n), { budget: 8_600_000 });
    expect(plan.lifts.map((l) => l.supplier)).toEqual(['s4', 's1']);
    expect(plan).toMatchObject({ optimal: true, totalCost: 8_600_000 });
    expect(plan.avoided).toBeCloseTo(bruteForce(n, 8_600_000, [3, 4, 5]), 6);
  });
});

describe('splitCost', () => {
  it('splitCost rounds to ¥1,000 and puts the remainder on the largest share', () => {
    expect(splitCost(4_300_000, [2, 1])).toEqual([2_867_000, 1_433_000]);
    expect(splitCost(1_000_001, [1, 1, 1])).toEqual([334_001, 333_000, 333_000]);
    expect(splitCost(300_000, [])).toEqual([]);
  });
  it('splitCost never leaves the largest share negative: rounds down when rounding to the nearest would', () => {
    // 2,000 equal shares of ¥750 each round up to ¥1,000: the nearest would leave the largest −¥499,000.
    const shares = splitCost(
      1_500_000,
      Array.from({ length: 2000 }, () => 1),
    );
    expect(shares.reduce((t, s) => t + s, 0)).toBe(1_500_000);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0);
    expect(shares.slice(1).every((s) => s % 1000 === 0)).toBe(true);
  });
});

interface ExpectedVector {
  theta: number;
  durations: [number, number][];
  hitBase: number;
  hitDecay: number;
  planTargets: number[];
  plans: { budget: number; optimalAvoided: number }[];
}

const folders = readdirSync(VECTORS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(VECTORS_DIR, d.name, 'expected.json')))
  .map((d) => d.name);

describe('costPlan on the shared vectors', () => {
  it('finds vectors with plans', () => {
    expect(folders.length).toBeGreaterThanOrEqual(6);
  });
  for (const folder of folders) {
    it(`costPlan avoids the optimal AAL of ${folder} at each budget`, async () => {
      const dir = join(VECTORS_DIR, folder);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedVector;
      expect(expected.plans.length).toBeGreaterThan(0);
      const { network } = await readNetwork(dir);
      const durations = expected.durations.map(([days, probability]) => ({ days, probability }));
      const analysis = runAnalysis(indexNetwork(network), {
        theta: expected.theta,
        durations,
        hitBase: expected.hitBase,
        hitDecay: expected.hitDecay,
      });
      for (const { budget, optimalAvoided } of expected.plans) {
        const plan = costPlan(analysis, { budget, planTargets: expected.planTargets });
        const what = `${folder} ¥${budget}: ${plan.method}`;
        const slack = 1e-9 * Math.max(1e-9, optimalAvoided);
        if (plan.optimal) {
          expect(plan.method).toBe('dynamic-programming');
          expect(Math.abs(plan.avoided - optimalAvoided), what).toBeLessThanOrEqual(
            1e-6 * Math.max(1e-9, optimalAvoided),
          );
        } else {
          expect(plan.avoided, what).toBeLessThanOrEqual(optimalAvoided + slack);
          expect(plan.upperBound, what).toBeGreaterThanOrEqual(optimalAvoided - slack);
        }
        // The greedy's answer and bound bracket the optimum too.
        const greedy = costPlan(analysis, { budget, planTargets: expected.planTargets, maxDpCells: 0 });
        expect(greedy.method).toBe('greedy-hull');
        expect(greedy.avoided, `${what} greedy`).toBeLessThanOrEqual(optimalAvoided + slack);
        expect(greedy.upperBound, `${what} greedy bound`).toBeGreaterThanOrEqual(optimalAvoided - slack);
        expect(plan.totalCost).toBeLessThanOrEqual(budget);
        expectSplitsAddUp(plan);
      }
    });
  }
});

const SIZES: (Size | null)[] = ['sme', 'large', null];

/**
 * The best avoided AAL by brute force: each option's avoided AAL measured as the AAL of
 * the network with that one lift (raiseLevel) less the AAL without, every choice of at
 * most one option per supplier within the budget tried.
 */
function bruteForce(network: Network, budget: number, targets: number[]): number {
  const base = analyse(network);
  const options: { cost: number; avoided: number }[][] = [];
  network.companies.forEach((c, i) => {
    if (!network.supplies.some((s) => s.supplier === c.id)) return;
    const from = base.ownLevel[i]!;
    const table = DEFAULT_LIFT_COSTS[c.size ?? 'sme'];
    const list: { cost: number; avoided: number }[] = [];
    for (const k of targets) {
      if (k <= from) continue;
      let cost = 0;
      for (let s = from; s < k; s++) cost += table[s]!;
      list.push({ cost, avoided: base.expectedAnnualLoss - analyse(raiseLevel(network, c.id, k)).expectedAnnualLoss });
    }
    options.push(list);
  });
  let best = 0;
  const visit = (s: number, left: number, got: number): void => {
    if (s === options.length) {
      best = Math.max(best, got);
      return;
    }
    visit(s + 1, left, got);
    for (const o of options[s]!) if (o.cost <= left) visit(s + 1, left - o.cost, got + o.avoided);
  };
  visit(0, budget, 0);
  return best;
}

describe('costPlan against brute force', () => {
  it('costPlan (DP) finds the best plan and the greedy brackets it, on random networks of ≤ 7 companies', () => {
    const sized = fc
      .tuple(
        arbitraryNetwork({ maxCompanies: 7 }),
        fc.array(fc.constantFrom(...SIZES), { minLength: 7, maxLength: 7 }),
        fc.constantFrom(0, 300_000, 4_300_000, 9_000_000, 20_000_000, 60_000_000, 200_000_000),
      )
      .map(([n, sizes, budget]): { network: Network; budget: number } => ({
        network: {
          ...n,
          companies: n.companies.map((c, i) => ({ ...c, size: sizes[i] ?? null, revenue: (c.revenue ?? 1) * 1e6 })),
        },
        budget,
      }));
    const targets = fc.constantFrom<number[]>([3, 4, 5], [1, 2, 3, 4, 5], [4]);
    fc.assert(
      fc.property(sized, targets, ({ network, budget }, planTargets) => {
        const analysis = analyse(network);
        const best = bruteForce(network, budget, planTargets);
        const slack = 1e-9 * Math.max(1, best);
        const plan = costPlan(analysis, { budget, planTargets });
        expect(plan.method).toBe('dynamic-programming');
        expect(plan.optimal).toBe(true);
        expect(Math.abs(plan.avoided - best)).toBeLessThanOrEqual(slack);
        expect(plan.totalCost).toBeLessThanOrEqual(budget);
        expect(plan.lifts.every((l) => planTargets.includes(l.toLevel) && l.toLevel > l.fromLevel)).toBe(true);
        // Lifts are independent: the lifted network's AAL is the AAL less what the plan avoids.
        let lifted = network;
        for (const l of plan.lifts) lifted = raiseLevel(lifted, l.supplier, l.toLevel);
        expect(Math.abs(analyse(lifted).expectedAnnualLoss - plan.expectedAnnualLossAfter)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, plan.expectedAnnualLossBefore),
        );
        expectSplitsAddUp(plan);
        const greedy = costPlan(analysis, { budget, planTargets, maxDpCells: 0 });
        expect(greedy.method).toBe('greedy-hull');
        expect(greedy.totalCost).toBeLessThanOrEqual(budget);
        expect(greedy.avoided).toBeLessThanOrEqual(best + slack);
        expect(greedy.upperBound).toBeGreaterThanOrEqual(best - slack);
        if (greedy.optimal) expect(Math.abs(greedy.avoided - best)).toBeLessThanOrEqual(slack);
      }),
      { seed: 20_260_402, numRuns: 150 },
    );
  });
});

describe('costPlan greedy on generated networks', () => {
  it('costPlan greedy stays within its LP bound of the exact DP on 3,000 companies', () => {
    const analysis = analyse(generateNetwork({ companies: 3000, seed: 7 }, collectNetwork()).network);
    const gaps: string[] = [];
    for (const budget of [5_000_000, 50_000_000, 500_000_000, 2_000_000_000]) {
      const exact = costPlan(analysis, { budget, maxDpCells: 1e9 });
      const greedy = costPlan(analysis, { budget, maxDpCells: 0 });
      expect(exact.method).toBe('dynamic-programming');
      expect(greedy.method).toBe('greedy-hull');
      const slack = 1e-9 * exact.avoided;
      expect(greedy.avoided).toBeLessThanOrEqual(exact.avoided + slack);
      expect(greedy.upperBound).toBeGreaterThanOrEqual(exact.avoided - slack);
      expect(greedy.totalCost).toBeLessThanOrEqual(budget);
      expectSplitsAddUp(greedy);
      gaps.push(
        `¥${budget / 1e6}M: greedy ${(greedy.avoided / exact.avoided).toFixed(4)} of optimal, bound ${(greedy.upperBound / exact.avoided).toFixed(4)}`,
      );
    }
    console.log(`greedy vs DP on 3,000 generated companies — ${gaps.join('; ')}`);
  });
  it('costPlan falls back to the greedy when the DP grid is too large, and the default limit is documented', () => {
    const analysis = analyse(generateNetwork({ companies: 3000, seed: 7 }, collectNetwork()).network);
    expect(DEFAULTS.maxDpCells).toBe(50_000_000);
    expect(costPlan(analysis, { budget: 2_000_000_000, maxDpCells: 1000 }).method).toBe('greedy-hull');
  });
});
