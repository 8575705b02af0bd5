/**
 * simulateScenario: hand-checked chains with buffers, cycles and the horizon, then
 * properties on random networks — against a plain day-by-day implementation of the rule
 * (slow and obviously right), and against the static cascade for long hits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../../src/analysis/scenario.ts';
import { UsageError } from '../../../src/errors.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Network } from '../../../src/model/types.ts';
import { arbitraryNetwork, net, referenceCascade } from '../../helpers/network.ts';

// a is hit; b buys from a with 2 days of buffer; c (focal) buys from b with none; d has a
// 7-day buffer on a; e buys 40% from a and 60% from f; g buys from a with 1.5 days.
const chain = net(
  [
    { id: 'a', revenue: 365 },
    { id: 'b', revenue: 730 },
    { id: 'c', revenue: 3650, focal: true },
    { id: 'd' },
    { id: 'e' },
    { id: 'f' },
    { id: 'g' },
  ],
  [
    ['a', 'b', 'parts', null, { bufferDays: 2 }],
    ['b', 'c', 'modules', null, { bufferDays: 0 }],
    ['a', 'd', 'parts', null, { bufferDays: 7 }],
    ['a', 'e', 'parts', 0.4],
    ['f', 'e', 'parts', 0.6],
    ['a', 'g', 'parts', null, { bufferDays: 1.5 }],
  ],
);
const idx = indexNetwork(chain);
const at = (id: string): number => idx.indexOf.get(id)!;

describe('simulateScenario input', () => {
  it('simulateScenario rejects days that are negative, fractional or too long', () => {
    expect(() => simulateScenario(idx, { hit: [at('a')], days: -1 })).toThrow(UsageError);
    expect(() => simulateScenario(idx, { hit: [at('a')], days: 2.5 })).toThrow(/days must be a whole number/);
    expect(() => simulateScenario(idx, { hit: [at('a')], days: 40_000 })).toThrow(/36500/);
    expect(() => simulateScenario(idx, { hit: [at('a')], days: 3, horizon: 0 })).toThrow(/horizon/);
  });
  it('simulateScenario rejects a company index out of range', () => {
    expect(() => simulateScenario(idx, { hit: [99], days: 3 })).toThrow(RangeError);
  });
});

describe('simulateScenario on a chain with buffers', () => {
  const r = simulateScenario(idx, { hit: [at('a')], days: 5 });

  it('simulateScenario stops b when its 2-day buffer runs out and c the same day', () => {
    expect(r.timeline).toEqual([
      { day: 0, stopped: ['a'], recovered: [], down: 1 },
      { day: 2, stopped: ['b', 'c', 'g'], recovered: [], down: 4 },
      { day: 5, stopped: [], recovered: ['a', 'b', 'c', 'g'], down: 0 },
    ]);
    expect(r.lastDay).toBe(5);
    expect(r.horizon).toBe(5 + 7 + 1);
    expect(r.down).toEqual([1, 1, 4, 4, 4, 0]);
  });
  it('simulateScenario never stops a buyer whose buffer outlasts the hit, nor one with a second source above θ', () => {
    const stopped = r.companies.map((c) => c.id);
    expect(stopped).not.toContain('d');
    expect(stopped).not.toContain('e');
  });
  it('simulateScenario rounds a fractional buffer up to the day it runs out', () => {
    expect(r.companies.find((c) => c.id === 'g')).toMatchObject({ stoppedOn: 2, recoveredOn: 5, daysDown: 3 });
  });
  it('simulateScenario puts revenue / 365 per stopped company per day at risk', () => {
    // a: 1/day for 5 days; b: 2/day, c: 10/day, g: 1/365 per day, for days 2..4.
    expect(r.revenueAtRisk[0]).toBeCloseTo(1, 12);
    expect(r.revenueAtRisk[2]).toBeCloseTo(1 + 2 + 10 + 1 / 365, 12);
    expect(r.totalRevenueAtRisk).toBeCloseTo(5 + 3 * (2 + 10 + 1 / 365), 9);
    expect(r.companies.find((c) => c.id === 'c')!.revenueAtRisk).toBeCloseTo(30, 12);
  });
  it('simulateScenario reports the focal company and the peak', () => {
    expect(r.focal).toEqual([{ id: 'c', name: 'c', stoppedOn: 2, recoveredOn: 5, daysDown: 3 }]);
    expect(r.peak).toEqual({ down: 4, day: 2 });
    expect(r.stillDown).toEqual([]);
  });
  it('simulateScenario with a hit shorter than the buffer stops nobody downstream', () => {
    const short = simulateScenario(idx, { hit: [at('a')], days: 2 });
    expect(short.companies.map((c) => c.id)).toEqual(['a']);
    expect(short.focal[0]!.stoppedOn).toBeNull();
  });
  it('simulateScenario with 0 days changes nothing', () => {
    const none = simulateScenario(idx, { hit: [at('a')], days: 0 });
    expect(none.timeline).toEqual([]);
    expect(none.totalRevenueAtRisk).toBe(0);
  });
  it('simulateScenario cut by the horizon reports who is still down', () => {
    const cut = simulateScenario(idx, { hit: [at('a')], days: 5, horizon: 3 });
    expect(cut.lastDay).toBe(2);
    expect(cut.stillDown).toEqual(['a', 'b', 'c', 'g']);
    expect(cut.focal[0]).toMatchObject({ stoppedOn: 2, recoveredOn: null, daysDown: 1 });
  });
});

describe('simulateScenario on a cycle', () => {
  it('simulateScenario brings a cycle back up the day its outside supplier recovers', () => {
    // z → x (buffer 1), x → y (buffer 0), y → x (another input, buffer 3).
    const cyc = indexNetwork(
      net(
        [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
        [
          ['z', 'x', 'ore', null, { bufferDays: 1 }],
          ['x', 'y', 'metal', null, { bufferDays: 0 }],
          ['y', 'x', 'tools', null, { bufferDays: 3 }],
        ],
      ),
    );
    const r = simulateScenario(cyc, { hit: [cyc.indexOf.get('z')!], days: 4 });
    expect(r.timeline).toEqual([
      { day: 0, stopped: ['z'], recovered: [], down: 1 },
      { day: 1, stopped: ['x', 'y'], recovered: [], down: 3 },
      { day: 4, stopped: [], recovered: ['x', 'y', 'z'], down: 0 },
    ]);
  });
});

/** The rule of scenario.ts by plain iteration over sets and maps. Returns the stopped ids per day. */
function referenceScenario(network: Network, hit: string[], days: number, lastDay: number, theta = 0.5): string[][] {
  const groups = new Map<string, { supplier: string; share: number; buffer: number }[]>();
  for (const s of network.supplies) {
    const key = `${s.buyer}\u0000${s.commodity}`;
    const list = groups.get(key) ?? [];
    list.push({ supplier: s.supplier, share: s.share ?? Number.NaN, buffer: s.bufferDays ?? 0 });
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const given = list.every((x) => !Number.isNaN(x.share));
    const sum = list.reduce((t, x) => t + x.share, 0);
    for (const x of list) x.share = given ? x.share / sum : 1 / list.length;
  }
  let since = new Map<string, number>();
  const out: string[][] = [];
  for (let t = 0; t <= lastDay; t++) {
    const now = new Map<string, number>();
    if (t < days) for (const h of hit) now.set(h, since.get(h) ?? t);
    for (let changed = true; changed;) {
      changed = false;
      for (const [key, list] of groups) {
        const buyer = key.split('\u0000')[0]!;
        if (now.has(buyer)) continue;
        const left = list
          .filter((x) => !(now.has(x.supplier) && t - now.get(x.supplier)! >= x.buffer))
          .reduce((s, x) => s + x.share, 0);
        if (left < theta - 1e-9) {
          now.set(buyer, since.get(buyer) ?? t);
          changed = true;
        }
      }
    }
    since = now;
    out.push([...now.keys()].sort());
  }
  return out;
}

/** Stopped ids per day from a result's timeline. */
function replay(
  ids: string[],
  timeline: { day: number; stopped: string[]; recovered: string[] }[],
  lastDay: number,
): string[][] {
  const down = new Set<string>();
  const out: string[][] = [];
  let k = 0;
  for (let t = 0; t <= lastDay; t++) {
    const event = timeline[k];
    if (event !== undefined && event.day === t) {
      for (const id of event.stopped) down.add(id);
      for (const id of event.recovered) down.delete(id);
      k++;
    }
    out.push(ids.filter((id) => down.has(id)).sort());
  }
  return out;
}

describe.each([true, false])('simulateScenario properties (cycles allowed: %s)', (cyclic) => {
  const networks = arbitraryNetwork({ maxCompanies: 8, cyclic });
  const thetas = fc.constantFrom(0.5, 0.3, 0.7, 1);

  it('simulateScenario matches the rule applied day by day', () => {
    fc.assert(
      fc.property(
        networks,
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 25 }),
        thetas,
        (network, picks, days, theta) => {
          const i = indexNetwork(network);
          const hit = [...new Set(picks.map((p) => p % i.n))];
          const r = simulateScenario(i, { hit, days }, { theta });
          const want = referenceScenario(
            network,
            hit.map((h) => i.ids[h]!),
            days,
            r.lastDay,
            theta,
          );
          expect(replay(i.ids, r.timeline, r.lastDay)).toEqual(want);
          expect(r.down).toEqual(want.map((d) => d.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('simulateScenario with every buffer 0 stops exactly the static cascade on every day of the hit', () => {
    fc.assert(
      fc.property(
        networks,
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 1000 }),
        thetas,
        (network, picks, days, theta) => {
          const flat = { ...network, supplies: network.supplies.map((s) => ({ ...s, bufferDays: 0 })) };
          const i = indexNetwork(flat);
          const hit = [...new Set(picks.map((p) => p % i.n))];
          const r = simulateScenario(i, { hit, days }, { theta });
          const d = referenceCascade(
            flat,
            hit.map((h) => i.ids[h]!),
            theta,
          );
          expect(r.companies.map((c) => c.id).sort()).toEqual(d);
          expect(r.down).toEqual([...Array<number>(days).fill(d.length), 0]);
          for (const c of r.companies) expect(c).toMatchObject({ stoppedOn: 0, recoveredOn: days, daysDown: days });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('simulateScenario with a long hit ends with the static cascade whatever the buffers', () => {
    fc.assert(
      fc.property(networks, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), thetas, (network, picks, theta) => {
        const i = indexNetwork(network);
        const hit = [...new Set(picks.map((p) => p % i.n))];
        const days = i.n * 11 + 1; // every chain of buffers (≤ 10 days each) has run out
        const r = simulateScenario(i, { hit, days }, { theta });
        const d = referenceCascade(
          network,
          hit.map((h) => i.ids[h]!),
          theta,
        );
        expect(r.companies.map((c) => c.id).sort()).toEqual(d);
        expect(r.down[days - 1]).toBe(d.length);
        for (let t = 1; t < days; t++) expect(r.down[t]!).toBeGreaterThanOrEqual(r.down[t - 1]!);
        expect(r.stillDown).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
