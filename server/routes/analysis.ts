/**
 * GET /api/analysis/* — the analysis lists of the active network, each computed once
 * per network version and paged: weak links, direct single sources, hidden critical
 * suppliers, level gaps, and concentration (groups paged; tiers and the countries of
 * critical suppliers in full).
 */
import { z } from 'zod';
import { MAX_WEAK_LINKS } from '../../src/app/network-view.ts';
import { paginate } from '../../src/app/page.ts';
import { pageParams } from '../query.ts';
import { defineRoute } from '../route.ts';
import {
  ConcentrationSchema,
  HiddenCriticalSchema,
  LevelGapsSchema,
  SingleSourcesSchema,
  WeakLinksSchema,
} from '../../src/contract/schemas.ts';

const PageQuery = z.strictObject(pageParams());

export const weakLinksRoute = defineRoute({
  method: 'get',
  path: '/api/analysis/weak-links',
  operationId: 'weakLinks',
  access: 'viewer',
  summary: `Companies of highest risk contribution (the first ${MAX_WEAK_LINKS}), with a one-line reason each.`,
  query: z.strictObject(pageParams(25)),
  response: WeakLinksSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => {
    const view = await cache.view();
    return {
      ...paginate(view.weakLinks(), query.offset, query.limit),
      theta: view.theta,
      hitLikelihood: view.hitLikelihood,
    };
  },
});

export const singleSourcesRoute = defineRoute({
  method: 'get',
  path: '/api/analysis/single-sources',
  operationId: 'singleSources',
  access: 'viewer',
  summary: 'Direct single sources (share above 1 − θ), by buyer, commodity, supplier.',
  query: PageQuery,
  response: SingleSourcesSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => paginate((await cache.view()).singleSources(), query.offset, query.limit),
});

export const hiddenCriticalRoute = defineRoute({
  method: 'get',
  path: '/api/analysis/hidden-critical',
  operationId: 'hiddenCritical',
  access: 'viewer',
  summary: 'Critical suppliers that are not the direct single source of the companies they are critical for.',
  query: PageQuery,
  response: HiddenCriticalSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => paginate((await cache.view()).hiddenCritical(), query.offset, query.limit),
});

export const levelGapsRoute = defineRoute({
  method: 'get',
  path: '/api/analysis/level-gaps',
  operationId: 'levelGaps',
  access: 'viewer',
  summary: 'Suppliers whose required level is above their own, widest gap first, with the buyers that ask ★4 and why.',
  query: PageQuery,
  response: LevelGapsSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => paginate((await cache.view()).levelGaps(), query.offset, query.limit),
});

export const concentrationRoute = defineRoute({
  method: 'get',
  path: '/api/analysis/concentration',
  operationId: 'concentration',
  access: 'viewer',
  summary:
    'HHI of each (buyer, commodity) group (paged, most concentrated first), country concentration per tier, countries of critical suppliers.',
  query: PageQuery,
  response: ConcentrationSchema,
  errors: [503],
  handle: async ({ query }, { cache }) => {
    const view = await cache.view();
    const { items, ...page } = paginate(view.concentrationGroups(), query.offset, query.limit);
    return { ...page, groups: items, ...view.concentrationByCountry() };
  },
});
