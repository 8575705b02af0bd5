/**
 * The tier × country and tier × industry groups: counts, sums that add up to the totals,
 * the no-tier group, and the supplies between groups with their single sources.
 */
import { describe, expect, it } from 'vitest';
import { aggregateGroups } from '../../../src/analysis/aggregate-groups.ts';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

/**
 * oem (focal, JP) ← castco (JP, sole) ← foundry (JP, unassessed, sole), logi (JP, sole);
 * oem ← seatA (CN) 0.6 / seatB (KR) 0.4; seatA ← logi (sole); seatB ← foam (CN, sole);
 * orphan (no country, unassessed) supplies nobody and buys nothing: no tier.
 */
const network = net(
  [
    { id: 'oem', focal: true, securityScore: 90, revenue: 1000, country: 'JP', industry: 'auto' },
    { id: 'castco', securityScore: 62, revenue: 100, country: 'JP', industry: 'metal' },
    { id: 'seatA', scsLevel: 3, revenue: 50, country: 'CN', industry: 'seats' },
    { id: 'seatB', scsLevel: 4, revenue: 50, country: 'KR', industry: 'seats' },
    { id: 'foundry', revenue: 10, country: 'JP', industry: 'metal' },
    { id: 'logi', securityScore: 25, revenue: 20, country: 'JP' },
    { id: 'foam', securityScore: 40, revenue: 5, country: 'CN', industry: 'seats' },
    { id: 'orphan', revenue: 7 },
  ],
  [
    ['castco', 'oem', 'castings'],
    ['seatA', 'oem', 'seats', 0.6],
    ['seatB', 'oem', 'seats', 0.4, { access: 'data' }],
    ['foundry', 'castco', 'metal'],
    ['logi', 'castco', 'logistics', null, { access: 'network' }],
    ['logi', 'seatA', 'logistics', null, { access: 'network' }],
    ['foam', 'seatB', 'foam'],
  ],
);

describe('aggregateGroups', () => {
  it('refuses a grouping it does not know', () => {
    const a = runAnalysis(indexNetwork(network));
    expect(() => aggregateGroups(a, 'size' as 'country')).toThrow(
      /aggregateGroups: by must be "country" or "industry"/,
    );
  });

  it('groups by (tier, country), no tier last, each company in one group', () => {
    const index = indexNetwork(network);
    const a = runAnalysis(index);
    const t = aggregateGroups(a, 'country');
    expect(t.groups.map((g) => `${g.tier ?? 'none'}:${g.key}:${g.companies}`)).toEqual([
      '0:JP:1',
      '1:CN:1',
      '1:JP:1',
      '1:KR:1',
      '2:CN:1',
      '2:JP:2',
      'none:unknown:1',
    ]);
    const at = (id: string) => t.groups[t.groupOf[index.indexOf.get(id)!]!]!;
    expect(at('foundry')).toBe(at('logi'));
    expect(at('orphan')).toMatchObject({ tier: null, key: 'unknown', unassessed: 1 });
    expect(at('foundry')).toMatchObject({ unassessed: 1 });
    // Each group's sums are the sums over its companies.
    const risk = (...ids: string[]) => ids.reduce((s, id) => s + a.risk[index.indexOf.get(id)!]!, 0);
    expect(at('logi').risk).toBeCloseTo(risk('foundry', 'logi'), 6);
    const el = (...ids: string[]) => ids.reduce((s, id) => s + a.eventLoss.expected[index.indexOf.get(id)!]!, 0);
    expect(at('logi').expectedEventLoss).toBeCloseTo(el('foundry', 'logi'), 6);
  });

  it('sums the risk contributions and counts to the network totals', () => {
    const a = runAnalysis(indexNetwork(network));
    for (const by of ['country', 'industry'] as const) {
      const t = aggregateGroups(a, by);
      expect(t.groups.reduce((s, g) => s + g.companies, 0)).toBe(8);
      expect(t.groups.reduce((s, g) => s + g.risk, 0)).toBeCloseTo(a.expectedAnnualLoss, 6);
      expect(t.groups.reduce((s, g) => s + g.unassessed, 0)).toBe(2);
      expect(t.links.reduce((s, l) => s + l.supplies, 0)).toBe(7);
    }
  });

  it('counts the companies below their required level', () => {
    const index = indexNetwork(network);
    const a = runAnalysis(index);
    const t = aggregateGroups(a, 'country');
    const below = Object.fromEntries(t.groups.map((g) => [`${g.tier ?? 'none'}:${g.key}`, g.belowRequired]));
    // castco (★3, asked ★4 as oem's critical supplier without buffer), seatA (★3, critical to oem),
    // foundry (unassessed), logi (★1, network access), foam (★2, critical to seatB); seatB is ★4 as asked.
    expect(below).toEqual({ '0:JP': 0, '1:CN': 1, '1:JP': 1, '1:KR': 0, '2:CN': 1, '2:JP': 2, 'none:unknown': 0 });
  });

  it('groups by (tier, industry), a missing industry as unknown', () => {
    const a = runAnalysis(indexNetwork(network));
    const t = aggregateGroups(a, 'industry');
    expect(t.groups.map((g) => `${g.tier ?? 'none'}:${g.key}:${g.companies}`)).toEqual([
      '0:auto:1',
      '1:metal:1',
      '1:seats:2',
      '2:metal:1',
      '2:seats:1',
      '2:unknown:1',
      'none:unknown:1',
    ]);
  });

  it('counts the supplies between groups and their single sources, most supplies first', () => {
    const a = runAnalysis(indexNetwork(network));
    const t = aggregateGroups(a, 'country');
    const name = (g: number) => `${t.groups[g]!.tier}:${t.groups[g]!.key}`;
    const links = t.links.map((l) => `${name(l.from)}>${name(l.to)} ${l.supplies}/${l.singleSources}`);
    // foundry and logi both supply castco (2, both sole); seatB's 0.4 is not a single source.
    expect(links).toEqual([
      '2:JP>1:JP 2/2',
      '1:CN>0:JP 1/1',
      '1:JP>0:JP 1/1',
      '1:KR>0:JP 1/0',
      '2:CN>1:KR 1/1',
      '2:JP>1:CN 1/1',
    ]);
  });

  it('puts a supply within one group in a link to itself', () => {
    const a = runAnalysis(
      indexNetwork(
        net(
          [
            { id: 'f', focal: true, country: 'JP' },
            { id: 'x', country: 'JP' },
            { id: 'y', country: 'JP' },
          ],
          [
            ['x', 'f', 'p'],
            ['y', 'f', 'q'],
            ['y', 'x', 'r'],
          ],
        ),
      ),
    );
    const t = aggregateGroups(a, 'country');
    expect(t.groups.map((g) => `${g.tier}:${g.key}:${g.companies}`)).toEqual(['0:JP:1', '1:JP:2']);
    expect(t.links).toEqual([
      { from: 1, to: 0, supplies: 2, singleSources: 2 },
      { from: 1, to: 1, supplies: 1, singleSources: 1 },
    ]);
  });
});
