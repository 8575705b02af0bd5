/**
 * The Level gaps tab: suppliers whose own SCS level (★) is below what their buyers should
 * ask — the list procurement takes to suppliers.
 */
import type { LevelGapsResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { levelGapTable } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

export function LevelGapsTable({ page, view }: { page: LevelGapsResponse; view: TableView }) {
  return (
    <>
      <p class="tab-intro">{t('web.tabs.gapsIntro')}</p>
      <Table
        spec={levelGapTable}
        rows={page.items}
        total={page.total}
        onFocus={view.onFocus}
        download={view.download}
      />
    </>
  );
}
