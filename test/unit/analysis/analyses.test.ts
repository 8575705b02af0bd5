/**
 * One block per analysis of the README on small networks built inline, the invalid
 * input first in each block.
 */
import { describe, expect, it } from 'vitest';
import { analyze, runAnalysis } from '../../../src/analysis/analyze.ts';
import { companyReport } from '../../../src/analysis/company-report.ts';
import { levelGapReports } from '../../../src/analysis/level-gap-report.ts';
import { weakLinkReports } from '../../../src/analysis/weak-link-report.ts';
import { blastRadius, members, singleFailures } from '../../../src/analysis/blast-radius.ts';
import { createCascade, disruptedSet } from '../../../src/analysis/cascade.ts';
import { criticalSupplierCountries, groupHhi, hhiOf, tierConcentration } from '../../../src/analysis/concentration.ts';
import { effectiveScores } from '../../../src/analysis/effective-score.ts';
import { pathToFocal } from '../../../src/analysis/exposure-path.ts';
import { resolveOptions } from '../../../src/analysis/options.ts';
import { levelOfScore, ownScores } from '../../../src/analysis/own-score.ts';
import { hitLikelihood, rankWeakLinks } from '../../../src/analysis/risk.ts';
import { singleSourceEdges } from '../../../src/analysis/single-sources.ts';
import { tiers } from '../../../src/analysis/tiers.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

// oem ← tier1 (sole, castings) ← fab (sole, chips); oem ← a, b (dual, trim 0.6/0.4) ← x (sole to both)
const chain = net(
  [
    { id: 'oem', focal: true, securityScore: 90, revenue: 1000, country: 'JP' },
    { id: 'tier1', securityScore: 70, revenue: 100, country: 'JP' },
    { id: 'fab', securityScore: 30, revenue: 50, country: 'TW' },
    { id: 'a', scsLevel: 3, revenue: 20, country: 'JP' },
    { id: 'b', scsLevel: 4, revenue: 20, country: 'CN' },
    { id: 'x', revenue: 5, country: 'CN' },
  ],
  [
    ['tier1', 'oem', 'castings', null, { spend: 10, bufferDays: 2 }],
    ['fab', 'tier1', 'chips', null, { spend: 7, access: 'network', bufferDays: 30 }],
    ['a', 'oem', 'trim', 0.6, { spend: 6 }],
    ['b', 'oem', 'trim', 0.4, { spend: 4, access: 'data' }],
    ['x', 'a', 'resin', null, { spend: 1 }],
    ['x', 'b', 'resin', null, { spend: 1 }],
  ],
);
const idx = indexNetwork(chain);
const id = (name: string): number => idx.indexOf.get(name)!;
const names = (list: ArrayLike<number>): string[] => Array.from(list, (i) => idx.ids[i]!).sort();

describe('resolveOptions', () => {
  it('resolveOptions rejects a theta outside (0, 1]', () => {
    expect(() => resolveOptions({ theta: 0 })).toThrow(/theta must be a number in \(0, 1\]/);
    expect(() => resolveOptions({ theta: 1.5 })).toThrow(/theta/);
    expect(() => resolveOptions({ levelScores: [1, 2] })).toThrow(/levelScores/);
  });
  it('resolveOptions fills the documented defaults', () => {
    expect(resolveOptions()).toMatchObject({
      theta: 0.5,
      levelScores: [10, 25, 40, 60, 80, 95],
      hitBase: 0.015,
      hitDecay: 0.975,
      lossRatio: 1,
      bufferTolerance: 7,
    });
    expect(resolveOptions().durations.map((d) => [d.days, d.probability])).toEqual([
      [1, 0.2],
      [5, 0.25],
      [14, 0.25],
      [30, 0.15],
      [60, 0.1],
      [120, 0.05],
    ]);
  });
  it('resolveOptions rejects a durations table that does not sum to 1, or a day count that is negative or not whole, naming the entry', () => {
    expect(() => resolveOptions({ durations: [{ days: 1, probability: 0.5 }] })).toThrow(/sum to 1/);
    expect(() => resolveOptions({ durations: [{ days: -1, probability: 1 }] })).toThrow(/durations\[0\] days/);
    expect(() =>
      resolveOptions({
        durations: [
          { days: 1, probability: 0.5 },
          { days: 2.5, probability: 0.5 },
        ],
      }),
    ).toThrow(/durations\[1\] days must be a whole number/);
    expect(() => resolveOptions({ durations: [] })).toThrow(/at least one/);
    expect(() => resolveOptions({ lossRatio: 2 })).toThrow(/lossRatio/);
  });
});

describe('indexNetwork', () => {
  it('indexNetwork rejects a supply to an unknown company', () => {
    expect(() => indexNetwork(net([{ id: 'a' }], [['a', 'ghost', 'c']]))).toThrow(/unknown company "ghost"/);
  });
  it('indexNetwork normalises given shares and splits missing ones equally', () => {
    const i = indexNetwork(
      net(
        [{ id: 'v' }, { id: 'p' }, { id: 'q' }, { id: 'r' }],
        [
          ['p', 'v', 'c', 0.5],
          ['q', 'v', 'c', 1.5],
          ['p', 'v', 'd'],
          ['q', 'v', 'd'],
          ['r', 'v', 'd'],
        ],
      ),
    );
    const shares = Array.from({ length: i.m }, (_, e) => [
      i.commodities[i.groupCommodity[i.edgeGroup[e]!]!],
      i.ids[i.edgeSupplier[e]!],
      i.edgeShare[e],
    ]);
    expect(shares).toEqual([
      ['c', 'p', 0.25],
      ['c', 'q', 0.75],
      ['d', 'p', 1 / 3],
      ['d', 'q', 1 / 3],
      ['d', 'r', 1 / 3],
    ]);
  });
});

describe('disruption cascade', () => {
  it('createCascade.run rejects an index out of range', () => {
    expect(() => createCascade(idx).run([99])).toThrow(/out of range/);
  });
  it('disruptedSet follows sole sources and stops where a second source holds θ', () => {
    expect(names(disruptedSet(idx, [id('fab')]))).toEqual(['fab', 'oem', 'tier1']);
    expect(names(disruptedSet(idx, [id('a')]))).toEqual(['a', 'oem']); // 0.4 left < 0.5
    expect(names(disruptedSet(idx, [id('b')]))).toEqual(['b']); // 0.6 left ≥ 0.5
    expect(names(disruptedSet(idx, [id('x')]))).toEqual(['a', 'b', 'oem', 'x']);
    expect(names(disruptedSet(idx, []))).toEqual([]);
  });
  it('disruptedSet treats a share exactly at θ as enough (θ − 1e-9 tolerance)', () => {
    const n = indexNetwork(
      net(
        [{ id: 'v' }, { id: 'p' }, { id: 'q' }],
        [
          ['p', 'v', 'c', 0.5],
          ['q', 'v', 'c', 0.5],
        ],
      ),
    );
    expect(Array.from(disruptedSet(n, [n.indexOf.get('p')!]), (i) => n.ids[i])).toEqual(['p']);
    expect(Array.from(disruptedSet(n, [n.indexOf.get('p')!], { theta: 0.6 })).length).toBe(2);
  });
  it('disruptedSet reaches the fixed point around a cycle', () => {
    const n = indexNetwork(
      net(
        [{ id: 'a' }, { id: 'b' }, { id: 'h' }],
        [
          ['a', 'b', 'c'],
          ['b', 'a', 'c', 0.4],
          ['h', 'a', 'c', 0.6],
        ],
      ),
    );
    expect(Array.from(disruptedSet(n, [n.indexOf.get('h')!]), (i) => n.ids[i]).sort()).toEqual(['a', 'b', 'h']);
  });
});

describe('blast radius and critical suppliers', () => {
  it('blastRadius excludes the company itself', () => {
    expect(names(blastRadius(idx, id('x')))).toEqual(['a', 'b', 'oem']);
  });
  it('singleFailures finds the hidden single point of failure under a dual source', () => {
    const f = singleFailures(idx);
    expect(names(members(f.criticalSuppliers, id('oem')))).toEqual(['a', 'fab', 'tier1', 'x']);
    expect(names(members(f.criticalSuppliers, id('fab')))).toEqual([]);
  });
});

describe('single sources', () => {
  it('singleSourceEdges lists shares above 1 − θ', () => {
    const e = Array.from(
      singleSourceEdges(idx),
      (k) => `${idx.ids[idx.edgeBuyer[k]!]}<${idx.ids[idx.edgeSupplier[k]!]}`,
    ).sort();
    expect(e).toEqual(['a<x', 'b<x', 'oem<a', 'oem<tier1', 'tier1<fab']);
    expect(singleSourceEdges(idx, { theta: 0.3 }).length).toBe(4); // 0.6 is not above 0.7
  });
});

describe('own score and level', () => {
  it('ownScores prefers security_score, then the level table, else 0 and unassessed', () => {
    const o = ownScores(idx);
    expect(o.score[id('fab')]).toBe(30);
    expect(o.score[id('a')]).toBe(60);
    expect(o.score[id('x')]).toBe(0);
    expect(o.unassessed[id('x')]).toBe(1);
    expect(o.level[id('fab')]).toBe(1); // 30 reaches 25 (level 1), not 40
    expect(o.level[id('a')]).toBe(3);
    expect(o.level[id('x')]).toBe(0);
  });
  it('levelOfScore gives the highest level whose score is reached', () => {
    expect(levelOfScore(9, [10, 25, 40, 60, 80, 95])).toBe(0);
    expect(levelOfScore(25, [10, 25, 40, 60, 80, 95])).toBe(1);
    expect(levelOfScore(100, [10, 25, 40, 60, 80, 95])).toBe(5);
  });
});

describe('effective score', () => {
  it('effectiveScores rejects own scores of the wrong length', () => {
    expect(() => effectiveScores(idx, new Float64Array(2))).toThrow(/expected 6 own scores/);
  });
  it('effectiveScores propagates the weakest binding supplier downstream', () => {
    const eff = effectiveScores(idx, ownScores(idx).score).score;
    expect(eff[id('tier1')]).toBe(30);
    expect(eff[id('a')]).toBe(0);
    expect(eff[id('oem')]).toBe(0);
    expect(eff[id('b')]).toBe(0);
  });
});

describe('exposure path', () => {
  it('companyReport walks the binding constraint to the root cause', () => {
    const a = runAnalysis(idx);
    expect(companyReport(a, id('tier1')).exposurePath).toEqual(['tier1', 'fab']);
    // oem: castings binds at 30, trim at 0 → trim; a (eff 0) is the smaller id at the threshold.
    expect(companyReport(a, id('oem')).exposurePath).toEqual(['oem', 'a', 'x']);
    expect(companyReport(a, id('fab')).exposurePath).toEqual(['fab']);
  });
});

describe('tiers', () => {
  it('tiers counts supply edges down to a focal company, null where none is reached', () => {
    const n = indexNetwork(
      net(
        [{ id: 'f', focal: true }, { id: 's' }, { id: 'ss' }, { id: 'lone' }],
        [
          ['s', 'f', 'c'],
          ['ss', 's', 'c'],
          ['ss', 'f', 'd'],
        ],
      ),
    );
    expect(Array.from(tiers(n))).toEqual([0, 1, 1, -1]);
    expect(companyReport(runAnalysis(n), 3).tier).toBeNull();
  });
  it('tiers without a focal row starts from the companies that supply nobody', () => {
    const n = indexNetwork(net([{ id: 'top' }, { id: 's' }], [['s', 'top', 'c']]));
    expect(Array.from(tiers(n))).toEqual([0, 1]);
  });
});

describe('required level and level gaps', () => {
  it('companyReport gives null for a company that supplies nobody', () => {
    expect(companyReport(runAnalysis(idx), id('oem')).requiredLevel).toBeNull();
  });
  it('requiredLevels asks ★4 for data, halting or system access, else ★3', () => {
    const a = runAnalysis(idx);
    const req = (s: string): number => a.required.level[id(s)]!;
    expect(req('tier1')).toBe(4); // critical to oem, 2 buffer days < 7
    expect(req('fab')).toBe(4); // network access
    expect(req('b')).toBe(4); // data
    expect(req('a')).toBe(4); // critical to oem, no buffer
    expect(req('x')).toBe(4); // critical to a and b
    const relaxed = runAnalysis(idx, { bufferTolerance: 0 });
    expect(relaxed.required.level[id('tier1')]).toBe(3);
  });
  it('levelGapReports lists required above own with who asks and why', () => {
    const gaps = levelGapReports(runAnalysis(idx));
    const x = gaps.find((g) => g.id === 'x')!;
    expect(x).toMatchObject({ ownLevel: 0, requiredLevel: 4, unassessed: true });
    expect(x.askedBy).toEqual([
      { buyer: 'a', buyerName: 'a', commodity: 'resin', reasons: ['halt'] },
      { buyer: 'b', buyerName: 'b', commodity: 'resin', reasons: ['halt'] },
    ]);
    expect(gaps.some((g) => g.id === 'b')).toBe(false); // ★4 own, ★4 required
    expect(gaps[0]!.requiredLevel - gaps[0]!.ownLevel).toBeGreaterThanOrEqual(
      gaps.at(-1)!.requiredLevel - gaps.at(-1)!.ownLevel,
    );
  });
});

describe('hit likelihood, risk contribution, weak links', () => {
  it('weakLinkReports names the three focal companies that stop first and counts the rest', () => {
    // hub supplies five focal buyers; f3 holds 2 days of stock, the others none.
    const focal = ['f1', 'f2', 'f3', 'f4', 'f5'];
    const idx5 = indexNetwork(
      net(
        [{ id: 'hub' }, ...focal.map((id) => ({ id, focal: true, revenue: 100 }))],
        focal.map((id) => ['hub', id, 'parts', null, { bufferDays: id === 'f1' ? 2 : 0 }]),
      ),
    );
    const [hub] = weakLinkReports(runAnalysis(idx5), 1);
    expect(hub!.reason).toBe(
      'unassessed (scored 0); 5 companies stop if it is hit, including focal f2 on day 0, f3 on day 0, f4 on day 0 and 2 more focal companies',
    );
  });
  it('hitLikelihood rejects a base outside (0, 1]', () => {
    expect(() => hitLikelihood(10, { hitBase: 2 })).toThrow(/hitBase/);
    expect(() => hitLikelihood(10, { hitBase: 0 })).toThrow(/hitBase/);
    expect(() => hitLikelihood(10, { hitDecay: 1.5 })).toThrow(/hitDecay/);
  });
  it('hitLikelihood is min(1, 0.015 × 0.975^s) by default', () => {
    expect(hitLikelihood(0)).toBeCloseTo(0.015, 15);
    expect(hitLikelihood(60)).toBeCloseTo(0.015 * 0.975 ** 60, 15);
    expect(hitLikelihood(0, { hitBase: 1, hitDecay: 1 })).toBe(1);
  });
  it('runAnalysis stop days follow the buffers: fab → tier1 on day 30 (30 buffer days) → oem on day 32', () => {
    const a = runAnalysis(idx);
    const days = (x: string): Record<string, number> => {
      const r = companyReport(a, id(x));
      return Object.fromEntries(r.blastRadius.map((v, k) => [v, r.stopDays[k]!]));
    };
    expect(days('fab')).toEqual({ tier1: 30, oem: 32 });
    expect(days('x')).toEqual({ a: 0, b: 0, oem: 0 });
    expect(days('tier1')).toEqual({ oem: 2 });
  });
  it('runAnalysis risk is p(own) × EL, EL over the default durations (mean 21.45 days); ranking ties go by id', () => {
    const a = runAnalysis(idx);
    // w(f) = Σ P(d) max(0, d − f): w(0) = 21.45, w(30) = 0.1 × 30 + 0.05 × 90 = 7.5, w(32) = 0.1 × 28 + 0.05 × 88 = 7.2.
    expect(a.eventLoss.expected[id('x')]).toBeCloseTo(((5 + 20 + 20 + 1000) / 365) * 21.45, 9);
    expect(a.risk[id('x')]).toBeCloseTo(0.015 * ((5 + 20 + 20 + 1000) / 365) * 21.45, 9);
    const elFab = (50 * 21.45 + 100 * 7.5 + 1000 * 7.2) / 365;
    expect(a.eventLoss.expected[id('fab')]).toBeCloseTo(elFab, 9);
    expect(a.risk[id('fab')]).toBeCloseTo(0.015 * 0.975 ** 30 * elFab, 9);
    // L(fab, 14 days): only fab is down (14 days); L(fab, 60): fab 60, tier1 30, oem 28 days.
    const K = a.eventLoss.durations.length;
    expect(a.eventLoss.byDuration[id('fab') * K + 2]).toBeCloseTo((50 * 14) / 365, 9);
    expect(a.eventLoss.byDuration[id('fab') * K + 4]).toBeCloseTo((50 * 60 + 100 * 30 + 1000 * 28) / 365, 9);
    expect(idx.ids[rankWeakLinks(idx, a.risk, 1)[0]!]).toBe('x');
    const tie = indexNetwork(net([{ id: 'b' }, { id: 'a' }], []));
    expect(rankWeakLinks(tie, new Float64Array([1, 1])).map((i) => tie.ids[i])).toEqual(['a', 'b']);
  });
  it('runAnalysis risk contributions add up to the expected annual loss; lossRatio scales every loss', () => {
    const a = runAnalysis(idx);
    expect(a.expectedAnnualLoss).toBeCloseTo(
      a.risk.reduce((s, r) => s + r, 0),
      9,
    );
    const margin = runAnalysis(idx, { lossRatio: 0.25 });
    expect(margin.expectedAnnualLoss).toBeCloseTo(a.expectedAnnualLoss * 0.25, 9);
  });
});

describe('concentration', () => {
  it('hhiOf is 0 for nothing', () => {
    expect(hhiOf([])).toBe(0);
    expect(hhiOf([0, 0])).toBe(0);
  });
  it('groupHhi sums (100 × share)²', () => {
    const g =
      idx.edgeGroup[Array.from({ length: idx.m }, (_, e) => e).find((e) => idx.ids[idx.edgeSupplier[e]!] === 'a')!]!;
    expect(groupHhi(idx, g)).toBeCloseTo(60 ** 2 + 40 ** 2, 9);
  });
  it('tierConcentration splits each tier by country, by count and by spend', () => {
    const t = tierConcentration(idx, tiers(idx));
    expect(t[0]).toMatchObject({ tier: 1, companies: 3 });
    expect(t[0]!.byCount).toEqual([
      { country: 'JP', amount: 2, share: 2 / 3 },
      { country: 'CN', amount: 1, share: 1 / 3 },
    ]);
    expect(t[0]!.bySpend.map((c) => [c.country, c.amount])).toEqual([
      ['JP', 16],
      ['CN', 4],
    ]);
    expect(t[0]!.spendHhi).toBeCloseTo(80 ** 2 + 20 ** 2, 9);
  });
  it('criticalSupplierCountries counts the focal company’s critical suppliers by country', () => {
    const c = criticalSupplierCountries(idx, tiers(idx), singleFailures(idx).criticalSuppliers);
    expect(c).toEqual([
      {
        focal: 'oem',
        countries: [
          { country: 'JP', amount: 2, share: 0.5 },
          { country: 'CN', amount: 1, share: 0.25 },
          { country: 'TW', amount: 1, share: 0.25 },
        ],
      },
    ]);
  });
});

describe('analyze', () => {
  it('analyze returns the documented JSON fields', () => {
    const r = analyze(idx);
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        'theta',
        'companies',
        'singleSources',
        'weakLinks',
        'levelGaps',
        'concentration',
        'warnings',
        'hiddenCriticalSuppliers',
      ]),
    );
    expect(Object.keys(r.companies[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'tier',
        'ownScore',
        'ownLevel',
        'requiredLevel',
        'effectiveScore',
        'unassessed',
        'exposurePath',
        'blastRadius',
        'criticalSuppliers',
        'riskContribution',
      ]),
    );
    expect(r.hiddenCriticalSuppliers.find((h) => h.supplier === 'x')!.focalDependants).toEqual(['oem']);
    expect(r.hiddenCriticalSuppliers.find((h) => h.supplier === 'fab')!.focalDependants).toEqual(['oem']);
  });
});

describe('pathToFocal', () => {
  it('pathToFocal is just the company when its blast radius is empty', () => {
    const a = runAnalysis(idx);
    expect(pathToFocal(idx, members(a.failures.blastRadius, id('b')), a.tier, id('b'))).toEqual([id('b')]);
  });
  it('pathToFocal runs from the focal company back up to the weak link inside its blast radius', () => {
    const a = runAnalysis(idx);
    const names = (p: number[]): string[] => p.map((i) => idx.ids[i]!);
    expect(names(pathToFocal(idx, members(a.failures.blastRadius, id('x')), a.tier, id('x')))).toEqual([
      'oem',
      'a',
      'x',
    ]);
    expect(names(pathToFocal(idx, members(a.failures.blastRadius, id('fab')), a.tier, id('fab')))).toEqual([
      'oem',
      'tier1',
      'fab',
    ]);
  });
});
