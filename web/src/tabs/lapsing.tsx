/**
 * The Lapsing tab: the assessments that lapse within the chosen window (30, 90, 180 or
 * 365 days after the analysis date), largest rise of the expected annual loss first —
 * which ones to renew first (GET /api/analysis/lapsing?asOf=&lapsingDays=). Each row:
 * the company, the level that lapses, its last valid day and the days left, the rise of
 * the expected annual loss (yen per year) if it is not renewed, and the focal companies
 * the company's hit stops, with the day. A row focuses the company on the map.
 */
import type { Lapsing, LapsingListResponse } from '../../../src/contract/api-types.ts';
import { daysBetween, LAPSING_WINDOWS } from '../as-of.ts';
import { formatLevel } from '../format.ts';
import { t } from '../i18n.ts';
import { shortName } from '../to-elements.ts';
import { column, yenPer, type Cell, type TableSpec } from './columns.ts';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

/** "Kirishima Motor day 2, Ise ECU day 5", or "—". */
export function focalStopsText(row: Pick<Lapsing, 'focalStops'>, nameOf: (id: string) => string): string {
  const stops = row.focalStops.map((f) => t('web.lapsing.onDay', { name: shortName(nameOf(f.id)), day: f.day }));
  return stops.join(t('web.common.list')) || '—';
}

/** "★3 → ★2" / "★3 → unassessed": the level the company keeps once this assessment has lapsed. */
export function afterText(row: Pick<Lapsing, 'levelAfter' | 'unassessedAfter'>): string {
  return row.unassessedAfter ? t('web.lapsing.unassessedAfter') : formatLevel(row.levelAfter);
}

export function lapsingTable(view: Pick<TableView, 'nameOf'>, asOf: string): TableSpec<Lapsing> {
  const text = (value: string, extra: { class?: string; title?: string } = {}): Cell => ({
    kind: 'text',
    text: value,
    ...extra,
  });
  return {
    name: 'lapsing',
    rowId: (r) => r.id,
    columns: [
      column('#', { num: true, cell: (r) => text(String(r.rank)) }),
      column('company', { cell: (r) => ({ kind: 'company', name: r.name, id: r.id }) }),
      column('level', { num: true, cell: (r) => text(formatLevel(r.level)) }, 'levelTitle'),
      column('validUntil', { cell: (r) => text(r.validUntil, { class: 'date' }) }),
      column(
        'daysLeft',
        {
          num: true,
          cell: (r) => {
            const days = daysBetween(asOf, r.validUntil);
            return text(String(days), days <= 30 ? { class: 'warn-text' } : {});
          },
        },
        'daysLeftTitle',
      ),
      column('after', { num: true, cell: (r) => text(afterText(r), { class: 'date' }) }, 'afterTitle'),
      column('aalRise', { num: true, cell: (r) => text(`+${yenPer(r.aalIncrease, 'yr')}`) }, 'aalRiseTitle'),
      column('focalStopsDay', { cell: (r) => text(focalStopsText(r, view.nameOf), { class: 'reason' }) }),
    ],
  };
}

export interface LapsingTableProps {
  page: LapsingListResponse;
  view: TableView;
  /** Another window was chosen (days). */
  onWindow(days: number): void;
}

export function LapsingTable({ page, view, onWindow }: LapsingTableProps) {
  const download = view.download;
  return (
    <>
      <div class="tab-intro lapsing-head">
        <p>{t('web.lapsing.intro', { date: page.asOf })}</p>
        <label class="lapsing-window">
          {t('web.lapsing.within')}{' '}
          <select
            data-lapsing-days=""
            value={String(page.lapsingDays)}
            onChange={(e) => onWindow(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {LAPSING_WINDOWS.map((days) => (
              <option key={days} value={String(days)}>
                {t('web.lapsing.days', { count: days })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Table
        spec={lapsingTable(view, page.asOf)}
        rows={page.items}
        total={page.total}
        onFocus={view.onFocus}
        {...(download
          ? {
              download: (slug: string, format: 'csv' | 'xlsx') =>
                download(`${slug}?lapsingDays=${page.lapsingDays}`, format),
            }
          : {})}
      />
    </>
  );
}
