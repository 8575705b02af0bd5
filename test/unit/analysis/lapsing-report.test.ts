/**
 * lapsingReports: the assessments valid on the as-of date that lapse within lapsingDays,
 * ranked by the rise of the expected annual loss — which equals the rise of the AAL of a
 * re-run as of the day after — with the focal companies their hit stops and the day. New
 * with issue 15: the old code had no lapsing list.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { addDays, lapsingReports } from '../../../src/analysis/lapsing-report.ts';
import { resolveOptions } from '../../../src/analysis/options.ts';
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

// oem ← ota (sole, springs, 2 buffer days); oem ← kiri (sole, bolts).
const network: Network = {
  ...net(
    [
      { id: 'oem', name: 'Kirishima Motor', focal: true, scsLevel: 5, revenue: 365e9 },
      { id: 'ota', name: 'Ota Precision Springs', scsLevel: 3, revenue: 1e9 },
      { id: 'kiri', scsLevel: 4, revenue: 1e9 },
    ],
    [
      ['ota', 'oem', 'springs', null, { bufferDays: 2 }],
      ['kiri', 'oem', 'bolts', null],
    ],
  ),
  assessments: [
    row('ota', 3, '2026-05-01', '2027-04-30'),
    row('ota', 1, '2025-01-10'), // until 2027-01-10, but ★3 still holds
    row('kiri', 4, '2024-01-15'), // until 2027-01-15, nothing after
  ],
};
const index = indexNetwork(network);
const aalAsOf = (asOf: string): number => runAnalysis(index, { asOf }).expectedAnnualLoss;

describe('lapsingReports', () => {
  it('resolveOptions rejects a lapsingDays that is not a whole number of days', () => {
    expect(() => resolveOptions({ lapsingDays: -1 })).toThrow(/lapsingDays must be a whole number/);
    expect(() => resolveOptions({ lapsingDays: 1.5 })).toThrow(/lapsingDays/);
  });

  it('lapsingReports(a, days) refuses a window that is not a whole number of days, and takes another window', () => {
    const a = runAnalysis(index, { asOf: '2026-12-05' });
    expect(() => lapsingReports(a, -1)).toThrow(/lapsingReports: days must be a whole number/);
    expect(() => lapsingReports(a, 2.5)).toThrow(/days/);
    expect(lapsingReports(a, 30).map((r) => r.id)).toEqual([]);
    expect(lapsingReports(a, 41).map((r) => r.id)).toEqual(['kiri', 'ota']);
    expect(lapsingReports(a, 365).map((r) => [r.id, r.validUntil])).toEqual([
      ['kiri', '2027-01-15'],
      ['ota', '2027-04-30'],
      ['ota', '2027-01-10'],
    ]);
    expect(lapsingReports(a, a.options.lapsingDays)).toEqual(lapsingReports(a));
  });

  it('lapsingReports ranks the lapses in the window by the exact rise of the expected annual loss', () => {
    const a = runAnalysis(index, { asOf: '2026-12-05' });
    const rows = lapsingReports(a);
    expect(rows.map((r) => [r.rank, r.id, r.level, r.validUntil, r.levelAfter, r.unassessedAfter])).toEqual([
      [1, 'kiri', 4, '2027-01-15', 0, true],
      [2, 'ota', 1, '2027-01-10', 3, false],
    ]);
    expect(rows[0]!.aalIncrease).toBeGreaterThan(0);
    // The day after both have lapsed, the AAL has risen by exactly the two increases.
    expect(rows[0]!.aalIncrease + rows[1]!.aalIncrease).toBeCloseTo(aalAsOf('2027-01-16') - a.expectedAnnualLoss, 3);
    expect(rows[1]!.aalIncrease).toBe(0);
    expect(aalAsOf('2027-01-11')).toBeCloseTo(a.expectedAnnualLoss, 3);
    expect(rows[0]!.focalStops).toEqual([{ id: 'oem', day: 0 }]);
  });

  it('lapsingReports takes the window from lapsingDays and the level lost from the other rows', () => {
    const a = runAnalysis(index, { asOf: '2027-02-01', lapsingDays: 120 });
    const rows = lapsingReports(a);
    expect(rows.map((r) => [r.id, r.level, r.unassessedAfter])).toEqual([['ota', 3, true]]);
    expect(rows[0]!.aalIncrease).toBeGreaterThan(0);
    expect(rows[0]!.focalStops).toEqual([{ id: 'oem', day: 2 }]);
    expect(lapsingReports(runAnalysis(index, { asOf: '2027-02-01', lapsingDays: 30 }))).toEqual([]);
  });

  it('addDays counts calendar days across months and leap days', () => {
    expect(addDays('2026-12-05', 90)).toBe('2027-03-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
