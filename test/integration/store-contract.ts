/**
 * The one contract every GraphStore keeps (src/store/graph-store.ts), as a shared describe
 * block: `storeContract('memory', makeStore, readResult, reopen)` runs it against a store.
 * `makeStore` is called once, on the first test that runs; `readResult` reads back what
 * `writeResults` stored for a company, the way an analyst would (for Neo4j: Cypher);
 * `reopen` opens a second store on the same storage, as a restarted server would.
 * Saved scenarios may be shared with other test files (one Neo4j per run), so each run
 * of the contract names its scenarios with a prefix of its own and looks only at those.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/analysis/scenario.ts';
import { InputError, UsageError } from '../../src/errors.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';
import type { Network } from '../../src/model/types.ts';
import type { CompanyResult, GraphStore, SavedScenarioRecord } from '../../src/store/graph-store.ts';
import { net } from '../helpers/network.ts';
import { VECTORS_DIR } from '../vectors-dir.ts';

export type StoredResult = Omit<CompanyResult, 'id'> & { analysedAt: string };
export type ReadResult = (store: GraphStore, id: string) => Promise<StoredResult | null>;

/** Every field filled somewhere, every nullable field null somewhere, ids out of order. */
export const FULL: Network = net(
  [
    {
      id: 'z-focal',
      name: 'Zeta 本社',
      country: 'JP',
      industry: 'automotive',
      size: 'large',
      scsLevel: 4,
      securityScore: 81.25,
      revenue: 1e12,
      focal: true,
    },
    { id: 'b', name: 'b', scsLevel: 0, revenue: 0 },
    { id: 'a', name: 'Alpha, "quoted"', country: 'DE', size: 'sme', securityScore: 0.1 + 0.2, revenue: 2 ** 53 - 1 },
    { id: '10', name: '10', industry: 'logistics', scsLevel: 5, securityScore: 100, revenue: 1.7976931348623157e308 },
  ],
  [
    ['a', 'z-focal', 'castings', 0.7, { spend: 1234.5678, access: 'network', bufferDays: 3 }],
    ['b', 'z-focal', 'castings', 0.3, { spend: 0, access: 'none', bufferDays: 0 }],
    ['10', 'a', 'logistics', null, { access: 'data' }],
    ['10', 'b', 'erp-hosting', 1, { spend: 5e-324, access: 'software', bufferDays: 12.5 }],
    ['b', 'a', 'castings', null],
  ],
);

/** FULL with assessments: every field filled somewhere, every nullable one null somewhere, not in company order. */
export const ASSESSED: Network = {
  ...FULL,
  assessments: [
    {
      company: 'b',
      level: 3,
      method: 'expert',
      assessedOn: '2026-04-01',
      validUntil: '2027-03-31',
      evidence: 'IPA-2026-0042',
    },
    { company: 'z-focal', level: 4, method: 'third-party', assessedOn: '2025-12-26', validUntil: null, evidence: null },
    { company: 'b', level: 1, method: null, assessedOn: '2024-02-29', validUntil: null, evidence: '自己宣言 "SA" ★1' },
    {
      company: '10',
      level: 5,
      method: 'third-party',
      assessedOn: '2026-01-01',
      validUntil: '2026-01-01',
      evidence: '',
    },
  ],
};

/** focal ← m1 ← s1 ← r1, focal ← m2 ← s1, s2 → m2, focal → d1 (a buyer downstream), x apart. */
const CHAIN: Network = net(
  [
    { id: 'x' },
    { id: 'd1' },
    { id: 'focal', focal: true },
    { id: 'm1' },
    { id: 'm2' },
    { id: 's1' },
    { id: 's2' },
    { id: 'r1' },
  ],
  [
    ['m1', 'focal', 'c'],
    ['m2', 'focal', 'c'],
    ['s1', 'm1', 'c'],
    ['s1', 'm2', 'c'],
    ['s2', 'm2', 'c'],
    ['r1', 's1', 'c'],
    ['focal', 'd1', 'c'],
  ],
);

/** A saved scenario as the API makes one: `hit` down for `days` days on CHAIN. */
export function scenarioRecord(
  name: string,
  hit: string[],
  days: number,
  createdAt: string,
  extra: Partial<SavedScenarioRecord> = {},
): SavedScenarioRecord {
  const index = indexNetwork(CHAIN);
  const {
    horizon: _horizon,
    stillDown: _stillDown,
    ...result
  } = simulateScenario(index, { hit: hit.map((id) => index.indexOf.get(id)!), days });
  return { name, hit: result.hit, days, whatIf: [], createdAt, createdBy: 'analyst-1', version: '7', result, ...extra };
}

export function storeContract(
  name: string,
  makeStore: () => Promise<GraphStore>,
  readResult: ReadResult,
  reopen: () => Promise<GraphStore>,
): void {
  let made: Promise<GraphStore> | undefined;
  const store = (): Promise<GraphStore> => (made ??= makeStore());
  afterAll(async () => {
    await (await made)?.close();
  });

  describe(`${name} store contract`, () => {
    it('load rejects duplicate ids and dangling supplies with InputError, keeping the active network', async () => {
      const s = await store();
      await s.load(CHAIN);
      const before = await s.version();
      const dangling = net([{ id: 'a' }], [['a', 'ghost', 'c']]);
      await expect(s.load(dangling)).rejects.toThrow(InputError);
      await expect(s.load(net([{ id: 'a' }, { id: 'a' }], []))).rejects.toThrow(/appears twice/);
      expect(await s.version()).toBe(before);
      expect(await s.read()).toEqual(CHAIN);
    });

    it('load then read gives back exactly the network: order, nulls, exact numbers', async () => {
      const s = await store();
      const summary = await s.load(FULL);
      expect(summary).toMatchObject({ companies: 4, supplies: 5 });
      expect(await s.read()).toEqual(FULL);
      expect(await s.version()).toBe(summary.version);
    });

    it('a restarted store never gives a version again: an edit based on one from before the restart cannot match', async () => {
      const s = await store();
      const before = new Set<string>();
      for (let k = 0; k < 3; k++) before.add((await s.load(FULL)).version);
      const again = await reopen();
      try {
        for (let k = 0; k < 3; k++) expect(before).not.toContain((await again.load(FULL)).version);
      } finally {
        await again.close();
      }
    });

    it('load is idempotent: the same network again reads back the same, under a new version', async () => {
      const s = await store();
      const first = await s.load(FULL, { batchSize: 2 });
      const second = await s.load(FULL, { batchSize: 3 });
      expect(second.version).not.toBe(first.version);
      expect(await s.read()).toEqual(FULL);
    });

    it('load reports progress and the store keeps its own copy of the rows', async () => {
      const s = await store();
      const network = structuredClone(FULL);
      const progress: [number, number][] = [];
      await s.load(network, { batchSize: 2, onProgress: (done, total) => progress.push([done, total]) });
      expect(progress.at(-1)).toEqual([9, 9]);
      network.companies[0]!.name = 'changed after load';
      const read = await s.read();
      // What a caller read is its own copy, or frozen (the memory store shares its rows):
      // either way a change to it never reaches the store.
      try {
        read.supplies.pop();
        read.companies[0]!.name = 'changed after read';
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
        expect(Object.isFrozen(read.supplies) && Object.isFrozen(read.companies[0])).toBe(true);
      }
      expect(await s.read()).toEqual(FULL);
    });

    it('load round-trips every shared test vector', async () => {
      const s = await store();
      for (const dir of readdirSync(VECTORS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
        const { network } = await readNetwork(path.join(VECTORS_DIR, dir.name));
        await s.load(network, { batchSize: 97 });
        expect(await s.read(), dir.name).toEqual(network);
      }
    });

    it('load rejects an assessment of an unknown company with InputError, keeping the active network', async () => {
      const s = await store();
      await s.load(ASSESSED);
      const before = await s.version();
      const dangling: Network = { ...FULL, assessments: [{ ...ASSESSED.assessments![0]!, company: 'ghost' }] };
      await expect(s.load(dangling)).rejects.toThrow(/company "ghost" is not a company of the network/);
      expect(await s.version()).toBe(before);
      expect(await s.read()).toEqual(ASSESSED);
    });

    it('load then read gives back the assessments exactly, in order; without a table reads back without, an empty one empty', async () => {
      const s = await store();
      await s.load(ASSESSED, { batchSize: 3 });
      expect(await s.read()).toEqual(ASSESSED);
      await s.load(FULL);
      const without = await s.read();
      expect(without).toEqual(FULL);
      expect('assessments' in without).toBe(false);
      await s.load({ ...FULL, assessments: [] });
      expect(await s.read()).toEqual({ ...FULL, assessments: [] });
      await s.load(ASSESSED);
      await s.load(CHAIN);
      expect(await s.read()).toEqual(CHAIN); // nothing left of the assessments before
    });

    it('an assessment appended to what read gave (an edit) reads back after the others, also on a network that had none', async () => {
      const s = await store();
      await s.load(ASSESSED);
      const read = await s.read();
      const added = {
        company: 'a',
        level: 2,
        method: 'self' as const,
        assessedOn: '2026-06-30',
        validUntil: null,
        evidence: null,
      };
      await s.load({ ...read, assessments: [...(read.assessments ?? []), added] });
      expect(await s.read()).toEqual({ ...ASSESSED, assessments: [...ASSESSED.assessments!, added] });
      await s.load(FULL);
      const plain = await s.read();
      await s.load({ ...plain, assessments: [added] });
      expect(await s.read()).toEqual({ ...FULL, assessments: [added] });
    });

    it('writeResults rejects unknown companies, stores results, and a load clears them', async () => {
      const s = await store();
      await s.load(CHAIN);
      const at = new Date('2026-03-04T05:06:07.089Z');
      const ok: CompanyResult = {
        id: 'm1',
        effectiveScore: 37.5,
        tier: 1,
        expectedEventLoss: 12.5,
        riskContribution: 0.1 + 0.2,
        blastRadiusSize: 2,
        requiredLevel: 4,
        criticalSupplierCount: 3,
      };
      await expect(s.writeResults([ok, { ...ok, id: 'ghost' }], at)).rejects.toThrow(/ghost/);
      await s.writeResults([ok, { ...ok, id: 'x', tier: null, requiredLevel: null }], at);
      const { id: _id, ...stored } = ok;
      expect(await readResult(s, 'm1')).toEqual({ ...stored, analysedAt: at.toISOString() });
      expect(await readResult(s, 'x')).toEqual({
        ...stored,
        tier: null,
        requiredLevel: null,
        analysedAt: at.toISOString(),
      });
      expect(await readResult(s, 's1')).toBeNull();
      await s.load(CHAIN);
      expect(await readResult(s, 'm1')).toBeNull();
    });
  });

  describe(`${name} store contract: saved scenarios`, () => {
    const prefix = `contract-${randomBytes(4).toString('hex')}-`;
    const mine = (list: SavedScenarioRecord[]): SavedScenarioRecord[] => list.filter((x) => x.name.startsWith(prefix));

    it('saveScenario rejects a record without a name or without a whole result', async () => {
      const s = await store();
      const ok = scenarioRecord(`${prefix}bad`, ['s1'], 2, '2026-01-01T00:00:00.000Z');
      await expect(s.saveScenario({ ...ok, name: '' })).rejects.toThrow(UsageError);
      const { totalRevenueAtRisk: _total, ...partial } = ok.result;
      await expect(s.saveScenario({ ...ok, result: partial as SavedScenarioRecord['result'] })).rejects.toThrow(
        /totalRevenueAtRisk/,
      );
      expect(await s.getScenario(ok.name)).toBeNull();
    });

    it('saveScenario then getScenario gives back exactly the record; unknown names are null', async () => {
      const s = await store();
      const record = scenarioRecord(`${prefix}Kojima 停止 10 days`, ['r1', 's2'], 10, '2026-02-03T04:05:06.789Z', {
        whatIf: [
          { op: 'raise-level', company: 's1', level: 4 },
          { op: 'add-supplier', buyer: 'm1', supplier: 's2', commodity: 'c', share: 0.25, bufferDays: 2.5 },
        ],
        createdBy: 'analyst "quoted"',
      });
      record.result.revenueAtRisk[0] = 0.1 + 0.2;
      await s.saveScenario(record);
      expect(await s.getScenario(record.name)).toEqual(record);
      expect(await s.getScenario(`${prefix}nobody`)).toBeNull();
      expect(await s.getScenario(record.name.toUpperCase())).toBeNull();
    });

    it('saveScenario replaces a scenario of the same name; listScenarios is newest first, ties by name', async () => {
      const s = await store();
      await s.saveScenario(scenarioRecord(`${prefix}b`, ['s1'], 1, '2026-03-01T00:00:00.000Z'));
      await s.saveScenario(scenarioRecord(`${prefix}a`, ['s2'], 2, '2026-03-01T00:00:00.000Z'));
      await s.saveScenario(scenarioRecord(`${prefix}c`, ['r1'], 3, '2026-03-02T00:00:00.000Z'));
      const replaced = scenarioRecord(`${prefix}b`, ['m1'], 5, '2026-03-03T00:00:00.000Z');
      await s.saveScenario(replaced);
      const list = mine(await s.listScenarios()).filter((x) => /-[abc]$/.test(x.name));
      expect(list.map((x) => x.name)).toEqual([`${prefix}b`, `${prefix}c`, `${prefix}a`]);
      expect(list[0]).toEqual(replaced);
    });

    it('saved scenarios survive loads of the network', async () => {
      const s = await store();
      const record = scenarioRecord(`${prefix}survives loads`, ['s1'], 4, '2026-04-01T00:00:00.000Z');
      await s.saveScenario(record);
      await s.load(FULL);
      await s.load(CHAIN);
      expect(await s.getScenario(record.name)).toEqual(record);
      expect(mine(await s.listScenarios()).map((x) => x.name)).toContain(record.name);
    });

    it('deleteScenario removes one and says whether it was there', async () => {
      const s = await store();
      const record = scenarioRecord(`${prefix}doomed`, ['s1'], 1, '2026-05-01T00:00:00.000Z');
      await s.saveScenario(record);
      expect(await s.deleteScenario(record.name)).toBe(true);
      expect(await s.getScenario(record.name)).toBeNull();
      expect(await s.deleteScenario(record.name)).toBe(false);
      expect(mine(await s.listScenarios()).map((x) => x.name)).not.toContain(record.name);
    });

    it('saved scenarios survive a restart: a new store on the same storage lists them', async () => {
      const s = await store();
      const record = scenarioRecord(`${prefix}after restart`, ['r1'], 6, '2026-06-01T00:00:00.000Z');
      await s.saveScenario(record);
      const before = mine(await s.listScenarios());
      const again = await reopen();
      try {
        expect(mine(await again.listScenarios())).toEqual(before);
        expect(await again.getScenario(record.name)).toEqual(record);
      } finally {
        await again.close();
      }
    });
  });
}
