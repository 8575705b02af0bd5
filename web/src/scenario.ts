/**
 * The Scenario tab: "what if these companies are hit for N days?" — and what if the
 * network were changed first. The companies are the map's selection; Run posts
 * POST /api/scenario (with the what-ifs, and without them for the before/after) and the
 * answer is replayed day by day on the map, with the revenue at risk per day as an
 * Observable Plot chart. Runs are saved, loaded, deleted and compared two at a time.
 * This file adapts the Preact components of scenario/ to the map page: the store,
 * the actions and the three calls main.ts makes.
 *
 * @example
 *   const scenario = createScenarioTab({ api, map, selection: () => ids, setSelection, nameOf, remember, track, bringIntoView, onReplay });
 *   await scenario.mount(pane);
 */
import { createElement, render } from 'preact';
import { createActions } from './scenario/actions.ts';
import { ScenarioTab as ScenarioTabView } from './scenario/ScenarioTab.tsx';
import { createStore, type ScenarioContext } from './scenario/state.ts';

export { DEFAULT_DAYS, MAX_DAYS, PLAY_STEP_MS, type ScenarioContext } from './scenario/state.ts';

export interface ScenarioTab {
  mount(pane: HTMLElement): Promise<void>;
  /** The map's selection changed. */
  selectionChanged(): void;
  /** The map view changed (what is in view may differ). */
  viewChanged(): void;
}

export function createScenarioTab(ctx: ScenarioContext): ScenarioTab {
  const store = createStore();
  const actions = createActions(ctx, store);
  const app = { ctx, store, actions };
  return {
    async mount(pane) {
      store.selection.value = [...ctx.selection()];
      pane.replaceChildren();
      render(createElement(ScenarioTabView, { app }), pane);
      await actions.refreshSaved();
    },
    selectionChanged: () => {
      store.selection.value = [...ctx.selection()];
    },
    viewChanged: () => {
      if (store.shown.value && ctx.map.replaying) actions.setDay(store.day.value);
      else store.view.value++;
    },
  };
}
