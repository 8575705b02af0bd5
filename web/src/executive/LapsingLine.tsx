/**
 * The executive view's line on lapsing assessments: how many lapse within the window
 * after the analysis date, how much the expected annual loss rises if none is renewed
 * (yen per year, the sum of the rows' rises), and the largest one ("3 assessments lapse
 * within 90 days of 2027-03-01: expected annual loss +¥2.1B per year if none is renewed; largest: Ota
 * Precision Springs ★3 on 2027-04-30, +¥1.6B per year."); when none of them raises it
 * (another valid assessment holds each level), it says so. From the page's lapsing list
 * (GET /api/analysis/lapsing), nothing computed but the sum; nothing before it is loaded.
 *
 * @example
 *   <LapsingLine list={store.lapsing.value} />
 */
import type { LapsingListResponse } from '../../../src/contract/api-types.ts';
import { formatLevel } from '../format.ts';
import { t } from '../i18n.ts';
import { formatYen } from '../replay.ts';
import { shortName } from '../to-elements.ts';

/** The line's sentence for `list`. */
export function lapsingSentence(list: LapsingListResponse): string {
  const { items, total, lapsingDays: days, asOf } = list;
  const top = items[0];
  if (top === undefined) return t('web.exec.lapsingNone', { days, date: asOf });
  const rise = items.reduce((sum, row) => sum + row.aalIncrease, 0);
  if (!(rise > 0)) return t('web.exec.lapsingCovered', { count: total, days, date: asOf });
  const head = t('web.exec.lapsing', { count: total, days, date: asOf, yen: formatYen(rise) });
  const largest = t('web.exec.lapsingLargest', {
    name: shortName(top.name),
    level: formatLevel(top.level),
    date: top.validUntil,
    yen: formatYen(top.aalIncrease),
  });
  return `${head}${largest}`;
}

export function LapsingLine({ list }: { list: LapsingListResponse | null }) {
  if (list === null) return null;
  return (
    <section class="lapsing-line" data-lapsing-total={list.total}>
      <h2>{t('web.exec.lapsingTitle')}</h2>
      <p id="exec-lapsing">{lapsingSentence(list)}</p>
    </section>
  );
}
