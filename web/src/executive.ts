/**
 * The executive view (`#executive`): one page per focal company from GET /api/executive
 * — expected annual loss, 1-in-100-year loss, exceedance chart, the plan for a shared
 * budget, the worst single event, the assessments lapsing soon, the top contributors, the assumptions (changeable for
 * the session). The page is the Preact component `ExecutiveReport` (executive/) over a
 * signal store (executive/state.ts); this file mounts it and keeps the map's entry point.
 *
 * @example
 *   const view = createExecutiveView(section, { api, track, summary: () => s, onClose: () => (location.hash = '') });
 *   await view.show();
 */
import { h, render } from 'preact';
import type { ExecutiveResponse, LapsingListResponse, SummaryResponse } from '../../src/contract/api-types.ts';
import type { ApiClient } from './api-client.ts';
import { ExecutiveReport } from './executive/ExecutiveReport.tsx';
import { createExecutiveStore } from './executive/state.ts';

export interface ExecutiveContext {
  api: ApiClient;
  /** Runs `work` counted as pending; a failure is shown (toast) and gives undefined. */
  track<T>(work: Promise<T>): Promise<T | undefined>;
  /** The network summary, when loaded (for θ in the footnote). */
  summary(): SummaryResponse | null;
  /** The page's lapsing list (as of its date, within its window), when loaded; read as a signal. */
  lapsing(): LapsingListResponse | null;
  /** Back to the map. */
  onClose(): void;
}

export interface ExecutiveView {
  /** Fetches (again, with the budget, focal company and assumptions chosen) and draws the report. */
  show(): Promise<void>;
  /** The last answer drawn. */
  readonly data: ExecutiveResponse | null;
}

/** The session's storage, or none where it is refused (a sandboxed frame). */
function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function createExecutiveView(container: HTMLElement, ctx: ExecutiveContext): ExecutiveView {
  const store = createExecutiveStore({ api: ctx.api, storage: sessionStore() });
  container.replaceChildren();
  render(
    h(ExecutiveReport, { store, track: ctx.track, summary: ctx.summary, lapsing: ctx.lapsing, onClose: ctx.onClose }),
    container,
  );
  return {
    show: () => store.load(),
    get data() {
      return store.data.value;
    },
  };
}
