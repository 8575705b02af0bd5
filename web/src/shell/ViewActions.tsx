/** The view's buttons under the filters: fit the map to the screen, reset the view, export the map as PNG. */
import { t } from '../i18n.ts';

export interface ViewActionsProps {
  onFit(): void;
  onReset(): void;
  onExport(): void;
}

export function ViewActions({ onFit, onReset, onExport }: ViewActionsProps) {
  return (
    <>
      <button id="fit" type="button" onClick={onFit}>
        {t('web.shell.fit')}
      </button>
      <button id="reset" type="button" onClick={onReset}>
        {t('web.shell.reset')}
      </button>
      <button id="export-png" type="button" onClick={onExport} title={t('web.shell.exportTitle')}>
        {t('web.shell.export')}
      </button>
    </>
  );
}
