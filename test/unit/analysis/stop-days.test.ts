/**
 * Stop days: the Dijkstra-like timed cascade (stop-days.ts, through singleFailures) and
 * the day-by-day scenario (scenario.ts) are two implementations of one rule; on random
 * networks with cycles and buffers (whole and fractional) they must give every company
 * the same first stop day for a 120-day hit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { singleFailures } from '../../../src/analysis/blast-radius.ts';
import { breachOutcome } from '../../../src/analysis/breach.ts';
import { eventLosses, supplyChain } from '../../../src/analysis/event-loss.ts';
import { simulateScenario } from '../../../src/analysis/scenario.ts';
import { createTimedCascade } from '../../../src/analysis/stop-days.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { arbitraryNetwork, net } from '../../helpers/network.ts';

describe('stop days', () => {
  it('createTimedCascade.run and runWithin reject an index out of range', () => {
    const idx = indexNetwork(net([{ id: 'a' }], []));
    expect(() => createTimedCascade(idx).run([3])).toThrow(/out of range/);
    expect(() => createTimedCascade(idx).runWithin(-1, new Uint8Array(1))).toThrow(/out of range/);
  });

  it('singleFailures stop days wait for a buffer rounded up to whole days, and for the last of two sources', () => {
    // s1 and s2 each half of oem's chips (θ 0.5: losing one leaves 0.5, enough); s1 buffered 2.5 days, s2 4.
    const idx = indexNetwork(
      net(
        [{ id: 'src' }, { id: 's1' }, { id: 's2' }, { id: 'oem' }],
        [
          ['src', 's1', 'wafers', null, { bufferDays: 0 }],
          ['src', 's2', 'wafers', null, { bufferDays: 1 }],
          ['s1', 'oem', 'chips', 0.5, { bufferDays: 2.5 }],
          ['s2', 'oem', 'chips', 0.5, { bufferDays: 4 }],
        ],
      ),
    );
    const f = singleFailures(idx);
    const x = idx.indexOf.get('src')!;
    const days = Object.fromEntries(
      Array.from(f.blastRadius.list.subarray(f.blastRadius.start[x]!, f.blastRadius.start[x + 1]!), (v, k) => [
        idx.ids[v]!,
        f.stopDays[f.blastRadius.start[x]! + k]!,
      ]),
    );
    // s1 stops on day 0, s2 on day 1; oem loses s1 on day 3 (0 + ⌈2.5⌉), s2 on day 5 (1 + 4): below θ from day 5.
    expect(days).toEqual({ s1: 0, s2: 1, oem: 5 });
  });

  it.each([true, false])(
    'singleFailures stop days equal the first stop days of simulateScenario for a 120-day hit (cycles: %s)',
    (cyclic) => {
      fc.assert(
        fc.property(
          arbitraryNetwork({ maxCompanies: 9, cyclic, buffers: [null, 0, 1, 2.5, 3, 10, 40] }),
          fc.constantFrom(0.3, 0.5, 0.7, 1),
          (network, theta) => {
            const idx = indexNetwork(network);
            const f = singleFailures(idx, { theta });
            for (let x = 0; x < idx.n; x++) {
              const scenario = simulateScenario(idx, { hit: [x], days: 120, horizon: 121 }, { theta });
              const want = Object.fromEntries(
                scenario.companies.filter((c) => c.stoppedOn < 120).map((c) => [c.id, c.stoppedOn]),
              );
              const got: Record<string, number> = { [idx.ids[x]!]: 0 };
              for (let k = f.blastRadius.start[x]!; k < f.blastRadius.start[x + 1]!; k++)
                if (f.stopDays[k]! < 120) got[idx.ids[f.blastRadius.list[k]!]!] = f.stopDays[k]!;
              expect(got, `hit of ${idx.ids[x]}`).toEqual(want);
            }
          },
        ),
        { numRuns: 400 },
      );
    },
  );
});

describe('breachOutcome', () => {
  const idx = indexNetwork(
    net(
      [
        { id: 'oem', revenue: 3650 },
        { id: 'tier1', revenue: 365 },
        { id: 'fab', revenue: 73 },
      ],
      [
        ['fab', 'tier1', 'chips', null, { bufferDays: 3 }],
        ['tier1', 'oem', 'seats', null, { bufferDays: 0 }],
      ],
    ),
  );
  it('breachOutcome rejects an index out of range', () => {
    expect(() => breachOutcome(idx, [7])).toThrow(/out of range/);
  });
  it('breachOutcome gives each stopped company its stop day and revenue per day, and the loss over each outage', () => {
    const out = breachOutcome(idx, [idx.indexOf.get('fab')!]);
    expect(out.companies.map((c) => [idx.ids[c.company], c.stopDay, c.revenuePerDay])).toEqual([
      ['fab', 0, 0.2],
      ['oem', 3, 10],
      ['tier1', 3, 1],
    ]);
    expect(out.revenuePerDay).toBeCloseTo(11.2, 12);
    // A 5-day outage: fab down 5 days, tier1 and oem 2 days each.
    expect(out.lossByDuration.find((d) => d.days === 5)!.loss).toBeCloseTo(0.2 * 5 + 11 * 2, 9);
    expect(out.lossByDuration.find((d) => d.days === 1)!.loss).toBeCloseTo(0.2, 9);
    const expected = out.lossByDuration.reduce((s, d) => s + d.probability * d.loss, 0);
    expect(out.expectedLoss).toBeCloseTo(expected, 9);
  });
  it('breachOutcome of one company has the expected event loss of the analysis', () => {
    const a = runAnalysis(idx);
    for (let x = 0; x < idx.n; x++)
      expect(breachOutcome(idx, [x]).expectedLoss).toBeCloseTo(a.eventLoss.expected[x]!, 9);
  });
});

describe('eventLosses restricted to a supply chain', () => {
  // oem ← t1 ← fab; shop ← fab (fab supplies both chains); other stands alone.
  const idx = indexNetwork(
    net(
      [
        { id: 'oem', revenue: 3650, focal: true },
        { id: 't1', revenue: 365 },
        { id: 'fab', revenue: 73 },
        { id: 'shop', revenue: 730, focal: true },
        { id: 'other', revenue: 10 },
      ],
      [
        ['fab', 't1', 'chips'],
        ['t1', 'oem', 'seats'],
        ['fab', 'shop', 'chips'],
      ],
    ),
  );
  it('supplyChain rejects an index out of range', () => {
    expect(() => supplyChain(idx, -1)).toThrow(/out of range/);
  });
  it('supplyChain holds the company and everything upstream of it', () => {
    const chain = supplyChain(idx, idx.indexOf.get('oem')!);
    expect(idx.ids.filter((_, i) => chain[i] === 1).sort()).toEqual(['fab', 'oem', 't1']);
  });
  it('eventLosses with victims counts only their days down', () => {
    const a = runAnalysis(idx);
    const chain = supplyChain(idx, idx.indexOf.get('oem')!);
    const scoped = eventLosses(idx, a.failures, {}, chain);
    const fab = idx.indexOf.get('fab')!;
    // fab's hit stops t1, oem and shop on day 0; shop is outside the automaker's chain.
    expect(scoped.expected[fab]).toBeCloseTo(((73 + 365 + 3650) / 365) * 21.45, 9);
    expect(a.eventLoss.expected[fab]).toBeCloseTo(((73 + 365 + 3650 + 730) / 365) * 21.45, 9);
    expect(scoped.expected[idx.indexOf.get('shop')!]).toBe(0);
  });
});
