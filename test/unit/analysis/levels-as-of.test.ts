/**
 * levelsAsOf and the analysis as of a date (DESIGN, "assessments.csv"): the highest
 * level valid on the date, companies.csv's scs_level without any row, nothing once every
 * row has lapsed; the default valid_until from `validity`; the own scores and the
 * expected annual loss follow the as-of date. The old code had no assessments, so each
 * test failed on it.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { addYears, levelsAsOf, todayUtc, validUntil } from '../../../src/analysis/levels-as-of.ts';
import { DEFAULTS, resolveOptions } from '../../../src/analysis/options.ts';
import { ownScores } from '../../../src/analysis/own-score.ts';
import { raiseLevel } from '../../../src/analysis/what-if.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Assessment, Network } from '../../../src/model/types.ts';
import { net } from '../../helpers/network.ts';

const row = (company: string, level: number, assessedOn: string, until: string | null = null): Assessment => ({
  company,
  level,
  method: level >= 4 ? 'third-party' : level === 3 ? 'expert' : 'self',
  assessedOn,
  validUntil: until,
  evidence: null,
});

// oem ← ota (sole, springs); oem ← kiri (sole, bolts); plain has no assessment row.
const base = net(
  [
    { id: 'oem', focal: true, scsLevel: 5, revenue: 365_000 },
    { id: 'ota', scsLevel: 3, revenue: 100 },
    { id: 'kiri', scsLevel: 4, revenue: 100 },
    { id: 'plain', scsLevel: 2, revenue: 100 },
  ],
  [
    ['ota', 'oem', 'springs', null],
    ['kiri', 'oem', 'bolts', null],
    ['plain', 'oem', 'paint', null],
  ],
);
const network: Network = {
  ...base,
  assessments: [
    row('ota', 3, '2026-05-01', '2027-04-30'),
    row('ota', 1, '2025-01-10'), // ★1 default validity 2 years: until 2027-01-10
    row('kiri', 4, '2024-01-15'), // ★4 default 3 years: until 2027-01-15
  ],
};
const index = indexNetwork(network);
const at = (levels: Int8Array, id: string): number => levels[index.indexOf.get(id)!]!;

describe('levelsAsOf', () => {
  it('resolveOptions rejects an asOf that is not an ISO date and a bad validity', () => {
    expect(() => resolveOptions({ asOf: '2027-02-29' })).toThrow(/asOf must be an ISO date/);
    expect(() => resolveOptions({ asOf: '5/1/2027' })).toThrow(/asOf/);
    expect(() => resolveOptions({ validity: [0, 2, 2, 1] })).toThrow(/validity must hold 6/);
  });

  it('levelsAsOf gives the highest valid level, the table level without rows, none once all lapsed', () => {
    const early = levelsAsOf(index, '2026-12-05', DEFAULTS.validity);
    expect([at(early, 'oem'), at(early, 'ota'), at(early, 'kiri'), at(early, 'plain')]).toEqual([5, 3, 4, 2]);
    const feb = levelsAsOf(index, '2027-02-01', DEFAULTS.validity);
    expect([at(feb, 'ota'), at(feb, 'kiri')]).toEqual([3, -1]);
    const may = levelsAsOf(index, '2027-05-01', DEFAULTS.validity);
    expect([at(may, 'ota'), at(may, 'kiri'), at(may, 'plain')]).toEqual([-1, -1, 2]);
  });

  it('levelsAsOf counts valid_until inclusive and an assessment from its assessed_on only', () => {
    expect(at(levelsAsOf(index, '2027-01-15', DEFAULTS.validity), 'kiri')).toBe(4);
    expect(at(levelsAsOf(index, '2027-01-16', DEFAULTS.validity), 'kiri')).toBe(-1);
    expect(at(levelsAsOf(index, '2026-04-30', DEFAULTS.validity), 'ota')).toBe(1);
  });

  it('levelsAsOf takes the default valid_until from the configured validity', () => {
    const longer = [0, 2, 2, 1, 5, 5];
    expect(at(levelsAsOf(index, '2028-06-01', longer), 'kiri')).toBe(4);
    expect(validUntil(row('x', 3, '2028-02-29'), DEFAULTS.validity)).toBe('2029-02-28');
    expect(addYears('2026-12-05', 2)).toBe('2028-12-05');
  });

  it('levelsAsOf leaves out the skipped assessment as if it had lapsed', () => {
    expect(at(levelsAsOf(index, '2026-12-05', DEFAULTS.validity, 0), 'ota')).toBe(1);
    expect(at(levelsAsOf(index, '2026-12-05', DEFAULTS.validity, 2), 'kiri')).toBe(-1);
  });

  it('todayUtc gives the UTC date, the default as-of date', () => {
    expect(todayUtc(new Date('2026-12-05T23:30:00-05:00'))).toBe('2026-12-06');
    expect(resolveOptions().asOf).toBe(todayUtc());
  });
});

describe('runAnalysis as of a date', () => {
  it('ownScores uses the as-of level: a lapsed company is unassessed', () => {
    const now = ownScores(index, { asOf: '2026-12-05' });
    const later = ownScores(index, { asOf: '2027-05-01' });
    const ota = index.indexOf.get('ota')!;
    expect([now.score[ota], now.level[ota], now.unassessed[ota]]).toEqual([DEFAULTS.levelScores[3], 3, 0]);
    expect([later.score[ota], later.level[ota], later.unassessed[ota]]).toEqual([0, 0, 1]);
  });

  it('runAnalysis raises the expected annual loss once assessments lapse', () => {
    const now = runAnalysis(index, { asOf: '2026-12-05' });
    const later = runAnalysis(index, { asOf: '2027-05-01' });
    expect(now.options.asOf).toBe('2026-12-05');
    expect(later.expectedAnnualLoss).toBeGreaterThan(now.expectedAnnualLoss);
    // Without assessments the network's own levels hold whatever the date.
    const plain = indexNetwork(base);
    expect(runAnalysis(plain, { asOf: '2030-01-01' }).expectedAnnualLoss).toBe(
      runAnalysis(plain, { asOf: '2026-12-05' }).expectedAnnualLoss,
    );
    expect(runAnalysis(plain, { asOf: '2026-12-05' }).expectedAnnualLoss).toBeCloseTo(now.expectedAnnualLoss, 6);
  });

  it('raiseLevel drops the company’s assessments so the raised level holds as of any date', () => {
    const raised = indexNetwork(raiseLevel(network, 'kiri', 5));
    expect(raised.network.assessments).toHaveLength(2);
    expect(at(levelsAsOf(raised, '2030-01-01', DEFAULTS.validity), 'kiri')).toBe(5);
  });
});
