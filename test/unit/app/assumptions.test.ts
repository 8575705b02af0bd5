/**
 * The one parser of the typed money assumptions, shared by the CLI (--durations) and the
 * API (the executive view's query).
 */
import { describe, expect, it } from 'vitest';
import { parseDurations, parseLiftCosts } from '../../../src/app/assumptions.ts';
import { OptionError } from '../../../src/errors.ts';

describe('parseDurations', () => {
  it('reads days:probability entries with spaces, exponents and a trailing comma', () => {
    expect(parseDurations(' 1:0.2, 14 : 8e-1,')).toEqual([
      { days: 1, probability: 0.2 },
      { days: 14, probability: 0.8 },
    ]);
  });

  it('names a malformed entry by its text and number, and the field as the caller calls it', () => {
    expect(() => parseDurations('3:0.5,ten:0.5', '--durations')).toThrow(
      /--durations entry "ten:0\.5" \(number 2\) must be DAYS:PROBABILITY/,
    );
    expect(() => parseDurations('2.5:1')).toThrow(OptionError);
    expect(() => parseDurations(' , ')).toThrow(/at least one/);
  });
});

describe('parseLiftCosts', () => {
  it('reads five positive yen amounts and refuses anything else', () => {
    expect(parseLiftCosts('1,2,3,4,5')).toEqual([1, 2, 3, 4, 5]);
    expect(() => parseLiftCosts('1,2,3,4')).toThrow(/five costs/);
    expect(() => parseLiftCosts('1,2,0,4,5', 'costsSme')).toThrow(/^costsSme: give five costs/);
  });
});
