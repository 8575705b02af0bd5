/**
 * The critical suppliers of a company: each one whose loss alone stops it, marked
 * direct or hidden (deeper than its direct suppliers), with its country.
 *
 * @example
 *   <CriticalSuppliers detail={detail} onFocus={focus} />
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { CappedList, CompanyLink, Section, type Focus } from './common.tsx';

export function CriticalSuppliers({ detail, onFocus }: { detail: CompanyDetailResponse; onFocus: Focus }) {
  return (
    <Section title={t('web.panel.criticalTitle', { n: formatNumber(detail.counts.criticalSuppliers) })}>
      {detail.criticalSuppliers.length === 0 ? (
        <p class="muted">{t('web.panel.criticalNone')}</p>
      ) : (
        <CappedList
          cls="plain"
          total={detail.counts.criticalSuppliers}
          items={detail.criticalSuppliers.map((s) => (
            <li key={s.id}>
              <CompanyLink id={s.id} name={s.name} onFocus={onFocus} />{' '}
              <span class={s.direct ? 'badge' : 'badge hidden-critical'}>
                {s.direct ? t('web.panel.direct') : t('web.panel.hidden')}
              </span>
              {s.country && <span class="muted">{` ${s.country}`}</span>}
            </li>
          ))}
        />
      )}
    </Section>
  );
}
