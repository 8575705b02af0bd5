/**
 * The Concentration tab: the HHI of each buyer's sources per commodity (a table) beside
 * the countries of each tier — by count of companies or by spend — and of each focal
 * company's critical suppliers, one stacked bar each (Plot, country-bar.tsx).
 */
import { useMemo, useState } from 'preact/hooks';
import type { ConcentrationResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { formatNumber } from '../format.ts';
import { concentrationTable } from './columns.ts';
import { countryBars, countryPalette, type ShareBy } from './countries.ts';
import { CountryBar } from './country-bar.tsx';
import { Table } from './table.tsx';
import type { TableView } from './view.ts';

function CountriesChart({ data, nameOf }: { data: ConcentrationResponse; nameOf: (id: string) => string }) {
  const [by, setBy] = useState<ShareBy>('count');
  const palette = useMemo(() => countryPalette(data), [data]);
  const bars = useMemo(() => countryBars(data, by, nameOf), [data, by, nameOf]);
  return (
    <div>
      <div class="chart-head">
        <h3>{t('web.tabs.countriesTitle')}</h3>
        <div class="segmented">
          {(['count', 'spend'] as const).map((b) => (
            <button
              key={b}
              data-by={b}
              class={b === by ? 'active' : ''}
              aria-pressed={b === by}
              onClick={() => setBy(b)}
            >
              {t(b === 'count' ? 'web.tabs.byCount' : 'web.tabs.bySpend')}
            </button>
          ))}
        </div>
      </div>
      <div class="tier-chart">
        {bars.map((bar) => (
          <div key={bar.label} class="bar-row">
            <div class="bar-label" title={bar.label}>
              <strong>{bar.label}</strong>
              {bar.sub && <span class="muted"> {bar.sub}</span>}
            </div>
            <CountryBar parts={bar.parts} palette={palette} />
            <div class="bar-hhi">{bar.hhi === null ? '' : `HHI ${formatNumber(bar.hhi)}`}</div>
          </div>
        ))}
        <div class="country-legend">
          {[...palette].map(([country, colour]) => (
            <span key={country}>
              <i style={{ background: colour }} />
              {country}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

export function ConcentrationTable({ data, view }: { data: ConcentrationResponse; view: TableView }) {
  return (
    <div class="split">
      <div>
        <h3>{t('web.tabs.hhiTitle', { count: formatNumber(data.total) })}</h3>
        <p class="tab-intro">{t('web.tabs.hhiIntro')}</p>
        <Table
          spec={concentrationTable(view)}
          rows={data.groups}
          total={data.total}
          onFocus={view.onFocus}
          download={view.download}
        />
      </div>
      <CountriesChart data={data} nameOf={view.nameOf} />
    </div>
  );
}
