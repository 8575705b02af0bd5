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
import { Component, Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
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
  type AssessCriterion,
  type AssessSupplier,
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

/** The widths (px) of the fixed columns and of one supplier column (assess.css), for the table's fixed layout. */
const TABLE_WIDTH = { fixed: 360 + 60 + 110, supplier: 36 };

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

/** The texts every cell shares, looked up once per drawing (not once per cell). */
interface CellTexts {
  answers: Record<Answer, string>;
}

interface RowProps {
  criterion: AssessCriterion;
  cols: AssessSupplier[];
  texts: CellTexts;
  /** The language the row was drawn in (a change draws it again). */
  lang: string;
}

/**
 * One criterion's row; drawn again only when one of its inputs changes, so a new order of
 * the criteria moves the rows whole. The tooltip of a cell (supplier, criterion, answer)
 * is written when the pointer first reaches it, not for every cell up front.
 */
class CriterionRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const p = this.props;
    return next.criterion !== p.criterion || next.cols !== p.cols || next.texts !== p.texts || next.lang !== p.lang;
  }

  override render({ criterion: c, cols, texts }: RowProps) {
    return (
      <tr data-criterion={c.id}>
        <th scope="row" class="heat-criterion" title={c.text}>
          <span class="heat-id">{c.id}</span>
          <span class={`heat-level l${c.level}`}>{`★${c.level}`}</span>
          <span class="heat-category">{categoryLabel(c.category)}</span>
          <span class="heat-text">{c.text}</span>
        </th>
        <td class="heat-num heat-failing">{formatNumber(c.failing)}</td>
        <td class="heat-num heat-carried">
          {c.failing === 0 ? '—' : t('web.assess.perYear', { yen: formatYen(c.riskContribution) })}
        </td>
        {cols.map((s) => {
          const answer = answerAt(s, c);
          return (
            <td key={s.company} class={`heat-cell ${answer}`} aria-label={texts.answers[answer]}>
              {SYMBOLS[answer]}
            </td>
          );
        })}
      </tr>
    );
  }
}

/** The tooltip of a cell: "Ota Springs (ota) — 4-1-3-2 <text>: not met". */
export function cellTitle(supplier: AssessSupplier, criterion: AssessCriterion, answer: string): string {
  return `${supplier.name} (${supplier.company}) — ${criterion.id} ${criterion.text}: ${answer}`;
}

export function HeatMap({ result, criteriaSort, supplierSort, onFocus }: HeatMapProps) {
  const language = lang.value;
  const rows = useMemo(() => sortCriteria(result.criteria, criteriaSort), [result, criteriaSort]);
  const cols = useMemo(() => sortSuppliers(result.suppliers, supplierSort, language), [result, supplierSort, language]);
  const byCriterion = useMemo(() => new Map(result.criteria.map((c) => [c.id, c])), [result]);
  /** Writes a cell's tooltip when the pointer first reaches it (one handler for the whole table). */
  const titleCell = (event: Event): void => {
    const cell = (event.target as Element | null)?.closest?.('td.heat-cell');
    if (!(cell instanceof HTMLElement) || cell.title !== '') return;
    const c = byCriterion.get(cell.parentElement?.getAttribute('data-criterion') ?? '');
    const column = [...cell.parentElement!.children].indexOf(cell) - 3;
    const s = cols[column];
    if (c && s) cell.title = cellTitle(s, c, texts.answers[answerAt(s, c)]);
  };
  const texts = useMemo<CellTexts>(
    () => ({
      answers: Object.fromEntries(ANSWERS.map((a) => [a, t(`web.assess.answers.${a}`)])) as Record<Answer, string>,
    }),
    [language], // the texts follow the page's language
  );
  const grouped = criteriaSort === 'id';
  const sortOf = (key: CriteriaSort): 'descending' | 'ascending' | undefined =>
    criteriaSort === key ? (key === 'id' ? 'ascending' : 'descending') : undefined;
  return (
    <div class="heat-scroll" tabIndex={0} role="region" aria-label={t('web.assess.heatTitle')}>
      <table
        key={language}
        class={grouped ? 'heat-map grouped' : 'heat-map'}
        style={{ width: `${TABLE_WIDTH.fixed + TABLE_WIDTH.supplier * cols.length}px` }}
        onMouseOver={titleCell}
      >
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
              <CriterionRow criterion={c} cols={cols} texts={texts} lang={language} />
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
