/**
 * The company list: every company of the view that matches the search and the filters,
 * highest risk contribution first (ties by id), one page of rows. Search `q` is a
 * case-insensitive substring of the id or the name; `country` compares without case.
 */
import type { CompanyListResponse } from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';
import { paginate } from './page.ts';

export interface CompanyFilter {
  q?: string | undefined;
  tier?: number | undefined;
  country?: string | undefined;
  /** Own level 0–5. */
  level?: number | undefined;
  size?: 'sme' | 'large' | undefined;
  offset: number;
  limit: number;
}

/** Example: `companyList(view, { q: 'cast', tier: 1, offset: 0, limit: 50 })`. */
export function companyList(view: NetworkView, filter: CompanyFilter): CompanyListResponse {
  const { index, analysis } = view;
  const search = view.searchText();
  const q = filter.q?.toLowerCase();
  const country = filter.country?.toUpperCase();
  const matches = (i: number): boolean => {
    if (q !== undefined && !search.id[i]!.includes(q) && !search.name[i]!.includes(q)) return false;
    if (filter.tier !== undefined && analysis.tier[i] !== filter.tier) return false;
    if (filter.level !== undefined && analysis.ownLevel[i] !== filter.level) return false;
    const c = index.network.companies[i]!;
    if (country !== undefined && c.country?.toUpperCase() !== country) return false;
    if (filter.size !== undefined && c.size !== filter.size) return false;
    return true;
  };
  const all = view.ranked();
  const hits =
    q === undefined &&
    filter.tier === undefined &&
    filter.level === undefined &&
    country === undefined &&
    filter.size === undefined
      ? all
      : all.filter(matches);
  const page = paginate(hits, filter.offset, filter.limit);
  return { ...page, items: page.items.map((i) => view.row(i)) };
}
