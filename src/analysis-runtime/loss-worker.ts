/**
 * The loss worker thread of parallel-loss.ts: builds the annual loss sampler once from
 * the model it was started with (workerData: hit likelihoods, durations and the event
 * losses per duration — typed arrays, not the network), then answers each chunk message
 * { fromRun, toRun } with those runs' annual and largest single event losses
 * (`createAnnualLossSampler(...).simulate`, the pure per-chunk function), transferring
 * the buffers back. A failure is reported as { error } and the thread keeps no state
 * beyond the sampler.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnnualLossSampler, type SamplerInput } from '../analysis/annual-loss.ts';

export interface LossWorkerData {
  input: SamplerInput;
  seed: number;
}

export interface LossChunk {
  fromRun: number;
  toRun: number;
}

export type LossWorkerReply =
  'ready' | { fromRun: number; annual: Float64Array; largest: Float64Array } | { error: string };

const port = parentPort;
if (port === null) throw new Error('loss-worker: must run in a worker thread (see parallel-loss.ts)');
const { input, seed } = workerData as LossWorkerData;
const sampler = createAnnualLossSampler(input);
port.on('message', (chunk: LossChunk) => {
  try {
    const { annual, largest } = sampler.simulate({ seed, fromRun: chunk.fromRun, toRun: chunk.toRun });
    port.postMessage({ fromRun: chunk.fromRun, annual, largest } satisfies LossWorkerReply, [
      annual.buffer as ArrayBuffer,
      largest.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies LossWorkerReply);
  }
});
port.postMessage('ready' satisfies LossWorkerReply);
