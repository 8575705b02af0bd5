/**
 * The generator's seeded random numbers: sfc32 (Chris Doty-Humphrey's "small fast
 * chaotic" generator, from PractRand), seeded through splitmix32, in 32-bit integer
 * arithmetic only — no Math.random, no transcendental functions — so a seed gives the
 * same stream, and the generator the same bytes, on every machine. Each part of the
 * network (companies, supplies) draws from its own stream (`seed`, `stream`), so the
 * supplies do not depend on how many numbers the companies used.
 *
 * Derived draws use only +, −, ×, ÷ and √, which IEEE 754 rounds exactly, so they are
 * reproducible too: `unit()` is a multiple of 2^-32 in [0, 1), `below(k)` is unbiased
 * (rejection sampling), `pareto2()` is 1/√u for u in (0, 1] (P(X > x) = x^-2).
 */
import { OptionError } from '../errors.ts';

const TWO_POW_32 = 2 ** 32;

/** Example: `const rng = new Random(42, 1); rng.below(6)` → 0..5. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, stream = 0) {
    if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32)
      throw new OptionError(`generate: seed must be an integer in [0, 4294967295], got ${seed}`, 'seed');
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) | 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return z ^ (z >>> 15);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    for (let i = 0; i < 12; i++) this.uint32(); // warm up, as the reference does
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform integer in [0, k), 1 ≤ k ≤ 2^32, without modulo bias. */
  below(k: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % k);
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return x % k;
  }

  /** A uniform number in [0, 1), a multiple of 2^-32. */
  unit(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** True with probability `percent`/100 (integer percent). */
  percent(percent: number): boolean {
    return this.below(100) < percent;
  }

  /** A Pareto(α = 2) draw ≥ 1: 1/√u with u uniform in (0, 1]; heavy-tailed, mean 2. */
  pareto2(): number {
    return 1 / Math.sqrt((this.uint32() + 1) / TWO_POW_32);
  }

  /** An index drawn from integer weights given as a cumulative table (last entry = total). */
  pick(cumulative: ArrayLike<number>): number {
    const r = this.below(cumulative[cumulative.length - 1]!);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Cumulative sums of integer weights, for `Random.pick`. */
export function cumulative(weights: readonly number[]): Int32Array {
  const out = new Int32Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}
