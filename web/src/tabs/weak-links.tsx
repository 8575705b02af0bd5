/**
 * The Weak links tab: companies ranked by risk contribution (yen a year), with their own
 * score, blast radius, expected loss of one hit and why they rank.
 */
import type { WeakLinksResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { weakLinkTable } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

export function WeakLinksTable({ page, view }: { page: WeakLinksResponse; view: TableView }) {
  return (
    <>
      <p class="tab-intro">
        {t('web.tabs.weakIntro1')}
        {page.hitLikelihood}
        {t('web.tabs.weakIntro2')}
      </p>
      <Table
        spec={weakLinkTable(view)}
        rows={page.items}
        total={page.total}
        onFocus={view.onFocus}
        download={view.download}
      />
    </>
  );
}
