/**
 * Neo4jStore: the GraphStore on a Neo4j 5 database (neo4j-driver; one driver per store).
 * Graph: `(:Company {gen, seq, id, name, country, industry, size, scsLevel, securityScore,
 * revenue, focal})-[:SUPPLIES {gen, seq, commodity, share, spend, access, bufferDays}]->
 * (:Company)` and `(:Assessment {gen, seq, level, method, assessedOn, validUntil,
 * evidence})-[:OF]->(:Company)`; a null field is an absent property; numbers are stored as
 * floats, so they read back exactly; `seq` is the row's position in the loaded network.
 * Whether a network has an assessments table at all (absent, or empty) is the
 * `assessments` flag of its generation's marker.
 *
 * Loads are atomic by import generation (`gen`): all rows of a new generation are written
 * in UNWIND batches, then ONE transaction points `(:WeaklinkMeta {key: 'active'}).gen` at
 * it, then the old generation is deleted in batches. Reads look up the active generation
 * first and match only it, and re-read when a load switched generations meanwhile, so a
 * reader sees the old network or the new one, never a mix. A load cut short (crash, kill)
 * leaves a generation that never becomes active; the next load deletes it first. Loads are
 * meant to come from one writer at a time: a load whose generation another load deleted
 * fails with ConflictError instead of activating half a network.
 *
 * Saved scenarios are `(:WeaklinkScenario {name, json, createdAt})` nodes, unique by name
 * and outside the generations, so loads leave them alone; `json` is the whole record.
 *
 * Every statement is a constant in neo4j-cypher.ts with $parameters; driver types never
 * leave this file; driver failures become StoreUnavailableError with one line to act on.
 *
 * @example
 *   const store = await Neo4jStore.connect({ uri: 'bolt://127.0.0.1:7687' });
 *   try { await store.load(network); } finally { await store.close(); }
 */
import { randomBytes } from 'node:crypto';
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { ConflictError, StoreUnavailableError, UsageError, WeaklinkError } from '../errors.ts';
import type { Network } from '../model/types.ts';
import { checkKeys, unknownCompanies } from './company-keys.ts';
import type { CompanyResult, GraphStore, LoadOptions, LoadSummary, SavedScenarioRecord } from './graph-store.ts';
import * as Q from './neo4j-cypher.ts';
import { toAssessment, toCompany, toSupply } from './neo4j-rows.ts';
import { checkScenarioName, newestFirst, scenarioJson, toScenarioRecord } from './scenario-records.ts';

export const DEFAULTS = {
  user: 'neo4j',
  database: 'neo4j',
  /** Rows per UNWIND batch when loading or writing results. */
  batchSize: 10_000,
  /** Rows per page when reading. */
  pageSize: 10_000,
  /** Times a read restarts when loads keep switching generations under it. */
  readAttempts: 5,
  /** How long the driver retries a transaction that failed transiently (ms). */
  maxRetryTimeMs: 15_000,
};

export interface Neo4jStoreOptions {
  /** e.g. `bolt://127.0.0.1:7687` or `neo4j://host:7687`. */
  uri: string;
  user?: string;
  /** Omit for a server with auth disabled. */
  password?: string;
  database?: string;
  batchSize?: number;
  pageSize?: number;
  maxRetryTimeMs?: number;
}

type Params = Record<string, unknown>;

export class Neo4jStore implements GraphStore {
  #schemaReady = false;

  private constructor(
    private readonly driver: Driver,
    private readonly where: { uri: string; database: string },
    private readonly sizes: { batchSize: number; pageSize: number },
  ) {}

  /** Connects and checks the server (reachable, credentials, database, version ≥ 5). */
  static async connect(options: Neo4jStoreOptions): Promise<Neo4jStore> {
    const { uri, user = DEFAULTS.user, password, database = DEFAULTS.database } = options;
    const sizes = {
      batchSize: checkSize('batchSize', options.batchSize ?? DEFAULTS.batchSize),
      pageSize: checkSize('pageSize', options.pageSize ?? DEFAULTS.pageSize),
    };
    let driver: Driver;
    try {
      const auth = password === undefined ? undefined : neo4j.auth.basic(user, password);
      driver = neo4j.driver(uri, auth, {
        disableLosslessIntegers: true,
        connectionTimeout: 10_000,
        maxTransactionRetryTime: options.maxRetryTimeMs ?? DEFAULTS.maxRetryTimeMs,
      });
    } catch (error) {
      throw new StoreUnavailableError(
        `Neo4j: "${uri}" is not a usable Neo4j URI (${firstLine(error)}); use e.g. bolt://127.0.0.1:7687`,
      );
    }
    try {
      await driver.verifyConnectivity({ database });
      const { records } = await driver.executeQuery(Q.SERVER_VERSION, {}, { database, routing: neo4j.routing.READ });
      const version = String(records[0]?.get('version') ?? '');
      if (!(Number.parseInt(version, 10) >= 5)) {
        throw new StoreUnavailableError(
          `Neo4j at ${uri} is version ${version || 'unknown'}; weaklink needs Neo4j 5 or newer`,
        );
      }
    } catch (error) {
      await driver.close();
      throw connectError(error, { uri, user, database });
    }
    return new Neo4jStore(driver, { uri, database }, sizes);
  }

  async load(network: Network, options: LoadOptions = {}): Promise<LoadSummary> {
    checkKeys(network);
    const batchSize = checkSize('batchSize', options.batchSize ?? this.sizes.batchSize);
    return this.#guard(async () => {
      await this.#ensureSchema();
      await this.#dropStale();
      const gen = `g${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
      await this.#write(Q.BEGIN_GEN, { gen, assessments: network.assessments !== undefined });
      let previous: unknown;
      try {
        await this.#writeRows(gen, network, batchSize, options.onProgress);
        const activated = await this.#write(Q.ACTIVATE_GEN, { gen });
        if (activated.records.length === 0)
          throw new ConflictError(
            'Neo4j: another load replaced this one while it ran; load again (one writer at a time)',
          );
        previous = activated.records[0]?.get('previous');
      } catch (error) {
        await this.#dropGen(gen).catch(() => {}); // best effort; the next load retries
        throw error;
      }
      // The new network is active: the load has succeeded. Deleting the old one can wait
      // for the next load if it fails now.
      if (typeof previous === 'string') await this.#dropGen(previous).catch(() => {});
      return { companies: network.companies.length, supplies: network.supplies.length, version: gen };
    });
  }

  async read(): Promise<Network> {
    return this.#consistent(async (gen) => {
      if (gen === null) return { companies: [], supplies: [] };
      const companies = await this.#pages(Q.READ_COMPANIES, { gen }, (r) => toCompany(r.get('c')));
      const supplies = await this.#pages(Q.READ_SUPPLIES, { gen }, (r) =>
        toSupply(r.get('supplier'), r.get('buyer'), r.get('s')),
      );
      const flag: unknown = (await this.#read(Q.GEN_HAS_ASSESSMENTS, { gen })).records[0]?.get('assessments');
      if (flag !== true) return { companies, supplies };
      const assessments = await this.#pages(Q.READ_ASSESSMENTS, { gen }, (r) =>
        toAssessment(r.get('company'), r.get('a')),
      );
      return { companies, supplies, assessments };
    });
  }

  async version(): Promise<string | null> {
    return this.#guard(() => this.#activeGen());
  }

  async writeResults(results: CompanyResult[], analysedAt: Date): Promise<void> {
    await this.#guard(async () => {
      const gen = await this.#activeGen();
      const unknown =
        gen === null
          ? results.map((r) => r.id)
          : await this.#unknownIds(
              gen,
              results.map((r) => r.id),
            );
      if (unknown.length > 0) throw unknownCompanies(unknown);
      for (let i = 0; i < results.length; i += this.sizes.batchSize) {
        await this.#write(Q.WRITE_RESULTS, {
          gen,
          analysedAt: analysedAt.toISOString(),
          rows: results.slice(i, i + this.sizes.batchSize),
        });
      }
    });
  }

  async saveScenario(scenario: SavedScenarioRecord): Promise<void> {
    const json = scenarioJson(scenario);
    await this.#guard(async () => {
      await this.#ensureSchema();
      await this.#write(Q.SAVE_SCENARIO, { name: scenario.name, json, createdAt: scenario.createdAt });
    });
  }

  async listScenarios(): Promise<SavedScenarioRecord[]> {
    const { records } = await this.#guard(() => this.#read(Q.LIST_SCENARIOS, {}));
    return records.map((r) => scenarioFrom(r.get('json'))).sort(newestFirst);
  }

  async getScenario(name: string): Promise<SavedScenarioRecord | null> {
    const { records } = await this.#guard(() => this.#read(Q.GET_SCENARIO, { name: checkScenarioName(name) }));
    return records[0] === undefined ? null : scenarioFrom(records[0].get('json'));
  }

  async deleteScenario(name: string): Promise<boolean> {
    checkScenarioName(name);
    const { records } = await this.#guard(() => this.#write(Q.DELETE_SCENARIO, { name }));
    return Number(records[0]?.get('n') ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async #writeRows(
    gen: string,
    network: Network,
    batchSize: number,
    onProgress: LoadOptions['onProgress'],
  ): Promise<void> {
    const total = network.companies.length + network.supplies.length + (network.assessments?.length ?? 0);
    let done = 0;
    const session = this.driver.session({ database: this.where.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const [statement, rows] of [
        [Q.WRITE_COMPANIES, network.companies],
        [Q.WRITE_SUPPLIES, network.supplies],
        [Q.WRITE_ASSESSMENTS, network.assessments ?? []],
      ] as const) {
        for (let start = 0; start < rows.length; start += batchSize) {
          const batch = rows.slice(start, start + batchSize).map((row, i) => ({ ...row, seq: start + i }));
          const written = await session.executeWrite(async (tx) =>
            (await tx.run(statement, { gen, rows: batch })).records[0]?.get('n'),
          );
          if (written !== batch.length)
            throw new WeaklinkError(
              `Neo4j: wrote ${String(written)} of ${batch.length} rows of a batch; the load was abandoned`,
            );
          done += batch.length;
          onProgress?.(done, total);
        }
      }
    } finally {
      await session.close();
    }
  }

  /** Deletes every generation that is not active (leftovers of loads that did not finish). */
  async #dropStale(): Promise<void> {
    const { records } = await this.#write(Q.DOOM_INACTIVE_GENS, {});
    for (const record of records) await this.#dropGen(String(record.get('gen')));
  }

  /** Deletes one generation in batches: its assessments, its supplies, its companies, then its marker. */
  async #dropGen(gen: string): Promise<void> {
    const limit = neo4j.int(this.sizes.batchSize);
    for (const statement of [Q.DELETE_GEN_ASSESSMENTS, Q.DELETE_GEN_SUPPLIES, Q.DELETE_GEN_COMPANIES]) {
      while (Number((await this.#write(statement, { gen, limit })).records[0]?.get('n')) > 0);
    }
    await this.#write(Q.DELETE_GEN_MARKER, { gen });
  }

  async #ensureSchema(): Promise<void> {
    if (this.#schemaReady) return;
    for (const statement of Q.SCHEMA) await this.#write(statement, {});
    await this.#write(Q.AWAIT_INDEXES, {});
    this.#schemaReady = true;
  }

  async #activeGen(): Promise<string | null> {
    const gen: unknown = (await this.#read(Q.ACTIVE_GEN, {})).records[0]?.get('gen');
    return typeof gen === 'string' ? gen : null;
  }

  async #unknownIds(gen: string, ids: string[]): Promise<string[]> {
    const unknown: string[] = [];
    for (let i = 0; i < ids.length && unknown.length < 6; i += this.sizes.batchSize) {
      const { records } = await this.#read(Q.UNKNOWN_IDS, { gen, ids: ids.slice(i, i + this.sizes.batchSize) });
      unknown.push(...records.map((r) => String(r.get('id'))));
    }
    return unknown;
  }

  /** Runs `body` on the active generation; again if a load switched generations meanwhile. */
  async #consistent<T>(body: (gen: string | null) => Promise<T>): Promise<T> {
    return this.#guard(async () => {
      for (let attempt = 1; ; attempt++) {
        const gen = await this.#activeGen();
        // A read racing the deletion of its generation may also fail (a row vanishes
        // between match and projection); that too is retried when the generation moved.
        const outcome = await body(gen).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if ((await this.#activeGen()) === gen) {
          if ('error' in outcome) throw outcome.error;
          return outcome.value;
        }
        if (attempt >= DEFAULTS.readAttempts)
          throw new ConflictError('Neo4j: loads kept replacing the network during the read; try again');
      }
    });
  }

  /** All rows of a keyset-paginated statement (`seq > $after ... LIMIT $limit`), page by page. */
  async #pages<T>(
    statement: string,
    params: Params,
    convert: (record: QueryResult['records'][number]) => T,
  ): Promise<T[]> {
    const rows: T[] = [];
    for (let after = -1; ;) {
      const { records } = await this.#read(statement, {
        ...params,
        after: neo4j.int(after),
        limit: neo4j.int(this.sizes.pageSize),
      });
      for (const record of records) rows.push(convert(record));
      const last = records.at(-1);
      if (last === undefined || records.length < this.sizes.pageSize) return rows;
      after = Number(last.get('seq'));
    }
  }

  #read(statement: string, params: Params): Promise<QueryResult<RecordShape>> {
    return this.driver.executeQuery(statement, params, { database: this.where.database, routing: neo4j.routing.READ });
  }

  #write(statement: string, params: Params): Promise<QueryResult<RecordShape>> {
    return this.driver.executeQuery(statement, params, { database: this.where.database, routing: neo4j.routing.WRITE });
  }

  /** Maps driver failures during an operation to StoreUnavailableError; ours pass through. */
  async #guard<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      if (error instanceof WeaklinkError || !(error instanceof neo4j.Neo4jError)) throw error;
      if (
        ['ServiceUnavailable', 'SessionExpired'].includes(error.code) ||
        error.code.startsWith('Neo.TransientError.')
      ) {
        throw new StoreUnavailableError(
          `Neo4j at ${this.where.uri} stopped answering (${firstLine(error)}); check that it is running and try again`,
        );
      }
      throw error;
    }
  }
}

/** A scenario node's `json`; a property that is not a whole record is an error naming it. */
function scenarioFrom(json: unknown): SavedScenarioRecord {
  try {
    return toScenarioRecord(JSON.parse(String(json)));
  } catch (error) {
    throw new WeaklinkError(
      `Neo4j: a saved scenario (a WeaklinkScenario node) is not a whole record (${firstLine(error)}); delete it or fix its json property`,
    );
  }
}

/** One clear line for each way connecting can fail. */
function connectError(error: unknown, { uri, user, database }: { uri: string; user: string; database: string }): Error {
  if (error instanceof WeaklinkError) return error;
  const code = error instanceof neo4j.Neo4jError ? error.code : '';
  if (code === 'ServiceUnavailable') {
    return new StoreUnavailableError(
      `Neo4j is unreachable at ${uri} (${cause(error)}); start it with "npm run neo4j" or set NEO4J_URI to a running Neo4j 5`,
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new StoreUnavailableError(
      `Neo4j at ${uri} rejected the credentials of user "${user}"; set NEO4J_USER and NEO4J_PASSWORD to a valid login`,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StoreUnavailableError(
      `Neo4j at ${uri} has no database "${database}"; create it or choose another (Community Edition has only "neo4j")`,
    );
  }
  return new StoreUnavailableError(`Neo4j at ${uri} failed: ${firstLine(error)}`);
}

function checkSize(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new UsageError(`Neo4j: ${field} must be a whole number ≥ 1, got ${value}`, field);
  return value;
}

/** The most specific reason in a driver error ("connect ECONNREFUSED 127.0.0.1:1"). */
function cause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /Caused by: (.*)$/m.exec(message)?.[1]?.trim() ?? firstLine(error);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? '';
}
