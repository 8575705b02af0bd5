/**
 * What the shell's actions share: the store, the API client, the map, the panel element,
 * `track` (counts work in flight and turns a failure into the sign-in dialog or a toast),
 * `nameOf`, and the hooks other areas listen on (the Scenario tab).
 */
import { ApiRequestError, type ApiClient } from '../api-client.ts';
import type { SupplyMap } from '../map.ts';
import type { Store } from '../state.ts';
import { readToken } from './token.ts';

export interface ShellHooks {
  /** The selection changed. */
  selectionChanged(): void;
  /** The map's view changed. */
  viewChanged(): void;
  /** The network changed under the analysis (an assessment recorded): everything loads again. */
  analysisChanged(): Promise<void>;
}

export interface Shell {
  readonly store: Store;
  readonly api: ApiClient;
  readonly map: SupplyMap;
  readonly panel: HTMLElement;
  hooks: ShellHooks;
  /** Runs `work`, counted as busy; a failure shows (sign-in for a 401, else a toast) and resolves undefined. */
  track<T>(work: Promise<T>): Promise<T | undefined>;
  /** The company's name: from the map, the names cache, else its id. */
  nameOf(id: string): string;
}

export function createShell(store: Store, api: ApiClient, map: SupplyMap, panel: HTMLElement): Shell {
  return {
    store,
    api,
    map,
    panel,
    hooks: { selectionChanged: () => {}, viewChanged: () => {}, analysisChanged: () => Promise.resolve() },
    async track<T>(work: Promise<T>): Promise<T | undefined> {
      store.busy.value++;
      try {
        return await work;
      } catch (error) {
        showError(store, error);
        return undefined;
      } finally {
        store.busy.value--;
      }
    },
    nameOf: (id) => map.node(id)?.name ?? store.names.get(id) ?? id,
  };
}

/** A 401 opens the sign-in dialog (with the server's message when a token was refused); anything else is a toast. */
export function showError(store: Store, error: unknown): void {
  if (error instanceof ApiRequestError && error.status === 401) {
    store.auth.value = { open: true, message: readToken() === null ? null : error.message };
    return;
  }
  showToast(store, error instanceof Error ? error.message : String(error), 'error');
}

/** Shows `text` in the toast for a while (6 s for an error, 3 s for information). */
export function showToast(store: Store, text: string, kind: 'error' | 'info'): void {
  const toast = { text, kind };
  store.toast.value = toast;
  window.setTimeout(
    () => {
      if (store.toast.value === toast) store.toast.value = null;
    },
    kind === 'error' ? 6000 : 3000,
  );
}
