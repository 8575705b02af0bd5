/**
 * The Scenario tab's state functions (web/src/scenario/state.ts): the replay state of a
 * run, days clamped and stepped, the form's problems, the comparison picks kept, and the
 * what-if list.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioRun, WhatIfOp } from '../../src/contract/api-types.ts';
import {
  addOp,
  clampDay,
  comparePicks,
  createStore,
  DEFAULT_DAYS,
  formProblem,
  MAX_DAYS,
  nextDay,
  removeOp,
  shownOf,
} from '../../web/src/scenario/state.ts';

const run = {
  hit: ['a'],
  days: 2,
  lastDay: 3,
  timeline: [
    { day: 0, stopped: ['a'], recovered: [], down: 1 },
    { day: 1, stopped: ['b'], recovered: [], down: 2 },
    { day: 2, stopped: [], recovered: ['a'], down: 1 },
    { day: 3, stopped: [], recovered: ['b'], down: 0 },
  ],
  companies: [{ id: 'a' }, { id: 'b' }],
} as unknown as ScenarioRun;

describe('scenario state', () => {
  it('createStore starts with the default days, nothing shown and no what-ifs', () => {
    const store = createStore();
    expect(store.days.value).toBe(String(DEFAULT_DAYS));
    expect(store.shown.value).toBeNull();
    expect(store.whatIf.value).toEqual([]);
    expect(store.comparison.value).toBeNull();
  });

  it('shownOf replays the timeline per day and lists every company the run stops', () => {
    const shown = shownOf(run, 'saved', []);
    expect(shown.days).toEqual([['a'], ['a', 'b'], ['b'], []]);
    expect(shown.affected).toEqual(['a', 'b']);
    expect(shown.name).toBe('saved');
  });

  it('clampDay rounds into 0 … lastDay; nextDay stops at the last day', () => {
    expect(clampDay(-2, 3)).toBe(0);
    expect(clampDay(1.6, 3)).toBe(2);
    expect(clampDay(9, 3)).toBe(3);
    expect(clampDay(Number.NaN, 3)).toBe(0);
    expect(nextDay(2, 3)).toBe(3);
    expect(nextDay(3, 3)).toBeNull();
  });

  it('formProblem asks for a company and for whole days from 1 to MAX_DAYS', () => {
    expect(formProblem([], '5')).toBe('Pick at least one company to hit.');
    expect(formProblem(['a'], '0')).toBe('Days down: a whole number from 1 to 3,650.');
    expect(formProblem(['a'], String(MAX_DAYS + 1))).toMatch(/^Days down/);
    expect(formProblem(['a'], 'x')).toMatch(/^Days down/);
    expect(formProblem(['a'], '')).toMatch(/^Days down/);
    expect(formProblem(['a'], '5')).toBeNull();
    expect(formProblem(['a'], String(MAX_DAYS))).toBeNull();
  });

  it('comparePicks keeps picks still saved, else the two newest', () => {
    expect(comparePicks(['new', 'old', 'older'], '', '')).toEqual({ a: 'old', b: 'new' });
    expect(comparePicks(['new', 'old', 'older'], 'older', 'old')).toEqual({ a: 'older', b: 'old' });
    expect(comparePicks(['new', 'old'], 'gone', 'new')).toEqual({ a: 'old', b: 'new' });
    expect(comparePicks(['only'], '', '')).toEqual({ a: 'only', b: 'only' });
    expect(comparePicks([], 'x', 'y')).toEqual({ a: '', b: '' });
  });

  it('addOp appends a what-if once; removeOp drops the one at an index', () => {
    const raise: WhatIfOp = { op: 'raise-level', company: 'a', level: 4 };
    const remove: WhatIfOp = { op: 'remove-supplier', company: 'b' };
    const ops = addOp(addOp([], raise), remove);
    expect(ops).toEqual([raise, remove]);
    expect(addOp(ops, { op: 'raise-level', company: 'a', level: 4 })).toEqual(ops);
    expect(removeOp(ops, 0)).toEqual([remove]);
    expect(removeOp(ops, 5)).toEqual(ops);
  });
});
