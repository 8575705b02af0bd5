/**
 * The before/after of a run with what-ifs, side by side: companies disrupted, focal
 * companies stopped, revenue at risk, the peak and the total risk, then the weak links
 * whose rank changed and what else the what-ifs changed (single sources, level gaps).
 *
 * @example
 *   <WhatIfResult app={app} outcome={outcome} />
 */
import { t } from '../i18n.ts';
import { companies } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import type { ScenarioApp } from './app.ts';
import type { WhatIfOutcome } from './state.ts';
import { opText } from './text.ts';
import { beforeAfterRows, rowChanged, weakLinkChanges, type WeakLinkChange } from './what-if-data.ts';

function rankText(w: WeakLinkChange): string {
  if (w.before === null) return t('web.scn.newAt', { rank: w.after });
  if (w.after === null) return t('web.scn.outOfTop', { rank: w.before });
  return `#${w.before} → #${w.after}`;
}

export function WhatIfResult({ app, outcome }: { app: ScenarioApp; outcome: WhatIfOutcome }) {
  const { nameOf } = app.ctx;
  const rows = beforeAfterRows(outcome);
  const c = outcome.comparison;
  const links = c ? weakLinkChanges(c.weakLinks) : [];
  return (
    <section class="whatif-result" aria-label={t('web.scn.resultLabel')}>
      <h4>{t('web.scn.resultTitle')}</h4>
      <ul class="whatif-ops">
        {outcome.ops.map((op) => (
          <li key={JSON.stringify(op)}>{opText(op, nameOf)}</li>
        ))}
      </ul>
      <table class="whatif-table">
        <thead>
          <tr>
            <th />
            <th data-side="before">{t('web.scn.before')}</th>
            <th data-side="after">{t('web.scn.after')}</th>
            <th data-side="change">{t('web.scn.changeCol')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key} class={rowChanged(row) ? 'changed' : undefined}>
              <th>{row.label}</th>
              <td data-side="before" data-value={row.beforeValue ?? undefined} title={row.title?.before}>
                {row.before}
              </td>
              <td data-side="after" data-value={row.afterValue ?? undefined} title={row.title?.after}>
                {row.after}
              </td>
              <td data-side="change">{row.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c && (
        <div class="whatif-changes">
          <div data-list="weak-links">
            <strong>{t('web.scn.weakTop')}</strong>
            {links.length === 0
              ? t('web.scn.noRankChange')
              : links.map((w, i) => (
                  <span key={w.id} data-id={w.id}>
                    {i > 0 && ' · '}
                    {shortName(nameOf(w.id))} {rankText(w)}
                  </span>
                ))}
          </div>
          <div class="muted small">
            {t('web.scn.changedMeasures', { companies: companies(c.companies.length) })}
            {c.singleSources.added.length + c.singleSources.removed.length > 0 &&
              t('web.scn.singleChange', {
                added: c.singleSources.added.length,
                removed: c.singleSources.removed.length,
              })}
            {c.levelGaps.added.length + c.levelGaps.removed.length > 0 &&
              t('web.scn.gapChange', { added: c.levelGaps.added.length, removed: c.levelGaps.removed.length })}
          </div>
        </div>
      )}
    </section>
  );
}
