/**
 * The Single sources & hidden critical tab: the direct single sources (losing the
 * supplier alone stops the buyer) beside the hidden critical suppliers (they stop
 * companies they do not sell to directly).
 */
import type { TabData } from './state.ts';
import { formatNumber } from '../format.ts';
import { hiddenCriticalTable, singleSourceTable } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

export function SourcesTable({ data, view }: { data: TabData['sources']; view: TableView }) {
  const { single, hidden } = data;
  return (
    <div class="split">
      <div>
        <h3>Direct single sources ({formatNumber(single.total)})</h3>
        <p class="tab-intro">Losing this supplier alone stops the buyer: its share of the commodity is above 1 − θ.</p>
        <Table spec={singleSourceTable} rows={single.items} total={single.total} onFocus={view.onFocus} />
      </div>
      <div>
        <h3>Hidden critical suppliers ({formatNumber(hidden.total)})</h3>
        <p class="tab-intro">
          Suppliers that can stop companies they do not sell to directly as a single source — invisible in a tier-1
          supplier list.
        </p>
        <Table spec={hiddenCriticalTable(view)} rows={hidden.items} total={hidden.total} onFocus={view.onFocus} />
      </div>
    </div>
  );
}
