/** The header's buttons: the executive view (or back to the map) and sign out (when a token is stored). */
import type { Store } from '../state.ts';

export interface HeaderButtonsProps {
  store: Store;
  onExecutive(): void;
  onSignOut(): void;
}

export function HeaderButtons({ store, onExecutive, onSignOut }: HeaderButtonsProps) {
  const on = store.executiveOpen.value;
  return (
    <>
      <button id="exec-open" class="exec-open" type="button" aria-pressed={on ? 'true' : 'false'} onClick={onExecutive}>
        {on ? 'Back to the map' : 'Executive view'}
      </button>
      <button id="sign-out" class="sign-out" type="button" hidden={!store.signedIn.value} onClick={onSignOut}>
        Sign out
      </button>
    </>
  );
}
