/**
 * The level editor's pure parts: the form's text to the PATCH body (checked first) and
 * the sentences of the outcome.
 */
import { describe, expect, it } from 'vitest';
import {
  assessmentText,
  CONFLICT_TEXT,
  initialForm,
  LEVEL_ERROR,
  parseEditForm,
  refusalSentence,
  savedSentence,
  SCORE_ERROR,
} from '../../web/src/panel/level-edit.ts';

describe('initialForm', () => {
  it('opens with the own level, empty when unassessed, and no score', () => {
    expect(initialForm({ unassessed: false, ownLevel: 2 })).toEqual({ level: '2', score: '' });
    expect(initialForm({ unassessed: true, ownLevel: 0 })).toEqual({ level: '', score: '' });
  });
});

describe('parseEditForm', () => {
  it('turns a level and an empty score into the body (the empty score clears it)', () => {
    expect(parseEditForm({ level: '3', score: '' })).toEqual({ ok: true, body: { scsLevel: 3, securityScore: null } });
    expect(parseEditForm({ level: '', score: ' 72.5 ' })).toEqual({
      ok: true,
      body: { scsLevel: null, securityScore: 72.5 },
    });
    expect(parseEditForm({ level: '0', score: '100' })).toEqual({
      ok: true,
      body: { scsLevel: 0, securityScore: 100 },
    });
  });
  it('refuses a level outside the whole numbers 0–5', () => {
    for (const level of ['6', '-1', '2.5', 'three', '33'])
      expect(parseEditForm({ level, score: '' })).toEqual({ ok: false, errors: { level: LEVEL_ERROR } });
  });
  it('refuses a score outside 0–100 or not a number, naming each wrong field', () => {
    for (const score of ['101', '-3', 'abc', '1e2', '50%'])
      expect(parseEditForm({ level: '2', score })).toEqual({ ok: false, errors: { score: SCORE_ERROR } });
    expect(parseEditForm({ level: '9', score: '200' })).toEqual({
      ok: false,
      errors: { level: LEVEL_ERROR, score: SCORE_ERROR },
    });
  });
});

describe('savedSentence', () => {
  const result = (previous: { scsLevel: number | null; securityScore: number | null }, changed = true) => ({
    version: changed ? 'v2' : 'v1',
    previousVersion: 'v1',
    company: { id: 'k', scsLevel: 3, securityScore: null },
    previous,
  });
  it('says what changed and that the analysis is updated', () => {
    expect(savedSentence(result({ scsLevel: 2, securityScore: null }))).toBe(
      'Saved: ★2 → ★3. The analysis is updated.',
    );
    expect(savedSentence(result({ scsLevel: 4, securityScore: 88 }))).toBe(
      'Saved: ★4 (score 88) → ★3. The analysis is updated.',
    );
    expect(savedSentence(result({ scsLevel: null, securityScore: null }))).toBe(
      'Saved: unassessed → ★3. The analysis is updated.',
    );
  });
  it('says nothing changed when the version stayed', () => {
    expect(savedSentence(result({ scsLevel: 3, securityScore: null }, false))).toBe('No change: it is already ★3.');
  });
  it('names a score without a level', () => {
    expect(assessmentText({ scsLevel: null, securityScore: 40 })).toBe('score 40');
  });
});

describe('refusalSentence', () => {
  it('asks for a reload on a 409 and passes the server message on otherwise', () => {
    expect(refusalSentence(409, 'version v1 is not current')).toBe(CONFLICT_TEXT);
    expect(refusalSentence(403, 'This needs an analyst token.')).toBe('This needs an analyst token.');
    expect(refusalSentence(null, 'Failed to fetch')).toBe('Failed to fetch');
  });

  it('on the 409 of a level that comes from assessments, points to recording an assessment instead of a reload', () => {
    const message =
      'scsLevel: the level of "t1" comes from its assessments (as of the analysis date), not from scsLevel; record an assessment with POST /api/assessments instead';
    expect(refusalSentence(409, message)).toBe(
      'Its level comes from its assessments as of the analysis date, not from this editor: record an assessment below instead.',
    );
    expect(refusalSentence(409, message)).not.toBe(CONFLICT_TEXT);
  });
});
