/**
 * The analysis options and their DEFAULTS (DESIGN.md "Analysis semantics"): the
 * threshold θ, the level → score table, the hit-likelihood curve and the buffer
 * tolerance of the required-level rule. Every analysis takes one options object and
 * resolves it here, so a bad option fails the same way everywhere.
 */

export interface AnalysisOptions {
  /** θ: a buyer stops when the available share of a commodity falls below it. In (0, 1]. */
  theta: number;
  /** Own score of scs_level 0..5 (used when no security_score is given). */
  levelScores: readonly number[];
  /** p(s) = hitBase × hitDecay^s: the annual probability that a company of own score s is hit. */
  hitBase: number;
  hitDecay: number;
  /** Required-level rule, question 2: an input with fewer buffer days than this halts the buyer. */
  bufferTolerance: number;
}

export const DEFAULTS: Readonly<AnalysisOptions> = Object.freeze({
  theta: 0.5,
  levelScores: Object.freeze([10, 25, 40, 60, 80, 95]),
  hitBase: 0.3,
  hitDecay: 0.97,
  bufferTolerance: 7,
});

/** Tolerance of share comparisons (DESIGN.md: "below θ" means < θ − 1e-9). */
export const EPSILON = 1e-9;

/** Resolves partial options against DEFAULTS and checks them; throws a RangeError naming the option. */
export function resolveOptions(options: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const o: AnalysisOptions = { ...DEFAULTS, ...stripUndefined(options) };
  if (!(o.theta > 0 && o.theta <= 1)) throw new RangeError(`analysis: theta must be a number in (0, 1], got ${o.theta}`);
  if (o.levelScores.length !== 6 || o.levelScores.some((s) => !(s >= 0 && s <= 100))) {
    throw new RangeError('analysis: levelScores must hold 6 scores in 0–100 (levels 0 to 5)');
  }
  for (let l = 1; l < 6; l++) {
    if (o.levelScores[l]! < o.levelScores[l - 1]!) throw new RangeError('analysis: levelScores must not decrease with the level');
  }
  if (!(o.hitBase >= 0 && o.hitBase <= 1)) throw new RangeError(`analysis: hitBase must be in [0, 1], got ${o.hitBase}`);
  if (!(o.hitDecay > 0 && o.hitDecay <= 1)) throw new RangeError(`analysis: hitDecay must be in (0, 1], got ${o.hitDecay}`);
  if (!(o.bufferTolerance >= 0)) throw new RangeError(`analysis: bufferTolerance must be ≥ 0, got ${o.bufferTolerance}`);
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
