/**
 * The Monte Carlo annual loss distribution on worker threads. The runs are cut into
 * chunks; each worker is given the model's typed arrays (hit likelihoods, durations,
 * event losses per duration — not the network), builds the sampler once, then computes
 * chunks (annual-loss.ts, the pure per-chunk function), and the per-run losses are put
 * back in run order. Every run draws from its own (seed, run) stream, so the result is
 * bitwise the one of `monteCarloAnnualLoss` whatever the number of workers or chunk size.
 *
 * Workers start from loss-worker.js, or loss-worker-entry.mjs (which registers tsx) when run from the sources.
 *
 * @example
 *   const dist = await parallelMonteCarloAnnualLoss(model, { runs: 100_000, seed: 7, onProgress: (d, t) => log(d, t) });
 */
import { startWorker, workerFile } from './workers.ts';
import type { Worker } from 'node:worker_threads';
import { OptionError } from '../errors.ts';
import { availableParallelism } from 'node:os';
import {
  ANNUAL_LOSS_DEFAULTS,
  checkRunRange,
  checkRuns,
  samplerInput,
  summarizeAnnualLosses,
  type AnnualLossModel,
  type MonteCarloAnnualLoss,
  type MonteCarloAnnualOptions,
} from '../analysis/annual-loss.ts';
import { checkSeed } from '../analysis/random.ts';
import type { LossChunk, LossWorkerData, LossWorkerReply } from './loss-worker.ts';

export interface ParallelLossOptions extends MonteCarloAnnualOptions {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  /** Runs per chunk; default enough for about 8 chunks per worker, at least 250. */
  chunkSize?: number;
  /** Cancels the job: its workers are ended and the promise rejects (the request went away). */
  signal?: AbortSignal;
}

const ENTRY = workerFile(import.meta.url, 'loss-worker');

/** Same result as `monteCarloAnnualLoss(model, run)`, computed on worker threads. */
export async function parallelMonteCarloAnnualLoss(
  model: AnnualLossModel,
  run: ParallelLossOptions = {},
): Promise<MonteCarloAnnualLoss> {
  const runs = checkRuns(run.runs ?? ANNUAL_LOSS_DEFAULTS.runs);
  const seed = checkSeed(run.seed ?? ANNUAL_LOSS_DEFAULTS.seed);
  const fromRun = run.fromRun ?? 0;
  const toRun = run.toRun ?? runs;
  checkRunRange(fromRun, toRun);
  const workers = run.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1)
    throw new OptionError(`parallelLoss: workers must be an integer ≥ 1, got ${workers}`, 'workers');
  const total = toRun - fromRun;
  const chunkSize = run.chunkSize ?? Math.max(250, Math.ceil(total / (workers * 8)));
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new OptionError(`parallelLoss: chunkSize must be an integer ≥ 1, got ${chunkSize}`, 'chunkSize');

  const chunks: LossChunk[] = [];
  for (let a = fromRun; a < toRun; a += chunkSize) chunks.push({ fromRun: a, toRun: Math.min(toRun, a + chunkSize) });
  const annual = new Float64Array(total);
  const largest = new Float64Array(total);
  const data: LossWorkerData = { input: samplerInput(model), seed };
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const fail = (error: Error): void => {
        if (!failed) {
          failed = true;
          reject(error);
        }
      };
      if (run.signal?.aborted) return fail(new Error('parallelLoss: cancelled'));
      run.signal?.addEventListener('abort', () => {
        fail(new Error('parallelLoss: cancelled'));
        for (const worker of pool) void worker.terminate();
      });
      const dispatch = (worker: Worker): void => {
        const chunk = chunks[next++];
        if (chunk !== undefined) worker.postMessage(chunk);
      };
      for (let w = 0; w < Math.min(workers, chunks.length); w++) {
        const worker = startWorker(ENTRY, { workerData: data });
        pool.push(worker);
        worker.on('message', (reply: LossWorkerReply) => {
          if (reply === 'ready') return dispatch(worker);
          if ('error' in reply) return fail(new Error(`parallelLoss: a worker failed: ${reply.error}`));
          annual.set(reply.annual, reply.fromRun - fromRun);
          largest.set(reply.largest, reply.fromRun - fromRun);
          done += reply.annual.length;
          run.onProgress?.(done, total);
          if (done === total) resolve();
          else dispatch(worker);
        });
        worker.on('error', (error) => fail(new Error(`parallelLoss: a worker failed: ${error.message}`)));
        worker.on('exit', (code) => {
          if (done < total)
            fail(new Error(`parallelLoss: a worker stopped (exit code ${code}) before the runs were done`));
        });
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return summarizeAnnualLosses(model, { annual, largest }, { seed, fromRun });
}
