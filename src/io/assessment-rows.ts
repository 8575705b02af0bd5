/**
 * Checks the rows of the assessments table (DESIGN, "assessments.csv") and builds the
 * `Assessment` list in file order. Rules: `company` is an id of the companies table
 * (checked only when that table was read completely; an unknown id gets a "did you mean");
 * `level` is a whole number 1–5; `assessed_on` and `valid_until` are ISO calendar dates
 * (YYYY-MM-DD, a real day); `valid_until` is not before `assessed_on`; `method` is one of
 * `self`, `expert`, `third-party` and fits the level (`METHODS_OF_LEVEL`). Values stay as
 * given: an empty `valid_until` is `null`, resolved from the validity by levels-as-of.ts.
 * The same rules check an assessment recorded through the API (src/app/assessments.ts),
 * whose messages name its fields (`names`: `assessedOn` for `assessed_on`, …).
 *
 * @example
 *   const rows = new AssessmentRows(log, companyRows, true, 'companies.csv');
 *   rows.add(record); // company,level,method,assessed_on → rows.assessments
 */
import { isIsoDate } from '../model/iso-date.ts';
import { ASSESSMENT_METHODS, type Assessment, type AssessmentMethod } from '../model/types.ts';
import { readText } from './cells.ts';
import { IdSuggestions } from './id-suggestions.ts';
import { quote, type IssueLog } from './issue-log.ts';
import type { CompanySlots } from './supply-rows.ts';
import type { ASSESSMENT_COLUMNS, InputRecord } from './table-spec.ts';

/** How the messages name each column: the columns of assessments.csv by default. */
export type AssessmentFieldNames = Readonly<Record<(typeof ASSESSMENT_COLUMNS)[number], string>>;

export const COLUMN_NAMES: AssessmentFieldNames = Object.freeze({
  company: 'company',
  level: 'level',
  method: 'method',
  assessed_on: 'assessed_on',
  valid_until: 'valid_until',
  evidence: 'evidence',
});

/**
 * The methods that can earn each level: SECURITY ACTION ★1/★2 are self-declared; ★3 is a
 * self-assessment confirmed by a registered expert (a plain self-assessment is only
 * "ready for ★3"), or an evaluation body's; ★4/★5 need a third-party evaluation.
 */
export const METHODS_OF_LEVEL: Readonly<Record<number, readonly AssessmentMethod[]>> = Object.freeze({
  1: ['self'],
  2: ['self'],
  3: ['expert', 'third-party'],
  4: ['third-party'],
  5: ['third-party'],
});

export class AssessmentRows {
  readonly assessments: Assessment[] = [];

  /** Company ids are checked against `companies` only when `complete`; `names` name the fields in messages. */
  constructor(
    private readonly log: IssueLog,
    private readonly companies: CompanySlots,
    private readonly complete: boolean,
    private readonly companiesFile: string,
    private readonly names: AssessmentFieldNames = COLUMN_NAMES,
  ) {
    this.near = new IdSuggestions(companies.ids);
  }

  /** "Did you mean" for unknown company ids. */
  private readonly near: IdSuggestions;

  add(record: InputRecord): void {
    const company = this.readCompany(record);
    const level = this.readLevel(record);
    const method = this.readMethod(record, level);
    const assessedOn = this.readDate(record, 'assessed_on', true);
    const validUntil = this.readDate(record, 'valid_until', false);
    if (typeof assessedOn === 'string' && typeof validUntil === 'string' && validUntil < assessedOn) {
      const { valid_until: until, assessed_on: on } = this.names;
      this.log.error(
        record.at('valid_until'),
        `${until} ${validUntil} is before ${on} ${assessedOn}; correct one of the dates, or leave ${until} empty for the level's validity`,
        validUntil,
      );
      return;
    }
    if (company === undefined || level === undefined || method === undefined) return;
    if (typeof assessedOn !== 'string' || validUntil === undefined) return;
    const evidence = readText(record, 'evidence', this.log);
    this.assessments.push({ company, level, method, assessedOn, validUntil, evidence });
  }

  private readCompany(record: InputRecord): string | undefined {
    const id = record.get('company');
    if (id === '') {
      this.log.error(
        record.at('company'),
        `${this.names.company} is empty; give the id of the company that was assessed`,
      );
      return undefined;
    }
    if (this.companies.slotOf.has(id) || !this.complete) return id;
    const message = `${this.names.company} ${quote(id)} is not a company id of ${this.companiesFile}; ${this.near.hint(id)}correct the id or add the company`;
    this.log.error(record.at('company'), message, id);
    return undefined;
  }

  private readLevel(record: InputRecord): number | undefined {
    const text = record.get('level');
    if (/^[1-5]$/.test(text)) return Number(text);
    const name = this.names.level;
    const what = text === '' ? `${name} is empty` : `${name} must be a whole number from 1 to 5, got ${quote(text)}`;
    this.log.error(
      record.at('level'),
      `${what}; give 1–2 for SECURITY ACTION ★1/★2 or 3–5 for SCS ★3/★4/★5 (a company without a level needs no row)`,
      text,
    );
    return undefined;
  }

  /** The method (null when empty); `undefined` (reported) when unknown or unfit for `level`. */
  private readMethod(record: InputRecord, level: number | undefined): AssessmentMethod | null | undefined {
    const text = record.get('method').toLowerCase();
    if (text === '') return null;
    const method = ASSESSMENT_METHODS.find((m) => m === text);
    if (method === undefined) {
      const message = `${this.names.method} must be one of ${ASSESSMENT_METHODS.join(', ')}, got ${quote(record.get('method'))}; or leave it empty`;
      this.log.error(record.at('method'), message, record.get('method'));
      return undefined;
    }
    if (level === undefined) return method;
    const fits = METHODS_OF_LEVEL[level] ?? [];
    if (fits.includes(method)) return method;
    this.log.error(
      record.at('method'),
      `${this.names.method} ${method} cannot earn ★${level}; ★${level} is earned by ${fits.join(' or ')} (a ★3 self-assessment without an expert's confirmation is only "ready for ★3")`,
      method,
    );
    return undefined;
  }

  /** An ISO date; `null` when empty and optional; `undefined` (reported) when bad or missing. */
  private readDate(
    record: InputRecord,
    column: 'assessed_on' | 'valid_until',
    required: boolean,
  ): string | null | undefined {
    const text = record.get(column);
    if (text === '' && !required) return null;
    if (isIsoDate(text)) return text;
    const name = this.names[column];
    const what = text === '' ? `${name} is empty` : `${name} must be an ISO date (YYYY-MM-DD), got ${quote(text)}`;
    this.log.error(record.at(column), `${what}; write a real calendar date such as 2027-04-30`, text);
    return undefined;
  }
}
