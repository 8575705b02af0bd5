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
import { checkAssumptions, type AssumptionErrors, type AssumptionKey, type AssumptionText } from './assumptions.ts';

const LEVELS = 'one level each: ★0→1, 1→2, 2→3, 3→4, 4→5';
const FIELDS: { key: AssumptionKey; label: string; hint: string }[] = [
  {
    key: 'hitBase',
    label: 'Hit likelihood base',
    hint: 'p(s) = min(1, base × decay^score): the yearly chance an unassessed company (score 0) is hit',
  },
  {
    key: 'hitDecay',
    label: 'Hit likelihood decay',
    hint: 'per score point; 0.975 makes a score-100 company 12.6× less likely to be hit',
  },
  { key: 'durations', label: 'Outage durations', hint: 'full-stop days:probability, …; the probabilities sum to 1' },
  {
    key: 'lossRatio',
    label: 'Loss ratio',
    hint: 'share of revenue a stopped day loses: 1 = revenue at risk, ~0.2 = gross margin',
  },
  { key: 'costsSme', label: 'Lift costs, SME (¥, once)', hint: LEVELS },
  { key: 'costsLarge', label: 'Lift costs, large (¥, once)', hint: LEVELS },
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
      {FIELDS.map(({ key, label, hint }) => (
        <label key={key} class={errors[key] ? 'assumption invalid' : 'assumption'}>
          <span>{label}</span>
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
            <small class="muted">{hint}</small>
          )}
        </label>
      ))}
      <div class="assumption-actions">
        <button type="submit" class="primary" id="exec-assumptions-apply">
          Apply for this session
        </button>
        <button type="button" id="exec-assumptions-reset" onClick={onReset}>
          Reset to the defaults
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
        Assumptions
        {changed ? (
          <span class="badge warn">changed for this session</span>
        ) : (
          <span class="muted"> — the documented defaults; open to change them</span>
        )}
      </summary>
      {/* A new form (fresh fields) whenever the assumptions in force change. */}
      <AssumptionsForm key={JSON.stringify(initial)} initial={initial} onApply={onApply} onReset={onReset} />
    </details>
  );
}
