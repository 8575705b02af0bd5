/**
 * The header figures of GET /api/summary: companies, supplies, the focal companies,
 * unassessed companies, single sources, hidden critical suppliers, level gaps and θ.
 */
import type { SummaryResponse } from '../../../src/contract/api-types.ts';
import { formatNumber, formatShare } from '../format.ts';
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
      <Stat label="companies" value={formatNumber(s.companies)} />
      <Stat label="supplies" value={formatNumber(s.supplies)} />
      <Stat
        label="focal"
        value={s.focal.length === 1 ? shortName(s.focal[0]!.name) : String(s.focal.length)}
        title={s.focal.map((f) => f.name).join(', ')}
      />
      <Stat
        label="unassessed"
        value={formatNumber(s.unassessed)}
        title="Companies with neither a score nor a level: treated as score 0"
      />
      <Stat label="single sources" value={formatNumber(s.singleSources)} />
      <Stat label="hidden critical" value={formatNumber(s.hiddenCriticalSuppliers)} />
      <Stat label="level gaps" value={formatNumber(s.levelGaps)} />
      <Stat
        label="θ"
        value={String(s.theta)}
        title={`Threshold: a buyer stops when less than ${formatShare(s.theta)} of a commodity is left. Hit likelihood: ${s.hitLikelihood}`}
      />
    </>
  );
}

/** The figures once the summary has come (nothing before). */
export function Summary({ store }: { store: Store }) {
  const summary = store.summary.value;
  return summary ? <SummaryFigures summary={summary} /> : null;
}
