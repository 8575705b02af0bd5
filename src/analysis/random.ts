/**
 * Seeded random numbers for the Monte Carlo analyses, in pure 32-bit integer arithmetic
 * so that the same seed gives the same numbers on any machine and any JavaScript engine.
 *
 * The generator is xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", 2018; reference code at prng.di.unimi.it), a 128-bit-state generator that
 * passes BigCrush. Every Monte Carlo run r has its own stream, seeded from (seed, r):
 * both are hashed with splitmix32's output mix and the sum drives a splitmix32 sequence
 * whose first four outputs are the xoshiro state. A run therefore never depends on the
 * runs before it, so results are identical whatever the number of workers or the way the
 * runs are split into chunks.
 *
 * Uniforms are 32-bit: `nextUniform()` is a multiple of 2^-32 in [0, 1), so an event of
 * probability p drawn as `u < p` happens with probability ⌈p·2^32⌉/2^32, within 2.4e-10
 * of p.
 */
import { OptionError } from '../errors.ts';

const TWO_POW_MINUS_32 = 2 ** -32;

/** splitmix32's finaliser (Stafford/Ettinger constants): a bijective 32-bit mix. */
export function mix32(x: number): number {
  let z = x | 0;
  z ^= z >>> 16;
  z = Math.imul(z, 0x21f0aaad);
  z ^= z >>> 15;
  z = Math.imul(z, 0x735a2d97);
  z ^= z >>> 15;
  return z >>> 0;
}

/** Checks a seed: an integer in [0, 2^32). Throws a RangeError naming the option. */
export function checkSeed(seed: number, what = 'seed'): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new OptionError(`random: ${what} must be an integer in [0, 4294967295], got ${seed}`, what);
  }
  return seed;
}

/**
 * xoshiro128**, reseedable in place (no allocation per run).
 * Example: `const rng = new RunStream(); rng.seedRun(1, 42); rng.nextUniform()`.
 */
export class RunStream {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** Sets the raw state (for known-answer tests); an all-zero state is replaced by (1, 0, 0, 0). */
  setState(a: number, b: number, c: number, d: number): this {
    this.s0 = a | 0;
    this.s1 = b | 0;
    this.s2 = c | 0;
    this.s3 = d | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    return this;
  }

  /** Seeds the stream of run `run` under `seed` (both integers in [0, 2^32)). */
  seedRun(seed: number, run: number): this {
    let x = (mix32(seed ^ 0x5bd1e995) + mix32(run ^ 0x1b873593) * 3) | 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      return mix32(x);
    };
    return this.setState(next(), next(), next(), next());
  }

  /** The next 32-bit output, an integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A uniform in [0, 1), a multiple of 2^-32. */
  nextUniform(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Draws run `run`'s hit set: company i is hit when the i-th uniform of the run's stream
 * is below p[i]. Writes the hit companies into `out` (ascending) and returns how many.
 */
export function drawHits(stream: RunStream, seed: number, run: number, p: Float64Array, out: Int32Array): number {
  stream.seedRun(seed, run);
  let count = 0;
  for (let i = 0; i < p.length; i++) if (stream.nextUniform() < p[i]!) out[count++] = i;
  return count;
}
