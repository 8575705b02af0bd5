/**
 * "Edit level" (analyst, admin): the company's ★ level (0–5 or unassessed) and an
 * optional security score (0–100; it wins over the level), checked before sending; Save
 * sends PATCH /api/companies/:id on the network version the panel shows. A saved edit
 * says what changed ("Saved: ★2 → ★3. The analysis is updated.") and calls `onEdited`;
 * a 409 asks for a reload; a 403 shows the server's message.
 *
 * @example
 *   <LevelEditor company={detail.company} edit={ctx.edit} />
 */
import { t } from '../i18n.ts';
import { useState } from 'preact/hooks';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { ApiRequestError } from '../api-client.ts';
import { lastEdit, type PanelEdit } from './context.ts';
import { initialForm, parseEditForm, refusalSentence, savedSentence, type EditForm } from './level-edit.ts';
import './panel.css';

const LEVELS = ['0', '1', '2', '3', '4', '5'];

export function LevelEditor({ company, edit }: { company: CompanyDetailResponse['company']; edit: PanelEdit }) {
  const [form, setForm] = useState<EditForm | null>(null);
  const [errors, setErrors] = useState<{ level?: string; score?: string }>({});
  const [saving, setSaving] = useState(false);
  const outcome = lastEdit.value?.id === company.id ? lastEdit.value : null;

  async function save(current: EditForm): Promise<void> {
    const parsed = parseEditForm(current);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    const version = edit.version();
    if (version === null) {
      lastEdit.value = { id: company.id, text: t('web.edit.noVersion'), saved: false };
      return;
    }
    setSaving(true);
    try {
      const result = await edit.api.editCompany(company.id, { version, ...parsed.body });
      lastEdit.value = { id: company.id, text: savedSentence(result), saved: true };
      setForm(null);
      edit.onEdited(result);
    } catch (error) {
      const status = error instanceof ApiRequestError ? error.status : null;
      const message = error instanceof Error ? error.message : String(error);
      lastEdit.value = { id: company.id, text: refusalSentence(status, message), saved: false };
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="level-edit">
      {form === null ? (
        <button type="button" data-action="edit-level" onClick={() => setForm(initialForm(company))}>
          {t('web.edit.edit')}
        </button>
      ) : (
        <form
          class="level-edit-form"
          aria-label={t('web.edit.edit')}
          onSubmit={(event) => {
            event.preventDefault();
            void save(form);
          }}
        >
          <label for="edit-level">{t('web.edit.level')}</label>
          <select
            id="edit-level"
            value={form.level}
            onChange={(e) => setForm({ ...form, level: e.currentTarget.value })}
          >
            <option value="">{t('web.panel.unassessed')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>{`★${l}`}</option>
            ))}
          </select>
          {errors.level && <span class="field-error">{errors.level}</span>}
          <label for="edit-score">{t('web.edit.scoreLabel')}</label>
          <input
            id="edit-score"
            type="text"
            inputMode="decimal"
            autocomplete="off"
            placeholder={t('web.edit.scorePlaceholder')}
            value={form.score}
            onInput={(e) => setForm({ ...form, score: e.currentTarget.value })}
            aria-invalid={errors.score ? true : undefined}
          />
          {errors.score && <span class="field-error">{errors.score}</span>}
          <div class="level-edit-actions">
            <button type="submit" class="primary" disabled={saving}>
              {saving ? t('web.edit.saving') : t('web.edit.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                setForm(null);
                setErrors({});
              }}
            >
              {t('web.edit.cancel')}
            </button>
          </div>
        </form>
      )}
      {outcome && (
        <p class={outcome.saved ? 'edit-outcome saved' : 'edit-outcome refused'} role="status">
          {outcome.text}
        </p>
      )}
    </div>
  );
}
