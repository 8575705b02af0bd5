/**
 * What the page exposes to tests as `window.__weaklink` (the `WeaklinkHandle` of
 * main.ts): the Cytoscape instance, a `ready` promise (first view drawn) and
 * `pending()` (requests, redraws and debounced searches in flight).
 */
import type { Core } from 'cytoscape';
import type { ApiClient } from '../api-client.ts';
import type { SupplyMap } from '../map.ts';
import type { Store } from '../state.ts';

export interface WeaklinkHandle {
  readonly cy: Core;
  ready: Promise<void>;
  isReady: boolean;
  /** `performance.now()` when the first view had been drawn (ms since navigation). */
  readyAt: number | null;
  /** The renderer of the current instance. */
  readonly renderer: 'canvas' | 'webgl';
  /** Requests and redraws in flight; 0 when the page is idle. */
  pending(): number;
}

/** The handle, and `markReady` which resolves its `ready` and stamps `readyAt`. */
export function createHandle(
  store: Store,
  api: ApiClient,
  map: SupplyMap,
): { handle: WeaklinkHandle; markReady(): void } {
  let resolve: () => void = () => {};
  const handle: WeaklinkHandle = {
    get cy() {
      return map.cy;
    },
    ready: new Promise<void>((done) => (resolve = done)),
    isReady: false,
    readyAt: null,
    get renderer() {
      return map.webgl ? 'webgl' : 'canvas';
    },
    pending: () => store.busy.value + api.pending(),
  };
  const markReady = (): void => {
    handle.readyAt = performance.now();
    handle.isReady = true;
    resolve();
  };
  return { handle, markReady };
}

/** Resolves after Cytoscape has drawn a frame (or after a second, whichever is first). */
export function firstRender(cy: Core): Promise<void> {
  return new Promise((done) => {
    const timer = window.setTimeout(done, 1000);
    cy.one('render', () => {
      window.clearTimeout(timer);
      done();
    });
  });
}
