/**
 * GET /api/aggregate?by=country|industry — the companies grouped by (tier, country) or
 * (tier, industry) with their summed risk contribution and the supplies between groups;
 * GET /api/aggregate/companies?by=&tier=&key= — the companies of one group, highest risk
 * contribution first, paged; GET /api/companies/{id}/dependants?focal= — the tier-1
 * suppliers of the focal companies that depend on a company.
 */
import { z } from 'zod';
import {
  aggregateCompanies,
  aggregateOf,
  companyDependants,
  DEFAULTS as DEPENDANTS,
} from '../../src/app/aggregates.ts';
import { AggregateCompaniesSchema, AggregateSchema, DependantsSchema } from '../../src/contract/schemas.ts';
import { intParam, pageParams } from '../query.ts';
import { defineRoute } from '../route.ts';
import { CompanyParams } from './companies.ts';

const by = z
  .enum(['country', 'industry'])
  .default('country')
  .describe('Group the companies of each tier by country (default) or by industry.');

export const AggregateQuery = z.strictObject({ by });

export const aggregateRoute = defineRoute({
  method: 'get',
  path: '/api/aggregate',
  operationId: 'aggregate',
  access: 'viewer',
  asOf: true,
  summary:
    'The companies grouped by (tier, country) or (tier, industry): count, summed risk contribution (yen per year), unassessed and below-required counts, and the supplies between groups.',
  query: AggregateQuery,
  response: AggregateSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => aggregateOf(await cache.view(), query.by),
});

export const AggregateCompaniesQuery = z.strictObject({
  by,
  tier: z
    .union([z.literal('none'), intParam(0, 1_000_000)])
    .describe("The group's tier, or `none` for the companies with no tier."),
  key: z
    .string()
    .min(1)
    .max(200)
    .describe("The group's country or industry (`unknown`: none given), as GET /api/aggregate names it."),
  ...pageParams(),
});

export const aggregateCompaniesRoute = defineRoute({
  method: 'get',
  path: '/api/aggregate/companies',
  operationId: 'aggregateCompanies',
  access: 'viewer',
  asOf: true,
  summary:
    'The companies of one (tier, country) or (tier, industry) group, highest risk contribution first (ties by id), paged.',
  query: AggregateCompaniesQuery,
  response: AggregateCompaniesSchema,
  errors: [404, 503],
  handle: async ({ query }, { cache }) =>
    aggregateCompanies(await cache.view(), { ...query, tier: query.tier === 'none' ? null : query.tier }),
});

export const DependantsQuery = z.strictObject({
  focal: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('The company whose tier-1 suppliers (direct suppliers) to look at; default every tier-0 company.'),
  limit: intParam(0, DEPENDANTS.tier1Limit)
    .default(DEPENDANTS.tier1Limit)
    .describe(
      `Tier-1 suppliers listed per focal company at most, 0–${DEPENDANTS.tier1Limit} (default ${DEPENDANTS.tier1Limit}); tier1Total counts them all.`,
    ),
});

export const dependantsRoute = defineRoute({
  method: 'get',
  path: '/api/companies/{id}/dependants',
  operationId: 'companyDependants',
  access: 'viewer',
  asOf: true,
  summary:
    'The tier-1 suppliers of the focal companies that are downstream of this company: each with its shortest supply path from it and whether it is one of their critical suppliers.',
  params: CompanyParams,
  query: DependantsQuery,
  response: DependantsSchema,
  errors: [404, 503],
  handle: async ({ params, query }, { cache }) => companyDependants(await cache.view(), params.id, query),
});
