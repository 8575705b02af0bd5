/**
 * Cost-sharing plan (DESIGN.md): given a budget and the cost of lifting a supplier's
 * security level, choose the lifts that lower the expected loss most per yen, and split
 * each lift's cost among the large companies in proportion to the loss each of them
 * avoids.
 *
 * Assumptions (configuration): the cost of a lift from level L to L + 1 depends on the
 * company's size and L (`DEFAULT_LIFT_COSTS`, yen; unknown size counts as SME). A lift to
 * level L sets the own score to max(own, levelScores[L]), so p falls to p(that score).
 * A candidate lift takes a supplier to the next level that raises its score (skipped
 * levels are paid for too — a company whose score is above its level's table score gains
 * nothing from the first steps). Companies that supply nobody are never lifted.
 *
 * Greedy: among the candidate lifts that fit in the remaining budget, take the one of
 * highest avoided expected loss per yen (ties: larger avoided loss, then smaller id),
 * apply it, re-evaluate every candidate, repeat until no candidate that fits avoids any
 * loss. A lift too dear for what is left is skipped and cheaper ones still considered.
 * This is a knapsack heuristic, not an optimum: a cheap lift of high ratio can crowd out
 * a dearer one that avoids more (test/unit/scenario/cost-plan.test.ts compares it with
 * brute force and prints how close it comes).
 *
 * Expected loss E = Σ_v value(v)·P(v ∈ D(H)), evaluated
 * - exactly (`exact: true`, at most 20 companies): every hit set is cascaded once; any
 *   change of p only reweighs them;
 * - by Monte Carlo with common random numbers: the hit uniforms of run r come from the
 *   same stream as in `monteCarloLoss` (so "before" equals its mean), and lowering x's p
 *   from p_b to p_a only changes the runs where x's uniform lies in [p_a, p_b); only those
 *   runs are cascaded again. Avoided losses are then differences over the same runs,
 *   with much less noise than two independent estimates. Every run's hits are kept
 *   (runs × Σp of them, at most MAX_KEPT_HITS; UsageError beyond, naming the runs that fit).
 * The avoided loss of a lift is split per company (loss = Σ_v value(v)·1{v ∈ D}); its
 * cost goes to the large companies other than the supplier in proportion to their
 * share of it, or is 'unallocated' when no large company avoids any loss.
 */
import { UsageError } from '../errors.ts';
import type { IndexedNetwork } from '../model/index-network.ts';
import type { Size } from '../model/types.ts';
import { createCascade } from './cascade.ts';
import { createUnhit } from './unhit.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';
import { ownScores } from './own-score.ts';
import { checkSeed, RunStream } from './random.ts';
import { hitLikelihood } from './risk.ts';

// The loss helpers of the static loss model, kept here until the event-loss plan replaces this file.

export const LOSS_DEFAULTS = Object.freeze({
  runs: 10_000,
  seed: 1,
  /** Share of the runs, highest loss first, in which hit companies are counted. */
  worstShare: 0.05,
  /** How many of the most-often-hit companies to report. */
  top: 10,
});

/** Largest network `exactLoss` enumerates (2^20 hit sets). */
export const EXACT_LIMIT = 20;

/** p(own score) of every company (the annual hit likelihood). */
export function hitProbabilities(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): Float64Array {
  const o = resolveOptions(options);
  const own = ownScores(index, o).score;
  const p = new Float64Array(index.n);
  for (let i = 0; i < index.n; i++) p[i] = hitLikelihood(own[i]!, o);
  return p;
}

/** Every hit set's cascade, for networks of at most 20 companies: H is the bitmask of company indices. */
export interface HitSetTable {
  n: number;
  /** value(D(H)) at H. */
  loss: Float64Array;
  /** D(H) as a bitmask at H. */
  disrupted: Int32Array;
}

/** Cascades every hit set (2^n of them). Throws UsageError above 20 companies. */
export function enumerateHitSets(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): HitSetTable {
  const { n, value } = index;
  if (n > EXACT_LIMIT) {
    throw new UsageError(`exactLoss: the network has ${n} companies; exact enumeration handles at most ${EXACT_LIMIT} — use the Monte Carlo loss instead`);
  }
  const cascade = createCascade(index, options);
  const size = 2 ** n;
  const loss = new Float64Array(size);
  const disrupted = new Int32Array(size);
  const hits = new Int32Array(n);
  for (let h = 1; h < size; h++) {
    let count = 0;
    for (let i = 0; i < n; i++) if ((h >>> i) & 1) hits[count++] = i;
    const d = cascade.run(hits.subarray(0, count));
    let sum = 0;
    let mask = 0;
    for (let j = 0; j < d.length; j++) {
      sum += value[d[j]!]!;
      mask |= 1 << d[j]!;
    }
    loss[h] = sum;
    disrupted[h] = mask;
  }
  return { n, loss, disrupted };
}

/**
 * Probability of every hit set under independent hits with probabilities p, as two
 * factor tables: P(H) = low[H & (2^k − 1)] × high[H >>> k].
 */
export function hitSetWeights(p: Float64Array): { k: number; low: Float64Array; high: Float64Array } {
  const n = p.length;
  const k = n >>> 1;
  const table = (from: number, to: number): Float64Array => {
    let t = new Float64Array([1]);
    for (let i = from; i < to; i++) {
      const next = new Float64Array(t.length * 2);
      const pi = p[i]!;
      for (let a = 0; a < t.length; a++) {
        next[a] = t[a]! * (1 - pi);
        next[a + t.length] = t[a]! * pi;
      }
      t = next;
    }
    return t;
  };
  return { k, low: table(0, k), high: table(k, n) };
}

/** Σ_H P(H) f[H] with hit probabilities p (f has 2^p.length entries). */
export function expectationOver(f: Float64Array, p: Float64Array): number {
  const { low, high } = hitSetWeights(p);
  const lowSize = low.length;
  let total = 0;
  for (let b = 0; b < high.length; b++) {
    const base = b * lowSize;
    let inner = 0;
    for (let a = 0; a < lowSize; a++) inner += low[a]! * f[base + a]!;
    total += high[b]! * inner;
  }
  return total;
}

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

export interface CostPlanInput {
  /** Yen available, ≥ 0. */
  budget: number;
  costs?: Partial<LiftCosts>;
  /** Monte Carlo runs (default 10,000) and seed (default 1); ignored with `exact`. */
  runs?: number;
  seed?: number;
  /** Enumerate every hit set instead (at most 20 companies). */
  exact?: boolean;
}

export interface CostShare {
  company: string;
  name: string;
  /** Expected loss the lift avoids for this company. */
  avoidedLoss: number;
  /** Its part of the avoided loss of all the large companies that avoid any. */
  share: number;
  /** share × cost, yen. */
  amount: number;
}

export interface PlanRow {
  supplier: string;
  name: string;
  size: Size;
  fromLevel: number;
  toLevel: number;
  fromScore: number;
  toScore: number;
  cost: number;
  /** Expected loss avoided, given the lifts before it in the plan. */
  avoidedLoss: number;
  /** avoidedLoss / cost. */
  ratio: number;
  split: CostShare[] | 'unallocated';
}

export interface CostPlan {
  method: 'exact' | 'monte-carlo';
  runs: number | null;
  seed: number | null;
  budget: number;
  costs: LiftCosts;
  rows: PlanRow[];
  totalCost: number;
  expectedLossBefore: number;
  expectedLossAfter: number;
}

/** The Monte Carlo plan keeps every run's hits (about 28 bytes each); it refuses to keep more than this many. */
export const MAX_KEPT_HITS = 20_000_000;

/** Expected loss under changing hit probabilities. */
export interface LossModel {
  expected(): number;
  /** Expected loss avoided if company x's hit probability fell to q (nothing changes). */
  avoided(x: number, q: number): number;
  /** Lowers x's hit probability to q; returns the expected loss avoided, in all and per company. */
  apply(x: number, q: number): { avoided: number; perCompany: Float64Array };
}

/** Resolves the cost table; throws a RangeError naming the bad entry. */
export function resolveLiftCosts(costs: Partial<LiftCosts> = {}): LiftCosts {
  const out = { sme: costs.sme ?? DEFAULT_LIFT_COSTS.sme, large: costs.large ?? DEFAULT_LIFT_COSTS.large };
  for (const size of ['sme', 'large'] as const) {
    const row = out[size];
    if (row.length !== 5 || row.some((c) => !(c >= 0 && Number.isFinite(c)))) {
      throw new RangeError(`costPlan: costs.${size} must hold 5 finite costs ≥ 0 (levels 0→1 to 4→5)`);
    }
  }
  return out;
}

/**
 * Plans the lifts; `onLift(spent, budget)` is called after each lift chosen (a plan of
 * thousands of companies takes minutes). Example: `planCostSharing(idx, { budget: 20_000_000, exact: true })`.
 */
export function planCostSharing(
  index: IndexedNetwork,
  input: CostPlanInput,
  options: Partial<AnalysisOptions> = {},
  onLift?: (spent: number, budget: number) => void,
): CostPlan {
  const o = resolveOptions(options);
  const { budget } = input;
  if (!(budget >= 0 && Number.isFinite(budget))) throw new RangeError(`costPlan: budget must be a finite amount ≥ 0, got ${budget}`);
  const costs = resolveLiftCosts(input.costs);
  const runs = input.runs ?? LOSS_DEFAULTS.runs;
  const seed = checkSeed(input.seed ?? LOSS_DEFAULTS.seed);
  if (!input.exact && !(Number.isInteger(runs) && runs >= 1)) throw new RangeError(`costPlan: runs must be an integer ≥ 1, got ${runs}`);
  const model = input.exact ? exactLossModel(index, o) : sampledLossModel(index, { runs, seed }, o);

  const { n, ids } = index;
  const own = ownScores(index, o);
  const score = Float64Array.from(own.score);
  const level = Int8Array.from(own.level);
  const p = hitProbabilities(index, o);
  const sizeOf = (x: number): Size => index.network.companies[x]!.size ?? 'sme';
  const before = model.expected();
  const tolerance = 1e-12 * Math.max(1, before);
  const rows: PlanRow[] = [];
  let remaining = budget;
  for (;;) {
    let best: { x: number; to: number; q: number; toScore: number; cost: number; avoided: number; ratio: number } | null = null;
    for (let x = 0; x < n; x++) {
      if (index.outStart[x + 1] === index.outStart[x]) continue;
      let to = level[x]! + 1;
      let cost = 0;
      for (; to <= 5; to++) {
        cost += costs[sizeOf(x)][to - 1]!;
        if (o.levelScores[to]! > score[x]!) break;
      }
      if (to > 5 || cost > remaining + 1e-9) continue;
      const toScore = o.levelScores[to]!;
      const q = hitLikelihood(toScore, o);
      if (!(q < p[x]!)) continue;
      const avoided = model.avoided(x, q);
      if (!(avoided > tolerance)) continue;
      const ratio = cost > 0 ? avoided / cost : Number.POSITIVE_INFINITY;
      if (best === null || ratio > best.ratio || (ratio === best.ratio && (avoided > best.avoided || (avoided === best.avoided && ids[x]! < ids[best.x]!)))) {
        best = { x, to, q, toScore, cost, avoided, ratio };
      }
    }
    if (best === null) break;
    const { x, to, q, toScore, cost } = best;
    const { avoided, perCompany } = model.apply(x, q);
    const large: number[] = [];
    let largeTotal = 0;
    for (let v = 0; v < n; v++) {
      if (v !== x && index.network.companies[v]!.size === 'large' && perCompany[v]! > tolerance) {
        large.push(v);
        largeTotal += perCompany[v]!;
      }
    }
    large.sort((a, b) => perCompany[b]! - perCompany[a]! || (ids[a]! < ids[b]! ? -1 : 1));
    rows.push({
      supplier: ids[x]!,
      name: index.network.companies[x]!.name,
      size: sizeOf(x),
      fromLevel: level[x]!,
      toLevel: to,
      fromScore: score[x]!,
      toScore,
      cost,
      avoidedLoss: avoided,
      ratio: cost > 0 ? avoided / cost : Number.POSITIVE_INFINITY,
      split:
        large.length === 0
          ? 'unallocated'
          : large.map((v) => ({
              company: ids[v]!,
              name: index.network.companies[v]!.name,
              avoidedLoss: perCompany[v]!,
              share: perCompany[v]! / largeTotal,
              amount: (cost * perCompany[v]!) / largeTotal,
            })),
    });
    level[x] = to;
    score[x] = toScore;
    p[x] = q;
    remaining -= cost;
    onLift?.(budget - remaining, budget);
  }
  return {
    method: input.exact ? 'exact' : 'monte-carlo',
    runs: input.exact ? null : runs,
    seed: input.exact ? null : seed,
    budget,
    costs,
    rows,
    totalCost: rows.reduce((t, r) => t + r.cost, 0),
    expectedLossBefore: before,
    expectedLossAfter: model.expected(),
  };
}

/** Exact expected loss over all 2^n hit sets (at most 20 companies; UsageError above). */
export function exactLossModel(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): LossModel {
  const table = enumerateHitSets(index, options);
  const p = hitProbabilities(index, options);
  const { n, value } = index;
  let current = expectationOver(table.loss, p);
  const perCompany = (probabilities: Float64Array): Float64Array => {
    const { low, high } = hitSetWeights(probabilities);
    const out = new Float64Array(n);
    for (let b = 0; b < high.length; b++) {
      for (let a = 0; a < low.length; a++) {
        const h = b * low.length + a;
        const w = high[b]! * low[a]!;
        for (let mask = table.disrupted[h]!; mask !== 0; mask &= mask - 1) out[31 - Math.clz32(mask & -mask)]! += w;
      }
    }
    for (let v = 0; v < n; v++) out[v]! *= value[v]!;
    return out;
  };
  return {
    expected: () => current,
    avoided(x, q) {
      const saved = p[x]!;
      p[x] = q;
      const after = expectationOver(table.loss, p);
      p[x] = saved;
      return current - after;
    },
    apply(x, q) {
      const before = perCompany(p);
      p[x] = q;
      const after = perCompany(p);
      const previous = current;
      current = expectationOver(table.loss, p);
      for (let v = 0; v < n; v++) before[v]! -= after[v]!;
      return { avoided: previous - current, perCompany: before };
    },
  };
}

/**
 * Monte Carlo expected loss with common random numbers: the hits of every run (and
 * their uniforms) are kept sparsely, so a lower p for x only re-cascades the runs where
 * x's uniform lies in [new p, old p). Run r uses the stream of `monteCarloLoss`.
 */
export function sampledLossModel(index: IndexedNetwork, run: { runs: number; seed: number }, options: Partial<AnalysisOptions> = {}): LossModel {
  const { runs, seed } = run;
  const { n, value } = index;
  const p = hitProbabilities(index, options);
  const cascade = createCascade(index, options);
  let perRun = 0;
  for (let i = 0; i < n; i++) perRun += p[i]!;
  if (runs * perRun > MAX_KEPT_HITS) {
    throw new UsageError(
      `costPlan: ${runs} runs would keep about ${Math.round(runs * perRun).toLocaleString('en')} hits (${perRun.toFixed(1)} per run); ` +
        `the Monte Carlo plan keeps at most ${MAX_KEPT_HITS.toLocaleString('en')} — lower runs to ${Math.floor(MAX_KEPT_HITS / perRun)} or fewer`,
      'runs',
    );
  }

  // Every run's hit set with its uniforms, CSR by run.
  const runStart = new Int32Array(runs + 1);
  let hitCompany = new Int32Array(Math.max(16, runs));
  let hitUniform = new Float64Array(hitCompany.length);
  let total = 0;
  const stream = new RunStream();
  for (let r = 0; r < runs; r++) {
    stream.seedRun(seed, r);
    for (let i = 0; i < n; i++) {
      const u = stream.nextUniform();
      if (u < p[i]!) {
        if (total === hitCompany.length) {
          const grownCompany = new Int32Array(total * 2);
          grownCompany.set(hitCompany);
          hitCompany = grownCompany;
          const grownUniform = new Float64Array(total * 2);
          grownUniform.set(hitUniform);
          hitUniform = grownUniform;
        }
        hitCompany[total] = i;
        hitUniform[total++] = u;
      }
    }
    runStart[r + 1] = total;
  }
  // The same entries by company: the runs in which it was hit at the start.
  const companyStart = new Int32Array(n + 1);
  for (let k = 0; k < total; k++) companyStart[hitCompany[k]! + 1]!++;
  for (let i = 0; i < n; i++) companyStart[i + 1]! += companyStart[i]!;
  const entryRun = new Int32Array(total);
  const entryUniform = new Float64Array(total);
  /** Run-major entry j is company-major entry runEntry[j]. */
  const runEntry = new Int32Array(total);
  const fill = companyStart.slice(0, n);
  for (let r = 0; r < runs; r++) {
    for (let j = runStart[r]!; j < runStart[r + 1]!; j++) {
      const at = fill[hitCompany[j]!]!++;
      entryRun[at] = r;
      entryUniform[at] = hitUniform[j]!;
      runEntry[j] = at;
    }
  }

  // Each run's disrupted set D_r under the current p, as a bit set (runs × n bits), and
  // its loss. A term "loss of run r without y" is then D_r less what `unhit` finds no
  // longer disrupted when y is not hit: the edges around y's downstream inside D_r, not a
  // new cascade of every hit of the run.
  const words = (n + 31) >>> 5;
  const member = new Int32Array(runs * words);
  /** The companies hit in each run under the current p, as bit sets too. */
  const hitBits = new Int32Array(runs * words);
  const hits = new Int32Array(n);
  const loss = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    let count = 0;
    for (let k = runStart[r]!, end = runStart[r + 1]!; k < end; k++) {
      const i = hitCompany[k]!;
      hits[count++] = i;
      hitBits[r * words + (i >>> 5)]! |= 1 << (i & 31);
    }
    const d = cascade.run(hits.subarray(0, count));
    for (let j = 0; j < d.length; j++) member[r * words + (d[j]! >>> 5)]! |= 1 << (d[j]! & 31);
    loss[r] = runLoss(r);
  }
  function runLoss(r: number): number {
    let sum = 0;
    for (let w = 0; w < words; w++) {
      for (let bits = member[r * words + w]!; bits !== 0; bits &= bits - 1) sum += value[(w << 5) + (31 - Math.clz32(bits & -bits))]!;
    }
    return sum;
  }
  let current = 0;
  const inRun = (v: number): boolean => ((member[current * words + (v >>> 5)]! >>> (v & 31)) & 1) === 1;
  const hitInRun = (v: number): boolean => ((hitBits[current * words + (v >>> 5)]! >>> (v & 31)) & 1) === 1;
  const unhit = createUnhit(index, options);
  /** The companies of run r's disrupted set that y's hit alone keeps disrupted (y hit in r). */
  const goneWithout = (r: number, y: number): Int32Array => {
    current = r;
    return unhit.run(y, inRun, hitInRun);
  };
  const valueOf = (set: Int32Array): number => {
    let sum = 0;
    for (let j = 0; j < set.length; j++) sum += value[set[j]!]!;
    return sum;
  };
  // Avoided loss per candidate y, cached for the q it was computed at (NaN: none), as the
  // sum of one term per run of its window [q, p_y): loss of the run minus its loss without
  // y. A lift only changes its own window's runs, so only the terms of those runs are redone.
  const cachedQ = new Float64Array(n).fill(Number.NaN);
  const cachedSum = new Float64Array(n);
  const entryTerm = new Float64Array(total);
  const changed: number[] = [];
  return {
    expected() {
      let sum = 0;
      for (let r = 0; r < runs; r++) sum += loss[r]!;
      return sum / runs;
    },
    avoided(x, q) {
      if (cachedQ[x] === q) return cachedSum[x]! / runs;
      let saved = 0;
      for (let k = companyStart[x]!, end = companyStart[x + 1]!; k < end; k++) {
        const u = entryUniform[k]!;
        if (u < q || u >= p[x]!) continue;
        const term = valueOf(goneWithout(entryRun[k]!, x));
        entryTerm[k] = term;
        saved += term;
      }
      cachedQ[x] = q;
      cachedSum[x] = saved;
      return saved / runs;
    },
    apply(x, q) {
      const perCompany = new Float64Array(n);
      let saved = 0;
      changed.length = 0;
      for (let k = companyStart[x]!, end = companyStart[x + 1]!; k < end; k++) {
        const u = entryUniform[k]!;
        if (u < q || u >= p[x]!) continue;
        const r = entryRun[k]!;
        const gone = goneWithout(r, x);
        hitBits[r * words + (x >>> 5)]! &= ~(1 << (x & 31));
        for (let j = 0; j < gone.length; j++) {
          const v = gone[j]!;
          perCompany[v]! += value[v]! / runs;
          member[r * words + (v >>> 5)]! &= ~(1 << (v & 31));
        }
        const after = runLoss(r);
        saved += loss[r]! - after;
        loss[r] = after;
        changed.push(r);
      }
      p[x] = q;
      cachedQ[x] = Number.NaN;
      // Redo the terms of the other candidates whose window holds a changed run.
      for (const r of changed) {
        for (let j = runStart[r]!, end = runStart[r + 1]!; j < end; j++) {
          const y = hitCompany[j]!;
          const u = hitUniform[j]!;
          if (y === x || !(u >= cachedQ[y]! && u < p[y]!)) continue;
          const k = runEntry[j]!;
          const term = valueOf(goneWithout(r, y));
          cachedSum[y]! += term - entryTerm[k]!;
          entryTerm[k] = term;
        }
      }
      return { avoided: saved / runs, perCompany };
    },
  };
}
