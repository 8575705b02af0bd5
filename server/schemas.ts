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
} from './api-types.ts';

const id = z.string();
const nullableString = z.string().nullable();
const access = z.enum(['none', 'data', 'network', 'software']);
const page = { total: z.number().int(), offset: z.number().int(), limit: z.number().int() };

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(['bad_request', 'not_found', 'payload_too_large', 'unavailable', 'internal', 'unauthorized', 'forbidden', 'conflict', 'rate_limited']),
    message: z.string(),
    field: z.string().optional(),
  }),
}) satisfies z.ZodType<ApiError>;

export const HealthSchema = z.object({ status: z.literal('ok'), version: nullableString }) satisfies z.ZodType<HealthResponse>;

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

export const CompanyListSchema = z.object({ ...page, items: z.array(CompanyRowSchema) }) satisfies z.ZodType<CompanyListResponse>;

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

const askedBy = z.array(z.object({ buyer: id, commodity: z.string(), reasons: z.array(z.string()) }));

export const CompanyDetailSchema = z.object({
  company: CompanyRowSchema.extend({ revenue: z.number(), focal: z.boolean(), hitLikelihood: z.number() }),
  explanation: z.string(),
  exposurePath: z.array(z.object({ id, name: z.string(), ownScore: z.number(), effectiveScore: z.number(), commodity: nullableString })),
  criticalSuppliers: z.array(z.object({ id, name: z.string(), direct: z.boolean(), country: nullableString })),
  blastRadius: z.array(z.object({ id, name: z.string(), tier: z.number().int().nullable() })),
  suppliers: z.array(SupplyLinkSchema),
  buyers: z.array(SupplyLinkSchema),
  levelGap: z.object({ ownLevel: z.number().int(), requiredLevel: z.number().int(), askedBy }).nullable(),
  counts: z.object({ suppliers: z.number().int(), buyers: z.number().int(), blastRadius: z.number().int(), criticalSuppliers: z.number().int() }),
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
    z.object({ id: z.string(), source: id, target: id, commodity: z.string(), share: z.number(), access, singleSource: z.boolean(), bufferDays: z.number() }),
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
      riskContribution: z.number(),
      blastRadiusSize: z.number().int(),
      valueAtStake: z.number(),
      reason: z.string(),
    }),
  ),
}) satisfies z.ZodType<WeakLinksResponse>;

export const SingleSourcesSchema = z.object({
  ...page,
  items: z.array(z.object({ buyer: id, buyerName: z.string(), commodity: z.string(), supplier: id, supplierName: z.string(), share: z.number() })),
}) satisfies z.ZodType<SingleSourcesResponse>;

export const HiddenCriticalSchema = z.object({
  ...page,
  items: z.array(z.object({ supplier: id, name: z.string(), dependants: z.array(id), focalDependants: z.array(id) })),
}) satisfies z.ZodType<HiddenCriticalResponse>;

export const LevelGapsSchema = z.object({
  ...page,
  items: z.array(z.object({ id, name: z.string(), ownLevel: z.number().int(), requiredLevel: z.number().int(), unassessed: z.boolean(), askedBy })),
}) satisfies z.ZodType<LevelGapsResponse>;

const countryShares = z.array(z.object({ country: z.string(), amount: z.number(), share: z.number() }));

export const ConcentrationSchema = z.object({
  ...page,
  groups: z.array(z.object({ buyer: id, commodity: z.string(), hhi: z.number(), suppliers: z.array(z.object({ id, share: z.number() })) })),
  tiers: z.array(
    z.object({ tier: z.number().int(), companies: z.number().int(), byCount: countryShares, countHhi: z.number(), bySpend: countryShares, spendHhi: z.number() }),
  ),
  criticalSupplierCountries: z.array(z.object({ focal: id, countries: countryShares })),
}) satisfies z.ZodType<ConcentrationResponse>;

export const SimulateSchema = z.object({
  hit: z.array(id),
  disrupted: z.array(id),
  revenueAtRisk: z.number(),
  focalDisrupted: z.array(id),
  theta: z.number(),
}) satisfies z.ZodType<SimulateResponse>;

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
  ['OpenApi', OpenApiSchema],
];
