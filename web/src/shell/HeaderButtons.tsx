/**
 * The header's buttons: the language switch, upload a network (admins), the overview of
 * the whole network (or back to the map), the self-assessments (analysts and admins; or
 * back to the map), the executive view (or back to the map) and sign out (when a token is
 * stored).
 */
import { NetworkUpload, type UploadContext } from '../edit/upload.tsx';
import { t } from '../i18n.ts';
import type { Store } from '../state.ts';
import { LangSwitch } from './LangSwitch.tsx';

export interface HeaderButtonsProps {
  store: Store;
  onExecutive(): void;
  /** Opens or closes the self-assessment view. */
  onAssess?(): void;
  /** Toggles the overview of the whole network. */
  onOverview(): void;
  onSignOut(): void;
  /** The network upload, shown to admins. */
  upload: UploadContext;
  /** Where the language chosen is remembered (null: not remembered). */
  storage?: Pick<Storage, 'setItem'> | null;
}

export function HeaderButtons({
  store,
  onExecutive,
  onAssess,
  onOverview,
  onSignOut,
  upload,
  storage = null,
}: HeaderButtonsProps) {
  const on = store.executiveOpen.value;
  const assessOn = store.assessOpen.value;
  const analyst = store.role.value === 'analyst' || store.role.value === 'admin';
  const overview = store.overviewOpen.value;
  return (
    <>
      <LangSwitch store={store} storage={storage} />
      {store.role.value === 'admin' && (
        <div class="upload-slot">
          <NetworkUpload ctx={upload} />
        </div>
      )}
      <button
        id="overview-open"
        class="overview-open"
        type="button"
        aria-pressed={overview ? 'true' : 'false'}
        title={t('web.header.overviewTitle')}
        onClick={onOverview}
      >
        {overview ? t('web.header.map') : t('web.header.overview')}
      </button>
      {analyst && onAssess && (
        <button
          id="assess-open"
          class="exec-open assess-open"
          type="button"
          aria-pressed={assessOn ? 'true' : 'false'}
          onClick={onAssess}
        >
          {assessOn ? t('web.header.back') : t('web.assess.open')}
        </button>
      )}
      <button id="exec-open" class="exec-open" type="button" aria-pressed={on ? 'true' : 'false'} onClick={onExecutive}>
        {on ? t('web.header.back') : t('web.header.executive')}
      </button>
      <button id="sign-out" class="sign-out" type="button" hidden={!store.signedIn.value} onClick={onSignOut}>
        {t('web.header.signOut')}
      </button>
    </>
  );
}
