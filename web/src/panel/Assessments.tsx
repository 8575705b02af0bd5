/**
 * The company's assessments in the panel (GET /api/assessments?company=&asOf=): each row's
 * level, method, assessed on, valid until (marked when it is the level's default) and
 * evidence, with its status as of the analysis date — valid, lapsed or not yet valid.
 * For an analyst or admin, "Record an assessment" opens a small form (level, method,
 * assessed on, valid until, evidence) that POSTs to /api/assessments; the server's
 * refusal shows by the field it names, and a recorded one refreshes the analysis
 * (`onRecorded`). The list loads again whenever the panel's detail changes.
 *
 * @example
 *   <Assessments company="ota-springs" detail={detail} ctx={ctx.assessments} />
 */
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { Assessment, AssessmentDraft, AssessmentList, AssessmentRecorded } from '../assessments.ts';
import { METHODS } from '../assessments.ts';
import type { ApiClient } from '../api-client.ts';
import { formatLevel } from '../format.ts';
import { t } from '../i18n.ts';
import { initialDraft, recordAssessment, type FormField } from './assessment-record.ts';
import './panel.css';

export interface PanelAssessments {
  api: Pick<ApiClient, 'assessments' | 'recordAssessment'>;
  /** Analysts and admins may record one. */
  canRecord: boolean;
  /** The analysis date (YYYY-MM-DD): the form's first "assessed on". */
  asOf(): string;
  /** After a recorded assessment: the page loads the analysis again. */
  onRecorded(result: AssessmentRecorded): void;
}

/** The sentence of the last recorded assessment, by company (kept while the panel redraws). */
export const lastRecorded = signal<{ id: string; text: string } | null>(null);

type ListLoad =
  { status: 'loading' } | { status: 'ready'; list: AssessmentList } | { status: 'error'; message: string };

function Row({ a }: { a: Assessment }) {
  const method = a.method ? t(`web.assessments.methods.${a.method}`) : t('web.assessments.noMethod');
  return (
    <li class={`assessment ${a.status}`} data-status={a.status}>
      <span class="assessment-level">{formatLevel(a.level)}</span>{' '}
      <span class={`badge status-${a.status}`}>{t(`web.assessments.status.${a.status}`)}</span>{' '}
      <span class="muted">
        {t('web.assessments.row', { method, from: a.assessedOn, until: a.validUntil })}
        {a.validUntilGiven ? '' : t('web.assessments.defaultValidity')}
      </span>
      {a.evidence && <div class="assessment-evidence">{a.evidence}</div>}
    </li>
  );
}

function RecordForm({ company, ctx, onDone }: { company: string; ctx: PanelAssessments; onDone(): void }) {
  const [draft, setDraft] = useState<AssessmentDraft>(() => initialDraft(ctx.asOf()));
  const [error, setError] = useState<{ field: FormField | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<AssessmentDraft>): void => setDraft({ ...draft, ...patch });
  const errorOf = (field: FormField) =>
    error?.field === field ? (
      <span class="field-error" data-field-error={field}>
        {error.message}
      </span>
    ) : null;
  const invalid = (field: FormField) => (error?.field === field ? true : undefined);

  async function submit(): Promise<void> {
    setSaving(true);
    const outcome = await recordAssessment(ctx.api, company, draft);
    setSaving(false);
    if (!outcome.ok) {
      setError({ field: outcome.field, message: outcome.message });
      return;
    }
    setError(null);
    lastRecorded.value = { id: company, text: outcome.text };
    onDone();
    ctx.onRecorded(outcome.recorded);
  }

  return (
    <form
      class="assessment-form"
      aria-label={t('web.assessments.record')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {error && error.field === null && (
        <p class="field-error" data-field-error="">
          {error.message}
        </p>
      )}
      <label for="assess-level">{t('web.assessments.level')}</label>
      <select
        id="assess-level"
        value={draft.level}
        aria-invalid={invalid('level')}
        onChange={(e) => set({ level: e.currentTarget.value })}
      >
        {['1', '2', '3', '4', '5'].map((l) => (
          <option key={l} value={l}>{`★${l}`}</option>
        ))}
      </select>
      {errorOf('level')}
      <label for="assess-method">{t('web.assessments.method')}</label>
      <select
        id="assess-method"
        value={draft.method}
        aria-invalid={invalid('method')}
        onChange={(e) => set({ method: e.currentTarget.value as AssessmentDraft['method'] })}
      >
        <option value="">{t('web.assessments.noMethod')}</option>
        {METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`web.assessments.methods.${m}`)}
          </option>
        ))}
      </select>
      {errorOf('method')}
      <label for="assess-on">{t('web.assessments.assessedOn')}</label>
      <input
        id="assess-on"
        type="date"
        value={draft.assessedOn}
        aria-invalid={invalid('assessedOn')}
        onInput={(e) => set({ assessedOn: e.currentTarget.value })}
      />
      {errorOf('assessedOn')}
      <label for="assess-until">{t('web.assessments.validUntil')}</label>
      <input
        id="assess-until"
        type="date"
        value={draft.validUntil}
        aria-invalid={invalid('validUntil')}
        onInput={(e) => set({ validUntil: e.currentTarget.value })}
      />
      {errorOf('validUntil')}
      <label for="assess-evidence">{t('web.assessments.evidence')}</label>
      <input
        id="assess-evidence"
        type="text"
        autocomplete="off"
        maxLength={2000}
        placeholder={t('web.assessments.evidencePlaceholder')}
        value={draft.evidence}
        aria-invalid={invalid('evidence')}
        onInput={(e) => set({ evidence: e.currentTarget.value })}
      />
      {errorOf('evidence')}
      <div class="level-edit-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('web.edit.saving') : t('web.assessments.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('web.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

export function Assessments({ company, detail, ctx }: { company: string; detail: unknown; ctx: PanelAssessments }) {
  const [load, setLoad] = useState<ListLoad>({ status: 'loading' });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    ctx.api.assessments(company).then(
      (list) => current && setLoad({ status: 'ready', list }),
      (error: unknown) =>
        current && setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [company, detail, ctx.api]);
  const outcome = lastRecorded.value?.id === company ? lastRecorded.value : null;
  const rows = load.status === 'ready' ? load.list.assessments : [];
  return (
    <section class="panel-section assessments" data-assessments={load.status}>
      <h3>{t('web.assessments.title', { n: rows.length })}</h3>
      {load.status === 'loading' && <p class="muted">{t('web.tabs.loading')}</p>}
      {load.status === 'error' && <p class="muted">{t('web.assessments.failed', { message: load.message })}</p>}
      {load.status === 'ready' &&
        (rows.length === 0 ? (
          <p class="muted">{t('web.assessments.none')}</p>
        ) : (
          <ul class="assessment-list">
            {rows.map((a) => (
              <Row key={`${a.assessedOn}:${a.level}:${a.method ?? ''}`} a={a} />
            ))}
          </ul>
        ))}
      {outcome && (
        <p class="edit-outcome saved" role="status">
          {outcome.text}
        </p>
      )}
      {ctx.canRecord &&
        (open ? (
          <RecordForm company={company} ctx={ctx} onDone={() => setOpen(false)} />
        ) : (
          <button type="button" data-action="record-assessment" onClick={() => setOpen(true)}>
            {t('web.assessments.record')}
          </button>
        ))}
    </section>
  );
}
