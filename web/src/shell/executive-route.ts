/**
 * The executive view (`#executive` in the address) over the map, or the map: the store's
 * `executiveOpen` follows the address (back and forward included), and the page follows
 * the store (body class, the section shown, the title in the page's language).
 */
import { effect } from '@preact/signals';
import { t } from '../i18n.ts';
import type { Store } from '../state.ts';

export interface ExecutiveRoute {
  /** Reads the address into the store (acts once per change). */
  route(): void;
  /** Opens (`on`) or closes the executive view, adding a history entry. */
  show(on: boolean): void;
}

export function createExecutiveRoute(store: Store, section: HTMLElement, onOpen: () => void): ExecutiveRoute {
  const isOn = (): boolean => location.hash === '#executive';
  function route(): void {
    const on = isOn();
    if (on === store.executiveOpen.value) return;
    store.executiveOpen.value = on;
    if (on) onOpen();
  }
  effect(() => {
    const on = store.executiveOpen.value;
    document.body.classList.toggle('executive-mode', on);
    section.hidden = !on;
    document.title = on ? t('web.page.titleExecutive') : t('web.page.title');
  });
  // Back and forward between the map and the report: either event may come, route() acts once.
  window.addEventListener('hashchange', route);
  window.addEventListener('popstate', route);
  return {
    route,
    show(on) {
      if (on !== isOn()) history.pushState(null, '', on ? '#executive' : location.pathname + location.search);
      route();
    },
  };
}
