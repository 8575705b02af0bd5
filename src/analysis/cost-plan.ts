/**
 * Cost-sharing plan: which suppliers a buyer should fund SCS evaluations for, and to
 * which level, so that a budget avoids the most expected annual loss (AAL); and who pays
 * which part of each lift.
 *
 * What it computes. A supplier x (a company that supplies someone) may be lifted to one
 * target level k of `planTargets` (default ★3, ★4, ★5) above its own level; it pays
 * every step from its own level up to k. The lift sets x's own score to
 * max(own, levelScores[k]), so its hit likelihood falls from p(own) to p(that score),
 * and the AAL avoided is (p_before − p_after) × EL(x), with EL(x) the expected loss of
 * one hit of x from the event loss table (event-loss.ts). Event losses do not depend on
 * scores, so the avoided AAL of one lift does not depend on any other lift: the plan is
 * a multiple-choice knapsack — at most one option per supplier, total cost within the
 * budget, maximum total AAL avoided. Options that avoid nothing are dropped.
 *
 * Assumptions (configuration): the cost of the step from level L to L + 1 depends on
 * the company's size (`DEFAULT_LIFT_COSTS`, yen: SME 300k/1M/3M/10M/25M, large
 * 1.5M/5M/15M/50M/125M for 0→1 … 4→5; an unknown size counts as SME). These figures
 * are assumptions, to be replaced by quotes (`costs`).
 *
 * Method. First an exact reduction: the lift of a company to target k costs the same for
 * every company of one size and own level, so at most K = floor(budget / cost) of them
 * can take it; a company outside the K largest avoided AAL of its class for every target
 * could be swapped for an unused one of those at the same cost and no smaller gain, so
 * it is dropped (ties by id). At ¥50M this leaves a few dozen suppliers of a million.
 * - Exact, by dynamic programming over the cost grid: the unit is the gcd of all the
 *   option costs, the capacity floor(budget / unit) (capped at the cost of every
 *   supplier's dearest option). It runs when (capacity + 1) × options ≤ `maxDpCells`
 *   (DEFAULTS: 50 million cell updates, well under a second) and every cost is a whole
 *   number of yen. The choice per (supplier, capacity) is kept as one byte, so its table
 *   is at most `maxDpCells` bytes.
 * - Otherwise greedy over each supplier's upper convex hull of (cost, avoided): the
 *   hull's increments sorted by efficiency (avoided per yen) descending are taken while
 *   they fit; after the first increment that does not fit, smaller later increments that
 *   still fit are taken too, and finally each supplier's best affordable switch to a
 *   dearer option (any option, not only hull points). The LP relaxation — the increments
 *   before the first one that does not fit, plus the fitting fraction of that one — is
 *   an upper bound on the best plan, so the answer says how far from the best it can be:
 *   within (upperBound − avoided) / upperBound.
 * Ties: suppliers in id order (plain string order), the first found kept.
 *
 * Cost split: each lift's cost is split among the large companies other than x in
 * proportion to the AAL the lift avoids for each of them, Δp × value(B) / 365 ×
 * w(f_x(B)) for B in x's blast radius (w: expected days down of a company stopping on
 * day f, `expectedDaysDown`; value = revenue × lossRatio). Shares are rounded to ¥1,000
 * and the rounding remainder goes to the largest share, so they add up to the cost
 * exactly (rounded down instead should the nearest rounding leave the largest share
 * negative). With no large company that gains, the whole cost is `unallocated`.
 *
 * Pure: no I/O; O(n × targets) plus a sort per class and target, the DP or a sort of the
 * hull increments of the suppliers kept, and O(Σ blast radii of the chosen lifts) for
 * the split.
 *
 * @example
 *   const plan = costPlan(runAnalysis(index), { budget: 50_000_000 });
 */
import { UsageError, OptionError } from '../errors.ts';
import type { Size } from '../model/types.ts';
import type { Analysis } from './analyze.ts';
import { expectedDaysDown } from './event-loss.ts';

/** Cost in yen of lifting a company from level L to L + 1, at index L (0..4), by size. */
export interface LiftCosts {
  sme: readonly number[];
  large: readonly number[];
}

/** Assumed costs (yen) of one level: SMEs; large firms five times as much. */
export const DEFAULT_LIFT_COSTS: Readonly<LiftCosts> = Object.freeze({
  sme: Object.freeze([300_000, 1_000_000, 3_000_000, 10_000_000, 25_000_000]),
  large: Object.freeze([1_500_000, 5_000_000, 15_000_000, 50_000_000, 125_000_000]),
});

export const DEFAULTS = Object.freeze({
  /** Levels a supplier may be lifted to. */
  planTargets: Object.freeze([3, 4, 5]) as readonly number[],
  /** Largest budget accepted, yen (¥1,000 trillion). */
  maxBudget: 1e15,
  /** The exact DP runs when (capacity + 1) × options is at most this. */
  maxDpCells: 50_000_000,
  /** Shares of a lift's cost are rounded to this many yen. */
  splitUnit: 1_000,
});

/** The parts of the analysis the plan reads. */
export type PlanAnalysis = Pick<
  Analysis,
  'index' | 'options' | 'own' | 'ownLevel' | 'hitLikelihood' | 'eventLoss' | 'failures' | 'expectedAnnualLoss'
>;

export interface CostPlanInput {
  /** Yen available, 0 to 1e15. */
  budget: number;
  /** Levels a supplier may be lifted to, each 1–5 (default [3, 4, 5]). */
  planTargets?: readonly number[];
  costs?: Partial<LiftCosts>;
  /** The DP's limit of (capacity + 1) × options (default DEFAULTS.maxDpCells); 0 forces the greedy. */
  maxDpCells?: number;
}

export interface CostShare {
  company: string;
  name: string;
  /** Yen: a multiple of ¥1,000, except the largest share, which takes the rounding remainder. */
  amount: number;
}

export interface PlanLift {
  supplier: string;
  name: string;
  /** The size its costs are priced at (an unknown size counts as SME). */
  size: Size;
  fromLevel: number;
  toLevel: number;
  /** Yen, once. */
  cost: number;
  /** AAL avoided: yen per year. */
  avoided: number;
  /** avoided ÷ cost: yen avoided per year per yen spent; null for a free lift. */
  payback: number | null;
  /** Largest amount first, then by id. Empty when unallocated. */
  split: CostShare[];
  /** Yen of the cost no large company pays: the whole cost when no large company gains, else 0. */
  unallocated: number;
}

export interface CostPlan {
  /** Yen. */
  budget: number;
  /** Total AAL avoided: yen per year. */
  avoided: number;
  /** True when `avoided` is proven the best possible within the budget. */
  optimal: boolean;
  /** No plan within the budget avoids more than this (yen per year); equals `avoided` when optimal. */
  upperBound: number;
  /** Yen spent, ≤ budget. */
  totalCost: number;
  /** Yen per year. */
  expectedAnnualLossBefore: number;
  expectedAnnualLossAfter: number;
  method: 'dynamic-programming' | 'greedy-hull';
  /** One per lifted supplier: most AAL avoided first, then by id. */
  lifts: PlanLift[];
}

/** Resolves the cost table; throws a RangeError naming the bad entry. */
export function resolveLiftCosts(costs: Partial<LiftCosts> = {}): LiftCosts {
  const out = { sme: costs.sme ?? DEFAULT_LIFT_COSTS.sme, large: costs.large ?? DEFAULT_LIFT_COSTS.large };
  for (const size of ['sme', 'large'] as const) {
    const row = out[size];
    if (row.length !== 5 || row.some((c) => !(c >= 0 && Number.isFinite(c)))) {
      throw new OptionError(`costPlan: costs.${size} must hold 5 finite costs ≥ 0 (levels 0→1 to 4→5)`, 'costs');
    }
  }
  return out;
}

/** Checks the budget; UsageError (field `budget`) unless 0 ≤ budget ≤ 1e15. */
export function checkBudget(budget: number): number {
  if (typeof budget !== 'number' || !(budget >= 0 && budget <= DEFAULTS.maxBudget)) {
    throw new UsageError(
      `costPlan: budget must be a number of yen from 0 to ${DEFAULTS.maxBudget.toExponential(0)}, got ${String(budget)}`,
      'budget',
    );
  }
  return budget;
}

/** Checks the target levels; UsageError (field `planTargets`) unless a non-empty list of whole levels 1–5. Sorted, deduplicated. */
export function resolvePlanTargets(targets: readonly number[] = DEFAULTS.planTargets): number[] {
  if (
    !Array.isArray(targets) ||
    targets.length === 0 ||
    targets.some((k) => !(Number.isInteger(k) && k >= 1 && k <= 5))
  ) {
    throw new UsageError(
      `costPlan: planTargets must list levels 1–5 (whole numbers), got ${JSON.stringify(targets)}`,
      'planTargets',
    );
  }
  return Array.from(new Set(targets)).sort((a, b) => a - b);
}

/**
 * The candidate options: for each supplier with at least one option that avoids loss
 * (in id order), its options (cost ascending, each strictly better than the cheaper ones).
 */
interface Options {
  /** Company index of item i. */
  item: Int32Array;
  /** Options of item i are optionStart[i] .. optionStart[i + 1] − 1. */
  optionStart: Int32Array;
  cost: Float64Array;
  avoided: Float64Array;
  /** Level the option lifts to. */
  level: Int8Array;
  /** p after the lift. */
  pAfter: Float64Array;
}

function candidateOptions(a: PlanAnalysis, targets: readonly number[], costs: LiftCosts, budget: number): Options {
  const { index, options: o } = a;
  const { n, outStart, idRank } = index;
  const T = targets.length;
  const byRank = new Int32Array(n);
  for (let x = 0; x < n; x++) byRank[idRank[x]!] = x;
  /** Cost of lifting a company of class c (large × 6 + own level) to targets[t], at c × T + t; NaN when not a lift. */
  const classCost = new Float64Array(12 * T).fill(Number.NaN);
  for (let c = 0; c < 12; c++) {
    const table = c >= 6 ? costs.large : costs.sme;
    const from = c % 6;
    targets.forEach((k, t) => {
      if (k > from) {
        let sum = 0;
        for (let s = from; s < k; s++) sum += table[s]!;
        classCost[c * T + t] = sum;
      }
    });
  }
  const cls = new Int8Array(n);
  for (let x = 0; x < n; x++) cls[x] = (index.network.companies[x]!.size === 'large' ? 6 : 0) + a.ownLevel[x]!;
  // The avoided AAL of every (supplier, target) that fits the budget and avoids something; 0 otherwise.
  const gain = new Float64Array(n * T);
  const groupSize = new Int32Array(12 * T);
  for (let x = 0; x < n; x++) {
    if (outStart[x + 1] === outStart[x]) continue;
    const c = cls[x]!;
    const before = a.hitLikelihood[x]!;
    const el = a.eventLoss.expected[x]!;
    for (let t = 0; t < T; t++) {
      if (!(classCost[c * T + t]! <= budget)) continue;
      const score = Math.max(a.own[x]!, o.levelScores[targets[t]!]!);
      const g = (before - Math.min(1, o.hitBase * Math.pow(o.hitDecay, score))) * el;
      if (g > 0) {
        gain[x * T + t] = g;
        groupSize[c * T + t]!++;
      }
    }
  }
  // Exact reduction: of the companies of one class, at most K = floor(budget / cost) can take
  // target t, so one outside the K largest gains for every target can be swapped for an
  // unused one of them at the same cost and no smaller gain — never needed. Ties: id order.
  // The suppliers of each class in id order (a counting sort of byRank by class).
  const classStart = new Int32Array(13);
  for (let x = 0; x < n; x++) if (outStart[x + 1] !== outStart[x]) classStart[cls[x]! + 1]!++;
  for (let c = 0; c < 12; c++) classStart[c + 1]! += classStart[c]!;
  const members = new Int32Array(classStart[12]!);
  const fill = classStart.slice(0, 12);
  for (let r = 0; r < n; r++) {
    const x = byRank[r]!;
    if (outStart[x + 1] !== outStart[x]) members[fill[cls[x]!]!++] = x;
  }
  const keep = new Uint8Array(n);
  for (let g = 0; g < 12 * T; g++) {
    const size = groupSize[g]!;
    if (size === 0) continue;
    const cost = classCost[g]!;
    const limit = cost > 0 ? Math.floor(budget / cost) : Number.POSITIVE_INFINITY;
    const t = g % T;
    const c = (g - t) / T;
    let threshold = 0;
    let ties = Number.POSITIVE_INFINITY;
    if (size > limit) {
      const gains = new Float64Array(size);
      let k = 0;
      for (let m = classStart[c]!; m < classStart[c + 1]!; m++) {
        const v = gain[members[m]! * T + t]!;
        if (v > 0) gains[k++] = v;
      }
      gains.sort();
      threshold = gains[size - limit]!;
      let above = 0;
      for (let j = size - limit; j < size; j++) if (gains[j]! > threshold) above++;
      ties = limit - above;
    }
    for (let m = classStart[c]!; m < classStart[c + 1]!; m++) {
      const x = members[m]!;
      const v = gain[x * T + t]!;
      if (!(v > 0) || v < threshold) continue;
      if (v === threshold && size > limit) {
        if (ties <= 0) continue;
        ties--;
      }
      keep[x] = 1;
    }
  }
  const item: number[] = [];
  const optionStart: number[] = [0];
  const cost: number[] = [];
  const avoided: number[] = [];
  const level: number[] = [];
  const pAfter: number[] = [];
  for (let r = 0; r < n; r++) {
    const x = byRank[r]!;
    if (keep[x] === 0) continue;
    const c = cls[x]!;
    const first = cost.length;
    for (let t = 0; t < T; t++) {
      const g = gain[x * T + t]!;
      if (!(g > 0)) continue;
      const steps = classCost[c * T + t]!;
      // Keep only options strictly better than every cheaper one (costs rise with the target).
      while (cost.length > first && cost[cost.length - 1]! >= steps) {
        cost.pop();
        avoided.pop();
        level.pop();
        pAfter.pop();
      }
      if (cost.length > first && avoided[avoided.length - 1]! >= g) continue;
      cost.push(steps);
      avoided.push(g);
      level.push(targets[t]!);
      pAfter.push(Math.min(1, o.hitBase * Math.pow(o.hitDecay, Math.max(a.own[x]!, o.levelScores[targets[t]!]!))));
    }
    if (cost.length > first) {
      item.push(x);
      optionStart.push(cost.length);
    }
  }
  return {
    item: Int32Array.from(item),
    optionStart: Int32Array.from(optionStart),
    cost: Float64Array.from(cost),
    avoided: Float64Array.from(avoided),
    level: Int8Array.from(level),
    pAfter: Float64Array.from(pAfter),
  };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The chosen option of each item (−1: none) and what it proves. */
interface Choice {
  chosen: Int32Array;
  upperBound: number;
  method: CostPlan['method'];
}

/** The DP's grid (unit, capacity), or null when it would exceed `maxCells` or a cost is not whole yen. */
function dpGrid(opts: Options, budget: number, maxCells: number): { unit: number; capacity: number } | null {
  const count = opts.cost.length;
  let unit = 0;
  for (let j = 0; j < count; j++) {
    const c = opts.cost[j]!;
    if (!Number.isSafeInteger(c)) return null;
    unit = gcd(unit, c);
  }
  if (unit === 0) unit = 1;
  // Beyond the cost of every item's dearest option the budget changes nothing.
  let all = 0;
  for (let i = 0; i + 1 < opts.optionStart.length; i++) all += opts.cost[opts.optionStart[i + 1]! - 1]!;
  const capacity = Math.floor(Math.min(budget, all) / unit);
  if ((capacity + 1) * Math.max(1, count) > maxCells) return null;
  return { unit, capacity };
}

/** Exact multiple-choice knapsack by DP over the cost grid. */
function solveDp(opts: Options, grid: { unit: number; capacity: number }): Choice {
  const { optionStart, cost, avoided } = opts;
  const items = optionStart.length - 1;
  const width = grid.capacity + 1;
  const best = new Float64Array(width);
  const choice = new Uint8Array(items * width);
  const weight = Int32Array.from(cost, (c) => c / grid.unit);
  for (let i = 0; i < items; i++) {
    const from = optionStart[i]!;
    const to = optionStart[i + 1]!;
    const row = i * width;
    // Descending capacity: best[c − w] (w ≥ 1) still holds the previous items' value; w = 0 reads best[c] before it is written.
    for (let c = width - 1; c >= 0; c--) {
      let value = best[c]!;
      let pick = 0;
      for (let j = from; j < to; j++) {
        const w = weight[j]!;
        if (w > c) break;
        const v = best[c - w]! + avoided[j]!;
        if (v > value) {
          value = v;
          pick = j - from + 1;
        }
      }
      best[c] = value;
      choice[row + c] = pick;
    }
  }
  const chosen = new Int32Array(items).fill(-1);
  let c = grid.capacity;
  for (let i = items - 1; i >= 0; i--) {
    const pick = choice[i * width + c]!;
    if (pick > 0) {
      const j = optionStart[i]! + pick - 1;
      chosen[i] = j;
      c -= weight[j]!;
    }
  }
  return { chosen, upperBound: best[grid.capacity]!, method: 'dynamic-programming' };
}

/** Greedy over the upper convex hulls, with the LP relaxation as the upper bound. */
function solveGreedy(opts: Options, budget: number, rank: (item: number) => number): Choice {
  const { optionStart, cost, avoided } = opts;
  const items = optionStart.length - 1;
  // Hull increments: option j of item i reached from the previous hull point.
  const incItem: number[] = [];
  const incOption: number[] = [];
  const incCost: number[] = [];
  const incGain: number[] = [];
  const hull: number[] = [];
  for (let i = 0; i < items; i++) {
    hull.length = 0;
    // Options have rising cost and rising avoided; keep the concave chain from (0, 0).
    for (let j = optionStart[i]!; j < optionStart[i + 1]!; j++) {
      for (;;) {
        const k = hull.length;
        if (k === 0) break;
        const b = hull[k - 1]!;
        const ac = k >= 2 ? cost[hull[k - 2]!]! : 0;
        const av = k >= 2 ? avoided[hull[k - 2]!]! : 0;
        // Pop b when it lies on or below the segment from the point before it to j.
        if ((cost[b]! - ac) * (avoided[j]! - av) - (avoided[b]! - av) * (cost[j]! - ac) >= 0) hull.pop();
        else break;
      }
      hull.push(j);
    }
    let pc = 0;
    let pv = 0;
    for (const j of hull) {
      incItem.push(i);
      incOption.push(j);
      incCost.push(cost[j]! - pc);
      incGain.push(avoided[j]! - pv);
      pc = cost[j]!;
      pv = avoided[j]!;
    }
  }
  const count = incItem.length;
  const efficiency = new Float64Array(count);
  for (let k = 0; k < count; k++)
    efficiency[k] = incCost[k]! > 0 ? incGain[k]! / incCost[k]! : Number.POSITIVE_INFINITY;
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  // Within an item, efficiencies fall strictly, so its increments stay in hull order.
  order.sort((p, q) =>
    efficiency[p] === efficiency[q]
      ? rank(incItem[p]!) - rank(incItem[q]!) || p - q
      : efficiency[q]! > efficiency[p]!
        ? 1
        : -1,
  );

  const chosen = new Int32Array(items).fill(-1);
  const blocked = new Uint8Array(items);
  let remaining = budget;
  let taken = 0;
  let upperBound = Number.NaN;
  for (let r = 0; r < count; r++) {
    const k = order[r]!;
    const i = incItem[k]!;
    if (blocked[i] === 1) continue;
    if (incCost[k]! <= remaining) {
      chosen[i] = incOption[k]!;
      remaining -= incCost[k]!;
      taken += incGain[k]!;
    } else {
      // The first increment that does not fit bounds the LP relaxation; the later steps of its item cannot be taken.
      if (Number.isNaN(upperBound)) upperBound = taken + incGain[k]! * (remaining / incCost[k]!);
      blocked[i] = 1;
    }
  }
  if (Number.isNaN(upperBound)) upperBound = taken;
  // Each item's best affordable switch to a dearer option, largest gain first.
  const switches: { i: number; j: number; gain: number }[] = [];
  for (let i = 0; i < items; i++) {
    const c0 = chosen[i]! >= 0 ? cost[chosen[i]!]! : 0;
    const v0 = chosen[i]! >= 0 ? avoided[chosen[i]!]! : 0;
    let best = -1;
    for (let j = optionStart[i]!; j < optionStart[i + 1]!; j++) {
      if (avoided[j]! > v0 && cost[j]! - c0 <= remaining && (best < 0 || avoided[j]! > avoided[best]!)) best = j;
    }
    if (best >= 0) switches.push({ i, j: best, gain: avoided[best]! - v0 });
  }
  switches.sort((p, q) => q.gain - p.gain || rank(p.i) - rank(q.i));
  for (const { i, j } of switches) {
    const c0 = chosen[i]! >= 0 ? cost[chosen[i]!]! : 0;
    if (cost[j]! - c0 <= remaining) {
      remaining -= cost[j]! - c0;
      chosen[i] = j;
    }
  }
  return { chosen, upperBound, method: 'greedy-hull' };
}

/** Splits `cost` in proportion to `weights` (all > 0), rounded to `unit`, the remainder on the largest (the first). */
export function splitCost(cost: number, weights: readonly number[], unit: number = DEFAULTS.splitUnit): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || !(total > 0)) return [];
  let largest = 0;
  for (let k = 1; k < weights.length; k++) if (weights[k]! > weights[largest]!) largest = k;
  const share = (round: (x: number) => number): number[] => {
    const out = weights.map((w) => round((cost * w) / total / unit) * unit);
    let others = 0;
    for (let k = 0; k < out.length; k++) if (k !== largest) others += out[k]!;
    out[largest] = cost - others;
    return out;
  };
  const nearest = share(Math.round);
  return nearest[largest]! >= 0 ? nearest : share(Math.floor);
}

/** The plan for a budget. Example: `costPlan(runAnalysis(index), { budget: 50_000_000 })`. */
export function costPlan(a: PlanAnalysis, input: CostPlanInput): CostPlan {
  const budget = checkBudget(input.budget);
  const targets = resolvePlanTargets(input.planTargets);
  const costs = resolveLiftCosts(input.costs);
  const maxCells = input.maxDpCells ?? DEFAULTS.maxDpCells;
  const { index } = a;
  const opts = candidateOptions(a, targets, costs, budget);
  const rank = (i: number): number => index.idRank[opts.item[i]!]!;
  const grid = dpGrid(opts, budget, maxCells);
  const choice = grid ? solveDp(opts, grid) : solveGreedy(opts, budget, rank);

  const w = expectedDaysDown(a.options.durations);
  const perDay = a.options.lossRatio / 365;
  const { start, list } = a.failures.blastRadius;
  const lifts: PlanLift[] = [];
  let avoidedTotal = 0;
  let totalCost = 0;
  for (let i = 0; i < choice.chosen.length; i++) {
    const j = choice.chosen[i]!;
    if (j < 0) continue;
    const x = opts.item[i]!;
    const company = index.network.companies[x]!;
    const cost = opts.cost[j]!;
    const avoided = opts.avoided[j]!;
    const dp = a.hitLikelihood[x]! - opts.pAfter[j]!;
    const gainers: { v: number; gain: number }[] = [];
    for (let k = start[x]!, end = start[x + 1]!; k < end; k++) {
      const v = list[k]!;
      if (v === x || index.network.companies[v]!.size !== 'large') continue;
      const gain = dp * index.value[v]! * perDay * w(a.failures.stopDays[k]!);
      if (gain > 0) gainers.push({ v, gain });
    }
    gainers.sort((p, q) => q.gain - p.gain || index.idRank[p.v]! - index.idRank[q.v]!);
    const amounts = splitCost(
      cost,
      gainers.map((g) => g.gain),
    );
    const split = gainers
      .map((g, k) => ({
        company: index.ids[g.v]!,
        name: index.network.companies[g.v]!.name,
        amount: amounts[k]!,
        rank: index.idRank[g.v]!,
      }))
      .sort((p, q) => q.amount - p.amount || p.rank - q.rank)
      .map(({ company, name, amount }) => ({ company, name, amount }));
    lifts.push({
      supplier: company.id,
      name: company.name,
      size: company.size ?? 'sme',
      fromLevel: a.ownLevel[x]!,
      toLevel: opts.level[j]!,
      cost,
      avoided,
      payback: cost > 0 ? avoided / cost : null,
      split,
      unallocated: split.length === 0 ? cost : 0,
    });
    avoidedTotal += avoided;
    totalCost += cost;
  }
  lifts.sort((p, q) => q.avoided - p.avoided || (p.supplier < q.supplier ? -1 : p.supplier > q.supplier ? 1 : 0));
  const upperBound = Math.max(avoidedTotal, choice.upperBound);
  const optimal =
    choice.method === 'dynamic-programming' || upperBound - avoidedTotal <= 1e-12 * Math.max(1e-300, upperBound);
  return {
    budget,
    avoided: avoidedTotal,
    optimal,
    upperBound: optimal ? avoidedTotal : upperBound,
    totalCost,
    expectedAnnualLossBefore: a.expectedAnnualLoss,
    expectedAnnualLossAfter: a.expectedAnnualLoss - avoidedTotal,
    method: choice.method,
    lifts,
  };
}
