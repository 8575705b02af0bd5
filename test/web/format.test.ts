/**
 * The page's number formats.
 */
import { describe, expect, it } from 'vitest';
import { formatLevel, formatNumber, formatShare } from '../../web/src/format.ts';

describe('formats', () => {
  it('groups thousands, rounds shares to whole percent, and shows ★ levels with — for none', () => {
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatShare(0.4567)).toBe('46%');
    expect([formatLevel(null), formatLevel(0), formatLevel(4)]).toEqual(['—', '★0', '★4']);
  });
});
