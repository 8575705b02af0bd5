/**
 * The Unassessed tab: suppliers without an SCS assessment (scored 0), highest risk
 * contribution first — who to ask for a ★3 self-assessment first (GET /api/analysis/unassessed).
 */
import type { Unassessed, UnassessedResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import { formatYen } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import { column, type TableSpec } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

export function unassessedTable(view: Pick<TableView, 'nameOf'>): TableSpec<Unassessed> {
  return {
    name: 'unassessed',
    rowId: (r) => r.id,
    columns: [
      column('#', { num: true, cell: (r) => ({ kind: 'text', text: String(r.rank) }) }),
      column('supplier', { cell: (r) => ({ kind: 'company', name: r.name, id: r.id }) }),
      column('tier', { num: true, cell: (r) => ({ kind: 'text', text: String(r.tier) }) }),
      column(
        'risk',
        {
          num: true,
          cell: (r) => ({ kind: 'text', text: t('web.tabs.perYr', { yen: formatYen(r.riskContribution) }) }),
        },
        'riskZeroTitle',
      ),
      column('stops', { num: true, cell: (r) => ({ kind: 'text', text: formatNumber(r.blastRadiusSize) }) }),
      column('stopsFocal', {
        cell: (r) => ({
          kind: 'text',
          text: r.focalStopped.map((id) => shortName(view.nameOf(id))).join(t('web.common.list')) || '—',
          class: 'reason',
        }),
      }),
    ],
  };
}

export function UnassessedTable({ page, view }: { page: UnassessedResponse; view: TableView }) {
  return (
    <>
      <p class="tab-intro">{t('web.tabs.unassessedIntro')}</p>
      <Table
        spec={unassessedTable(view)}
        rows={page.items}
        total={page.total}
        onFocus={view.onFocus}
        download={view.download}
      />
    </>
  );
}
