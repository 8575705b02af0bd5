/**
 * Work shared by several requests is cancelled only when every one of them has gone away
 * (NetworkView.keptCancellable, used by the annual loss): a request that stays keeps it
 * running for all.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { NetworkView } from '../../../src/app/network-view.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const view = () => new NetworkView('v1', runAnalysis(indexNetwork(net([{ id: 'a', focal: true }], []))));

/** A job that settles when told to, or rejects when its signal aborts. */
function controllable() {
  let finish: (value: string) => void = () => {};
  let started = 0;
  let cancelled = 0;
  const compute = (signal: AbortSignal): Promise<string> => {
    started++;
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      const cancel = (): void => {
        cancelled++;
        reject(new Error('cancelled'));
      };
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel);
    });
  };
  return { compute, finish: (v: string) => finish(v), counts: () => ({ started, cancelled }) };
}

describe('keptCancellable', () => {
  it('runs one job for two waiters; one leaving does not cancel it, the result reaches the other', async () => {
    const v = view();
    const job = controllable();
    const a = new AbortController();
    const b = new AbortController();
    const first = v.keptCancellable('risk', 'k', job.compute, a.signal);
    const second = v.keptCancellable('risk', 'k', job.compute, b.signal);
    a.abort();
    await tick();
    job.finish('done');
    expect(await second).toBe('done');
    expect(await first).toBe('done');
    expect(job.counts()).toEqual({ started: 1, cancelled: 0 });
  });

  it('cancels the job when every waiter has gone, and computes it afresh for the next request', async () => {
    const v = view();
    const job = controllable();
    const a = new AbortController();
    const b = new AbortController();
    const first = v.keptCancellable('risk', 'k', job.compute, a.signal).catch((e: Error) => e.message);
    const second = v.keptCancellable('risk', 'k', job.compute, b.signal).catch((e: Error) => e.message);
    a.abort();
    b.abort();
    expect(await first).toBe('cancelled');
    expect(await second).toBe('cancelled');
    expect(job.counts()).toEqual({ started: 1, cancelled: 1 });
    const again = v.keptCancellable('risk', 'k', job.compute);
    await tick();
    job.finish('fresh');
    expect(await again).toBe('fresh');
    expect(job.counts().started).toBe(2);
  });
});
