/**
 * The overview's graph, built from an encoded and decoded answer (the same bytes the
 * server sends): one node per company at its mirrored position, coloured by score, sized
 * by risk (largest drawn last), the supplier–buyer pairs of each company, and the focal
 * picker's dimming.
 */
import { describe, expect, it } from 'vitest';
import { decodeOverview, encodeOverview, OVERVIEW_FLAGS } from '../../src/contract/overview-format.ts';
import { adjacency, DEFAULTS, nodeSize, overviewGraph, paintFocal } from '../../web/src/overview/overview-graph.ts';
import { scoreColour } from '../../web/src/style.ts';

/** oem (focal) ← a ← b, oem ← c; a and b critical to oem. */
function sample() {
  const bytes = encodeOverview(
    {
      format: 'weaklink-overview/1',
      version: 'v1',
      asOf: '2026-12-05',
      companies: 4,
      edges: 3,
      columns: 3,
      noTierColumn: null,
      maxRisk: 400,
      maxImportance: 0.4,
      focal: [{ index: 0, id: 'oem', name: 'OEM 株式会社' }],
    },
    {
      x: Float32Array.of(0, 1, 2, 1),
      y: Float32Array.of(2, 1, 2, 3),
      score: Float32Array.of(90, 10, 0, 70),
      risk: Float32Array.of(0, 400, 100, 1),
      importance: Float32Array.of(0.1, 0.1, 0.4, 0.4),
      tier: Int8Array.of(0, 1, 2, 1),
      flags: Uint8Array.of(OVERVIEW_FLAGS.focal, OVERVIEW_FLAGS.critical, OVERVIEW_FLAGS.critical, 0),
      edgeSupplier: Uint32Array.of(1, 2, 3),
      edgeBuyer: Uint32Array.of(0, 1, 0),
      criticalStart: Uint32Array.of(0, 2),
      critical: Uint32Array.of(1, 2),
    },
    ['oem', 'a', 'b', 'c'],
    ['OEM 株式会社', 'Alpha', 'Beta', 'Gamma'],
  );
  return decodeOverview(bytes.buffer);
}

describe('overviewGraph', () => {
  it('decodeOverview refuses bytes that are not an overview, naming the module', () => {
    expect(() => decodeOverview(new Uint8Array(16).buffer)).toThrow(/^overview: /);
  });

  it('overviewGraph makes one node per company, mirrored, coloured by score, largest risk last', () => {
    const o = sample();
    expect(o.names[0]).toBe('OEM 株式会社');
    const graph = overviewGraph(o);
    expect(graph.order).toBe(4);
    expect(graph.getNodeAttributes('2')).toMatchObject({ x: -2, y: -2, label: 'Beta', color: scoreColour(0) });
    expect(graph.getNodeAttribute('0', 'color')).toBe(DEFAULTS.focalColour);
    expect(graph.getNodeAttribute('0', 'size')).toBe(DEFAULTS.focalSize);
    expect(graph.getNodeAttribute('1', 'size')).toBe(DEFAULTS.maxSize);
    expect(graph.nodes().at(-1)).toBe('1');
    expect(nodeSize(100, 400)).toBeCloseTo(DEFAULTS.minSize + 0.5 * (DEFAULTS.maxSize - DEFAULTS.minSize));
    expect(graph.size).toBe(0);
  });

  it('adjacency lists the pairs touching each company', () => {
    const adj = adjacency(sample());
    const of = (i: number): number[] => [...adj.pairs.subarray(adj.start[i], adj.start[i + 1])].sort();
    expect(of(0)).toEqual([0, 2]);
    expect(of(1)).toEqual([0, 1]);
    expect(of(3)).toEqual([2]);
  });

  it('paintFocal keeps the focal company and its critical suppliers in colour and dims the rest; null restores', () => {
    const o = sample();
    const graph = overviewGraph(o);
    paintFocal(graph, o, 0);
    expect(graph.getNodeAttribute('3', 'color')).toBe(DEFAULTS.dimmed);
    expect(graph.getNodeAttribute('1', 'color')).toBe(scoreColour(10));
    expect(graph.getNodeAttribute('0', 'color')).toBe(DEFAULTS.focalColour);
    paintFocal(graph, o, null);
    expect(graph.getNodeAttribute('3', 'color')).toBe(scoreColour(70));
  });

  it('sizes by structural importance instead of risk when asked, the focal company unchanged', () => {
    const o = sample();
    const graph = overviewGraph(o, 'importance');
    expect(graph.getNodeAttribute('3', 'size')).toBe(DEFAULTS.maxSize); // importance 0.4 of 0.4, risk ¥1
    expect(graph.getNodeAttribute('1', 'size')).toBeCloseTo(nodeSize(0.1, 0.4));
    expect(graph.getNodeAttribute('0', 'size')).toBe(DEFAULTS.focalSize);
    paintFocal(graph, o, null, 'risk');
    expect(graph.getNodeAttribute('1', 'size')).toBe(DEFAULTS.maxSize);
    expect(graph.getNodeAttribute('3', 'size')).toBeCloseTo(nodeSize(1, 400));
  });
});
