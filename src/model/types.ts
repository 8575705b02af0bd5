/**
 * The typed network: companies and the supply relationships between them, exactly as
 * the data files of the README describe them (optional fields are `null` when absent, so
 * an exported network gives back the rows it was loaded from). Defaults (revenue 1,
 * equal shares, buffer 0) are applied by `indexNetwork`, not here.
 */

export const SIZES = ['sme', 'large'] as const;
export type Size = (typeof SIZES)[number];

export const ACCESS_TYPES = ['none', 'data', 'network', 'software'] as const;
export type Access = (typeof ACCESS_TYPES)[number];

export interface Company {
  id: string;
  /** Display name; the id when the file gave none. */
  name: string;
  country: string | null;
  industry: string | null;
  size: Size | null;
  /** 0–5 (0 none, 1–2 SECURITY ACTION ★1/★2, 3–5 SCS ★3/★4/★5). */
  scsLevel: number | null;
  /** 0–100; wins over `scsLevel` when both are given. */
  securityScore: number | null;
  /** Annual revenue, the value at stake; `null` means the default (1). */
  revenue: number | null;
  focal: boolean;
}

export interface Supply {
  supplier: string;
  buyer: string;
  commodity: string;
  /** Fraction (0, 1] of the buyer's need for the commodity, as given (not normalised). */
  share: number | null;
  spend: number | null;
  access: Access | null;
  bufferDays: number | null;
}

/** How a level was earned (DESIGN, "assessments.csv"). */
export const ASSESSMENT_METHODS = ['self', 'expert', 'third-party'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

/**
 * One row of assessments.csv: a level a company proved on `assessedOn`, valid until
 * `validUntil` inclusive (`null`: assessedOn + the level's validity, resolved by the
 * analysis, see levels-as-of.ts). Dates are ISO calendar dates (YYYY-MM-DD).
 */
export interface Assessment {
  company: string;
  /** 1–5: SECURITY ACTION ★1/★2, SCS ★3/★4/★5. */
  level: number;
  method: AssessmentMethod | null;
  assessedOn: string;
  validUntil: string | null;
  /** A reference (URL, document number). */
  evidence: string | null;
}

export interface Network {
  companies: Company[];
  supplies: Supply[];
  /** The assessments, when the network has an assessments table; absent otherwise. */
  assessments?: Assessment[];
}

/** A problem found in the input, located as precisely as the input allows. */
export interface Issue {
  severity: 'error' | 'warning';
  /** File name as given (e.g. `companies.csv`). */
  file: string;
  /** The worksheet of an Excel workbook (`supplies`); `line` is then the row and `column` the column (1 = A). */
  sheet?: string;
  /** 1-based line in a CSV file; absent for JSON and whole-file problems. */
  line?: number;
  /** 1-based column in a CSV file. */
  column?: number;
  /** Column name or JSON path (e.g. `[3].share`). */
  field?: string;
  value?: string;
  /** What is wrong and what to do, in one sentence a user can act on. */
  message: string;
}
