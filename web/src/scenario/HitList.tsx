/**
 * The companies a scenario hits: the map's selection as chips (× removes one), and the
 * box that adds one by name or id.
 *
 * @example
 *   <HitList app={app} />
 */
import { t } from '../i18n.ts';
import { shortName } from '../to-elements.ts';
import { useNames, type ScenarioApp } from './app.ts';
import { CompanySearch } from './CompanySearch.tsx';

export function HitList({ app }: { app: ScenarioApp }) {
  const { ctx, store } = app;
  const ids = store.selection.value;
  const nameOf = useNames(app);
  const add = (id: string): void => {
    if (!ctx.selection().includes(id)) ctx.setSelection([...ctx.selection(), id]);
  };
  return (
    <>
      <label>{t('web.scn.hitLabel')}</label>
      <div class="scenario-hit">
        {ids.length === 0 ? (
          <p class="muted small">{t('web.scn.hitHint')}</p>
        ) : (
          ids.map((id) => (
            <span key={id} class="chip" data-id={id} title={id}>
              {shortName(nameOf(id))}
              <button
                class="chip-x"
                type="button"
                title={t('web.shell.remove')}
                onClick={() => ctx.setSelection(ctx.selection().filter((s) => s !== id))}
              >
                ×
              </button>
            </span>
          ))
        )}
      </div>
      <CompanySearch app={app} id="scenario-add" placeholder={t('web.scn.addPlaceholder')} onPick={(c) => add(c.id)} />
    </>
  );
}
