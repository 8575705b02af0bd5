/**
 * The layered preset layout of the map (web/src/layout.ts): columns from tiers, barycentre
 * ordering within a column, wrapping of tall columns. Pure, so no browser is needed.
 */
import { describe, expect, it } from 'vitest';
import { countCrossings, layeredPositions, type LayoutEdge, type LayoutNode } from '../../web/src/layout.ts';

const xOf = (pos: Map<string, { x: number; y: number }>, id: string): number => pos.get(id)!.x;
const yOf = (pos: Map<string, { x: number; y: number }>, id: string): number => pos.get(id)!.y;

describe('layeredPositions', () => {
  it('layeredPositions rejects a duplicate id, an edge to an unknown node and a negative tier', () => {
    expect(() =>
      layeredPositions(
        [
          { id: 'a', tier: 0 },
          { id: 'a', tier: 1 },
        ],
        [],
      ),
    ).toThrow(/layout: duplicate node id "a"/);
    expect(() => layeredPositions([{ id: 'a', tier: 0 }], [{ source: 'b', target: 'a' }])).toThrow(
      /layout: edge b → a names an unknown node/,
    );
    expect(() => layeredPositions([{ id: 'a', tier: -1 }], [])).toThrow(/layout: node "a" has tier -1/);
  });

  it('layeredPositions returns nothing for an empty view', () => {
    expect(layeredPositions([], []).size).toBe(0);
  });

  it('layeredPositions puts the deepest tier left, the focal companies right and untiered companies leftmost', () => {
    const nodes: LayoutNode[] = [
      { id: 'oem', tier: 0 },
      { id: 't1', tier: 1 },
      { id: 't2', tier: 2 },
      { id: 'lost', tier: null },
    ];
    const pos = layeredPositions(nodes, [
      { source: 't1', target: 'oem' },
      { source: 't2', target: 't1' },
    ]);
    expect(xOf(pos, 'lost')).toBeLessThan(xOf(pos, 't2'));
    expect(xOf(pos, 't2')).toBeLessThan(xOf(pos, 't1'));
    expect(xOf(pos, 't1')).toBeLessThan(xOf(pos, 'oem'));
    expect(xOf(pos, 'oem') - xOf(pos, 't1')).toBe(320);
  });

  it('layeredPositions centres each column and spaces it by rowGap', () => {
    const pos = layeredPositions(
      [
        { id: 'a', tier: 1 },
        { id: 'b', tier: 1 },
        { id: 'c', tier: 1 },
        { id: 'z', tier: 0 },
      ],
      [],
      { rowGap: 10 },
    );
    expect(['a', 'b', 'c'].map((id) => yOf(pos, id))).toEqual([-10, 0, 10]);
    expect(yOf(pos, 'z')).toBe(0);
  });

  it('layeredPositions orders a column by its neighbours so that crossings disappear', () => {
    // Two buyers x (top) and y (bottom); their suppliers listed in crossing order.
    const nodes: LayoutNode[] = [
      { id: 'x', tier: 0 },
      { id: 'y', tier: 0 },
      { id: 'sy1', tier: 1 },
      { id: 'sx1', tier: 1 },
      { id: 'sy2', tier: 1 },
      { id: 'sx2', tier: 1 },
      { id: 'deep-y', tier: 2 },
      { id: 'deep-x', tier: 2 },
    ];
    const edges: LayoutEdge[] = [
      { source: 'sx1', target: 'x' },
      { source: 'sx2', target: 'x' },
      { source: 'sy1', target: 'y' },
      { source: 'sy2', target: 'y' },
      { source: 'deep-x', target: 'sx1' },
      { source: 'deep-y', target: 'sy2' },
    ];
    const unordered = layeredPositions(nodes, edges, { sweeps: 0 });
    const ordered = layeredPositions(nodes, edges);
    expect(countCrossings(unordered, edges)).toBeGreaterThan(0);
    expect(countCrossings(ordered, edges)).toBe(0);
  });

  it('layeredPositions is deterministic', () => {
    const nodes: LayoutNode[] = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, tier: i % 4 }));
    const edges: LayoutEdge[] = nodes.slice(10).map((n, i) => ({ source: n.id, target: `c${(i * 7) % 10}` }));
    expect([...layeredPositions(nodes, edges)]).toEqual([...layeredPositions(nodes, edges)]);
  });

  it('layeredPositions wraps a column taller than maxRows into sub-columns', () => {
    const nodes: LayoutNode[] = [
      { id: 'oem', tier: 0 },
      ...Array.from({ length: 25 }, (_, i) => ({ id: `s${i}`, tier: 1 })),
    ];
    const pos = layeredPositions(nodes, [], { maxRows: 10, rowGap: 10, subColumnGap: 100, columnGap: 300 });
    const xs = new Set(nodes.slice(1).map((n) => xOf(pos, n.id)));
    expect([...xs].sort((a, b) => a - b)).toEqual([0, 100, 200]);
    const ys = nodes.slice(1).map((n) => yOf(pos, n.id));
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThanOrEqual(9 * 10);
    // The focal column starts one column gap after the last sub-column.
    expect(xOf(pos, 'oem')).toBe(200 + 300);
  });

  it('layeredPositions with maxRows auto gives a tall tier the requested aspect ratio', () => {
    const nodes: LayoutNode[] = [
      { id: 'oem', tier: 0 },
      ...Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, tier: 1 + (i % 2) })),
    ];
    for (const aspect of [0.5, 2]) {
      const pos = layeredPositions(nodes, [], { aspect });
      const xs = [...pos.values()].map((p) => p.x);
      const ys = [...pos.values()].map((p) => p.y);
      const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
      expect(ratio).toBeGreaterThan(aspect / 1.6);
      expect(ratio).toBeLessThan(aspect * 1.6);
    }
  });

  it('layeredPositions keeps the barycentre order from top to bottom when a column wraps', () => {
    const nodes: LayoutNode[] = [
      { id: 'oem', tier: 0 },
      ...Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, tier: 1 })),
    ];
    const pos = layeredPositions(nodes, [], { maxRows: 3, rowGap: 10 });
    const ys = nodes.slice(1).map((n) => yOf(pos, n.id));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });
});
