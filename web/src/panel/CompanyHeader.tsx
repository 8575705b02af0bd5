/**
 * The head of the company panel: the close button, the name, the facts line (id,
 * country, industry, size, tier) and the badges (focal, unassessed, critical suppliers,
 * what a hit stops).
 *
 * @example
 *   <CompanyHeader detail={detail} onClose={close} />
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { companyFacts, headBadges } from './panel-text.ts';

export function CompanyHeader({ detail, onClose }: { detail: CompanyDetailResponse; onClose(): void }) {
  const c = detail.company;
  return (
    <header class="panel-head">
      <button
        class="icon-button close"
        title={t('web.panel.close')}
        aria-label={t('web.panel.close')}
        onClick={() => onClose()}
      >
        ×
      </button>
      <h2 class="company-name">{c.name}</h2>
      <div class="facts">{companyFacts(c)}</div>
      <div class="badges">
        {headBadges(c, detail.counts).map((b) => (
          <span key={b.text} class={b.kind ? `badge ${b.kind}` : 'badge'}>
            {b.text}
          </span>
        ))}
      </div>
    </header>
  );
}
