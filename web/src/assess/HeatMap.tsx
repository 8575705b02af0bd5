/**
 * The criteria × suppliers heat map: a row per criterion (id, level, text, how many
 * suppliers fail it and the ¥ per year they carry), a column per supplier, each cell its
 * answer as colour and symbol (○ met green, △ partly amber, ✖ not met red, – unanswered
 * grey) with a tooltip naming supplier, criterion and answer. Sorted by the two orders
 * of the store; by id the rows are grouped under their category (1 governance … 7
 * recover). The header row and the criterion column stay in view while it scrolls; many
 * suppliers scroll sideways. A supplier's header focuses that company on the map.
 *
 * @example
 *   <HeatMap result={result} criteriaSort="risk" supplierSort="name" onFocus={(id) => …} />
 */
import { Fragment } from 'preact';
import type { AssessResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { lang, t } from '../i18n.ts';
import { formatYen } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import {
  answerAt,
  categoryLabel,
  sortCriteria,
  sortSuppliers,
  SYMBOLS,
  type Answer,
  type CriteriaSort,
  type SupplierSort,
} from './heat-map.ts';

export interface HeatMapProps {
  result: AssessResponse;
  criteriaSort: CriteriaSort;
  supplierSort: SupplierSort;
  /** Focuses the company on the map. */
  onFocus(id: string): void;
}

const ANSWERS: Answer[] = ['met', 'partly', 'not-met', 'unanswered'];

export function HeatMapLegend() {
  return (
    <ul class="heat-legend" aria-label={t('web.assess.legend')}>
      {ANSWERS.map((a) => (
        <li key={a}>
          <span class={`heat-swatch ${a}`} aria-hidden="true">
            {SYMBOLS[a]}
          </span>
          {t(`web.assess.answers.${a}`)}
        </li>
      ))}
    </ul>
  );
}

export function HeatMap({ result, criteriaSort, supplierSort, onFocus }: HeatMapProps) {
  const rows = sortCriteria(result.criteria, criteriaSort);
  const cols = sortSuppliers(result.suppliers, supplierSort, lang.value);
  const grouped = criteriaSort === 'id';
  const sortOf = (key: CriteriaSort): 'descending' | 'ascending' | undefined =>
    criteriaSort === key ? (key === 'id' ? 'ascending' : 'descending') : undefined;
  return (
    <div class="heat-scroll" tabIndex={0} role="region" aria-label={t('web.assess.heatTitle')}>
      <table class="heat-map">
        <thead>
          <tr>
            <th scope="col" class="heat-criterion" aria-sort={sortOf('id')}>
              {t('web.assess.criterion')}
            </th>
            <th
              scope="col"
              class="heat-num heat-failing"
              title={t('web.assess.failingTitle')}
              aria-sort={sortOf('failing')}
            >
              {t('web.assess.failing')}
            </th>
            <th
              scope="col"
              class="heat-num heat-carried"
              title={t('web.assess.carriedTitle')}
              aria-sort={sortOf('risk')}
            >
              {t('web.assess.carried')}
            </th>
            {cols.map((s) => (
              <th scope="col" key={s.company} class="heat-supplier" data-company={s.company}>
                <button
                  type="button"
                  title={t('web.assess.focus', { name: s.name })}
                  aria-label={t('web.assess.focus', { name: s.name })}
                  onClick={() => onFocus(s.company)}
                >
                  <span>{shortName(s.name)}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <Fragment key={c.id}>
              {grouped && c.category !== rows[i - 1]?.category && (
                <tr class="heat-group">
                  <th scope="rowgroup" class="heat-criterion">
                    {categoryLabel(c.category)}
                  </th>
                  <td colSpan={cols.length + 2} />
                </tr>
              )}
              <tr data-criterion={c.id}>
                <th scope="row" class="heat-criterion" title={c.text}>
                  <span class="heat-id">{c.id}</span>
                  <span class={`heat-level l${c.level}`}>{`★${c.level}`}</span>
                  {!grouped && <span class="heat-category">{categoryLabel(c.category)}</span>}
                  <span class="heat-text">{c.text}</span>
                </th>
                <td class="heat-num heat-failing">{formatNumber(c.failing)}</td>
                <td class="heat-num heat-carried">
                  {c.failing === 0 ? '—' : t('web.assess.perYear', { yen: formatYen(c.riskContribution) })}
                </td>
                {cols.map((s) => {
                  const answer = answerAt(s, c);
                  const label = t('web.assess.cell', {
                    supplier: `${s.name} (${s.company})`,
                    id: c.id,
                    text: c.text,
                    answer: t(`web.assess.answers.${answer}`),
                  });
                  return (
                    <td key={s.company} class={`heat-cell ${answer}`} title={label} aria-label={label}>
                      {SYMBOLS[answer]}
                    </td>
                  );
                })}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
