/**
 * The Aggregates tab (集計): a matrix of tier (columns) × country or industry (rows, a
 * switch) from GET /api/aggregate, each cell one group shaded by its summed risk
 * contribution (yen per year) with its company count. Choosing a cell shows the group
 * (beside the matrix when both fit, else below it):
 * its figures, the groups that supply it and those it supplies (supplies and single
 * sources, each a link to that group), and its companies, highest risk first, a page at
 * a time (GET /api/aggregate/companies); a company's row focuses the map on it.
 *
 * @example
 *   <AggregatesView data={countryTable} view={view} />
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AggregateCompaniesResponse, AggregateResponse } from '../../../src/contract/api-types.ts';
import type { AggregateBy } from '../api-client.ts';
import { formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import { formatYen } from '../replay.ts';
import {
  aggregateMatrix,
  cellInk,
  cellShade,
  groupFlows,
  groupName,
  keyName,
  tierHeading,
  type GroupFlow,
} from './aggregate-matrix.ts';
import { groupCompanyTable, yenPer } from './columns.ts';
import { Table } from './table.tsx';
import type { AggregateSource, TableView } from './view.ts';

/** Companies asked per page of a group. */
export const GROUP_PAGE = 50;
/** Supplier and buyer groups listed per group at most. */
export const FLOW_LIMIT = 6;

function Flows({ title, flows, onPick }: { title: string; flows: GroupFlow[]; onPick(index: number): void }) {
  return (
    <div class="agg-flows">
      <h4>{title}</h4>
      {flows.length === 0 ? (
        <p class="muted">{t('web.tabs.none')}</p>
      ) : (
        <ul class="plain">
          {flows.slice(0, FLOW_LIMIT).map((f) => (
            <li key={f.index}>
              <button class="link-button" data-group={f.index} onClick={() => onPick(f.index)}>
                {groupName(f.group)}
              </button>{' '}
              <span class="muted">
                {t('web.agg.flow', { supplies: formatNumber(f.supplies), single: formatNumber(f.singleSources) })}
              </span>
            </li>
          ))}
          {flows.length > FLOW_LIMIT && (
            <li class="muted">{t('web.agg.moreGroups', { count: flows.length - FLOW_LIMIT })}</li>
          )}
        </ul>
      )}
    </div>
  );
}

function GroupDetail({
  data,
  index,
  source,
  view,
  onPick,
}: {
  data: AggregateResponse;
  index: number;
  source: AggregateSource;
  view: TableView;
  onPick(index: number): void;
}) {
  const group = data.groups[index]!;
  const [page, setPage] = useState<AggregateCompaniesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = { by: data.by, tier: group.tier, key: group.key };
  const load = (offset: number, before: AggregateCompaniesResponse | null): void => {
    source
      .companies({ ...query, offset, limit: GROUP_PAGE })
      .then((next) => setPage(before ? { ...next, items: [...before.items, ...next.items] } : next))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setPage(null);
    setError(null);
    load(0, null);
    // Below the matrix (a narrow drawer), the group would open out of sight.
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [data, index]);
  const flows = useMemo(() => groupFlows(data, index), [data, index]);
  return (
    <div class="agg-detail" data-group={index} ref={box}>
      <h3>{groupName(group)}</h3>
      <p class="agg-facts">
        {t('web.agg.facts', {
          companies: formatNumber(group.companies),
          risk: yenPer(group.riskContribution, 'yr'),
          unassessed: formatNumber(group.unassessed),
          below: formatNumber(group.belowRequired),
        })}
      </p>
      <div class="agg-flow-pair">
        <Flows title={t('web.agg.suppliedBy')} flows={flows.incoming} onPick={onPick} />
        <Flows title={t('web.agg.suppliesTo')} flows={flows.outgoing} onPick={onPick} />
      </div>
      <h4>{t('web.agg.companies', { count: formatNumber(group.companies) })}</h4>
      {error && <p class="error">{error}</p>}
      {page === null && !error && <p class="muted">{t('web.tabs.loading')}</p>}
      {page && (
        <>
          <Table spec={groupCompanyTable} rows={page.items} total={page.total} onFocus={view.onFocus} />
          {page.items.length < page.total && (
            <button class="agg-more" onClick={() => load(page.items.length, page)}>
              {t('web.agg.more', { count: formatNumber(Math.min(GROUP_PAGE, page.total - page.items.length)) })}
            </button>
          )}
        </>
      )}
    </div>
  );
}

export function AggregatesView({ data, view }: { data: AggregateResponse; view: TableView }) {
  const [by, setBy] = useState<AggregateBy>(data.by);
  const [tables, setTables] = useState<Partial<Record<AggregateBy, AggregateResponse>>>({ [data.by]: data });
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const source = view.aggregates;
  // A new answer (the network changed and the tab loaded again): start over from it.
  useEffect(() => {
    setBy(data.by);
    setTables({ [data.by]: data });
    setSelected(null);
    setError(null);
  }, [data]);
  const current = tables[by];
  const choose = (next: AggregateBy): void => {
    setBy(next);
    setSelected(null);
    if (tables[next] || !source) return;
    source
      .table(next)
      .then((table) => setTables((all) => ({ ...all, [next]: table })))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const matrix = useMemo(() => (current ? aggregateMatrix(current) : null), [current]);
  return (
    <div class="aggregates" data-by={by}>
      <div class="chart-head">
        <h3>{t(by === 'country' ? 'web.agg.titleCountry' : 'web.agg.titleIndustry')}</h3>
        <div class="segmented">
          {(['country', 'industry'] as const).map((b) => (
            <button
              key={b}
              data-by={b}
              class={b === by ? 'active' : ''}
              aria-pressed={b === by}
              onClick={() => choose(b)}
            >
              {t(b === 'country' ? 'web.agg.byCountry' : 'web.agg.byIndustry')}
            </button>
          ))}
        </div>
      </div>
      <p class="tab-intro">{t('web.agg.intro', { total: current ? yenPer(current.expectedAnnualLoss, 'yr') : '—' })}</p>
      {error && <p class="error">{error}</p>}
      {!current && !error && <p class="muted">{t('web.tabs.loading')}</p>}
      {current && matrix && (
        <div class="agg-layout">
          <div class="agg-matrix-wrap">
            <table class="agg-matrix" data-loaded-by={current.by}>
              <thead>
                <tr>
                  <th class="agg-key">{t(by === 'country' ? 'web.agg.country' : 'web.agg.industry')}</th>
                  {matrix.tiers.map((tier) => (
                    <th key={tier ?? 'none'} class="num">
                      {tierHeading(tier)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.key} data-key={row.key}>
                    <th class="agg-key" title={keyName(row.key)}>
                      {t('web.agg.rowKey', { key: keyName(row.key), companies: formatNumber(row.companies) })}
                      <span class="agg-row-total" title={t('web.agg.total')}>
                        {formatYen(row.risk)}
                      </span>
                    </th>
                    {row.cells.map((cell, k) =>
                      cell === null ? (
                        <td key={k} class="agg-empty" />
                      ) : (
                        <td key={k}>
                          <button
                            class={cell.index === selected ? 'agg-cell selected' : 'agg-cell'}
                            data-group={cell.index}
                            data-tier={cell.group.tier ?? 'none'}
                            data-key={cell.group.key}
                            aria-pressed={cell.index === selected}
                            title={`${groupName(cell.group)}: ${yenPer(cell.group.riskContribution, 'yr')}`}
                            style={{
                              background: cellShade(cell.group.riskContribution, matrix.max),
                              color: cellInk(cell.group.riskContribution, matrix.max),
                            }}
                            onClick={() => setSelected(cell.index)}
                          >
                            <span class="agg-count">{formatNumber(cell.group.companies)}</span>
                            <span class="agg-risk">{formatYen(cell.group.riskContribution)}</span>
                          </button>
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selected !== null && source ? (
            <GroupDetail data={current} index={selected} source={source} view={view} onPick={setSelected} />
          ) : (
            <p class="muted agg-pick">{t('web.agg.pick')}</p>
          )}
        </div>
      )}
    </div>
  );
}
