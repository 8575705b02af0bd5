/**
 * The scenario form: the companies hit, the what-ifs, the days down and Run (POST
 * /api/scenario). A problem with the form is said under it.
 *
 * @example
 *   <RunForm app={app} />
 */
import { t } from '../i18n.ts';
import type { ScenarioApp } from './app.ts';
import { HitList } from './HitList.tsx';
import { MAX_DAYS } from './state.ts';
import { WhatIf } from './WhatIf.tsx';

export function RunForm({ app }: { app: ScenarioApp }) {
  const { ctx, store, actions } = app;
  const error = store.formError.value;
  return (
    <form
      class="scenario-form"
      onSubmit={(e) => {
        e.preventDefault();
        void ctx.track(actions.run());
      }}
    >
      <h3>{t('web.scn.title')}</h3>
      <HitList app={app} />
      <WhatIf app={app} />
      <div class="days-row">
        <label for="scenario-days">{t('web.scn.daysDown')}</label>
        <input
          id="scenario-days"
          type="number"
          min={1}
          max={MAX_DAYS}
          step={1}
          value={store.days.value}
          onInput={(e) => (store.days.value = e.currentTarget.value)}
        />
        <button id="scenario-run" class="primary danger" type="submit" disabled={store.selection.value.length === 0}>
          {store.whatIf.value.length > 0 ? t('web.scn.runWithWhatIfs') : t('web.scn.run')}
        </button>
      </div>
      <p id="scenario-form-error" class="error small" role="alert" hidden={error === null}>
        {error}
      </p>
      <p class="muted small form-note">{t('web.scn.runNote')}</p>
    </form>
  );
}
