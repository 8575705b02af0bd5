/**
 * The handle on the drawer's top edge: drag it (or focus it and press ↑/↓, 40 px a
 * press) to make the tables taller or shorter. The height lives in the store and in
 * sessionStorage, so it lasts the session.
 *
 * @example
 *   <ResizeHandle host={drawerElement} store={store} />
 */
import { useLayoutEffect } from 'preact/hooks';
import { t } from '../i18n.ts';
import { clampHeight, DRAWER_HEIGHT, type TabsStore } from './state.ts';

const KEY = 'weaklink.drawer.height';
const STEP = 40;

function saved(): number | null {
  try {
    return Number(sessionStorage.getItem(KEY)) || null;
  } catch {
    return null; // Storage may be unavailable (private mode).
  }
}

export function ResizeHandle({ host, store }: { host: HTMLElement; store: TabsStore }) {
  const set = (px: number): void => {
    const height = clampHeight(px, window.innerHeight);
    store.height.value = height;
    try {
      sessionStorage.setItem(KEY, String(height));
    } catch {
      // The height then lasts until reload.
    }
  };
  /** The drawer's height now (the stored one where the page has no layout, as in tests). */
  const current = (): number => host.getBoundingClientRect().height || store.height.value || DRAWER_HEIGHT.min;

  useLayoutEffect(() => {
    const height = saved();
    if (height !== null) set(height);
  }, []);

  const onPointerDown = (down: PointerEvent): void => {
    if (store.collapsed.value) return;
    const handle = down.currentTarget as HTMLElement;
    down.preventDefault();
    handle.setPointerCapture?.(down.pointerId);
    const startY = down.clientY;
    const startHeight = current();
    const move = (e: PointerEvent): void => set(startHeight + (startY - e.clientY));
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    set(current() + (e.key === 'ArrowUp' ? STEP : -STEP));
  };

  return (
    <div
      class="drawer-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('web.tabs.resize')}
      aria-valuemin={DRAWER_HEIGHT.min}
      aria-valuemax={DRAWER_HEIGHT.max}
      aria-valuenow={store.height.value ?? undefined}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
