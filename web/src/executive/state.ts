/**
 * The executive view's state as signals: the last answer of GET /api/executive, the
 * error of the last request, whether one is in flight, the budget typed, the focal
 * company chosen and the assumptions changed for the session (kept in sessionStorage,
 * sent with every request, never written to the server). `load` fetches with all of
 * them; an answer older than the latest request is dropped.
 *
 * @example
 *   const store = createExecutiveStore({ api, storage: sessionStorage });
 *   await store.load();
 *   store.data.value?.loss.expectedAnnualLoss;
 */
import { t } from '../i18n.ts';
import { signal, type Signal } from '@preact/signals';
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { queryString } from '../api-client.ts';
import type { ApiClient, ExecutiveParams } from '../api-client.ts';
import { assumptionQuery, readStored, STORAGE_KEY, type AssumptionText } from './assumptions.ts';

export interface ExecutiveStore {
  data: Signal<ExecutiveResponse | null>;
  /** The last request's failure, shown instead of the report. */
  error: Signal<string | null>;
  busy: Signal<boolean>;
  /** The budget as typed (yen). */
  budget: Signal<string>;
  focal: Signal<string | undefined>;
  /** The assumptions the session changed; null: the server's defaults. */
  changed: Signal<AssumptionText | null>;
  /** Fetches with the budget, focal company and assumptions; rejects on failure (after setting `error`). */
  load(): Promise<void>;
  /** Keeps `text` for the session (sessionStorage) and fetches; null resets to the defaults. */
  setAssumptions(text: AssumptionText | null): Promise<void>;
  /** The current view's plan and top contributors as a spreadsheet (when the API client can download). */
  download?(format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename: string }>;
}

export interface StoreDeps {
  api: Pick<ApiClient, 'executive'> & Partial<Pick<ApiClient, 'download'>>;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
}

/** The query of the current state: a non-negative budget, the focal company, the changed assumptions. */
export function paramsOf(budget: string, focal: string | undefined, changed: AssumptionText | null): ExecutiveParams {
  const value = Number(budget);
  const p: ExecutiveParams = {};
  if (budget.trim() !== '' && Number.isFinite(value) && value >= 0) p.budget = value;
  if (focal) p.focal = focal;
  return changed ? { ...p, ...assumptionQuery(changed) } : p;
}

export function createExecutiveStore({ api, storage }: StoreDeps): ExecutiveStore {
  const data = signal<ExecutiveResponse | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const budget = signal('');
  const focal = signal<string | undefined>(undefined);
  const changed = signal<AssumptionText | null>(readStored(storage));
  let latest = 0;

  async function load(): Promise<void> {
    const ticket = ++latest;
    busy.value = true;
    try {
      const answer = await api.executive(paramsOf(budget.value, focal.value, changed.value));
      if (ticket !== latest) return;
      data.value = answer;
      error.value = null;
      budget.value = String(answer.plan.budget);
      focal.value = answer.scope?.id;
    } catch (e) {
      if (ticket === latest)
        error.value = t('web.exec.failed', { message: e instanceof Error ? e.message : String(e) });
      throw e;
    } finally {
      if (ticket === latest) busy.value = false;
    }
  }

  function setAssumptions(text: AssumptionText | null): Promise<void> {
    changed.value = text;
    try {
      if (text) storage?.setItem(STORAGE_KEY, JSON.stringify(text));
      else storage?.removeItem(STORAGE_KEY);
    } catch {
      // A full or refused storage only loses the memory of the change, not the change.
    }
    return load();
  }

  const fetchFile = api.download;
  const download = fetchFile
    ? (format: 'csv' | 'xlsx') =>
        fetchFile(`/api/executive${queryString({ ...paramsOf(budget.value, focal.value, changed.value) })}`, format)
    : undefined;
  return { data, error, busy, budget, focal, changed, load, setAssumptions, ...(download ? { download } : {}) };
}
