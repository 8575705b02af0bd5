/**
 * The self-assessment view (`#assess`, analysts): the Preact component `AssessView`
 * (assess/) over its signal store (assess/state.ts), mounted into its section of the page.
 * The store lives as long as the page, so leaving for the map and coming back keeps the
 * workbooks read and the heat map's orders.
 *
 * @example
 *   const view = createAssessView(section, { api, onClose: () => router.show(false), onFocus: (id) => focus(id) });
 *   view.store.result.value;
 */
import { h, render } from 'preact';
import type { ApiClient } from './api-client.ts';
import { AssessView } from './assess/AssessView.tsx';
import { createAssessStore, type AssessStore } from './assess/state.ts';

export interface AssessContext {
  api: Pick<ApiClient, 'assess' | 'download'>;
  /** Back to the map. */
  onClose(): void;
  /** Focuses a company on the map (leaving this view). */
  onFocus(id: string): void;
}

export function createAssessView(container: HTMLElement, ctx: AssessContext): { store: AssessStore } {
  const store = createAssessStore({ api: ctx.api });
  container.replaceChildren();
  render(h(AssessView, { store, onClose: ctx.onClose, onFocus: ctx.onFocus }), container);
  return { store };
}
