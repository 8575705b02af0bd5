/**
 * The tables under the map, one tab each (components in tabs/, drawer.tsx), each loaded
 * from its analysis endpoint the first time it opens, over a store of signals
 * (tabs/state.ts). The last tab, Scenario, is drawn by scenario.ts (`renderScenario`).
 *
 * @example
 *   const tabs = createTabs(el, api, { onFocus: (id) => focus(id), nameOf: (id) => id, … });
 *   await tabs.open('level-gaps');
 */
import { createElement, createRef, render } from 'preact';
import type { LapsingListResponse, UnassessedResponse } from '../../src/contract/api-types.ts';
import type { ApiClient } from './api-client.ts';
import { Drawer } from './tabs/drawer.tsx';
import { createTabsStore, type TabId } from './tabs/state.ts';

export { TAB_IDS, type TabId } from './tabs/state.ts';

/** Rows asked of the API and drawn per table at most (the API's largest page). */
export const ROW_LIMIT = 500;
/** Weak links asked of the API. */
export const WEAK_LINK_LIMIT = 50;

export interface TabsContext {
  onFocus(id: string): void;
  /** A display name for a company id (the id when unknown). */
  nameOf(id: string): string;
  /** The focal companies, id → name (reasons name them instead of their ids). */
  focal(): ReadonlyMap<string, string>;
  /** Draws the Scenario tab into its pane (scenario.ts), once. */
  renderScenario(pane: HTMLElement): Promise<void>;
  /** The lapsing list of the analysis date and the chosen window (the page's, which also marks the map). */
  lapsing(): Promise<LapsingListResponse>;
  /** The Lapsing tab's window was changed (days): the page keeps it and asks the list again. */
  onLapsingWindow(days: number): void;
}

export interface Tabs {
  open(id: TabId): Promise<void>;
  /** Forget loaded tables (the network or the analysis date changed). */
  reset(): void;
  /** Loads one tab again (its question changed). */
  reload(id: TabId): Promise<void>;
}

export function createTabs(container: HTMLElement, api: ApiClient, ctx: TabsContext): Tabs {
  const scenarioPane = createRef<HTMLDivElement>();
  const store = createTabsStore({
    'weak-links': () => api.weakLinks({ limit: WEAK_LINK_LIMIT }),
    sources: async () => {
      const [single, hidden] = await Promise.all([
        api.singleSources({ limit: ROW_LIMIT }),
        api.hiddenCritical({ limit: ROW_LIMIT }),
      ]);
      return { single, hidden };
    },
    'level-gaps': () => api.levelGaps({ limit: ROW_LIMIT }),
    unassessed: () => api.section<UnassessedResponse>('unassessed', { limit: ROW_LIMIT }),
    lapsing: () => ctx.lapsing(),
    concentration: () => api.concentration({ limit: ROW_LIMIT }),
    aggregates: () => api.aggregate('country'),
    scenario: () => ctx.renderScenario(scenarioPane.current!),
  });
  container.replaceChildren();
  const view = {
    ...ctx,
    download: (slug: string, format: 'csv' | 'xlsx') => api.download(`/api/analysis/${slug}`, format),
    aggregates: { table: api.aggregate, companies: api.aggregateCompanies },
  };
  render(createElement(Drawer, { host: container, store, view, scenarioPane }), container);
  return { open: (id) => store.open(id), reset: () => store.reset(), reload: (id) => store.reload(id) };
}
