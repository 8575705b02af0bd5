/**
 * The sample network in data/sample tells a story (data/README.md); these tests check that
 * the analysis finds in it exactly what the README says it should. Each test is one claim
 * of the README's "What the analysis should reveal" list.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../../src/io/read-network.ts';
import { indexNetwork } from '../../src/model/index-network.ts';
import { analyze } from '../../src/analysis/analyze.ts';

const SAMPLE_DIR = resolve(import.meta.dirname, '../../data/sample');

let loaded: Awaited<ReturnType<typeof readNetwork>>;
let result: ReturnType<typeof analyze>;

beforeAll(async () => {
  loaded = await readNetwork(SAMPLE_DIR);
  result = analyze(indexNetwork(loaded.network), { theta: 0.5 });
});

function company(id: string) {
  const c = result.companies.find((x) => x.id === id);
  if (c === undefined) throw new Error(`company ${id} is missing from the analysis`);
  return c;
}

function sorted(ids: readonly string[]): string[] {
  return [...ids].sort();
}

/** Whether `supplier` supplies `buyer` directly (any commodity). */
function suppliesDirectly(supplier: string, buyer: string): boolean {
  return loaded.network.supplies.some((s) => s.supplier === supplier && s.buyer === buyer);
}

function hhi(buyer: string, commodity: string): number {
  const group = result.concentration.groups.find((g) => g.buyer === buyer && g.commodity === commodity);
  if (group === undefined) throw new Error(`no concentration group (${buyer}, ${commodity})`);
  return group.hhi;
}

function singleSource(buyer: string, commodity: string) {
  return result.singleSources.filter((s) => s.buyer === buyer && s.commodity === commodity);
}

const TIER1_ELECTRONICS = ['hikari-display', 'ise-ecu', 'mirae-electronics', 'tohoku-sensor'];

describe('the sample network (data/sample)', () => {
  it('loads without warnings: 188 companies, 314 supplies, two focal companies', () => {
    expect(loaded.warnings).toEqual([]);
    expect(loaded.network.companies).toHaveLength(188);
    expect(loaded.network.supplies).toHaveLength(314);
    expect(sorted(loaded.network.companies.filter((c) => c.focal).map((c) => c.id))).toEqual(['auto-oem', 'retail-hq']);
  });

  it('has SCS levels 0–5 with most assessed SMEs at level 0–2, and six unassessed SMEs', () => {
    const levels = new Set(loaded.network.companies.map((c) => c.scsLevel).filter((l) => l !== null));
    expect(sorted([...levels].map(String))).toEqual(['0', '1', '2', '3', '4', '5']);
    const smeLevels = loaded.network.companies
      .filter((c) => c.size === 'sme' && c.scsLevel !== null)
      .map((c) => c.scsLevel ?? -1);
    const low = smeLevels.filter((l) => l <= 2).length;
    expect(low / smeLevels.length).toBeGreaterThan(0.75);
    const unassessed = result.companies.filter((c) => c.unassessed).map((c) => c.id);
    expect(unassessed).toHaveLength(6);
    for (const id of unassessed) {
      const row = loaded.network.companies.find((c) => c.id === id);
      expect(row?.size).toBe('sme');
      expect(row?.scsLevel).toBeNull();
      expect(row?.securityScore).toBeNull();
    }
  });
});

describe('analyze on the sample', () => {
  it('analyze on the sample finds tiers 0 to 5, the other retailers outside both chains', () => {
    expect(company('auto-oem').tier).toBe(0);
    expect(company('retail-hq').tier).toBe(0);
    expect(company('kanazawa-trim').tier).toBe(1);
    expect(company('kyokuto-micro').tier).toBe(2);
    expect(company('chipfab-tsukuba').tier).toBe(3);
    expect(company('azumino-wafer').tier).toBe(4);
    expect(company('hagi-polysilicon').tier).toBe(5);
    const tiers = result.companies.map((c) => c.tier).filter((t): t is number => t !== null);
    expect(Math.max(...tiers)).toBe(5);
    expect(company('hanamizuki-dept').tier).toBeNull();
    expect(company('komorebi-variety').tier).toBeNull();
  });

  it('analyze on the sample makes kanazawa-trim a direct single source of the automaker (Kojima 2022)', () => {
    const ss = singleSource('auto-oem', 'interior-trim');
    expect(ss).toHaveLength(1);
    expect(ss[0]?.supplier).toBe('kanazawa-trim');
    expect(ss[0]?.share).toBeCloseTo(1, 9);
    expect(hhi('auto-oem', 'interior-trim')).toBeCloseTo(10_000, 3);
    expect(company('kanazawa-trim').blastRadius).toContain('auto-oem');
    expect(company('auto-oem').criticalSuppliers).toContain('kanazawa-trim');
    const link = loaded.network.supplies.find((s) => s.supplier === 'kanazawa-trim' && s.buyer === 'auto-oem');
    expect(link?.access).toBe('network');
    expect(link?.bufferDays).toBe(0);
  });

  it('analyze on the sample finds kanazawa-mold, the trim maker’s subsidiary, a hidden critical supplier of the automaker', () => {
    expect(company('auto-oem').criticalSuppliers).toContain('kanazawa-mold');
    expect(suppliesDirectly('kanazawa-mold', 'auto-oem')).toBe(false);
    expect(sorted(company('kanazawa-mold').blastRadius)).toEqual(['auto-oem', 'kanazawa-trim']);
  });

  it('analyze on the sample finds shinsei-logistics under three retailers but not under the automaker (Askul 2025)', () => {
    const blast = company('shinsei-logistics').blastRadius;
    expect(sorted(blast)).toEqual(['hanamizuki-dept', 'komorebi-variety', 'retail-hq']);
    expect(blast).not.toContain('auto-oem');
    expect(singleSource('retail-hq', 'ec-fulfilment').map((s) => s.supplier)).toEqual(['shinsei-logistics']);
    expect(company('retail-hq').criticalSuppliers).toContain('shinsei-logistics');
  });

  it('analyze on the sample finds the ERP host, with software access to six buyers, hidden under both focal companies', () => {
    const softwareBuyers = loaded.network.supplies
      .filter((s) => s.supplier === 'nimbus-erp' && s.access === 'software')
      .map((s) => s.buyer);
    expect(new Set(softwareBuyers).size).toBe(6);
    const nimbus = company('nimbus-erp');
    expect(nimbus.blastRadius).toContain('auto-oem');
    expect(nimbus.blastRadius).toContain('retail-hq');
    expect(suppliesDirectly('nimbus-erp', 'auto-oem')).toBe(false);
    expect(suppliesDirectly('nimbus-erp', 'retail-hq')).toBe(false);
    expect(company('auto-oem').criticalSuppliers).toContain('nimbus-erp');
    expect(company('retail-hq').criticalSuppliers).toContain('nimbus-erp');
  });

  it('analyze on the sample finds six companies under both focal companies: the ERP host, its cloud, and a fibre-and-steel cluster', () => {
    const both = result.companies
      .filter((c) => c.blastRadius.includes('auto-oem') && c.blastRadius.includes('retail-hq'))
      .map((c) => c.id);
    expect(sorted(both)).toEqual([
      'cascadia-cloud',
      'kakegawa-steel',
      'kitakyushu-spinning',
      'kure-recycling',
      'nimbus-erp',
      'ohio-fiber',
    ]);
  });

  it('analyze on the sample finds the chip fab under every tier-1 electronics supplier', () => {
    const electronicsIds = new Set(
      loaded.network.companies.filter((c) => c.industry === 'automotive electronics').map((c) => c.id),
    );
    const tier1 = result.companies.filter((c) => c.tier === 1 && electronicsIds.has(c.id)).map((c) => c.id);
    expect(sorted(tier1)).toEqual(TIER1_ELECTRONICS);
    for (const id of TIER1_ELECTRONICS) {
      expect(company(id).criticalSuppliers, id).toContain('chipfab-tsukuba');
    }
    // Penghu's second foundry carries only 30 %: not enough.
    expect(company('penghu-semi').criticalSuppliers).toContain('chipfab-tsukuba');
  });

  it('analyze on the sample finds the tier-3 chip fab a hidden critical supplier of the automaker', () => {
    expect(suppliesDirectly('chipfab-tsukuba', 'auto-oem')).toBe(false);
    expect(company('auto-oem').criticalSuppliers).toContain('chipfab-tsukuba');
    expect(result.singleSources.some((s) => s.supplier === 'chipfab-tsukuba' && s.buyer === 'auto-oem')).toBe(false);
    expect(sorted(company('chipfab-tsukuba').blastRadius)).toEqual(
      sorted(['aoba-power-semi', 'auto-oem', 'kyokuto-micro', 'penghu-semi', ...TIER1_ELECTRONICS]),
    );
    // …and what is under the fab is critical too, down to tier 5.
    expect(company('auto-oem').criticalSuppliers).toContain('kanto-resist');
    expect(company('auto-oem').criticalSuppliers).toContain('hagi-polysilicon');
  });

  it('analyze on the sample finds the shared sub-supplier behind the second source', () => {
    // hokuriku-brake buys castings 50/50: neither foundry alone stops it…
    expect(hhi('hokuriku-brake', 'castings')).toBeCloseTo(5_000, 3);
    expect(singleSource('hokuriku-brake', 'castings')).toEqual([]);
    const critical = company('hokuriku-brake').criticalSuppliers;
    expect(critical).not.toContain('tanaka-foundry');
    expect(critical).not.toContain('nagano-casting');
    // …but both melt seto-alloy's ingot: the one hidden single point of failure.
    expect(sorted(critical)).toEqual(['seto-alloy']);
    expect(sorted(company('seto-alloy').blastRadius)).toEqual([
      'auto-oem',
      'hokuriku-brake',
      'nagano-casting',
      'tanaka-foundry',
    ]);
    expect(company('auto-oem').criticalSuppliers).toContain('seto-alloy');
    const brake = company('hokuriku-brake');
    expect(brake.effectiveScore).toBe(10);
    expect(brake.exposurePath.at(-1)).toBe('seto-alloy');
  });

  it('analyze on the sample treats a 70/30 "dual source" as a single source', () => {
    const ss = singleSource('auto-oem', 'brake-systems');
    expect(ss.map((s) => s.supplier)).toEqual(['hokuriku-brake']);
    expect(ss[0]?.share).toBeCloseTo(0.7, 9);
    expect(hhi('auto-oem', 'brake-systems')).toBeCloseTo(5_800, 3);
    expect(company('auto-oem').criticalSuppliers).toContain('hokuriku-brake');
    expect(company('auto-oem').criticalSuppliers).not.toContain('neckartal-brakes');
  });

  it('analyze on the sample ranks the unassessed spring maker ota-springs as the top weak link', () => {
    const ota = company('ota-springs');
    expect(ota.unassessed).toBe(true);
    expect(ota.ownScore).toBe(0);
    expect(sorted(ota.blastRadius)).toEqual(['auto-oem', 'yamabuki-seating']);
    // p(0) = 1.5 % a year × the expected loss of one hit, in which the automaker stops on day 3.
    expect(ota.hitLikelihood).toBeCloseTo(0.015, 15);
    expect(ota.riskContribution / (0.015 * ota.expectedEventLoss)).toBeCloseTo(1, 12);
    expect(ota.stopDays[ota.blastRadius.indexOf('auto-oem')]).toBe(3);
    expect(result.weakLinks[0]?.id).toBe('ota-springs');
    expect(result.weakLinks.slice(0, 10).map((w) => w.id)).toContain('ota-springs');
  });

  it('analyze on the sample gives the automaker an effective score of 0 and traces it to ota-springs', () => {
    const oem = company('auto-oem');
    expect(oem.ownScore).toBe(88);
    expect(oem.effectiveScore).toBe(0);
    expect(oem.exposurePath.slice(-2)).toEqual(['yamabuki-seating', 'ota-springs']);
  });

  it('analyze on the sample traces the retailer’s effective score to a tier-4 fibre supplier', () => {
    const retail = company('retail-hq');
    expect(retail.ownScore).toBe(64);
    expect(retail.effectiveScore).toBe(6);
    expect(retail.exposurePath.at(-1)).toBe('ohio-fiber');
    expect(company('ohio-fiber').tier).toBe(4);
  });

  it('analyze on the sample lists the story’s level gaps', () => {
    const gap = (id: string) => result.levelGaps.find((g) => g.id === id);
    expect(gap('kanazawa-trim')).toMatchObject({ ownLevel: 1, requiredLevel: 4 });
    expect(gap('kanazawa-mold')).toMatchObject({ ownLevel: 0, requiredLevel: 4 });
    expect(gap('ota-springs')).toMatchObject({ ownLevel: 0, requiredLevel: 4 });
    expect(gap('seto-alloy')).toMatchObject({ ownLevel: 0, requiredLevel: 4 });
    expect(gap('nimbus-erp')).toMatchObject({ ownLevel: 2, requiredLevel: 4 });
    expect(gap('shinsei-logistics')).toMatchObject({ ownLevel: 3, requiredLevel: 4 });
    // The fab is already at ★4: no gap.
    expect(gap('chipfab-tsukuba')).toBeUndefined();
    expect(company('chipfab-tsukuba').requiredLevel).toBe(4);
    // A company that supplies nobody has no required level.
    expect(company('retail-hq').requiredLevel).toBeNull();
  });
});
