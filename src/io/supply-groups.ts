/**
 * The rules over several supply rows, checked per (buyer, commodity) group: a supplier
 * appears once in a group (else the row duplicates an earlier one), and the shares of a
 * group are all given or all missing (DESIGN.md). A mixed group is an error naming the
 * group and its rows; a fully given group whose shares sum to more than
 * `DEFAULTS.tolerance` away from 1 gets a warning (analyses normalise it). A group keeps
 * a few numbers and its first row until it has a second row, so memory stays small even
 * when every row is a group of its own.
 */
import { quote, type IssueLog } from './issue-log.ts';
import type { InputRecord, TableRows } from './table-spec.ts';

export const DEFAULTS = { tolerance: 0.01, rowsListed: 5 };

interface Group {
  buyer: string;
  commodity: string;
  rows: TableRows;
  firstRef: number;
  firstSupplier: string | null;
  /** Supplier → ref of its row, made when the group gets a second row. */
  suppliers: Map<string, number> | undefined;
  given: number;
  missing: number;
  sum: number;
  /** A share of the group was given but invalid (already reported): no sum warning. */
  invalid: boolean;
  /** Refs of each side, from the first row and the rows after the group became mixed. */
  mixed: { given: number[]; missing: number[] } | undefined;
}

export class SupplyGroups {
  private readonly groups = new Map<string, Group>();

  /**
   * Adds a row of the group (buyer, commodity). `supplier` is `null` when it is not to be
   * checked for duplicates; `share` is the parsed cell (`undefined` = invalid). Returns
   * the ref of an earlier row of the same supplier in the group, if any.
   */
  add(record: InputRecord, supplier: string | null, buyer: string, commodity: string, share: number | null | undefined): number | undefined {
    const key = `${buyer}\u0000${commodity}`;
    const group = this.groups.get(key);
    if (group === undefined) {
      // One literal with every field, so that all groups share one hidden class (a spread
      // here gave each group its own, tripling the memory of a network).
      const given = share === null ? 0 : 1;
      this.groups.set(key, {
        buyer,
        commodity,
        rows: record.rows,
        firstRef: record.ref,
        firstSupplier: supplier,
        suppliers: undefined,
        given,
        missing: 1 - given,
        sum: share ?? 0,
        invalid: share === undefined,
        mixed: undefined,
      });
      return undefined;
    }
    const side = share === null ? 'missing' : 'given';
    group[side] += 1;
    if (share === undefined) group.invalid = true;
    else if (share !== null) group.sum += share;
    if (group.mixed === undefined && group.given > 0 && group.missing > 0) {
      group.mixed = { given: [], missing: [] };
      group.mixed[side === 'given' ? 'missing' : 'given'].push(group.firstRef);
    }
    const refs = group.mixed?.[side];
    if (refs !== undefined && refs.length < DEFAULTS.rowsListed) refs.push(record.ref);
    return supplier === null ? undefined : this.duplicate(group, supplier, record.ref);
  }

  /** Reports mixed groups (errors) and given shares that do not sum to 1 (warnings). */
  check(log: IssueLog): void {
    for (const group of this.groups.values()) {
      const { mixed, rows } = group;
      if (mixed !== undefined) {
        const given = listed(rows, mixed.given, group.given);
        const missing = listed(rows, mixed.missing, group.missing);
        const message = `${groupName(group)}: share given on ${given} but missing on ${missing}; give a share on every row of the group or on none (none = equal split)`;
        log.error(rows.locate(mixed.missing[0] ?? group.firstRef, 'share'), message, '');
      } else if (group.given > 0 && !group.invalid && Math.abs(group.sum - 1) > DEFAULTS.tolerance) {
        const sum = String(Number(group.sum.toPrecision(6)));
        log.warning(rows.locate(group.firstRef, 'share'), `${groupName(group)}: shares sum to ${sum}, not 1; they will be scaled to sum to 1`, sum);
      }
    }
  }

  private duplicate(group: Group, supplier: string, ref: number): number | undefined {
    if (group.suppliers === undefined) {
      group.suppliers = new Map();
      if (group.firstSupplier !== null) group.suppliers.set(group.firstSupplier, group.firstRef);
    }
    const first = group.suppliers.get(supplier);
    if (first === undefined) group.suppliers.set(supplier, ref);
    return first;
  }
}

const groupName = (group: Group): string => `buyer ${quote(group.buyer)}, commodity ${quote(group.commodity)}`;

/** `lines 2, 5 and 3 more`: the refs kept, and how many rows of the side they leave out. */
function listed(rows: TableRows, refs: number[], count: number): string {
  const sorted = [...refs].sort((a, b) => a - b);
  const more = count - refs.length;
  return more > 0 ? `${rows.describe(sorted)} and ${more} more` : rows.describe(sorted);
}
