/**
 * The pure parts of the level editor: the form's text to the body of
 * PATCH /api/companies/:id (checked first: a level is a whole ★0–★5 or unassessed, a
 * score 0–100 or empty), and the sentences of the outcome.
 *
 * @example
 *   parseEditForm({ level: '3', score: '' }); // { ok: true, body: { scsLevel: 3, securityScore: null } }
 *   savedSentence(result); // "Saved: ★2 → ★3. The analysis is updated."
 */
import { t } from '../i18n.ts';
import type { CompanyEditResponse } from '../../../src/contract/api-types.ts';

/** The editor's fields as typed: `level` '' (unassessed) or '0'–'5'; `score` '' (none) or 0–100. */
export interface EditForm {
  level: string;
  score: string;
}

export interface EditBody {
  scsLevel: number | null;
  securityScore: number | null;
}

export type ParsedEdit = { ok: true; body: EditBody } | { ok: false; errors: { level?: string; score?: string } };

/** The English messages (web.edit.* in src/i18n/locales/; the page shows them in its language). */
export const LEVEL_ERROR = 'A level is a whole number from 0 to 5, or unassessed.';
export const SCORE_ERROR = 'A score is a number from 0 to 100, or empty.';
export const CONFLICT_TEXT = 'The network changed since you opened it — reload to edit the current version.';
export const NO_VERSION_TEXT = 'The network version is not known yet — reload the page to edit.';

/** The form a company opens with: its own level (empty when unassessed) and no score. */
export function initialForm(company: { unassessed: boolean; ownLevel: number }): EditForm {
  return { level: company.unassessed ? '' : String(company.ownLevel), score: '' };
}

/** Checks the form; an empty score clears the score (the level then decides). */
export function parseEditForm(form: EditForm): ParsedEdit {
  const errors: { level?: string; score?: string } = {};
  const levelText = form.level.trim();
  const scoreText = form.score.trim();
  let scsLevel: number | null = null;
  let securityScore: number | null = null;
  if (levelText !== '') {
    if (/^[0-5]$/.test(levelText)) scsLevel = Number(levelText);
    else errors.level = t('web.edit.levelError');
  }
  if (scoreText !== '') {
    const score = /^\d+(\.\d+)?$/.test(scoreText) ? Number(scoreText) : NaN;
    if (score >= 0 && score <= 100) securityScore = score;
    else errors.score = t('web.edit.scoreError');
  }
  if (errors.level || errors.score) return { ok: false, errors };
  return { ok: true, body: { scsLevel, securityScore } };
}

/** "★3", "★3 (score 72)", "unassessed", "score 72". */
export function assessmentText(value: { scsLevel: number | null; securityScore: number | null }): string {
  const level = value.scsLevel === null ? null : `★${value.scsLevel}`;
  if (value.securityScore === null) return level ?? t('web.panel.unassessed');
  const score = t('web.edit.score', { score: value.securityScore });
  return level === null ? score : `${level} (${score})`;
}

/** "Saved: ★2 → ★3. The analysis is updated." — or "No change: it is already ★3." */
export function savedSentence(result: CompanyEditResponse): string {
  const after = assessmentText(result.company);
  if (result.version === result.previousVersion) return t('web.edit.noChange', { after });
  return t('web.edit.saved', { before: assessmentText(result.previous), after });
}

/**
 * What a refused edit says: a 409 on the level of a company whose level comes from its
 * assessments (the server's message names `scsLevel`) points to "Record an assessment";
 * any other 409 asks for a reload; anything else (a 403 included) is the server's message.
 */
export function refusalSentence(status: number | null, message: string): string {
  if (status !== 409) return message;
  return message.startsWith('scsLevel:') ? t('web.edit.fromAssessments') : t('web.edit.conflict');
}
