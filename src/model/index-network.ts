/**
 * Builds the compact indexed form of a network that every analysis runs on: companies
 * are integers 0..n-1 in file order, supplies are edges sorted by (buyer, commodity) so
 * that each (buyer, commodity) group is one contiguous run, and every per-company or
 * per-edge quantity lives in a typed array. Shares are normalised here (README: a
 * group with no shares splits equally; given shares are scaled to sum 1).
 *
 * Assumes a network that passed validation (ids unique, references resolve, no mixed
 * share groups); it throws on a dangling reference rather than guess.
 */
import type { Access, Network } from './types.ts';

export const ACCESS_CODE: Record<Access, number> = { none: 0, data: 1, network: 2, software: 3 };
export const ACCESS_NAMES: readonly Access[] = ['none', 'data', 'network', 'software'];

export interface IndexedNetwork {
  /** Number of companies. */
  n: number;
  /** Number of supplies (edges). */
  m: number;
  network: Network;
  ids: string[];
  indexOf: Map<string, number>;
  /** scs_level, or -1 when absent. */
  scsLevel: Int8Array;
  /** security_score, or NaN when absent. */
  securityScore: Float64Array;
  /** Revenue with the default (1) applied: the value at stake. */
  value: Float64Array;
  focal: Uint8Array;
  /** Edge arrays, edges sorted by buyer then commodity (first-seen order of commodities). */
  edgeSupplier: Int32Array;
  edgeBuyer: Int32Array;
  /** Normalised share of the buyer's need for the commodity. */
  edgeShare: Float64Array;
  edgeGroup: Int32Array;
  /** Access code (see ACCESS_CODE); `none` when absent. */
  edgeAccess: Uint8Array;
  /** buffer_days with the default 0 applied. */
  edgeBuffer: Float64Array;
  /** spend, or NaN when absent. */
  edgeSpend: Float64Array;
  /** Position of the edge's row in `network.supplies`. */
  edgeRow: Int32Array;
  commodities: string[];
  /** Number of (buyer, commodity) groups. */
  groupCount: number;
  groupBuyer: Int32Array;
  groupCommodity: Int32Array;
  /** Edges of group g are groupEdgeStart[g] .. groupEdgeStart[g+1]-1. */
  groupEdgeStart: Int32Array;
  /** Groups of buyer v are buyerGroupStart[v] .. buyerGroupStart[v+1]-1. */
  buyerGroupStart: Int32Array;
  /** Out-edges of supplier u are outEdges[outStart[u] .. outStart[u+1]-1] (edge indices). */
  outStart: Int32Array;
  outEdges: Int32Array;
  /**
   * The buyer, group and share of out-edge slot k (= edge outEdges[k]), laid out in
   * out-edge order so that a cascade reads them sequentially instead of through the
   * outEdges indirection.
   */
  outBuyer: Int32Array;
  outGroup: Int32Array;
  outShare: Float64Array;
  /**
   * Rank of each company id in plain string order (ids[i] < ids[j] ⇔ idRank[i] <
   * idRank[j]), so that reports sort by id with integer keys; computed on first use.
   */
  readonly idRank: Int32Array;
  /** The same for `commodities`. */
  readonly commodityRank: Int32Array;
}

/**
 * The supplies of a network with their endpoints and commodities already numbered, as the
 * reader finds them while checking the ids (`ReadResult.resolved`): `supplier[r]` and
 * `buyer[r]` are company indices (`indexOf`) of `network.supplies[r]`, `commodity[r]` an
 * index of `commodities`, numbered in order of first appearance.
 */
export interface ResolvedSupplies {
  indexOf: Map<string, number>;
  supplier: Int32Array;
  buyer: Int32Array;
  commodity: Int32Array;
  commodities: string[];
}

/**
 * Indexes a validated network; `resolved` (from `readNetwork`, for this very network)
 * saves looking every supply's ids up again.
 *
 * @example
 *   const idx = indexNetwork(network); idx.indexOf.get('acme');
 *   const { network, resolved } = await readNetwork(dir); indexNetwork(network, resolved);
 */
export function indexNetwork(network: Network, resolved?: ResolvedSupplies): IndexedNetwork {
  const { companies, supplies } = network;
  const n = companies.length;
  const m = supplies.length;
  const pre =
    resolved !== undefined && resolved.supplier.length === m && resolved.indexOf.size === n ? resolved : undefined;
  const company = companyColumns(companies, pre?.indexOf);
  const rows = packRows(supplies, company.indexOf, n, pre);
  const order = edgeOrder(rows, n, m);
  const edges = edgeColumns(rows, order);
  const groups = groupEdges(edges.edgeBuyer, edges.edgeCommodity, n);
  normaliseShares(groups.groupEdgeStart, edges.edgeShare);
  const out = outEdgesOf(edges, groups.edgeGroup, n);

  const { ids } = company;
  const { commodities } = rows;
  let idRank: Int32Array | undefined;
  let commodityRank: Int32Array | undefined;
  return {
    n,
    m,
    network,
    ...company,
    get idRank(): Int32Array {
      return (idRank ??= stringRanks(ids));
    },
    get commodityRank(): Int32Array {
      return (commodityRank ??= stringRanks(commodities));
    },
    edgeSupplier: edges.edgeSupplier,
    edgeBuyer: edges.edgeBuyer,
    edgeShare: edges.edgeShare,
    edgeGroup: groups.edgeGroup,
    edgeAccess: edges.edgeAccess,
    edgeBuffer: edges.edgeBuffer,
    edgeSpend: edges.edgeSpend,
    edgeRow: order,
    commodities,
    groupCount: groups.groupCount,
    groupBuyer: groups.groupBuyer,
    groupCommodity: groups.groupCommodity,
    groupEdgeStart: groups.groupEdgeStart,
    buyerGroupStart: groups.buyerGroupStart,
    ...out,
  };
}

/** Phase 1: the companies as columns, and the id → index map (unless the reader made it). */
function companyColumns(companies: Network['companies'], indexOf?: Map<string, number>) {
  const n = companies.length;
  const ids = new Array<string>(n);
  const index = indexOf ?? new Map<string, number>();
  const scsLevel = new Int8Array(n);
  const securityScore = new Float64Array(n);
  const value = new Float64Array(n);
  const focal = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = companies[i]!;
    ids[i] = c.id;
    if (indexOf === undefined) index.set(c.id, i);
    scsLevel[i] = c.scsLevel ?? -1;
    securityScore[i] = c.securityScore ?? Number.NaN;
    value[i] = c.revenue ?? 1;
    focal[i] = c.focal ? 1 : 0;
  }
  return { ids, indexOf: index, scsLevel, securityScore, value, focal };
}

/** The supply rows packed in file order, with their endpoints and commodity resolved, and the edges per buyer. */
interface PackedRows {
  /** Per row [supplier, buyer, commodity, access]: reading a row in edge order costs two cache misses, not seven. */
  ints: Int32Array;
  /** Per row [share, buffer, spend]. */
  nums: Float64Array;
  /** Prefix sums of the edges per buyer (length n + 1). */
  buyerEdgeStart: Int32Array;
  commodities: string[];
}

/**
 * Phase 2: resolve endpoints and commodities (unless the reader did) and count edges per
 * buyer. Rows of one buyer often come together, so the last buyer's lookup is reused.
 */
function packRows(
  supplies: Network['supplies'],
  indexOf: Map<string, number>,
  n: number,
  pre?: ResolvedSupplies,
): PackedRows {
  const m = supplies.length;
  const commodityIndex = new Map<string, number>();
  const commodities: string[] = pre === undefined ? [] : [...pre.commodities];
  const ints = new Int32Array(4 * m);
  const nums = new Float64Array(3 * m);
  const buyerEdgeStart = new Int32Array(n + 1);
  let lastBuyer: string | null = null;
  let lastV: number | undefined;
  for (let r = 0; r < m; r++) {
    const s = supplies[r]!;
    let u: number | undefined;
    let v: number | undefined;
    let c: number | undefined;
    if (pre !== undefined) {
      u = pre.supplier[r]!;
      v = pre.buyer[r]!;
      c = pre.commodity[r]!;
    } else {
      u = indexOf.get(s.supplier);
      v = s.buyer === lastBuyer ? lastV : indexOf.get(s.buyer);
      if (u === undefined || v === undefined) {
        throw new Error(
          `indexNetwork: supply row ${r} refers to unknown company "${u === undefined ? s.supplier : s.buyer}"`,
        );
      }
      lastBuyer = s.buyer;
      lastV = v;
      c = commodityIndex.get(s.commodity);
      if (c === undefined) {
        c = commodities.length;
        commodities.push(s.commodity);
        commodityIndex.set(s.commodity, c);
      }
    }
    ints[4 * r] = u;
    ints[4 * r + 1] = v;
    ints[4 * r + 2] = c;
    ints[4 * r + 3] = accessCode(s.access);
    nums[3 * r] = s.share ?? Number.NaN;
    nums[3 * r + 1] = s.bufferDays ?? 0;
    nums[3 * r + 2] = s.spend ?? Number.NaN;
    buyerEdgeStart[v + 1]!++;
  }
  for (let v = 0; v < n; v++) buyerEdgeStart[v + 1]! += buyerEdgeStart[v]!;
  return { ints, nums, buyerEdgeStart, commodities };
}

/**
 * Phase 3: the rows in (buyer, commodity, row) order, by two stable counting sorts — by
 * commodity, then by buyer — in O(n + m + commodities).
 */
function edgeOrder(rows: PackedRows, n: number, m: number): Int32Array {
  const { ints, buyerEdgeStart, commodities } = rows;
  const byCommodity = new Int32Array(m);
  const start = new Int32Array(commodities.length + 1);
  for (let r = 0; r < m; r++) start[ints[4 * r + 2]! + 1]!++;
  for (let c = 0; c < commodities.length; c++) start[c + 1]! += start[c]!;
  for (let r = 0; r < m; r++) byCommodity[start[ints[4 * r + 2]!]!++] = r;
  const order = new Int32Array(m);
  const fill = buyerEdgeStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    const r = byCommodity[k]!;
    order[fill[ints[4 * r + 1]!]!++] = r;
  }
  return order;
}

/** Phase 4: the edge columns in that order (rows are in file order, edges are not). */
function edgeColumns(rows: PackedRows, order: Int32Array) {
  const m = order.length;
  const { ints, nums } = rows;
  const edgeSupplier = new Int32Array(m);
  const edgeBuyer = new Int32Array(m);
  const edgeCommodity = new Int32Array(m);
  const edgeAccess = new Uint8Array(m);
  const edgeShare = new Float64Array(m);
  const edgeBuffer = new Float64Array(m);
  const edgeSpend = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const r = order[e]!;
    edgeSupplier[e] = ints[4 * r]!;
    edgeBuyer[e] = ints[4 * r + 1]!;
    edgeCommodity[e] = ints[4 * r + 2]!;
    edgeAccess[e] = ints[4 * r + 3]!;
    edgeShare[e] = nums[3 * r]!;
    edgeBuffer[e] = nums[3 * r + 1]!;
    edgeSpend[e] = nums[3 * r + 2]!;
  }
  return { edgeSupplier, edgeBuyer, edgeCommodity, edgeAccess, edgeShare, edgeBuffer, edgeSpend };
}

/** Phase 5: the (buyer, commodity) groups: consecutive edges of one buyer and commodity. */
function groupEdges(edgeBuyer: Int32Array, edgeCommodity: Int32Array, n: number) {
  const m = edgeBuyer.length;
  const edgeGroup = new Int32Array(m);
  const groupBuyerAll = new Int32Array(m);
  const groupCommodityAll = new Int32Array(m);
  const groupStartAll = new Int32Array(m + 1);
  let groupCount = 0;
  const buyerGroupStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const v = edgeBuyer[e]!;
    const c = edgeCommodity[e]!;
    if (groupCount === 0 || groupBuyerAll[groupCount - 1] !== v || groupCommodityAll[groupCount - 1] !== c) {
      groupBuyerAll[groupCount] = v;
      groupCommodityAll[groupCount] = c;
      groupStartAll[groupCount] = e;
      groupCount++;
      buyerGroupStart[v + 1]!++;
    }
    edgeGroup[e] = groupCount - 1;
  }
  for (let v = 0; v < n; v++) buyerGroupStart[v + 1]! += buyerGroupStart[v]!;
  groupStartAll[groupCount] = m;
  return {
    edgeGroup,
    groupCount,
    groupBuyer: groupBuyerAll.slice(0, groupCount),
    groupCommodity: groupCommodityAll.slice(0, groupCount),
    groupEdgeStart: groupStartAll.slice(0, groupCount + 1),
    buyerGroupStart,
  };
}

/** Phase 6: shares per group, in place: an equal split when any is missing, else scaled to sum 1. */
function normaliseShares(groupEdgeStart: Int32Array, edgeShare: Float64Array): void {
  for (let g = 0; g + 1 < groupEdgeStart.length; g++) {
    const a = groupEdgeStart[g]!;
    const b = groupEdgeStart[g + 1]!;
    let sum = 0;
    let given = true;
    for (let e = a; e < b; e++) {
      const sh = edgeShare[e]!;
      if (Number.isNaN(sh)) given = false;
      else sum += sh;
    }
    for (let e = a; e < b; e++) edgeShare[e] = given && sum > 0 ? edgeShare[e]! / sum : 1 / (b - a);
  }
}

/** Phase 7: the out-edges by supplier, with their buyer, group and share alongside. */
function outEdgesOf(
  edges: { edgeSupplier: Int32Array; edgeBuyer: Int32Array; edgeShare: Float64Array },
  edgeGroup: Int32Array,
  n: number,
) {
  const m = edges.edgeSupplier.length;
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) outStart[edges.edgeSupplier[e]! + 1]!++;
  for (let u = 0; u < n; u++) outStart[u + 1]! += outStart[u]!;
  const outEdges = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) outEdges[outFill[edges.edgeSupplier[e]!]!++] = e;
  const outBuyer = new Int32Array(m);
  const outGroup = new Int32Array(m);
  const outShare = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const e = outEdges[k]!;
    outBuyer[k] = edges.edgeBuyer[e]!;
    outGroup[k] = edgeGroup[e]!;
    outShare[k] = edges.edgeShare[e]!;
  }
  return { outStart, outEdges, outBuyer, outGroup, outShare };
}

/** Rank of each string in plain string order (ties keep their order); O(n) when already sorted. */
function stringRanks(strings: readonly string[]): Int32Array {
  const n = strings.length;
  const rank = new Int32Array(n);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = !(strings[i]! < strings[i - 1]!);
  if (sorted) {
    for (let i = 0; i < n; i++) rank[i] = i;
    return rank;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : a - b));
  for (let r = 0; r < n; r++) rank[order[r]!] = r;
  return rank;
}

/** ACCESS_CODE of a supply's access (none when absent), without a keyed lookup per row. */
function accessCode(access: Access | null): number {
  switch (access) {
    case 'data':
      return 1;
    case 'network':
      return 2;
    case 'software':
      return 3;
    default:
      return 0;
  }
}
