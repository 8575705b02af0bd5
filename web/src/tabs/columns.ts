/**
 * The columns of the drawer's tables, as data: each column's head (and its tooltip),
 * whether it is numeric, and the cell of a row — plain values (text, a company's name
 * and id, a score, a coloured chip) that table.tsx draws. Pure: the names come in
 * through `Names`, so every cell's text is testable without a page.
 *
 * @example
 *   const table = weakLinkTable({ nameOf: (id) => id, focal: () => new Map() });
 *   cellText(table.columns[3]!.cell(row)); // "¥23.2B/yr"
 */
import type {
  CompanyRow,
  ConcentrationGroup,
  HiddenCritical,
  LevelGap,
  SingleSource,
  WeakLink,
} from '../../../src/contract/api-types.ts';
import { formatLevel, formatNumber, formatShare } from '../format.ts';
import { t } from '../i18n.ts';
import { formatYen, reasonLine } from '../replay.ts';
import { shortName } from '../to-elements.ts';

export type Cell =
  | { kind: 'text'; text: string; class?: string; title?: string }
  | { kind: 'company'; name: string; id: string }
  | { kind: 'score'; score: number; unassessed: boolean }
  | { kind: 'chip'; text: string; class: string };

export interface Column<R> {
  head: string;
  /** The head's tooltip. */
  title?: string;
  num?: boolean;
  cell(row: R): Cell;
}

/** A table: its `data-table` name, columns, and the company a row focuses. */
export interface TableSpec<R> {
  name: string;
  columns: Column<R>[];
  rowId(row: R): string;
}

export interface Names {
  /** A display name for a company id (the id when unknown). */
  nameOf(id: string): string;
  /** The focal companies, id → name. */
  focal(): ReadonlyMap<string, string>;
}

/**
 * A column whose head (and tooltip) is the text of `web.cols.KEY` (and `web.cols.TITLE`)
 * in the page's language, read when the table draws, so a change of language redraws it.
 */
export function column<R>(key: string, spec: Omit<Column<R>, 'head' | 'title'>, title?: string): Column<R> {
  const c = { ...spec } as Column<R>;
  Object.defineProperty(c, 'head', { get: () => (key === '#' ? '#' : t(`web.cols.${key}`)), enumerable: true });
  if (title) Object.defineProperty(c, 'title', { get: () => t(`web.cols.${title}`), enumerable: true });
  return c;
}

/** The text a cell shows (a company cell: its name then its id). */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'company':
      return `${cell.name} ${cell.id}`;
    case 'score':
      return cell.unassessed ? '?' : String(cell.score);
    default:
      return cell.text;
  }
}

/** Under a table: "Showing the first 500 of 1,234." when rows were left out, "None." when empty. */
export function rowsNote(shown: number, total: number): string | null {
  if (total === 0) return t('web.tabs.none');
  return total > shown ? t('web.tabs.showing', { shown, total: formatNumber(total) }) : null;
}

const text = (value: string, extra: { class?: string; title?: string } = {}): Cell => ({
  kind: 'text',
  text: value,
  ...extra,
});
const company = (id: string, name: string): Cell => ({ kind: 'company', id, name });

/** "¥23.2B/yr": an amount of yen with its unit. */
export const yenPer = (value: number, unit: 'yr' | 'hit'): string => {
  const yen = formatYen(value);
  return yen === '—' ? yen : t(unit === 'yr' ? 'web.tabs.perYr' : 'web.tabs.perHit', { yen });
};

export function weakLinkTable(names: Names): TableSpec<WeakLink> {
  return {
    name: 'weak-links',
    rowId: (r) => r.id,
    columns: [
      column('#', { num: true, cell: (r) => text(String(r.rank)) }),
      column('company', { cell: (r) => company(r.id, r.name) }),
      column(
        'own',
        { num: true, cell: (r) => ({ kind: 'score', score: r.ownScore, unassessed: r.unassessed }) },
        'ownTitle',
      ),
      column('risk', { num: true, cell: (r) => text(yenPer(r.riskContribution, 'yr')) }, 'riskTitle'),
      column('stops', { num: true, cell: (r) => text(formatNumber(r.blastRadiusSize)) }, 'stopsTitle'),
      column('loss', { num: true, cell: (r) => text(yenPer(r.expectedEventLoss, 'hit')) }, 'lossTitle'),
      column('why', {
        cell: (r) => text(reasonLine(r, names.focal(), shortName), { class: 'reason' }),
      }),
    ],
  };
}

/** The companies of one group of the Aggregates tab (GET /api/aggregate/companies), highest risk contribution first. */
export const groupCompanyTable: TableSpec<CompanyRow> = {
  name: 'aggregate-companies',
  rowId: (r) => r.id,
  columns: [
    column('company', { cell: (r) => company(r.id, r.name) }),
    column(
      'own',
      { num: true, cell: (r) => ({ kind: 'score', score: r.ownScore, unassessed: r.unassessed }) },
      'ownTitle',
    ),
    column('risk', { num: true, cell: (r) => text(yenPer(r.riskContribution, 'yr')) }, 'riskTitle'),
  ],
};

export const singleSourceTable: TableSpec<SingleSource> = {
  name: 'single-sources',
  rowId: (r) => r.supplier,
  columns: [
    column('supplier', { cell: (r) => company(r.supplier, r.supplierName) }),
    column('commodity', { cell: (r) => text(r.commodity) }),
    column('buyer', { cell: (r) => company(r.buyer, r.buyerName) }),
    column('share', { num: true, cell: (r) => text(formatShare(r.share)) }),
  ],
};

export function hiddenCriticalTable(names: Names): TableSpec<HiddenCritical> {
  return {
    name: 'hidden-critical',
    rowId: (r) => r.supplier,
    columns: [
      column('supplier', { cell: (r) => company(r.supplier, r.name) }),
      column('stops', { num: true, cell: (r) => text(formatNumber(r.dependants.length)) }),
      column('focalStops', {
        cell: (r) => {
          const focal = r.focalDependants.map((id) => names.nameOf(id)).join(t('web.common.list'));
          return focal ? text(focal, { class: 'warn-text' }) : text('—', { class: 'muted' });
        },
      }),
    ],
  };
}

/** Why a buyer asks ★4 (LevelGap.askedBy.reasons), in a few words of the page's language; unknown reasons as they are. */
export function reasonWords(reason: string): string {
  return ['data', 'halt', 'access'].includes(reason) ? t(`web.tabs.reasons.${reason}`) : reason;
}

/** "Kirishima Motor (brakes: handles its data, can halt it); …", or the basic level's note. */
export function askedByText(gap: LevelGap): string {
  const askedBy = gap.askedBy
    .map((a) => `${shortName(a.buyerName)} (${a.commodity}: ${a.reasons.map(reasonWords).join(t('web.common.list'))})`)
    .join('; ');
  return askedBy || t('web.tabs.basicLevel');
}

export const levelGapTable: TableSpec<LevelGap> = {
  name: 'level-gaps',
  rowId: (r) => r.id,
  columns: [
    column('supplier', { cell: (r) => company(r.id, r.name) }),
    column('own', { num: true, cell: (r) => text(r.unassessed ? '?' : formatLevel(r.ownLevel)) }),
    column('required', { num: true, cell: (r) => text(formatLevel(r.requiredLevel)) }),
    column('gap', {
      num: true,
      cell: (r) => ({ kind: 'chip', class: 'badge warn', text: `+${r.requiredLevel - r.ownLevel}` }),
    }),
    column('askedBy', { cell: (r) => text(askedByText(r), { class: 'reason' }) }),
  ],
};

/** The HHI's band: above 2,500 highly concentrated, 1,500–2,500 moderately. */
export function hhiBand(hhi: number): 'high' | 'moderate' | 'low' {
  return hhi >= 2500 ? 'high' : hhi >= 1500 ? 'moderate' : 'low';
}

export function concentrationTable(names: Names): TableSpec<ConcentrationGroup> {
  return {
    name: 'concentration',
    rowId: (g) => g.buyer,
    columns: [
      column('buyer', { cell: (g) => company(g.buyer, names.nameOf(g.buyer)) }),
      column('commodity', { cell: (g) => text(g.commodity) }),
      column('hhi', {
        num: true,
        cell: (g) => ({ kind: 'chip', class: `hhi ${hhiBand(g.hhi)}`, text: formatNumber(g.hhi) }),
      }),
      column('suppliers', {
        cell: (g) =>
          text(g.suppliers.map((s) => `${shortName(s.name)} ${formatShare(s.share)}`).join(t('web.common.list')), {
            class: 'reason',
          }),
      }),
    ],
  };
}
