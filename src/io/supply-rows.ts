/**
 * Checks the rows of the supplies table and builds the `Supply` list in file order.
 * Rules: supplier, buyer and commodity are non-empty; supplier and buyer are ids of the
 * companies table (checked only when that table was read completely, so one broken
 * company row does not cascade); no company supplies itself; a (supplier, buyer,
 * commodity) triple appears once and shares follow the group rule (`checkGroups`, run
 * by `finish`); typed cells follow `CELL_RULES`. Values stay as given (share not
 * normalised).
 *
 * Each id is resolved to its company slot once, here, and kept as a number: the group
 * rules run on those numbers, the `Supply` objects share the companies' id strings, and
 * `resolved()` hands the numbers on so that `indexNetwork` need not look the ids up again.
 */
import type { ResolvedSupplies } from '../model/index-network.ts';
import type { Supply } from '../model/types.ts';
import { CELL_RULES, readCell } from './cells.ts';
import { idProblem } from './identifier.ts';
import { IdSuggestions } from './id-suggestions.ts';
import { quote, type IssueLog } from './issue-log.ts';
import { checkGroups, INVALID_SHARE, type GroupRows } from './supply-groups.ts';
import type { InputRecord, TableRows } from './table-spec.ts';

const WHAT = {
  supplier: 'give the id of the company that supplies',
  buyer: 'give the id of the company that buys',
  commodity: 'name what is supplied, e.g. castings',
} as const;

/** The company ids read so far: slot of each id, and id of each slot (see `CompanyRows`). */
export interface CompanySlots {
  slotOf: Map<string, number>;
  ids: string[];
}

export class SupplyRows {
  readonly supplies: Supply[] = [];
  private readonly group: GroupRows = { supplier: [], buyer: [], commodity: [], share: [], ref: [] };
  private readonly commodityOf = new Map<string, number>();
  private readonly commodities: string[] = [];
  /** Ids that are not companies' (unchecked, or reported), with slots after the companies'. */
  private readonly extraOf = new Map<string, number>();
  private readonly extraIds: string[] = [];
  private rows: TableRows | undefined;
  private dropped = 0;
  /** The last buyer looked up: rows of one buyer usually come together. */
  private lastBuyer = '';
  private lastBuyerSlot = -1;

  /** Supplier and buyer ids are checked against `companies` only when `complete`. */
  constructor(
    private readonly log: IssueLog,
    private readonly companies: CompanySlots,
    private readonly complete: boolean,
    private readonly companiesFile: string,
  ) {
    this.near = new IdSuggestions(companies.ids);
  }

  /** "Did you mean" for unknown supplier and buyer ids. */
  private readonly near: IdSuggestions;

  add(record: InputRecord): void {
    const { log } = this;
    this.rows ??= record.rows;
    const supplier = record.get('supplier');
    const buyer = record.get('buyer');
    const commodity = record.get('commodity');
    let ok = true;
    if (supplier === '' || buyer === '' || commodity === '') {
      for (const [column, text] of [
        ['supplier', supplier],
        ['buyer', buyer],
        ['commodity', commodity],
      ] as const) {
        if (text === '') log.error(record.at(column), `${column} is empty; ${WHAT[column]}`, '');
      }
      ok = false;
    }
    const problem = commodity === '' ? null : idProblem(commodity);
    if (problem !== null) {
      log.error(record.at('commodity'), `commodity ${problem}`, commodity);
      ok = false;
    }
    const u = supplier === '' ? -1 : this.slot(record, 'supplier', supplier);
    const v = buyer === '' ? -1 : buyer === this.lastBuyer ? this.lastBuyerSlot : this.slot(record, 'buyer', buyer);
    if (v !== -1) {
      this.lastBuyer = buyer;
      this.lastBuyerSlot = v;
    }
    if (u === -1 || v === -1) ok = false;
    if (supplier !== '' && supplier === buyer) {
      log.error(
        record.at('buyer'),
        `company ${quote(buyer)} supplies itself; a supply links two different companies`,
        buyer,
      );
      ok = false;
    }
    const share = readCell(record, 'share', CELL_RULES.share, log);
    let c = -1;
    if (buyer !== '' && commodity !== '') {
      c = this.commodityOf.get(commodity) ?? this.newCommodity(commodity);
      const { group } = this;
      group.supplier.push(ok ? u : -1);
      group.buyer.push(v === -1 ? this.unchecked(buyer) : v);
      group.commodity.push(c);
      group.share.push(share === null ? Number.NaN : share === undefined ? INVALID_SHARE : share);
      group.ref.push(record.ref);
    }
    const spend = readCell(record, 'spend', CELL_RULES.spend, log);
    const access = readCell(record, 'access', CELL_RULES.access, log);
    const bufferDays = readCell(record, 'buffer_days', CELL_RULES.buffer_days, log);
    if (!ok || share === undefined || spend === undefined || access === undefined || bufferDays === undefined) {
      this.dropped++;
      return;
    }
    this.supplies.push({
      supplier: this.idOf(u),
      buyer: this.idOf(v),
      commodity: this.commodities[c]!,
      share,
      spend,
      access,
      bufferDays,
    });
  }

  /** Reports the group-level problems; call once after the last row. */
  finish(): void {
    if (this.rows === undefined) return;
    const { ids } = this.companies;
    checkGroups(
      this.group,
      {
        ids: this.extraIds.length > 0 ? ids.concat(this.extraIds) : ids,
        commodities: this.commodities,
        rows: this.rows,
      },
      this.log,
    );
  }

  /**
   * The supplies' endpoints and commodities as numbers, for `indexNetwork`; `undefined`
   * unless every row became a supply of a completely read companies table.
   */
  resolved(): ResolvedSupplies | undefined {
    const { group } = this;
    if (!this.complete || this.dropped > 0 || group.buyer.length !== this.supplies.length) return undefined;
    return {
      indexOf: this.companies.slotOf,
      supplier: Int32Array.from(group.supplier),
      buyer: Int32Array.from(group.buyer),
      commodity: Int32Array.from(group.commodity),
      commodities: this.commodities,
    };
  }

  /** The slot of a supplier or buyer id; -1 (reported) when the id is not a company's. */
  private slot(record: InputRecord, column: 'supplier' | 'buyer', id: string): number {
    const slot = this.companies.slotOf.get(id);
    if (slot !== undefined) return slot;
    if (!this.complete) return this.unchecked(id);
    const message = `${column} ${quote(id)} is not a company id of ${this.companiesFile}; ${this.near.hint(id)}correct the id or add the company`;
    this.log.error(record.at(column), message, id);
    return -1;
  }

  /** A slot for an id that is not a company's, so that its rows can still be grouped. */
  private unchecked(id: string): number {
    const known = this.companies.slotOf.get(id);
    if (known !== undefined) return known;
    let slot = this.extraOf.get(id);
    if (slot === undefined) {
      slot = this.companies.ids.length + this.extraIds.length;
      this.extraIds.push(id);
      this.extraOf.set(id, slot);
    }
    return slot;
  }

  private idOf(slot: number): string {
    const { ids } = this.companies;
    return slot < ids.length ? ids[slot]! : this.extraIds[slot - ids.length]!;
  }

  private newCommodity(commodity: string): number {
    const c = this.commodities.length;
    this.commodities.push(commodity);
    this.commodityOf.set(commodity, c);
    return c;
  }
}
