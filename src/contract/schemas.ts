/**
 * The response shapes of api-types.ts as zod schemas, for the OpenAPI document (through
 * `z.toJSONSchema`) and for the tests, which check every response against them. Each
 * schema `satisfies z.ZodType<T>` of its api-types interface, and the tests check the
 * two types are equal, so the contract, the document and the code agree.
 * `RESPONSE_SCHEMAS` names each one for `components.schemas`.
 */
import { z } from 'zod';
import type {
  ApiError,
  ApiIssue,
  CompanyEditResponse,
  NetworkUploadResponse,
  SupplyEditResponse,
  TokenCreateResponse,
  TokenInfo,
  MeResponse,
  TokenListResponse,
  CompanyDetailResponse,
  CompanyListResponse,
  CompanyRow,
  ConcentrationResponse,
  GraphResponse,
  HealthResponse,
  HiddenCriticalResponse,
  LevelGapsResponse,
  SimulateResponse,
  SingleSourcesResponse,
  SummaryResponse,
  SupplyLink,
  WeakLinksResponse,
  ExecutiveResponse,
  PlanResponse,
  RiskResponse,
  SavedScenario,
  SavedScenarioList,
  ScenarioComparison,
  ScenarioDeleteResponse,
  ScenarioRun,
  WhatIfComparison,
  WhatIfOp,
} from './api-types.ts';

const id = z.string();
const nullableString = z.string().nullable();
const access = z.enum(['none', 'data', 'network', 'software']);
const page = { total: z.number().int(), offset: z.number().int(), limit: z.number().int() };

export const IssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  message: z.string(),
}) satisfies z.ZodType<ApiIssue>;

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
    issues: z.array(IssueSchema).optional(),
  }),
}) satisfies z.ZodType<ApiError>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: nullableString,
}) satisfies z.ZodType<HealthResponse>;

export const SummarySchema = z.object({
  version: z.string(),
  companies: z.number().int(),
  supplies: z.number().int(),
  focal: z.array(z.object({ id, name: z.string() })),
  maxTier: z.number().int(),
  unassessed: z.number().int(),
  theta: z.number(),
  hitLikelihood: z.string(),
  commodities: z.array(z.string()),
  countries: z.array(z.string()),
  singleSources: z.number().int(),
  hiddenCriticalSuppliers: z.number().int(),
  levelGaps: z.number().int(),
}) satisfies z.ZodType<SummaryResponse>;

export const CompanyRowSchema = z.object({
  id,
  name: z.string(),
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
}) satisfies z.ZodType<CompanyRow>;

export const CompanyListSchema = z.object({
  ...page,
  items: z.array(CompanyRowSchema),
}) satisfies z.ZodType<CompanyListResponse>;

export const SupplyLinkSchema = z.object({
  id,
  name: z.string(),
  commodity: z.string(),
  share: z.number(),
  access,
  bufferDays: z.number(),
  spend: z.number().nullable(),
  singleSource: z.boolean(),
  effectiveScore: z.number(),
  ownScore: z.number(),
}) satisfies z.ZodType<SupplyLink>;

const askedBy = z.array(
  z.object({ buyer: id, buyerName: z.string(), commodity: z.string(), reasons: z.array(z.string()) }),
);

export const CompanyDetailSchema = z.object({
  company: CompanyRowSchema.extend({
    revenue: z.number(),
    focal: z.boolean(),
    hitLikelihood: z.number(),
    expectedEventLoss: z.number(),
  }),
  explanation: z.string(),
  exposurePath: z.array(
    z.object({ id, name: z.string(), ownScore: z.number(), effectiveScore: z.number(), commodity: nullableString }),
  ),
  criticalSuppliers: z.array(z.object({ id, name: z.string(), direct: z.boolean(), country: nullableString })),
  blastRadius: z.array(
    z.object({
      id,
      name: z.string(),
      tier: z.number().int().nullable(),
      focal: z.boolean(),
      stopDay: z.number().int().min(0),
      revenuePerDay: z.number(),
    }),
  ),
  suppliers: z.array(SupplyLinkSchema),
  buyers: z.array(SupplyLinkSchema),
  levelGap: z.object({ ownLevel: z.number().int(), requiredLevel: z.number().int(), askedBy }).nullable(),
  counts: z.object({
    suppliers: z.number().int(),
    buyers: z.number().int(),
    blastRadius: z.number().int(),
    criticalSuppliers: z.number().int(),
  }),
  listLimit: z.number().int(),
}) satisfies z.ZodType<CompanyDetailResponse>;

export const GraphSchema = z.object({
  nodes: z.array(
    z.object({
      id,
      name: z.string(),
      tier: z.number().int().nullable(),
      country: nullableString,
      ownScore: z.number(),
      ownLevel: z.number().int(),
      effectiveScore: z.number(),
      unassessed: z.boolean(),
      riskContribution: z.number(),
      focal: z.boolean(),
      criticalToFocal: z.boolean(),
      hiddenSuppliers: z.number().int(),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.string(),
      source: id,
      target: id,
      commodity: z.string(),
      share: z.number(),
      access,
      singleSource: z.boolean(),
      bufferDays: z.number(),
    }),
  ),
  truncated: z.boolean(),
}) satisfies z.ZodType<GraphResponse>;

export const WeakLinksSchema = z.object({
  ...page,
  theta: z.number(),
  hitLikelihood: z.string(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      id,
      name: z.string(),
      ownScore: z.number(),
      unassessed: z.boolean(),
      hitLikelihood: z.number(),
      expectedEventLoss: z.number(),
      riskContribution: z.number(),
      blastRadiusSize: z.number().int(),
      reason: z.string(),
    }),
  ),
}) satisfies z.ZodType<WeakLinksResponse>;

export const SingleSourcesSchema = z.object({
  ...page,
  items: z.array(
    z.object({
      buyer: id,
      buyerName: z.string(),
      commodity: z.string(),
      supplier: id,
      supplierName: z.string(),
      share: z.number(),
    }),
  ),
}) satisfies z.ZodType<SingleSourcesResponse>;

export const HiddenCriticalSchema = z.object({
  ...page,
  items: z.array(z.object({ supplier: id, name: z.string(), dependants: z.array(id), focalDependants: z.array(id) })),
}) satisfies z.ZodType<HiddenCriticalResponse>;

export const LevelGapsSchema = z.object({
  ...page,
  items: z.array(
    z.object({
      id,
      name: z.string(),
      ownLevel: z.number().int(),
      requiredLevel: z.number().int(),
      unassessed: z.boolean(),
      askedBy,
    }),
  ),
}) satisfies z.ZodType<LevelGapsResponse>;

const countryShares = z.array(z.object({ country: z.string(), amount: z.number(), share: z.number() }));

export const ConcentrationSchema = z.object({
  ...page,
  groups: z.array(
    z.object({
      buyer: id,
      commodity: z.string(),
      hhi: z.number(),
      suppliers: z.array(z.object({ id, name: z.string(), share: z.number() })),
    }),
  ),
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
}) satisfies z.ZodType<ConcentrationResponse>;

export const SimulateSchema = z.object({
  hit: z.array(id),
  disrupted: z.array(id),
  focalDisrupted: z.array(id),
  companies: z.array(
    z.object({ id, name: z.string(), focal: z.boolean(), stopDay: z.number().int().min(0), revenuePerDay: z.number() }),
  ),
  revenuePerDay: z.number().describe('Yen per day of outage once every stopped company has stopped.'),
  lossByDuration: z.array(z.object({ days: z.number().int(), probability: z.number(), loss: z.number() })),
  expectedLoss: z.number().describe('Yen per event: Σ probability × loss over the assumed outage durations.'),
  theta: z.number(),
}) satisfies z.ZodType<SimulateResponse>;

export const NetworkUploadSchema = z.object({
  version: z.string(),
  previousVersion: z.string(),
  companies: z.number().int(),
  supplies: z.number().int(),
  warnings: z.array(IssueSchema),
}) satisfies z.ZodType<NetworkUploadResponse>;

const levelAndScore = { scsLevel: z.number().int().nullable(), securityScore: z.number().nullable() };

export const CompanyEditSchema = z.object({
  version: z.string(),
  previousVersion: z.string(),
  company: z.object({ id, ...levelAndScore }),
  previous: z.object(levelAndScore),
}) satisfies z.ZodType<CompanyEditResponse>;

export const SupplyEditSchema = z.object({
  version: z.string(),
  previousVersion: z.string(),
  supply: z.object({ supplier: id, buyer: id, commodity: z.string(), share: z.number().nullable() }),
  previous: z.object({ share: z.number().nullable() }),
  group: z.object({ buyer: id, commodity: z.string(), supplies: z.number().int(), shareSum: z.number().nullable() }),
  warnings: z.array(z.string()),
}) satisfies z.ZodType<SupplyEditResponse>;

export const TokenInfoSchema = z.object({
  name: z.string(),
  role: z.enum(['viewer', 'analyst', 'admin']),
  created: z.string(),
  revoked: z.string().nullable(),
}) satisfies z.ZodType<TokenInfo>;

export const MeSchema = z.object({
  name: z.string(),
  role: z.enum(['viewer', 'analyst', 'admin']),
}) satisfies z.ZodType<MeResponse>;

export const TokenListSchema = z.object({ items: z.array(TokenInfoSchema) }) satisfies z.ZodType<TokenListResponse>;

export const TokenCreateSchema = TokenInfoSchema.extend({ token: z.string() }) satisfies z.ZodType<TokenCreateResponse>;

// ——— Scenarios, loss distribution, plan, executive view (issue 5) ———

export const WhatIfOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('raise-level'), company: id, level: z.number().int() }),
  z.object({
    op: z.literal('add-supplier'),
    buyer: id,
    supplier: id,
    commodity: z.string(),
    share: z.number(),
    access: access.optional(),
    bufferDays: z.number().optional(),
  }),
  z.object({ op: z.literal('remove-supplier'), company: id }),
]) satisfies z.ZodType<WhatIfOp>;

export const ScenarioRunSchema = z.object({
  hit: z.array(id),
  days: z.number().int(),
  lastDay: z.number().int(),
  timeline: z.array(
    z.object({ day: z.number().int(), stopped: z.array(id), recovered: z.array(id), down: z.number().int() }),
  ),
  down: z.array(z.number().int()),
  revenueAtRisk: z.array(z.number()),
  totalRevenueAtRisk: z.number(),
  peak: z.object({ down: z.number().int(), day: z.number().int() }),
  focal: z.array(
    z.object({
      id,
      name: z.string(),
      stoppedOn: z.number().int().nullable(),
      recoveredOn: z.number().int().nullable(),
      daysDown: z.number(),
    }),
  ),
  companies: z.array(
    z.object({
      id,
      name: z.string(),
      focal: z.boolean(),
      stoppedOn: z.number().int(),
      recoveredOn: z.number().int().nullable(),
      daysDown: z.number(),
      revenueAtRisk: z.number(),
    }),
  ),
}) satisfies z.ZodType<ScenarioRun>;

const measures = z.object({
  effectiveScore: z.number(),
  tier: z.number().int().nullable(),
  blastRadiusSize: z.number().int(),
  criticalSupplierCount: z.number().int(),
  requiredLevel: z.number().int().nullable(),
  ownLevel: z.number().int(),
  riskContribution: z.number(),
});
const rankedLinks = z.array(z.object({ rank: z.number().int(), id, riskContribution: z.number() }));
const sources = z.array(z.object({ buyer: id, commodity: z.string(), supplier: id, share: z.number() }));
const gaps = z.array(z.object({ id, ownLevel: z.number().int(), requiredLevel: z.number().int() }));

/** Before/after of every analysis under what-ifs (compareAnalyses of src/analysis/what-if.ts). */
export const WhatIfComparisonSchema = z.object({
  companies: z.array(
    z.object({
      id,
      name: z.string(),
      before: measures.nullable(),
      after: measures.nullable(),
      changed: z.array(z.string()),
    }),
  ),
  weakLinks: z.object({ before: rankedLinks, after: rankedLinks }),
  singleSources: z.object({ added: sources, removed: sources }),
  levelGaps: z.object({ added: gaps, removed: gaps }),
  totalRisk: z.object({ before: z.number(), after: z.number(), change: z.number() }),
}) satisfies z.ZodType<WhatIfComparison>;

export const ScenarioSchema = z.object({ scenario: ScenarioRunSchema, whatIf: WhatIfComparisonSchema.nullable() });

const savedHead = {
  name: z.string(),
  hit: z.array(id),
  days: z.number().int(),
  whatIf: z.array(WhatIfOpSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  version: z.string(),
};

export const SavedScenarioSchema = z.object({
  ...savedHead,
  result: ScenarioRunSchema,
}) satisfies z.ZodType<SavedScenario>;

export const SavedScenarioListSchema = z.object({
  items: z.array(
    z.object({ ...savedHead, totalRevenueAtRisk: z.number(), stopped: z.number().int(), focalStopped: z.array(id) }),
  ),
}) satisfies z.ZodType<SavedScenarioList>;

export const ScenarioComparisonSchema = z.object({
  a: SavedScenarioSchema,
  b: SavedScenarioSchema,
  onlyA: z.array(id),
  onlyB: z.array(id),
  both: z.array(id),
}) satisfies z.ZodType<ScenarioComparison>;

export const ScenarioDeleteSchema = z.object({ deleted: z.string() }) satisfies z.ZodType<ScenarioDeleteResponse>;

const curve = z.array(z.object({ loss: z.number(), probability: z.number() }));

export const RiskSchema = z.object({
  method: z.enum(['exact', 'monte-carlo']),
  expectedAnnualLoss: z.number(),
  mean: z.number(),
  standardError: z.number().nullable(),
  runs: z.number().int().nullable(),
  seed: z.number().int().nullable(),
  quantiles: z.object({ p95: z.number(), p99: z.number(), p995: z.number() }),
  exceedance: curve,
  occurrence: curve,
}) satisfies z.ZodType<RiskResponse>;

export const PlanSchema = z.object({
  budget: z.number(),
  avoided: z.number(),
  optimal: z.boolean(),
  upperBound: z.number(),
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
      payback: z.number().nullable(),
      split: z.array(z.object({ company: id, name: z.string(), amount: z.number() })),
      unallocated: z.number(),
    }),
  ),
}) satisfies z.ZodType<PlanResponse>;

const named = z.object({ id, name: z.string(), revenue: z.number() });

export const ExecutiveSchema = z.object({
  version: z.string(),
  companies: z.number().int(),
  focal: z.array(named),
  scope: named.nullable(),
  unassessedShare: z.number(),
  singleSources: z.number().int(),
  hiddenCriticalSuppliers: z.number().int(),
  criticalSuppliers: z.number().int(),
  loss: z.object({
    expectedAnnualLoss: z.number(),
    shareOfRevenue: z.number().nullable(),
    quantiles: z.object({ p95: z.number(), p99: z.number(), p995: z.number() }),
    exceedance: curve,
    occurrence: curve,
    method: z.enum(['exact', 'monte-carlo']),
    runs: z.number().int().nullable(),
    seed: z.number().int().nullable(),
    mean: z.number(),
    standardError: z.number().nullable(),
  }),
  topContributors: z.array(
    z.object({
      id,
      name: z.string(),
      riskContribution: z.number(),
      hitLikelihood: z.number(),
      expectedEventLoss: z.number(),
      exposurePath: z.array(z.object({ id, name: z.string() })),
      focalStopDay: z.number().int().nullable(),
      reason: z.string(),
    }),
  ),
  worstEvent: z
    .object({
      id,
      name: z.string(),
      days: z.number().int(),
      loss: z.number(),
      focalStopDay: z.number().int().nullable(),
      stopped: z.number().int(),
    })
    .nullable(),
  plan: z.object({
    budget: z.number(),
    spent: z.number(),
    suppliers: z.number().int(),
    lossBefore: z.number(),
    lossAfter: z.number(),
    avoided: z.number(),
    cutPercent: z.number(),
    optimal: z.boolean(),
    gapPercent: z.number(),
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
  assumptions: z.object({
    hitLikelihood: z.string(),
    hitBase: z.number(),
    hitDecay: z.number(),
    durations: z.array(z.object({ days: z.number().int(), probability: z.number() })),
    lossRatio: z.number(),
    liftCosts: z.object({ sme: z.array(z.number()), large: z.array(z.number()) }),
    planTargets: z.array(z.number().int()),
  }),
}) satisfies z.ZodType<ExecutiveResponse>;

/** The OpenAPI document itself (an object; its shape is OpenAPI 3.1's). */
export const OpenApiSchema = z.record(z.string(), z.unknown());

/** Component name of each response schema. */
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
  ['Concentration', ConcentrationSchema],
  ['Simulate', SimulateSchema],
  ['Issue', IssueSchema],
  ['NetworkUpload', NetworkUploadSchema],
  ['CompanyEdit', CompanyEditSchema],
  ['SupplyEdit', SupplyEditSchema],
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
  ['Risk', RiskSchema],
  ['Plan', PlanSchema],
  ['Executive', ExecutiveSchema],
];
