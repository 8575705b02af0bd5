/**
 * The weaklink HTTP API contract: the JSON shape of every response (and of the scenario
 * request) as zod schemas, the one place the shapes are spelled. api-types.ts derives the
 * TypeScript types from them (`z.infer`); the server's routes answer through them
 * (`response:`), the OpenAPI document is made from them (`z.toJSONSchema`, so every
 * `.describe()` text below is a description there) and the tests check every response
 * against them. `RESPONSE_SCHEMAS` names each one for `components.schemas`.
 *
 * Every error response is `{ error: { code, message, field?, issues? } }`.
 * Every route but GET /api/health needs `Authorization: Bearer <token>` (401
 * `unauthorized` without a valid one, 403 `forbidden` when its role is too low, 429
 * `rate_limited` when it sends too much). Edits carry the `version` of GET /api/summary
 * and answer 409 `conflict` when the network changed meanwhile.
 */
import { z } from 'zod';

const id = z.string();
const nullableString = z.string().nullable();
const access = z.enum(['none', 'data', 'network', 'software']);
const role = z.enum(['viewer', 'analyst', 'admin']);
const idAndName = { id, name: z.string() };

/** A problem of an uploaded network: file, line and column (CSV) or JSON path (`field`). */
export const IssueSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    file: z.string(),
    sheet: z
      .string()
      .optional()
      .describe('The worksheet of an Excel workbook; line is then its row, column its column (1 = A).'),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    field: z.string().optional(),
    value: z.string().optional(),
    message: z.string(),
  })
  .describe('A problem of an uploaded network: file, line and column (CSV) or JSON path (`field`).');

/** Every error response: `{ error: { code, message, field?, issues? } }`. */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum([
      'bad_request',
      'not_found',
      'payload_too_large',
      'unavailable',
      'internal',
      'unauthorized',
      'forbidden',
      'conflict',
      'rate_limited',
    ]),
    message: z.string(),
    field: z.string().optional(),
    issues: z
      .array(IssueSchema)
      .optional()
      .describe('(added) The located problems of an uploaded network (PUT /api/network).'),
  }),
});

/** GET /api/health (public): `ok` (200) or `degraded` (503, the store does not answer); nothing more. */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
});

/** GET /api/summary */
export const SummarySchema = z.object({
  version: z.string().describe('Network version: changes whenever the network is replaced.'),
  asOf: z
    .string()
    .describe('The date (YYYY-MM-DD) the analysis is as of: the levels are those of the assessments valid then.'),
  companies: z.number().int(),
  supplies: z.number().int(),
  focal: z.array(z.object(idAndName)),
  maxTier: z.number().int(),
  unassessed: z.number().int(),
  theta: z.number(),
  hitLikelihood: z.string(),
  commodities: z.array(z.string()),
  countries: z.array(z.string()),
  singleSources: z.number().int(),
  hiddenCriticalSuppliers: z.number().int(),
  levelGaps: z.number().int(),
});

/** The paging fields of a longer list (see `pageOf`). */
export const PageInfoSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});

/** A page of a longer list: `items` are `offset .. offset + limit - 1` of `total`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return PageInfoSchema.extend({
    items: z.array(item).describe('The items `offset .. offset + limit - 1` of the `total`.'),
  });
}

/** One row of a company list. */
export const CompanyRowSchema = z
  .object({
    ...idAndName,
    country: nullableString,
    industry: nullableString,
    size: nullableString,
    tier: z.number().int().nullable(),
    ownScore: z.number(),
    ownLevel: z.number().int(),
    unassessed: z.boolean(),
    effectiveScore: z.number(),
    requiredLevel: z.number().int().nullable(),
    riskContribution: z.number(),
    blastRadiusSize: z.number().int(),
    criticalSupplierCount: z.number().int(),
  })
  .describe('One row of a company list.');

/** GET /api/companies?q=&tier=&country=&level=&size=&offset=&limit= (sorted by risk contribution, highest first) */
export const CompanyListSchema = pageOf(CompanyRowSchema);

/** A supply of a company's detail: one of its suppliers or buyers. */
export const SupplyLinkSchema = z.object({
  id: id.describe('The other company (the supplier in `suppliers`, the buyer in `buyers`).'),
  name: z.string(),
  commodity: z.string(),
  share: z.number().describe("Normalised share of the buyer's need for the commodity."),
  access,
  bufferDays: z.number(),
  spend: z.number().nullable(),
  singleSource: z.boolean(),
  effectiveScore: z.number(),
  ownScore: z.number(),
});

const askedBy = z
  .array(z.object({ buyer: id, buyerName: z.string(), commodity: z.string(), reasons: z.array(z.string()) }))
  .describe('Buyers that ask ★4 and why: `data`, `halt` (critical, short buffer), `access` (network/software).');

/** GET /api/companies/:id */
export const CompanyDetailSchema = z.object({
  company: CompanyRowSchema.extend({
    revenue: z.number(),
    focal: z.boolean(),
    hitLikelihood: z.number(),
    expectedEventLoss: z.number(),
  }).describe(
    'hitLikelihood: per year; expectedEventLoss: yen per hit (over the assumed outage durations); riskContribution: yen per year.',
  ),
  explanation: z.string().describe('One sentence: why the effective score is what it is.'),
  exposurePath: z
    .array(
      z.object({
        ...idAndName,
        ownScore: z.number(),
        effectiveScore: z.number(),
        commodity: nullableString,
        unassessed: z.boolean().describe('No SCS level and no score given: scored 0.'),
      }),
    )
    .describe('From the company to its root-cause weak link.'),
  criticalSuppliers: z.array(z.object({ ...idAndName, direct: z.boolean(), country: nullableString })),
  blastRadius: z
    .array(
      z.object({
        ...idAndName,
        tier: z.number().int().nullable(),
        focal: z.boolean(),
        stopDay: z.number().int().min(0),
        revenuePerDay: z.number(),
      }),
    )
    .describe(
      'What a hit of the company stops, by stop day (the first day of the hit it is down), then id; revenuePerDay in yen.',
    ),
  suppliers: z.array(SupplyLinkSchema),
  buyers: z.array(SupplyLinkSchema),
  levelGap: z.object({ ownLevel: z.number().int(), requiredLevel: z.number().int(), askedBy }).nullable(),
  structuralImportance: z
    .object({
      pagerank: z.number().describe('PageRank on the reversed supply graph (buyer → supplier, by share); sums to 1.'),
      rank: z.number().int().describe('1 + the number of companies of higher PageRank (1 = the highest).'),
      companies: z.number().int().describe('Companies ranked (the whole network).'),
    })
    .describe(
      '(added) Structural centrality: a supplier matters if companies that matter depend on it. No cascade semantics; the blast radius says who stops.',
    ),
  counts: z
    .object({
      suppliers: z.number().int(),
      buyers: z.number().int(),
      blastRadius: z.number().int(),
      criticalSuppliers: z.number().int(),
    })
    .describe('(added) Full sizes of the lists above; each list holds at most `listLimit` entries.'),
  listLimit: z.number().int().describe('(added) The most entries any list of this response holds.'),
});

/** A company of the graph view. */
export const GraphNodeSchema = z.object({
  ...idAndName,
  tier: z.number().int().nullable(),
  country: nullableString,
  ownScore: z.number(),
  ownLevel: z.number().int(),
  effectiveScore: z.number(),
  unassessed: z.boolean(),
  riskContribution: z.number(),
  focal: z.boolean(),
  criticalToFocal: z.boolean().describe('Critical supplier of some focal company.'),
  hiddenSuppliers: z.number().int().describe('Number of suppliers not in this view (expand on demand).'),
});

/** A supply of the graph view, from supplier (`source`) to buyer (`target`). */
export const GraphEdgeSchema = z.object({
  id: z.string(),
  source: id,
  target: id,
  commodity: z.string(),
  share: z.number(),
  access,
  singleSource: z.boolean(),
  bufferDays: z.number(),
});

/**
 * GET /api/graph?focus=ID&up=N&down=N&limit=N — around a company; or
 * GET /api/graph?depth=N&limit=N — the focal companies' upstream to a depth.
 * Optional filters: commodity, country, criticalOnly=true.
 */
export const GraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  truncated: z.boolean().describe('True when the limit cut the view (what matters first is kept; see `cap`).'),
  cap: z
    .object({
      shown: z.number().int().describe('Companies in this view.'),
      reachable: z.number().int().describe('Companies within the requested tiers that pass the filters.'),
      total: z.number().int().describe('Companies in the network.'),
      roots: z.number().int().describe('Kept: the focus, or the focal companies.'),
      critical: z.number().int().describe('Kept: critical suppliers of the focus (or of a focal company).'),
      onPaths: z.number().int().describe('Kept: other companies on the paths by which those reach the focus.'),
      topRisk: z.number().int().describe('Kept: the other highest risk contributors.'),
      criticalReachable: z.number().int().describe('Critical suppliers within the requested tiers (kept or not).'),
    })
    .describe(
      '(added) What the view kept, in this priority when more than `limit` companies are reachable: roots, critical suppliers, companies on their paths, highest risk contributors; each tier column gets a share.',
    ),
});

/** One typed-array column of the overview's binary answer (overview-format.ts). */
export const OverviewArraySchema = z.object({
  name: z
    .enum([
      'x',
      'y',
      'score',
      'risk',
      'importance',
      'tier',
      'flags',
      'edgeSupplier',
      'edgeBuyer',
      'criticalStart',
      'critical',
      'textEnd',
      'text',
    ])
    .describe(
      'x, y: float32 position per company; score: float32 effective score 0–100; risk: float32 risk contribution (yen per year); importance: float32 structural importance (PageRank on the reversed supply graph, summing to 1); tier: int8 (−1: no tier); flags: uint8 (1 focal, 2 critical supplier of a focal company, 4 unassessed); edgeSupplier, edgeBuyer: uint32 company indices of each supply pair (one per supplier and buyer, whatever the commodities); criticalStart, critical: uint32, the critical suppliers of focal company k (in `focal` order) are critical[criticalStart[k] … criticalStart[k+1]−1]; textEnd: uint32 end (bytes into text) of id 0, name 0, id 1, name 1, …; text: the ids and names in UTF-8.',
    ),
  type: z.enum(['float32', 'uint32', 'uint8', 'int8']),
  offset: z.number().int().min(0).describe('Byte offset from the start of the answer (a multiple of 8).'),
  length: z.number().int().min(0).describe('Number of elements.'),
});

/**
 * GET /api/overview — the whole network for the WebGL overview, as binary
 * (application/octet-stream): the bytes "WLOV", a uint32 (little-endian) length, this
 * header as UTF-8 JSON, then the typed-array columns it lists (little-endian).
 */
export const OverviewHeaderSchema = z.object({
  format: z.literal('weaklink-overview/1'),
  version: z.string().describe('Network version the positions and figures belong to.'),
  asOf: z.string().describe('Date of the analysis (YYYY-MM-DD): the levels, hence the colours, as of then.'),
  companies: z.number().int().min(0),
  edges: z.number().int().min(0).describe('Supplier–buyer pairs (supplies of several commodities count once).'),
  columns: z.number().int().min(0).describe('Layout columns: tier 0 at x = 0, tier t at x = t.'),
  noTierColumn: z
    .number()
    .int()
    .nullable()
    .describe('Column (x) of the companies with no tier (not upstream of any focal company), or null.'),
  maxRisk: z.number().describe('Largest risk contribution (yen per year), for scaling the node sizes.'),
  maxImportance: z.number().describe('Largest structural importance (PageRank), for sizing by it instead.'),
  focal: z.array(z.object({ index: z.number().int(), ...idAndName })).describe('The tier-0 companies, by index.'),
  arrays: z.array(OverviewArraySchema),
});

/** A company a simulated breach stops. */
export const BreachStopSchema = z
  .object({
    ...idAndName,
    focal: z.boolean(),
    stopDay: z.number().int().min(0).describe('First day of the breach on which it is stopped (hit companies: 0).'),
    revenuePerDay: z.number().describe('Revenue (× loss ratio) / 365: yen lost per day it is down.'),
  })
  .describe('A company a simulated breach stops.');

/** POST /api/simulate { hit: string[], theta?: number } */
export const SimulateSchema = z.object({
  hit: z.array(id),
  disrupted: z.array(id).describe('Sorted ids, the hit ones included.'),
  focalDisrupted: z.array(id),
  companies: z.array(BreachStopSchema).describe('Every company stopped, by stop day then id.'),
  revenuePerDay: z.number().describe('Σ revenuePerDay: yen per day of outage once everything has stopped.'),
  lossByDuration: z
    .array(z.object({ days: z.number().int(), probability: z.number(), loss: z.number() }))
    .describe('Yen lost over an outage of each assumed duration (full-stop days of the hit companies).'),
  expectedLoss: z
    .number()
    .describe(
      'Σ probability × loss: the expected loss of this breach, yen per event (over the assumed outage durations).',
    ),
  theta: z.number().describe('(added) The threshold θ the cascade ran with.'),
});

// ---------------------------------------------------------------------------------
// Added by the server (additive): the analysis lists and their pages.

/** A weak link: a company ranked by the expected annual loss its hits cause. */
export const WeakLinkSchema = z.object({
  rank: z.number().int(),
  ...idAndName,
  ownScore: z.number(),
  unassessed: z.boolean(),
  hitLikelihood: z.number().describe('Annual probability of a disruptive hit.'),
  expectedEventLoss: z.number().describe('Expected loss of one hit, yen per event.'),
  riskContribution: z.number().describe('Expected annual loss its hits cause: yen per year.'),
  blastRadiusSize: z.number().int(),
  focalStops: z
    .array(z.object({ id, day: z.number().describe('Day the focal company stops, 0 = the day of the hit.') }))
    .describe('The focal companies its hit stops, earliest first (ties by id).'),
  reason: z.string().describe('One line: own score and what depends on it.'),
});

/** GET /api/analysis/weak-links?offset=&limit= (highest risk contribution first, ties by id) */
export const WeakLinksSchema = pageOf(WeakLinkSchema).extend({
  theta: z.number(),
  hitLikelihood: z.string().describe('The hit-likelihood curve assumed, e.g. `p(s) = min(1, 0.015 × 0.975^s)`.'),
});

/** A single source: a supplier of more than 1 − θ of a buyer's need for a commodity. */
export const SingleSourceSchema = z.object({
  buyer: id,
  buyerName: z.string(),
  commodity: z.string(),
  supplier: id,
  supplierName: z.string(),
  share: z.number().describe('Normalised share, above 1 − θ.'),
});

/** GET /api/analysis/single-sources?offset=&limit= (by buyer, commodity, supplier) */
export const SingleSourcesSchema = pageOf(SingleSourceSchema);

/** A hidden critical supplier and the companies that depend on it. */
export const HiddenCriticalItemSchema = z.object({
  supplier: id,
  name: z.string(),
  dependants: z
    .array(id)
    .describe('Companies for which the supplier is critical without being their direct single source.'),
  focalDependants: z.array(id),
});

/** GET /api/analysis/hidden-critical?offset=&limit= (most focal dependants first) */
export const HiddenCriticalSchema = pageOf(HiddenCriticalItemSchema);

/** A supplier whose required level is above its own. */
export const LevelGapSchema = z.object({
  ...idAndName,
  ownLevel: z.number().int(),
  requiredLevel: z.number().int(),
  unassessed: z.boolean(),
  askedBy,
});

/** GET /api/analysis/level-gaps?offset=&limit= (widest gap first, then by risk) */
export const LevelGapsSchema = pageOf(LevelGapSchema);

/** An unassessed supplier: who to ask for an SCS assessment first (src/analysis/unassessed-report.ts). */
export const UnassessedSchema = z.object({
  rank: z.number().int(),
  ...idAndName,
  tier: z.number().int().min(1).describe('Tier below the nearest focal company (1 = direct supplier).'),
  riskContribution: z.number().describe('Yen per year, scored 0 as it is unassessed.'),
  blastRadiusSize: z.number().int().describe('Companies its hit stops.'),
  focalStopped: z.array(id).describe('The focal companies its hit stops.'),
});

/** GET /api/analysis/unassessed?offset=&limit= (highest risk contribution first) */
export const UnassessedListSchema = pageOf(UnassessedSchema);

/** One assessment lapsing soon (lapsing-report.ts). */
export const LapsingSchema = z.object({
  rank: z.number().int(),
  ...idAndName,
  level: z.number().int().min(1).max(5).describe('The level of the lapsing assessment.'),
  validUntil: z.string().describe('Its last valid day (YYYY-MM-DD).'),
  levelAfter: z.number().int().describe("The company's level once it has lapsed (0 when none is left)."),
  unassessedAfter: z.boolean().describe('No level and no score left once it has lapsed: scored 0.'),
  aalIncrease: z.number().describe('Yen per year the expected annual loss rises by when it lapses.'),
  focalStops: z
    .array(z.object({ id, day: z.number().describe('The first day of an outage the focal company stops on.') }))
    .describe("The focal companies the company's hit stops, earliest first."),
});

/** GET /api/analysis/lapsing?offset=&limit=&asOf= (largest rise of the expected annual loss first) */
export const LapsingListSchema = pageOf(LapsingSchema).extend({
  asOf: z.string().describe('The as-of date (YYYY-MM-DD).'),
  lapsingDays: z.number().int().describe('The window: assessments whose last day is within this many days of asOf.'),
});

/** One country's part of a tier (or of a focal company's critical suppliers). */
export const CountryShareSchema = z.object({
  country: z.string(),
  amount: z.number().describe('Companies (byCount) or spend (bySpend) of this country.'),
  share: z.number().describe("Fraction of the tier's total."),
});

/** The suppliers of one (buyer, commodity) and how concentrated they are. */
export const ConcentrationGroupSchema = z.object({
  buyer: id,
  commodity: z.string(),
  hhi: z.number().describe('Σ (100 × share)², 0–10,000.'),
  suppliers: z.array(z.object({ ...idAndName, share: z.number() })),
});

const countryShares = z.array(CountryShareSchema);

/**
 * GET /api/analysis/concentration?offset=&limit= — the (buyer, commodity) groups, most
 * concentrated first, paged (`total`, `offset`, `limit` refer to `groups`); the
 * per-tier country concentration and the countries of each focal company's critical
 * suppliers in full.
 */
export const ConcentrationSchema = PageInfoSchema.extend({
  groups: z.array(ConcentrationGroupSchema),
  tiers: z.array(
    z.object({
      tier: z.number().int(),
      companies: z.number().int(),
      byCount: countryShares,
      countHhi: z.number(),
      bySpend: countryShares,
      spendHhi: z.number(),
    }),
  ),
  criticalSupplierCountries: z.array(z.object({ focal: id, countries: countryShares })),
});

// ---------------------------------------------------------------------------------
// Aggregated views of a big network.

/** One (tier, country) or (tier, industry) group of GET /api/aggregate. */
export const AggregateGroupSchema = z
  .object({
    tier: z
      .number()
      .int()
      .nullable()
      .describe("Tier of the group's companies; null: companies with no path to a tier-0 company."),
    key: z.string().describe("The country or the industry of the group's companies; `unknown` when missing."),
    companies: z.number().int(),
    riskContribution: z.number().describe("Σ risk contribution of the group's companies, yen per year."),
    expectedEventLoss: z.number().describe("Σ expected event loss of the group's companies, yen per event."),
    unassessed: z.number().int().describe('Companies with neither an SCS level nor a security score.'),
    belowRequired: z.number().int().describe('Companies whose required level is above their own level.'),
  })
  .describe('One (tier, country) or (tier, industry) group of companies.');

/** Supplies from the companies of one group to those of another (or the same). */
export const AggregateLinkSchema = z
  .object({
    from: z.number().int().describe("Index in `groups` of the suppliers' group."),
    to: z.number().int().describe("Index in `groups` of the buyers' group."),
    supplies: z.number().int(),
    singleSources: z.number().int().describe('Of those, direct single sources (share above 1 − θ).'),
  })
  .describe('Supplies from the companies of one group to those of another (or the same).');

/** GET /api/aggregate?by=country|industry */
export const AggregateSchema = z.object({
  by: z.enum(['country', 'industry']),
  asOf: z.string().describe('The date (YYYY-MM-DD) the analysis is as of.'),
  companies: z.number().int(),
  expectedAnnualLoss: z.number().describe('Σ risk contribution of every company (= Σ over the groups), yen per year.'),
  tiers: z
    .array(z.number().int().nullable())
    .describe('The tiers that have companies, ascending; null (no tier) last.'),
  keys: z
    .array(z.string())
    .describe('The countries or industries, highest summed risk contribution first, ties by key.'),
  groups: z.array(AggregateGroupSchema).describe('Every non-empty group, by tier (no tier last), then key.'),
  links: z.array(AggregateLinkSchema).describe('Supplies between groups, most first.'),
});

/** GET /api/aggregate/companies?by=&tier=&key= — the companies of one group, highest risk contribution first. */
export const AggregateCompaniesSchema = pageOf(CompanyRowSchema).extend({
  group: AggregateGroupSchema,
});

/** A tier-1 supplier of a focal company that depends on the company asked about. */
export const Tier1DependantSchema = z.object({
  ...idAndName,
  country: nullableString,
  industry: nullableString,
  riskContribution: z.number().describe('Its own risk contribution, yen per year.'),
  distance: z.number().int().describe('Supply edges on the shortest path from the company asked about.'),
  path: z
    .array(z.object(idAndName))
    .describe('That shortest path: the company asked about first, this tier-1 supplier last.'),
  critical: z
    .boolean()
    .describe('The company asked about is one of its critical suppliers: a hit of it alone stops this one.'),
  stopDay: z
    .number()
    .int()
    .nullable()
    .describe('When critical, the day it stops in a long hit of the company asked about.'),
});

/** GET /api/companies/{id}/dependants?focal= */
export const DependantsSchema = z.object({
  company: z.object({ ...idAndName, tier: z.number().int().nullable() }),
  downstream: z.number().int().describe('Companies downstream of it (its buyers, their buyers, …), itself excluded.'),
  focal: z.array(
    z.object({
      ...idAndName,
      critical: z.boolean().describe('The company asked about is a critical supplier of this focal company.'),
      stopDay: z.number().int().nullable(),
      tier1Total: z.number().int().describe('Its tier-1 suppliers downstream of the company asked about, in all.'),
      tier1: z
        .array(Tier1DependantSchema)
        .describe(
          'Its tier-1 suppliers downstream of the company asked about: critical first, then nearest, then by id.',
        ),
    }),
  ),
});

// ---------------------------------------------------------------------------------
// Writes (analyst and admin) and tokens (admin).

/**
 * PUT /api/network (admin) `{ companies: [...rows], supplies: [...rows], version? }` with
 * the CSV field names, or `{ format: 'csv', companies: '<csv>', supplies: '<csv>' }`.
 * Checked in full first: on any error nothing changes and the answer is a 400 listing
 * `issues`.
 */
export const NetworkUploadSchema = z.object({
  version: z.string(),
  previousVersion: z.string(),
  companies: z.number().int(),
  supplies: z.number().int(),
  assessments: z
    .number()
    .int()
    .optional()
    .describe('Assessments loaded; absent when the upload had no assessments table.'),
  warnings: z.array(IssueSchema),
  notes: z
    .array(z.string())
    .optional()
    .describe('How each uploaded text was decoded, e.g. "read companies.csv as Shift_JIS (CP932): …".'),
});

const levelAndScore = { scsLevel: z.number().int().nullable(), securityScore: z.number().nullable() };

/** PATCH /api/companies/:id (analyst) `{ version, scsLevel?, securityScore? }` (null clears). */
export const CompanyEditSchema = z.object({
  version: z.string().describe('The new network version (unchanged when the values were already so).'),
  previousVersion: z.string(),
  company: z.object({ id, ...levelAndScore }),
  previous: z.object(levelAndScore),
});

/** PATCH /api/supplies (analyst) `{ version, supplier, buyer, commodity, share }` — sets the share as given (null clears). */
export const SupplyEditSchema = z.object({
  version: z.string(),
  previousVersion: z.string(),
  supply: z.object({ supplier: id, buyer: id, commodity: z.string(), share: z.number().nullable() }),
  previous: z.object({ share: z.number().nullable() }),
  group: z
    .object({ buyer: id, commodity: z.string(), supplies: z.number().int(), shareSum: z.number().nullable() })
    .describe(
      'The (buyer, commodity) group after the edit: its size and the sum of its given shares (null when none are given).',
    ),
  warnings: z
    .array(z.string())
    .describe("E.g. the group's shares no longer sum to 1 (they are scaled to 1 in the analysis)."),
});

/** One assessment (a row of assessments.csv, or one recorded through the API), as of the request's as-of date. */
export const AssessmentSchema = z.object({
  company: id,
  level: z.number().int().min(1).max(5).describe('1–2: SECURITY ACTION ★1/★2; 3–5: SCS ★3/★4/★5.'),
  method: z
    .enum(['self', 'expert', 'third-party'])
    .nullable()
    .describe('How the level was earned; null when not recorded.'),
  assessedOn: z.string().describe('The day it was assessed (YYYY-MM-DD).'),
  validUntil: z
    .string()
    .describe("Its last valid day (YYYY-MM-DD): the row's own, else assessedOn + the level's default validity."),
  validUntilGiven: z.boolean().describe('Whether validUntil was given (false: it is the default validity).'),
  evidence: z.string().nullable().describe('A reference (URL, document number), as given.'),
  status: z
    .enum(['valid', 'lapsed', 'not-yet'])
    .describe('On the as-of date: valid (it counts), lapsed (past validUntil) or not-yet (before assessedOn).'),
});

/** GET /api/assessments?company=&asOf= — in the network's company order, each company's newest first. */
export const AssessmentListSchema = z.object({
  asOf: z.string().describe('The as-of date (YYYY-MM-DD) the statuses are for.'),
  assessments: z.array(AssessmentSchema),
});

/** POST /api/assessments (analyst) — the new network version and the assessment as recorded. */
export const AssessmentRecordSchema = z.object({
  version: z.string().describe('The new network version: the analysis follows it.'),
  assessment: AssessmentSchema,
});

/** A token's name, role and dates — never the token itself. */
export const TokenInfoSchema = z.object({
  name: z.string(),
  role,
  created: z.string(),
  revoked: z.string().nullable().describe('When it was revoked; null while valid.'),
});

/** GET /api/me (viewer): the caller's token name and role, so a client can offer what the role allows. */
export const MeSchema = z.object({ name: z.string(), role });

/** GET /api/tokens (admin): every token's name, role and dates — never a token. */
export const TokenListSchema = z.object({ items: z.array(TokenInfoSchema) });

/** POST /api/tokens (admin) `{ name, role }`: the new token, shown this once. */
export const TokenCreateSchema = TokenInfoSchema.extend({ token: z.string() });

// ——— Scenarios, loss distribution, plan, executive view (issue 5) ———

/** One what-if operation (see src/analysis/what-if.ts). */
export const WhatIfOpSchema = z
  .discriminatedUnion('op', [
    z.object({ op: z.literal('raise-level'), company: id, level: z.number().int() }),
    z.object({
      op: z.literal('add-supplier'),
      buyer: id,
      supplier: id,
      commodity: z.string(),
      share: z.number(),
      access: access.optional().describe('(added) Default none.'),
      bufferDays: z.number().optional().describe('(added) Default 0.'),
    }),
    z.object({ op: z.literal('remove-supplier'), company: id }),
  ])
  .describe('One what-if operation (see src/analysis/what-if.ts).');

/** The hit companies and how many days they are down: what every scenario starts from. */
const scenarioHead = { hit: z.array(id), days: z.number().int() };

/** POST /api/scenario (viewer) `{ hit: string[], days: number, whatIf?: WhatIfOp[] }` — run, not saved. */
export const ScenarioRequestSchema = z.object({ ...scenarioHead, whatIf: z.array(WhatIfOpSchema).optional() });

/** A day of a scenario on which something stops or recovers. */
export const ScenarioDaySchema = z.object({
  day: z.number().int(),
  stopped: z.array(id),
  recovered: z.array(id),
  down: z.number().int(),
});

/** A scenario run day by day: what stops when and recovers, and the revenue at risk. */
export const ScenarioRunSchema = z.object({
  ...scenarioHead,
  lastDay: z.number().int(),
  timeline: z.array(ScenarioDaySchema).describe('Days on which something stops or recovers.'),
  down: z.array(z.number().int()).describe('Companies down on each day 0 .. lastDay.'),
  revenueAtRisk: z
    .array(z.number())
    .describe('Revenue at risk on each day 0 .. lastDay (annual revenue / 365 per stopped company).'),
  totalRevenueAtRisk: z.number(),
  peak: z.object({ down: z.number().int(), day: z.number().int() }),
  focal: z.array(
    z.object({
      ...idAndName,
      stoppedOn: z.number().int().nullable(),
      recoveredOn: z.number().int().nullable(),
      daysDown: z.number(),
    }),
  ),
  companies: z.array(
    z.object({
      ...idAndName,
      focal: z.boolean(),
      stoppedOn: z.number().int(),
      recoveredOn: z.number().int().nullable(),
      daysDown: z.number(),
      revenueAtRisk: z.number(),
    }),
  ),
});

/** (added) The measures compared for one company. */
export const CompanyMeasuresSchema = z
  .object({
    effectiveScore: z.number(),
    tier: z.number().int().nullable(),
    blastRadiusSize: z.number().int(),
    criticalSupplierCount: z.number().int(),
    requiredLevel: z.number().int().nullable(),
    ownLevel: z.number().int(),
    riskContribution: z.number(),
  })
  .describe('(added) The measures compared for one company.');

const rankedLinks = z.array(z.object({ rank: z.number().int(), id, riskContribution: z.number() }));
const sources = z.array(z.object({ buyer: id, commodity: z.string(), supplier: id, share: z.number() }));
const gaps = z.array(z.object({ id, ownLevel: z.number().int(), requiredLevel: z.number().int() }));

/**
 * (added) The shape of `ScenarioResponse.whatIf`: before/after of every analysis under
 * what-ifs (compareAnalyses of src/analysis/what-if.ts).
 */
export const WhatIfComparisonSchema = z.object({
  companies: z
    .array(
      z.object({
        ...idAndName,
        before: CompanyMeasuresSchema.nullable(),
        after: CompanyMeasuresSchema.nullable(),
        changed: z.array(z.string()),
      }),
    )
    .describe(
      'Companies whose measures changed (null: only in the other network), largest change of risk contribution first.',
    ),
  weakLinks: z.object({ before: rankedLinks, after: rankedLinks }).describe('Weak-link ranking, top 10.'),
  singleSources: z.object({ added: sources, removed: sources }),
  levelGaps: z.object({ added: gaps, removed: gaps }),
  totalRisk: z
    .object({ before: z.number(), after: z.number(), change: z.number() })
    .describe('Σ risk contribution over all companies.'),
});

/** POST /api/scenario: the scenario run, and with what-ifs every analysis before and after. */
export const ScenarioSchema = z.object({
  scenario: ScenarioRunSchema,
  whatIf: WhatIfComparisonSchema.nullable().describe(
    'Before/after of every analysis when what-ifs were given (compareAnalyses), else null. Its shape: `WhatIfComparison`.',
  ),
});

const savedHead = {
  name: z.string(),
  ...scenarioHead,
  whatIf: z.array(WhatIfOpSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.string().describe('Network version it was run on.'),
};

/** A saved scenario: POST /api/scenarios (analyst) `{ name, hit, days, whatIf? }`; GET /api/scenarios/:name; DELETE (analyst). */
export const SavedScenarioSchema = z.object({ ...savedHead, result: ScenarioRunSchema });

/** GET /api/scenarios — newest first; results left out. */
export const SavedScenarioListSchema = z.object({
  items: z.array(
    z.object({ ...savedHead, totalRevenueAtRisk: z.number(), stopped: z.number().int(), focalStopped: z.array(id) }),
  ),
});

/** GET /api/scenarios/compare?a=NAME&b=NAME — side by side. */
export const ScenarioComparisonSchema = z.object({
  a: SavedScenarioSchema,
  b: SavedScenarioSchema,
  onlyA: z.array(id).describe('Companies that stop in only one of them: here, only in `a`.'),
  onlyB: z.array(id).describe('Companies that stop in only one of them: here, only in `b`.'),
  both: z.array(id),
});

/** (added) DELETE /api/scenarios/:name (analyst): the name of the scenario deleted (404 when there is none). */
export const ScenarioDeleteSchema = z.object({ deleted: z.string() });

/** One supplier's request letters and answers (weaklink request --list, GET /api/requests). */
export const RequestRecordSchema = z
  .object({
    supplier: z.string().describe('The supplier id.'),
    status: z.enum(['requested', 'agreed', 'declined']).describe('Where its last letter stands.'),
    level: z.number().int().nullable().describe('The SCS level asked in the last letter (null: not recorded).'),
    requestedOn: z.string().describe('When the last letter was issued, YYYY-MM-DD.'),
    requestedBy: z.string().describe('Who recorded the letter (token name or user).'),
    decidedOn: z
      .string()
      .nullable()
      .describe('When the supplier agreed or declined, YYYY-MM-DD (null: no answer yet).'),
    decidedBy: z.string().nullable().describe('Who recorded the answer.'),
    agreedShare: z.number().nullable().describe('The cost share in yen the buyer side agreed to bear (agreed only).'),
    letters: z.number().int().describe('Letters issued to this supplier so far.'),
  })
  .describe("One supplier's request letters and the answer to the last one.");

export const RequestListSchema = z
  .object({ requests: z.array(RequestRecordSchema).describe('Every supplier with a letter on record, by id.') })
  .describe('The request letters issued and the agreements recorded.');

/** A request letter as a document (GET /api/requests/{supplier}/letter). */
export const RequestLetterDocumentSchema = z
  .object({
    contentType: z.string().describe('Media type of the letter: text/html or text/markdown.'),
    text: z.string().describe('The letter.'),
  })
  .describe('A request letter; the route answers the text itself with its content type, not this JSON.');

/** A point of an exceedance curve: P(loss ≥ `loss`) = `probability` (a year). */
export const CurvePointSchema = z
  .object({ loss: z.number(), probability: z.number() })
  .describe('A point of an exceedance curve: P(loss ≥ `loss`) = `probability` (a year).');

const curve = z.array(CurvePointSchema);
const quantiles = z.object({ p95: z.number(), p99: z.number(), p995: z.number() });
const method = z.enum(['exact', 'monte-carlo']);

/**
 * POST /api/risk (viewer) `{ runs?: 1–100000 (10,000), seed? (1), exact? }` — the annual
 * loss distribution over the event loss table (src/analysis/annual-loss.ts). Yen per
 * year. `exact: true` needs a network of at most 8 companies and answers `runs`, `seed`
 * and `standardError` null. Curves: loss ascending, probability descending, ≤ 48 points.
 */
export const RiskSchema = z.object({
  method,
  expectedAnnualLoss: z.number().describe('Σ p × expected event loss (closed form).'),
  mean: z.number().describe('Mean annual loss of the runs, or of the exact distribution.'),
  standardError: z.number().nullable(),
  runs: z.number().int().nullable(),
  seed: z.number().int().nullable(),
  quantiles: quantiles.describe(
    '1-in-20, 1-in-100 and 1-in-200-year annual loss: the smallest ℓ with P(annual loss ≤ ℓ) ≥ q.',
  ),
  exceedance: curve.describe('AEP: P(annual loss ≥ loss).'),
  occurrence: curve.describe('OEP: P(largest single event loss of the year ≥ loss).'),
});

const assessCounts = z
  .object({
    met: z.number().int().describe('Criteria answered ○ (met).'),
    partly: z.number().int().describe('Criteria answered △ (partly met).'),
    'not-met': z.number().int().describe('Criteria answered ✖ (not met).'),
    unanswered: z.number().int().describe('Criteria left empty or missing from the workbook.'),
  })
  .describe('Answers of one level.');

/**
 * POST /api/assess (analyst) — official ★3/★4 self-assessment workbooks read against the
 * catalogue of the blank workbook (src/assess): per supplier and per criterion, ranked by
 * the risk contribution (yen per year) of the suppliers failing it, with the full criteria ×
 * suppliers matrix (each supplier's `answers`, one letter per criterion in catalogue order).
 */
export const AssessSchema = z
  .object({
    catalog: z
      .object({
        file: z.string().describe('The blank workbook’s file name as uploaded.'),
        sha256: z.string().describe('SHA-256 of the blank workbook: a change on IPA’s side shows here.'),
        criteria: z.number().int().describe('Number of criteria in the catalogue.'),
      })
      .describe('The catalogue the workbooks were read against.'),
    suppliers: z
      .array(
        z.object({
          company: z.string().describe('Company id.'),
          name: z.string().describe('Company name.'),
          file: z.string().describe('The workbook’s file name.'),
          riskContribution: z.number().describe('The company’s risk contribution, yen per year.'),
          star3: assessCounts.describe('★3 criteria by answer.'),
          star4: assessCounts.optional().describe('★4 criteria by answer, when any ★4 criterion was answered.'),
          readyForStar3: z
            .boolean()
            .describe('Every ★3 criterion met: ready for ★3, not ★3 (that needs an assessment with method expert).'),
          unmet: z.array(z.string()).describe('Criteria answered not met or partly met, in catalogue order.'),
          answers: z
            .string()
            .regex(/^[opx-]*$/)
            .describe(
              'Its answer to every criterion, one letter each in catalogue order (criteria[].position): o met (○), p partly met (△), x not met (✖), - unanswered.',
            ),
        }),
      )
      .describe('One entry per supplier, highest risk contribution first.'),
    criteria: z
      .array(
        z.object({
          rank: z.number().int().describe('1 = the failing suppliers carry the most risk.'),
          position: z
            .number()
            .int()
            .describe('Its place in the catalogue, 0-based: the index of its letter in each supplier’s answers.'),
          id: z.string().describe('Criterion id (評価基準No.), e.g. 4-1-3-2.'),
          level: z.union([z.literal(3), z.literal(4)]).describe('3 or 4 (★3/★4).'),
          category: z.number().int().describe('1 governance … 7 recover: the first number of the id.'),
          text: z.string().describe('The criterion text (評価基準) from the catalogue.'),
          failing: z.number().int().describe('Suppliers answering not met or partly met.'),
          notMet: z.number().int().describe('Suppliers answering not met.'),
          partly: z.number().int().describe('Suppliers answering partly met.'),
          unanswered: z.number().int().describe('Suppliers that left it unanswered.'),
          riskContribution: z.number().describe('Sum of the failing suppliers’ risk contributions, yen per year.'),
          suppliers: z.array(z.string()).describe('The failing suppliers’ ids, highest risk first.'),
        }),
      )
      .describe('Every criterion, ranked by the risk of the suppliers failing it, then by their number, then by id.'),
  })
  .describe('Self-assessment workbooks summarised per supplier and per criterion.');

/**
 * POST /api/plan (viewer) `{ budget, costs?, planTargets? }` — the CostPlan of
 * src/analysis/cost-plan.ts: lifts of suppliers to ★3/★4/★5 (planTargets) chosen to avoid
 * the most expected annual loss (AAL) within the budget, exactly (`optimal`) or within
 * (upperBound − avoided) / upperBound of the best plan. Money in yen; AAL in yen per year.
 */
export const PlanSchema = z.object({
  budget: z.number(),
  avoided: z.number().describe('AAL avoided, yen per year.'),
  optimal: z.boolean(),
  upperBound: z.number().describe('No plan within the budget avoids more (yen per year); equals avoided when optimal.'),
  totalCost: z.number(),
  expectedAnnualLossBefore: z.number(),
  expectedAnnualLossAfter: z.number(),
  method: z.enum(['dynamic-programming', 'greedy-hull']),
  lifts: z.array(
    z.object({
      supplier: id,
      name: z.string(),
      size: z.enum(['sme', 'large']),
      fromLevel: z.number().int(),
      toLevel: z.number().int(),
      cost: z.number(),
      avoided: z.number(),
      payback: z.number().nullable().describe('avoided ÷ cost, per year; null for a free lift.'),
      split: z
        .array(z.object({ company: id, name: z.string(), amount: z.number() }))
        .describe(
          'Among the large companies that gain, by the AAL each avoids; rounded to ¥1,000, the remainder on the largest.',
        ),
      unallocated: z.number().describe('The whole cost when no large company gains, else 0.'),
    }),
  ),
});

/** The assumptions behind every money figure of the executive view (each editable for the session). */
export const ExecutiveAssumptionsSchema = z
  .object({
    hitLikelihood: z
      .string()
      .describe('e.g. `p(s) = min(1, 0.015 × 0.975^s)`: the annual probability of a disruptive hit.'),
    hitBase: z.number(),
    hitDecay: z.number(),
    durations: z
      .array(z.object({ days: z.number().int(), probability: z.number() }))
      .describe('Full-stop days of a hit and their probabilities.'),
    lossRatio: z.number().describe('Share of revenue a stopped day loses (1 = revenue at risk).'),
    liftCosts: z
      .object({ sme: z.array(z.number()), large: z.array(z.number()) })
      .describe('Yen per level step 0→1 … 4→5, by size.'),
    planTargets: z.array(z.number().int()).describe('The SCS levels the plan may fund.'),
  })
  .describe('The assumptions behind every money figure of the executive view (each editable for the session).');

const focalCompany = z.object({ ...idAndName, revenue: z.number() });

/**
 * GET /api/executive?budget=YEN — the one-page executive view (budget default
 * ¥50,000,000): one focal company's page. Every money figure is yen; the loss counted is
 * the focal company's own (its revenue × loss ratio per day it is down), from hits
 * anywhere in the network. Without focal companies, the whole network's loss.
 * (added) Expected loss: exact over every hit set when the network has at most 20
 * companies (`runs` is then the number of hit sets, 2^n), else 10,000 Monte Carlo runs,
 * seed 1. Plan: POST /api/plan with the budget (`lossBefore`/`lossAfter`: the AAL of the
 * event loss table before and after the plan's lifts).
 */
export const ExecutiveSchema = z.object({
  version: z.string(),
  companies: z.number().int(),
  focal: z.array(focalCompany).describe("Every focal company, largest revenue first (the page's choices)."),
  scope: focalCompany
    .nullable()
    .describe("The focal company this page is about; null when the network has none (the whole network's loss)."),
  unassessedShare: z.number(),
  singleSources: z.number().int(),
  hiddenCriticalSuppliers: z.number().int(),
  criticalSuppliers: z.number().int().describe('Critical suppliers of the focal company (any depth).'),
  loss: z.object({
    expectedAnnualLoss: z.number().describe('Yen per year, exact (closed form).'),
    shareOfRevenue: z
      .number()
      .nullable()
      .describe("expectedAnnualLoss ÷ the focal company's revenue (null without one)."),
    quantiles: quantiles.describe('The 1-in-20, 1-in-100 and 1-in-200-year annual losses, yen.'),
    exceedance: curve.describe('P(annual loss ≥ loss).'),
    occurrence: curve.describe("P(the year's largest single event loss ≥ loss)."),
    method,
    runs: z.number().int().nullable(),
    seed: z.number().int().nullable(),
    mean: z.number(),
    standardError: z.number().nullable(),
  }),
  topContributors: z
    .array(
      z.object({
        ...idAndName,
        riskContribution: z.number(),
        hitLikelihood: z.number(),
        expectedEventLoss: z.number().describe('Yen per hit (over the assumed durations).'),
        exposurePath: z.array(z.object(idAndName)).describe('From the focal company up to the contributor.'),
        ownScore: z.number().describe('Its own security score, 0–100.'),
        unassessed: z.boolean().describe('No level and no score: scored 0 (unknown is treated as weakest).'),
        blastRadiusSize: z.number().int().describe('Companies that stop when it alone is hit (itself not counted).'),
        focalStopDay: z
          .number()
          .int()
          .nullable()
          .describe('The day the focal company stops when the contributor is hit (null: it does not stop).'),
        reason: z.string().describe('One line in English: own score and how many companies stop.'),
      }),
    )
    .describe(
      'The companies whose hits cost the focal company most (yen per year), with the chain from the focal company up to each.',
    ),
  worstEvent: z
    .object({
      ...idAndName,
      days: z.number().int(),
      loss: z.number(),
      focalStopDay: z.number().int().nullable(),
      stopped: z.number().int(),
    })
    .nullable()
    .describe(
      'The largest single-event loss among the top contributors: a hit lasting `days` full-stop days (the longest assumed).',
    ),
  plan: z.object({
    budget: z.number(),
    spent: z.number(),
    suppliers: z.number().int(),
    lossBefore: z.number().describe('Yen per year.'),
    lossAfter: z.number(),
    avoided: z.number(),
    cutPercent: z.number(),
    optimal: z.boolean(),
    gapPercent: z
      .number()
      .describe('100 × (upperBound − avoided) ÷ upperBound: how far from the best possible plan at most.'),
    method: z.string(),
    lifts: z.array(
      z.object({
        supplier: id,
        name: z.string(),
        fromLevel: z.number().int(),
        toLevel: z.number().int(),
        cost: z.number(),
        avoided: z.number(),
      }),
    ),
  }),
  assumptions: ExecutiveAssumptionsSchema,
});

/**
 * GET /api/jobs/{id} (the caller's own jobs) — a heavy request's job: risk, plan,
 * executive view or scenario. Every heavy request answers its id in the `X-Job-Id`
 * header, or uses the UUID the client sent in `X-Job-Id`, so a page can poll while it waits.
 */
export const JobSchema = z.object({
  id: z.string().describe('The job id (a UUID).'),
  kind: z.enum(['risk', 'plan', 'executive', 'scenario']).describe('What the job computes.'),
  state: z
    .enum(['queued', 'running', 'done', 'failed', 'cancelled'])
    .describe(
      'queued: waiting for a worker; running; done: answered; failed: refused or an error; cancelled: the request went away or the server stopped it.',
    ),
  done: z.number().int().describe('Monte Carlo runs done (risk), or steps done (the others).'),
  total: z.number().int().describe('Runs (risk) or steps (the others) in all.'),
  startedAt: z.string().nullable().describe('When a worker began the job (ISO 8601); null while it waits.'),
  estimate: z
    .number()
    .nullable()
    .describe('Estimated cost in work units (about one company in one Monte Carlo year); null before it is estimated.'),
});

/** The OpenAPI document itself (an object; its shape is OpenAPI 3.1's). */
export const OpenApiSchema = z.record(z.string(), z.unknown());

/** Component name of each response schema and of each named part of one. */
export const RESPONSE_SCHEMAS: [string, z.ZodType][] = [
  ['Error', ErrorSchema],
  ['Health', HealthSchema],
  ['Summary', SummarySchema],
  ['CompanyRow', CompanyRowSchema],
  ['CompanyList', CompanyListSchema],
  ['SupplyLink', SupplyLinkSchema],
  ['CompanyDetail', CompanyDetailSchema],
  ['Graph', GraphSchema],
  ['WeakLinks', WeakLinksSchema],
  ['SingleSources', SingleSourcesSchema],
  ['HiddenCritical', HiddenCriticalSchema],
  ['LevelGaps', LevelGapsSchema],
  ['Unassessed', UnassessedListSchema],
  ['Lapsing', LapsingListSchema],
  ['Concentration', ConcentrationSchema],
  ['Simulate', SimulateSchema],
  ['Issue', IssueSchema],
  ['NetworkUpload', NetworkUploadSchema],
  ['CompanyEdit', CompanyEditSchema],
  ['SupplyEdit', SupplyEditSchema],
  ['AssessmentList', AssessmentListSchema],
  ['AssessmentRecord', AssessmentRecordSchema],
  ['Me', MeSchema],
  ['TokenInfo', TokenInfoSchema],
  ['TokenList', TokenListSchema],
  ['TokenCreate', TokenCreateSchema],
  ['OpenApi', OpenApiSchema],
  ['WhatIfOp', WhatIfOpSchema],
  ['ScenarioRun', ScenarioRunSchema],
  ['WhatIfComparison', WhatIfComparisonSchema],
  ['Scenario', ScenarioSchema],
  ['SavedScenario', SavedScenarioSchema],
  ['SavedScenarioList', SavedScenarioListSchema],
  ['ScenarioComparison', ScenarioComparisonSchema],
  ['ScenarioDelete', ScenarioDeleteSchema],
  ['RequestRecord', RequestRecordSchema],
  ['RequestList', RequestListSchema],
  ['RequestLetterDocument', RequestLetterDocumentSchema],
  ['Risk', RiskSchema],
  ['Plan', PlanSchema],
  ['Assess', AssessSchema],
  ['Executive', ExecutiveSchema],
  ['Job', JobSchema],
  ['OverviewHeader', OverviewHeaderSchema],
  ['Aggregate', AggregateSchema],
  ['AggregateCompanies', AggregateCompaniesSchema],
  ['Dependants', DependantsSchema],
  // The named parts of the responses above (each a `$ref` where a response holds it).
  ['GraphNode', GraphNodeSchema],
  ['GraphEdge', GraphEdgeSchema],
  ['BreachStop', BreachStopSchema],
  ['WeakLink', WeakLinkSchema],
  ['SingleSource', SingleSourceSchema],
  ['HiddenCriticalItem', HiddenCriticalItemSchema],
  ['LevelGap', LevelGapSchema],
  ['Assessment', AssessmentSchema],
  ['CountryShare', CountryShareSchema],
  ['ConcentrationGroup', ConcentrationGroupSchema],
  ['ScenarioDay', ScenarioDaySchema],
  ['CompanyMeasures', CompanyMeasuresSchema],
  ['CurvePoint', CurvePointSchema],
  ['ExecutiveAssumptions', ExecutiveAssumptionsSchema],
  ['OverviewArray', OverviewArraySchema],
  ['AggregateGroup', AggregateGroupSchema],
  ['AggregateLink', AggregateLinkSchema],
  ['Tier1Dependant', Tier1DependantSchema],
];
