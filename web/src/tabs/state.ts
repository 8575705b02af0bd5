/**
 * The drawer's state as signals: the open tab, collapsed or not, the height the user
 * gave it, and each tab's load (idle → loading → ready | error). A tab loads the first
 * time it opens; a failed load is tried again on the next open; `reset()` forgets every
 * load (a load still in flight is then dropped when it answers) and reloads the open tab;
 * `reload(id)` loads one tab again.
 *
 * @example
 *   const store = createTabsStore({ 'weak-links': () => api.weakLinks(), … });
 *   await store.open('weak-links'); // store.loads['weak-links'].value.status === 'ready'
 */
import { signal, type Signal } from '@preact/signals';
import { t } from '../i18n.ts';
import type {
  AggregateResponse,
  ConcentrationResponse,
  HiddenCriticalResponse,
  LapsingListResponse,
  LevelGapsResponse,
  SingleSourcesResponse,
  UnassessedResponse,
  WeakLinksResponse,
} from '../../../src/contract/api-types.ts';

export const TAB_IDS = [
  'weak-links',
  'sources',
  'level-gaps',
  'unassessed',
  'lapsing',
  'concentration',
  'aggregates',
  'scenario',
] as const;
export type TabId = (typeof TAB_IDS)[number];

/** A tab's title in the page's language ("Weak links" / "弱点"). */
export function tabTitle(id: TabId): string {
  return t(`web.tabs.titles.${id}`);
}

/** What each tab loads (the Scenario tab draws itself: nothing to keep). */
export interface TabData {
  'weak-links': WeakLinksResponse;
  sources: { single: SingleSourcesResponse; hidden: HiddenCriticalResponse };
  'level-gaps': LevelGapsResponse;
  unassessed: UnassessedResponse;
  lapsing: LapsingListResponse;
  concentration: ConcentrationResponse;
  /** By country; the tab fetches the grouping by industry itself. */
  aggregates: AggregateResponse;
  scenario: void;
}

export type Load<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export type Loaders = { [K in TabId]: () => Promise<TabData[K]> };

export interface TabsStore {
  active: Signal<TabId | null>;
  collapsed: Signal<boolean>;
  /** The height the user dragged the drawer to (px), or null for the stylesheet's. */
  height: Signal<number | null>;
  loads: { [K in TabId]: Signal<Load<TabData[K]>> };
  /** Shows the tab (and the drawer), loading it when it is not loaded yet. */
  open(id: TabId): Promise<void>;
  reset(): void;
  /** Loads tab `id` again now (its question changed), keeping the others. */
  reload(id: TabId): Promise<void>;
}

export function createTabsStore(loaders: Loaders): TabsStore {
  const loads = Object.fromEntries(TAB_IDS.map((id) => [id, signal<Load<unknown>>({ status: 'idle' })])) as {
    [K in TabId]: Signal<Load<TabData[K]>>;
  };
  const pending = new Map<TabId, Promise<void>>();
  let generation = 0;

  async function load<K extends TabId>(id: K): Promise<void> {
    const mine = generation;
    const slot = loads[id] as Signal<Load<TabData[K]>>;
    slot.value = { status: 'loading' };
    try {
      const value = await loaders[id]();
      if (mine === generation) slot.value = { status: 'ready', value };
    } catch (error) {
      if (mine === generation)
        slot.value = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      if (mine === generation) pending.delete(id);
    }
  }

  function ensure(id: TabId): Promise<void> {
    const status = loads[id].value.status;
    if (status === 'ready') return Promise.resolve();
    if (status === 'loading') return pending.get(id) ?? Promise.resolve();
    const promise = load(id);
    pending.set(id, promise);
    return promise;
  }

  const store: TabsStore = {
    active: signal<TabId | null>(null),
    collapsed: signal(false),
    height: signal<number | null>(null),
    loads,
    open(id) {
      store.active.value = id;
      store.collapsed.value = false;
      return ensure(id);
    },
    reset() {
      generation++;
      pending.clear();
      for (const id of TAB_IDS) loads[id].value = { status: 'idle' };
      if (store.active.value !== null) void ensure(store.active.value);
    },
    reload(id) {
      pending.delete(id);
      loads[id].value = { status: 'idle' };
      return ensure(id);
    },
  };
  return store;
}

/** Smallest and largest drawer height (px; the largest also at most 80 % of the window). */
export const DRAWER_HEIGHT = { min: 120, max: 900 } as const;

/** A drawer height (px) within its bounds for a window `viewport` pixels high, whole. */
export function clampHeight(px: number, viewport: number): number {
  return Math.round(Math.max(DRAWER_HEIGHT.min, Math.min(DRAWER_HEIGHT.max, viewport * 0.8, px)));
}
