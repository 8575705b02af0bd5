/**
 * MemoryStore: the GraphStore in process memory, weaklink's embedded default (nothing to
 * install). The network is deep-copied on load and on every read, so callers can never
 * change the stored rows; a load swaps the whole network at once (readers see the old one
 * or the new one); the version counts loads. Analysis results are kept per company id
 * until the next load and are exposed by `results()`.
 *
 * @example
 *   const store = new MemoryStore();
 *   await store.load(network);
 *   const around = await store.neighbourhood('acme', { up: 2, down: 1 });
 */
import type { Network } from '../model/types.ts';
import { checkKeys, unknownCompanies, unknownCompany } from './company-keys.ts';
import type { CompanyResult, GraphStore, LoadOptions, LoadSummary, NeighbourhoodOptions } from './graph-store.ts';
import { resolveNeighbourhood, walkNeighbourhood, type Placed } from './neighbourhood.ts';

/** An analysis result as stored: the result and when the analysis ran (ISO 8601). */
export interface StoredResult extends CompanyResult {
  analysedAt: string;
}

interface Loaded {
  network: Network;
  version: string;
  order: Map<string, number>;
  /** Company id → the suppliers (up) and buyers (down) one hop away. */
  up: Map<string, Placed[]>;
  down: Map<string, Placed[]>;
}

export class MemoryStore implements GraphStore {
  #loaded: Loaded | null = null;
  #loads = 0;
  #results = new Map<string, StoredResult>();

  async load(network: Network, options: LoadOptions = {}): Promise<LoadSummary> {
    checkKeys(network);
    const copy = structuredClone(network);
    const order = new Map(copy.companies.map((c, i) => [c.id, i]));
    const up = new Map<string, Placed[]>();
    const down = new Map<string, Placed[]>();
    const link = (map: Map<string, Placed[]>, from: string, to: string): void => {
      const list = map.get(from) ?? [];
      list.push({ id: to, order: order.get(to) ?? 0 });
      map.set(from, list);
    };
    for (const s of copy.supplies) {
      link(up, s.buyer, s.supplier);
      link(down, s.supplier, s.buyer);
    }
    this.#loads++;
    this.#loaded = { network: copy, version: String(this.#loads), order, up, down };
    this.#results = new Map();
    const rows = copy.companies.length + copy.supplies.length;
    options.onProgress?.(rows, rows);
    return { companies: copy.companies.length, supplies: copy.supplies.length, version: String(this.#loads) };
  }

  async read(): Promise<Network> {
    return structuredClone(this.#loaded?.network ?? { companies: [], supplies: [] });
  }

  async version(): Promise<string | null> {
    return this.#loaded?.version ?? null;
  }

  async neighbourhood(id: string, options: NeighbourhoodOptions): Promise<Network> {
    const resolved = resolveNeighbourhood(options);
    const loaded = this.#loaded;
    const order = loaded?.order.get(id);
    if (loaded === null || order === undefined) throw unknownCompany(id);
    const step = (frontier: string[], direction: 'up' | 'down'): Placed[] =>
      frontier.flatMap((from) => loaded[direction].get(from) ?? []);
    const ids = new Set(await walkNeighbourhood({ id, order }, resolved, step));
    return structuredClone({
      companies: loaded.network.companies.filter((c) => ids.has(c.id)),
      supplies: loaded.network.supplies.filter((s) => ids.has(s.supplier) && ids.has(s.buyer)),
    });
  }

  async writeResults(results: CompanyResult[], analysedAt: Date): Promise<void> {
    const loaded = this.#loaded;
    const unknown = results.filter((r) => !loaded?.order.has(r.id)).map((r) => r.id);
    if (unknown.length > 0) throw unknownCompanies(unknown);
    const stamp = analysedAt.toISOString();
    for (const result of results) this.#results.set(result.id, { ...result, analysedAt: stamp });
  }

  /** The results written since the last load, by company id (a copy). */
  results(): Map<string, StoredResult> {
    return structuredClone(this.#results);
  }

  async close(): Promise<void> {}
}
