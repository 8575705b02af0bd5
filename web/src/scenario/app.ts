/**
 * What every component of the Scenario tab is handed (the page's context, the store and
 * the actions), and `useNames`, the names of companies for a component.
 *
 * @example
 *   const app: ScenarioApp = { ctx, store, actions: createActions(ctx, store) };
 *   const nameOf = useNames(app);
 */
import type { ScenarioActions } from './actions.ts';
import type { ScenarioContext, ScenarioStore } from './state.ts';
import type { NameOf } from './text.ts';

/** What every component of the tab is handed: the page's context, the store and the actions. */
export interface ScenarioApp {
  ctx: ScenarioContext;
  store: ScenarioStore;
  actions: ScenarioActions;
}

/**
 * `ctx.nameOf` for a component: it reads `store.view`, so the component draws again when
 * names are learned or the map's view changes.
 */
export function useNames(app: ScenarioApp): NameOf {
  const version = app.store.view.value;
  return (id) => (version >= 0 ? app.ctx.nameOf(id) : id);
}
