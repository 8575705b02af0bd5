/**
 * What-if edits (raiseLevel, addSupplier, removeSupplier, applyWhatIfs, parseWhatIfs)
 * on small networks built inline, the invalid input first, and compareAnalyses on a
 * second source that removes a single point of failure.
 */
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import {
  addSupplier,
  applyWhatIfs,
  compareAnalyses,
  parseWhatIfs,
  raiseLevel,
  removeSupplier,
} from '../../../src/analysis/what-if.ts';
import { UsageError } from '../../../src/errors.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Network } from '../../../src/model/types.ts';
import { net } from '../../helpers/network.ts';

// oem ← tier1 (sole, castings) ← fab (sole, chips); oem ← a 0.6, b 0.4 (trim); alt supplies nobody yet.
const base = (): Network =>
  net(
    [
      { id: 'oem', focal: true, securityScore: 90, revenue: 1000 },
      { id: 'tier1', securityScore: 70, revenue: 100 },
      { id: 'fab', scsLevel: 1, revenue: 50 },
      { id: 'a', scsLevel: 3, revenue: 20 },
      { id: 'b', securityScore: 85, scsLevel: 2, revenue: 20 },
      { id: 'alt', scsLevel: 2, revenue: 30 },
    ],
    [
      ['tier1', 'oem', 'castings', null, { bufferDays: 2 }],
      ['fab', 'tier1', 'chips', null, { access: 'network' }],
      ['a', 'oem', 'trim', 0.6],
      ['b', 'oem', 'trim', 0.4],
    ],
  );

function usage(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseWhatIfs', () => {
  it('parseWhatIfs rejects an unknown op, a bad share and extra fields, naming the path', () => {
    expect(usage(() => parseWhatIfs([{ op: 'explode', company: 'x' }])).field).toBe('[0].op');
    const e = usage(() =>
      parseWhatIfs([
        { op: 'remove-supplier', company: 'a' },
        { op: 'add-supplier', buyer: 'b', supplier: 'c', commodity: 'x', share: 1.5 },
      ]),
    );
    expect(e.field).toBe('[1].share');
    expect(e.message).toMatch(/^what-if file \[1\]\.share: /);
    expect(usage(() => parseWhatIfs([{ op: 'raise-level', company: 'a', level: 4, extra: 1 }])).message).toMatch(
      /\[0\]/,
    );
    expect(usage(() => parseWhatIfs({ op: 'raise-level' })).message).toMatch(/what-if file/);
  });
  it('parseWhatIfs accepts the three operations', () => {
    const ops = [
      { op: 'raise-level', company: 'fab', level: 4 },
      { op: 'add-supplier', buyer: 'tier1', supplier: 'alt', commodity: 'chips', share: 0.5, bufferDays: 3 },
      { op: 'remove-supplier', company: 'b' },
    ];
    expect(parseWhatIfs(ops)).toEqual(ops);
  });
});

describe('raiseLevel', () => {
  it('raiseLevel rejects an unknown company, a bad level and a lower level', () => {
    expect(usage(() => raiseLevel(base(), 'ghost', 4)).field).toBe('company');
    expect(usage(() => raiseLevel(base(), 'fab', 6)).field).toBe('level');
    expect(usage(() => raiseLevel(base(), 'a', 2)).message).toMatch(/level 3 already/);
  });
  it('raiseLevel sets the level and the score to the larger of the old score and the table score', () => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = raiseLevel(before, 'fab', 4);
    expect(after.companies.find((c) => c.id === 'fab')).toMatchObject({ scsLevel: 4, securityScore: 80 });
    const kept = raiseLevel(before, 'b', 3); // own score 85 is above ★3's 60
    expect(kept.companies.find((c) => c.id === 'b')).toMatchObject({ scsLevel: 3, securityScore: 85 });
    expect(before).toEqual(snapshot);
  });
});

describe('addSupplier', () => {
  it('addSupplier rejects unknown ids, self supply, a supplier already in the group and share 1 on an existing group', () => {
    expect(
      usage(() => addSupplier(base(), { buyer: 'ghost', supplier: 'alt', commodity: 'chips', share: 0.5 })).field,
    ).toBe('buyer');
    expect(
      usage(() => addSupplier(base(), { buyer: 'tier1', supplier: 'ghost', commodity: 'chips', share: 0.5 })).field,
    ).toBe('supplier');
    expect(
      usage(() => addSupplier(base(), { buyer: 'tier1', supplier: 'tier1', commodity: 'chips', share: 0.5 })).message,
    ).toMatch(/itself/);
    expect(
      usage(() => addSupplier(base(), { buyer: 'oem', supplier: 'a', commodity: 'trim', share: 0.2 })).message,
    ).toMatch(/already supplies/);
    expect(
      usage(() => addSupplier(base(), { buyer: 'tier1', supplier: 'alt', commodity: 'chips', share: 1 })).field,
    ).toBe('share');
  });
  it('addSupplier rescales a group without shares after splitting it equally', () => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = addSupplier(before, {
      buyer: 'tier1',
      supplier: 'alt',
      commodity: 'chips',
      share: 0.3,
      bufferDays: 5,
    });
    const chips = after.supplies.filter((s) => s.buyer === 'tier1' && s.commodity === 'chips');
    expect(chips.map((s) => [s.supplier, s.share, s.bufferDays])).toEqual([
      ['fab', 0.7, null],
      ['alt', 0.3, 5],
    ]);
    expect(before).toEqual(snapshot);
  });
  it('addSupplier normalises given shares before rescaling them', () => {
    const odd = net(
      [{ id: 'v' }, { id: 'p' }, { id: 'q' }, { id: 'r' }],
      [
        ['p', 'v', 'c', 0.5],
        ['q', 'v', 'c', 1.5],
      ],
    );
    const after = addSupplier(odd, { buyer: 'v', supplier: 'r', commodity: 'c', share: 0.2 });
    expect(after.supplies.map((s) => s.share)).toEqual([0.25 * 0.8, 0.75 * 0.8, 0.2]);
  });
  it('addSupplier opens a new group with the supplier as its sole source', () => {
    const after = addSupplier(base(), { buyer: 'oem', supplier: 'alt', commodity: 'paint', share: 0.4 });
    expect(after.supplies.at(-1)).toMatchObject({ supplier: 'alt', buyer: 'oem', commodity: 'paint', share: 1 });
  });
});

describe('removeSupplier', () => {
  it('removeSupplier rejects an unknown company', () => {
    expect(usage(() => removeSupplier(base(), 'ghost')).field).toBe('company');
  });
  it('removeSupplier drops the company and its supplies and renormalises the rest of its groups', () => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = removeSupplier(before, 'a');
    expect(after.companies.map((c) => c.id)).toEqual(['oem', 'tier1', 'fab', 'b', 'alt']);
    expect(after.supplies.filter((s) => s.commodity === 'trim')).toEqual([
      expect.objectContaining({ supplier: 'b', share: 1 }),
    ]);
    expect(before).toEqual(snapshot);
  });
  it('removeSupplier lets a group left empty disappear, and removes the company as a buyer too', () => {
    const after = removeSupplier(base(), 'tier1');
    expect(after.supplies.map((s) => `${s.supplier}>${s.buyer}`)).toEqual(['a>oem', 'b>oem']);
    // oem no longer needs castings, so a hit at fab disrupts nobody now.
    const a = runAnalysis(indexNetwork(after));
    expect(a.failures.blastRadius.start.at(-1)).toBe(1); // only a → oem is left
    expect(after.companies.map((c) => c.id)).not.toContain('tier1');
  });
});

describe('applyWhatIfs', () => {
  it('applyWhatIfs names the operation index and field of an unknown id', () => {
    const e = usage(() =>
      applyWhatIfs(base(), [
        { op: 'raise-level', company: 'fab', level: 3 },
        { op: 'add-supplier', buyer: 'tier1', supplier: 'nobody', commodity: 'chips', share: 0.5 },
      ]),
    );
    expect(e.field).toBe('[1].supplier');
    expect(e.message).toMatch(/^what-if \[1\]\.supplier \(add-supplier\): unknown company "nobody"/);
  });
  it('applyWhatIfs applies the operations in order', () => {
    const after = applyWhatIfs(base(), [
      { op: 'add-supplier', buyer: 'tier1', supplier: 'alt', commodity: 'chips', share: 0.5 },
      { op: 'raise-level', company: 'alt', level: 5 },
      { op: 'remove-supplier', company: 'b' },
    ]);
    expect(after.companies.find((c) => c.id === 'alt')).toMatchObject({ scsLevel: 5, securityScore: 95 });
    expect(after.supplies.map((s) => `${s.supplier}>${s.buyer}:${s.share}`)).toEqual([
      'tier1>oem:null',
      'fab>tier1:0.5',
      'a>oem:1',
      'alt>tier1:0.5',
    ]);
  });
});

describe('compareAnalyses', () => {
  it('compareAnalyses shows what a second source for chips changes, and only that', () => {
    const before = runAnalysis(indexNetwork(base()));
    const after = runAnalysis(
      indexNetwork(addSupplier(base(), { buyer: 'tier1', supplier: 'alt', commodity: 'chips', share: 0.5 })),
    );
    const c = compareAnalyses(before, after);
    const fab = c.companies.find((x) => x.id === 'fab')!;
    expect(fab.before).toMatchObject({ blastRadiusSize: 2 });
    expect(fab.after).toMatchObject({ blastRadiusSize: 0 });
    expect(fab.changed).toContain('riskContribution');
    expect(c.companies.find((x) => x.id === 'a')).toBeUndefined(); // nothing about a changed
    expect(c.singleSources.removed).toEqual([{ buyer: 'tier1', commodity: 'chips', supplier: 'fab', share: 1 }]);
    expect(c.singleSources.added).toEqual([]);
    expect(c.totalRisk.after).toBeLessThan(c.totalRisk.before);
    expect(c.totalRisk.change).toBeCloseTo(c.totalRisk.after - c.totalRisk.before, 12);
    expect(c.weakLinks.before[0]!.id).toBe('fab');
    expect(c.weakLinks.after.length).toBe(6);
    // alt now supplies with no access and is not critical: ★3 asked, ★2 held — a new gap.
    expect(c.levelGaps.added).toEqual([{ id: 'alt', ownLevel: 2, requiredLevel: 3 }]);
    expect(c.levelGaps.removed).toEqual([]);
    expect(c.companies.find((x) => x.id === 'alt')).toMatchObject({
      before: { requiredLevel: null },
      after: { requiredLevel: 3 },
    });
  });
  it('compareAnalyses lists a removed company with after null and the level gaps that close', () => {
    const before = runAnalysis(indexNetwork(base()));
    const after = runAnalysis(indexNetwork(raiseLevel(removeSupplier(base(), 'a'), 'b', 4)));
    const c = compareAnalyses(before, after);
    expect(c.companies.find((x) => x.id === 'a')).toMatchObject({ before: { requiredLevel: 4 }, after: null });
    // b now supplies all the trim: critical with no buffer, so oem asks ★4 of it — which it now holds.
    expect(c.companies.find((x) => x.id === 'b')).toMatchObject({
      before: { requiredLevel: 3, ownLevel: 2 },
      after: { requiredLevel: 4, ownLevel: 4 },
    });
    expect(c.levelGaps.removed).toEqual([
      { id: 'a', ownLevel: 3, requiredLevel: 4 },
      { id: 'b', ownLevel: 2, requiredLevel: 3 },
    ]);
    expect(c.singleSources.added).toEqual([{ buyer: 'oem', commodity: 'trim', supplier: 'b', share: 1 }]);
    expect(c.singleSources.removed).toEqual([{ buyer: 'oem', commodity: 'trim', supplier: 'a', share: 0.6 }]);
  });
});
