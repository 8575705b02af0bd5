/**
 * planInWorker: the plan computed in a worker thread is the plan computed here, to the
 * last digit, and the plan's own errors come back with their type and field.
 */
import { describe, expect, it } from 'vitest';
import { planCostSharing } from '../../../src/analysis/cost-plan.ts';
import { planInWorker } from '../../../src/analysis-runtime/plan-in-worker.ts';
import { UsageError } from '../../../src/errors.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';

describe('planInWorker', () => {
  it('planInWorker gives the sample the same plan as planCostSharing here', async () => {
    const { network } = await readNetwork('data/sample');
    const index = indexNetwork(network);
    const input = { budget: 50_000_000, runs: 2000, seed: 3 };
    const here = planCostSharing(index, input, { theta: 0.6 });
    const there = await planInWorker(index, input, { theta: 0.6 });
    expect(there).toEqual(here);
    expect(there.rows.length).toBeGreaterThan(10);
  });

  it('planInWorker rejects with the UsageError and its field, or the RangeError, the plan throws', async () => {
    const index = indexNetwork((await readNetwork('data/sample')).network);
    const tooMany = planInWorker(index, { budget: 1e6, runs: 10_000_000, seed: 1 }, { hitBase: 0.3, hitDecay: 0.97 });
    await expect(tooMany).rejects.toBeInstanceOf(UsageError);
    await expect(tooMany).rejects.toMatchObject({ field: 'runs', message: expect.stringContaining('lower runs to') });
    await expect(planInWorker(index, { budget: -1, runs: 10, seed: 1 })).rejects.toThrow(RangeError);
  });
});
