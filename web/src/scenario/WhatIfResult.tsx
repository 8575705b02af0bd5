/**
 * The before/after of a run with what-ifs, side by side: companies disrupted, focal
 * companies stopped, revenue at risk, the peak and the total risk, then the weak links
 * whose rank changed and what else the what-ifs changed (single sources, level gaps).
 *
 * @example
 *   <WhatIfResult app={app} outcome={outcome} />
 */
import { companies } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import type { ScenarioApp } from './app.ts';
import type { WhatIfOutcome } from './state.ts';
import { opText } from './text.ts';
import { beforeAfterRows, rowChanged, weakLinkChanges, type WeakLinkChange } from './what-if-data.ts';

function rankText(w: WeakLinkChange): string {
  if (w.before === null) return `new at #${w.after}`;
  if (w.after === null) return `#${w.before} → out of the top 10`;
  return `#${w.before} → #${w.after}`;
}

export function WhatIfResult({ app, outcome }: { app: ScenarioApp; outcome: WhatIfOutcome }) {
  const { nameOf } = app.ctx;
  const rows = beforeAfterRows(outcome);
  const c = outcome.comparison;
  const links = c ? weakLinkChanges(c.weakLinks) : [];
  return (
    <section class="whatif-result" aria-label="What-if: before and after">
      <h4>What if: before and after</h4>
      <ul class="whatif-ops">
        {outcome.ops.map((op) => (
          <li key={JSON.stringify(op)}>{opText(op, nameOf)}</li>
        ))}
      </ul>
      <table class="whatif-table">
        <thead>
          <tr>
            <th />
            <th data-side="before">Before</th>
            <th data-side="after">After</th>
            <th data-side="change">Change</th>
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
            <strong>Weak links (top 10): </strong>
            {links.length === 0
              ? 'no change of rank'
              : links.map((w, i) => (
                  <span key={w.id} data-id={w.id}>
                    {i > 0 && ' · '}
                    {shortName(nameOf(w.id))} {rankText(w)}
                  </span>
                ))}
          </div>
          <div class="muted small">
            {companies(c.companies.length)} with changed measures
            {c.singleSources.added.length + c.singleSources.removed.length > 0 &&
              ` · single sources: +${c.singleSources.added.length} / −${c.singleSources.removed.length}`}
            {c.levelGaps.added.length + c.levelGaps.removed.length > 0 &&
              ` · level gaps: +${c.levelGaps.added.length} / −${c.levelGaps.removed.length}`}
          </div>
        </div>
      )}
    </section>
  );
}
