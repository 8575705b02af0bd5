// @vitest-environment happy-dom
/**
 * The analysis date of the page: read from and written to the address (`?asOf=`), the
 * picker's handling of a change (today, another day, an impossible one), what the picker
 * and the status line say, and the days between two dates.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  asOfFromSearch,
  daysBetween,
  effectiveAsOf,
  isIsoDate,
  searchWithAsOf,
  todayUtc,
} from '../../web/src/as-of.ts';
import { lang } from '../../web/src/i18n.ts';
import { AsOfPicker, asOfWhy, pickedDate } from '../../web/src/shell/AsOfPicker.tsx';
import { asOfNote } from '../../web/src/state.ts';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

describe('asOfFromSearch', () => {
  it('ignores a missing, malformed or impossible date (today), and reads a real one', () => {
    expect(asOfFromSearch('')).toBeNull();
    expect(asOfFromSearch('?asOf=tomorrow')).toBeNull();
    expect(asOfFromSearch('?asOf=2027-02-29')).toBeNull();
    expect(asOfFromSearch('?asOf=2027-5-1')).toBeNull();
    expect(asOfFromSearch('?webgl=1&asOf=2031-03-01')).toBe('2031-03-01');
  });
});

describe('searchWithAsOf', () => {
  it('sets, replaces and removes asOf, keeping the other parameters', () => {
    expect(searchWithAsOf('', '2031-03-01')).toBe('?asOf=2031-03-01');
    expect(searchWithAsOf('?webgl=1', '2031-03-01')).toBe('?webgl=1&asOf=2031-03-01');
    expect(searchWithAsOf('?asOf=2030-01-01&webgl=1', '2031-03-01')).toBe('?asOf=2031-03-01&webgl=1');
    expect(searchWithAsOf('?asOf=2030-01-01&webgl=1', null)).toBe('?webgl=1');
    expect(searchWithAsOf('?asOf=2030-01-01', null)).toBe('');
  });
});

describe('isIsoDate, daysBetween, todayUtc, effectiveAsOf', () => {
  it('checks calendar days and counts whole days across months and leap years', () => {
    expect([isIsoDate('2028-02-29'), isIsoDate('2027-02-29'), isIsoDate('2027-13-01')]).toEqual([true, false, false]);
    expect(daysBetween('2031-03-01', '2031-05-31')).toBe(91);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-04-30', '2027-03-01')).toBe(-60);
    const now = new Date('2026-12-05T23:30:00-05:00'); // already the 6th in UTC
    expect(todayUtc(now)).toBe('2026-12-06');
    expect(effectiveAsOf(null, now)).toBe('2026-12-06');
    expect(effectiveAsOf('2031-03-01', now)).toBe('2031-03-01');
  });
});

describe('pickedDate, asOfWhy, asOfNote', () => {
  it('means today (null) for today, ignores an impossible date, and says what a past or future date shows', () => {
    expect(pickedDate('', '2026-12-05')).toBeUndefined();
    expect(pickedDate('2027-02-30', '2026-12-05')).toBeUndefined();
    expect(pickedDate('2026-12-05', '2026-12-05')).toBeNull();
    expect(pickedDate('2031-03-01', '2026-12-05')).toBe('2031-03-01');
    expect(asOfWhy(null, '2026-12-05')).toContain('valid today');
    expect(asOfWhy('2031-03-01', '2026-12-05')).toContain('lapsed');
    expect(asOfWhy('2025-01-01', '2026-12-05')).toContain('valid on that day');
    expect(asOfNote(null, '2026-12-05')).toBeNull();
    expect(asOfNote('2026-12-05', '2026-12-05')).toBeNull();
    expect(asOfNote('2031-03-01', '2026-12-05')).toBe(
      'Analysis as of 2031-03-01 (a future date: what is due by then has lapsed)',
    );
    lang.value = 'ja';
    expect(asOfNote('2025-01-01', '2026-12-05')).toBe('2025-01-01 時点の分析 (過去の日付)');
  });
});

describe('AsOfPicker', () => {
  it('shows today by default, reports a new date, goes back to today, and ignores an impossible date', () => {
    const store = { asOf: signal<string | null>(null) };
    const onChange = vi.fn<(date: string | null) => void>();
    const view = render(<AsOfPicker store={store} today="2026-12-05" onChange={onChange} />);
    const input = view.container.querySelector<HTMLInputElement>('#as-of-date')!;
    const today = view.getByText('Today') as HTMLButtonElement;
    expect(input.value).toBe('2026-12-05');
    expect(today.disabled).toBe(true);
    expect(view.getByText('As of').getAttribute('for')).toBe('as-of-date');

    fireEvent.change(input, { target: { value: '2031-03-01' } });
    expect(onChange).toHaveBeenLastCalledWith('2031-03-01');
    store.asOf.value = '2031-03-01';
    view.rerender(<AsOfPicker store={store} today="2026-12-05" onChange={onChange} />);
    expect(today.disabled).toBe(false);
    expect(view.container.querySelector('.as-of.dated')).not.toBeNull();

    fireEvent.change(input, { target: { value: '' } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(input.value).toBe('2031-03-01');
    fireEvent.click(today);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('reads 基準日 and 今日 in Japanese', () => {
    lang.value = 'ja';
    const view = render(<AsOfPicker store={{ asOf: signal(null) }} today="2026-12-05" onChange={() => {}} />);
    expect(view.getByText('基準日')).toBeTruthy();
    expect(view.getByText('今日')).toBeTruthy();
  });
});
