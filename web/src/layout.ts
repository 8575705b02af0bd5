/**
 * Layered left-to-right positions for the supply map, computed here because tiers are
 * already known (dagre or ELK would rediscover them, slowly, for thousands of nodes).
 * x comes from the tier: the deepest tier is the leftmost column, the focal companies
 * (tier 0) the rightmost, and companies with no tier (no path to a focal company) get a
 * column of their own at the far left. Within a column the order is chosen by the
 * barycentre heuristic of Sugiyama, Tagawa & Toda (1981): a few alternating sweeps, each
 * sorting a column by the mean position of its neighbours in the columns already swept,
 * which removes most edge crossings. A column taller than `maxRows` wraps, row by row,
 * into side-by-side sub-columns so that a 900-company tier stays on screen; by default
 * the number of rows is chosen to give the drawing the screen's aspect ratio. Pure: ids
 * in, positions out; the result goes to Cytoscape as a `preset` layout.
 *
 * @example
 *   const pos = layeredPositions([{ id: 'oem', tier: 0 }, { id: 'bolts', tier: 1 }], [{ source: 'bolts', target: 'oem' }]);
 *   pos.get('bolts'); // { x: 0, y: 0 } — left of the OEM at { x: 320, y: 0 }
 */

export interface LayoutNode {
  id: string;
  /** Supply edges down to a focal company (0 = focal); null when none reaches one. */
  tier: number | null;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface Position {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Horizontal distance from one tier column to the next. */
  columnGap: number;
  /** Vertical distance between neighbours in a column. */
  rowGap: number;
  /**
   * A column with more companies wraps into sub-columns of at most this many; 'auto'
   * picks the number that brings the drawing closest to `aspect`.
   */
  maxRows: number | 'auto';
  /** Width / height the drawing should have when `maxRows` is 'auto' (the screen's). */
  aspect: number;
  /** Horizontal distance between the sub-columns of one wrapped tier. */
  subColumnGap: number;
  /** Number of left-right sweep pairs of the barycentre ordering. */
  sweeps: number;
}

export const DEFAULTS: Readonly<LayoutOptions> = Object.freeze({
  columnGap: 320,
  rowGap: 58,
  maxRows: 'auto',
  aspect: 1.6,
  subColumnGap: 190,
  sweeps: 4,
});

/** Positions for every node, keyed by id. Throws on a duplicate id or an edge to an unknown node. */
export function layeredPositions(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: Partial<LayoutOptions> = {},
): Map<string, Position> {
  const o = { ...DEFAULTS, ...options };
  if (
    !(o.rowGap > 0 && o.columnGap > 0 && o.subColumnGap > 0 && o.aspect > 0 && o.sweeps >= 0) ||
    (o.maxRows !== 'auto' && !(o.maxRows >= 1))
  ) {
    throw new Error('layout: rowGap, columnGap, subColumnGap, aspect and maxRows must be positive');
  }
  const index = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (index.has(n.id)) throw new Error(`layout: duplicate node id "${n.id}"`);
    index.set(n.id, i);
  });
  const adjacency: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined)
      throw new Error(`layout: edge ${e.source} → ${e.target} names an unknown node`);
    if (s === t) continue;
    adjacency[s]!.push(t);
    adjacency[t]!.push(s);
  }

  const columns = assignColumns(nodes);
  const column = new Int32Array(nodes.length);
  columns.forEach((members, c) => members.forEach((i) => (column[i] = c)));
  // y of a node before wrapping: its rank, centred on the column's middle.
  const y = new Float64Array(nodes.length);
  const place = (members: number[]): void => members.forEach((i, r) => (y[i] = r - (members.length - 1) / 2));
  columns.forEach(place);

  const sweepColumn = (c: number, fromLeft: boolean): void => {
    const members = columns[c]!;
    const key = new Map<number, number>();
    for (const i of members) {
      let sum = 0;
      let count = 0;
      for (const j of adjacency[i]!) {
        if (fromLeft ? column[j]! < c : column[j]! > c) {
          sum += y[j]!;
          count++;
        }
      }
      key.set(i, count > 0 ? sum / count : y[i]!);
    }
    members.sort((a, b) => key.get(a)! - key.get(b)! || y[a]! - y[b]!);
    place(members);
  };
  // Start from the focal side: few companies, and the ones an analyst reads first.
  for (let s = 0; s < o.sweeps; s++) {
    for (let c = columns.length - 2; c >= 0; c--) sweepColumn(c, false);
    for (let c = 1; c < columns.length; c++) sweepColumn(c, true);
  }

  const sizes = columns.map((c) => c.length);
  const maxRows = o.maxRows === 'auto' ? fittingRows(sizes, o) : o.maxRows;
  const positions = new Map<string, Position>();
  let x = 0;
  for (const members of columns) {
    // Wrapped row by row, so that y still follows the barycentre order.
    const wraps = Math.ceil(members.length / maxRows);
    const rows = Math.ceil(members.length / Math.max(wraps, 1));
    members.forEach((i, r) => {
      const row = Math.floor(r / wraps);
      const sub = r - row * wraps;
      positions.set(nodes[i]!.id, { x: x + sub * o.subColumnGap, y: (row - (rows - 1) / 2) * o.rowGap });
    });
    x += Math.max(wraps - 1, 0) * o.subColumnGap + o.columnGap;
  }
  return positions;
}

/** The rows per sub-column whose drawing's width / height comes closest to `aspect` (never fewer than 6). */
function fittingRows(sizes: number[], o: LayoutOptions): number {
  const tallest = Math.max(1, ...sizes);
  let best = tallest;
  let bestMiss = Infinity;
  for (let rows = Math.min(6, tallest); rows <= tallest; rows++) {
    let width = 0;
    let height = 0;
    for (const size of sizes) {
      const wraps = Math.ceil(size / rows);
      width += (wraps - 1) * o.subColumnGap + o.columnGap;
      height = Math.max(height, Math.ceil(size / wraps));
    }
    const miss = Math.abs(Math.log((width - o.columnGap + o.subColumnGap) / (height * o.rowGap) / o.aspect));
    if (miss < bestMiss - 1e-9) {
      best = rows;
      bestMiss = miss;
    }
  }
  return best;
}

/** Node indices per column, left to right: untiered first (if any), then the deepest tier … tier 0. */
function assignColumns(nodes: readonly LayoutNode[]): number[][] {
  let maxTier = -1;
  let untiered = false;
  for (const n of nodes) {
    if (n.tier === null) untiered = true;
    else if (!Number.isInteger(n.tier) || n.tier < 0)
      throw new Error(`layout: node "${n.id}" has tier ${n.tier}; expected an integer ≥ 0 or null`);
    else maxTier = Math.max(maxTier, n.tier);
  }
  const offset = untiered ? 1 : 0;
  const columns: number[][] = Array.from({ length: maxTier + 1 + offset }, () => []);
  nodes.forEach((n, i) => columns[n.tier === null ? 0 : maxTier - n.tier + offset]!.push(i));
  return columns.filter((c) => c.length > 0);
}

/** The number of pairs of edges whose straight segments cross (a measure for tests and tuning; O(edges²)). */
export function countCrossings(positions: ReadonlyMap<string, Position>, edges: readonly LayoutEdge[]): number {
  const segments = edges.map((e) => [positions.get(e.source), positions.get(e.target)] as const);
  let crossings = 0;
  for (let a = 0; a < segments.length; a++) {
    const [p, q] = segments[a]!;
    if (!p || !q) continue;
    for (let b = a + 1; b < segments.length; b++) {
      const [r, s] = segments[b]!;
      if (r && s && properlyCross(p, q, r, s)) crossings++;
    }
  }
  return crossings;
}

function properlyCross(p: Position, q: Position, r: Position, s: Position): boolean {
  const side = (a: Position, b: Position, c: Position): number =>
    Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  const d1 = side(p, q, r);
  const d2 = side(p, q, s);
  const d3 = side(r, s, p);
  const d4 = side(r, s, q);
  return d1 * d2 < 0 && d3 * d4 < 0;
}
