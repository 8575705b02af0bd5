/**
 * Every folder of ../shared/vectors, answered by an independent brute-force
 * implementation of the README, must come out of our engine exactly: scores to 1e-9,
 * sets and single sources as given, HHI per group.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { VECTORS_DIR } from '../../vectors-dir.ts';

interface ExpectedCompany {
  ownScore: number;
  effectiveScore: number;
  blastRadius: string[];
  criticalSuppliers: string[];
  tier: number | null;
  hitLikelihood: number;
  stopDays: Record<string, number>;
  expectedEventLoss: number;
  riskContribution: number;
  ownLevel: number;
  requiredLevel: number | null;
}
interface Expected {
  theta: number;
  companies: Record<string, ExpectedCompany>;
  singleSources: [string, string, string][];
  hhi: Record<string, number>;
  expectedAnnualLoss: number;
  durations: [number, number][];
  hitBase: number;
  hitDecay: number;
}

/** Money is compared to 1e-6 relative. */
const closeMoney = (got: number, want: number, what: string): void => {
  expect(Math.abs(got - want), `${what}: got ${got}, want ${want}`).toBeLessThanOrEqual(
    1e-6 * Math.max(1e-9, Math.abs(want)),
  );
};

const folders = readdirSync(VECTORS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(VECTORS_DIR, d.name, 'expected.json')))
  .map((d) => d.name);

describe('analyze on the shared vectors', () => {
  it('finds the vector folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(6);
  });

  for (const folder of folders) {
    it(`analyze matches expected.json of ${folder}`, async () => {
      const dir = join(VECTORS_DIR, folder);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const { network } = await readNetwork(dir);
      const durations = expected.durations.map(([days, probability]) => ({ days, probability }));
      const result = analyze(indexNetwork(network), {
        theta: expected.theta,
        durations,
        hitBase: expected.hitBase,
        hitDecay: expected.hitDecay,
      });
      expect(result.companies.map((c) => c.id).sort()).toEqual(Object.keys(expected.companies).sort());
      for (const c of result.companies) {
        const want = expected.companies[c.id]!;
        const where = `${folder} ${c.id}`;
        expect(c.ownScore, `${where} ownScore`).toBeCloseTo(want.ownScore, 9);
        expect(c.effectiveScore, `${where} effectiveScore`).toBeCloseTo(want.effectiveScore, 9);
        expect(c.blastRadius, `${where} blastRadius`).toEqual(want.blastRadius);
        expect(c.criticalSuppliers, `${where} criticalSuppliers`).toEqual(want.criticalSuppliers);
        expect(c.tier, `${where} tier`).toBe(want.tier);
        expect(c.hitLikelihood, `${where} hitLikelihood`).toBeCloseTo(want.hitLikelihood, 12);
        const stopDays = Object.fromEntries([[c.id, 0], ...c.blastRadius.map((id, k) => [id, c.stopDays[k]!])]);
        expect(stopDays, `${where} stopDays`).toEqual(want.stopDays);
        closeMoney(c.expectedEventLoss, want.expectedEventLoss, `${where} expectedEventLoss`);
        closeMoney(c.riskContribution, want.riskContribution, `${where} riskContribution`);
        expect(c.ownLevel, `${where} ownLevel`).toBe(want.ownLevel);
        expect(c.requiredLevel, `${where} requiredLevel`).toBe(want.requiredLevel);
      }
      closeMoney(result.expectedAnnualLoss, expected.expectedAnnualLoss, `${folder} expectedAnnualLoss`);
      const sum = result.companies.reduce((s, c) => s + c.riskContribution, 0);
      closeMoney(sum, result.expectedAnnualLoss, `${folder} Σ risk contributions = AAL`);
      expect(result.singleSources.map((s) => [s.buyer, s.commodity, s.supplier])).toEqual(expected.singleSources);
      const hhi = Object.fromEntries(result.concentration.groups.map((g) => [`${g.buyer}|${g.commodity}`, g.hhi]));
      expect(Object.keys(hhi).sort()).toEqual(Object.keys(expected.hhi).sort());
      for (const [key, want] of Object.entries(expected.hhi)) expect(hhi[key], key).toBeCloseTo(want, 6);
    });
  }
});
