/**
 * The header's buttons: upload a network (admins), the executive view (or back to the
 * map) and sign out (when a token is stored).
 */
import { NetworkUpload, type UploadContext } from '../edit/upload.tsx';
import type { Store } from '../state.ts';

export interface HeaderButtonsProps {
  store: Store;
  onExecutive(): void;
  onSignOut(): void;
  /** The network upload, shown to admins. */
  upload: UploadContext;
}

export function HeaderButtons({ store, onExecutive, onSignOut, upload }: HeaderButtonsProps) {
  const on = store.executiveOpen.value;
  return (
    <>
      {store.role.value === 'admin' && (
        <div class="upload-slot">
          <NetworkUpload ctx={upload} />
        </div>
      )}
      <button id="exec-open" class="exec-open" type="button" aria-pressed={on ? 'true' : 'false'} onClick={onExecutive}>
        {on ? 'Back to the map' : 'Executive view'}
      </button>
      <button id="sign-out" class="sign-out" type="button" hidden={!store.signedIn.value} onClick={onSignOut}>
        Sign out
      </button>
    </>
  );
}
