/**
 * Where the arrow keys move the map's selection (web/src/shell/map-keys.ts): Left to a
 * supplier, Right to a buyer (the nearest in height), Up/Down within the tier column.
 */
import { describe, expect, it } from 'vitest';
import { isArrowKey, nextCompany, startCompany, type KeyNode } from '../../web/src/shell/map-keys.ts';

// Tier 2 at x=0, tier 1 at x=100, focal at x=200; s3 sits in a wrapped sub-column of tier 1.
const nodes: KeyNode[] = [
  { id: 'oem', x: 200, y: 50, tier: 0 },
  { id: 'shop', x: 200, y: 150, tier: 0 },
  { id: 's1', x: 100, y: 0, tier: 1 },
  { id: 's2', x: 100, y: 100, tier: 1 },
  { id: 's3', x: 130, y: 20, tier: 1 },
  { id: 'raw', x: 0, y: 90, tier: 2 },
];
const edges = [
  { source: 's1', target: 'oem' },
  { source: 's2', target: 'oem' },
  { source: 's2', target: 'shop' },
  { source: 'raw', target: 's2' },
  { source: 'raw', target: 's1' },
];

describe('nextCompany', () => {
  it('with nothing selected starts at the top focal company', () => {
    expect(nextCompany(null, 'ArrowLeft', nodes, edges)).toBe('oem');
    expect(nextCompany('gone', 'ArrowDown', nodes, edges)).toBe('oem');
    expect(startCompany([])).toBeNull();
  });
  it('Left goes to the supplier nearest in height', () => {
    expect(nextCompany('oem', 'ArrowLeft', nodes, edges)).toBe('s1'); // |0-50| = |100-50|: by x, then id
    expect(nextCompany('shop', 'ArrowLeft', nodes, edges)).toBe('s2');
    expect(nextCompany('s2', 'ArrowLeft', nodes, edges)).toBe('raw');
  });
  it('Right goes to the buyer nearest in height', () => {
    expect(nextCompany('raw', 'ArrowRight', nodes, edges)).toBe('s2');
    expect(nextCompany('s2', 'ArrowRight', nodes, edges)).toBe('oem');
  });
  it('stays put when there is no company that way', () => {
    expect(nextCompany('oem', 'ArrowRight', nodes, edges)).toBe('oem');
    expect(nextCompany('raw', 'ArrowLeft', nodes, edges)).toBe('raw');
    expect(nextCompany('oem', 'ArrowUp', nodes, edges)).toBe('oem');
  });
  it('Up and Down move within the tier column, the same sub-column first', () => {
    expect(nextCompany('oem', 'ArrowDown', nodes, edges)).toBe('shop');
    expect(nextCompany('shop', 'ArrowUp', nodes, edges)).toBe('oem');
    expect(nextCompany('s2', 'ArrowUp', nodes, edges)).toBe('s1'); // s3 is nearer in height, but in the next sub-column
    expect(nextCompany('s1', 'ArrowDown', nodes, edges)).toBe('s2');
    expect(nextCompany('s3', 'ArrowDown', nodes, edges)).toBe('s2');
  });
  it('knows the arrow keys', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter'].map(isArrowKey)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});
