/**
 * The tier-1 suppliers of a focal company downstream of a deep supplier: reached through
 * two tier-1 suppliers, the shortest path, critical or not, a chosen focal, and the
 * scratch arrays reset between calls.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { createDependants } from '../../../src/analysis/tier1-dependants.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { net } from '../../helpers/network.ts';

/**
 * F (focal) ← A (a, sole), B (b, sole), C (c, sole). A ← M (m, sole, 3 buffer days) and A ← D (x, 0.3) /
 * E (x, 0.7); B ← M (m, 0.5) / N (m, 0.5); M ← D (d, sole). A hit of D stops M, then A
 * (its m is sole) on day 3, then F; B keeps half its m from N, which reaches θ = 0.5.
 */
const network = net(
  [{ id: 'F', focal: true }, { id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'M' }, { id: 'N' }, { id: 'D' }, { id: 'E' }],
  [
    ['A', 'F', 'a'],
    ['B', 'F', 'b'],
    ['C', 'F', 'c'],
    ['M', 'A', 'm', null, { bufferDays: 3 }],
    ['D', 'A', 'x', 0.3],
    ['E', 'A', 'x', 0.7],
    ['M', 'B', 'm', 0.5],
    ['N', 'B', 'm', 0.5],
    ['D', 'M', 'd'],
  ],
);

describe('createDependants', () => {
  const index = indexNetwork(network);
  const a = runAnalysis(index);
  const at = (id: string) => index.indexOf.get(id)!;
  const ids = (list: number[]) => list.map((i) => index.ids[i]);

  it('refuses a company out of range', () => {
    expect(() => createDependants(index).of(99, { focals: [at('F')], failures: a.failures, keepEmpty: true })).toThrow(
      /createDependants: company 99/,
    );
  });

  it('finds the tier-1 suppliers a deep supplier reaches through two of them, critical first', () => {
    const found = createDependants(index).of(at('D'), { focals: [at('F')], failures: a.failures, keepEmpty: true });
    expect(found.downstream).toBe(4); // M, A, B, F
    const [f] = found.focal;
    expect(f).toMatchObject({ focal: at('F'), critical: true, stopDay: 3 });
    expect(f!.tier1.map((d) => index.ids[d.company])).toEqual(['A', 'B']);
    expect(f!.tier1[0]).toMatchObject({ distance: 1, critical: true, stopDay: 3 });
    expect(ids(f!.tier1[0]!.path)).toEqual(['D', 'A']);
    expect(f!.tier1[1]).toMatchObject({ distance: 2, critical: false, stopDay: null });
    expect(ids(f!.tier1[1]!.path)).toEqual(['D', 'M', 'B']);
  });

  it('looks at the direct suppliers of a chosen company', () => {
    const found = createDependants(index).of(at('D'), { focals: [at('B')], failures: a.failures, keepEmpty: true });
    expect(found.focal[0]!.critical).toBe(false);
    expect(found.focal[0]!.tier1.map((d) => [index.ids[d.company], d.distance, d.critical])).toEqual([['M', 1, true]]);
  });

  it('leaves out the company itself and whatever is not downstream', () => {
    const finder = createDependants(index);
    const ofA = finder.of(at('A'), { focals: [at('F')], failures: a.failures, keepEmpty: true });
    expect(ofA.downstream).toBe(1);
    expect(ofA.focal[0]!.tier1).toEqual([]);
    const ofF = finder.of(at('F'), { focals: [at('F')], failures: a.failures, keepEmpty: true });
    expect(ofF).toEqual({
      downstream: 0,
      focal: [{ focal: at('F'), critical: false, stopDay: null, tier1: [], total: 0 }],
    });
  });

  it('answers the same when asked again (its scratch arrays are reset)', () => {
    const finder = createDependants(index);
    const first = finder.of(at('D'), { focals: [at('F')], failures: a.failures, keepEmpty: true });
    finder.of(at('N'), { focals: [at('F')], failures: a.failures, keepEmpty: true });
    expect(finder.of(at('D'), { focals: [at('F')], failures: a.failures, keepEmpty: true })).toEqual(first);
    const ofN = finder.of(at('N'), { focals: [at('F')], failures: a.failures, keepEmpty: true });
    expect(ofN.focal[0]!.tier1.map((d) => [index.ids[d.company], d.critical])).toEqual([['B', false]]);
  });

  it('answers only the focal companies a tier-1 supplier of which is downstream, unless asked for all', () => {
    const finder = createDependants(index);
    // F and C as focal companies: D reaches F's A and B, none of C's (C buys nothing).
    const some = finder.of(at('D'), { focals: [at('C'), at('F')], failures: a.failures });
    expect(some.focal.map((f) => index.ids[f.focal])).toEqual(['F']);
    const all = finder.of(at('D'), { focals: [at('C'), at('F')], failures: a.failures, keepEmpty: true });
    expect(all.focal.map((f) => [index.ids[f.focal], f.tier1.length])).toEqual([
      ['C', 0],
      ['F', 2],
    ]);
    // Another list of focal companies is marked afresh: M's buyer B as the only focal company.
    const other = finder.of(at('D'), { focals: [at('B')], failures: a.failures });
    expect(other.focal.map((f) => [index.ids[f.focal], f.tier1.map((d) => index.ids[d.company])])).toEqual([
      ['B', ['M']],
    ]);
  });

  it('lists at most `limit` tier-1 suppliers per focal company, the first in order, and counts them all', () => {
    const found = createDependants(index).of(at('D'), { focals: [at('F')], failures: a.failures, limit: 1 });
    expect(found.focal[0]!.tier1.map((d) => index.ids[d.company])).toEqual(['A']);
    expect(found.focal[0]!.total).toBe(2);
  });

  it('lists a tier-1 supplier once when it supplies the focal company twice', () => {
    const twice = indexNetwork(
      net(
        [{ id: 'F', focal: true }, { id: 'T' }, { id: 'X' }],
        [
          ['T', 'F', 'p'],
          ['T', 'F', 'q'],
          ['X', 'T', 'r'],
        ],
      ),
    );
    const found = createDependants(twice).of(twice.indexOf.get('X')!, {
      focals: [twice.indexOf.get('F')!],
      failures: runAnalysis(twice).failures,
    });
    expect(found.focal[0]!.tier1.map((d) => twice.ids[d.company])).toEqual(['T']);
  });

  it('refuses a focal company out of range', () => {
    expect(() => createDependants(index).of(at('D'), { focals: [42], failures: a.failures })).toThrow(
      /createDependants: focal company 42/,
    );
  });

  it('follows cycles without going round', () => {
    const cyc = indexNetwork(
      net(
        [{ id: 'F', focal: true }, { id: 'P' }, { id: 'Q' }],
        [
          ['P', 'F', 'p'],
          ['Q', 'P', 'q'],
          ['P', 'Q', 'r'],
        ],
      ),
    );
    const ca = runAnalysis(cyc);
    const found = createDependants(cyc).of(cyc.indexOf.get('Q')!, {
      focals: [cyc.indexOf.get('F')!],
      failures: ca.failures,
      keepEmpty: true,
    });
    expect(found.downstream).toBe(2);
    expect(found.focal[0]!.tier1.map((d) => [cyc.ids[d.company], d.distance, d.critical])).toEqual([['P', 1, true]]);
  });
});
