/**
 * The overview's graphology graph, built from the decoded GET /api/overview answer in one
 * bulk import: one node per company (key = its index, as a string) at the server's
 * position (mirrored: focal companies on the right, as in the map), coloured by effective score (the map legend's scale), sized by risk
 * contribution (square root, clamped), labelled with its name. Nodes are added in
 * ascending size, so the largest risk contributors are drawn last, on top. No supply is
 * in the graph at first: `Adjacency` lists each company's supplier–buyer pairs, from which
 * the view adds the edges it shows (the hovered company's, or those in view when zoomed
 * in). `paintFocal` dims every company but the chosen focal company and its critical
 * suppliers. Nothing here lays anything out.
 */
import { DirectedGraph } from 'graphology';
import type { Overview } from '../../../src/contract/overview-format.ts';
import { OVERVIEW_FLAGS } from '../../../src/contract/overview-format.ts';
import { scoreColour } from '../style.ts';

export const DEFAULTS = {
  /** Node radius in pixels at the default zoom: smallest, largest (at the largest risk contribution). */
  minSize: 1.2,
  maxSize: 9,
  /** Size of a focal company, whatever its own risk contribution. */
  focalSize: 7,
  /** Colour of a dimmed company (not a critical supplier of the chosen focal company). */
  dimmed: '#d9dde3',
  /** Size factor of a dimmed company. */
  dimmedSize: 0.6,
  focalColour: '#1d2b53',
};

export interface OverviewNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

/** The size of a company of value `value` (its risk contribution, or its structural importance) when the largest is `max` (a focal company: `focalSize`). */
export function nodeSize(value: number, max: number, focal = false): number {
  if (focal) return DEFAULTS.focalSize;
  const share = max > 0 && value > 0 ? Math.sqrt(Math.min(1, value / max)) : 0;
  return DEFAULTS.minSize + share * (DEFAULTS.maxSize - DEFAULTS.minSize);
}

/** What the node sizes show: the risk contribution (yen per year, the default) or the structural importance (PageRank). */
export type SizeBy = 'risk' | 'importance';

const isFocal = (o: Overview, i: number): boolean => (o.flags[i]! & OVERVIEW_FLAGS.focal) !== 0;

/** Company i's size when sized by `by`. */
export function sizeOf(o: Overview, i: number, by: SizeBy = 'risk'): number {
  return by === 'risk'
    ? nodeSize(o.risk[i]!, o.header.maxRisk, isFocal(o, i))
    : nodeSize(o.importance[i]!, o.header.maxImportance, isFocal(o, i));
}

/** The colour of company i with no focal company chosen: focal companies dark, the others by effective score. */
export function nodeColour(o: Overview, i: number): string {
  return isFocal(o, i) ? DEFAULTS.focalColour : scoreColour(o.score[i]!);
}

/** Example: `overviewGraph(decodeOverview(bytes)).order` → the number of companies. */
export function overviewGraph(o: Overview, by: SizeBy = 'risk'): DirectedGraph<OverviewNode> {
  const n = o.header.companies;
  const size = new Float32Array(n);
  for (let i = 0; i < n; i++) size[i] = sizeOf(o, i, by);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => size[a]! - size[b]! || a - b);
  const graph = new DirectedGraph<OverviewNode>({ allowSelfLoops: false });
  graph.import({
    nodes: order.map((i) => ({
      key: String(i),
      attributes: {
        // As in the map: focal companies right, the deepest tier left (the layout's x grows
        // with the tier). sigma's y axis points up; the layout's runs down the column.
        x: -o.x[i]!,
        y: -o.y[i]!,
        size: size[i]!,
        color: nodeColour(o, i),
        label: o.names[i] || o.ids[i]!,
      },
    })),
  });
  return graph;
}

/** The supplier–buyer pairs touching each company (CSR): pair indices of i are pairs[start[i] … start[i+1]−1]. */
export interface Adjacency {
  start: Uint32Array;
  pairs: Uint32Array;
}

export function adjacency(o: Overview): Adjacency {
  const n = o.header.companies;
  const m = o.edgeSupplier.length;
  const start = new Uint32Array(n + 1);
  for (let k = 0; k < m; k++) {
    start[o.edgeSupplier[k]! + 1]!++;
    start[o.edgeBuyer[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const pairs = new Uint32Array(2 * m);
  for (let k = 0; k < m; k++) {
    pairs[fill[o.edgeSupplier[k]!]!++] = k;
    pairs[fill[o.edgeBuyer[k]!]!++] = k;
  }
  return { start, pairs };
}

/** The critical suppliers of focal company number `k` (in `header.focal` order), as a set of indices. */
export function criticalOf(o: Overview, k: number): Set<number> {
  return new Set(o.critical.subarray(o.criticalStart[k], o.criticalStart[k + 1]));
}

/**
 * Colours the graph for focal company number `k`: it and its critical suppliers in full
 * colour, every other company dimmed; `null` restores everyone's colour. Sizes follow `by`.
 */
export function paintFocal(
  graph: DirectedGraph<OverviewNode>,
  o: Overview,
  k: number | null,
  by: SizeBy = 'risk',
): void {
  const focal = k === null ? null : o.header.focal[k];
  const critical = k === null ? null : criticalOf(o, k);
  graph.updateEachNodeAttributes((key, attrs) => {
    const i = Number(key);
    const base = sizeOf(o, i, by);
    if (critical === null || focal === undefined || critical.has(i) || focal?.index === i)
      return { ...attrs, color: nodeColour(o, i), size: base };
    return { ...attrs, color: DEFAULTS.dimmed, size: base * DEFAULTS.dimmedSize };
  });
}
