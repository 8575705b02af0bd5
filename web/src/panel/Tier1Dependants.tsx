/**
 * "Tier-1 suppliers that depend on it": for the company shown, the focal companies'
 * tier-1 suppliers downstream of it (GET /api/companies/:id/dependants), one group per
 * focal company — each tier-1 supplier a link that focuses the map on it, marked with
 * the day it stops in a long hit of this company or "has other sources", and the
 * shortest chain of supplies from this company to it. Fetched when the panel opens.
 *
 * @example
 *   <Tier1Dependants id="ota-springs" load={(id) => api.dependants(id)} onFocus={focus} />
 */
import { useEffect, useState } from 'preact/hooks';
import type { DependantsResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import { shortName } from '../to-elements.ts';
import { CappedList, CompanyLink, Section, type Focus } from './common.tsx';

/** Tier-1 suppliers the panel asks for per focal company (the list says how many more there are). */
export const TIER1_SHOWN = 50;

export interface Tier1DependantsProps {
  id: string;
  load(id: string): Promise<DependantsResponse>;
  onFocus: Focus;
}

/** How many distinct tier-1 suppliers the answer names (one may serve two focal companies). */
export function tier1Count(data: DependantsResponse): number {
  return new Set(data.focal.flatMap((f) => f.tier1.map((d) => d.id))).size;
}

export function Tier1Dependants({ id, load, onFocus }: Tier1DependantsProps) {
  const [data, setData] = useState<DependantsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load(id)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [id]);
  const count = data ? tier1Count(data) : 0;
  return (
    <Section title={t('web.panel.dependants.title', { n: data ? formatNumber(count) : '…' })}>
      <div class="dependants" data-loaded={data ? 'true' : undefined}>
        {error && <p class="error">{error}</p>}
        {!data && !error && <p class="muted">{t('web.panel.dependants.loading')}</p>}
        {data && count === 0 && <p class="muted">{t('web.panel.dependants.none')}</p>}
        {data && data.downstream > 0 && (
          <p class="muted">{t('web.panel.dependants.downstream', { count: formatNumber(data.downstream) })}</p>
        )}
        {data?.focal.map((f) => (
          <div key={f.id} class="dependants-focal" data-focal={f.id}>
            <h4>{t('web.panel.dependants.of', { name: shortName(f.name) })}</h4>
            {f.critical && f.stopDay !== null && (
              <p class="dependants-stop">
                {t('web.panel.dependants.focalStops', { name: shortName(f.name), day: f.stopDay })}
              </p>
            )}
            <CappedList
              cls="plain"
              total={f.tier1Total}
              items={f.tier1.map((d) => (
                <li key={d.id} data-tier1={d.id}>
                  <CompanyLink id={d.id} name={d.name} onFocus={onFocus} />{' '}
                  <span class={d.critical ? 'badge hidden-critical' : 'badge'}>
                    {d.critical && d.stopDay !== null
                      ? t('web.panel.dependants.stops', { day: d.stopDay })
                      : t('web.panel.dependants.copes')}
                  </span>
                  {d.path.length > 2 && (
                    <span class="muted dependants-path">
                      {' '}
                      {t('web.panel.dependants.via', {
                        path: d.path
                          .slice(1, -1)
                          .map((p) => shortName(p.name))
                          .join(' → '),
                      })}
                    </span>
                  )}
                </li>
              ))}
            />
          </div>
        ))}
      </div>
    </Section>
  );
}
