/**
 * Two saved scenarios side by side (GET /api/scenarios/compare): a table of their hit,
 * revenue at risk, companies stopped, peak, focal companies stopped, what-ifs and when
 * they were saved, and the companies that stop only in A, in both, only in B (the map
 * marks them the same way).
 *
 * @example
 *   <Compare app={app} />
 */
import { t } from '../i18n.ts';
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
        <p class="muted small">{t('web.scn.none')}</p>
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
        <h3>{t('web.scn.comparison')}</h3>
        <span class="muted small">{t('web.scn.compareKey')}</span>
        <span class="spacer" />
        <button id="compare-close" type="button" class="link-button" onClick={() => actions.closeCompare()}>
          {t('web.scn.backToReplay')}
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
            {row(t('web.scn.hit'), 'hit', (s) =>
              t('web.scn.namesFor', { names: nameList(s.hit, ctx.nameOf, 3), days: dayCount(s.days) }),
            )}
            {row(t('web.scn.revenueOutage'), 'revenue', (s) => (
              <strong
                class="revenue"
                data-value={s.result.totalRevenueAtRisk}
                title={formatYenFull(s.result.totalRevenueAtRisk)}
              >
                {formatYen(s.result.totalRevenueAtRisk)}
              </strong>
            ))}
            {row(t('web.scn.stopped'), 'stopped', (s) => (
              <span data-value={s.result.companies.length}>{formatNumber(s.result.companies.length)}</span>
            ))}
            {row(t('web.scn.peak'), 'peak', (s) =>
              t('web.scn.downOnDay', { n: formatNumber(s.result.peak.down), day: s.result.peak.day }),
            )}
            {row(t('web.scn.focalStopped'), 'focal', (s) => focalStops(s.result))}
            {anyWhatIf &&
              row(t('web.scn.whatIfs'), 'what-if', (s) =>
                (s.whatIf ?? []).length === 0
                  ? t('web.scn.none')
                  : s.whatIf.map((op) => opText(op, ctx.nameOf)).join('; '),
              )}
            {row(
              t('web.scn.saved'),
              'saved',
              (s) =>
                t('web.scn.savedBy', { date: s.createdAt.slice(0, 10), who: s.createdBy }) +
                (versions ? t('web.scn.networkVersion', { version: s.version.slice(0, 8) }) : ''),
            )}
          </tbody>
        </table>
        <div class="compare-lists">
          {list('only-a', t('web.scn.onlyA'), c.onlyA)}
          {list('both', t('web.scn.both'), c.both)}
          {list('only-b', t('web.scn.onlyB'), c.onlyB)}
        </div>
      </div>
      {versions && <p class="warn-text small">{t('web.scn.versions')}</p>}
    </div>
  );
}
