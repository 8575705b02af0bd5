/**
 * The worker registry (issue 13, F3): a shutdown ends every worker thread still running,
 * and the job it served rejects at once instead of running on for minutes.
 */
import { describe, expect, it } from 'vitest';
import { parallelMonteCarloAnnualLoss } from '../../../src/analysis-runtime/parallel-loss.ts';
import { runningWorkers, terminateWorkers } from '../../../src/analysis-runtime/workers.ts';
import type { AnnualLossModel } from '../../../src/analysis/annual-loss.ts';

/** n companies hit every year (p = 1): each run draws n hits, so 100,000 runs take long. */
function heavyModel(n: number): AnnualLossModel {
  const durations = [{ days: 1, probability: 1 }];
  const byDuration = Float64Array.from({ length: n }, (_, i) => i + 1);
  return { p: new Float64Array(n).fill(1), eventLoss: { durations, byDuration, expected: byDuration } };
}

describe('terminateWorkers', () => {
  it('ends a long Monte Carlo job at once: its workers stop and the job rejects', async () => {
    const started = Date.now();
    const job = parallelMonteCarloAnnualLoss(heavyModel(200_000), { runs: 100_000, seed: 1, workers: 2 });
    const outcome = job.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runningWorkers()).toBe(2);
    expect(await terminateWorkers()).toBe(2);
    expect(await outcome).toMatch(/a worker stopped .* before the runs were done/);
    expect(runningWorkers()).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('cancelling a Monte Carlo job (issue 13, F2)', () => {
  it('an aborted signal ends the job: its workers stop and it rejects as cancelled', async () => {
    const controller = new AbortController();
    const job = parallelMonteCarloAnnualLoss(heavyModel(200_000), {
      runs: 100_000,
      seed: 1,
      workers: 2,
      signal: controller.signal,
    }).then(
      () => 'finished',
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runningWorkers()).toBe(2);
    controller.abort();
    expect(await job).toBe('parallelLoss: cancelled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runningWorkers()).toBe(0);
  });
});
