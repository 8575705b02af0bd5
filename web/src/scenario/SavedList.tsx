/**
 * The saved scenarios: save the run shown under a name (analyst; a viewer's 403 is said
 * plainly), the list (Load replays one, × deletes it), and the picker of two to compare.
 *
 * @example
 *   <SavedList app={app} />
 */
import { t } from '../i18n.ts';
import { useState } from 'preact/hooks';
import { useNames, type ScenarioApp } from './app.ts';
import { comparePicks } from './state.ts';
import { savedLine } from './text.ts';

export function SavedList({ app }: { app: ScenarioApp }) {
  const { ctx, store, actions } = app;
  const [name, setName] = useState('');
  const [picked, setPicked] = useState({ a: '', b: '' });
  const saved = store.saved.value;
  const message = store.message.value;
  const nameOf = useNames(app);
  const names = saved.map((s) => s.name);
  const picks = comparePicks(names, picked.a, picked.b);
  const select = (which: 'a' | 'b', label: string) => (
    <select
      id={`compare-${which}`}
      aria-label={label}
      value={picks[which]}
      onChange={(e) => setPicked({ ...picks, [which]: e.currentTarget.value })}
    >
      {names.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
  return (
    <div class="scenario-saved">
      <h3>{t('web.scn.savedTitle')}</h3>
      <form
        class="save-row"
        onSubmit={(e) => {
          e.preventDefault();
          void ctx.track(actions.save(name.trim()).then((ok) => ok && setName('')));
        }}
      >
        <input
          id="scenario-name"
          type="text"
          placeholder={t('web.scn.namePlaceholder')}
          maxLength={80}
          autocomplete="off"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button id="scenario-save" type="submit">
          {t('web.edit.save')}
        </button>
      </form>
      <p
        id="scenario-message"
        class={message ? `scenario-message ${message.error ? 'error' : 'ok'}` : 'scenario-message'}
        role="status"
        hidden={message === null}
      >
        {message?.text}
      </p>
      <ul class="saved-list">
        {saved.length === 0 && <li class="muted empty">{t('web.scn.noneSaved')}</li>}
        {saved.map((s) => (
          <li key={s.name} data-name={s.name}>
            <div class="saved-text">
              <strong>{s.name}</strong>
              <span class="muted small">{savedLine(s, nameOf)}</span>
            </div>
            <button
              type="button"
              data-action="load"
              title={t('web.scn.replayIt')}
              onClick={() => void ctx.track(actions.load(s.name))}
            >
              {t('web.scn.load')}
            </button>
            <button
              type="button"
              class="icon-button"
              data-action="delete"
              title={t('web.scn.delete')}
              aria-label={t('web.scn.deleteName', { name: s.name })}
              onClick={() => void ctx.track(actions.remove(s.name))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="compare-row">
        <span class="muted">{t('web.scn.compare')}</span>
        {select('a', t('web.scn.scenarioA'))}
        <span class="muted">{t('web.scn.with')}</span>
        {select('b', t('web.scn.scenarioB'))}
        <button
          id="compare-run"
          type="button"
          disabled={names.length < 2}
          onClick={() => void ctx.track(actions.compare(picks.a, picks.b))}
        >
          {t('web.scn.compare')}
        </button>
      </div>
    </div>
  );
}
