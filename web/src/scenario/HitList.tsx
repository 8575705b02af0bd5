/**
 * The companies a scenario hits: the map's selection as chips (× removes one), and the
 * box that adds one by name or id.
 *
 * @example
 *   <HitList app={app} />
 */
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
      <label>Companies hit</label>
      <div class="scenario-hit">
        {ids.length === 0 ? (
          <p class="muted small">Shift-click companies on the map, or add them below.</p>
        ) : (
          ids.map((id) => (
            <span key={id} class="chip" data-id={id} title={id}>
              {shortName(nameOf(id))}
              <button
                class="chip-x"
                type="button"
                title="Remove"
                onClick={() => ctx.setSelection(ctx.selection().filter((s) => s !== id))}
              >
                ×
              </button>
            </span>
          ))
        )}
      </div>
      <CompanySearch app={app} id="scenario-add" placeholder="Add a company: name or id…" onPick={(c) => add(c.id)} />
    </>
  );
}
