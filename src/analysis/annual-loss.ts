/**
 * The annual loss distribution over the event loss table (event-loss.ts).
 *
 * What it computes. Each company x is hit at most once a year, independently of every
 * other company, with probability p(x) (the analysis' `hitLikelihood`). Each hit draws
 * its full-stop duration d_k independently from the `durations` distribution and costs
 * L(x, d_k) yen (`byDuration[x * K + k]`). Events are not merged: two hits in one year
 * add up even when their disrupted sets overlap. The year's annual loss is
 * Σ_{x hit} L(x, d_x); its largest single event loss is max_{x hit} L(x, d_x) (0 in a
 * year without a hit). Reported:
 * - `expectedAnnualLoss`: the closed form Σ_x p(x) × EL(x) (equal to the analysis'
 *   `expectedAnnualLoss`, no sampling);
 * - quantiles p95, p99, p995 (1-in-20, 1-in-100, 1-in-200 year): the q-quantile is the
 *   smallest ℓ with P(annual loss ≤ ℓ) ≥ q;
 * - the aggregate exceedance curve (AEP), points { loss ℓ, probability P(annual loss ≥ ℓ) },
 *   and the occurrence exceedance curve (OEP), P(largest single event loss ≥ ℓ);
 * - the mean, and for Monte Carlo its standard error.
 *
 * Monte Carlo (`monteCarloAnnualLoss`). Run r draws from its own xoshiro128** stream,
 * `new RunStream().seedRun(seed, r)` (random.ts), so any range of runs
 * (`simulateAnnualLosses`, what a worker computes) gives bitwise the numbers of the
 * whole. Sampling a run costs O(hits), not O(companies), by geometric skipping with
 * thinning:
 * - once per model (`createAnnualLossSampler`), companies with p ≥ 1 form the "always"
 *   list; companies with p = 0 are dropped; every other company goes to bucket
 *   b = ⌊log2 p⌋, in index order, and each bucket's envelope q_b is the largest p in it
 *   (so p / q_b > 1/2 for each member, q_b < 1);
 * - a run takes, in this order: each "always" company (hit for sure); then each bucket
 *   from the highest b down: j = −1, and repeatedly j += 1 + ⌊log(1 − U) / log(1 − q_b)⌋
 *   (U a uniform; 1 + that is a geometric number of trials of success probability q_b),
 *   while j is inside the bucket: its member x is a candidate, accepted with a second
 *   uniform V < p(x) / q_b. Candidates are Bernoulli(q_b) independently, thinned to
 *   Bernoulli(p(x)), so x is hit with probability p(x), independently of the others;
 * - for each hit, in the order found, one uniform W picks the duration: the first k
 *   with W < P(d_0) + … + P(d_k) (the last entry of positive probability when rounding
 *   leaves W above the sum); the loss L(x, d_k) is added to the run's annual loss and
 *   raises its largest event loss.
 * Uniforms are multiples of 2^-32 (random.ts), the only approximation of the sampling.
 * Summary: mean; standard error = sample standard deviation (n − 1) / √runs (0 for one
 * run); the q-quantile is the ⌈q·runs⌉-th smallest run loss (nearest rank).
 *
 * Exact (`exactAnnualLoss`, at most EXACT_LIMIT = 8 companies; UsageError, field
 * `exact`, above): every hit set and every duration of each hit — (1 + K)^n outcomes —
 * company by company (a convolution that merges outcomes of equal partial loss, summed in
 * index order as the enumeration would), giving the distinct annual losses with their
 * probabilities; quantiles compare the cumulative probability with q − 1e-12. The OEP is
 * exact too: P(largest ≥ ℓ) = 1 − Π_x (1 − p(x) × P(L(x, d) ≥ ℓ)).
 *
 * Curves, for drawing: points with loss > 0 only (P(loss ≥ 0) = 1), loss ascending,
 * probability descending, at most CURVE_POINTS. Monte Carlo: at exceedance
 * probabilities e on a log-spaced grid from 0.5 down to 1/runs, the ⌈e·runs⌉-th largest
 * run loss with its sample P(≥ loss). Exact: every distinct loss when there are at most
 * CURVE_POINTS of them, else the largest loss with P(≥ loss) ≥ e on a log-spaced grid
 * from 0.5 down to max(1e-6, P(≥ largest loss)), with its exact P(≥ loss).
 */
import { UsageError, OptionError } from '../errors.ts';
import type { EventLossTable } from './event-loss.ts';
import type { Duration } from './options.ts';
import { checkSeed, RunStream } from './random.ts';
import { expectedAnnualLoss as sumRisk, riskContributions } from './risk.ts';

export const ANNUAL_LOSS_DEFAULTS = Object.freeze({ runs: 10_000, seed: 1 });

/** Largest network `exactAnnualLoss` enumerates: (1 + K)^8 outcomes, 7^8 ≈ 5.8 million with the default 6 durations. */
export const EXACT_LIMIT = 8;

/** Most points of an exceedance curve. */
export const CURVE_POINTS = 48;

/** Return periods (years) of `returnPeriods`. */
export const RETURN_PERIODS: readonly number[] = Object.freeze([2, 5, 10, 20, 50, 100, 200, 500, 1000]);

/** What the distribution is computed from: hit likelihoods and the event loss table (build it from an Analysis). */
export interface AnnualLossModel {
  /** p(x): annual hit likelihood of each company. */
  p: Float64Array;
  eventLoss: EventLossTable;
}

/** What the sampler needs (and a worker receives): plain typed arrays and the durations. */
export interface SamplerInput {
  p: Float64Array;
  durations: readonly Duration[];
  /** L(x, d_k) at x * durations.length + k. */
  byDuration: Float64Array;
}

export interface CurvePoint {
  loss: number;
  /** P(annual loss ≥ loss) on the AEP; P(largest single event loss ≥ loss) on the OEP. */
  probability: number;
}

export interface Quantiles {
  /** 1-in-20-year annual loss. */
  p95: number;
  /** 1-in-100-year. */
  p99: number;
  /** 1-in-200-year. */
  p995: number;
}

export interface ReturnPeriodRow {
  years: number;
  /** The (1 − 1/years)-quantile of the annual loss. */
  annualLoss: number;
  /** The (1 − 1/years)-quantile of the year's largest single event loss. */
  largestEvent: number;
}

/** The report: exactly the fields of `weaklink risk --format json` and POST /api/risk. */
export interface AnnualLossReport {
  method: 'exact' | 'monte-carlo';
  /** Σ p × EL, yen per year (closed form). */
  expectedAnnualLoss: number;
  /** Mean annual loss of the runs (Monte Carlo) or of the exact distribution. */
  mean: number;
  standardError: number | null;
  runs: number | null;
  seed: number | null;
  quantiles: Quantiles;
  /** AEP: P(annual loss ≥ loss). */
  exceedance: CurvePoint[];
  /** OEP: P(largest single event loss ≥ loss). */
  occurrence: CurvePoint[];
}

export interface MonteCarloAnnualLoss extends AnnualLossReport {
  method: 'monte-carlo';
  standardError: number;
  runs: number;
  seed: number;
  fromRun: number;
  /** Return periods up to `runs` years. */
  returnPeriods: ReturnPeriodRow[];
  /** Annual loss of run fromRun + k at k. */
  annual: Float64Array;
  /** Largest single event loss of run fromRun + k at k. */
  largest: Float64Array;
}

export interface ExactAnnualLoss extends AnnualLossReport {
  method: 'exact';
  standardError: null;
  runs: null;
  seed: null;
  /** (1 + K)^n. */
  outcomes: number;
  returnPeriods: ReturnPeriodRow[];
  /** The distinct annual losses, ascending, with their probabilities (outcomes of probability 0 left out). */
  distribution: { loss: Float64Array; probability: Float64Array };
}

export type AnnualLoss = MonteCarloAnnualLoss | ExactAnnualLoss;

export interface RunRange {
  seed?: number;
  /** First run (inclusive); default 0. */
  fromRun?: number;
  /** Last run (exclusive). */
  toRun: number;
  /** Called every 1,000 runs and at the end with the runs done so far in this range. */
  onProgress?: (done: number, total: number) => void;
}

export interface MonteCarloAnnualOptions {
  runs?: number;
  seed?: number;
  /** Run only runs fromRun .. toRun − 1 (default 0 .. runs − 1); the summary covers those runs. */
  fromRun?: number;
  toRun?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The model of an analysis. Example: `annualLossModel(runAnalysis(idx))`. */
export function annualLossModel(a: { hitLikelihood: Float64Array; eventLoss: EventLossTable }): AnnualLossModel {
  return { p: a.hitLikelihood, eventLoss: a.eventLoss };
}

/** The sampler's part of a model (what a worker is sent). */
export function samplerInput(model: AnnualLossModel): SamplerInput {
  return { p: model.p, durations: model.eventLoss.durations, byDuration: model.eventLoss.byDuration };
}

/** Σ p × EL, summed in index order as the analysis does (bitwise its `expectedAnnualLoss`). */
export function closedFormAnnualLoss(model: AnnualLossModel): number {
  return sumRisk(riskContributions(model.p, model.eventLoss.expected));
}

/** Checks a run range; throws a RangeError naming the bad option. */
export function checkRunRange(fromRun: number, toRun: number): void {
  if (!Number.isInteger(fromRun) || fromRun < 0)
    throw new OptionError(`annualLoss: fromRun must be an integer ≥ 0, got ${fromRun}`, 'fromRun');
  if (!Number.isInteger(toRun) || toRun <= fromRun || toRun > 0x100000000) {
    throw new OptionError(`annualLoss: toRun must be an integer in (fromRun, 2^32], got ${toRun}`, 'toRun');
  }
}

/** Checks a run count; throws a RangeError naming it. */
export function checkRuns(runs: number): number {
  if (!Number.isInteger(runs) || runs < 1)
    throw new OptionError(`annualLoss: runs must be an integer ≥ 1, got ${runs}`, 'runs');
  return runs;
}

/** UsageError (field `exact`) when n companies are too many to enumerate. */
export function checkExactSize(n: number): void {
  if (n > EXACT_LIMIT) {
    throw new UsageError(
      `exact: the network has ${n} companies; exact enumeration handles at most ${EXACT_LIMIT} companies — leave --exact out to use Monte Carlo`,
      'exact',
    );
  }
}

export interface AnnualLossSampler {
  /** Annual and largest single event loss of runs fromRun .. toRun − 1 under `seed`. */
  simulate(range: RunRange): { annual: Float64Array; largest: Float64Array };
}

/** Buckets the companies once (see the header); `simulate` then costs O(hits) per run. */
export function createAnnualLossSampler(input: SamplerInput): AnnualLossSampler {
  const { p, durations, byDuration } = input;
  const n = p.length;
  const K = durations.length;
  if (byDuration.length !== n * K)
    throw new RangeError(`annualLoss: byDuration has ${byDuration.length} entries, want ${n} × ${K}`);
  const cumulative = new Float64Array(K);
  let sum = 0;
  let lastPositive = 0;
  for (let k = 0; k < K; k++) {
    sum += durations[k]!.probability;
    cumulative[k] = sum;
    if (durations[k]!.probability > 0) lastPositive = k;
  }

  const always: number[] = [];
  const byBucket = new Map<number, number[]>();
  for (let x = 0; x < n; x++) {
    const px = p[x]!;
    if (!(px >= 0)) throw new RangeError(`annualLoss: p[${x}] must be a probability, got ${px}`);
    if (px >= 1) always.push(x);
    else if (px > 0) {
      const b = Math.floor(Math.log2(px));
      let list = byBucket.get(b);
      if (list === undefined) byBucket.set(b, (list = []));
      list.push(x);
    }
  }
  const buckets = [...byBucket.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, list]) => {
      const members = Int32Array.from(list);
      let q = 0;
      for (const x of members) q = Math.max(q, p[x]!);
      const accept = Float64Array.from(members, (x) => p[x]! / q);
      return { members, accept, logMiss: Math.log1p(-q) };
    });
  const alwaysHit = Int32Array.from(always);

  const durationOf = (w: number): number => {
    for (let k = 0; k < K; k++) if (w < cumulative[k]!) return k;
    return lastPositive;
  };

  return {
    simulate(range) {
      const seed = checkSeed(range.seed ?? ANNUAL_LOSS_DEFAULTS.seed);
      const fromRun = range.fromRun ?? 0;
      checkRunRange(fromRun, range.toRun);
      const total = range.toRun - fromRun;
      const annual = new Float64Array(total);
      const largest = new Float64Array(total);
      const stream = new RunStream();
      for (let r = 0; r < total; r++) {
        stream.seedRun(seed, fromRun + r);
        let loss = 0;
        let max = 0;
        for (let a = 0; a < alwaysHit.length; a++) {
          const l = byDuration[alwaysHit[a]! * K + durationOf(stream.nextUniform())]!;
          loss += l;
          if (l > max) max = l;
        }
        for (const { members, accept, logMiss } of buckets) {
          const size = members.length;
          for (let j = -1; ;) {
            j += 1 + Math.floor(Math.log(1 - stream.nextUniform()) / logMiss);
            if (!(j < size)) break;
            if (stream.nextUniform() < accept[j]!) {
              const l = byDuration[members[j]! * K + durationOf(stream.nextUniform())]!;
              loss += l;
              if (l > max) max = l;
            }
          }
        }
        annual[r] = loss;
        largest[r] = max;
        if (range.onProgress && (r + 1) % 1000 === 0) range.onProgress(r + 1, total);
      }
      range.onProgress?.(total, total);
      return { annual, largest };
    },
  };
}

/**
 * Annual and largest single event losses of runs fromRun .. toRun − 1 (the pure
 * per-chunk function). Example: `simulateAnnualLosses(samplerInput(model), { seed: 1, toRun: 1000 }).annual[0]`.
 */
export function simulateAnnualLosses(
  input: SamplerInput,
  range: RunRange,
): { annual: Float64Array; largest: Float64Array } {
  return createAnnualLossSampler(input).simulate(range);
}

/** Nearest-rank quantile of ascending `sorted`: the ⌈q·length⌉-th smallest (0 when empty). */
export function nearestRank(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Log-spaced exceedance probabilities from `from` down to `to` (CURVE_POINTS of them, fewer when from ≤ to). */
function exceedanceGrid(from: number, to: number): number[] {
  if (!(to < from)) return [to];
  const ratio = Math.log(to / from);
  return Array.from({ length: CURVE_POINTS }, (_, i) =>
    i === CURVE_POINTS - 1 ? to : from * Math.exp((ratio * i) / (CURVE_POINTS - 1)),
  );
}

/** The sample curve of ascending `sorted`: at each grid e, the ⌈e·n⌉-th largest value with its sample P(≥ value). */
function sampleCurve(sorted: Float64Array): CurvePoint[] {
  const n = sorted.length;
  const points: CurvePoint[] = [];
  for (const e of exceedanceGrid(0.5, 1 / n)) {
    const rank = Math.min(n, Math.max(1, Math.ceil(e * n - 1e-9)));
    const loss = sorted[n - rank]!;
    if (!(loss > 0) || (points.length > 0 && points[points.length - 1]!.loss === loss)) continue;
    // First index with sorted[i] ≥ loss.
    let lo = 0;
    let hi = n - rank;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < loss) lo = mid + 1;
      else hi = mid;
    }
    points.push({ loss, probability: (n - lo) / n });
  }
  return points;
}

function sampleStats(values: Float64Array): { mean: number; standardError: number } {
  const runs = values.length;
  let sum = 0;
  for (let k = 0; k < runs; k++) sum += values[k]!;
  const mean = runs > 0 ? sum / runs : 0;
  let squares = 0;
  for (let k = 0; k < runs; k++) squares += (values[k]! - mean) ** 2;
  return { mean, standardError: runs > 1 ? Math.sqrt(squares / (runs - 1)) / Math.sqrt(runs) : 0 };
}

/** The summary of per-run losses (run fromRun + k at k) of a model. */
export function summarizeAnnualLosses(
  model: AnnualLossModel,
  losses: { annual: Float64Array; largest: Float64Array },
  run: { seed?: number; fromRun?: number } = {},
): MonteCarloAnnualLoss {
  const seed = checkSeed(run.seed ?? ANNUAL_LOSS_DEFAULTS.seed);
  const { annual, largest } = losses;
  const runs = annual.length;
  const sortedAnnual = Float64Array.from(annual).sort();
  const sortedLargest = Float64Array.from(largest).sort();
  const { mean, standardError } = sampleStats(annual);
  return {
    method: 'monte-carlo',
    expectedAnnualLoss: closedFormAnnualLoss(model),
    mean,
    standardError,
    runs,
    seed,
    fromRun: run.fromRun ?? 0,
    quantiles: {
      p95: nearestRank(sortedAnnual, 0.95),
      p99: nearestRank(sortedAnnual, 0.99),
      p995: nearestRank(sortedAnnual, 0.995),
    },
    exceedance: sampleCurve(sortedAnnual),
    occurrence: sampleCurve(sortedLargest),
    returnPeriods: RETURN_PERIODS.filter((years) => years <= runs).map((years) => ({
      years,
      annualLoss: nearestRank(sortedAnnual, 1 - 1 / years),
      largestEvent: nearestRank(sortedLargest, 1 - 1 / years),
    })),
    annual,
    largest,
  };
}

/**
 * The Monte Carlo annual loss distribution, single thread (parallel-loss.ts gives the
 * same numbers on worker threads). Example: `monteCarloAnnualLoss(model, { runs: 10_000, seed: 7 }).quantiles.p99`.
 */
export function monteCarloAnnualLoss(model: AnnualLossModel, run: MonteCarloAnnualOptions = {}): MonteCarloAnnualLoss {
  const runs = checkRuns(run.runs ?? ANNUAL_LOSS_DEFAULTS.runs);
  const seed = checkSeed(run.seed ?? ANNUAL_LOSS_DEFAULTS.seed);
  const fromRun = run.fromRun ?? 0;
  const toRun = run.toRun ?? runs;
  const losses = simulateAnnualLosses(samplerInput(model), {
    seed,
    fromRun,
    toRun,
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
  });
  return summarizeAnnualLosses(model, losses, { seed, fromRun });
}

/** Smallest loss of an ascending distribution with cumulative probability ≥ q − 1e-12. */
export function exactQuantile(distribution: { loss: Float64Array; probability: Float64Array }, q: number): number {
  const { loss, probability } = distribution;
  let cumulative = 0;
  for (let i = 0; i < loss.length; i++) {
    cumulative += probability[i]!;
    if (cumulative >= q - 1e-12) return loss[i]!;
  }
  return loss.length > 0 ? loss[loss.length - 1]! : 0;
}

/** P(loss ≥ ℓ) of an ascending distribution. */
export function exceedanceAt(distribution: { loss: Float64Array; probability: Float64Array }, level: number): number {
  const { loss, probability } = distribution;
  let sum = 0;
  for (let i = loss.length - 1; i >= 0 && loss[i]! >= level; i--) sum += probability[i]!;
  return sum;
}

/** The curve of distinct levels (ascending) with exceedance probabilities P(≥ level): all of them, or thinned on the grid. */
function exactCurve(levels: Float64Array, exceed: Float64Array): CurvePoint[] {
  const all: CurvePoint[] = [];
  for (let i = 0; i < levels.length; i++)
    if (levels[i]! > 0 && exceed[i]! > 0) all.push({ loss: levels[i]!, probability: exceed[i]! });
  if (all.length <= CURVE_POINTS) return all;
  const points: CurvePoint[] = [];
  let i = 0;
  for (const e of exceedanceGrid(0.5, Math.max(1e-6, all[all.length - 1]!.probability))) {
    // The largest level whose P(≥ level) is at least e.
    while (i + 1 < all.length && all[i + 1]!.probability >= e - 1e-12) i++;
    const point = all[i]!;
    if (point.probability >= e - 1e-12 && points[points.length - 1] !== point) points.push(point);
  }
  return points;
}

/**
 * The exact annual loss distribution: every hit set and every duration of each hit
 * ((1 + K)^n outcomes), at most EXACT_LIMIT companies (UsageError, field `exact`,
 * above). Example: `exactAnnualLoss(model).quantiles.p99`.
 */
export function exactAnnualLoss(model: AnnualLossModel): ExactAnnualLoss {
  const { p, eventLoss } = model;
  const { durations, byDuration } = eventLoss;
  const n = p.length;
  const K = durations.length;
  checkExactSize(n);

  // Company by company: each outcome so far either misses x or adds L(x, d_k). The
  // outcomes are kept as distinct losses ascending; adding a constant keeps that order,
  // so the 1 + K branches are merged like sorted lists, equal losses merged into one.
  let loss = new Float64Array([0]);
  let probability = new Float64Array([1]);
  for (let x = 0; x < n; x++) {
    const px = p[x]!;
    const shift = [0];
    const weight = [1 - px];
    for (let k = 0; k < K; k++) {
      shift.push(byDuration[x * K + k]!);
      weight.push(px * durations[k]!.probability);
    }
    const branches = shift.map((_, b) => b).filter((b) => weight[b]! > 0);
    const size = loss.length;
    const nextLoss = new Float64Array(size * branches.length);
    const nextProbability = new Float64Array(size * branches.length);
    const head = new Int32Array(branches.length);
    let count = 0;
    for (;;) {
      let best = -1;
      let bestLoss = Infinity;
      for (let b = 0; b < branches.length; b++) {
        if (head[b]! < size) {
          const l = loss[head[b]!]! + shift[branches[b]!]!;
          if (best < 0 || l < bestLoss) {
            best = b;
            bestLoss = l;
          }
        }
      }
      if (best < 0) break;
      const w = probability[head[best]!]! * weight[branches[best]!]!;
      head[best]!++;
      if (count > 0 && nextLoss[count - 1] === bestLoss) nextProbability[count - 1]! += w;
      else {
        nextLoss[count] = bestLoss;
        nextProbability[count++] = w;
      }
    }
    loss = nextLoss.slice(0, count);
    probability = nextProbability.slice(0, count);
  }
  const distribution = { loss, probability };
  let mean = 0;
  for (let i = 0; i < loss.length; i++) mean += loss[i]! * probability[i]!;
  const exceed = new Float64Array(loss.length);
  for (let i = loss.length - 1, s = 0; i >= 0; i--) exceed[i] = s += probability[i]!;

  // OEP: P(largest < ℓ) = Π_x (1 − p(x) × P(L(x, d) ≥ ℓ)).
  const below = (level: number): number => {
    let product = 1;
    for (let x = 0; x < n; x++) {
      let atLeast = 0;
      for (let k = 0; k < K; k++) if (byDuration[x * K + k]! >= level) atLeast += durations[k]!.probability;
      product *= 1 - p[x]! * atLeast;
    }
    return product;
  };
  const eventLevels = new Set<number>();
  for (let x = 0; x < n; x++) {
    for (let k = 0; k < K; k++) if (p[x]! > 0 && durations[k]!.probability > 0) eventLevels.add(byDuration[x * K + k]!);
  }
  const levels = Float64Array.from(eventLevels).sort();
  const occurrenceExceed = Float64Array.from(levels, (l) => 1 - below(l));
  // The largest takes values in {0} ∪ levels, so P(largest ≤ c_i) = P(largest < c_{i+1}).
  const candidates = [0, ...Array.from(levels).filter((l) => l > 0)];
  const largestQuantile = (q: number): number => {
    for (let i = 0; i < candidates.length; i++) {
      const atMost = i + 1 < candidates.length ? below(candidates[i + 1]!) : 1;
      if (atMost >= q - 1e-12) return candidates[i]!;
    }
    return candidates[candidates.length - 1]!;
  };

  return {
    method: 'exact',
    expectedAnnualLoss: closedFormAnnualLoss(model),
    mean,
    standardError: null,
    runs: null,
    seed: null,
    outcomes: (1 + K) ** n,
    quantiles: {
      p95: exactQuantile(distribution, 0.95),
      p99: exactQuantile(distribution, 0.99),
      p995: exactQuantile(distribution, 0.995),
    },
    exceedance: exactCurve(loss, exceed),
    occurrence: exactCurve(levels, occurrenceExceed),
    returnPeriods: RETURN_PERIODS.map((years) => ({
      years,
      annualLoss: exactQuantile(distribution, 1 - 1 / years),
      largestEvent: largestQuantile(1 - 1 / years),
    })),
    distribution,
  };
}

/** The report fields only (the JSON of the CLI and the API). */
export function annualLossReport(result: AnnualLoss): AnnualLossReport {
  return {
    method: result.method,
    expectedAnnualLoss: result.expectedAnnualLoss,
    mean: result.mean,
    standardError: result.standardError,
    runs: result.runs,
    seed: result.seed,
    quantiles: result.quantiles,
    exceedance: result.exceedance,
    occurrence: result.occurrence,
  };
}
