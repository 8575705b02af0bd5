/**
 * The JSON shapes of the weaklink HTTP API, shared by the server (which produces them)
 * and the web map (which renders them). Types only: nothing here runs.
 * Every error response is `{ error: { code, message, field? } }`.
 */

export interface ApiError {
  error: { code: 'bad_request' | 'not_found' | 'payload_too_large' | 'unavailable' | 'internal' | 'unauthorized' | 'forbidden' | 'conflict' | 'rate_limited'; message: string; field?: string };
}

/** GET /api/summary */
export interface SummaryResponse {
  /** Network version: changes whenever the network is replaced. */
  version: string;
  companies: number;
  supplies: number;
  focal: { id: string; name: string }[];
  maxTier: number;
  unassessed: number;
  theta: number;
  hitLikelihood: string;
  commodities: string[];
  countries: string[];
  singleSources: number;
  hiddenCriticalSuppliers: number;
  levelGaps: number;
}

/** One row of a company list. */
export interface CompanyRow {
  id: string;
  name: string;
  country: string | null;
  industry: string | null;
  size: string | null;
  tier: number | null;
  ownScore: number;
  ownLevel: number;
  unassessed: boolean;
  effectiveScore: number;
  requiredLevel: number | null;
  riskContribution: number;
  blastRadiusSize: number;
  criticalSupplierCount: number;
}

/** GET /api/companies?q=&tier=&country=&level=&size=&offset=&limit= (sorted by risk contribution, highest first) */
export interface CompanyListResponse {
  total: number;
  offset: number;
  limit: number;
  items: CompanyRow[];
}

export interface SupplyLink {
  /** The other company (the supplier in `suppliers`, the buyer in `buyers`). */
  id: string;
  name: string;
  commodity: string;
  /** Normalised share of the buyer's need for the commodity. */
  share: number;
  access: 'none' | 'data' | 'network' | 'software';
  bufferDays: number;
  spend: number | null;
  singleSource: boolean;
  effectiveScore: number;
  ownScore: number;
}

/** GET /api/companies/:id */
export interface CompanyDetailResponse {
  company: CompanyRow & { revenue: number; focal: boolean; hitLikelihood: number };
  /** One sentence: why the effective score is what it is. */
  explanation: string;
  /** From the company to its root-cause weak link. */
  exposurePath: { id: string; name: string; ownScore: number; effectiveScore: number; commodity: string | null }[];
  criticalSuppliers: { id: string; name: string; direct: boolean; country: string | null }[];
  blastRadius: { id: string; name: string; tier: number | null }[];
  suppliers: SupplyLink[];
  buyers: SupplyLink[];
  levelGap: { ownLevel: number; requiredLevel: number; askedBy: { buyer: string; commodity: string; reasons: string[] }[] } | null;
  /** (added) Full sizes of the lists above; each list holds at most `listLimit` entries. */
  counts: { suppliers: number; buyers: number; blastRadius: number; criticalSuppliers: number };
  /** (added) The most entries any list of this response holds. */
  listLimit: number;
}

export interface GraphNode {
  id: string;
  name: string;
  tier: number | null;
  country: string | null;
  ownScore: number;
  ownLevel: number;
  effectiveScore: number;
  unassessed: boolean;
  riskContribution: number;
  focal: boolean;
  /** Critical supplier of some focal company. */
  criticalToFocal: boolean;
  /** Number of suppliers not in this view (expand on demand). */
  hiddenSuppliers: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  commodity: string;
  share: number;
  access: 'none' | 'data' | 'network' | 'software';
  singleSource: boolean;
  bufferDays: number;
}

/**
 * GET /api/graph?focus=ID&up=N&down=N&limit=N — around a company; or
 * GET /api/graph?depth=N&limit=N — the focal companies' upstream to a depth.
 * Optional filters: commodity, country, criticalOnly=true.
 */
export interface GraphResponse {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when the limit cut the view (the nearest companies are kept). */
  truncated: boolean;
}

/** POST /api/simulate { hit: string[], theta?: number } */
export interface SimulateResponse {
  hit: string[];
  /** Sorted ids, the hit ones included. */
  disrupted: string[];
  revenueAtRisk: number;
  focalDisrupted: string[];
  /** (added) The threshold θ the cascade ran with. */
  theta: number;
}

// ---------------------------------------------------------------------------------
// Added by the server (additive): health, the analysis lists and their pages.

/** GET /api/health */
export interface HealthResponse {
  status: 'ok';
  /** Version of the active network; null when nothing is loaded. */
  version: string | null;
}

/** A page of a longer list: `items` are `offset .. offset + limit - 1` of `total`. */
export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface WeakLink {
  rank: number;
  id: string;
  name: string;
  ownScore: number;
  unassessed: boolean;
  riskContribution: number;
  blastRadiusSize: number;
  /** Revenue of the company and of its blast radius. */
  valueAtStake: number;
  /** One line: own score and what depends on it. */
  reason: string;
}

/** GET /api/analysis/weak-links?offset=&limit= (highest risk contribution first, ties by id) */
export interface WeakLinksResponse extends Page<WeakLink> {
  theta: number;
  /** The hit-likelihood curve assumed, e.g. `p(s) = 0.3 × 0.97^s`. */
  hitLikelihood: string;
}

export interface SingleSource {
  buyer: string;
  buyerName: string;
  commodity: string;
  supplier: string;
  supplierName: string;
  /** Normalised share, above 1 − θ. */
  share: number;
}

/** GET /api/analysis/single-sources?offset=&limit= (by buyer, commodity, supplier) */
export type SingleSourcesResponse = Page<SingleSource>;

export interface HiddenCritical {
  supplier: string;
  name: string;
  /** Companies for which the supplier is critical without being their direct single source. */
  dependants: string[];
  focalDependants: string[];
}

/** GET /api/analysis/hidden-critical?offset=&limit= (most focal dependants first) */
export type HiddenCriticalResponse = Page<HiddenCritical>;

export interface LevelGap {
  id: string;
  name: string;
  ownLevel: number;
  requiredLevel: number;
  unassessed: boolean;
  /** Buyers that ask ★4 and why: `data`, `halt` (critical, short buffer), `access` (network/software). */
  askedBy: { buyer: string; commodity: string; reasons: string[] }[];
}

/** GET /api/analysis/level-gaps?offset=&limit= (widest gap first, then by risk) */
export type LevelGapsResponse = Page<LevelGap>;

export interface CountryShare {
  country: string;
  /** Companies (byCount) or spend (bySpend) of this country. */
  amount: number;
  /** Fraction of the tier's total. */
  share: number;
}

export interface ConcentrationGroup {
  buyer: string;
  commodity: string;
  /** Σ (100 × share)², 0–10,000. */
  hhi: number;
  suppliers: { id: string; share: number }[];
}

/**
 * GET /api/analysis/concentration?offset=&limit= — the (buyer, commodity) groups, most
 * concentrated first, paged (`total`, `offset`, `limit` refer to `groups`); the
 * per-tier country concentration and the countries of each focal company's critical
 * suppliers in full.
 */
export interface ConcentrationResponse {
  total: number;
  offset: number;
  limit: number;
  groups: ConcentrationGroup[];
  tiers: { tier: number; companies: number; byCount: CountryShare[]; countHhi: number; bySpend: CountryShare[]; spendHhi: number }[];
  criticalSupplierCountries: { focal: string; countries: CountryShare[] }[];
}
