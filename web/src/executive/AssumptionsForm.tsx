/**
 * The assumptions behind every money figure, changeable for the session: the hit
 * likelihood base and decay, the outage durations, the loss ratio and the lift costs.
 * `AssumptionsForm` checks the fields before anything is sent (checkAssumptions) and
 * names the faulty entry under its field; `AssumptionsPanel` is the collapsible box
 * around it, with a badge when the session changed them.
 *
 * @example
 *   <AssumptionsForm initial={text} onApply={(t) => store.setAssumptions(t)} onReset={() => store.setAssumptions(null)} />
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { checkAssumptions, type AssumptionErrors, type AssumptionKey, type AssumptionText } from './assumptions.ts';

/** The fields, their label and hint keys (web.assumptions.*); the lift costs share one hint. */
const FIELDS: { key: AssumptionKey; hint: string }[] = [
  { key: 'hitBase', hint: 'hitBaseHint' },
  { key: 'hitDecay', hint: 'hitDecayHint' },
  { key: 'durations', hint: 'durationsHint' },
  { key: 'lossRatio', hint: 'lossRatioHint' },
  { key: 'costsSme', hint: 'levels' },
  { key: 'costsLarge', hint: 'levels' },
];

interface FormProps {
  initial: AssumptionText;
  onApply(text: AssumptionText): void;
  onReset(): void;
}

export function AssumptionsForm({ initial, onApply, onReset }: FormProps) {
  const [text, setText] = useState(initial);
  const [errors, setErrors] = useState<AssumptionErrors>({});
  const submit = (e: Event): void => {
    e.preventDefault();
    const checked = checkAssumptions(text);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) onApply(text);
  };
  return (
    <form id="exec-assumptions-form" onSubmit={submit} noValidate>
      {FIELDS.map(({ key, hint }) => (
        <label key={key} class={errors[key] ? 'assumption invalid' : 'assumption'}>
          <span>{t(`web.assumptions.${key}`)}</span>
          <input
            name={key}
            value={text[key]}
            spellcheck={false}
            aria-invalid={errors[key] ? 'true' : undefined}
            aria-describedby={errors[key] ? `exec-error-${key}` : undefined}
            onInput={(e) => setText({ ...text, [key]: e.currentTarget.value })}
          />
          {errors[key] ? (
            <small class="assumption-error" id={`exec-error-${key}`} role="alert">
              {errors[key]}
            </small>
          ) : (
            <small class="muted">{t(`web.assumptions.${hint}`)}</small>
          )}
        </label>
      ))}
      <div class="assumption-actions">
        <button type="submit" class="primary" id="exec-assumptions-apply">
          {t('web.assumptions.apply')}
        </button>
        <button type="button" id="exec-assumptions-reset" onClick={onReset}>
          {t('web.assumptions.reset')}
        </button>
      </div>
    </form>
  );
}

interface PanelProps extends FormProps {
  changed: boolean;
}

export function AssumptionsPanel({ changed, initial, onApply, onReset }: PanelProps) {
  return (
    <details class="exec-assumptions no-print" id="exec-assumptions">
      <summary>
        {t('web.assumptions.title')}
        {changed ? (
          <span class="badge warn">{t('web.assumptions.changed')}</span>
        ) : (
          <span class="muted">{t('web.assumptions.defaults')}</span>
        )}
      </summary>
      {/* A new form (fresh fields) whenever the assumptions in force change. */}
      <AssumptionsForm key={JSON.stringify(initial)} initial={initial} onApply={onApply} onReset={onReset} />
    </details>
  );
}
