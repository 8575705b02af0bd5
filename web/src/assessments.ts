/**
 * The shapes of the assessments API (GET and POST /api/assessments) as the web reads and
 * sends them, and the pure helpers over them: a record's request body from the form's
 * texts, and which companies' levels drop within the window of a lapsing list. The
 * server answers with these shapes (AssessmentSchema of the API contract); nothing here
 * decides a status or a level — the server does, as of the request's date.
 *
 * @example
 *   assessmentBody('ota-springs', { level: '3', method: 'expert', assessedOn: '2026-05-01', validUntil: '', evidence: '' });
 *   // { company: 'ota-springs', level: 3, method: 'expert', assessedOn: '2026-05-01' }
 */
import type {
  Assessment,
  AssessmentListResponse,
  AssessmentRecordResponse,
  Lapsing,
} from '../../src/contract/api-types.ts';

export type { Assessment } from '../../src/contract/api-types.ts';
export type AssessmentMethod = NonNullable<Assessment['method']>;
/** GET /api/assessments?company=&asOf=: newest first within a company. */
export type AssessmentList = AssessmentListResponse;
/** POST /api/assessments: the new network version and the row as recorded. */
export type AssessmentRecorded = AssessmentRecordResponse;

/** The body of POST /api/assessments. */
export interface AssessmentInput {
  company: string;
  level: number;
  method?: AssessmentMethod;
  assessedOn: string;
  validUntil?: string;
  evidence?: string;
}

/** What the form holds: texts as typed ('' = not given). */
export interface AssessmentDraft {
  level: string;
  method: '' | AssessmentMethod;
  assessedOn: string;
  validUntil: string;
  evidence: string;
}

export const METHODS: readonly AssessmentMethod[] = ['self', 'expert', 'third-party'];

/** The request body of the draft for `company`; empty optional fields are left out (the server checks the rest). */
export function assessmentBody(company: string, draft: AssessmentDraft): AssessmentInput {
  const body: AssessmentInput = { company, level: Number(draft.level), assessedOn: draft.assessedOn.trim() };
  if (draft.method) body.method = draft.method;
  if (draft.validUntil.trim()) body.validUntil = draft.validUntil.trim();
  if (draft.evidence.trim()) body.evidence = draft.evidence.trim();
  return body;
}

/**
 * The companies of a lapsing list whose level drops when the assessment lapses (each
 * once): those the map marks. A lapse another valid assessment covers keeps the level,
 * and is not marked.
 */
export function lapsingCompanies(
  items: readonly Pick<Lapsing, 'id' | 'level' | 'levelAfter' | 'unassessedAfter'>[],
): Set<string> {
  return new Set(items.filter((l) => l.unassessedAfter || l.levelAfter < l.level).map((l) => l.id));
}
