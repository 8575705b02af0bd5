/**
 * The header figures of GET /api/summary: companies, supplies, the focal companies,
 * unassessed companies, single sources, hidden critical suppliers, level gaps and θ.
 */
import type { SummaryResponse } from '../../../src/contract/api-types.ts';
import { formatNumber, formatShare } from '../format.ts';
import { t } from '../i18n.ts';
import type { Store } from '../state.ts';
import { shortName } from '../to-elements.ts';

function Stat({ label, value, title }: { label: string; value: string; title?: string | undefined }) {
  return (
    <div class="stat" title={title}>
      <strong>{value}</strong>
      <span>{label}</span>
    </div>
  );
}

export function SummaryFigures({ summary: s }: { summary: SummaryResponse }) {
  return (
    <>
      <Stat label={t('web.summary.companies')} value={formatNumber(s.companies)} />
      <Stat label={t('web.summary.supplies')} value={formatNumber(s.supplies)} />
      <Stat
        label={t('web.summary.focal')}
        value={s.focal.length === 1 ? shortName(s.focal[0]!.name) : String(s.focal.length)}
        title={s.focal.map((f) => f.name).join(t('web.common.list'))}
      />
      <Stat
        label={t('web.summary.unassessed')}
        value={formatNumber(s.unassessed)}
        title={t('web.summary.unassessedTitle')}
      />
      <Stat label={t('web.summary.singleSources')} value={formatNumber(s.singleSources)} />
      <Stat label={t('web.summary.hidden')} value={formatNumber(s.hiddenCriticalSuppliers)} />
      <Stat label={t('web.summary.levelGaps')} value={formatNumber(s.levelGaps)} />
      <Stat
        label="θ"
        value={String(s.theta)}
        title={t('web.summary.theta', { share: formatShare(s.theta), hit: s.hitLikelihood })}
      />
    </>
  );
}

/** The figures once the summary has come (nothing before). */
export function Summary({ store }: { store: Store }) {
  const summary = store.summary.value;
  return summary ? <SummaryFigures summary={summary} /> : null;
}
