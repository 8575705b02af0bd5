/**
 * The worst single event among the top contributors, as one sentence ("A 120-day outage
 * at Ota Precision Springs stops Kirishima Motor on day 3 and costs it ¥8.9T."); nothing
 * when there is none.
 *
 * @example
 *   <WorstBreach data={data} />
 */
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { worstEventSentence } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import { scopeOf } from './headline.ts';

export function WorstBreach({ data }: { data: ExecutiveResponse }) {
  const event = data.worstEvent;
  const scope = scopeOf(data);
  const sentence = worstEventSentence(
    event && { ...event, name: shortName(event.name) },
    scope.full ? scope.name : null,
  );
  if (!sentence) return null;
  return (
    <section class="worst-breach" data-id={event?.id}>
      <h2>{t('web.worst.title')}</h2>
      <p id="exec-event">{sentence}</p>
    </section>
  );
}
