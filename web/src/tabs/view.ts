/**
 * What the drawer's tables need from the page: the names of companies (and of the focal
 * ones) and what choosing a row does. The page's TabsContext (tabs.ts) is one.
 */
import type { Names } from './columns.ts';

export interface TableView extends Names {
  /** Focuses the map on a company (a row was chosen). */
  onFocus(id: string): void;
  /** Downloads every row of the list `slug` (GET /api/analysis/{slug}?format=…), when the page can. */
  download?(slug: string, format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename: string }>;
  /** The Lapsing tab's window was changed to `days`. */
  onLapsingWindow?(days: number): void;
}
