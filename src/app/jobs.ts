/**
 * Bounded heavy work: a gate in front of the routes that can take long on a large network
 * (the annual loss, the plan, the executive view, scenarios with what-ifs). At most
 * `total` such requests are in flight at once (default: as many as the worker pool runs
 * and queues, cores × 5 — the pool bounds the jobs themselves, analysis-pool.ts) and at
 * most `perCaller` per token (default 2); one more is refused at once — 429 when the
 * caller has too many, 503 when the server has — with `Retry-After` and a message saying
 * what to do, instead of queuing without bound.
 *
 * @example
 *   const release = gate.admit('analyst-1'); try { … } finally { release(); }
 */
import { availableParallelism } from 'node:os';
import { WeaklinkError } from '../errors.ts';

export const JOB_DEFAULTS = {
  perCaller: 2,
  /** Heavy requests in flight in all: at least the pool's workers and its queue (4 per worker), cores × 5. */
  total: Math.max(1, availableParallelism()) * 5,
  /** Seconds a refused caller is told to wait (Retry-After). */
  retryAfterSeconds: 5,
};

/** A heavy job refused: 429 (this caller has too many running) or 503 (the server has). */
export class BusyError extends WeaklinkError {
  override name = 'BusyError';
  constructor(
    message: string,
    readonly status: 429 | 503,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class JobGate {
  #running = 0;
  readonly #byCaller = new Map<string, number>();

  constructor(
    readonly perCaller = JOB_DEFAULTS.perCaller,
    readonly total = JOB_DEFAULTS.total,
  ) {}

  /** Jobs running now. */
  get running(): number {
    return this.#running;
  }

  /** Admits one job of `caller`, or throws a BusyError; the function returned ends it (once). */
  admit(caller: string): () => void {
    const mine = this.#byCaller.get(caller) ?? 0;
    const wait = JOB_DEFAULTS.retryAfterSeconds;
    if (mine >= this.perCaller)
      throw new BusyError(
        `"${caller}" already has ${mine} heavy requests running (at most ${this.perCaller} per token); wait for one to finish, or ask for less (fewer runs, a smaller budget, fewer what-ifs)`,
        429,
        wait,
      );
    if (this.#running >= this.total)
      throw new BusyError(
        `the server is running ${this.#running} heavy requests, its limit; try again in ${wait} s`,
        503,
        wait,
      );
    this.#running++;
    this.#byCaller.set(caller, mine + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#running--;
      const left = (this.#byCaller.get(caller) ?? 1) - 1;
      if (left === 0) this.#byCaller.delete(caller);
      else this.#byCaller.set(caller, left);
    };
  }
}
