/**
 * The map's elements, bounded in size. Around a focus company: a breadth-first search up
 * the supplier edges for `up` tiers and down the buyer edges for `down` tiers (a company
 * reached going up is only followed further up, and likewise down). Without a focus:
 * the tier-0 companies' upstream to `depth` tiers. The nearest companies are kept, in
 * the order reached, up to `limit`; `truncated` says the limit cut the view.
 *
 * Filters. `commodity`: only supplies of that commodity are followed and drawn.
 * `country`: the search passes through every company but keeps only those of that
 * country. `criticalOnly`: keeps only the focus's critical suppliers and the companies
 * in its blast radius (without a focus: the critical suppliers of a tier-0 company).
 * The focus (or the tier-0 companies) are always kept. Edges are the supplies among the
 * kept companies; `hiddenSuppliers` counts a node's suppliers (over followed supplies)
 * that are not in the view, so the map can offer to expand it.
 */
import { members } from '../analysis/blast-radius.ts';
import { NotFoundError } from '../errors.ts';
import { UsageError } from '../errors.ts';
import { ACCESS_NAMES } from '../model/index-network.ts';
import type { GraphEdge, GraphNode, GraphResponse } from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';

export interface GraphQuery {
  focus?: string | undefined;
  up: number;
  down: number;
  depth: number;
  limit: number;
  commodity?: string | undefined;
  country?: string | undefined;
  criticalOnly: boolean;
}

const UP = 1;
const DOWN = 2;

/** Throws NotFoundError (`focus`) for an unknown company, UsageError (`commodity`) for an unknown commodity. */
export function graphElements(view: NetworkView, query: GraphQuery): GraphResponse {
  const { index } = view;
  const focus = query.focus === undefined ? undefined : index.indexOf.get(query.focus);
  if (query.focus !== undefined && focus === undefined) {
    throw new NotFoundError(
      `Unknown company id "${query.focus}" in focus; search with GET /api/companies?q=…`,
      query.focus,
      'focus',
    );
  }
  const edgeOk = edgeFilter(view, query.commodity);
  const nodeOk = nodeFilter(view, query, focus);
  const roots = focus === undefined ? view.focalIndices() : [focus];
  const bounds =
    focus === undefined
      ? { up: query.depth, down: 0, limit: query.limit }
      : { up: query.up, down: query.down, limit: query.limit };
  const kept = search(view, roots, bounds, edgeOk, nodeOk);
  return { ...elements(view, kept.nodes, edgeOk), truncated: kept.truncated };
}

function edgeFilter(view: NetworkView, commodity: string | undefined): (e: number) => boolean {
  if (commodity === undefined) return () => true;
  const c = view.index.commodities.indexOf(commodity);
  if (c < 0)
    throw new UsageError(`Unknown commodity "${commodity}"; GET /api/summary lists the commodities.`, 'commodity');
  const { groupCommodity, edgeGroup } = view.index;
  return (e) => groupCommodity[edgeGroup[e]!] === c;
}

function nodeFilter(view: NetworkView, query: GraphQuery, focus: number | undefined): (i: number) => boolean {
  const country = query.country?.toUpperCase();
  let critical: Uint8Array | undefined;
  if (query.criticalOnly && focus !== undefined) {
    critical = new Uint8Array(view.index.n);
    for (const x of members(view.analysis.failures.criticalSuppliers, focus)) critical[x] = 1;
    for (const x of members(view.analysis.failures.blastRadius, focus)) critical[x] = 1;
  } else if (query.criticalOnly) {
    critical = view.criticalToFocal();
  }
  const companies = view.index.network.companies;
  return (i) =>
    (country === undefined || companies[i]!.country?.toUpperCase() === country) &&
    (critical === undefined || critical[i] === 1);
}

/** Breadth-first from `roots` (all kept), `up` and `down` levels, keeping up to `limit` nodes that pass `nodeOk`. */
function search(
  view: NetworkView,
  roots: number[],
  bounds: { up: number; down: number; limit: number },
  edgeOk: (e: number) => boolean,
  nodeOk: (i: number) => boolean,
): { nodes: number[]; truncated: boolean } {
  const { n, buyerGroupStart, groupEdgeStart, edgeSupplier, outStart, outEdges, edgeBuyer } = view.index;
  const seen = new Uint8Array(n); // bit UP / DOWN: already queued in that direction
  const inView = new Uint8Array(n);
  const nodes: number[] = [];
  let frontier: { node: number; dir: number }[] = [];
  const keep = (x: number): boolean => {
    if (inView[x] === 1) return true;
    if (nodes.length >= bounds.limit) return false;
    inView[x] = 1;
    nodes.push(x);
    return true;
  };
  for (const r of roots) {
    if (!keep(r)) return { nodes, truncated: true };
    seen[r] = UP | DOWN;
    frontier.push({ node: r, dir: UP | DOWN });
  }
  for (let level = 0; frontier.length > 0; level++) {
    const next: { node: number; dir: number }[] = [];
    const reach = (x: number, dir: number): boolean => {
      if ((seen[x]! & dir) !== 0) return true;
      seen[x]! |= dir;
      next.push({ node: x, dir });
      return !nodeOk(x) || keep(x);
    };
    for (const { node, dir } of frontier) {
      if ((dir & UP) !== 0 && level < bounds.up) {
        const from = groupEdgeStart[buyerGroupStart[node]!]!;
        const to = groupEdgeStart[buyerGroupStart[node + 1]!]!;
        for (let e = from; e < to; e++)
          if (edgeOk(e) && !reach(edgeSupplier[e]!, UP)) return { nodes, truncated: true };
      }
      if ((dir & DOWN) !== 0 && level < bounds.down) {
        for (let j = outStart[node]!, end = outStart[node + 1]!; j < end; j++) {
          const e = outEdges[j]!;
          if (edgeOk(e) && !reach(edgeBuyer[e]!, DOWN)) return { nodes, truncated: true };
        }
      }
    }
    frontier = next;
  }
  return { nodes, truncated: false };
}

/** Nodes and the followed supplies among them. */
function elements(
  view: NetworkView,
  kept: number[],
  edgeOk: (e: number) => boolean,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const { index } = view;
  const inView = new Uint8Array(index.n);
  for (const x of kept) inView[x] = 1;
  const criticalToFocal = view.criticalToFocal();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const v of kept) {
    const hidden = new Set<number>();
    const from = index.groupEdgeStart[index.buyerGroupStart[v]!]!;
    const to = index.groupEdgeStart[index.buyerGroupStart[v + 1]!]!;
    for (let e = from; e < to; e++) {
      if (!edgeOk(e)) continue;
      const u = index.edgeSupplier[e]!;
      if (inView[u] === 0) {
        hidden.add(u);
        continue;
      }
      edges.push({
        id: `e${index.edgeRow[e]}`,
        source: index.ids[u]!,
        target: index.ids[v]!,
        commodity: view.commodityOf(e),
        share: index.edgeShare[e]!,
        access: ACCESS_NAMES[index.edgeAccess[e]!]!,
        singleSource: view.isSingleSource(e),
        bufferDays: index.edgeBuffer[e]!,
      });
    }
    const row = view.row(v);
    nodes.push({
      id: row.id,
      name: row.name,
      tier: row.tier,
      country: row.country,
      ownScore: row.ownScore,
      ownLevel: row.ownLevel,
      effectiveScore: row.effectiveScore,
      unassessed: row.unassessed,
      riskContribution: row.riskContribution,
      focal: view.isFocal(v),
      criticalToFocal: criticalToFocal[v] === 1,
      hiddenSuppliers: hidden.size,
    });
  }
  return { nodes, edges };
}
