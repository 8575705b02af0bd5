/**
 * The store contract on Neo4j (the run's database from neo4j-global-setup.ts), plus what
 * only a database can get wrong: connection failures, readers during a load, and a load
 * cut short by killing the database (on a second Neo4j of its own, with auth on).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { missingToolchain, startNeo4j, type RunningNeo4j } from '../../scripts/neo4j-process.mjs';
import { StoreUnavailableError } from '../../src/errors.ts';
import { Neo4jStore, type Neo4jStoreOptions } from '../../src/store/neo4j-store.ts';
import { bigNetwork } from './big-network.ts';
import { neo4jTarget, type Neo4jTarget } from './neo4j-target.ts';
import { ASSESSED, storeContract, type StoredResult } from './store-contract.ts';

const target = neo4jTarget();
beforeEach((ctx) => {
  if (target === null) ctx.skip();
});
const connect = (options: Partial<Neo4jStoreOptions> = {}): Promise<Neo4jStore> =>
  Neo4jStore.connect({ ...(target as Neo4jTarget), ...options });

let driver: Driver | undefined;
afterAll(async () => {
  await driver?.close();
});

/** The test's own driver on the run's Neo4j, for plain Cypher. */
function plainDriver(): Driver {
  const { uri, user = 'neo4j', password } = target as Neo4jTarget;
  driver ??= neo4j.driver(uri, password === undefined ? undefined : neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
  });
  return driver;
}

/** What writeResults left on a company of the active generation, read with plain Cypher. */
async function readResult(_store: unknown, id: string): Promise<StoredResult | null> {
  const { records } = await plainDriver().executeQuery(
    `MATCH (m:WeaklinkMeta {key: 'active'}) MATCH (c:Company {gen: m.gen, id: $id})
     RETURN c {.effectiveScore, .tier, .expectedEventLoss, .riskContribution, .blastRadiusSize, .requiredLevel, .criticalSupplierCount} AS r,
            toString(c.analysedAt) AS at`,
    { id },
  );
  const at: unknown = records[0]?.get('at');
  if (typeof at !== 'string') return null;
  return { ...(records[0]?.get('r') as Omit<StoredResult, 'analysedAt'>), analysedAt: new Date(at).toISOString() };
}

const { assessments: _assessments, ...FULL_WITHOUT_ASSESSMENTS } = ASSESSED;

storeContract(
  'neo4j',
  () => connect(),
  readResult,
  () => connect(),
);

describe('Neo4jStore', () => {
  it('connect to a closed port fails with one line saying unreachable', async () => {
    const error = await connect({ uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(
      /^Neo4j is unreachable at bolt:\/\/127\.0\.0\.1:1 \(connect ECONNREFUSED.*npm run neo4j/,
    );
    expect((error as Error).message).not.toContain('\n');
  });

  it("the run's Neo4j, started as `npm run neo4j` starts it, refuses a connection without credentials (F10)", async () => {
    const { uri } = target as Neo4jTarget;
    const anonymous = neo4j.driver(uri, undefined);
    try {
      await expect(anonymous.executeQuery('MATCH (c:Company) RETURN count(c) AS n')).rejects.toThrow(
        /auth|credentials|unauthori/i,
      );
    } finally {
      await anonymous.close();
    }
    await expect(Neo4jStore.connect({ uri })).rejects.toThrow(/credentials/);
  });

  it('connect to an unknown database fails naming the database', async () => {
    await expect(connect({ database: 'no-such-db' })).rejects.toThrow(/has no database "no-such-db"/);
  });

  it('stores each assessment as an (:Assessment)-[:OF]->(:Company) an analyst can query; the next load deletes them', async () => {
    const store = await connect();
    try {
      await store.load(ASSESSED);
      const { records } = await plainDriver().executeQuery(
        `MATCH (m:WeaklinkMeta {key: 'active'})
         MATCH (a:Assessment {gen: m.gen})-[:OF]->(c:Company {gen: m.gen})
         RETURN c.id AS company, a.level AS level, a.method AS method, a.assessedOn AS assessedOn,
                a.validUntil AS validUntil, a.evidence AS evidence
         ORDER BY a.seq`,
      );
      expect(records.map((r) => r.toObject())).toEqual(ASSESSED.assessments);
      const gen = await store.version();
      await store.load(FULL_WITHOUT_ASSESSMENTS);
      const left = await plainDriver().executeQuery('MATCH (a:Assessment {gen: $gen}) RETURN count(a) AS n', { gen });
      expect(left.records[0]!.get('n')).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('a reader during a load sees the old network or the new one, never a mix', async () => {
    const writer = await connect();
    const reader = await connect({ pageSize: 500 }); // many pages: reads span many transactions
    try {
      const before = bigNetwork(300, 3_000, 'old');
      const after = bigNetwork(3_000, 30_000, 'new');
      await writer.load(before);
      let loading = true;
      const load = writer.load(after, { batchSize: 1_000 }).finally(() => (loading = false));
      const seen: string[] = [];
      while (loading) {
        const read = await reader.read();
        const which = read.companies[0]?.id === 'old0' ? before : after;
        expect(read).toEqual(which);
        seen.push(which === before ? 'old' : 'new');
      }
      await load;
      expect(seen).toContain('old');
      expect(await reader.read()).toEqual(after);
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  }, 120_000);
});

describe('Neo4jStore on a Neo4j of its own (auth on)', () => {
  const password = 'weaklink-test-secret';
  let server: RunningNeo4j | undefined;
  let dataDir = '';
  // This Neo4j is started here even when NEO4J_URI names the run's: it needs Java too.
  const missing = target === null ? null : missingToolchain();
  if (missing !== null && process.env.CI) throw new Error(`the crash test cannot start its own Neo4j: ${missing}`);
  if (missing !== null) console.error(`!!!!! SKIPPING the Neo4j crash test: ${missing} !!!!!`);
  beforeEach((ctx) => {
    if (missing !== null) ctx.skip();
  });
  beforeAll(async () => {
    if (target === null || missing !== null) return;
    dataDir = await mkdtemp(path.join(tmpdir(), 'weaklink-neo4j-crash-'));
    server = await startNeo4j({ dataDir, password });
  });
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const running = (): RunningNeo4j => server as RunningNeo4j;

  it('connect with a wrong password fails with one line about the credentials', async () => {
    const error = await Neo4jStore.connect({ uri: running().uri, password: 'not-the-password' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(
      /rejected the credentials of user "neo4j"; set NEO4J_USER and NEO4J_PASSWORD/,
    );
  });

  it('load killed mid-way (kill -9 of the database) leaves the old network; the next load succeeds', async () => {
    const small = bigNetwork(50, 200, 'a');
    const big = bigNetwork(20_000, 200_000, 'b');
    let store = await Neo4jStore.connect({ uri: running().uri, password, maxRetryTimeMs: 1_000 });
    const loaded = await store.load(small);
    let batches = 0;
    const killed = store.load(big, {
      batchSize: 1_000,
      onProgress: () => {
        if (++batches === 30) process.kill(running().pid, 'SIGKILL'); // companies done, supplies under way
      },
    });
    await expect(killed).rejects.toThrow(StoreUnavailableError);
    expect(await running().exited).toMatchObject({ signal: 'SIGKILL' });
    await store.close();
    await running().stop();

    server = await startNeo4j({ dataDir, password });
    store = await Neo4jStore.connect({ uri: running().uri, password });
    try {
      expect(await store.version()).toBe(loaded.version);
      expect(await store.read()).toEqual(small);
      const reloaded = await store.load(big);
      expect(await store.version()).toBe(reloaded.version);
      // Round trips are the contract's business; here: the cut-short generation is gone.
      const counts = await countAll(running().uri, password);
      expect(counts).toEqual({ companies: big.companies.length, supplies: big.supplies.length, generations: 1 });
    } finally {
      await store.close();
    }
  }, 300_000);
});

/** Every Company, SUPPLIES and generation marker in the database, whatever its generation. */
async function countAll(uri: string, password: string): Promise<Record<string, number>> {
  const admin = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
  try {
    const { records } = await admin.executeQuery(
      `CALL { MATCH (c:Company) RETURN count(c) AS companies }
       CALL { MATCH ()-[s:SUPPLIES]->() RETURN count(s) AS supplies }
       CALL { MATCH (g:WeaklinkGen) RETURN count(g) AS generations }
       RETURN companies, supplies, generations`,
    );
    return records[0]?.toObject() as Record<string, number>;
  } finally {
    await admin.close();
  }
}
