/**
 * Use cases "list the assessments as of a date" and "record an assessment". A listed
 * assessment carries its last valid day resolved (its own `validUntil`, else assessedOn +
 * the level's validity, an assumption: options.ts) and its status on the as-of date:
 * `valid` from assessedOn to that day inclusive, `not-yet` before, `lapsed` after. The list
 * is in the network's company order, each company's newest first (assessedOn descending;
 * on the same day the one recorded later first).
 *
 * A recorded assessment is checked by the rules of a row of assessments.csv
 * (src/io/assessment-rows.ts), with its messages naming the API's fields; any error is a
 * UsageError naming the first bad field. It is appended to the network's assessments (a
 * network without an assessments table gets one), so the company's level then comes from
 * its assessments, as for a loaded file.
 *
 * @example
 *   const { network: next, assessment } = recordAssessment(network, { company: 'ota', level: 3,
 *     method: 'expert', assessedOn: '2027-04-01' });
 *   listAssessments(network, { asOf: '2027-05-01', validity: [0, 2, 2, 1, 3, 3] }, 'ota');
 */
import { isValidOn, todayUtc, validUntil } from '../analysis/levels-as-of.ts';
import type { AnalysisOptions } from '../analysis/options.ts';
import type { Assessment as AssessmentItem, AssessmentListResponse } from '../contract/api-types.ts';
import { NotFoundError, UsageError } from '../errors.ts';
import { AssessmentRows, type AssessmentFieldNames } from '../io/assessment-rows.ts';
import { IssueLog } from '../io/issue-log.ts';
import type { InputRecord, TableRows } from '../io/table-spec.ts';
import type { Assessment, Network } from '../model/types.ts';

/** The API's names of the columns of assessments.csv, for the messages. */
export const FIELD_NAMES: AssessmentFieldNames = Object.freeze({
  company: 'company',
  level: 'level',
  method: 'method',
  assessed_on: 'assessedOn',
  valid_until: 'validUntil',
  evidence: 'evidence',
});

/** What resolves a listed assessment: the as-of date (YYYY-MM-DD) and the validity in years of levels 0–5. */
export interface AssessmentDating {
  asOf: string;
  validity: readonly number[];
}

/** The dating of resolved analysis options. */
export function datingOf(options: Pick<AnalysisOptions, 'asOf' | 'validity'>): AssessmentDating {
  return { asOf: options.asOf ?? todayUtc(), validity: options.validity };
}

/** An assessment as recorded through the API (POST /api/assessments); optional fields may be null or absent. */
export interface AssessmentInput {
  company: string;
  level: number;
  method?: string | null | undefined;
  assessedOn: string;
  validUntil?: string | null | undefined;
  evidence?: string | null | undefined;
}

/** `assessment` as the API lists it, as of `dating.asOf`. */
export function assessmentItem(assessment: Assessment, dating: AssessmentDating): AssessmentItem {
  const until = validUntil(assessment, dating.validity);
  const status = isValidOn(assessment, dating.asOf, dating.validity)
    ? 'valid'
    : dating.asOf < assessment.assessedOn
      ? 'not-yet'
      : 'lapsed';
  return {
    company: assessment.company,
    level: assessment.level,
    method: assessment.method,
    assessedOn: assessment.assessedOn,
    validUntil: until,
    validUntilGiven: assessment.validUntil !== null,
    evidence: assessment.evidence,
    status,
  };
}

/**
 * The assessments of `network` (of company `company` only, when given) as of `dating.asOf`,
 * sorted as the module comment says; throws NotFoundError (`company`) for an unknown company.
 */
export function listAssessments(
  network: Pick<Network, 'companies' | 'assessments'>,
  dating: AssessmentDating,
  company?: string,
): AssessmentListResponse {
  const order = new Map(network.companies.map((c, i) => [c.id, i]));
  if (company !== undefined && !order.has(company))
    throw new NotFoundError(`Unknown company id "${company}"; search with GET /api/companies?q=…`, company, 'company');
  const rows = (network.assessments ?? [])
    .map((assessment, at) => ({ assessment, at, rank: order.get(assessment.company) ?? -1 }))
    .filter((r) => company === undefined || r.assessment.company === company);
  rows.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.assessment.assessedOn < b.assessment.assessedOn
        ? 1
        : a.assessment.assessedOn > b.assessment.assessedOn
          ? -1
          : 0) ||
      b.at - a.at,
  );
  return { asOf: dating.asOf, assessments: rows.map((r) => assessmentItem(r.assessment, dating)) };
}

/** The input as a row of assessments.csv, located by the API's field names. */
function inputRecord(input: AssessmentInput): InputRecord {
  const cells: Record<string, string> = {
    company: input.company,
    level: String(input.level),
    method: input.method ?? '',
    assessed_on: input.assessedOn,
    valid_until: input.validUntil ?? '',
    evidence: input.evidence ?? '',
  };
  const locate = (_ref: number, column: string) => ({
    file: 'request body',
    field: FIELD_NAMES[column as keyof AssessmentFieldNames] ?? column,
  });
  const rows: TableRows = { describe: () => 'the request body', locate };
  return { ref: 0, rows, get: (column) => (cells[column] ?? '').trim(), at: (column) => locate(0, column) };
}

/**
 * `network` with `input` appended to its assessments (the input network is not changed),
 * and the assessment as stored; a UsageError names the first field that breaks a rule.
 */
export function recordAssessment(
  network: Network,
  input: AssessmentInput,
): { network: Network; assessment: Assessment } {
  const log = new IssueLog();
  const ids = network.companies.map((c) => c.id);
  const slots = { ids, slotOf: new Map(ids.map((id, i) => [id, i])) };
  const rows = new AssessmentRows(log, slots, true, 'the network', FIELD_NAMES);
  rows.add(inputRecord(input));
  const errors = log.issues().filter((issue) => issue.severity === 'error');
  const assessment = rows.assessments[0];
  if (errors.length > 0 || assessment === undefined) {
    const message = errors.map((issue) => issue.message).join('. Also: ');
    throw new UsageError(message || 'the assessment was not recorded; check its fields', errors[0]?.field);
  }
  const assessments = [...(network.assessments ?? []), assessment];
  return { network: { ...network, assessments }, assessment };
}
