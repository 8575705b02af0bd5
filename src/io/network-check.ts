/**
 * One check of a whole network, shared by every way of reading one (folder, upload, CSV,
 * JSON): it owns the issue log and the row checkers (companies, supplies, assessments), counts rows for progress, and
 * at the end either returns the network with its warnings or throws the `InputError`
 * listing every error. The companies table must be read before the supplies table,
 * since supplies and assessments are checked against the company ids.
 */
import type { ResolvedSupplies } from '../model/index-network.ts';
import type { Issue, Network } from '../model/types.ts';
import { AssessmentRows } from './assessment-rows.ts';
import { CompanyRows } from './company-rows.ts';
import { IssueLog } from './issue-log.ts';
import { SupplyRows } from './supply-rows.ts';
import type { RecordSink } from './table-spec.ts';
import type { TextEncodingName } from './text-decode.ts';

const EXCEL_NAME: Record<TextEncodingName, string> = {
  ASCII: '',
  'UTF-8': '',
  'UTF-8 with a BOM': `: Excel's "CSV UTF-8"`,
  'Shift_JIS (CP932)': `: Japanese Excel's "CSV"`,
};

export const DEFAULTS = { progressEvery: 10_000 };

/** A network read without errors, and the warnings found on the way. */
export interface ReadResult {
  network: Network;
  warnings: Issue[];
  /** How each text file was read ("read companies.csv as Shift_JIS (CP932) …"); absent when all were ASCII. */
  notes?: string[];
  /** The supplies' endpoints already resolved to company indices: pass to `indexNetwork` to save the lookups. */
  resolved?: ResolvedSupplies;
}

export class NetworkCheck {
  readonly log = new IssueLog();
  private readonly companyRows = new CompanyRows(this.log);
  private supplyRows: SupplyRows | undefined;
  private assessmentRows: AssessmentRows | undefined;
  private rowsRead = 0;
  private readonly notes: string[] = [];

  /** `label` names the input in the error message, e.g. the folder. */
  constructor(
    private readonly label: string,
    private readonly onProgress?: (rowsRead: number) => void,
  ) {}

  /** Where the rows of the companies table go. */
  companySink(): RecordSink {
    return (record) => {
      this.tick();
      this.companyRows.add(record);
    };
  }

  /**
   * Where the rows of the supplies table go; call after the companies table is read.
   * Supplier and buyer ids are checked only when `companiesComplete`.
   */
  supplySink(companiesFile: string, companiesComplete: boolean): RecordSink {
    const rows = new SupplyRows(this.log, this.companyRows, companiesComplete, companiesFile);
    this.supplyRows = rows;
    return (record) => {
      this.tick();
      rows.add(record);
    };
  }

  /**
   * Where the rows of the optional assessments table go; call after the companies table
   * is read. Company ids are checked only when `companiesComplete`.
   */
  assessmentSink(companiesFile: string, companiesComplete: boolean): RecordSink {
    const rows = new AssessmentRows(this.log, this.companyRows, companiesComplete, companiesFile);
    this.assessmentRows = rows;
    return (record) => {
      this.tick();
      rows.add(record);
    };
  }

  /** Notes how `file` was decoded (nothing for plain ASCII). */
  encoding(file: string, encoding: TextEncodingName): void {
    if (encoding !== 'ASCII') this.notes.push(`read ${file} as ${encoding}${EXCEL_NAME[encoding]}`);
  }

  /** Runs the checks that need every row; throws `InputError` on any error. */
  finish(): ReadResult {
    this.supplyRows?.finish();
    this.onProgress?.(this.rowsRead);
    this.log.throwIfErrors(this.label);
    const { companies } = this.companyRows;
    const assessments = this.assessmentRows?.assessments;
    const network: Network = {
      companies,
      supplies: this.supplyRows?.supplies ?? [],
      ...(assessments === undefined ? {} : { assessments }),
    };
    const resolved = companies.length === this.companyRows.ids.length ? this.supplyRows?.resolved() : undefined;
    return {
      network,
      warnings: this.log.warnings(),
      ...(this.notes.length > 0 ? { notes: this.notes } : {}),
      ...(resolved === undefined ? {} : { resolved }),
    };
  }

  private tick(): void {
    this.rowsRead += 1;
    if (this.rowsRead % DEFAULTS.progressEvery === 0) this.onProgress?.(this.rowsRead);
  }
}
