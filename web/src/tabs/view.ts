/**
 * What the drawer's tables need from the page: the names of companies (and of the focal
 * ones), what choosing a row does, and where the Aggregates tab reads more. The page's TabsContext (tabs.ts) is one.
 */
import type { AggregateCompaniesResponse, AggregateResponse } from '../../../src/contract/api-types.ts';
import type { AggregateBy, GroupQuery } from '../api-client.ts';
import type { Names } from './columns.ts';

/** Where the Aggregates tab reads a grouping and the companies of a group (GET /api/aggregate…). */
export interface AggregateSource {
  table(by: AggregateBy): Promise<AggregateResponse>;
  companies(query: GroupQuery): Promise<AggregateCompaniesResponse>;
}

export interface TableView extends Names {
  /** Focuses the map on a company (a row was chosen). */
  onFocus(id: string): void;
  /** Downloads every row of the list `slug` (GET /api/analysis/{slug}?format=…), when the page can. */
  download?(slug: string, format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename: string }>;
  /** The Lapsing tab's window was changed to `days`. */
  onLapsingWindow?(days: number): void;
  /** The Aggregates tab's other groupings and group members, when the page can fetch them. */
  aggregates?: AggregateSource;
}
