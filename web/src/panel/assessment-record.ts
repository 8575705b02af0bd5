/**
 * "Record an assessment" (analyst, admin), without the page: the form's first texts, the
 * request it sends (POST /api/assessments through the API client), and what the panel
 * says afterwards — the recorded row ("Recorded: ★3 by expert, valid until 2027-04-30.
 * The analysis is updated.") or the server's refusal, its message shown by the field it
 * names (level, method, assessedOn, validUntil, evidence; anything else above the form).
 * The server checks every rule (levels 1–5, ISO dates, validUntil after assessedOn, the
 * method fits the level); nothing is checked twice here.
 *
 * @example
 *   const outcome = await recordAssessment(api, 'ota-springs', draft);
 *   if (outcome.ok) onRecorded(outcome.recorded);
 */
import { ApiRequestError, type ApiClient } from '../api-client.ts';
import { assessmentBody, type AssessmentDraft, type AssessmentRecorded } from '../assessments.ts';
import { formatLevel } from '../format.ts';
import { t } from '../i18n.ts';

/** The form's fields a refusal can be shown by. */
export const FORM_FIELDS = ['level', 'method', 'assessedOn', 'validUntil', 'evidence'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type RecordOutcome =
  { ok: true; recorded: AssessmentRecorded; text: string } | { ok: false; field: FormField | null; message: string };

/** A new draft: ★3 by an expert, assessed on the analysis date, the default validity, no evidence. */
export function initialDraft(assessedOn: string): AssessmentDraft {
  return { level: '3', method: 'expert', assessedOn, validUntil: '', evidence: '' };
}

/** The form field a server error names ("validUntil", "body.validUntil"), or null for another. */
export function fieldOf(name: string | null): FormField | null {
  const last = name?.split('.').pop() ?? '';
  return (FORM_FIELDS as readonly string[]).includes(last) ? (last as FormField) : null;
}

/** "Recorded: ★3 by expert, valid until 2027-04-30. The analysis is updated." */
export function recordedSentence({ assessment: a }: AssessmentRecorded): string {
  const method = a.method ? t(`web.assessments.methods.${a.method}`) : t('web.assessments.noMethod');
  return t('web.assessments.recorded', { level: formatLevel(a.level), method, until: a.validUntil });
}

/** Sends the draft for `company`; never throws: a refusal comes back with the field it names. */
export async function recordAssessment(
  api: Pick<ApiClient, 'recordAssessment'>,
  company: string,
  draft: AssessmentDraft,
): Promise<RecordOutcome> {
  try {
    const recorded = await api.recordAssessment(assessmentBody(company, draft));
    return { ok: true, recorded, text: recordedSentence(recorded) };
  } catch (error) {
    if (error instanceof ApiRequestError) {
      if (error.status === 403) return { ok: false, field: null, message: t('web.assessments.forbidden') };
      return { ok: false, field: fieldOf(error.field), message: error.message };
    }
    return { ok: false, field: null, message: error instanceof Error ? error.message : String(error) };
  }
}
