/**
 * The heavy jobs of the server, one table: each kind (the annual loss `risk`, the cost
 * `plan`, the `executive` view, a `scenario` with its what-ifs) and the function that
 * computes it on an analysed view — the body of its use case (risk.ts, plan.ts,
 * executive.ts, scenario.ts), with no memoisation. The use cases keep their results per
 * view (`NetworkView.heavy`) and hand the computation to the view's runner: `runHere` in
 * this thread, or the server's worker pool, whose workers call the same table on their
 * copy of the view — one implementation, wherever it runs.
 *
 * @example
 *   const report = await runHere(view, 'risk', { runs: 10_000, seed: 1, exact: false }, { signal, progress });
 */
import type { ExecutiveResponse, PlanResponse, RiskResponse } from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';
import { riskReport, type RiskParams } from './risk.ts';
import { planFor, type PlanRequest } from './plan.ts';
import { EXECUTIVE_DEFAULTS, executiveView, type ExecutiveParams } from './executive.ts';
import { scenarioOutcome, type ScenarioInput, type ScenarioOutcome } from './scenario.ts';

/** Where a job is: waiting for a worker, running, or ended one way or another. */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A job's progress: `done` of `total` runs (the annual loss) or steps (the others; the executive view's are its runs and one). */
export interface JobProgress {
  state: JobState;
  done: number;
  total: number;
  /** When a worker began it (ISO 8601), null while it waits. */
  startedAt: string | null;
}

export interface HeavyParams {
  risk: RiskParams;
  plan: PlanRequest;
  executive: ExecutiveParams;
  scenario: ScenarioInput;
}

export interface HeavyResult {
  risk: RiskResponse;
  plan: PlanResponse;
  executive: ExecutiveResponse;
  scenario: ScenarioOutcome;
}

export type HeavyKind = keyof HeavyParams;

export const HEAVY_KINDS: readonly HeavyKind[] = ['risk', 'plan', 'executive', 'scenario'];

/** What a job function gets besides the view and its parameters. */
export interface JobContext {
  signal: AbortSignal;
  progress: JobProgress;
}

type HeavyJobs = {
  [K in HeavyKind]: (view: NetworkView, params: HeavyParams[K], job: JobContext) => Promise<HeavyResult[K]>;
};

/** Marks `progress` running, with its total of steps (or runs). */
export function started(progress: JobProgress, total: number): void {
  progress.state = 'running';
  progress.startedAt ??= new Date().toISOString();
  progress.total = total;
  progress.done = 0;
}

export const HEAVY_JOBS: HeavyJobs = {
  risk: (view, params, job) => riskReport(view, params, job),
  plan: async (view, params, job) => {
    started(job.progress, 1);
    return planFor(view.analysis, params);
  },
  executive: async (view, params, job) => {
    // Its Monte Carlo runs, then one step for the contributors and the plan.
    started(job.progress, EXECUTIVE_DEFAULTS.runs + 1);
    return executiveView(view, params, (done) => void (job.progress.done = done));
  },
  scenario: async (view, params, job) => {
    started(job.progress, (params.whatIf?.length ?? 0) > 0 ? 2 : 1);
    return scenarioOutcome(view, params, () => job.progress.done++);
  },
};

/** Runs a heavy job in this thread (the CLI, and views without a pool). */
export function runHere<K extends HeavyKind>(
  view: NetworkView,
  kind: K,
  params: HeavyParams[K],
  job: JobContext,
): Promise<HeavyResult[K]> {
  return (HEAVY_JOBS[kind] as HeavyJobs[K])(view, params, job);
}
