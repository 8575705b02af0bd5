/**
 * The money of a company, each with its unit and period: its risk contribution (yen a
 * year: hit likelihood × loss of one hit), its hit likelihood (a year), the expected
 * loss of one hit (yen per hit, over the assumed outage durations) and its revenue; then
 * its structural importance (PageRank, no cascade: the tooltip says how it differs from
 * the blast radius). `data-value` carries the API's raw number for tests.
 *
 * @example
 *   <MoneyBlock company={detail.company} structural={detail.structuralImportance} />
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { moneyTexts, structuralText } from './panel-text.ts';

export function MoneyBlock({
  company: c,
  structural,
}: {
  company: CompanyDetailResponse['company'];
  structural: CompanyDetailResponse['structuralImportance'];
}) {
  const money = moneyTexts(c);
  return (
    <dl class="kv">
      <dt title={t('web.panel.riskTitle')}>{t('web.panel.risk')}</dt>
      <dd class="risk-contribution" data-value={c.riskContribution}>
        {money.riskContribution}
      </dd>
      <dt>{t('web.panel.hit')}</dt>
      <dd class="hit-likelihood" data-value={c.hitLikelihood}>
        {money.hitLikelihood}
      </dd>
      <dt title={t('web.panel.lossTitle')}>{t('web.panel.loss')}</dt>
      <dd class="event-loss" data-value={c.expectedEventLoss}>
        {money.eventLoss}
      </dd>
      <dt>{t('web.panel.revenue')}</dt>
      <dd>{money.revenue}</dd>
      <dt title={t('web.panel.structuralTitle')}>{t('web.panel.structural')}</dt>
      <dd class="structural" data-value={structural.pagerank} title={t('web.panel.structuralTitle')}>
        {structuralText(structural)}
      </dd>
    </dl>
  );
}
