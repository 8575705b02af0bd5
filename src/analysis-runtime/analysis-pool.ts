/**
 * The analysis pool: one fixed pool of worker threads (piscina) that runs the server's
 * heavy jobs (src/app/heavy-jobs.ts: the annual loss, the plan, the executive view,
 * scenarios with what-ifs) so that none of them runs on the event loop. `workers`
 * threads at most (default the cores but one, which stays with the event loop), started at the first job and kept while idle;
 * at most `queue` jobs wait for one (default 4 per worker) — one more is refused at once
 * with a BusyError 503 and Retry-After. Each job has a deadline (default 120 s): past it,
 * or when its signal aborts (every request waiting for it went away), its worker is
 * terminated and replaced, and the job rejects.
 *
 * A worker keeps the analysed view of one network version. The main thread serialises a
 * version's network once (JSON, into a SharedArrayBuffer, a few thousand rows per turn
 * of the event loop) and passes that
 * buffer with each task — shared, not copied; a worker whose version differs rebuilds
 * its view from it (pool-worker.ts). `runner` is the JobRunner the views of the server
 * use (NetworkView's `run`); their results are still kept on the main thread.
 *
 * @example
 *   const pool = new AnalysisPool({ workers: 2 });
 *   const cache = new AnalysisCache(store, {}, pool.runner);
 *   await pool.destroy(); // on shutdown
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  ConflictError,
  NotFoundError,
  OptionError,
  PayloadTooLargeError,
  StoreUnavailableError,
  UsageError,
  WeaklinkError,
} from '../errors.ts';
import { BusyError } from '../app/jobs.ts';
import type { HeavyKind, HeavyParams, HeavyResult, JobProgress } from '../app/heavy-jobs.ts';
import type { JobRunner, NetworkView } from '../app/network-view.ts';
import type { Network } from '../model/types.ts';
import type { PoolFailure, PoolReply, PoolTask } from './pool-worker.ts';
import { registerPool, unregisterPool, workerFile } from './workers.ts';

export const POOL_DEFAULTS = Object.freeze({
  /** Worker threads: the cores but one, which the event loop keeps (at least 1). */
  workers: Math.max(1, availableParallelism() - 1),
  /** Jobs that may wait for a worker, per worker. */
  queuePerWorker: 4,
  /** Longest a job may take, from when it is queued, in seconds. */
  deadlineSeconds: 120,
  /** Seconds a caller refused for a full queue is told to wait (Retry-After). */
  retryAfterSeconds: 5,
  /** Rows (companies, supplies) written for the workers between two turns of the event loop. */
  writeChunk: 5_000,
});

export interface PoolOptions {
  workers: number;
  /** Jobs that may wait; default `queuePerWorker` × workers. */
  queue: number;
  deadlineSeconds: number;
}

const ENTRY = workerFile(import.meta.url, 'pool-worker').href;

/** What each job of a kind asks to lower when it is too slow (the deadline's message). */
const LOWER: Record<HeavyKind, string> = {
  risk: 'fewer runs',
  plan: 'fewer plan targets or a smaller budget',
  executive: 'a smaller budget',
  scenario: 'fewer what-ifs or fewer days',
};

/** A weaklink error thrown in a worker, as the same class again. */
function rebuilt({ error }: PoolFailure): WeaklinkError {
  const { name, message, field, id } = error;
  switch (name) {
    case 'OptionError':
      return new OptionError(message, field);
    case 'UsageError':
      return new UsageError(message, field);
    case 'NotFoundError':
      return new NotFoundError(message, id, field);
    case 'PayloadTooLargeError':
      return new PayloadTooLargeError(message, field);
    case 'ConflictError':
      return new ConflictError(message);
    case 'StoreUnavailableError':
      return new StoreUnavailableError(message);
    default:
      return new WeaklinkError(message);
  }
}

export class AnalysisPool {
  readonly options: PoolOptions;
  readonly #piscina: Piscina;
  /** The serialised network of the last version asked for. */
  #shared: { version: string; ready: Promise<SharedNetwork> } | undefined;
  /** Jobs given to piscina and not yet settled: running or waiting. */
  #inFlight = 0;

  /** Throws an OptionError naming a bad option. */
  constructor(options: Partial<PoolOptions> = {}) {
    const workers = options.workers ?? POOL_DEFAULTS.workers;
    this.options = {
      workers,
      queue: options.queue ?? POOL_DEFAULTS.queuePerWorker * workers,
      deadlineSeconds: options.deadlineSeconds ?? POOL_DEFAULTS.deadlineSeconds,
    };
    for (const key of ['workers', 'queue', 'deadlineSeconds'] as const) {
      const value = this.options[key];
      if (!Number.isSafeInteger(value) || value < 1)
        throw new OptionError(`analysis pool: ${key} must be a whole number ≥ 1, got ${value}`, key);
    }
    this.#piscina = new Piscina({
      filename: ENTRY,
      minThreads: 0,
      maxThreads: this.options.workers,
      // The queue is bounded here (`#inFlight`), exactly, not by piscina's count of starting threads.
      maxQueue: Infinity,
      idleTimeout: Infinity,
    });
    registerPool(this);
  }

  /** The runner of the server's views: each heavy job goes to a worker. */
  readonly runner: JobRunner = (view, kind, params, job) => this.run(view, kind, params, job);

  /** Worker threads running now. */
  get threads(): number {
    return this.#piscina.threads.length;
  }

  /** Jobs running or waiting for a worker. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Runs the job `kind` on a worker, over `view`'s network version; `progress` follows it.
   * A BusyError 503 when the queue is full or the deadline passes; rejects when `signal` aborts.
   */
  async run<K extends HeavyKind>(
    view: NetworkView,
    kind: K,
    params: HeavyParams[K],
    job: { signal: AbortSignal; progress: JobProgress },
  ): Promise<HeavyResult[K]> {
    if (this.#inFlight >= this.options.workers + this.options.queue)
      throw new BusyError(
        `the server's heavy-job queue is full (${this.options.queue} waiting for ${this.options.workers} workers, --job-queue); try again in ${POOL_DEFAULTS.retryAfterSeconds} s`,
        503,
        POOL_DEFAULTS.retryAfterSeconds,
      );
    this.#inFlight++;
    const deadline = AbortSignal.timeout(this.options.deadlineSeconds * 1000);
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (snapshot: JobProgress) => Object.assign(job.progress, snapshot));
    try {
      const { network, bytes } = await this.sharedOf(view);
      const task: PoolTask<K> = {
        version: view.version,
        network,
        bytes,
        options: view.analysis.options,
        kind,
        params,
        port: port2,
      };
      const reply = (await this.#piscina.run(task, {
        signal: AbortSignal.any([job.signal, deadline]),
        transferList: [port2],
      })) as PoolReply;
      port1.close();
      Object.assign(job.progress, reply.progress);
      if ('error' in reply) throw rebuilt(reply);
      return reply.result as HeavyResult[K];
    } catch (error) {
      if (deadline.aborted && !job.signal.aborted)
        throw new BusyError(
          `the ${kind} job passed its deadline of ${this.options.deadlineSeconds} s (--job-deadline) and was stopped; ask for less (${LOWER[kind]})`,
          503,
          POOL_DEFAULTS.retryAfterSeconds,
        );
      throw error;
    } finally {
      this.#inFlight--;
      port1.close();
    }
  }

  /**
   * Writes `view`'s network for the workers now, e.g. before the server listens, instead
   * of at the version's first job.
   */
  async prepare(view: NetworkView): Promise<void> {
    await this.sharedOf(view);
  }

  /** Ends every worker (their jobs reject); resolves when they have stopped. */
  async destroy(): Promise<number> {
    const threads = this.threads;
    unregisterPool(this);
    await this.#piscina.destroy();
    return threads;
  }

  /** The view's network in shared memory, written once per version (concurrent jobs share the writing). */
  private sharedOf(view: NetworkView): Promise<SharedNetwork> {
    if (this.#shared?.version === view.version) return this.#shared.ready;
    const entry = { version: view.version, ready: writeShared(view.index.network) };
    this.#shared = entry;
    entry.ready.catch(() => {
      if (this.#shared === entry) this.#shared = undefined;
    });
    return entry.ready;
  }
}

interface SharedNetwork {
  network: SharedArrayBuffer;
  bytes: number;
}

/**
 * `network` as JSON (UTF-8) in a SharedArrayBuffer, written `chunk` rows at a time with
 * a turn of the event loop between them, so that other requests are answered meanwhile
 * (the whole takes about 0.4 s at 100,000 companies).
 */
async function writeShared(network: Network, chunk = POOL_DEFAULTS.writeChunk): Promise<SharedNetwork> {
  const parts: string[] = [];
  const tables = Object.entries(network) as [string, unknown][];
  for (const [t, [key, rows]] of tables.entries()) {
    parts.push(`${t === 0 ? '{' : ','}${JSON.stringify(key)}:`);
    if (!Array.isArray(rows)) {
      parts.push(JSON.stringify(rows) ?? 'null');
      continue;
    }
    parts.push('[');
    for (let i = 0; i < rows.length; i += chunk) {
      // A slice's "[…]" without its brackets, joined by commas: the rows of one JSON array.
      parts.push((i > 0 ? ',' : '') + JSON.stringify(rows.slice(i, i + chunk)).slice(1, -1));
      await turn();
    }
    parts.push(']');
  }
  parts.push(tables.length === 0 ? '{}' : '}');
  let bytes = 0;
  for (const part of parts) bytes += Buffer.byteLength(part);
  const shared = new SharedArrayBuffer(bytes);
  const out = Buffer.from(shared);
  let at = 0;
  for (const [i, part] of parts.entries()) {
    at += out.write(part, at);
    if (i % 16 === 15) await turn();
  }
  return { network: shared, bytes };
}

/** One turn of the event loop: what is waiting (requests, timers) runs first. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
