/**
 * The plan worker thread of plan-in-worker.ts: indexes the network it was started with
 * (workerData), runs `planCostSharing` once and posts the plan, or the error's name,
 * message and field.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planCostSharing, type CostPlan, type CostPlanInput } from '../analysis/cost-plan.ts';
import type { AnalysisOptions } from '../analysis/options.ts';
import { indexNetwork } from '../model/index-network.ts';
import type { Network } from '../model/types.ts';

export interface PlanWorkerData {
  network: Network;
  input: CostPlanInput;
  options: Partial<AnalysisOptions>;
}

export type PlanWorkerReply = { plan: CostPlan } | { error: { name: string; message: string; field?: string } };

const port = parentPort;
if (port === null) throw new Error('plan-worker: must run in a worker thread (see plan-in-worker.ts)');
const { network, input, options } = workerData as PlanWorkerData;
try {
  port.postMessage({ plan: planCostSharing(indexNetwork(network), input, options) } satisfies PlanWorkerReply);
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const field = 'field' in e && typeof e.field === 'string' ? e.field : undefined;
  port.postMessage({ error: { name: e.name, message: e.message, ...(field !== undefined ? { field } : {}) } } satisfies PlanWorkerReply);
}
