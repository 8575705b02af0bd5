/**
 * The self-assessment view (`#assess`, analysts): choose the filled workbooks (several at
 * once), the blank workbook that is the catalogue and optionally a mapping CSV, read them
 * (POST /api/assess), and see the catalogue's file and SHA-256, a row per supplier (★3
 * met / partly / not met / unanswered, ★4 when answered, "ready for ★3" — which is not ★3)
 * and the criteria × suppliers heat map with its two orders and the matrix as CSV or
 * Excel. A refusal is shown whole: the server's message and every issue with its file,
 * sheet and cell.
 *
 * @example
 *   render(<AssessView store={createAssessStore({ api })} onClose={back} onFocus={focus} />, section);
 */
import { formatIssue } from '../../../src/errors.ts';
import { Downloads } from '../downloads.tsx';
import { formatNumber } from '../format.ts';
import { lang, t } from '../i18n.ts';
import { formatYen } from '../replay.ts';
import { HeatMap, HeatMapLegend } from './HeatMap.tsx';
import { CRITERIA_SORTS, sortSuppliers, SUPPLIER_SORTS, type CriteriaSort, type SupplierSort } from './heat-map.ts';
import type { AssessStore } from './state.ts';
import type { AssessResponse } from '../../../src/contract/api-types.ts';
import './assess.css';

export interface AssessViewProps {
  store: AssessStore;
  onClose(): void;
  /** Focuses a company on the map (and leaves this view). */
  onFocus(id: string): void;
}

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function FileChoices({ store }: { store: AssessStore }) {
  const files = store.files.value;
  const set = (patch: Partial<typeof files>): void => void (store.files.value = { ...store.files.value, ...patch });
  return (
    <form
      class="assess-form"
      onSubmit={(e) => {
        e.preventDefault();
        void store.read();
      }}
    >
      <label class="assess-file">
        <span>{t('web.assess.workbooks')}</span>
        <input
          type="file"
          name="workbooks"
          multiple
          accept={XLSX}
          onChange={(e) => set({ workbooks: [...(e.currentTarget.files ?? [])] })}
        />
        {files.workbooks.length > 0 && (
          <span class="muted small">{t('web.assess.chosen', { count: files.workbooks.length })}</span>
        )}
      </label>
      <label class="assess-file">
        <span>{t('web.assess.catalog')}</span>
        <input
          type="file"
          name="catalog"
          accept={XLSX}
          onChange={(e) => set({ catalog: e.currentTarget.files?.[0] ?? null })}
        />
      </label>
      <label class="assess-file">
        <span>{t('web.assess.mapping')}</span>
        <input
          type="file"
          name="mapping"
          accept=".csv,text/csv"
          onChange={(e) => set({ mapping: e.currentTarget.files?.[0] ?? null })}
        />
      </label>
      <button type="submit" class="primary" disabled={store.busy.value}>
        {store.busy.value ? t('web.assess.reading') : t('web.assess.read')}
      </button>
    </form>
  );
}

function Failure({ store }: { store: AssessStore }) {
  const failure = store.failure.value;
  if (failure === null) return null;
  return (
    <div class="assess-failure" role="alert">
      <p>{failure.message}</p>
      {failure.issues.length > 0 && (
        <ul>
          {failure.issues.map((issue, i) => (
            <li key={i}>
              <code>{formatIssue(issue)}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SupplierTable({ result, supplierSort }: { result: AssessResponse; supplierSort: SupplierSort }) {
  const rows = sortSuppliers(result.suppliers, supplierSort, lang.value);
  const col = (key: string): string => t(`web.assess.supplierColumns.${key}`);
  return (
    <table class="compact assess-suppliers">
      <thead>
        <tr>
          <th>{col('supplier')}</th>
          <th>{col('workbook')}</th>
          <th class="num">{col('risk')}</th>
          <th class="num">{col('met')}</th>
          <th class="num">{col('partly')}</th>
          <th class="num">{col('notMet')}</th>
          <th class="num">{col('unanswered')}</th>
          <th>{col('star4')}</th>
          <th>{col('status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.company} data-company={s.company}>
            <td>
              {s.name} <span class="muted">({s.company})</span>
            </td>
            <td class="muted">{s.file}</td>
            <td class="num">{formatYen(s.riskContribution)}</td>
            <td class="num">{formatNumber(s.star3.met)}</td>
            <td class="num">{formatNumber(s.star3.partly)}</td>
            <td class="num">{formatNumber(s.star3['not-met'])}</td>
            <td class="num">{formatNumber(s.star3.unanswered)}</td>
            <td class="muted">
              {s.star4
                ? t('web.assess.star4', {
                    met: s.star4.met,
                    partly: s.star4.partly,
                    notMet: s.star4['not-met'],
                    unanswered: s.star4.unanswered,
                  })
                : t('web.assess.star4None')}
            </td>
            <td>
              {s.readyForStar3 ? (
                <span class="ready-badge" title={t('web.assess.readyNote')}>
                  {t('web.assess.ready')}
                </span>
              ) : (
                t('web.assess.notReady', { count: s.unmet.length })
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SortPicker<K extends string>(props: {
  id: string;
  label: string;
  keys: readonly K[];
  texts: string;
  value: K;
  onChange(k: K): void;
}) {
  return (
    <label class="assess-sort" for={props.id}>
      {props.label}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as K)}>
        {props.keys.map((k) => (
          <option key={k} value={k}>
            {t(`${props.texts}.${k}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AssessView({ store, onClose, onFocus }: AssessViewProps) {
  const result = store.result.value;
  return (
    <div class="assess-page">
      <div class="assess-toolbar">
        <button id="assess-back" type="button" onClick={onClose}>
          {t('web.header.back')}
        </button>
        <h1>{t('web.assess.title')}</h1>
      </div>
      <p class="muted assess-intro">{t('web.assess.intro')}</p>
      <FileChoices store={store} />
      <Failure store={store} />
      {result && (
        <>
          <p class="assess-catalog">
            {t('web.assess.catalogLine', {
              file: result.catalog.file,
              criteria: result.catalog.criteria,
              sha: result.catalog.sha256,
            })}
          </p>
          <section>
            <h2>{t('web.assess.suppliersTitle')}</h2>
            <div class="assess-table-wrap">
              <SupplierTable result={result} supplierSort={store.supplierSort.value} />
            </div>
            <p class="muted small">{t('web.assess.readyNote')}</p>
          </section>
          <section>
            <div class="assess-heat-head">
              <h2>{t('web.assess.heatTitle')}</h2>
              <span class="muted small">
                {t('web.assess.heatSize', { criteria: result.criteria.length, suppliers: result.suppliers.length })}
              </span>
              <SortPicker<CriteriaSort>
                id="assess-sort-criteria"
                label={t('web.assess.sortCriteria')}
                keys={CRITERIA_SORTS}
                texts="web.assess.criteriaSorts"
                value={store.criteriaSort.value}
                onChange={(k) => (store.criteriaSort.value = k)}
              />
              <SortPicker<SupplierSort>
                id="assess-sort-suppliers"
                label={t('web.assess.sortSuppliers')}
                keys={SUPPLIER_SORTS}
                texts="web.assess.supplierSorts"
                value={store.supplierSort.value}
                onChange={(k) => (store.supplierSort.value = k)}
              />
              <Downloads what="assess-matrix" fetch={(format) => store.download(format)} />
            </div>
            <HeatMapLegend />
            <HeatMap
              result={result}
              criteriaSort={store.criteriaSort.value}
              supplierSort={store.supplierSort.value}
              onFocus={onFocus}
            />
          </section>
        </>
      )}
    </div>
  );
}
