/**
 * Checks the rows of the supplies table and builds the `Supply` list in file order.
 * Rules: supplier, buyer and commodity are non-empty; supplier and buyer are ids of the
 * companies table (checked only when that table was read completely, so one broken
 * company row does not cascade); no company supplies itself; a (supplier, buyer,
 * commodity) triple appears once and shares follow the group rule (`SupplyGroups`);
 * typed cells follow `CELL_RULES`. Values stay as given (share not normalised).
 */
import type { Supply } from '../model/types.ts';
import { CELL_RULES, readCell } from './cells.ts';
import { quote, type IssueLog } from './issue-log.ts';
import { SupplyGroups } from './supply-groups.ts';
import type { InputRecord } from './table-spec.ts';

const WHAT = {
  supplier: 'give the id of the company that supplies',
  buyer: 'give the id of the company that buys',
  commodity: 'name what is supplied, e.g. castings',
} as const;

export class SupplyRows {
  readonly supplies: Supply[] = [];
  private readonly groups = new SupplyGroups();

  /** `companyIds` is `null` when the companies table could not be read completely. */
  constructor(
    private readonly log: IssueLog,
    private readonly companyIds: ReadonlyMap<string, unknown> | null,
    private readonly companiesFile: string,
  ) {}

  add(record: InputRecord): void {
    const { log } = this;
    let ok = true;
    for (const column of ['supplier', 'buyer', 'commodity'] as const) {
      if (record.get(column) === '') {
        log.error(record.at(column), `${column} is empty; ${WHAT[column]}`, '');
        ok = false;
      }
    }
    const supplier = record.get('supplier');
    const buyer = record.get('buyer');
    const commodity = record.get('commodity');
    for (const [column, id] of [['supplier', supplier], ['buyer', buyer]] as const) {
      if (id !== '' && this.companyIds !== null && !this.companyIds.has(id)) {
        const message = `${column} ${quote(id)} is not a company id of ${this.companiesFile}; correct the id or add the company`;
        log.error(record.at(column), message, id);
        ok = false;
      }
    }
    if (supplier !== '' && supplier === buyer) {
      log.error(record.at('buyer'), `company ${quote(buyer)} supplies itself; a supply links two different companies`, buyer);
      ok = false;
    }
    const share = readCell(record, 'share', CELL_RULES.share, log);
    if (buyer !== '' && commodity !== '') {
      const first = this.groups.add(record, ok ? supplier : null, buyer, commodity, share);
      if (first !== undefined) {
        const message =
          `duplicate supply ${quote(supplier)} → ${quote(buyer)} of ${quote(commodity)}, first given on ${record.rows.describe([first])}; ` +
          'merge the two rows into one';
        log.error(record.at('supplier'), message, supplier);
        ok = false;
      }
    }
    const spend = readCell(record, 'spend', CELL_RULES.spend, log);
    const access = readCell(record, 'access', CELL_RULES.access, log);
    const bufferDays = readCell(record, 'buffer_days', CELL_RULES.buffer_days, log);
    if (!ok || share === undefined || spend === undefined || access === undefined || bufferDays === undefined) return;
    this.supplies.push({ supplier, buyer, commodity, share, spend, access, bufferDays });
  }

  /** Reports the group-level problems; call once after the last row. */
  finish(): void {
    this.groups.check(this.log);
  }
}
