/**
 * The overview's corner panel: what it shows (companies and supplier–buyer pairs), the
 * focal-company picker (when there are several; its critical suppliers stay in colour),
 * the encoding (colour, size, the score scale of the map legend) and how to use it.
 */
import type { Signal } from '@preact/signals';
import type { Overview } from '../../../src/contract/overview-format.ts';
import { formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import { SCORE_STOPS } from '../style.ts';
import type { SizeBy } from './overview-graph.ts';

export interface OverviewPanelProps {
  overview: Signal<Overview | null>;
  focal: Signal<number | null>;
  onFocal(k: number | null): void;
  /** What the node sizes show; absent: risk contribution only, no choice. */
  sizeBy?: Signal<SizeBy>;
  onSizeBy?(by: SizeBy): void;
}

export function OverviewPanel({ overview, focal, onFocal, sizeBy, onSizeBy }: OverviewPanelProps) {
  const o = overview.value;
  if (o === null) return <p class="overview-loading">{t('web.overview.loading')}</p>;
  const k = focal.value;
  const chosen = k === null ? undefined : o.header.focal[k];
  const criticalCount = k === null ? 0 : o.criticalStart[k + 1]! - o.criticalStart[k]!;
  return (
    <div class="overview-panel-body">
      <h2>{t('web.overview.label')}</h2>
      <p class="overview-counts">
        {t('web.overview.counts', {
          companies: formatNumber(o.header.companies),
          pairs: formatNumber(o.header.edges),
        })}
      </p>
      {o.header.focal.length > 0 && (
        <label class="overview-focal">
          {t('web.overview.focal')}
          <select
            id="overview-focal"
            value={k === null ? '' : String(k)}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              onFocal(v === '' ? null : Number(v));
            }}
          >
            <option value="">{t('web.overview.none')}</option>
            {o.header.focal.map((f, i) => (
              <option value={String(i)} key={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {chosen && (
        <p class="overview-critical">{t('web.overview.critical', { count: criticalCount, name: chosen.name })}</p>
      )}
      <svg class="overview-scale" width={160} height={24} viewBox="0 0 160 24" aria-hidden="true">
        {SCORE_STOPS.map((s, i) => (
          <g key={s.score}>
            <rect x={i * 32} y={0} width={32} height={10} fill={s.colour} />
            <text x={i * 32 + 2} y={22} font-size={9}>
              {s.score}
            </text>
          </g>
        ))}
      </svg>
      {sizeBy && onSizeBy && (
        <label class="overview-size-by">
          {t('web.overview.sizeBy')}
          <select
            id="overview-size-by"
            value={sizeBy.value}
            onChange={(e) => onSizeBy((e.currentTarget as HTMLSelectElement).value as SizeBy)}
          >
            <option value="risk">{t('web.overview.sizeRisk')}</option>
            <option value="importance">{t('web.overview.sizeImportance')}</option>
          </select>
        </label>
      )}
      <p>
        {t('web.overview.colour')} ·{' '}
        {sizeBy?.value === 'importance' ? t('web.overview.sizeImportanceLine') : t('web.overview.size')}
      </p>
      <p class="overview-hint">{t('web.overview.hint')}</p>
    </div>
  );
}
