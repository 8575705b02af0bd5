/**
 * A worker of the analysis pool (analysis-pool.ts): it keeps the analysed view of one
 * network version. Each task brings the version, the network serialised once per version
 * (JSON, quicker both ways than v8.serialize here) into a SharedArrayBuffer (shared, not copied, with every task), the analysis options and
 * the job; when the version differs from the one held, the network is deserialised,
 * indexed and analysed again (`indexNetwork` + `runAnalysis`, as the main thread did),
 * then the job runs through the same table as in the main thread (`runHere`,
 * src/app/heavy-jobs.ts). Progress goes back on the task's port, at most every
 * `progressMs`; a failure comes back as a `{ error }` the pool turns into the same error
 * class again, so that the server answers it as it would have in the main thread.
 */
import type { MessagePort } from 'node:worker_threads';
import { runAnalysis } from '../analysis/analyze.ts';
import type { AnalysisOptions } from '../analysis/options.ts';
import { indexNetwork } from '../model/index-network.ts';
import type { Network } from '../model/types.ts';
import { NetworkView } from '../app/network-view.ts';
import { runHere, type HeavyKind, type HeavyParams, type JobProgress } from '../app/heavy-jobs.ts';
import { WeaklinkError } from '../errors.ts';

export const WORKER_DEFAULTS = { progressMs: 100 };

export interface PoolTask<K extends HeavyKind = HeavyKind> {
  version: string;
  /** The network as JSON (UTF-8), written once per version; `bytes` of it are used. */
  network: SharedArrayBuffer;
  bytes: number;
  options: AnalysisOptions;
  kind: K;
  params: HeavyParams[K];
  /** Where progress goes: JobProgress snapshots. */
  port: MessagePort;
}

/** A failure, as it crosses back to the main thread: the class's name and its fields. */
export interface PoolFailure {
  error: { name: string; message: string; field?: string; id?: string };
}

/** A task's answer: the job's result or its failure, with the job's last progress. */
export type PoolReply = ({ result: unknown } | PoolFailure) & { progress: JobProgress };

let held: { version: string; asOf: string | null; view: NetworkView } | undefined;

/** The view of the task's network version and as-of date: the one held, or built from the shared bytes. */
export function viewOf(task: Pick<PoolTask, 'version' | 'network' | 'bytes' | 'options'>): NetworkView {
  if (held?.version === task.version && held.asOf === task.options.asOf) return held.view;
  held = undefined; // the old view may be collected while the new one is built
  const network = JSON.parse(Buffer.from(task.network, 0, task.bytes).toString('utf8')) as Network;
  const view = new NetworkView(task.version, runAnalysis(indexNetwork(network), task.options));
  held = { version: task.version, asOf: task.options.asOf, view };
  return view;
}

/** A JobProgress whose changes are posted on `port`, at most every `progressMs` (and always on a new state). */
function reported(port: MessagePort): JobProgress {
  const progress: JobProgress = { state: 'running', done: 0, total: 1, startedAt: new Date().toISOString() };
  let last = 0;
  const post = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - last < WORKER_DEFAULTS.progressMs) return;
    last = now;
    port.postMessage({ ...progress });
  };
  post(true);
  return new Proxy(progress, {
    set(target, key, value) {
      const changed = key === 'state' && target.state !== value;
      Reflect.set(target, key, value);
      post(changed || key === 'total');
      return true;
    },
  });
}

/** Runs one task: its result, or a PoolFailure carrying a weaklink error's class and fields. */
export default async function runTask(task: PoolTask): Promise<PoolReply> {
  const progress = reported(task.port);
  try {
    const view = viewOf(task);
    const result = await runHere(view, task.kind, task.params, { signal: new AbortController().signal, progress });
    return { result, progress: { ...progress } };
  } catch (error) {
    if (!(error instanceof WeaklinkError)) throw error;
    const { field, id } = error as WeaklinkError & { field?: string; id?: string };
    return {
      error: {
        name: error.name,
        message: error.message,
        ...(field !== undefined ? { field } : {}),
        ...(id !== undefined ? { id } : {}),
      },
      progress: { ...progress },
    };
  } finally {
    task.port.close();
  }
}
