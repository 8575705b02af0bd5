/**
 * The list routes of the analysis, one per report section (src/app/sections.ts):
 * GET /api/analysis/weak-links, single-sources, hidden-critical, level-gaps, unassessed,
 * lapsing and concentration, each a page (`offset`, `limit`) of the section's ranked
 * items with the total, and the fields the section adds beside the page; `?format=csv|xlsx`
 * downloads every item as a spreadsheet instead. The lapsing list also takes
 * `lapsingDays` (0–3650): its window instead of the analysis's (default 90).
 */
import { z } from 'zod';
import { LAPSING, SECTIONS, lapsingWithin, sectionPage, type ReportSection } from '../../src/app/sections.ts';
import { intParam, pageParams } from '../query.ts';
import { defineRoute, downloadFormat, type Route } from '../route.ts';
import { sectionSheet } from '../../src/app/exports.ts';

/** The lapsing list's own query parameter. */
const LAPSING_QUERY = {
  lapsingDays: intParam(0, 3650)
    .optional()
    .describe('The window in days after asOf (0–3650; default the analysis option lapsingDays, 90).'),
};

/** The lapsing section with a window of `days` (the section itself when none is asked). */
function windowed(section: ReportSection<unknown>, days: number | undefined): ReportSection<unknown> {
  if (section !== LAPSING || days === undefined) return section;
  return {
    ...section,
    items: (view) => lapsingWithin(view, days),
    extra: (view) => ({ ...section.extra?.(view), lapsingDays: days }),
  };
}

export const sectionRoutes: Route[] = SECTIONS.map((section) =>
  defineRoute({
    method: 'get',
    path: `/api/analysis/${section.slug}`,
    operationId: section.operationId,
    access: 'viewer',
    asOf: true,
    summary: section.summary,
    query: z.strictObject({
      ...pageParams(section.pageSize),
      ...downloadFormat,
      ...(section === LAPSING ? LAPSING_QUERY : {}),
    }),
    response: section.response,
    errors: [503],
    handle: async ({ query }, { cache }) =>
      sectionPage(windowed(section, (query as { lapsingDays?: number }).lapsingDays), await cache.view(), query),
    download: async ({ query }, { cache }) => [
      sectionSheet(windowed(section, (query as { lapsingDays?: number }).lapsingDays), await cache.view()),
    ],
  }),
);
