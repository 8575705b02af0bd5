/**
 * The Weak links tab: companies ranked by risk contribution (yen a year), with their own
 * score, blast radius, expected loss of one hit and why they rank.
 */
import type { WeakLinksResponse } from '../../../src/contract/api-types.ts';
import { weakLinkTable } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

export function WeakLinksTable({ page, view }: { page: WeakLinksResponse; view: TableView }) {
  return (
    <>
      <p class="tab-intro">
        Companies ranked by risk contribution (yen per year): the hit likelihood of their own score (
        {page.hitLikelihood}, a year) × the expected loss of one hit — the days each stopped company is down over the
        assumed outage durations × its revenue per day.
      </p>
      <Table spec={weakLinkTable(view)} rows={page.items} total={page.total} onFocus={view.onFocus} />
    </>
  );
}
