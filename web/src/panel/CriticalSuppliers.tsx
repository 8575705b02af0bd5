/**
 * The critical suppliers of a company: each one whose loss alone stops it, marked
 * direct or hidden (deeper than its direct suppliers), with its country.
 *
 * @example
 *   <CriticalSuppliers detail={detail} onFocus={focus} />
 */
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { CappedList, CompanyLink, Section, type Focus } from './common.tsx';

export function CriticalSuppliers({ detail, onFocus }: { detail: CompanyDetailResponse; onFocus: Focus }) {
  return (
    <Section title={`Critical suppliers (${formatNumber(detail.counts.criticalSuppliers)})`}>
      {detail.criticalSuppliers.length === 0 ? (
        <p class="muted">No single supplier can stop it.</p>
      ) : (
        <CappedList
          cls="plain"
          total={detail.counts.criticalSuppliers}
          items={detail.criticalSuppliers.map((s) => (
            <li key={s.id}>
              <CompanyLink id={s.id} name={s.name} onFocus={onFocus} />{' '}
              <span class={s.direct ? 'badge' : 'badge hidden-critical'}>{s.direct ? 'direct' : 'hidden'}</span>
              {s.country && <span class="muted">{` ${s.country}`}</span>}
            </li>
          ))}
        />
      )}
    </Section>
  );
}
