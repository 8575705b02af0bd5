/**
 * WriteLock: runs the API's writes one at a time (an async mutex), so that each edit's
 * compare-and-set on the network version and its load happen with no other write in
 * between — two edits of the same version cannot both win; the second gets a 409 and
 * is never silently lost. Reads do not take the lock (the store swaps networks
 * atomically). One server process only: two servers writing to one Neo4j are not
 * serialised by this.
 *
 * @example
 *   await writes.run(async () => { await expectVersion(store, body.version); await store.load(next); });
 */
import { ConflictError } from '../src/errors.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { DEFAULTS as CACHE } from '../src/app/analysis-cache.ts';

export class WriteLock {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `body` after every write queued before it; resolves or rejects as it does. */
  run<T>(body: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(body);
    this.#tail = result.catch(() => {});
    return result;
  }
}

/** The store's version as the API reports it (`empty` before any load). */
export async function currentVersion(store: GraphStore): Promise<string> {
  return (await store.version()) ?? CACHE.emptyVersion;
}

/** Throws ConflictError unless the active network is still at `expected`; returns it. */
export async function expectVersion(store: GraphStore, expected: string): Promise<string> {
  const current = await currentVersion(store);
  if (current !== expected) {
    throw new ConflictError(
      `The network changed since version "${expected.slice(0, 100)}" (it is now "${current}"); reload it (GET /api/summary) and apply your change again.`,
    );
  }
  return current;
}
