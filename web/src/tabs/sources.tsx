/**
 * The Single & hidden critical tab: the direct single sources (losing the
 * supplier alone stops the buyer) beside the hidden critical suppliers (they stop
 * companies they do not sell to directly).
 */
import type { TabData } from './state.ts';
import { formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import { hiddenCriticalTable, singleSourceTable } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

export function SourcesTable({ data, view }: { data: TabData['sources']; view: TableView }) {
  const { single, hidden } = data;
  return (
    <div class="split">
      <div>
        <h3>{t('web.tabs.singleTitle', { count: formatNumber(single.total) })}</h3>
        <p class="tab-intro">{t('web.tabs.singleIntro')}</p>
        <Table
          spec={singleSourceTable}
          rows={single.items}
          total={single.total}
          onFocus={view.onFocus}
          download={view.download}
        />
      </div>
      <div>
        <h3>{t('web.tabs.hiddenTitle', { count: formatNumber(hidden.total) })}</h3>
        <p class="tab-intro">{t('web.tabs.hiddenIntro')}</p>
        <Table
          spec={hiddenCriticalTable(view)}
          rows={hidden.items}
          total={hidden.total}
          onFocus={view.onFocus}
          download={view.download}
        />
      </div>
    </div>
  );
}
