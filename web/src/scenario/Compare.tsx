/**
 * Two saved scenarios side by side (GET /api/scenarios/compare): a table of their hit,
 * revenue at risk, companies stopped, peak, focal companies stopped, what-ifs and when
 * they were saved, and the companies that stop only in A, in both, only in B (the map
 * marks them the same way).
 *
 * @example
 *   <Compare app={app} />
 */
import type { ComponentChildren } from 'preact';
import type { SavedScenario } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { formatYen, formatYenFull } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import type { ScenarioApp } from './app.ts';
import { dayCount, focalStops, nameList, opText } from './text.ts';

type Cell = (s: SavedScenario) => ComponentChildren;

export function Compare({ app }: { app: ScenarioApp }) {
  const { ctx, store, actions } = app;
  const c = store.comparison.value;
  if (!c) return <div class="scenario-compare" hidden />;
  const versions = c.a.version !== c.b.version;
  const row = (label: string, key: string, cell: Cell) => (
    <tr data-row={key}>
      <th>{label}</th>
      <td data-scenario="a">{cell(c.a)}</td>
      <td data-scenario="b">{cell(c.b)}</td>
    </tr>
  );
  const heading = (which: 'a' | 'b', s: SavedScenario) => (
    <th data-scenario={which} class="compare-name" title={s.name}>
      <span class={`tag ${which}`}>{which.toUpperCase()}</span>
      {s.name}
    </th>
  );
  const list = (key: string, title: string, ids: string[]) => (
    <div class={`compare-list ${key}`} data-list={key}>
      <h4>
        {title} <span class="count">({formatNumber(ids.length)})</span>
      </h4>
      {ids.length === 0 ? (
        <p class="muted small">none</p>
      ) : (
        <ul>
          {ids.map((id) => (
            <li key={id} data-id={id} title={id}>
              {shortName(ctx.nameOf(id))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  const anyWhatIf = (c.a.whatIf?.length ?? 0) + (c.b.whatIf?.length ?? 0) > 0;
  return (
    <div class="scenario-compare">
      <div class="replay-head">
        <h3>Comparison</h3>
        <span class="muted small">on the map: only A blue, only B amber, both red</span>
        <span class="spacer" />
        <button id="compare-close" type="button" class="link-button" onClick={() => actions.closeCompare()}>
          Back to the replay
        </button>
      </div>
      <div class="compare-body">
        <table class="compare-table">
          <thead>
            <tr>
              <th />
              {heading('a', c.a)}
              {heading('b', c.b)}
            </tr>
          </thead>
          <tbody>
            {row('Hit', 'hit', (s) => `${nameList(s.hit, ctx.nameOf, 3)} for ${dayCount(s.days)}`)}
            {row('Revenue at risk over the outage', 'revenue', (s) => (
              <strong
                class="revenue"
                data-value={s.result.totalRevenueAtRisk}
                title={formatYenFull(s.result.totalRevenueAtRisk)}
              >
                {formatYen(s.result.totalRevenueAtRisk)}
              </strong>
            ))}
            {row('Companies stopped', 'stopped', (s) => (
              <span data-value={s.result.companies.length}>{formatNumber(s.result.companies.length)}</span>
            ))}
            {row('Peak', 'peak', (s) => `${formatNumber(s.result.peak.down)} down on day ${s.result.peak.day}`)}
            {row('Focal companies stopped', 'focal', (s) => focalStops(s.result))}
            {anyWhatIf &&
              row('What-ifs', 'what-if', (s) =>
                (s.whatIf ?? []).length === 0 ? 'none' : s.whatIf.map((op) => opText(op, ctx.nameOf)).join('; '),
              )}
            {row(
              'Saved',
              'saved',
              (s) =>
                `${s.createdAt.slice(0, 10)} by ${s.createdBy}${versions ? ` · network ${s.version.slice(0, 8)}` : ''}`,
            )}
          </tbody>
        </table>
        <div class="compare-lists">
          {list('only-a', 'Stop only in A', c.onlyA)}
          {list('both', 'Stop in both', c.both)}
          {list('only-b', 'Stop only in B', c.onlyB)}
        </div>
      </div>
      {versions && <p class="warn-text small">The two were run on different versions of the network.</p>}
    </div>
  );
}
