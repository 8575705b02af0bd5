/**
 * The list routes of the analysis, one per report section (src/app/sections.ts):
 * GET /api/analysis/weak-links, single-sources, hidden-critical, level-gaps and
 * concentration, each a page (`offset`, `limit`) of the section's ranked items with the
 * total, and the fields the section adds beside the page; `?format=csv|xlsx` downloads
 * every item as a spreadsheet instead.
 */
import { z } from 'zod';
import { SECTIONS, sectionPage } from '../../src/app/sections.ts';
import { pageParams } from '../query.ts';
import { defineRoute, downloadFormat, type Route } from '../route.ts';
import { sectionSheet } from '../../src/app/exports.ts';

export const sectionRoutes: Route[] = SECTIONS.map((section) =>
  defineRoute({
    method: 'get',
    path: `/api/analysis/${section.slug}`,
    operationId: section.operationId,
    access: 'viewer',
    asOf: true,
    summary: section.summary,
    query: z.strictObject({ ...pageParams(section.pageSize), ...downloadFormat }),
    response: section.response,
    errors: [503],
    handle: async ({ query }, { cache }) => sectionPage(section, await cache.view(), query),
    download: async (_, { cache }) => [sectionSheet(section, await cache.view())],
  }),
);
