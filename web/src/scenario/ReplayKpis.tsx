/**
 * The headline figures of the run replayed: revenue at risk over the outage, companies
 * stopped, the peak, and the day each focal company stops (or that it keeps running).
 *
 * @example
 *   <ReplayKpis run={run} />
 */
import { t } from '../i18n.ts';
import type { ScenarioRun } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { formatYen, formatYenFull } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import { dayCount, focalText } from './text.ts';

export function ReplayKpis({ run: r }: { run: ScenarioRun }) {
  return (
    <div class="kpis">
      <div class="kpi" title={t('web.scn.overDays', { yen: formatYenFull(r.totalRevenueAtRisk), last: r.lastDay })}>
        <span class="kpi-label">{t('web.scn.revenueOver', { days: dayCount(r.days) })}</span>
        <strong id="scenario-total" data-value={r.totalRevenueAtRisk}>
          {formatYen(r.totalRevenueAtRisk)}
        </strong>
      </div>
      <div class="kpi">
        <span class="kpi-label">{t('web.scn.stopped')}</span>
        <strong data-value={r.companies.length}>{formatNumber(r.companies.length)}</strong>
      </div>
      <div class="kpi">
        <span class="kpi-label">{t('web.scn.peak')}</span>
        <strong data-value={r.peak.down}>{t('web.scn.nDownCount', { n: formatNumber(r.peak.down) })}</strong>
        <span class="kpi-sub muted">{t('web.scn.onDay', { day: r.peak.day })}</span>
      </div>
      <div class="kpi focal-stops" data-kpi="focal">
        <span class="kpi-label">{t('web.scn.focal')}</span>
        {r.focal.map((f) => (
          <div
            key={f.id}
            class={f.stoppedOn === null ? 'focal-stop ok' : 'focal-stop'}
            data-id={f.id}
            data-stopped-on={f.stoppedOn ?? ''}
          >
            <strong>{shortName(f.name)}</strong> {focalText(f)}
          </div>
        ))}
        {r.focal.length === 0 && <div class="muted">{t('web.scn.noneInData')}</div>}
      </div>
    </div>
  );
}
