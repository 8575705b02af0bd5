/**
 * Which company the arrow keys move the map's selection to (pure: positions in, an id
 * out). Left goes to a supplier of the selected company, Right to a buyer — the one
 * nearest in height; Up and Down to the neighbour above or below in the same tier column
 * (in a column wrapped into sub-columns, the same sub-column first). With nothing
 * selected, any arrow starts at the top focal company (the lowest tier in view).
 *
 * @example
 *   nextCompany('oem', 'ArrowLeft', nodes, edges); // the supplier of 'oem' nearest its height
 */

export interface KeyNode {
  id: string;
  x: number;
  y: number;
  tier: number | null;
}

export interface KeyEdge {
  source: string;
  target: string;
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export const isArrowKey = (key: string): key is ArrowKey =>
  key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';

/** -1, 0 or 1: `a` before, with or after `b`, comparing their numbers in order. */
function compare(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
  return 0;
}

/** Smallest by `score` (a list of numbers compared in order), then by id. */
function best(nodes: KeyNode[], score: (n: KeyNode) => number[]): KeyNode | undefined {
  let winner: KeyNode | undefined;
  let winning: number[] = [];
  for (const n of nodes) {
    const s = score(n);
    const order = winner === undefined ? -1 : compare(s, winning);
    if (order < 0 || (order === 0 && n.id < winner!.id)) [winner, winning] = [n, s];
  }
  return winner;
}

/** The node where the keys start: the lowest tier in view (focal first), topmost, then leftmost. */
export function startCompany(nodes: KeyNode[]): string | null {
  return best(nodes, (n) => [n.tier ?? Infinity, n.y, n.x])?.id ?? null;
}

/** The company the arrow `key` moves the selection from `current` to (`current` when there is none that way). */
export function nextCompany(current: string | null, key: ArrowKey, nodes: KeyNode[], edges: KeyEdge[]): string | null {
  const from = current === null ? undefined : nodes.find((n) => n.id === current);
  if (!from) return startCompany(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let candidates: KeyNode[];
  let score: (n: KeyNode) => number[];
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const ids =
      key === 'ArrowLeft'
        ? edges.filter((e) => e.target === from.id).map((e) => e.source)
        : edges.filter((e) => e.source === from.id).map((e) => e.target);
    candidates = [...new Set(ids)].filter((id) => id !== from.id).flatMap((id) => byId.get(id) ?? []);
    score = (n) => [Math.abs(n.y - from.y), Math.abs(n.x - from.x)];
  } else {
    const up = key === 'ArrowUp';
    candidates = nodes.filter((n) => n.tier === from.tier && n.id !== from.id && (up ? n.y < from.y : n.y > from.y));
    // Same sub-column first (x within a pixel), then the nearest row.
    score = (n) => [Math.abs(n.x - from.x) < 1 ? 0 : Math.abs(n.x - from.x), Math.abs(n.y - from.y)];
  }
  return best(candidates, score)?.id ?? from.id;
}
