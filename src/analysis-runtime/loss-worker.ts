/**
 * The loss worker thread of parallel-loss.ts: indexes the network it was started with
 * (workerData), then answers each chunk message { fromRun, toRun } with the per-run
 * losses of those runs (`simulateLosses`, the pure per-chunk function), transferring
 * the buffer back. A failure is reported as { error } and the thread keeps no state
 * beyond the index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateLosses } from '../analysis/loss-distribution.ts';
import type { AnalysisOptions } from '../analysis/options.ts';
import { indexNetwork } from '../model/index-network.ts';
import type { Network } from '../model/types.ts';

export interface LossWorkerData {
  network: Network;
  seed: number;
  options: Partial<AnalysisOptions>;
}

export interface LossChunk {
  fromRun: number;
  toRun: number;
}

export type LossWorkerReply = 'ready' | { fromRun: number; losses: Float64Array } | { error: string };

const port = parentPort;
if (port === null) throw new Error('loss-worker: must run in a worker thread (see parallel-loss.ts)');
const { network, seed, options } = workerData as LossWorkerData;
const index = indexNetwork(network);
port.on('message', (chunk: LossChunk) => {
  try {
    const losses = simulateLosses(index, { seed, fromRun: chunk.fromRun, toRun: chunk.toRun }, options);
    port.postMessage({ fromRun: chunk.fromRun, losses } satisfies LossWorkerReply, [losses.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies LossWorkerReply);
  }
});
port.postMessage('ready' satisfies LossWorkerReply);
