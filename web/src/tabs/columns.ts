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
  ConcentrationGroup,
  HiddenCritical,
  LevelGap,
  SingleSource,
  WeakLink,
} from '../../../src/contract/api-types.ts';
import { formatLevel, formatNumber, formatShare } from '../format.ts';
import { formatYen, readableReason } from '../replay.ts';
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
  if (total === 0) return 'None.';
  return total > shown ? `Showing the first ${shown} of ${formatNumber(total)}.` : null;
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
  return yen === '—' ? yen : `${yen}/${unit}`;
};

export function weakLinkTable(names: Names): TableSpec<WeakLink> {
  return {
    name: 'weak-links',
    rowId: (r) => r.id,
    columns: [
      { head: '#', num: true, cell: (r) => text(String(r.rank)) },
      { head: 'Company', cell: (r) => company(r.id, r.name) },
      {
        head: 'Own',
        num: true,
        title: 'Own security score (? = unassessed, scored 0)',
        cell: (r) => ({ kind: 'score', score: r.ownScore, unassessed: r.unassessed }),
      },
      {
        head: 'Risk ¥/yr',
        num: true,
        title: 'Risk contribution, yen per year: hit likelihood × expected loss of one hit',
        cell: (r) => text(yenPer(r.riskContribution, 'yr')),
      },
      {
        head: 'Stops',
        num: true,
        title: 'Blast radius: companies a breach here stops',
        cell: (r) => text(formatNumber(r.blastRadiusSize)),
      },
      {
        head: 'Loss ¥/hit',
        num: true,
        title:
          'Expected loss of one hit of this company, yen per event: revenue per day × days down, over the outage durations',
        cell: (r) => text(yenPer(r.expectedEventLoss, 'hit')),
      },
      {
        head: 'Why',
        cell: (r) => text(readableReason(r.reason, names.focal(), shortName), { class: 'reason', title: r.reason }),
      },
    ],
  };
}

export const singleSourceTable: TableSpec<SingleSource> = {
  name: 'single-sources',
  rowId: (r) => r.supplier,
  columns: [
    { head: 'Supplier', cell: (r) => company(r.supplier, r.supplierName) },
    { head: 'Commodity', cell: (r) => text(r.commodity) },
    { head: 'Buyer', cell: (r) => company(r.buyer, r.buyerName) },
    { head: 'Share', num: true, cell: (r) => text(formatShare(r.share)) },
  ],
};

export function hiddenCriticalTable(names: Names): TableSpec<HiddenCritical> {
  return {
    name: 'hidden-critical',
    rowId: (r) => r.supplier,
    columns: [
      { head: 'Supplier', cell: (r) => company(r.supplier, r.name) },
      { head: 'Stops', num: true, cell: (r) => text(formatNumber(r.dependants.length)) },
      {
        head: 'Focal companies it stops',
        cell: (r) => {
          const focal = r.focalDependants.map((id) => names.nameOf(id)).join(', ');
          return focal ? text(focal, { class: 'warn-text' }) : text('—', { class: 'muted' });
        },
      },
    ],
  };
}

/** Why a buyer asks ★4 (LevelGap.askedBy.reasons), in a few words. */
export const REASONS: Record<string, string> = {
  data: 'handles its data',
  halt: 'can halt it',
  access: 'reaches its systems',
};

/** "Kirishima Motor (brakes: handles its data, can halt it); …", or the basic level's note. */
export function askedByText(gap: LevelGap): string {
  const askedBy = gap.askedBy
    .map((a) => `${shortName(a.buyerName)} (${a.commodity}: ${a.reasons.map((x) => REASONS[x] ?? x).join(', ')})`)
    .join('; ');
  return askedBy || 'basic level (★3) for every buyer';
}

export const levelGapTable: TableSpec<LevelGap> = {
  name: 'level-gaps',
  rowId: (r) => r.id,
  columns: [
    { head: 'Supplier', cell: (r) => company(r.id, r.name) },
    { head: 'Own', num: true, cell: (r) => text(r.unassessed ? '?' : formatLevel(r.ownLevel)) },
    { head: 'Required', num: true, cell: (r) => text(formatLevel(r.requiredLevel)) },
    {
      head: 'Gap',
      num: true,
      cell: (r) => ({ kind: 'chip', class: 'badge warn', text: `+${r.requiredLevel - r.ownLevel}` }),
    },
    { head: 'Asked by', cell: (r) => text(askedByText(r), { class: 'reason' }) },
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
      { head: 'Buyer', cell: (g) => company(g.buyer, names.nameOf(g.buyer)) },
      { head: 'Commodity', cell: (g) => text(g.commodity) },
      {
        head: 'HHI',
        num: true,
        cell: (g) => ({ kind: 'chip', class: `hhi ${hhiBand(g.hhi)}`, text: formatNumber(g.hhi) }),
      },
      {
        head: 'Suppliers',
        cell: (g) =>
          text(g.suppliers.map((s) => `${shortName(s.name)} ${formatShare(s.share)}`).join(', '), { class: 'reason' }),
      },
    ],
  };
}
