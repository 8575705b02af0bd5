/**
 * The rules over several supply rows, checked per (buyer, commodity) group once every
 * row is read: a supplier appears once in a group (else the later row duplicates the
 * first), and the shares of a group are all given or all missing (README). A mixed
 * group is an error naming the group and a few rows of each side; a fully given group
 * whose shares sum to more than `DEFAULTS.tolerance` away from 1 gets a warning
 * (analyses normalise it).
 *
 * The rows arrive as columns of numbers (company slots, commodity numbers, shares), so
 * a million-row table costs a few typed arrays: two stable counting sorts bring each
 * group together in file order, with no per-group object and no string key.
 */
import { quote, type IssueLog } from './issue-log.ts';
import type { TableRows } from './table-spec.ts';

export const DEFAULTS = { tolerance: 0.01, rowsListed: 5, smallGroup: 16 };

/** Marks a share that was given but invalid (already reported) in `GroupRows.share`. */
export const INVALID_SHARE = -1;

/** One entry per supply row that has a buyer and a commodity, in file order. */
export interface GroupRows {
  /** Slot of the supplier, or -1 when the row is not checked for duplicates. */
  supplier: number[];
  buyer: number[];
  commodity: number[];
  /** The share as read: NaN when missing, `INVALID_SHARE` when invalid. */
  share: number[];
  ref: number[];
}

/** What the messages need to name slots, commodities and rows. */
export interface GroupNames {
  /** Company id of each slot. */
  ids: readonly string[];
  commodities: readonly string[];
  rows: TableRows;
}

/** Checks every (buyer, commodity) group of `rows`; reports to `log`. */
export function checkGroups(rows: GroupRows, names: GroupNames, log: IssueLog): void {
  const order = groupOrder(rows, names.ids.length, names.commodities.length);
  const { buyer, commodity } = rows;
  const m = order.length;
  for (let a = 0; a < m;) {
    const first = order[a]!;
    let b = a + 1;
    while (b < m && buyer[order[b]!] === buyer[first] && commodity[order[b]!] === commodity[first]) b++;
    checkShares(rows, names, order, a, b, log);
    if (b - a > 1) checkDuplicates(rows, names, order, a, b, log);
    a = b;
  }
}

/** Row numbers ordered by (buyer, commodity, row): two stable counting sorts, O(rows + slots + commodities). */
function groupOrder(rows: GroupRows, slots: number, commodities: number): Int32Array {
  const { buyer, commodity } = rows;
  const m = buyer.length;
  const byCommodity = new Int32Array(m);
  const cStart = new Int32Array(commodities + 1);
  for (let r = 0; r < m; r++) cStart[commodity[r]! + 1]!++;
  for (let c = 0; c < commodities; c++) cStart[c + 1]! += cStart[c]!;
  for (let r = 0; r < m; r++) byCommodity[cStart[commodity[r]!]!++] = r;
  const bStart = new Int32Array(slots + 1);
  for (let r = 0; r < m; r++) bStart[buyer[r]! + 1]!++;
  for (let v = 0; v < slots; v++) bStart[v + 1]! += bStart[v]!;
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const r = byCommodity[k]!;
    order[bStart[buyer[r]!]!++] = r;
  }
  return order;
}

function checkShares(rows: GroupRows, names: GroupNames, order: Int32Array, a: number, b: number, log: IssueLog): void {
  let given = 0;
  let sum = 0;
  let invalid = false;
  for (let k = a; k < b; k++) {
    const share = rows.share[order[k]!]!;
    if (Number.isNaN(share)) continue;
    given++;
    if (share === INVALID_SHARE) invalid = true;
    else sum += share;
  }
  const missing = b - a - given;
  if (given > 0 && missing > 0) {
    const refs = { given: [] as number[], missing: [] as number[] };
    for (let k = a; k < b; k++) {
      const r = order[k]!;
      const side = Number.isNaN(rows.share[r]!) ? refs.missing : refs.given;
      if (side.length < DEFAULTS.rowsListed) side.push(rows.ref[r]!);
    }
    const message =
      `${groupName(rows, names, order[a]!)}: share given on ${listed(names.rows, refs.given, given)} ` +
      `but missing on ${listed(names.rows, refs.missing, missing)}; give a share on every row of the group or on none (none = equal split)`;
    log.error(names.rows.locate(refs.missing[0]!, 'share'), message, '');
  } else if (given > 0 && !invalid && Math.abs(sum - 1) > DEFAULTS.tolerance) {
    const text = String(Number(sum.toPrecision(6)));
    const where = names.rows.locate(rows.ref[order[a]!]!, 'share');
    log.warning(
      where,
      `${groupName(rows, names, order[a]!)}: shares sum to ${text}, not 1; they will be scaled to sum to 1`,
      text,
    );
  }
}

/** A supplier given twice in a group: an error at each later row, naming the first. */
function checkDuplicates(
  rows: GroupRows,
  names: GroupNames,
  order: Int32Array,
  a: number,
  b: number,
  log: IssueLog,
): void {
  const { supplier } = rows;
  const large = b - a > DEFAULTS.smallGroup ? new Map<number, number>() : undefined;
  for (let k = a; k < b; k++) {
    const r = order[k]!;
    const u = supplier[r]!;
    if (u < 0) continue;
    let first: number | undefined;
    if (large !== undefined) {
      first = large.get(u);
      if (first === undefined) large.set(u, r);
    } else {
      for (let j = a; j < k && first === undefined; j++) if (supplier[order[j]!] === u) first = order[j]!;
    }
    if (first === undefined) continue;
    const id = names.ids[u]!;
    const message =
      `duplicate supply ${quote(id)} → ${quote(names.ids[rows.buyer[r]!]!)} of ${quote(names.commodities[rows.commodity[r]!]!)}, ` +
      `first given on ${names.rows.describe([rows.ref[first]!])}; merge the two rows into one`;
    log.error(names.rows.locate(rows.ref[r]!, 'supplier'), message, id);
  }
}

function groupName(rows: GroupRows, names: GroupNames, r: number): string {
  return `buyer ${quote(names.ids[rows.buyer[r]!]!)}, commodity ${quote(names.commodities[rows.commodity[r]!]!)}`;
}

/** `lines 2, 5 and 3 more`: the refs kept (in file order), and how many rows of the side they leave out. */
function listed(rows: TableRows, refs: number[], count: number): string {
  const more = count - refs.length;
  return more > 0 ? `${rows.describe(refs)} and ${more} more` : rows.describe(refs);
}
