/**
 * `planInWorker`: the cost-sharing plan (`planCostSharing`) computed in a worker thread,
 * so that a server keeps answering while a large plan runs (its greedy re-evaluates
 * every candidate lift after each lift taken: seconds to minutes on thousands of
 * companies). Same plan, same errors: a UsageError or RangeError of the plan comes back
 * as one.
 *
 * @example
 *   const plan = await planInWorker(index, { budget: 50_000_000, runs: 5000, seed: 1 });
 */
import { Worker } from 'node:worker_threads';
import type { CostPlan, CostPlanInput } from '../analysis/cost-plan.ts';
import type { AnalysisOptions } from '../analysis/options.ts';
import { UsageError } from '../errors.ts';
import type { IndexedNetwork } from '../model/index-network.ts';
import type { PlanWorkerData, PlanWorkerReply } from './plan-worker.ts';

const ENTRY = new URL('./plan-worker-entry.mjs', import.meta.url);

export function planInWorker(index: IndexedNetwork, input: CostPlanInput, options: Partial<AnalysisOptions> = {}): Promise<CostPlan> {
  const data: PlanWorkerData = { network: index.network, input, options };
  const worker = new Worker(ENTRY, { workerData: data });
  return new Promise<CostPlan>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: { plan: CostPlan } | { error: Error }): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if ('plan' in outcome) resolve(outcome.plan);
      else reject(outcome.error);
    };
    worker.on('message', (reply: PlanWorkerReply) => {
      if ('plan' in reply) return settle(reply);
      const { name, message, field } = reply.error;
      settle({ error: name === 'UsageError' ? new UsageError(message, field) : name === 'RangeError' ? new RangeError(message) : new Error(message) });
    });
    worker.on('error', (error) => settle({ error }));
    worker.on('exit', (code) => settle({ error: new Error(`the plan worker stopped (exit code ${code})`) }));
  });
}
