/**
 * The map's elements, bounded in size. Around a focus company: a breadth-first search up
 * the supplier edges for `up` tiers and down the buyer edges for `down` tiers (a company
 * reached going up is only followed further up, and likewise down). Without a focus:
 * the tier-0 companies' upstream to `depth` tiers. When more companies are reachable
 * than `limit`, the view keeps what matters first (src/analysis/view-cap.ts): the focus
 * (or the tier-0 companies), their critical suppliers at every tier, the companies on
 * the paths by which those reach them (the shortest supply path found by the search,
 * and the exposure path of each root), then the highest risk contributors, each tier
 * column getting its share of the limit. Nodes come in the order reached; `truncated`
 * says the limit cut the view, `cap` counts what was kept of each kind and of how many.
 *
 * Filters. `commodity`: only supplies of that commodity are followed and drawn.
 * `country`: the search passes through every company but keeps only those of that
 * country. `criticalOnly`: keeps only the focus's critical suppliers and the companies
 * in its blast radius (without a focus: the critical suppliers of a tier-0 company).
 * The focus (or the tier-0 companies) are always kept. Edges are the supplies among the
 * kept companies; `hiddenSuppliers` counts a node's suppliers (over followed supplies)
 * that are not in the view, so the map can offer to expand it. A request costs O(reached +
 * their edges) on work arrays kept by the view, plus one pass over the ranking when the
 * limit cuts.
 */
import { members } from '../analysis/blast-radius.ts';
import { exposurePath } from '../analysis/exposure-path.ts';
import { capView, KIND } from '../analysis/view-cap.ts';
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

/** The most views without a focus (one per depth, limit and filters) a network version keeps. */
export const MAX_KEPT_OVERVIEWS = 16;

/**
 * As `graphElements`; a view without a focus — the overview every page opens with, the
 * same for everyone for given filters — is computed once per network version and kept
 * (at most MAX_KEPT_OVERVIEWS of them), as at a million companies it takes a noticeable
 * part of a second. Rejects as `graphElements` throws.
 */
export function keptGraphElements(view: NetworkView, query: GraphQuery): Promise<GraphResponse> {
  if (query.focus !== undefined) return Promise.resolve().then(() => graphElements(view, query));
  const { depth, limit, commodity, country, criticalOnly } = query;
  const key = JSON.stringify([depth, limit, commodity ?? null, country?.toUpperCase() ?? null, criticalOnly]);
  return view.kept('graph', key, () => graphElements(view, query), MAX_KEPT_OVERVIEWS);
}

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
  const bounds = focus === undefined ? { up: query.depth, down: 0 } : { up: query.up, down: query.down };
  const scratch = scratchOf(view);
  const reach = search(view, scratch, roots, bounds, edgeOk);
  try {
    const kind = kinds(view, scratch, reach, roots, focus, nodeOk);
    const { column, columns } = tierColumns(view);
    const cut = capView({ ...reach, kind, column, columns, ranked: view.ranked(), limit: query.limit });
    const [, rootsKept, critical, onPaths, topRisk] = cut.kept;
    return {
      ...elements(view, cut.nodes, edgeOk),
      truncated: cut.truncated,
      cap: {
        shown: cut.nodes.length,
        reachable: cut.reachable,
        total: index.n,
        roots: rootsKept,
        critical,
        onPaths,
        topRisk,
        criticalReachable: cut.candidates[KIND.critical],
      },
    };
  } finally {
    clear(scratch, reach);
  }
}

/**
 * Per-company work arrays of one view, kept between requests and cleared after each for
 * the companies it touched, so a request costs O(reached + their edges), not O(n).
 * Requests run one at a time in a thread, so one set per view is enough.
 */
interface Scratch {
  /** Bits UP / DOWN: queued in that direction. */
  seen: Uint8Array;
  order: Int32Array;
  parent: Int32Array;
  /** Where a company was queued going up. */
  upSlot: Int32Array;
  queue: Int32Array;
  dirs: Uint8Array;
  kind: Uint8Array;
  onPath: Uint8Array;
  critical: Uint8Array;
}

function scratchOf(view: NetworkView): Scratch {
  // Work arrays, used by one (synchronous) request at a time: one set per version, whatever the date.
  return view.shared('graphScratch', () => {
    const n = view.index.n;
    return {
      seen: new Uint8Array(n),
      order: new Int32Array(n),
      parent: new Int32Array(n).fill(-1),
      upSlot: new Int32Array(n),
      queue: new Int32Array(2 * n),
      dirs: new Uint8Array(2 * n),
      kind: new Uint8Array(n),
      onPath: new Uint8Array(n),
      critical: new Uint8Array(n),
    };
  });
}

/** Puts back the entries a request touched (every one is a reached company). */
function clear(scratch: Scratch, reach: Reach): void {
  for (let k = 0; k < reach.count; k++) {
    const x = reach.order[k]!;
    scratch.seen[x] = 0;
    scratch.parent[x] = -1;
    scratch.kind[x] = 0;
    scratch.onPath[x] = 0;
    scratch.critical[x] = 0;
  }
}

/** Null when every supply is followed. */
function edgeFilter(view: NetworkView, commodity: string | undefined): ((e: number) => boolean) | null {
  if (commodity === undefined) return null;
  const c = view.index.commodities.indexOf(commodity);
  if (c < 0)
    throw new UsageError(`Unknown commodity "${commodity}"; GET /api/summary lists the commodities.`, 'commodity');
  const { groupCommodity, edgeGroup } = view.index;
  return (e) => groupCommodity[edgeGroup[e]!] === c;
}

/** Null when every company passes. */
function nodeFilter(view: NetworkView, query: GraphQuery, focus: number | undefined): ((i: number) => boolean) | null {
  const country = query.country?.toUpperCase();
  let critical: Uint8Array | undefined;
  if (query.criticalOnly && focus !== undefined) {
    critical = new Uint8Array(view.index.n);
    for (const x of members(view.analysis.failures.criticalSuppliers, focus)) critical[x] = 1;
    for (const x of members(view.analysis.failures.blastRadius, focus)) critical[x] = 1;
  } else if (query.criticalOnly) {
    critical = view.criticalToFocal();
  }
  if (country === undefined && critical === undefined) return null;
  const companies = view.index.network.companies;
  return (i) =>
    (country === undefined || companies[i]!.country?.toUpperCase() === country) &&
    (critical === undefined || critical[i] === 1);
}

interface Reach {
  /** Companies in the order reached, roots first: `order[0 .. count − 1]`. */
  order: Int32Array;
  count: number;
  /** The buyer (of smallest id) through which each company was first reached going up; −1 for the roots and the rest. */
  parent: Int32Array;
  /** Non-zero for a reached company. */
  seen: Uint8Array;
}

/** Breadth-first from `roots`, `up` levels up the supplier edges and `down` levels down the buyer edges. */
function search(
  view: NetworkView,
  scratch: Scratch,
  roots: number[],
  bounds: { up: number; down: number },
  edgeOk: ((e: number) => boolean) | null,
): Reach {
  const { buyerGroupStart, groupEdgeStart, edgeSupplier, outStart, outEdges, edgeBuyer, idRank } = view.index;
  const { seen, order, parent, queue, dirs, upSlot } = scratch;
  let count = 0;
  let tail = 0;
  let levelEnd = 0;
  const reach = (x: number, dir: number, from: number): void => {
    if ((seen[x]! & dir) !== 0) {
      // Reached again from this level: the parent is the buyer of smallest id, whatever the file order.
      if (dir === UP && upSlot[x]! >= levelEnd && parent[x]! >= 0 && idRank[from]! < idRank[parent[x]!]!)
        parent[x] = from;
      return;
    }
    if (seen[x] === 0) order[count++] = x;
    if (dir === UP) {
      parent[x] = from;
      upSlot[x] = tail;
    }
    seen[x]! |= dir;
    queue[tail] = x;
    dirs[tail++] = dir;
  };
  for (const r of roots) {
    if (seen[r] === 0) order[count++] = r;
    seen[r] = UP | DOWN;
    queue[tail] = r;
    dirs[tail++] = UP | DOWN;
  }
  for (let head = 0, level = 0; head < tail; level++) {
    levelEnd = tail;
    for (const end = tail; head < end; head++) {
      const node = queue[head]!;
      const dir = dirs[head]!;
      if ((dir & UP) !== 0 && level < bounds.up) {
        const from = groupEdgeStart[buyerGroupStart[node]!]!;
        const to = groupEdgeStart[buyerGroupStart[node + 1]!]!;
        for (let e = from; e < to; e++) if (edgeOk === null || edgeOk(e)) reach(edgeSupplier[e]!, UP, node);
      }
      if ((dir & DOWN) !== 0 && level < bounds.down) {
        for (let j = outStart[node]!, end = outStart[node + 1]!; j < end; j++) {
          const e = outEdges[j]!;
          if (edgeOk === null || edgeOk(e)) reach(edgeBuyer[e]!, DOWN, node);
        }
      }
    }
  }
  return { order, count, parent, seen };
}

/**
 * The KIND of each reached company: root; critical supplier of the focus (without one:
 * of a tier-0 company); on a path by which one reaches a root (the search's path back
 * from it, or a root's exposure path); other. Filtered-out companies are `none`.
 */
function kinds(
  view: NetworkView,
  scratch: Scratch,
  reach: Reach,
  roots: number[],
  focus: number | undefined,
  nodeOk: ((i: number) => boolean) | null,
): Uint8Array {
  const a = view.analysis;
  const { order, count, parent, seen } = reach;
  const { kind, onPath } = scratch;
  let critical: Uint8Array;
  if (focus === undefined) critical = view.criticalToFocal();
  else {
    critical = scratch.critical;
    for (const x of members(a.failures.criticalSuppliers, focus)) if (seen[x] !== 0) critical[x] = 1;
  }
  for (const r of roots) onPath[r] = 1;
  for (let k = 0; k < count; k++) {
    const x = order[k]!;
    if (critical[x] !== 1 || (nodeOk !== null && !nodeOk(x))) continue;
    for (let at = parent[x]!; at >= 0 && onPath[at] === 0; at = parent[at]!) onPath[at] = 1;
  }
  for (const r of roots) {
    for (const x of exposurePath(view.index, a.own, a.effective, a.fallOrder, r, a.options))
      if (seen[x] !== 0) onPath[x] = 1;
  }
  for (let k = 0; k < count; k++) {
    const x = order[k]!;
    if (nodeOk !== null && !nodeOk(x)) continue;
    kind[x] = critical[x] === 1 ? KIND.critical : onPath[x] === 1 ? KIND.onPath : KIND.other;
  }
  for (const r of roots) kind[r] = KIND.root;
  return kind;
}

/** The tier column of each company: its tier, or the last column for the companies without one (tiers do not depend on the date). */
function tierColumns(view: NetworkView): { column: Int32Array; columns: number } {
  return view.shared('tierColumns', () => {
    const columns = view.stats().maxTier + 2;
    const { tier } = view.analysis;
    const column = new Int32Array(view.index.n);
    for (let i = 0; i < column.length; i++) column[i] = tier[i]! < 0 ? columns - 1 : tier[i]!;
    return { column, columns };
  });
}

/** Nodes and the followed supplies among them. */
function elements(
  view: NetworkView,
  kept: number[],
  edgeOk: ((e: number) => boolean) | null,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const { index } = view;
  const inView = new Set(kept);
  const criticalToFocal = view.criticalToFocal();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const v of kept) {
    const hidden = new Set<number>();
    const from = index.groupEdgeStart[index.buyerGroupStart[v]!]!;
    const to = index.groupEdgeStart[index.buyerGroupStart[v + 1]!]!;
    for (let e = from; e < to; e++) {
      if (edgeOk !== null && !edgeOk(e)) continue;
      const u = index.edgeSupplier[e]!;
      if (!inView.has(u)) {
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
