/**
 * The executive view's assumptions (web/src/executive/assumptions.ts): the response's
 * assumptions as the form's text, the text as query parameters and back, the checks
 * with a message naming the faulty entry, and the session's stored copy.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutiveAssumptions } from '../../src/contract/api-types.ts';
import {
  assumptionQuery,
  assumptionsText,
  checkAssumptions,
  checkCosts,
  checkDurations,
  queryText,
  readStored,
  STORAGE_KEY,
  type AssumptionText,
} from '../../web/src/executive/assumptions.ts';

const DEFAULTS: ExecutiveAssumptions = {
  hitLikelihood: 'p(s) = min(1, 0.015 × 0.975^s)',
  hitBase: 0.015,
  hitDecay: 0.975,
  durations: [
    { days: 1, probability: 0.2 },
    { days: 5, probability: 0.25 },
    { days: 14, probability: 0.25 },
    { days: 30, probability: 0.15 },
    { days: 60, probability: 0.1 },
    { days: 120, probability: 0.05 },
  ],
  lossRatio: 1,
  liftCosts: {
    sme: [300000, 1000000, 3000000, 10000000, 25000000],
    large: [1500000, 5000000, 15000000, 50000000, 125000000],
  },
  planTargets: [3, 4],
};
const TEXT = assumptionsText(DEFAULTS);

describe('assumption text ↔ query parameters', () => {
  it('writes the response as the form shows it', () => {
    expect(TEXT).toEqual({
      hitBase: '0.015',
      hitDecay: '0.975',
      durations: '1:0.2, 5:0.25, 14:0.25, 30:0.15, 60:0.1, 120:0.05',
      lossRatio: '1',
      costsSme: '300000, 1000000, 3000000, 10000000, 25000000',
      costsLarge: '1500000, 5000000, 15000000, 50000000, 125000000',
    });
  });

  it('sends numbers as numbers and lists without spaces (the query the e2e test expects)', () => {
    expect(assumptionQuery({ ...TEXT, hitBase: ' 0.03 ' })).toEqual({
      hitBase: 0.03,
      hitDecay: 0.975,
      lossRatio: 1,
      durations: '1:0.2,5:0.25,14:0.25,30:0.15,60:0.1,120:0.05',
      costsSme: '300000,1000000,3000000,10000000,25000000',
      costsLarge: '1500000,5000000,15000000,50000000,125000000',
    });
  });

  it('reads query parameters back into the same text', () => {
    expect(queryText(assumptionQuery(TEXT))).toEqual(TEXT);
  });
});

describe('checkAssumptions', () => {
  it('accepts the defaults and gives their query', () => {
    expect(checkAssumptions(TEXT)).toEqual({ ok: true, query: assumptionQuery(TEXT) });
  });

  it('names the malformed durations entry', () => {
    expect(checkDurations('1:0.2, 5:x, 14:0.8')).toBe(
      'entry 2 "5:x" is not days:probability (e.g. 14:0.25); days are whole numbers',
    );
    expect(checkDurations('1.5:1')).toMatch(/^entry 1 "1.5:1" is not days:probability/);
    expect(checkDurations('1:0.5, 5:1.5')).toBe('entry 2 "5:1.5": the probability must be between 0 and 1');
    expect(checkDurations(' , ')).toBe('give at least one days:probability entry, e.g. 14:1');
  });

  it('refuses probabilities that do not add up to 1, saying their sum', () => {
    expect(checkDurations('1:0.2, 5:0.25')).toBe(
      'the probabilities add up to 0.45, not 1; correct the entries so they do',
    );
    expect(checkDurations('1:0.1, 2:0.2, 3:0.7')).toEqual([
      { days: 1, probability: 0.1 },
      { days: 2, probability: 0.2 },
      { days: 3, probability: 0.7 },
    ]);
  });

  it('wants five positive costs and names the bad one', () => {
    expect(checkCosts('1, 2, 3')).toBe(
      'give five costs in yen, one per level step 0→1 … 4→5, separated by commas; got 3',
    );
    expect(checkCosts('1, 2, , 4, 5')).toBe('entry 3 "" is not a cost in yen above 0');
    expect(checkCosts('1, 2, -3, 4, 5')).toBe('entry 3 "-3" is not a cost in yen above 0');
    expect(checkCosts('1, 2, 3, 4, 5')).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives one message per faulty field, with the ranges of the numbers', () => {
    const checked = checkAssumptions({ ...TEXT, hitBase: '0', hitDecay: 'fast', lossRatio: '1.2', costsLarge: '' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        hitBase: 'the base must be greater than 0 and at most 1, got 0',
        hitDecay: 'the decay must be a number, got "fast"',
        lossRatio: 'the loss ratio must be at least 0 and at most 1, got 1.2',
        costsLarge: 'give five costs in yen, one per level step 0→1 … 4→5, separated by commas; got none',
      },
    });
    expect(checkAssumptions({ ...TEXT, lossRatio: '0' }).ok).toBe(true);
  });
});

describe('readStored', () => {
  const storage = (value: string | null) => ({ getItem: (key: string) => (key === STORAGE_KEY ? value : null) });

  it('reads the session copy, and nothing from a missing, broken or partial one', () => {
    expect(readStored(storage(JSON.stringify(TEXT)))).toEqual(TEXT);
    expect(readStored(storage(null))).toBeNull();
    expect(readStored(storage('{not json'))).toBeNull();
    expect(readStored(storage(JSON.stringify({ hitBase: '0.1' } as Partial<AssumptionText>)))).toBeNull();
    expect(readStored(undefined)).toBeNull();
  });
});
