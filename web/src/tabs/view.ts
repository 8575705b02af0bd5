/**
 * What every table of the drawer needs from the page: the names of companies (and of
 * the focal ones) and what a row does when chosen.
 */
import type { Names } from './columns.ts';

export interface TableView {
  names: Names;
  /** Focuses the map on a company (a row was clicked). */
  onFocus(id: string): void;
}
