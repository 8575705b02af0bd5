/**
 * The Scenario tab's words (web/src/scenario/text.ts) and the what-if data
 * (what-if-data.ts): name lists, save errors, focal stops, saved lines, what-ifs in
 * words, the API's refusals of a what-if naming the field, the before/after rows, the
 * weak links whose rank changed, and the what-if form's draft.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioRun, WhatIfComparison } from '../../src/contract/api-types.ts';
import { ApiRequestError } from '../../web/src/api-client.ts';
import type { SavedItem } from '../../web/src/scenario/state.ts';
import {
  dayCount,
  focalStops,
  focalText,
  nameList,
  opText,
  savedLine,
  whatIfError,
  writeError,
} from '../../web/src/scenario/text.ts';
import { beforeAfterRows, changeText, rowChanged, weakLinkChanges } from '../../web/src/scenario/what-if-data.ts';
import { EMPTY_DRAFT, opFromDraft } from '../../web/src/scenario/what-if-draft.ts';

const names: Record<string, string> = { a: 'Alpha Co., Ltd.', b: 'Beta K.K.', c: 'Gamma', d: 'Delta' };
const nameOf = (id: string): string => names[id] ?? id;

describe('scenario text', () => {
  it('nameList shortens names and cuts long lists with +N more', () => {
    expect(nameList(['a', 'b'], nameOf)).toBe('Alpha and Beta');
    expect(nameList(['a', 'b', 'c', 'd'], nameOf, 2)).toBe('Alpha, Beta +2 more');
    expect(dayCount(1)).toBe('1 day');
    expect(dayCount(30)).toBe('30 days');
  });

  it('writeError says plainly that a viewer token may not save', () => {
    expect(writeError('saved', new ApiRequestError(403, 'forbidden', 'This needs the analyst role.'))).toBe(
      'Not saved: your token is not allowed to. This needs the analyst role.',
    );
    expect(writeError('deleted', new Error('gone'))).toBe('Not deleted: gone');
  });

  it('focalText and focalStops say when focal companies stop', () => {
    const focal = [
      { id: 'f', name: 'Kirishima Motor Corporation', stoppedOn: 3, recoveredOn: 6, daysDown: 3 },
      { id: 'g', name: 'Hinoki Living', stoppedOn: null, recoveredOn: null, daysDown: 0 },
    ];
    expect(focalText(focal[0]!)).toBe('stops day 3, 3 days down');
    expect(focalText(focal[1]!)).toBe('keeps running');
    expect(focalStops({ focal })).toBe('Kirishima Motor (day 3)');
    expect(focalStops({ focal: [focal[1]!] })).toBe('none');
  });

  it('savedLine sums a saved scenario up, with its what-ifs', () => {
    const item = { name: 'x', hit: ['a'], days: 5, totalRevenueAtRisk: 1_234_567, stopped: 3, whatIf: [] };
    expect(savedLine(item as unknown as SavedItem, nameOf)).toBe('Alpha · 5 d · ¥1.2M · 3 companies stop');
    const withOps = { ...item, whatIf: [{ op: 'remove-supplier', company: 'b' }] };
    expect(savedLine(withOps as unknown as SavedItem, nameOf)).toBe(
      'Alpha · 5 d · ¥1.2M · 3 companies stop · 1 what-if',
    );
  });

  it('opText says each what-if in words', () => {
    expect(opText({ op: 'raise-level', company: 'a', level: 4 }, nameOf)).toBe('Raise Alpha to ★4');
    expect(opText({ op: 'remove-supplier', company: 'b' }, nameOf)).toBe('Remove supplier Beta');
    expect(opText({ op: 'add-supplier', buyer: 'a', supplier: 'c', commodity: 'resin', share: 0.25 }, nameOf)).toBe(
      'Add Gamma as a 25% source of resin for Alpha',
    );
  });

  it('whatIfError names the what-if and the field the API refused, and ignores other errors', () => {
    const ops = [
      { op: 'raise-level' as const, company: 'a', level: 4 },
      { op: 'add-supplier' as const, buyer: 'a', supplier: 'zz', commodity: 'resin', share: 0.5 },
    ];
    const unknown = new ApiRequestError(
      404,
      'not_found',
      'Unknown company id "zz" in whatIf[1].supplier (add-supplier); search with GET /api/companies?q=…',
    );
    expect(whatIfError(unknown, ops)).toBe('What-if 2 (second source), supplier: no company has the id “zz”');
    const level = new ApiRequestError(
      400,
      'bad_request',
      'what-if [0].level (raise-level): "a" is at level 5 already; give a level of 5 or more',
    );
    expect(whatIfError(level, ops)).toBe(
      'What-if 1 (raise level), level: "a" is at level 5 already; give a level of 5 or more',
    );
    expect(whatIfError(new ApiRequestError(404, 'not_found', 'Unknown company id "q" in hit'), ops)).toBeNull();
    expect(whatIfError('nope', ops)).toBeNull();
    // The error's field, when the API names one, wins over the message.
    const byField = new ApiRequestError(404, 'not_found', 'Unknown company id "zz"', 'whatIf.1.buyer');
    expect(whatIfError(byField, ops)).toBe('What-if 2 (second source), buyer: no company has the id “zz”');
  });
});

const runOf = (stopped: string[], total: number, focalDay: number | null): ScenarioRun =>
  ({
    companies: stopped.map((id) => ({ id })),
    totalRevenueAtRisk: total,
    peak: { down: stopped.length, day: 2 },
    focal: [{ id: 'f', name: 'Kirishima Motor', stoppedOn: focalDay, recoveredOn: null, daysDown: 0 }],
  }) as unknown as ScenarioRun;

describe('what-if data', () => {
  const comparison = {
    totalRisk: { before: 2_000_000, after: 1_500_000, change: -500_000 },
    weakLinks: {
      before: [
        { rank: 1, id: 'a', riskContribution: 9 },
        { rank: 2, id: 'b', riskContribution: 8 },
        { rank: 3, id: 'c', riskContribution: 7 },
      ],
      after: [
        { rank: 1, id: 'a', riskContribution: 9 },
        { rank: 2, id: 'c', riskContribution: 7 },
        { rank: 3, id: 'd', riskContribution: 6 },
      ],
    },
  } as unknown as WhatIfComparison;

  it('beforeAfterRows puts the two runs and the total risk side by side, with the change', () => {
    const rows = beforeAfterRows({
      before: runOf(['a', 'b', 'c'], 3e9, 4),
      after: runOf(['a'], 1e9, null),
      comparison,
    });
    expect(rows.map((r) => r.key)).toEqual(['disrupted', 'focal', 'revenue', 'peak', 'risk']);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey['disrupted']).toMatchObject({
      before: '3',
      after: '1',
      beforeValue: 3,
      afterValue: 1,
      change: '−2 (−66.7%)',
    });
    expect(byKey['focal']).toMatchObject({ before: 'Kirishima Motor (day 4)', after: 'none' });
    expect(byKey['revenue']).toMatchObject({ before: '¥3B', after: '¥1B', beforeValue: 3e9, afterValue: 1e9 });
    expect(byKey['risk']).toMatchObject({ before: '¥2M / year', after: '¥1.5M / year', change: '−¥500K (−25%)' });
    expect(rows.every(rowChanged)).toBe(true);
    const same = beforeAfterRows({ before: runOf(['a'], 1, null), after: runOf(['a'], 1, null), comparison: null });
    expect(same.map((r) => r.key)).toEqual(['disrupted', 'focal', 'revenue', 'peak']);
    expect(same.some(rowChanged)).toBe(false);
  });

  it('changeText signs the difference and gives its share of the before', () => {
    expect(changeText(10, 10)).toBe('±0');
    expect(changeText(4, 5)).toBe('+1 (+25%)');
    expect(changeText(0, 2)).toBe('+2');
    expect(changeText(1_000_000, 999_990)).toBe('−10 (under 0.1%)');
  });

  it('weakLinkChanges lists the links that moved, entered or left the top 10', () => {
    expect(weakLinkChanges(comparison.weakLinks)).toEqual([
      { id: 'b', before: 2, after: null },
      { id: 'c', before: 3, after: 2 },
      { id: 'd', before: null, after: 3 },
    ]);
    expect(weakLinkChanges({ before: [], after: [] })).toEqual([]);
  });

  it('opFromDraft builds each operation or says what is missing', () => {
    expect(opFromDraft({ ...EMPTY_DRAFT, company: 'a', level: '5' })).toEqual({
      op: { op: 'raise-level', company: 'a', level: 5 },
    });
    expect(opFromDraft(EMPTY_DRAFT)).toEqual({ problem: 'Pick the company first.' });
    expect(opFromDraft({ ...EMPTY_DRAFT, kind: 'remove-supplier', company: 'b' })).toEqual({
      op: { op: 'remove-supplier', company: 'b' },
    });
    const add = {
      ...EMPTY_DRAFT,
      kind: 'add-supplier' as const,
      buyer: 'a',
      supplier: 'c',
      commodity: ' resin ',
      share: '30',
    };
    expect(opFromDraft(add)).toEqual({
      op: { op: 'add-supplier', buyer: 'a', supplier: 'c', commodity: 'resin', share: 0.3 },
    });
    expect(opFromDraft({ ...add, supplier: 'a' })).toEqual({ problem: 'A company cannot supply itself.' });
    expect(opFromDraft({ ...add, commodity: ' ' })).toEqual({ problem: 'Name the commodity the new supplier sells.' });
    expect(opFromDraft({ ...add, share: '0' })).toEqual({ problem: 'Share: a percentage above 0 and at most 100.' });
    expect(opFromDraft({ ...add, buyer: '' })).toEqual({ problem: 'Pick the buyer first.' });
  });
});
