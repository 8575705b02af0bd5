/**
 * Builds the compact indexed form of a network that every analysis runs on: companies
 * are integers 0..n-1 in file order, supplies are edges sorted by (buyer, commodity) so
 * that each (buyer, commodity) group is one contiguous run, and every per-company or
 * per-edge quantity lives in a typed array. Shares are normalised here (DESIGN.md: a
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
}

/** Indexes a validated network. Example: `const idx = indexNetwork(network); idx.indexOf.get('acme')`. */
export function indexNetwork(network: Network): IndexedNetwork {
  const { companies, supplies } = network;
  const n = companies.length;
  const m = supplies.length;
  const ids = new Array<string>(n);
  const indexOf = new Map<string, number>();
  const scsLevel = new Int8Array(n);
  const securityScore = new Float64Array(n);
  const value = new Float64Array(n);
  const focal = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = companies[i]!;
    ids[i] = c.id;
    indexOf.set(c.id, i);
    scsLevel[i] = c.scsLevel ?? -1;
    securityScore[i] = c.securityScore ?? Number.NaN;
    value[i] = c.revenue ?? 1;
    focal[i] = c.focal ? 1 : 0;
  }

  // Resolve endpoints and commodities; count edges per buyer.
  const commodityIndex = new Map<string, number>();
  const commodities: string[] = [];
  const rowSupplier = new Int32Array(m);
  const rowBuyer = new Int32Array(m);
  const rowCommodity = new Int32Array(m);
  const buyerEdgeStart = new Int32Array(n + 1);
  for (let r = 0; r < m; r++) {
    const s = supplies[r]!;
    const u = indexOf.get(s.supplier);
    const v = indexOf.get(s.buyer);
    if (u === undefined || v === undefined) {
      throw new Error(`indexNetwork: supply row ${r} refers to unknown company "${u === undefined ? s.supplier : s.buyer}"`);
    }
    let c = commodityIndex.get(s.commodity);
    if (c === undefined) {
      c = commodities.length;
      commodities.push(s.commodity);
      commodityIndex.set(s.commodity, c);
    }
    rowSupplier[r] = u;
    rowBuyer[r] = v;
    rowCommodity[r] = c;
    buyerEdgeStart[v + 1]!++;
  }
  for (let v = 0; v < n; v++) buyerEdgeStart[v + 1]! += buyerEdgeStart[v]!;

  // Counting sort by buyer (stable), then by commodity within each buyer's run.
  const order = new Int32Array(m);
  const fill = buyerEdgeStart.slice(0, n);
  for (let r = 0; r < m; r++) order[fill[rowBuyer[r]!]!++] = r;
  for (let v = 0; v < n; v++) {
    const a = buyerEdgeStart[v]!;
    const b = buyerEdgeStart[v + 1]!;
    if (b - a > 1) order.subarray(a, b).sort((x, y) => rowCommodity[x]! - rowCommodity[y]! || x - y);
  }

  const edgeSupplier = new Int32Array(m);
  const edgeBuyer = new Int32Array(m);
  const edgeShare = new Float64Array(m);
  const edgeGroup = new Int32Array(m);
  const edgeAccess = new Uint8Array(m);
  const edgeBuffer = new Float64Array(m);
  const edgeSpend = new Float64Array(m);
  const groupBuyerList: number[] = [];
  const groupCommodityList: number[] = [];
  const groupStartList: number[] = [];
  const buyerGroupStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const r = order[e]!;
    const s = supplies[r]!;
    const v = rowBuyer[r]!;
    const c = rowCommodity[r]!;
    const g = groupBuyerList.length - 1;
    if (g < 0 || groupBuyerList[g] !== v || groupCommodityList[g] !== c) {
      groupBuyerList.push(v);
      groupCommodityList.push(c);
      groupStartList.push(e);
      buyerGroupStart[v + 1]!++;
    }
    edgeSupplier[e] = rowSupplier[r]!;
    edgeBuyer[e] = v;
    edgeGroup[e] = groupBuyerList.length - 1;
    edgeAccess[e] = ACCESS_CODE[s.access ?? 'none'];
    edgeBuffer[e] = s.bufferDays ?? 0;
    edgeSpend[e] = s.spend ?? Number.NaN;
    edgeShare[e] = s.share ?? Number.NaN;
  }
  for (let v = 0; v < n; v++) buyerGroupStart[v + 1]! += buyerGroupStart[v]!;
  const groupCount = groupBuyerList.length;
  groupStartList.push(m);
  const groupEdgeStart = Int32Array.from(groupStartList);

  // Normalise shares per group: equal split when none given, else scale to sum 1.
  for (let g = 0; g < groupCount; g++) {
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

  // Out-edges by supplier.
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) outStart[edgeSupplier[e]! + 1]!++;
  for (let u = 0; u < n; u++) outStart[u + 1]! += outStart[u]!;
  const outEdges = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) outEdges[outFill[edgeSupplier[e]!]!++] = e;

  return {
    n,
    m,
    network,
    ids,
    indexOf,
    scsLevel,
    securityScore,
    value,
    focal,
    edgeSupplier,
    edgeBuyer,
    edgeShare,
    edgeGroup,
    edgeAccess,
    edgeBuffer,
    edgeSpend,
    edgeRow: order,
    commodities,
    groupCount,
    groupBuyer: Int32Array.from(groupBuyerList),
    groupCommodity: Int32Array.from(groupCommodityList),
    groupEdgeStart,
    buyerGroupStart,
    outStart,
    outEdges,
  };
}
