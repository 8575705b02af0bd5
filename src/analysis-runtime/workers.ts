/**
 * Every worker thread this process starts, in one registry, so a shutdown can stop them
 * all: `startWorker` is `new Worker` that the registry follows until the thread exits;
 * `terminateWorkers` ends every one still running (their jobs reject), and destroys the
 * pools registered with `registerPool`, and resolves when they have stopped. Nothing else may keep the process alive after SIGTERM.
 * `workerFile` names the file a worker starts from, for the sources and for dist/ alike.
 *
 * @example
 *   const worker = startWorker(ENTRY, { workerData });
 *   await terminateWorkers(); // on shutdown
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const running = new Set<Worker>();

/**
 * The file worker `name` (a module beside `moduleUrl`) starts from. Run from the TypeScript
 * sources (tsx: development and the tests) it is `<name>-entry.mjs`, which registers tsx
 * first; run from the compiled JavaScript of `npm run build` (dist/) it is `<name>.js`
 * itself, so a production install needs neither tsx nor esbuild.
 *
 * @example
 *   const ENTRY = workerFile(import.meta.url, 'loss-worker');
 */
export function workerFile(moduleUrl: string, name: string): URL {
  return new URL(moduleUrl.endsWith('.ts') ? `./${name}-entry.mjs` : `./${name}.js`, moduleUrl);
}

/** A new worker thread, followed by the registry until it exits. */
export function startWorker(entry: URL | string, options: WorkerOptions): Worker {
  const worker = new Worker(entry, options);
  running.add(worker);
  worker.once('exit', () => running.delete(worker));
  return worker;
}

/** How many worker threads are running. */
export function runningWorkers(): number {
  return running.size;
}

/** Terminates every running worker thread, those of the pools too; resolves when all have stopped. */
export async function terminateWorkers(): Promise<number> {
  const all = [...running];
  const [pooled] = await Promise.all([
    Promise.all([...pools].map((pool) => pool.destroy())),
    ...all.map((worker) => worker.terminate()),
  ]);
  pools.clear();
  return all.length + pooled.reduce((sum, n) => sum + n, 0);
}

/** A pool of worker threads (analysis-pool.ts) that `terminateWorkers` ends too. */
export interface DestroyablePool {
  destroy(): Promise<number>;
}

const pools = new Set<DestroyablePool>();

/** Follows `pool` so that a shutdown ends its threads as well. */
export function registerPool(pool: DestroyablePool): void {
  pools.add(pool);
}

/** Stops following `pool` (it was destroyed). */
export function unregisterPool(pool: DestroyablePool): void {
  pools.delete(pool);
}
