/**
 * GET /api/companies — search and filter the companies, a page at a time, highest risk
 * contribution first (`?format=csv|xlsx`: every match as a spreadsheet); GET /api/companies/{id} — one company in full.
 */
import { z } from 'zod';
import { companyDetail } from '../../src/app/company-detail.ts';
import { companyList } from '../../src/app/company-list.ts';
import { intParam, pageParams, textParam } from '../query.ts';
import { defineRoute, downloadFormat } from '../route.ts';
import { companySheet } from '../../src/app/exports.ts';
import { CompanyDetailSchema, CompanyListSchema } from '../../src/contract/schemas.ts';

export const CompanyListQuery = z.strictObject({
  q: textParam.optional().describe('Case-insensitive substring of the id or the name.'),
  tier: intParam(0, 1_000_000).optional().describe('Only companies at this tier.'),
  country: textParam.optional().describe('Only companies of this country (ISO 3166-1 alpha-2, any case).'),
  level: intParam(0, 5).optional().describe('Only companies of this own level (0–5).'),
  size: z.enum(['sme', 'large']).optional().describe('Only companies of this size.'),
  ...pageParams(),
  ...downloadFormat,
});

export const companyListRoute = defineRoute({
  method: 'get',
  path: '/api/companies',
  operationId: 'listCompanies',
  access: 'viewer',
  asOf: true,
  summary: 'Companies matching a search and filters, highest risk contribution first (ties by id), paged.',
  query: CompanyListQuery,
  response: CompanyListSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => companyList(await cache.view(), query),
  download: async ({ query }, { cache }) => [
    companySheet(companyList(await cache.view(), { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER }).items),
  ],
});

export const CompanyParams = z.strictObject({ id: z.string().min(1).max(1000).describe('Company id.') });

export const companyDetailRoute = defineRoute({
  method: 'get',
  path: '/api/companies/{id}',
  operationId: 'getCompany',
  access: 'viewer',
  asOf: true,
  summary:
    'One company: scores and why, exposure path, critical suppliers, blast radius, suppliers, buyers, level gap.',
  params: CompanyParams,
  response: CompanyDetailSchema,
  errors: [404, 503],
  handle: async ({ params }, { cache }) => companyDetail(await cache.view(), params.id),
});
