/**
 * The self-assessment view (`#assess` in the address) over the map, or the map: the
 * store's `assessOpen` follows the address (back and forward included), and the page
 * follows the store (body class `assess-mode`, the section shown, the title in the page's
 * language). Opening it from the executive view leaves that view (its route reads the
 * same address).
 */
import { effect } from '@preact/signals';
import { t } from '../i18n.ts';
import type { Store } from '../state.ts';

export const ASSESS_HASH = '#assess';

export interface AssessRoute {
  /** Reads the address into the store (acts once per change). */
  route(): void;
  /** Opens (`on`) or closes the view, adding a history entry. */
  show(on: boolean): void;
}

export function createAssessRoute(store: Store, section: HTMLElement): AssessRoute {
  const isOn = (): boolean => location.hash === ASSESS_HASH;
  function route(): void {
    const on = isOn();
    if (on !== store.assessOpen.value) store.assessOpen.value = on;
  }
  effect(() => {
    const on = store.assessOpen.value;
    document.body.classList.toggle('assess-mode', on);
    section.hidden = !on;
    if (on) document.title = t('web.page.titleAssess');
    else if (!store.executiveOpen.peek()) document.title = t('web.page.title');
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('popstate', route);
  return {
    route,
    show(on) {
      if (on !== isOn()) history.pushState(null, '', on ? ASSESS_HASH : location.pathname + location.search);
      route();
    },
  };
}
