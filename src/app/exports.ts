/**
 * The report's tables as spreadsheet tables (src/io/table-file.ts): every item of a
 * section (src/app/sections.ts) under the section's columns, raw values — yen as whole
 * numbers, shares as fractions — for the CLI's `analyze --format csv|xlsx`, the list
 * routes' `?format=csv|xlsx` and the web's downloads alike.
 *
 * @example
 *   const bytes = await xlsxFile(reportSheets(view));
 */
import type { TableSheet } from '../io/table-file.ts';
import type { NetworkView } from './network-view.ts';
import { SECTIONS, type ReportSection } from './sections.ts';

/** Every item of `section` as a sheet named by its slug. */
export function sectionSheet<T>(section: ReportSection<T>, view: NetworkView): TableSheet {
  return {
    name: section.slug,
    columns: section.columns.map(({ header, kind }) => ({ header, kind })),
    rows: section.items(view).map((item) => section.columns.map((c) => c.value(item))),
  };
}

/** Every section of the report, in its order. */
export function reportSheets(view: NetworkView): TableSheet[] {
  return SECTIONS.map((section) => sectionSheet(section, view));
}
