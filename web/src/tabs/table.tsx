/**
 * A table of the drawer from its columns (columns.ts): every row names its company in
 * `data-id` and focuses the map on it when clicked (or on Enter); under the table, a note
 * when the list is longer than the rows drawn ("Showing the first 500 of 1,234.") or empty.
 *
 * @example
 *   <Table spec={levelGapTable} rows={page.items} total={page.total} onFocus={focus} />
 */
import { scoreColour } from '../style.ts';
import { rowsNote, type Cell, type TableSpec } from './columns.ts';
import { Downloads } from '../downloads.tsx';
import type { TableView } from './view.ts';

/** An own score as a chip in the score's colour; "?" (dashed) for an unassessed company. */
export function ScoreBadge({ score, unassessed }: { score: number; unassessed: boolean }) {
  return (
    <span class={unassessed ? 'score-chip unassessed' : 'score-chip'} style={{ background: scoreColour(score) }}>
      {unassessed ? '?' : String(score)}
    </span>
  );
}

function CellView({ cell, num }: { cell: Cell; num: boolean }) {
  const cls = (...names: (string | false | undefined)[]): string | undefined =>
    names.filter(Boolean).join(' ') || undefined;
  switch (cell.kind) {
    case 'company':
      return (
        <td class={cls(num && 'num', 'company')}>
          {cell.name}
          <span class="id">{cell.id}</span>
        </td>
      );
    case 'score':
      return (
        <td class={cls(num && 'num')}>
          <ScoreBadge score={cell.score} unassessed={cell.unassessed} />
        </td>
      );
    case 'chip':
      return (
        <td class={cls(num && 'num')}>
          <span class={cell.class}>{cell.text}</span>
        </td>
      );
    default:
      return (
        <td class={cls(num && 'num', cell.class)} title={cell.title}>
          {cell.text}
        </td>
      );
  }
}

export interface TableProps<R> {
  spec: TableSpec<R>;
  rows: readonly R[];
  /** How many rows the whole list has (the API's total). */
  total: number;
  onFocus(id: string): void;
  /** With it, CSV and Excel buttons download every row of the list (its API slug is `spec.name`). */
  download?: TableView['download'];
}

export function Table<R>({ spec, rows, total, onFocus, download }: TableProps<R>) {
  const note = rowsNote(rows.length, total);
  return (
    <div class="table-wrap">
      {download && (
        <div class="table-tools">
          <Downloads what={spec.name} fetch={(format) => download(spec.name, format)} />
        </div>
      )}
      <table class="data" data-table={spec.name}>
        <thead>
          <tr>
            {spec.columns.map((c) => (
              <th key={c.head} class={c.num ? 'num' : undefined} title={c.title}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const id = spec.rowId(row);
            return (
              <tr
                key={`${i}:${id}`}
                class="row"
                data-id={id}
                tabIndex={0}
                onClick={() => onFocus(id)}
                onKeyDown={(e) => e.key === 'Enter' && onFocus(id)}
              >
                {spec.columns.map((c) => (
                  <CellView key={c.head} cell={c.cell(row)} num={c.num ?? false} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {note && <p class="muted note">{note}</p>}
    </div>
  );
}
