/**
 * The top of the report: the company it is about with its revenue and the date, then
 * the headline figures — expected annual loss (¥ per year, with its share of revenue),
 * the 1-in-100-year annual loss (¥ in one year), the unassessed share and the hidden
 * critical suppliers. Every figure keeps its raw value in `data-value`.
 *
 * @example
 *   <ReportHead data={data} /> <Headline data={data} />
 */
import type { ComponentChildren } from 'preact';
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { formatPercent, formatYen, formatYenFull } from '../replay.ts';
import { formatDateIn, t } from '../i18n.ts';
import { expectedLossLabel, p99Note, scopeLine, scopeOf } from './headline.ts';

export function ReportHead({ data }: { data: ExecutiveResponse }) {
  const line = scopeLine(data);
  return (
    <header class="report-head">
      <div>
        <p class="eyebrow">{t('web.exec.eyebrow')}</p>
        <h1 id="exec-title">{data.scope ? data.scope.name : t('web.exec.ourNetwork')}</h1>
        {line && <p class="muted">{line}</p>}
      </div>
      <div class="report-meta">
        <div>{formatDateIn(new Date())}</div>
        <div class="muted">{t('web.exec.version', { version: data.version.slice(0, 12) })}</div>
      </div>
    </header>
  );
}

interface TileProps {
  kpi: string;
  label: string;
  value: number;
  /** The figure as shown; money (¥, with its full amount as a title) when absent. */
  text?: string;
  children: ComponentChildren;
}

function Tile({ kpi, label, value, text, children }: TileProps) {
  const money = text === undefined;
  return (
    <div class={money ? `kpi kpi-money kpi-${kpi}` : `kpi kpi-${kpi}`} data-kpi={kpi}>
      <span class="kpi-label">{label}</span>
      <strong class="kpi-value" data-value={value} title={money ? formatYenFull(value) : undefined}>
        {money ? formatYen(value) : text}
      </strong>
      <span class="kpi-note">{children}</span>
    </div>
  );
}

export function Headline({ data }: { data: ExecutiveResponse }) {
  const loss = data.loss;
  const share = loss.shareOfRevenue;
  return (
    <section class="kpi-grid" aria-label={t('web.exec.figures')}>
      <Tile kpi="expected-loss" label={expectedLossLabel(scopeOf(data))} value={loss.expectedAnnualLoss}>
        {t('web.exec.perYear')}
        {share !== null && ' · '}
        {share !== null && (
          <strong data-kpi="share-of-revenue" data-value={share}>
            {t('web.exec.shareOfRevenue', { share: formatPercent(share) })}
          </strong>
        )}
        {t('web.exec.average')}
      </Tile>
      <Tile kpi="p99" label={t('web.exec.p99')} value={loss.quantiles.p99}>
        {p99Note(loss)}
      </Tile>
      <Tile
        kpi="unassessed"
        label={t('web.exec.unassessed')}
        value={data.unassessedShare}
        text={formatPercent(data.unassessedShare)}
      >
        {t('web.exec.unassessedNote')}
      </Tile>
      <Tile
        kpi="hidden-critical"
        label={t('web.exec.hidden')}
        value={data.hiddenCriticalSuppliers}
        text={formatNumber(data.hiddenCriticalSuppliers)}
      >
        {t('web.exec.hiddenNote')}
      </Tile>
    </section>
  );
}
