/**
 * Which companies a view bounded to `limit` keeps when more are reachable: the roots
 * (the focus, or the focal companies) always; then, by kind, the critical suppliers of
 * the roots, the companies on the paths by which they reach the roots, and every other
 * company (the highest risk contributors first). Within a kind, each tier column gets
 * an equal share of what is left of the limit (a column with fewer companies gives its
 * unused share back to the others), highest risk contribution first, so no column
 * is filled at the cost of another. Before the kinds, `floorShare` of the limit is
 * spread over the columns that have companies, each taking its most important ones kind
 * by kind, so no column that has companies is left empty while the limit allows (at
 * least one slot per such column). Deterministic: ties follow `ranked`.
 * O(reached + columns²) when nothing is cut; O(n + columns²) when the limit cuts (the
 * `ranked` pass); n = the number of companies.
 *
 * Example: `capView({ order, count, kind, column, columns, ranked, limit: 1500 })`.
 */

export const DEFAULTS = Object.freeze({
  /** The share of the limit first spread over the columns, so none that has companies is empty. */
  floorShare: 0.1,
});

/** Kind of a company in a bounded view. */
export const KIND = Object.freeze({ none: 0, root: 1, critical: 2, onPath: 3, other: 4 });

export interface CapInput {
  /** The reachable companies in the order reached (roots first); only `order[0..count-1]` is read. */
  order: Int32Array;
  count: number;
  /** KIND of each company index (`none`: not a candidate — unreached or filtered out). */
  kind: Uint8Array;
  /** Tier column of each company, 0 .. columns − 1. */
  column: Int32Array;
  columns: number;
  /** Every company index, most important first (highest risk contribution, ties by id). */
  ranked: ArrayLike<number>;
  limit: number;
  floorShare?: number;
}

export interface CapResult {
  /** The kept companies, in the order reached. */
  nodes: number[];
  /** Candidates (roots included) that were there to keep. */
  reachable: number;
  truncated: boolean;
  /** Kept companies of each kind, indexed by KIND. */
  kept: [none: number, root: number, critical: number, onPath: number, other: number];
  /** Candidates of each kind, indexed by KIND. */
  candidates: [none: number, root: number, critical: number, onPath: number, other: number];
}

/** The companies a view of at most `limit` keeps (see the module comment). */
export function capView(input: CapInput): CapResult {
  const { order, count, kind, limit } = input;
  const floorShare = input.floorShare ?? DEFAULTS.floorShare;
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`capView: limit must be an integer ≥ 0, got ${limit}`);
  if (!(floorShare >= 0 && floorShare <= 1))
    throw new Error(`capView: floorShare must be in [0, 1], got ${floorShare}`);
  const kept: CapResult['kept'] = [0, 0, 0, 0, 0];
  const candidates: CapResult['candidates'] = [0, 0, 0, 0, 0];
  for (let k = 0; k < count; k++) candidates[kind[order[k]!]! as 0 | 1 | 2 | 3 | 4] += 1;
  const reachable = count - candidates[KIND.none];
  const inView = new Set<number>();
  let budget = limit;
  const take = (x: number): void => {
    inView.add(x);
    kept[kind[x]! as 0 | 1 | 2 | 3 | 4] += 1;
    budget--;
  };
  for (let k = 0; k < count && budget > 0; k++) {
    const x = order[k]!;
    if (kind[x] === KIND.root || (reachable <= limit && kind[x] !== KIND.none)) take(x);
  }
  if (reachable > limit && budget > 0) fill(input, floorShare, take, () => budget);
  const nodes: number[] = [];
  const all = inView.size === reachable;
  for (let k = 0; k < count; k++) {
    const x = order[k]!;
    if (all ? kind[x] !== KIND.none : inView.has(x)) nodes.push(x);
  }
  return { nodes, reachable, truncated: nodes.length < reachable, kept, candidates };
}

/** The floor pass, then each kind water-filled over the columns. */
function fill(input: CapInput, floorShare: number, take: (x: number) => void, budget: () => number): void {
  const { kind, column, columns, ranked, limit } = input;
  // lists[kind - KIND.critical][column]: candidates most important first.
  const lists = [KIND.critical, KIND.onPath, KIND.other].map(() => Array.from({ length: columns }, (): number[] => []));
  // No list can give more than the limit: the rest of a full one is never read.
  for (let r = 0; r < ranked.length; r++) {
    const x = ranked[r]!;
    const k = kind[x]!;
    if (k < KIND.critical) continue;
    const list = lists[k - KIND.critical]![column[x]!]!;
    if (list.length < limit) list.push(x);
  }
  const next = lists.map(() => new Int32Array(columns));
  const left = (k: number, c: number): number => lists[k]![c]!.length - next[k]![c]!;
  const takeFrom = (k: number, c: number): void => take(lists[k]![c]![next[k]![c]!++]!);
  const filled: number[] = [];
  for (let c = 0; c < columns; c++) if (lists.some((_, k) => left(k, c) > 0)) filled.push(c);
  const floor = filled.length === 0 ? 0 : Math.max(1, Math.floor((limit * floorShare) / filled.length));
  const taken = new Int32Array(columns);
  for (let k = 0; k < lists.length; k++) {
    for (const c of filled) {
      for (; taken[c]! < floor && left(k, c) > 0 && budget() > 0; taken[c]!++) takeFrom(k, c);
    }
  }
  for (let k = 0; k < lists.length; k++) {
    while (budget() > 0) {
      const active: number[] = [];
      for (let c = 0; c < columns; c++) if (left(k, c) > 0) active.push(c);
      if (active.length === 0) break;
      const share = Math.floor(budget() / active.length);
      if (share === 0) {
        for (const c of active.slice(0, budget())) takeFrom(k, c);
        break;
      }
      for (const c of active) for (let i = Math.min(share, left(k, c)); i > 0; i--) takeFrom(k, c);
    }
  }
}
