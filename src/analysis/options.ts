/**
 * The analysis options and their DEFAULTS: the threshold θ, the level → score table,
 * the hit-likelihood curve, the outage-duration distribution, the loss ratio and the
 * buffer tolerance of the required-level rule, the as-of date and the validity of
 * assessments (levels-as-of.ts). Every analysis takes one options object
 * and resolves it here, so a bad option fails the same way everywhere.
 *
 * The money defaults are assumptions, each to be replaced by the user's own figures
 * (README, "Where the defaults come from"):
 * - hit likelihood p(s) = min(1, 0.015 × 0.975^s): an unassessed company 1.5 % a year,
 *   ★3 (60) 0.33 %, ★4 (80) 0.20 %; 0.975^100 ≈ 1/12.6, close to the 13.8× breach ratio
 *   between F- and A-rated companies that SecurityScorecard reports;
 * - full-stop days of an outage: 1, 5, 14, 30, 60, 120 with 0.20, 0.25, 0.25, 0.15,
 *   0.10, 0.05 (mean 21.45 days), from public incidents in Japan and abroad;
 * - loss ratio 1: a stopped day loses revenue / 365 (revenue at risk).
 *
 * The validity of an assessment without valid_until is an assumption too: ★1/★2 two
 * years, ★3 one year, ★4/★5 three years. `asOf` null is resolved to today's UTC date.
 */
import { OptionError } from '../errors.ts';
import { isIsoDate } from '../model/iso-date.ts';
import { todayUtc } from './levels-as-of.ts';

/** One entry of the outage-duration distribution: full-stop days and their probability. */
export interface Duration {
  days: number;
  probability: number;
}

export interface AnalysisOptions {
  /** θ: a buyer stops when the available share of a commodity falls below it. In (0, 1]. */
  theta: number;
  /** Own score of scs_level 0..5 (used when no security_score is given). */
  levelScores: readonly number[];
  /** p(s) = min(1, hitBase × hitDecay^s): the annual probability that a company of own score s is hit. */
  hitBase: number;
  hitDecay: number;
  /** The distribution of full-stop days of a hit; probabilities sum to 1. */
  durations: readonly Duration[];
  /** Share of revenue a stopped day loses: 1 = revenue at risk; a gross-margin ratio for a profit basis. */
  lossRatio: number;
  /** Required-level rule, question 2: an input with fewer buffer days than this halts the buyer. */
  bufferTolerance: number;
  /**
   * The date the analysis runs "as of" (YYYY-MM-DD): assessments valid on it give the
   * levels (levels-as-of.ts); `null` means today's date in UTC.
   */
  asOf: string | null;
  /**
   * Years an assessment of level 0..5 stays valid when its valid_until is empty. Assumptions
   * to confirm against IPA's published rules: ★1/★2 two years, ★3 one (the METI scheme
   * asks for a yearly check), ★4 and ★5 three.
   */
  validity: readonly number[];
  /** The lapsing list (lapsing-report.ts) takes assessments whose last day is within this many days of asOf. */
  lapsingDays: number;
}

export const DEFAULT_DURATIONS: readonly Duration[] = Object.freeze(
  (
    [
      [1, 0.2],
      [5, 0.25],
      [14, 0.25],
      [30, 0.15],
      [60, 0.1],
      [120, 0.05],
    ] as const
  ).map(([days, probability]) => Object.freeze({ days, probability })),
);

export const DEFAULTS: Readonly<AnalysisOptions> = Object.freeze({
  theta: 0.5,
  levelScores: Object.freeze([10, 25, 40, 60, 80, 95]),
  hitBase: 0.015,
  hitDecay: 0.975,
  durations: DEFAULT_DURATIONS,
  lossRatio: 1,
  bufferTolerance: 7,
  asOf: null,
  validity: Object.freeze([0, 2, 2, 1, 3, 3]),
  lapsingDays: 90,
});

/** Tolerance of share comparisons ("below θ" means < θ − 1e-9). */
export const EPSILON = 1e-9;

/** Resolves partial options against DEFAULTS and checks them; throws an OptionError naming the option. */
export function resolveOptions(options: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const o: AnalysisOptions = { ...DEFAULTS, ...stripUndefined(options) };
  if (o.asOf === null) o.asOf = todayUtc();
  const bad = (field: string, message: string): never => {
    throw new OptionError(`analysis: ${message}`, field);
  };
  if (!(o.theta > 0 && o.theta <= 1)) bad('theta', `theta must be a number in (0, 1], got ${o.theta}`);
  if (o.levelScores.length !== 6 || o.levelScores.some((s) => !(s >= 0 && s <= 100))) {
    bad('levelScores', 'levelScores must hold 6 scores in 0–100 (levels 0 to 5)');
  }
  for (let l = 1; l < 6; l++) {
    if (o.levelScores[l]! < o.levelScores[l - 1]!) bad('levelScores', 'levelScores must not decrease with the level');
  }
  if (!(o.hitBase > 0 && o.hitBase <= 1)) bad('hitBase', `hitBase must be in (0, 1], got ${o.hitBase}`);
  if (!(o.hitDecay > 0 && o.hitDecay <= 1)) bad('hitDecay', `hitDecay must be in (0, 1], got ${o.hitDecay}`);
  checkDurations(o.durations);
  if (!(o.lossRatio >= 0 && o.lossRatio <= 1)) bad('lossRatio', `lossRatio must be in [0, 1], got ${o.lossRatio}`);
  if (!(o.bufferTolerance >= 0)) bad('bufferTolerance', `bufferTolerance must be ≥ 0, got ${o.bufferTolerance}`);
  if (o.asOf !== null && !isIsoDate(o.asOf)) {
    bad('asOf', `asOf must be an ISO date (YYYY-MM-DD), a real calendar day, got ${String(o.asOf)}`);
  }
  if (o.validity.length !== 6 || o.validity.some((y) => !(Number.isInteger(y) && y >= 0 && y <= 100))) {
    bad('validity', 'validity must hold 6 whole numbers of years, 0–100 (levels 0 to 5)');
  }
  if (!(Number.isInteger(o.lapsingDays) && o.lapsingDays >= 0 && o.lapsingDays <= 3650)) {
    bad('lapsingDays', `lapsingDays must be a whole number of days, 0–3650, got ${o.lapsingDays}`);
  }
  return o;
}

/** Checks a durations table: whole days ≥ 0, probabilities in [0, 1] summing to 1 ± 1e-9. */
export function checkDurations(durations: readonly Duration[]): void {
  if (!Array.isArray(durations) || durations.length === 0) {
    throw new OptionError('analysis: durations must list at least one [days, probability] entry', 'durations');
  }
  let sum = 0;
  durations.forEach((d, i) => {
    if (!(Number.isInteger(d.days) && d.days >= 0)) {
      throw new OptionError(
        `analysis: durations[${i}] days must be a whole number ≥ 0, got ${d.days}`,
        `durations[${i}].days`,
      );
    }
    if (!(d.probability >= 0 && d.probability <= 1)) {
      throw new OptionError(
        `analysis: durations[${i}] probability must be in [0, 1], got ${d.probability}`,
        `durations[${i}].probability`,
      );
    }
    sum += d.probability;
  });
  if (Math.abs(sum - 1) > 1e-9) {
    throw new OptionError(
      `analysis: the durations' probabilities must sum to 1 (± 1e-9), got ${sum}; correct the entries so they add up to 1`,
      'durations',
    );
  }
}

/** Mean full-stop days of a durations table. */
export function meanDuration(durations: readonly Duration[]): number {
  return durations.reduce((s, d) => s + d.days * d.probability, 0);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
