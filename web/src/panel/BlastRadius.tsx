/**
 * The blast radius of a company: what a hit of it stops, in stop-day order, each member
 * with the day it stops (once its inventory buffers run out), its revenue per day of
 * outage and its tier. `data-id` and `data-stop-day` let the map and tests match it.
 *
 * @example
 *   <BlastRadius detail={detail} onFocus={focus} />
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { CappedList, CompanyLink, Section, type Focus } from './common.tsx';
import { blastNote } from './panel-text.ts';

export function BlastRadius({ detail, onFocus }: { detail: CompanyDetailResponse; onFocus: Focus }) {
  const members = detail.blastRadius;
  return (
    <Section title={t('web.panel.blastTitle', { n: formatNumber(detail.counts.blastRadius) })}>
      {members.length === 0 ? (
        <p class="muted">{t('web.panel.blastNone')}</p>
      ) : (
        <div>
          <p class="muted">{t('web.panel.blastIntro')}</p>
          <CappedList
            cls="plain stop-days"
            total={detail.counts.blastRadius}
            items={members.map((b) => (
              <li key={b.id} data-id={b.id} data-stop-day={b.stopDay} class={b.focal ? 'focal' : ''}>
                <CompanyLink id={b.id} name={b.name} onFocus={onFocus} />
                {t('web.panel.stopsOnDay', { day: b.stopDay })}
                <span class="muted">{blastNote(b)}</span>
              </li>
            ))}
          />
        </div>
      )}
    </Section>
  );
}
