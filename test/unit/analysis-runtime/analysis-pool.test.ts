/**
 * The analysis pool (issue 13, F1/F2): heavy jobs run on its worker threads, over the
 * worker's own copy of the view, with the same answers as in this thread; a job past its
 * deadline or whose signal aborts ends, a full queue refuses at once, and a worker's error
 * comes back as the same error class.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AnalysisPool } from '../../../src/analysis-runtime/analysis-pool.ts';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { NetworkView } from '../../../src/app/network-view.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { riskOf } from '../../../src/app/risk.ts';
import { planOf } from '../../../src/app/plan.ts';
import { runScenario } from '../../../src/app/scenario.ts';
import { executiveOf } from '../../../src/app/executive.ts';
import type { JobProgress } from '../../../src/app/heavy-jobs.ts';
import { BusyError } from '../../../src/app/jobs.ts';
import { OptionError, UsageError } from '../../../src/errors.ts';
import { bigNetwork } from '../../integration/big-network.ts';

const network = bigNetwork(3000, 9000, 'p');
const pool = new AnalysisPool({ workers: 2, queue: 1, deadlineSeconds: 60 });
const pooled = (version = 'v1') => new NetworkView(version, runAnalysis(indexNetwork(network)), pool.runner);
const here = () => new NetworkView('v1', runAnalysis(indexNetwork(network)));
/** A network on which 100,000 runs take seconds. */
const large = bigNetwork(40_000, 120_000, 'q');
const slow = (on: AnalysisPool) => new NetworkView('slow', runAnalysis(indexNetwork(large)), on.runner);
const fresh = (): JobProgress => ({ state: 'queued', done: 0, total: 1, startedAt: null });

afterAll(() => pool.destroy());

describe('AnalysisPool', () => {
  it('new AnalysisPool refuses a bad size, naming the option', () => {
    expect(() => new AnalysisPool({ workers: 0 })).toThrow(OptionError);
    expect(() => new AnalysisPool({ queue: 1.5 })).toThrow(/queue must be a whole number/);
  });

  it('runs risk, plan, executive and a what-if scenario on a worker with the answers of this thread, bitwise', async () => {
    const [p, h] = [pooled(), here()];
    const risk = { runs: 2000, seed: 7, exact: false };
    expect(await riskOf(p, risk)).toEqual(await riskOf(h, risk));
    expect(await planOf(p, { budget: 5e7 })).toEqual(await planOf(h, { budget: 5e7 }));
    expect(await executiveOf(p, { budget: 5e7 })).toEqual(await executiveOf(h, { budget: 5e7 }));
    const scenario = { hit: ['p5'], days: 10, whatIf: [{ op: 'raise-level' as const, company: 'p5', level: 5 }] };
    expect(await runScenario(p, scenario)).toEqual(await runScenario(h, scenario));
    expect(pool.threads).toBeGreaterThan(0);
  });

  it('prepare writes a version for the workers a few thousand rows at a time, letting the event loop turn', async () => {
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    await pool.prepare(slow(pool));
    counting = false;
    // 40,000 companies and 120,000 supplies in chunks of 5,000 rows: at least 32 turns.
    expect(turns).toBeGreaterThanOrEqual(32);
  });

  it('a view keeps each answer on this thread: the same request twice at once is one job, and again none', async () => {
    const view = pooled('v3');
    const run = vi.spyOn(pool, 'run');
    try {
      const params = { runs: 1500, seed: 2, exact: false };
      const [a, b] = await Promise.all([riskOf(view, params), riskOf(view, params)]);
      expect(a).toBe(b);
      expect(await riskOf(view, params)).toBe(a);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
  });

  it('run reports progress: running, then every run done', async () => {
    const progress = fresh();
    const view = pooled('v2');
    await pool.run(
      view,
      'risk',
      { runs: 3000, seed: 1, exact: false },
      { signal: new AbortController().signal, progress },
    );
    expect(progress).toMatchObject({ state: 'running', done: 3000, total: 3000 });
    expect(progress.startedAt).not.toBeNull();
  });

  it("run brings back a worker's UsageError as a UsageError with its field", async () => {
    const view = pooled();
    const failed = runScenario(view, { hit: ['p5'], days: 1, whatIf: [{ op: 'remove-supplier', company: 'p5' }] });
    await expect(failed).rejects.toBeInstanceOf(UsageError);
    await expect(failed).rejects.toMatchObject({ field: 'hit' });
  });

  it('run stops a job whose signal aborts, and the pool goes on with a new worker', async () => {
    const controller = new AbortController();
    const view = slow(pool);
    const job = pool.run(
      view,
      'risk',
      { runs: 100_000, seed: 3, exact: false },
      { signal: controller.signal, progress: fresh() },
    );
    setTimeout(() => controller.abort(), 300);
    await expect(job).rejects.toThrow(/aborted/);
    const progress = fresh();
    await pool.run(
      pooled(),
      'risk',
      { runs: 500, seed: 3, exact: false },
      { signal: new AbortController().signal, progress },
    );
    expect(progress.done).toBe(500);
  });

  it('run refuses a job beyond the queue at once with a BusyError 503', async () => {
    const controller = new AbortController();
    const view = slow(pool);
    const long = () =>
      pool
        .run(view, 'risk', { runs: 100_000, seed: 9, exact: false }, { signal: controller.signal, progress: fresh() })
        .catch((e: Error) => e);
    const running = [long(), long(), long()]; // two workers, one waiting
    const refused = await pool
      .run(view, 'plan', { budget: 1 }, { signal: controller.signal, progress: fresh() })
      .catch((e: Error) => e);
    expect(refused).toBeInstanceOf(BusyError);
    expect(refused).toMatchObject({ status: 503 });
    expect((refused as Error).message).toMatch(/queue is full \(1 waiting for 2 workers/);
    controller.abort();
    await Promise.all(running);
  });

  it('run stops a job past its deadline with a BusyError 503 naming the deadline', async () => {
    const short = new AnalysisPool({ workers: 1, deadlineSeconds: 1 });
    try {
      const view = slow(short);
      const late = await short
        .run(
          view,
          'risk',
          { runs: 100_000, seed: 4, exact: false },
          { signal: new AbortController().signal, progress: fresh() },
        )
        .catch((e: Error) => e);
      expect(late).toBeInstanceOf(BusyError);
      expect((late as Error).message).toMatch(/deadline of 1 s .*fewer runs/);
    } finally {
      await short.destroy();
    }
  });
});
