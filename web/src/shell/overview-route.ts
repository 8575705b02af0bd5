/**
 * The overview of the whole network (`#overview` in the address) over the map, or the
 * map: the store's `overviewOpen` follows the address (back and forward included), and
 * the page follows the store (body class, the overview's section shown or hidden).
 */
import { effect } from '@preact/signals';
import type { Store } from '../state.ts';

export interface OverviewRoute {
  /** Reads the address into the store (acts once per change). */
  route(): void;
  /** Opens (`on`) or closes the overview, adding a history entry. */
  show(on: boolean): void;
}

export function createOverviewRoute(store: Store, section: HTMLElement, onOpen: () => void): OverviewRoute {
  const isOn = (): boolean => location.hash === '#overview';
  function route(): void {
    const on = isOn();
    if (on === store.overviewOpen.value) return;
    store.overviewOpen.value = on;
    if (on) onOpen();
  }
  effect(() => {
    const on = store.overviewOpen.value;
    document.body.classList.toggle('overview-mode', on);
    section.hidden = !on;
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('popstate', route);
  return {
    route,
    show(on) {
      if (on !== isOn()) history.pushState(null, '', on ? '#overview' : location.pathname + location.search);
      route();
    },
  };
}
