/**
 * What the panel shows without a company: how to use the map; and while a company's
 * details load: its name and "Loading…".
 *
 * @example
 *   render(<PanelIntro />, panel);
 */
import { t } from '../i18n.ts';

/** The panel shown when no company is selected. */
export function PanelIntro() {
  return (
    <div class="panel-intro">
      <h2>{t('web.panel.introTitle')}</h2>
      <p>{t('web.panel.intro')}</p>
      <ul class="hints">
        <li>
          <kbd>{t('web.panel.keyClick')}</kbd> {t('web.panel.hintClick')}
        </li>
        <li>
          <kbd>shift</kbd>+<kbd>{t('web.panel.keyClick')}</kbd> {t('web.panel.hintShift')}
        </li>
        <li>
          <kbd>{t('web.panel.keyDouble')}</kbd> {t('web.panel.hintDouble')}
        </li>
        <li>
          <kbd>{t('web.panel.keyScroll')}</kbd> {t('web.panel.hintScroll')}
        </li>
      </ul>
    </div>
  );
}

/** A loading placeholder for company `name`. */
export function PanelLoading({ name }: { name: string }) {
  return (
    <div class="panel-loading">
      <h2>{name}</h2>
      <p class="muted">{t('web.tabs.loading')}</p>
    </div>
  );
}
