/**
 * The Unassessed tab: suppliers without an SCS assessment (scored 0), highest risk
 * contribution first — who to ask for a ★3 self-assessment first (GET /api/analysis/unassessed).
 */
import type { Unassessed, UnassessedResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { formatYen } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import type { TableSpec } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

export function unassessedTable(view: Pick<TableView, 'nameOf'>): TableSpec<Unassessed> {
  return {
    name: 'unassessed',
    rowId: (r) => r.id,
    columns: [
      { head: '#', num: true, cell: (r) => ({ kind: 'text', text: String(r.rank) }) },
      { head: 'Supplier', cell: (r) => ({ kind: 'company', name: r.name, id: r.id }) },
      { head: 'Tier', num: true, cell: (r) => ({ kind: 'text', text: String(r.tier) }) },
      {
        head: 'Risk ¥/yr',
        title: 'Risk contribution at score 0: hit likelihood × expected loss of one hit, yen per year',
        num: true,
        cell: (r) => ({ kind: 'text', text: `${formatYen(r.riskContribution)}/yr` }),
      },
      { head: 'Stops', num: true, cell: (r) => ({ kind: 'text', text: formatNumber(r.blastRadiusSize) }) },
      {
        head: 'Stops focal',
        cell: (r) => ({
          kind: 'text',
          text: r.focalStopped.map((id) => shortName(view.nameOf(id))).join(', ') || '—',
          class: 'reason',
        }),
      },
    ],
  };
}

export function UnassessedTable({ page, view }: { page: UnassessedResponse; view: TableView }) {
  return (
    <>
      <p class="tab-intro">
        Suppliers without an SCS level or security score count as score 0, the worst case. Ranked by the risk they carry
        (yen per year): an assessment — a ★3 self-assessment confirmed by an expert — changes the most here.
      </p>
      <Table spec={unassessedTable(view)} rows={page.items} total={page.total} onFocus={view.onFocus} />
    </>
  );
}
