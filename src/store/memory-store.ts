/**
 * MemoryStore: the GraphStore in process memory, weaklink's embedded default (nothing to
 * install). The stored network is frozen — its arrays and every row — so callers can
 * never change the stored rows: a load copies and freezes the rows it is given (rows
 * frozen already, e.g. those an edit kept from an earlier read, are shared, not copied),
 * and a read returns the frozen network itself, at no cost even for a million companies;
 * whoever wants to change it copies what it changes, as the edits and what-ifs do. A
 * load swaps the whole network at once (readers see the old one
 * or the new one); the version is the count of loads and a random tag of this store
 * (`3.9f3a2b1c`), so no version is given twice, even across restarts: an edit based on a
 * version from before a restart gets a 409 instead of landing on another network. Analysis
 * results are kept per company id until the next load and are exposed by `results()`.
 *
 * With a `workspace` (a folder, or an open Workspace) the store is durable: its saved
 * scenarios are rows of the workspace database (src/workspace/), and every load is
 * committed there before it resolves — and so before the API acknowledges it. A load
 * that changes only a few rows of the network before it, keeping the others (an edit),
 * is saved as those rows; any other load (an upload) is saved whole, in chunks that
 * leave the event loop free (src/workspace/saved-network.ts). A load marked `transient`
 * (the `--data` folder at start, which stays where it is) is not saved. `restore()`
 * serves the saved network again after a restart; `dropSavedNetwork()` forgets it. Reads
 * are served from memory. A workspace kept in files by an earlier weaklink has its
 * `scenarios.json` imported once (src/workspace/import-files.ts).
 *
 * @example
 *   const store = new MemoryStore({ workspace: '.weaklink' });
 *   await store.load(network);
 *   const network = await store.read();
 */
import { randomBytes } from 'node:crypto';
import { StoreUnavailableError } from '../errors.ts';
import type { Assessment, Company, Network, Supply } from '../model/types.ts';
import { Workspace } from '../workspace/workspace.ts';
import { importScenarioFile } from '../workspace/import-files.ts';
import {
  dropNetworks,
  restoreNetwork,
  saveEdit,
  saveNetwork,
  type NetworkChanges,
  type SavedNetworkInfo,
} from '../workspace/saved-network.ts';
import { checkKeys, unknownCompanies } from './company-keys.ts';
import type { CompanyResult, GraphStore, LoadOptions, LoadSummary, SavedScenarioRecord } from './graph-store.ts';
import { checkScenarioName, newestFirst, scenarioJson, toScenarioRecord } from './scenario-records.ts';

export const DEFAULTS = {
  /** An edit that changes more rows than this is saved as a whole network. */
  maxEditRows: 1_000,
  /** Whom a load is recorded as saved by when the caller does not say. */
  by: 'weaklink',
};

export interface MemoryStoreOptions {
  /** The workspace (folder or open database) that keeps scenarios and networks; none: in memory only. */
  workspace?: string | Workspace;
  /** Where a recovery from a backup file is reported; default console.warn. */
  warn?: (message: string) => void;
  /** Where the one-time import of a file workspace is reported; default console.log. */
  note?: (message: string) => void;
}

/** A restored network: what `restore()` says of it. */
export interface RestoredNetwork extends SavedNetworkInfo {
  version: string;
}

/** An analysis result as stored: the result and when the analysis ran (ISO 8601). */
export interface StoredResult extends CompanyResult {
  analysedAt: string;
}

interface Loaded {
  network: Network;
  version: string;
  order: Map<string, number>;
}

const EMPTY: Network = Object.freeze({
  companies: Object.freeze([]) as unknown as Network['companies'],
  supplies: Object.freeze([]) as unknown as Network['supplies'],
});

/** The network with frozen arrays and rows; a row frozen already is kept, any other copied and frozen. Rows hold only primitive values. */
function frozenNetwork(network: Network): Network {
  const row = <T extends object>(r: T): T => (Object.isFrozen(r) ? r : Object.freeze({ ...r }));
  return Object.freeze({
    companies: Object.freeze(network.companies.map(row)) as unknown as Network['companies'],
    supplies: Object.freeze(network.supplies.map(row)) as unknown as Network['supplies'],
    ...(network.assessments === undefined
      ? {}
      : { assessments: Object.freeze(network.assessments.map(row)) as unknown as Network['assessments'] }),
  });
}

/**
 * The rows of `next` that are not those of `previous` (same positions), when the shapes
 * match — assessments may only be added, at the end — and there are few; else null.
 */
function changedRows(previous: Network, next: Network, most: number): NetworkChanges | null {
  if (previous.companies.length !== next.companies.length || previous.supplies.length !== next.supplies.length)
    return null;
  const before = previous.assessments ?? [];
  const after = next.assessments;
  if ((after === undefined && previous.assessments !== undefined) || (after?.length ?? 0) < before.length) return null;
  const changes: NetworkChanges = { companies: [], supplies: [] };
  if (after !== undefined) {
    const changed: [number, Assessment][] = [];
    for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) changed.push([i, after[i] as Assessment]);
    if (changed.length > most) return null;
    // An empty table given to a network without one is a change of shape: saved whole.
    if (changed.length === 0 && previous.assessments === undefined) return null;
    if (changed.length > 0) changes.assessments = changed;
  }
  for (let i = 0; i < next.companies.length; i++)
    if (next.companies[i] !== previous.companies[i]) changes.companies.push([i, next.companies[i] as Company]);
  if (changes.companies.length > most) return null;
  for (let i = 0; i < next.supplies.length; i++)
    if (next.supplies[i] !== previous.supplies[i]) changes.supplies.push([i, next.supplies[i] as Supply]);
  const count = changes.companies.length + changes.supplies.length + (changes.assessments?.length ?? 0);
  return count > most ? null : changes;
}

export class MemoryStore implements GraphStore {
  #loaded: Loaded | null = null;
  #loads = 0;
  /** Tells this store's versions from those of an earlier process on the same data. */
  readonly #tag = randomBytes(4).toString('hex');
  #results = new Map<string, StoredResult>();
  /** Scenarios when there is no workspace: JSON text by name. */
  readonly #scenarios = new Map<string, string>();
  /** Loads and scenario changes, one at a time. */
  #writing: Promise<unknown> = Promise.resolve();
  readonly #workspace: Workspace | null;
  readonly #ownsWorkspace: boolean;
  #imported: Promise<unknown> | undefined;
  /** The saved network the loaded one is (its id), or null when it is not saved (none, or transient). */
  #savedId: number | null = null;
  /** How the loaded network came, for the origin of a save of an edit of it. */
  #origin = 'uploaded';
  readonly #warn: (message: string) => void;
  readonly #note: (message: string) => void;

  constructor(options: MemoryStoreOptions = {}) {
    const ws = options.workspace;
    this.#workspace = ws === undefined ? null : typeof ws === 'string' ? Workspace.open(ws) : ws;
    this.#ownsWorkspace = typeof ws === 'string';
    this.#warn = options.warn ?? ((message) => console.warn(`weaklink: warning: ${message}`));
    this.#note = options.note ?? ((message) => console.log(`weaklink: ${message}`));
  }

  /** The workspace database file, or null when everything is kept in memory only. */
  get scenarioFile(): string | null {
    return this.#workspace?.file ?? null;
  }

  async load(network: Network, options: LoadOptions = {}): Promise<LoadSummary> {
    checkKeys(network);
    const copy = frozenNetwork(network);
    return this.#serial(async () => {
      await this.#save(copy, options);
      const summary = this.#swap(copy);
      const rows = copy.companies.length + copy.supplies.length + (copy.assessments?.length ?? 0);
      options.onProgress?.(rows, rows);
      return summary;
    });
  }

  /**
   * Serves the network saved in the workspace (with its edits) — as a load that saves
   * nothing; null when none is saved (or there is no workspace).
   */
  restore(): Promise<RestoredNetwork | null> {
    return this.#serial(async () => {
      if (this.#workspace === null) return null;
      const saved = restoreNetwork(this.#workspace);
      if (saved === null) return null;
      checkKeys(saved.network);
      const { version } = this.#swap(frozenNetwork(saved.network));
      this.#savedId = saved.info.id;
      this.#origin = saved.info.origin;
      return { ...saved.info, version };
    });
  }

  /** Forgets the network saved in the workspace (`--reset`); the one in memory stays. Returns whether one was saved. */
  dropSavedNetwork(): Promise<boolean> {
    return this.#serial(async () => {
      this.#savedId = null;
      return this.#workspace === null ? false : dropNetworks(this.#workspace) > 0;
    });
  }

  /** Commits `copy` to the workspace: as the rows an edit changed, or whole (see the class comment). */
  async #save(copy: Network, options: LoadOptions): Promise<void> {
    const ws = this.#workspace;
    if (ws === null) return;
    if (options.transient === true) {
      this.#savedId = null;
      this.#origin = options.origin ?? 'loaded';
      return;
    }
    const by = options.by ?? DEFAULTS.by;
    const previous = this.#loaded?.network;
    const changes = previous === undefined ? null : changedRows(previous, copy, DEFAULTS.maxEditRows);
    if (changes !== null && this.#savedId !== null && saveEdit(ws, this.#savedId, changes, by)) return;
    const origin =
      changes !== null ? `${this.#origin.replace(/ and edited$/, '')} and edited` : (options.origin ?? 'uploaded');
    this.#savedId = await saveNetwork(ws, copy, { origin, by });
    this.#origin = origin;
  }

  #swap(copy: Network): LoadSummary {
    const order = new Map(copy.companies.map((c, i) => [c.id, i]));
    this.#loads++;
    const version = `${this.#loads}.${this.#tag}`;
    this.#loaded = { network: copy, version, order };
    this.#results = new Map();
    return { companies: copy.companies.length, supplies: copy.supplies.length, version };
  }

  /** The stored network, frozen (see the class comment); an empty one before any load. */
  async read(): Promise<Network> {
    return this.#loaded?.network ?? EMPTY;
  }

  async version(): Promise<string | null> {
    return this.#loaded?.version ?? null;
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

  async saveScenario(scenario: SavedScenarioRecord): Promise<void> {
    const json = scenarioJson(scenario);
    await this.#ready();
    await this.#serial(async () => {
      const ws = this.#workspace;
      if (ws === null) this.#scenarios.set(scenario.name, json);
      else
        ws.write(`saving the scenario "${scenario.name.slice(0, 80)}"`, () =>
          ws.db.prepare('INSERT OR REPLACE INTO scenarios (name, record) VALUES (?, ?)').run(scenario.name, json),
        );
    });
  }

  async listScenarios(): Promise<SavedScenarioRecord[]> {
    await this.#ready();
    const texts =
      this.#workspace === null
        ? [...this.#scenarios.values()]
        : (this.#workspace.db.prepare('SELECT record FROM scenarios').pluck().all() as string[]);
    return texts.map((json) => this.#record(json)).sort(newestFirst);
  }

  async getScenario(name: string): Promise<SavedScenarioRecord | null> {
    checkScenarioName(name);
    await this.#ready();
    const json =
      this.#workspace === null
        ? this.#scenarios.get(name)
        : (this.#workspace.db.prepare('SELECT record FROM scenarios WHERE name = ?').pluck().get(name) as
            string | undefined);
    return json === undefined ? null : this.#record(json);
  }

  async deleteScenario(name: string): Promise<boolean> {
    checkScenarioName(name);
    await this.#ready();
    return this.#serial(async () => {
      const ws = this.#workspace;
      if (ws === null) return this.#scenarios.delete(name);
      return ws.write(
        `deleting the scenario "${name.slice(0, 80)}"`,
        () => ws.db.prepare('DELETE FROM scenarios WHERE name = ?').run(name).changes > 0,
      );
    });
  }

  /** Waits for the writes under way; closes the workspace database when this store opened it. */
  async close(): Promise<void> {
    await this.#writing;
    if (this.#ownsWorkspace) this.#workspace?.close();
  }

  /** A stored record, checked whole; a damaged one is a StoreUnavailableError naming the database. */
  #record(json: string): SavedScenarioRecord {
    try {
      return toScenarioRecord(JSON.parse(json));
    } catch (error) {
      throw new StoreUnavailableError(
        `a saved scenario in ${this.#workspace?.file ?? 'memory'} is damaged (${error instanceof Error ? error.message.slice(0, 200) : String(error)}); delete it (DELETE /api/scenarios/NAME) or restore the file from a copy`,
      );
    }
  }

  /** Imports the files of an earlier workspace now rather than at the first scenario used (at start, so the line saying so comes first). */
  async importFiles(): Promise<void> {
    await this.#ready();
  }

  /** Imports the scenarios of a file workspace once (src/workspace/import-files.ts). */
  #ready(): Promise<unknown> {
    const ws = this.#workspace;
    if (ws === null) return Promise.resolve();
    this.#imported ??= importScenarioFile(ws, this.#warn)
      .then((count) => {
        if (count !== null)
          this.#note(
            `imported ${count} saved scenario${count === 1 ? '' : 's'} of scenarios.json into ${ws.file} (the file is kept as scenarios.json.imported)`,
          );
      })
      .catch((error: unknown) => {
        this.#imported = undefined; // the next call tries again
        throw error;
      });
    return this.#imported;
  }

  /** Runs `body` after every load and scenario change queued before it. */
  #serial<T>(body: () => Promise<T>): Promise<T> {
    const run = this.#writing.then(body);
    this.#writing = run.catch(() => {});
    return run;
  }
}
