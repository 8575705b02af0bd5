/**
 * The top contributors to the focal company's expected loss: rank, name (with the day
 * it stops the focal company) and why it matters, the chain from the focal company up
 * to it, and its ¥ a year. Below 600px wide the rows become cards (executive.css): the
 * chain under the name, the figure with its period beside it.
 *
 * @example
 *   <ContributorTable data={data} />
 */
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { formatYen, formatYenFull, pathText, reasonLine } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import { contributorsTitle, stopsText } from './headline.ts';

type Contributor = ExecutiveResponse['topContributors'][number];

function Row({
  w,
  rank,
  data,
  focal,
}: {
  w: Contributor;
  rank: number;
  data: ExecutiveResponse;
  focal: Map<string, string>;
}) {
  const stops = stopsText(w, data);
  return (
    <tr data-id={w.id}>
      <td class="num rank">{rank}</td>
      <td class="who">
        <strong class="name">{shortName(w.name)}</strong>
        {stops && <span class="stops">{stops}</span>}
        <div class="reason" title={w.reason}>
          {reasonLine(w, focal, shortName)}
        </div>
      </td>
      <td class="path">
        <span class="card-label">{t('web.exec.chainLabel')}</span>
        {w.exposurePath.length > 1 ? pathText(w.exposurePath, shortName) : shortName(w.name)}
      </td>
      <td class="num money" data-value={w.riskContribution} title={formatYenFull(w.riskContribution)}>
        {formatYen(w.riskContribution)}
        <span class="card-label">{t('web.exec.aYear')}</span>
      </td>
    </tr>
  );
}

export function ContributorTable({ data }: { data: ExecutiveResponse }) {
  const focal = new Map(data.focal.map((f) => [f.id, f.name]));
  return (
    <section class="weak-links">
      <h2>{contributorsTitle(data)}</h2>
      {data.topContributors.length === 0 ? (
        <p class="muted">{t('web.exec.noContributor')}</p>
      ) : (
        <table class="exec-table">
          <thead>
            <tr>
              <th class="num">#</th>
              <th>{t('web.exec.colSupplier')}</th>
              <th>{t('web.exec.colChain')}</th>
              <th class="num">{t('web.exec.colMoney')}</th>
            </tr>
          </thead>
          <tbody>
            {data.topContributors.map((w, i) => (
              <Row key={w.id} w={w} rank={i + 1} data={data} focal={focal} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
