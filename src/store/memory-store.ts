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
 * Saved scenarios live in memory too, unless `workspace` names a folder: then they are
 * kept in `<workspace>/scenarios.json` (read on first use, rewritten on every change)
 * and survive a restart. The file is replaced atomically — a temporary file in the same
 * folder, fsynced, renamed over it, the folder fsynced — with the previous version kept
 * as `scenarios.json.bak` (src/io/atomic-file.ts), so a process killed at any instant
 * leaves whole files; when the file cannot be read its backup is used, with a warning.
 * One process writes a workspace's scenarios at a time (the server).
 *
 * @example
 *   const store = new MemoryStore({ workspace: '.weaklink' });
 *   await store.load(network);
 *   const network = await store.read();
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readWithBackup, writeFileAtomic } from '../io/atomic-file.ts';
import { StoreUnavailableError } from '../errors.ts';
import type { Network } from '../model/types.ts';
import { checkKeys, unknownCompanies } from './company-keys.ts';
import type { CompanyResult, GraphStore, LoadOptions, LoadSummary, SavedScenarioRecord } from './graph-store.ts';
import { checkScenarioName, newestFirst, scenarioJson, toScenarioRecord } from './scenario-records.ts';

export const DEFAULTS = { scenarioFile: 'scenarios.json', format: 'weaklink-scenarios' };

export interface MemoryStoreOptions {
  /** Folder to keep the saved scenarios in (`scenarios.json`); none: in memory only. */
  workspace?: string;
  /** Where a recovery from the backup is reported; default console.warn. */
  warn?: (message: string) => void;
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
  });
}

export class MemoryStore implements GraphStore {
  #loaded: Loaded | null = null;
  #loads = 0;
  /** Tells this store's versions from those of an earlier process on the same data. */
  readonly #tag = randomBytes(4).toString('hex');
  #results = new Map<string, StoredResult>();
  /** The saved scenarios as JSON text by name, read from the workspace on first use. */
  #scenarios: Promise<Map<string, string>> | undefined;
  #writing: Promise<unknown> = Promise.resolve();
  readonly #file: string | null;
  readonly #warn: (message: string) => void;

  constructor(options: MemoryStoreOptions = {}) {
    this.#file = options.workspace === undefined ? null : join(options.workspace, DEFAULTS.scenarioFile);
    this.#warn = options.warn ?? ((message) => console.warn(`weaklink: warning: ${message}`));
  }

  /** The scenario file, or null when scenarios are kept in memory only. */
  get scenarioFile(): string | null {
    return this.#file;
  }

  async load(network: Network, options: LoadOptions = {}): Promise<LoadSummary> {
    checkKeys(network);
    const copy = frozenNetwork(network);
    const order = new Map(copy.companies.map((c, i) => [c.id, i]));
    this.#loads++;
    const version = `${this.#loads}.${this.#tag}`;
    this.#loaded = { network: copy, version, order };
    this.#results = new Map();
    const rows = copy.companies.length + copy.supplies.length;
    options.onProgress?.(rows, rows);
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
    await this.#change((all) => all.set(scenario.name, json));
  }

  async listScenarios(): Promise<SavedScenarioRecord[]> {
    const all = await this.#scenarioMap();
    return [...all.values()].map((json) => toScenarioRecord(JSON.parse(json))).sort(newestFirst);
  }

  async getScenario(name: string): Promise<SavedScenarioRecord | null> {
    const json = (await this.#scenarioMap()).get(checkScenarioName(name));
    return json === undefined ? null : toScenarioRecord(JSON.parse(json));
  }

  async deleteScenario(name: string): Promise<boolean> {
    checkScenarioName(name);
    let found = false;
    await this.#change((all) => {
      found = all.delete(name);
      return found;
    });
    return found;
  }

  /** Waits for the scenario writes under way. */
  async close(): Promise<void> {
    await this.#writing;
  }

  #scenarioMap(): Promise<Map<string, string>> {
    this.#scenarios ??= this.#readScenarios().catch((error: unknown) => {
      this.#scenarios = undefined; // the next call tries again
      throw error;
    });
    return this.#scenarios;
  }

  async #readScenarios(): Promise<Map<string, string>> {
    const file = this.#file;
    const all = new Map<string, string>();
    if (file === null) return all;
    let read;
    try {
      read = await readWithBackup(file, (text) => {
        const data = JSON.parse(text) as { format?: unknown; scenarios?: unknown };
        if (data.format !== DEFAULTS.format || !Array.isArray(data.scenarios))
          throw new Error(`not a ${DEFAULTS.format} file`);
        return data.scenarios.map(toScenarioRecord);
      });
    } catch (error) {
      throw new StoreUnavailableError(
        `the saved scenarios cannot be read: ${error instanceof Error ? error.message : String(error)}; restore ${file} from a copy, or move it away to start with no saved scenarios`,
      );
    }
    if (read.from === 'backup')
      this.#warn(
        `${read.problem ?? `${file} cannot be read`}; using its backup ${file}.bak (scenarios saved after the backup was made are missing)`,
      );
    for (const record of read.value ?? []) all.set(record.name, JSON.stringify(record));
    return all;
  }

  /** Applies `edit` to the scenarios, one change at a time; writes the file when `edit` changed something. */
  async #change(edit: (all: Map<string, string>) => unknown): Promise<void> {
    const run = this.#writing.then(async () => {
      const all = await this.#scenarioMap();
      const next = new Map(all);
      if (edit(next) === false || this.#file === null) {
        this.#scenarios = Promise.resolve(next);
        return;
      }
      const records = [...next.values()].join(',\n');
      await writeFileAtomic(this.#file, `{"format":"${DEFAULTS.format}","version":1,"scenarios":[\n${records}\n]}\n`);
      this.#scenarios = Promise.resolve(next);
    });
    this.#writing = run.catch(() => {});
    await run;
  }
}
