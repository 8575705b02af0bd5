/**
 * The money of a company, each with its unit and period: its risk contribution (yen a
 * year: hit likelihood × loss of one hit), its hit likelihood (a year), the expected
 * loss of one hit (yen per hit, over the assumed outage durations) and its revenue.
 * `data-value` carries the API's raw number for tests.
 *
 * @example
 *   <MoneyBlock company={detail.company} />
 */
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { moneyTexts } from './panel-text.ts';

export function MoneyBlock({ company: c }: { company: CompanyDetailResponse['company'] }) {
  const money = moneyTexts(c);
  return (
    <dl class="kv">
      <dt title="Hit likelihood × expected loss of one hit: the expected annual loss its hits cause">
        Risk contribution
      </dt>
      <dd class="risk-contribution" data-value={c.riskContribution}>
        {money.riskContribution}
      </dd>
      <dt>Hit likelihood</dt>
      <dd class="hit-likelihood" data-value={c.hitLikelihood}>
        {money.hitLikelihood}
      </dd>
      <dt title="Days each stopped company is down × its revenue per day, over the assumed outage durations">
        Loss if hit
      </dt>
      <dd class="event-loss" data-value={c.expectedEventLoss}>
        {money.eventLoss}
      </dd>
      <dt>Revenue</dt>
      <dd>{money.revenue}</dd>
    </dl>
  );
}
