/**
 * The analysis date's actions: choose the date (kept in the address as `?asOf=`, then
 * everything that reads the analysis is loaded again as of it), choose the lapsing
 * window, load the lapsing list (which marks the map's companies whose level lapses
 * within the window), and refresh everything after the network changed (an assessment
 * recorded). One lapsing list per (date, window, network version) is asked at a time:
 * the tab and the map share it.
 *
 * @example
 *   const asOf = createAsOfActions(shell, { loadOverview, reloadTables, refreshPanel, refreshExecutive });
 *   await asOf.setAsOf('2031-03-01');
 */
import type { LapsingListResponse } from '../../../src/contract/api-types.ts';
import { lapsingCompanies } from '../assessments.ts';
import { searchWithAsOf } from '../as-of.ts';
import type { Shell } from './context.ts';

/** Lapsing rows asked of the API at most (its largest page). */
export const LAPSING_LIMIT = 500;

export interface AsOfDeps {
  /** Loads the map's overview again. */
  loadOverview(): Promise<void>;
  /** Forgets the drawer's tables (the open one loads again). */
  reloadTables(): void;
  /** Shows the selected company's details again. */
  refreshPanel(): Promise<void>;
  /** Loads the executive view again when it is open. */
  refreshExecutive(): Promise<void>;
  /** The overview of the whole network forgets its answer (and draws the new one when shown). */
  refreshWholeNetwork?(): Promise<void>;
  /** Writes the address (default: history.replaceState). */
  writeSearch?(search: string): void;
}

export interface AsOfActions {
  /** The lapsing list of the date and window (shared while the question is the same); marks the map. */
  loadLapsing(): Promise<LapsingListResponse>;
  /** Another window (days): the list and the mark follow. */
  setWindow(days: number): Promise<LapsingListResponse>;
  /** Another analysis date (null: today): the address keeps it and everything loads again. */
  setAsOf(date: string | null): Promise<void>;
  /** Everything that reads the analysis, again (the network changed). */
  refresh(): Promise<void>;
}

export function createAsOfActions(shell: Shell, deps: AsOfDeps): AsOfActions {
  const { store, api, map } = shell;
  let shared: { key: string; list: Promise<LapsingListResponse> } | null = null;

  function loadLapsing(): Promise<LapsingListResponse> {
    const days = store.lapsingDays.value;
    const key = `${store.asOf.value ?? ''}|${days}|${store.summary.value?.version ?? ''}`;
    if (shared?.key === key) return shared.list;
    const list = api.lapsing({ days, limit: LAPSING_LIMIT }).then((answer) => {
      if (shared?.key === key) {
        store.lapsing.value = answer;
        map.showLapsing(lapsingCompanies(answer.items));
      }
      return answer;
    });
    const entry = { key, list };
    shared = entry;
    list.catch(() => {
      if (shared === entry) shared = null;
    });
    return list;
  }

  async function refresh(): Promise<void> {
    store.summary.value = await api.summary();
    deps.reloadTables();
    await Promise.all([loadLapsing(), deps.loadOverview()]);
    await deps.refreshPanel();
    if (store.executiveOpen.value) await deps.refreshExecutive();
    await deps.refreshWholeNetwork?.();
  }

  const writeSearch =
    deps.writeSearch ??
    ((search: string) => history.replaceState(history.state, '', location.pathname + search + location.hash));

  return {
    loadLapsing,
    setWindow(days) {
      store.lapsingDays.value = days;
      return loadLapsing();
    },
    setAsOf(date) {
      store.asOf.value = date;
      writeSearch(searchWithAsOf(location.search, date));
      return refresh();
    },
    refresh,
  };
}
