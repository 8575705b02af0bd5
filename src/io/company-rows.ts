/**
 * Checks the rows of the companies table and builds the `Company` list in file order.
 * Rules: the id is non-empty, unique (a duplicate names the row of the first occurrence)
 * and a safe identifier (identifier.ts: at most 200 characters, no control, bidi or
 * zero-width characters); the typed cells follow `CELL_RULES`; `name` defaults to the id. Values
 * stay as given (revenue `null` when absent) — defaults belong to `indexNetwork`.
 */
import type { Company } from '../model/types.ts';
import { CELL_RULES, readCell, readCountry, readFlag, readText } from './cells.ts';
import { idProblem } from './identifier.ts';
import { quote, type IssueLog } from './issue-log.ts';
import type { InputRecord } from './table-spec.ts';

export class CompanyRows {
  readonly companies: Company[] = [];
  /**
   * Each id seen, numbered in order of first appearance (its slot); `refs[slot]` is the
   * row that first gave it. A table without errors has one slot per company, in file
   * order, so a slot is then the company's index in `companies`.
   */
  readonly slotOf = new Map<string, number>();
  readonly ids: string[] = [];
  readonly refs: number[] = [];

  constructor(private readonly log: IssueLog) {}

  add(record: InputRecord): void {
    const { log } = this;
    const id = record.get('id');
    let ok = true;
    const problem = id === '' ? null : idProblem(id);
    if (id === '') {
      log.error(record.at('id'), 'id is empty; every company needs a unique id', id);
      ok = false;
    } else if (problem !== null) {
      log.error(record.at('id'), `id ${problem}`, id);
      ok = false;
    } else {
      const slot = this.slotOf.get(id);
      if (slot === undefined) {
        this.slotOf.set(id, this.ids.length);
        this.ids.push(id);
        this.refs.push(record.ref);
      } else {
        const where = record.rows.describe([this.refs[slot]!]);
        log.error(
          record.at('id'),
          `duplicate company id ${quote(id)}, first given on ${where}; ids must be unique, so rename or remove one`,
          id,
        );
        ok = false;
      }
    }
    const size = readCell(record, 'size', CELL_RULES.size, log);
    const scsLevel = readCell(record, 'scs_level', CELL_RULES.scs_level, log);
    const securityScore = readCell(record, 'security_score', CELL_RULES.security_score, log);
    const revenue = readCell(record, 'revenue', CELL_RULES.revenue, log);
    const focal = readFlag(record, 'focal', log);
    const country = readCountry(record, log);
    if (!ok || size === undefined || scsLevel === undefined || securityScore === undefined) return;
    if (revenue === undefined || focal === undefined) return;
    this.companies.push({
      id,
      name: readText(record, 'name', log) ?? id,
      country,
      industry: readText(record, 'industry', log),
      size,
      scsLevel,
      securityScore,
      revenue,
      focal,
    });
  }
}
