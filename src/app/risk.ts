/**
 * Use case "the annual loss distribution" — the one `weaklink risk` and `POST /api/risk`
 * both call: exact enumeration (`exact`, at most 8 companies; a UsageError on `exact`
 * beyond) or Monte Carlo with a seed, on worker threads from `parallelWork` runs ×
 * companies on (the same numbers bitwise; below it one thread is quicker than starting
 * workers) — in the main thread only: inside a worker of the server's pool, one thread.
 * The executive view uses it too. `riskOf` answers it for an analysed network version
 * (the server's view), kept with the version per set of parameters and computed by the
 * view's runner (the server's worker pool); `riskReport` is that computation.
 *
 * @example
 *   const result = await annualLossOf({ hitLikelihood, eventLoss }, { runs: 10_000, seed: 1 });
 */
import {
  annualLossModel,
  checkExactSize,
  exactAnnualLoss,
  monteCarloAnnualLoss,
  type AnnualLoss,
} from '../analysis/annual-loss.ts';
import type { EventLossTable } from '../analysis/event-loss.ts';
import { annualLossReport } from '../analysis/annual-loss.ts';
import type { RiskResponse } from '../contract/api-types.ts';
import type { JobWaiter, NetworkView } from './network-view.ts';
import type { JobContext } from './heavy-jobs.ts';
import { parallelMonteCarloAnnualLoss } from '../analysis-runtime/parallel-loss.ts';
import { isMainThread } from 'node:worker_threads';

export const RISK_DEFAULTS = Object.freeze({
  runs: 10_000,
  seed: 1,
  /** Runs × companies from which the Monte Carlo runs go to worker threads. */
  parallelWork: 5_000_000,
  /** Most runs one request may ask (the API's limit). */
  maxRuns: 100_000,
});

export interface RiskInput {
  runs?: number;
  seed?: number;
  exact?: boolean;
  /** Worker threads; default all cores from `parallelWork` on, one thread below it. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Cancels a Monte Carlo job on worker threads (its workers are ended). */
  signal?: AbortSignal;
}

/** The annual loss distribution of hit likelihoods and event losses (an Analysis, or the executive view's own). */
export async function annualLossOf(
  source: { hitLikelihood: Float64Array; eventLoss: EventLossTable },
  input: RiskInput = {},
): Promise<AnnualLoss> {
  const model = annualLossModel(source);
  const n = source.hitLikelihood.length;
  if (input.exact) {
    checkExactSize(n);
    return exactAnnualLoss(model);
  }
  const run = {
    runs: input.runs ?? RISK_DEFAULTS.runs,
    seed: input.seed ?? RISK_DEFAULTS.seed,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  };
  // Inside a worker of the server's pool, the pool is the parallelism: one thread per job.
  const workers = input.workers ?? (isMainThread && run.runs * n >= RISK_DEFAULTS.parallelWork ? undefined : 1);
  return workers === 1
    ? monteCarloAnnualLoss(model, run)
    : parallelMonteCarloAnnualLoss(model, {
        ...run,
        ...(workers ? { workers } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
}

export interface RiskParams {
  runs: number;
  seed: number;
  exact: boolean;
}

/**
 * The annual loss report of the view's network, computed once per (runs, seed) or exact
 * and kept with the version, by the view's runner (the server's worker pool).
 */
export function riskOf(view: NetworkView, params: RiskParams, waiter?: JobWaiter): Promise<RiskResponse> {
  if (params.exact) checkExactSize(view.index.n);
  const key = params.exact ? `exact θ${view.theta}` : `${params.runs} ${params.seed} θ${view.theta}`;
  // Cancelled (its worker ended) when every request waiting for it has gone away.
  return view.heavy('risk', key, params, waiter);
}

/** The annual loss report of the view's network (the job `riskOf` runs), its progress in runs. */
export async function riskReport(view: NetworkView, params: RiskParams, job: JobContext): Promise<RiskResponse> {
  const { progress, signal } = job;
  progress.state = 'running';
  progress.startedAt ??= new Date().toISOString();
  progress.total = params.exact ? 1 : params.runs;
  const onProgress = (done: number): void => void (progress.done = done);
  return annualLossReport(await annualLossOf(view.analysis, { ...params, signal, onProgress }));
}
