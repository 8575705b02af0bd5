/**
 * The overview's positions: a layered drawing of the whole network by tier (README:
 * "Overview"). Column t holds the tier-t companies (tier 0, the focal companies, at
 * x = 0, deeper tiers to the right); companies with no tier — not upstream of any focal
 * company: their customers, or parts of the network that never reach them — get their own
 * column beyond the deepest tier. Within a column the companies are ordered by the
 * barycentre heuristic (Sugiyama, Tagawa and Toda 1981): a few sweeps, each placing every
 * company at the mean position of its buyers (sweeping away from tier 0) or of its
 * suppliers (sweeping back), so that supply lines cross less. A column with more than
 * `rowsPerLane` companies is spread over several lanes side by side (the order running
 * down the column, lane after lane in turn), so no column is a single unreadable line.
 *
 * O(E) per sweep plus one numeric sort of each column (keys packed into a Float64Array,
 * the current rank in the low bits: stable, and no object per company). Deterministic.
 */
import type { IndexedNetwork } from '../model/index-network.ts';

export const DEFAULTS = Object.freeze({
  /** Sweeps away from tier 0 and back (each pair counts as one). */
  sweeps: 4,
  /** A column with more companies is spread over ceil(count / rowsPerLane) lanes. */
  rowsPerLane: 400,
  /** Distance between two lanes of a column (a column's pitch is 1). */
  laneWidth: 0.02,
  /** Widest a column's lanes may spread (fraction of the pitch). */
  maxBandWidth: 0.6,
  /** Height of every column (x runs 0 … columns − 1). */
  height: 4,
});

export interface OverviewLayoutOptions {
  sweeps?: number;
  rowsPerLane?: number;
  laneWidth?: number;
  maxBandWidth?: number;
  height?: number;
}

export interface OverviewLayout {
  /** Position of company i: x grows with the tier, y runs 0 (top) … height. */
  x: Float32Array;
  y: Float32Array;
  /** Column of company i: its tier, or `noTierColumn`. */
  column: Int32Array;
  /** Number of columns. */
  columns: number;
  /** The column of the companies with no tier (the last one), or null when every company has a tier. */
  noTierColumn: number | null;
}

/**
 * Example: `overviewLayout(idx, tiers(idx)).x[idx.indexOf.get('fab')!]` → 3 (its tier, plus
 * its lane when tier 3 is spread over several).
 */
export function overviewLayout(
  index: IndexedNetwork,
  tier: Int32Array,
  options: OverviewLayoutOptions = {},
): OverviewLayout {
  const o = { ...DEFAULTS, ...options };
  const { n } = index;
  if (tier.length !== n) throw new Error(`overviewLayout: tier has ${tier.length} entries for ${n} companies`);
  if (!(Number.isInteger(o.sweeps) && o.sweeps >= 0)) throw new Error('overviewLayout: sweeps must be an integer ≥ 0');
  if (!(Number.isInteger(o.rowsPerLane) && o.rowsPerLane >= 1))
    throw new Error('overviewLayout: rowsPerLane must be an integer ≥ 1');

  let maxTier = -1;
  let anyNoTier = false;
  for (let i = 0; i < n; i++) {
    if (tier[i]! > maxTier) maxTier = tier[i]!;
    if (tier[i]! < 0) anyNoTier = true;
  }
  const noTierColumn = anyNoTier ? maxTier + 1 : null;
  const columns = maxTier + 1 + (anyNoTier ? 1 : 0);
  const column = new Int32Array(n);
  for (let i = 0; i < n; i++) column[i] = tier[i]! < 0 ? maxTier + 1 : tier[i]!;

  // The companies column by column (index order first), and each one's rank in its column.
  const start = new Int32Array(columns + 1);
  for (let i = 0; i < n; i++) start[column[i]! + 1]!++;
  for (let c = 0; c < columns; c++) start[c + 1]! += start[c]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, columns);
  for (let i = 0; i < n; i++) order[fill[column[i]!]!++] = i;
  const pos = new Float64Array(n);
  placeRanks(order, start, columns, pos);

  // The sweeps read each column in index order (`byIndex`: memory order, so the edge
  // arrays stream), and write the new order back into `order`.
  const byIndex = order.slice();
  const bary = new Float64Array(n);
  let widest = 0;
  for (let c = 0; c < columns; c++) widest = Math.max(widest, start[c + 1]! - start[c]!);
  const keys = new Float64Array(widest);
  for (let s = 0; s < o.sweeps; s++) {
    for (let c = 1; c < columns; c++) {
      buyerBarycentres(index, byIndex, start[c]!, start[c + 1]!, pos, bary);
      sortColumn(byIndex, order, start[c]!, start[c + 1]!, bary, keys, pos);
    }
    for (let c = columns - 2; c >= 0; c--) {
      supplierBarycentres(index, byIndex, start[c]!, start[c + 1]!, pos, bary);
      sortColumn(byIndex, order, start[c]!, start[c + 1]!, bary, keys, pos);
    }
  }

  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let c = 0; c < columns; c++) {
    const count = start[c + 1]! - start[c]!;
    const lanes = Math.ceil(count / o.rowsPerLane);
    const band = Math.min(o.maxBandWidth, (lanes - 1) * o.laneWidth);
    for (let r = 0; r < count; r++) {
      const i = order[start[c]! + r]!;
      const lane = r % lanes;
      x[i] = c + (lanes > 1 ? (lane / (lanes - 1) - 0.5) * band : 0);
      y[i] = ((r + 0.5) / count) * o.height;
    }
  }
  return { x, y, column, columns, noTierColumn };
}

/** pos[i] = (rank of i in its column + 0.5) / column size. */
function placeRanks(order: Int32Array, start: Int32Array, columns: number, pos: Float64Array): void {
  for (let c = 0; c < columns; c++) {
    const a = start[c]!;
    const count = start[c + 1]! - a;
    for (let r = 0; r < count; r++) pos[order[a + r]!] = (r + 0.5) / count;
  }
}

/** bary[i] = mean position of i's buyers, or its own position when it supplies nobody. */
function buyerBarycentres(
  index: IndexedNetwork,
  byIndex: Int32Array,
  from: number,
  to: number,
  pos: Float64Array,
  bary: Float64Array,
): void {
  const { outStart, outBuyer } = index;
  for (let k = from; k < to; k++) {
    const i = byIndex[k]!;
    const a = outStart[i]!;
    const b = outStart[i + 1]!;
    let sum = 0;
    for (let e = a; e < b; e++) sum += pos[outBuyer[e]!]!;
    bary[i] = b > a ? sum / (b - a) : pos[i]!;
  }
}

/** bary[i] = mean position of i's suppliers, or its own position when it has none. */
function supplierBarycentres(
  index: IndexedNetwork,
  byIndex: Int32Array,
  from: number,
  to: number,
  pos: Float64Array,
  bary: Float64Array,
): void {
  const { groupEdgeStart, buyerGroupStart, edgeSupplier } = index;
  for (let k = from; k < to; k++) {
    const i = byIndex[k]!;
    const a = groupEdgeStart[buyerGroupStart[i]!]!;
    const b = groupEdgeStart[buyerGroupStart[i + 1]!]!;
    let sum = 0;
    for (let e = a; e < b; e++) sum += pos[edgeSupplier[e]!]!;
    bary[i] = b > a ? sum / (b - a) : pos[i]!;
  }
}

/**
 * Orders the column byIndex[from..to) by barycentre into order[from..to), ties by their
 * rank before the sweep, and updates pos. The key packs the barycentre (high bits) and the
 * rank (low bits) into one exact double, so a plain numeric sort does it.
 */
function sortColumn(
  byIndex: Int32Array,
  order: Int32Array,
  from: number,
  to: number,
  bary: Float64Array,
  keys: Float64Array,
  pos: Float64Array,
): void {
  const count = to - from;
  if (count < 2) return;
  const rankBits = Math.max(1, Math.ceil(Math.log2(count)));
  const rankSpan = 2 ** rankBits;
  const levels = 2 ** (52 - rankBits) - 1;
  const column = keys.subarray(0, count);
  for (let j = 0; j < count; j++) {
    const i = byIndex[from + j]!;
    const b = Math.min(1, Math.max(0, bary[i]!));
    column[j] = Math.floor(b * levels) * rankSpan + Math.floor(pos[i]! * count);
  }
  column.sort();
  // The ranks are a permutation: rank r's company is the one order[] held there before.
  const before = order.slice(from, to);
  for (let r = 0; r < count; r++) {
    const i = before[column[r]! % rankSpan]!;
    order[from + r] = i;
    pos[i] = (r + 0.5) / count;
  }
}
