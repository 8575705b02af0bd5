/**
 * The executive view's toolbar (not printed): back to the map, the focal company
 * picker (disabled with a single focal company), the shared security budget with its
 * compact reading ("= ¥50M"), and print / save as PDF.
 *
 * @example
 *   <Toolbar store={store} reload={() => void track(store.load())} onClose={() => …} />
 */
import { formatYen } from '../replay.ts';
import { t } from '../i18n.ts';
import { shortName } from '../to-elements.ts';
import type { ExecutiveStore } from './state.ts';
import { Downloads } from '../downloads.tsx';

interface Props {
  store: ExecutiveStore;
  /** Fetches again with the state chosen. */
  reload(): void;
  onClose(): void;
}

export function Toolbar({ store, reload, onClose }: Props) {
  const data = store.data.value;
  const focal = data?.focal ?? [];
  const budget = Number(store.budget.value);
  return (
    <div class="exec-toolbar no-print">
      <button id="exec-back" type="button" onClick={onClose}>
        {t('web.exec.back')}
      </button>
      <span class="exec-focal">
        <label class="exec-focal-label" for="exec-focal">
          {t('web.exec.company')}
        </label>
        <select
          id="exec-focal"
          aria-label={t('web.exec.focalCompany')}
          disabled={focal.length <= 1}
          value={store.focal.value ?? ''}
          onChange={(e) => {
            store.focal.value = e.currentTarget.value || undefined;
            reload();
          }}
        >
          {!data ? null : focal.length === 0 ? (
            <option value="">{t('web.exec.wholeNetwork')}</option>
          ) : (
            focal.map((f) => (
              <option key={f.id} value={f.id}>
                {shortName(f.name)}
              </option>
            ))
          )}
        </select>
      </span>
      <form
        class="exec-budget"
        onSubmit={(e) => {
          e.preventDefault();
          reload();
        }}
      >
        <label for="exec-budget">{t('web.exec.budget')}</label>
        <input
          id="exec-budget"
          type="number"
          min={0}
          step={1_000_000}
          inputMode="numeric"
          aria-label={t('web.exec.budgetLabel')}
          value={store.budget.value}
          onInput={(e) => (store.budget.value = e.currentTarget.value)}
        />
        <span class="muted small" id="exec-budget-hint">
          {budget > 0 ? `= ${formatYen(budget)}` : ''}
        </span>
        <button id="exec-update" type="submit">
          {t('web.exec.update')}
        </button>
      </form>
      <span class="spacer" />
      {store.download && <Downloads what="plan" fetch={store.download} />}
      <button
        id="exec-print"
        type="button"
        class="primary"
        title={t('web.exec.printTitle')}
        onClick={() => window.print()}
      >
        {t('web.exec.print')}
      </button>
    </div>
  );
}
