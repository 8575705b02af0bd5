/**
 * The breach banner over the map: who was hit, how many other companies stop (the focal
 * ones with their day), the revenue at risk per day of outage and the expected loss per
 * breach; "Show them" brings the disrupted companies outside the view in.
 */
import { formatYen, formatYenFull } from '../replay.ts';
import { t } from '../i18n.ts';
import { bannerModel, type Store } from '../state.ts';
import { shortName } from '../to-elements.ts';

export interface SimBannerProps {
  store: Store;
  nameOf(id: string): string;
  inView(id: string): boolean;
  onShowOutside(): void;
  onClear(): void;
}

export function SimBanner({ store, nameOf, inView, onShowOutside, onClear }: SimBannerProps) {
  const sim = store.simulation.value;
  void store.view.value; // what is outside the view changes with it
  if (!sim) return null;
  const b = bannerModel(sim, (id) => shortName(nameOf(id)), inView);
  return (
    <>
      <div class="banner-text">
        <strong>{b.title}</strong>
        <span>{b.stops}</span>
        {b.focal && (
          <span>
            {t('web.shell.including')}
            <strong>{b.focal}</strong>
          </span>
        )}
        {b.others > 0 && <span class="muted">{t('web.shell.daysCount')}</span>}
        {b.outside > 0 && <span class="muted">{t('web.shell.outside', { count: b.outside })}</span>}
      </div>
      <div class="banner-figure" title={t('web.shell.bannerTitle', { loss: formatYenFull(sim.expectedLoss) })}>
        <span>{t('web.shell.revenueAtRisk')}</span>
        <strong class="revenue" data-value={sim.revenuePerDay}>
          {formatYen(sim.revenuePerDay)}
        </strong>
        <span class="unit">{t('web.shell.perDay')}</span>
      </div>
      <div class="banner-figure">
        <span>{t('web.shell.expectedLoss')}</span>
        <strong class="expected-loss" data-value={sim.expectedLoss}>
          {formatYen(sim.expectedLoss)}
        </strong>
        <span class="unit">{t('web.shell.perBreach')}</span>
      </div>
      {b.outside > 0 && (
        <button id="show-disrupted" onClick={onShowOutside}>
          {t('web.shell.showThem')}
        </button>
      )}
      <button id="clear-simulation" onClick={onClear}>
        {t('web.shell.clear')}
      </button>
    </>
  );
}
