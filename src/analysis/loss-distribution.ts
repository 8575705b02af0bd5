/**
 * Loss distribution (DESIGN.md): every company is hit independently with p(own score)
 * (`hitLikelihood`), the disruption cascade runs from the hit set H, and the loss is the
 * value (revenue) of the disrupted set D(H). Two ways to get it:
 *
 * - `monteCarloLoss`: run r draws H from its own xoshiro128** stream seeded from
 *   (seed, r) (random.ts): company i is hit when the i-th uniform of the stream is below
 *   p_i, companies in index (file) order. Runs are independent of each other, so any
 *   range of runs (`simulateLosses`, what a worker computes) gives bitwise the numbers of
 *   the whole. Summary (`summarizeLosses`): mean; standard error = sample standard
 *   deviation (n − 1) / √runs; p95 and p99 by nearest rank — the ⌈q·runs⌉-th smallest
 *   loss, i.e. the smallest loss L with at least q of the runs at or below L; and the
 *   companies hit most often in the worst 5% of runs (the ⌈0.05·runs⌉ runs of highest
 *   loss, ties to the lower run index), found in a second pass that regenerates those
 *   runs' hit sets from their streams instead of keeping every hit set.
 * - `exactLoss` (at most 20 companies): every one of the 2^n hit sets, weighted by
 *   Π_{i∈H} p_i Π_{i∉H} (1 − p_i); the mean is exact and p95/p99 are the smallest loss L
 *   with P(loss ≤ L) ≥ q (cumulative probability compared with a 1e-12 tolerance).
 */
import { UsageError } from '../errors.ts';
import type { IndexedNetwork } from '../model/index-network.ts';
import { createCascade } from './cascade.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';
import { ownScores } from './own-score.ts';
import { checkSeed, drawHits, RunStream } from './random.ts';
import { hitLikelihood } from './risk.ts';

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

export interface LossRange {
  seed?: number;
  /** First run (inclusive); default 0. */
  fromRun?: number;
  /** Last run (exclusive). */
  toRun: number;
  /** Called every 1,000 runs and at the end with the runs done so far in this range. */
  onProgress?: (done: number, total: number) => void;
}

export interface MonteCarloOptions {
  runs?: number;
  seed?: number;
  /** Run only runs fromRun .. toRun − 1 (default 0 .. runs − 1); the summary covers those runs. */
  fromRun?: number;
  toRun?: number;
  top?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface HitCount {
  id: string;
  name: string;
  /** Number of worst runs in which the company was hit. */
  count: number;
  /** count / number of worst runs. */
  share: number;
}

export interface LossDistribution {
  runs: number;
  seed: number;
  fromRun: number;
  mean: number;
  /** Sample standard deviation / √runs (0 for a single run). */
  standardError: number;
  p95: number;
  p99: number;
  max: number;
  /** The worst runs the attribution counts: ⌈0.05·runs⌉ of them, and the smallest loss among them. */
  worst: { runs: number; minLoss: number };
  /** Companies hit most often in the worst runs, most often first, ties by id. */
  topHitInWorst: HitCount[];
  /** Loss of each run, run fromRun + k at k. */
  losses: Float64Array;
}

export interface ExactLoss {
  companies: number;
  hitSets: number;
  mean: number;
  p95: number;
  p99: number;
}

/** p(own score) of every company (the annual hit likelihood). */
export function hitProbabilities(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): Float64Array {
  const o = resolveOptions(options);
  const own = ownScores(index, o).score;
  const p = new Float64Array(index.n);
  for (let i = 0; i < index.n; i++) p[i] = hitLikelihood(own[i]!, o);
  return p;
}

/** Checks a run range; throws a RangeError naming the bad option. */
export function checkRunRange(fromRun: number, toRun: number): void {
  if (!Number.isInteger(fromRun) || fromRun < 0) throw new RangeError(`lossDistribution: fromRun must be an integer ≥ 0, got ${fromRun}`);
  if (!Number.isInteger(toRun) || toRun <= fromRun || toRun > 0x100000000) {
    throw new RangeError(`lossDistribution: toRun must be an integer in (fromRun, 2^32], got ${toRun}`);
  }
}

/**
 * The loss of runs fromRun .. toRun − 1 (the pure per-chunk function a worker runs).
 * Example: `simulateLosses(idx, { seed: 1, fromRun: 0, toRun: 1000 })[0]` — run 0's loss.
 */
export function simulateLosses(index: IndexedNetwork, range: LossRange, options: Partial<AnalysisOptions> = {}): Float64Array {
  const seed = checkSeed(range.seed ?? LOSS_DEFAULTS.seed);
  const fromRun = range.fromRun ?? 0;
  checkRunRange(fromRun, range.toRun);
  const p = hitProbabilities(index, options);
  const cascade = createCascade(index, options);
  const { value } = index;
  const stream = new RunStream();
  const hits = new Int32Array(index.n);
  const total = range.toRun - fromRun;
  const losses = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    const count = drawHits(stream, seed, fromRun + k, p, hits);
    if (count > 0) {
      const d = cascade.run(hits.subarray(0, count));
      let loss = 0;
      for (let j = 0; j < d.length; j++) loss += value[d[j]!]!;
      losses[k] = loss;
    }
    if (range.onProgress && (k + 1) % 1000 === 0) range.onProgress(k + 1, total);
  }
  range.onProgress?.(total, total);
  return losses;
}

/** Nearest-rank percentile of ascending `sorted`: the ⌈q·length⌉-th smallest. */
export function nearestRank(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Summary of per-run losses (run fromRun + k at k): moments, percentiles, worst-run attribution. */
export function summarizeLosses(
  index: IndexedNetwork,
  losses: Float64Array,
  run: { seed?: number; fromRun?: number; top?: number } = {},
  options: Partial<AnalysisOptions> = {},
): LossDistribution {
  const seed = checkSeed(run.seed ?? LOSS_DEFAULTS.seed);
  const fromRun = run.fromRun ?? 0;
  const top = run.top ?? LOSS_DEFAULTS.top;
  const runs = losses.length;
  let sum = 0;
  for (let k = 0; k < runs; k++) sum += losses[k]!;
  const mean = runs > 0 ? sum / runs : 0;
  let squares = 0;
  for (let k = 0; k < runs; k++) squares += (losses[k]! - mean) ** 2;
  const standardError = runs > 1 ? Math.sqrt(squares / (runs - 1)) / Math.sqrt(runs) : 0;
  const sorted = Float64Array.from(losses).sort();

  // Second pass: regenerate the hit sets of the worst runs and count who was hit.
  const worstRuns = runs > 0 ? Math.ceil(LOSS_DEFAULTS.worstShare * runs - 1e-9) : 0;
  const order = new Int32Array(runs);
  for (let k = 0; k < runs; k++) order[k] = k;
  order.sort((a, b) => losses[b]! - losses[a]! || a - b);
  const p = hitProbabilities(index, options);
  const counts = new Int32Array(index.n);
  const stream = new RunStream();
  const hits = new Int32Array(index.n);
  for (let w = 0; w < worstRuns; w++) {
    const count = drawHits(stream, seed, fromRun + order[w]!, p, hits);
    for (let j = 0; j < count; j++) counts[hits[j]!]!++;
  }
  const hitCompanies: number[] = [];
  for (let i = 0; i < index.n; i++) if (counts[i]! > 0) hitCompanies.push(i);
  hitCompanies.sort((a, b) => counts[b]! - counts[a]! || (index.ids[a]! < index.ids[b]! ? -1 : 1));
  return {
    runs,
    seed,
    fromRun,
    mean,
    standardError,
    p95: nearestRank(sorted, 0.95),
    p99: nearestRank(sorted, 0.99),
    max: runs > 0 ? sorted[runs - 1]! : 0,
    worst: { runs: worstRuns, minLoss: worstRuns > 0 ? losses[order[worstRuns - 1]!]! : 0 },
    topHitInWorst: hitCompanies.slice(0, top).map((i) => ({
      id: index.ids[i]!,
      name: index.network.companies[i]!.name,
      count: counts[i]!,
      share: counts[i]! / worstRuns,
    })),
    losses,
  };
}

/**
 * Monte Carlo loss distribution, single thread (see parallel-loss.ts for workers; same
 * numbers). Example: `monteCarloLoss(idx, { runs: 10_000, seed: 7 }).p99`.
 */
export function monteCarloLoss(index: IndexedNetwork, run: MonteCarloOptions = {}, options: Partial<AnalysisOptions> = {}): LossDistribution {
  const runs = run.runs ?? LOSS_DEFAULTS.runs;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`lossDistribution: runs must be an integer ≥ 1, got ${runs}`);
  const seed = run.seed ?? LOSS_DEFAULTS.seed;
  const fromRun = run.fromRun ?? 0;
  const toRun = run.toRun ?? runs;
  const losses = simulateLosses(index, { seed, fromRun, toRun, ...(run.onProgress ? { onProgress: run.onProgress } : {}) }, options);
  return summarizeLosses(index, losses, { seed, fromRun, top: run.top ?? LOSS_DEFAULTS.top }, options);
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

/**
 * Exact expected loss and exact p95/p99 by enumerating every hit set (at most 20
 * companies; UsageError above). Example: `exactLoss(idx).mean`.
 */
export function exactLoss(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): ExactLoss {
  const table = enumerateHitSets(index, options);
  const p = hitProbabilities(index, options);
  const { low, high } = hitSetWeights(p);
  const byLoss = new Map<number, number>();
  let mean = 0;
  for (let b = 0; b < high.length; b++) {
    for (let a = 0; a < low.length; a++) {
      const h = b * low.length + a;
      const w = high[b]! * low[a]!;
      const loss = table.loss[h]!;
      mean += w * loss;
      byLoss.set(loss, (byLoss.get(loss) ?? 0) + w);
    }
  }
  const levels = [...byLoss.keys()].sort((x, y) => x - y);
  const quantile = (q: number): number => {
    let cumulative = 0;
    for (const loss of levels) {
      cumulative += byLoss.get(loss)!;
      if (cumulative >= q - 1e-12) return loss;
    }
    return levels[levels.length - 1] ?? 0;
  };
  return { companies: index.n, hitSets: table.loss.length, mean, p95: quantile(0.95), p99: quantile(0.99) };
}
