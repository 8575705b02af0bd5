/**
 * The JSON shapes of the weaklink HTTP API, shared by the server (which produces them)
 * and the web map (which renders them). Types only: nothing here runs.
 * Every error response is `{ error: { code, message, field?, issues? } }`.
 *
 * Every route but GET /api/health needs `Authorization: Bearer <token>` (401
 * `unauthorized` without a valid one, 403 `forbidden` when its role is too low, 429
 * `rate_limited` when it sends too much). Edits carry the `version` of GET /api/summary
 * and answer 409 `conflict` when the network changed meanwhile.
 */

export interface ApiError {
  error: {
    code:
      | 'bad_request'
      | 'not_found'
      | 'payload_too_large'
      | 'unavailable'
      | 'internal'
      | 'unauthorized'
      | 'forbidden'
      | 'conflict'
      | 'rate_limited';
    message: string;
    field?: string;
    /** (added) The located problems of an uploaded network (PUT /api/network). */
    issues?: ApiIssue[];
  };
}

/** A problem of an uploaded network: file, line and column (CSV) or JSON path (`field`). */
export interface ApiIssue {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  column?: number;
  field?: string;
  value?: string;
  message: string;
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
  /** hitLikelihood: per year; expectedEventLoss: yen per hit (over the assumed outage durations); riskContribution: yen per year. */
  company: CompanyRow & { revenue: number; focal: boolean; hitLikelihood: number; expectedEventLoss: number };
  /** One sentence: why the effective score is what it is. */
  explanation: string;
  /** From the company to its root-cause weak link. */
  exposurePath: { id: string; name: string; ownScore: number; effectiveScore: number; commodity: string | null }[];
  criticalSuppliers: { id: string; name: string; direct: boolean; country: string | null }[];
  /** What a hit of the company stops, by stop day (the first day of the hit it is down), then id; revenuePerDay in yen. */
  blastRadius: {
    id: string;
    name: string;
    tier: number | null;
    focal: boolean;
    stopDay: number;
    revenuePerDay: number;
  }[];
  suppliers: SupplyLink[];
  buyers: SupplyLink[];
  levelGap: {
    ownLevel: number;
    requiredLevel: number;
    askedBy: { buyer: string; buyerName: string; commodity: string; reasons: string[] }[];
  } | null;
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
/** A company a simulated breach stops. */
export interface BreachStop {
  id: string;
  name: string;
  focal: boolean;
  /** First day of the breach on which it is stopped (hit companies: 0). */
  stopDay: number;
  /** Revenue (× loss ratio) / 365: yen lost per day it is down. */
  revenuePerDay: number;
}

export interface SimulateResponse {
  hit: string[];
  /** Sorted ids, the hit ones included. */
  disrupted: string[];
  focalDisrupted: string[];
  /** Every company stopped, by stop day then id. */
  companies: BreachStop[];
  /** Σ revenuePerDay: yen per day of outage once everything has stopped. */
  revenuePerDay: number;
  /** Yen lost over an outage of each assumed duration (full-stop days of the hit companies). */
  lossByDuration: { days: number; probability: number; loss: number }[];
  /** Σ probability × loss: the expected loss of this breach, yen per event. */
  expectedLoss: number;
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
  /** Annual probability of a disruptive hit. */
  hitLikelihood: number;
  /** Expected loss of one hit, yen per event. */
  expectedEventLoss: number;
  /** Expected annual loss its hits cause: yen per year. */
  riskContribution: number;
  blastRadiusSize: number;
  /** One line: own score and what depends on it. */
  reason: string;
}

/** GET /api/analysis/weak-links?offset=&limit= (highest risk contribution first, ties by id) */
export interface WeakLinksResponse extends Page<WeakLink> {
  theta: number;
  /** The hit-likelihood curve assumed, e.g. `p(s) = min(1, 0.015 × 0.975^s)`. */
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
  askedBy: { buyer: string; buyerName: string; commodity: string; reasons: string[] }[];
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
  suppliers: { id: string; name: string; share: number }[];
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
  tiers: {
    tier: number;
    companies: number;
    byCount: CountryShare[];
    countHhi: number;
    bySpend: CountryShare[];
    spendHhi: number;
  }[];
  criticalSupplierCountries: { focal: string; countries: CountryShare[] }[];
}

// ---------------------------------------------------------------------------------
// Writes (analyst and admin) and tokens (admin).

/**
 * PUT /api/network (admin) `{ companies: [...rows], supplies: [...rows], version? }` with
 * the CSV field names, or `{ format: 'csv', companies: '<csv>', supplies: '<csv>' }`.
 * Checked in full first: on any error nothing changes and the answer is a 400 listing
 * `issues`.
 */
export interface NetworkUploadResponse {
  version: string;
  previousVersion: string;
  companies: number;
  supplies: number;
  warnings: ApiIssue[];
}

/** PATCH /api/companies/:id (analyst) `{ version, scsLevel?, securityScore? }` (null clears). */
export interface CompanyEditResponse {
  /** The new network version (unchanged when the values were already so). */
  version: string;
  previousVersion: string;
  company: { id: string; scsLevel: number | null; securityScore: number | null };
  previous: { scsLevel: number | null; securityScore: number | null };
}

/** PATCH /api/supplies (analyst) `{ version, supplier, buyer, commodity, share }` — sets the share as given (null clears). */
export interface SupplyEditResponse {
  version: string;
  previousVersion: string;
  supply: { supplier: string; buyer: string; commodity: string; share: number | null };
  previous: { share: number | null };
  /** The (buyer, commodity) group after the edit: its size and the sum of its given shares (null when none are given). */
  group: { buyer: string; commodity: string; supplies: number; shareSum: number | null };
  /** E.g. the group's shares no longer sum to 1 (they are scaled to 1 in the analysis). */
  warnings: string[];
}

export interface TokenInfo {
  name: string;
  role: 'viewer' | 'analyst' | 'admin';
  created: string;
  /** When it was revoked; null while valid. */
  revoked: string | null;
}

/** GET /api/me (viewer): the caller's token name and role, so a client can offer what the role allows. */
export interface MeResponse {
  name: string;
  role: 'viewer' | 'analyst' | 'admin';
}

/** GET /api/tokens (admin): every token's name, role and dates — never a token. */
export interface TokenListResponse {
  items: TokenInfo[];
}

/** POST /api/tokens (admin) `{ name, role }`: the new token, shown this once. */
export interface TokenCreateResponse extends TokenInfo {
  token: string;
}

// ——— Scenarios, loss distribution, plan, executive view (issue 5) ———

/** One what-if operation (see src/analysis/what-if.ts). */
export type WhatIfOp =
  | { op: 'raise-level'; company: string; level: number }
  | {
      op: 'add-supplier';
      buyer: string;
      supplier: string;
      commodity: string;
      share: number;
      /** (added) Default none. */ access?: 'none' | 'data' | 'network' | 'software';
      /** (added) Default 0. */ bufferDays?: number;
    }
  | { op: 'remove-supplier'; company: string };

/** POST /api/scenario (viewer) `{ hit: string[], days: number, whatIf?: WhatIfOp[] }` — run, not saved. */
export interface ScenarioRequest {
  hit: string[];
  days: number;
  whatIf?: WhatIfOp[];
}

export interface ScenarioDay {
  day: number;
  stopped: string[];
  recovered: string[];
  down: number;
}

export interface ScenarioRun {
  hit: string[];
  days: number;
  lastDay: number;
  /** Days on which something stops or recovers. */
  timeline: ScenarioDay[];
  /** Companies down on each day 0 .. lastDay. */
  down: number[];
  /** Revenue at risk on each day 0 .. lastDay (annual revenue / 365 per stopped company). */
  revenueAtRisk: number[];
  totalRevenueAtRisk: number;
  peak: { down: number; day: number };
  focal: { id: string; name: string; stoppedOn: number | null; recoveredOn: number | null; daysDown: number }[];
  companies: {
    id: string;
    name: string;
    focal: boolean;
    stoppedOn: number;
    recoveredOn: number | null;
    daysDown: number;
    revenueAtRisk: number;
  }[];
}

export interface ScenarioResponse {
  scenario: ScenarioRun;
  /** Before/after of every analysis when what-ifs were given (compareAnalyses), else null. Its shape: `WhatIfComparison`. */
  whatIf: unknown | null;
}

/** (added) The measures compared for one company. */
export interface CompanyMeasures {
  effectiveScore: number;
  tier: number | null;
  blastRadiusSize: number;
  criticalSupplierCount: number;
  requiredLevel: number | null;
  ownLevel: number;
  riskContribution: number;
}

/** (added) The shape of `ScenarioResponse.whatIf`: compareAnalyses of src/analysis/what-if.ts. */
export interface WhatIfComparison {
  /** Companies whose measures changed (null: only in the other network), largest change of risk contribution first. */
  companies: {
    id: string;
    name: string;
    before: CompanyMeasures | null;
    after: CompanyMeasures | null;
    changed: string[];
  }[];
  /** Weak-link ranking, top 10. */
  weakLinks: {
    before: { rank: number; id: string; riskContribution: number }[];
    after: { rank: number; id: string; riskContribution: number }[];
  };
  singleSources: {
    added: { buyer: string; commodity: string; supplier: string; share: number }[];
    removed: { buyer: string; commodity: string; supplier: string; share: number }[];
  };
  levelGaps: {
    added: { id: string; ownLevel: number; requiredLevel: number }[];
    removed: { id: string; ownLevel: number; requiredLevel: number }[];
  };
  /** Σ risk contribution over all companies. */
  totalRisk: { before: number; after: number; change: number };
}

/** A saved scenario: POST /api/scenarios (analyst) `{ name, hit, days, whatIf? }`; GET /api/scenarios/:name; DELETE (analyst). */
export interface SavedScenario {
  name: string;
  hit: string[];
  days: number;
  whatIf: WhatIfOp[];
  createdAt: string;
  createdBy: string;
  /** Network version it was run on. */
  version: string;
  result: ScenarioRun;
}

/** (added) DELETE /api/scenarios/:name (analyst): the name of the scenario deleted (404 when there is none). */
export interface ScenarioDeleteResponse {
  deleted: string;
}

/** GET /api/scenarios — newest first; results left out. */
export interface SavedScenarioList {
  items: (Omit<SavedScenario, 'result'> & { totalRevenueAtRisk: number; stopped: number; focalStopped: string[] })[];
}

/** GET /api/scenarios/compare?a=NAME&b=NAME — side by side. */
export interface ScenarioComparison {
  a: SavedScenario;
  b: SavedScenario;
  /** Companies that stop in only one of them. */
  onlyA: string[];
  onlyB: string[];
  both: string[];
}

/**
 * POST /api/risk (viewer) `{ runs?: 1–100000 (10,000), seed? (1), exact? }` — the annual
 * loss distribution over the event loss table (src/analysis/annual-loss.ts). Yen per
 * year. `exact: true` needs a network of at most 8 companies and answers `runs`, `seed`
 * and `standardError` null. Curves: loss ascending, probability descending, ≤ 48 points.
 */
export interface RiskResponse {
  method: 'exact' | 'monte-carlo';
  /** Σ p × expected event loss (closed form). */
  expectedAnnualLoss: number;
  /** Mean annual loss of the runs, or of the exact distribution. */
  mean: number;
  standardError: number | null;
  runs: number | null;
  seed: number | null;
  /** 1-in-20, 1-in-100 and 1-in-200-year annual loss: the smallest ℓ with P(annual loss ≤ ℓ) ≥ q. */
  quantiles: { p95: number; p99: number; p995: number };
  /** AEP: P(annual loss ≥ loss). */
  exceedance: { loss: number; probability: number }[];
  /** OEP: P(largest single event loss of the year ≥ loss). */
  occurrence: { loss: number; probability: number }[];
}

/**
 * POST /api/plan (viewer) `{ budget, costs?, planTargets? }` — the CostPlan of
 * src/analysis/cost-plan.ts: lifts of suppliers to ★3/★4/★5 (planTargets) chosen to avoid
 * the most expected annual loss (AAL) within the budget, exactly (`optimal`) or within
 * (upperBound − avoided) / upperBound of the best plan. Money in yen; AAL in yen per year.
 */
export interface PlanResponse {
  budget: number;
  /** AAL avoided, yen per year. */
  avoided: number;
  optimal: boolean;
  /** No plan within the budget avoids more (yen per year); equals avoided when optimal. */
  upperBound: number;
  totalCost: number;
  expectedAnnualLossBefore: number;
  expectedAnnualLossAfter: number;
  method: 'dynamic-programming' | 'greedy-hull';
  lifts: {
    supplier: string;
    name: string;
    size: 'sme' | 'large';
    fromLevel: number;
    toLevel: number;
    cost: number;
    avoided: number;
    /** avoided ÷ cost, per year; null for a free lift. */
    payback: number | null;
    /** Among the large companies that gain, by the AAL each avoids; rounded to ¥1,000, the remainder on the largest. */
    split: { company: string; name: string; amount: number }[];
    /** The whole cost when no large company gains, else 0. */
    unallocated: number;
  }[];
}

/**
 * GET /api/executive?budget=YEN — the one-page executive view (budget default ¥50,000,000).
 * (added) Expected loss: exact over every hit set when the network has at most 20
 * companies (`runs` is then the number of hit sets, 2^n), else 10,000 Monte Carlo runs,
 * seed 1. Plan: POST /api/plan with the budget (`lossBefore`/`lossAfter`: the AAL of the
 * event loss table before and after the plan's lifts).
 */
/** The assumptions behind every money figure of the executive view (each editable for the session). */
export interface ExecutiveAssumptions {
  /** e.g. `p(s) = min(1, 0.015 × 0.975^s)`: the annual probability of a disruptive hit. */
  hitLikelihood: string;
  hitBase: number;
  hitDecay: number;
  /** Full-stop days of a hit and their probabilities. */
  durations: { days: number; probability: number }[];
  /** Share of revenue a stopped day loses (1 = revenue at risk). */
  lossRatio: number;
  /** Yen per level step 0→1 … 4→5, by size. */
  liftCosts: { sme: number[]; large: number[] };
  /** The SCS levels the plan may fund. */
  planTargets: number[];
}

/** A point of an exceedance curve: P(loss ≥ `loss`) = `probability` (a year). */
export interface CurvePoint {
  loss: number;
  probability: number;
}

/**
 * GET /api/executive — one focal company's page. Every money figure is yen; the loss
 * counted is the focal company's own (its revenue × loss ratio per day it is down), from
 * hits anywhere in the network. Without focal companies, the whole network's loss.
 */
export interface ExecutiveResponse {
  version: string;
  companies: number;
  /** Every focal company, largest revenue first (the page's choices). */
  focal: { id: string; name: string; revenue: number }[];
  /** The focal company this page is about; null when the network has none (the whole network's loss). */
  scope: { id: string; name: string; revenue: number } | null;
  unassessedShare: number;
  singleSources: number;
  hiddenCriticalSuppliers: number;
  /** Critical suppliers of the focal company (any depth). */
  criticalSuppliers: number;
  loss: {
    /** Yen per year, exact (closed form). */
    expectedAnnualLoss: number;
    /** expectedAnnualLoss ÷ the focal company's revenue (null without one). */
    shareOfRevenue: number | null;
    /** The 1-in-20, 1-in-100 and 1-in-200-year annual losses, yen. */
    quantiles: { p95: number; p99: number; p995: number };
    /** P(annual loss ≥ loss). */
    exceedance: CurvePoint[];
    /** P(the year's largest single event loss ≥ loss). */
    occurrence: CurvePoint[];
    method: 'exact' | 'monte-carlo';
    runs: number | null;
    seed: number | null;
    mean: number;
    standardError: number | null;
  };
  /** The companies whose hits cost the focal company most (yen per year), with the chain from the focal company up to each. */
  topContributors: {
    id: string;
    name: string;
    riskContribution: number;
    hitLikelihood: number;
    /** Yen per hit (over the assumed durations). */
    expectedEventLoss: number;
    /** From the focal company up to the contributor. */
    exposurePath: { id: string; name: string }[];
    /** The day the focal company stops when the contributor is hit (null: it does not stop). */
    focalStopDay: number | null;
    reason: string;
  }[];
  /** The largest single-event loss among the top contributors: a hit lasting `days` full-stop days (the longest assumed). */
  worstEvent: {
    id: string;
    name: string;
    days: number;
    loss: number;
    focalStopDay: number | null;
    stopped: number;
  } | null;
  plan: {
    budget: number;
    spent: number;
    suppliers: number;
    /** Yen per year. */
    lossBefore: number;
    lossAfter: number;
    avoided: number;
    cutPercent: number;
    optimal: boolean;
    /** 100 × (upperBound − avoided) ÷ upperBound: how far from the best possible plan at most. */
    gapPercent: number;
    method: string;
    lifts: { supplier: string; name: string; fromLevel: number; toLevel: number; cost: number; avoided: number }[];
  };
  assumptions: ExecutiveAssumptions;
}
