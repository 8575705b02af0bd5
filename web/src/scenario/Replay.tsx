/**
 * The replay of the run shown: its head (name, hit, Clear from map), the before/after of
 * its what-ifs, its figures, the day slider with play/pause (PLAY_STEP_MS per day)
 * driving the map, the day's caption, the chart, and the companies it stops that are not
 * in the map's view.
 *
 * @example
 *   <Replay app={app} />
 */
import { t } from '../i18n.ts';
import { formatYen } from '../replay.ts';
import { companies, eventsOn } from '../replay.ts';
import { useNames, type ScenarioApp } from './app.ts';
import { DayChart } from './DayChart.tsx';
import { ReplayKpis } from './ReplayKpis.tsx';
import { dayCount, nameList } from './text.ts';
import { WhatIfResult } from './WhatIfResult.tsx';
import { Downloads } from '../downloads.tsx';

export function Replay({ app }: { app: ScenarioApp }) {
  const { ctx, store, actions } = app;
  const shown = store.shown.value;
  const day = store.day.value;
  const nameOf = useNames(app);
  if (!shown)
    return (
      <div class="scenario-replay">
        <h3>{t('web.scn.replay')}</h3>
        <p class="muted">{t('web.scn.replayIntro')}</p>
      </div>
    );
  const r = shown.run;
  const outcome = store.outcome.value;
  const down = shown.days[day] ?? [];
  const { stopped, recovered } = eventsOn(r, day);
  const outside = actions.outside();
  const playing = store.playing.value;
  return (
    <div class="scenario-replay">
      <div class="replay-head">
        <h3>{shown.name ? t('web.scn.replayOf', { name: shown.name }) : t('web.scn.replay')}</h3>
        <span class="muted small">
          {t('web.scn.hitFor', { names: nameList(r.hit, nameOf, 3), days: dayCount(r.days) })}
          {shown.whatIf.length > 0 && t('web.scn.withWhatIfs', { count: shown.whatIf.length })}
        </span>
        <span class="spacer" />
        <Downloads
          what="scenario"
          fetch={(format) =>
            ctx.api.download('/api/scenario', format, {
              hit: r.hit,
              days: r.days,
              ...(shown.whatIf.length > 0 ? { whatIf: shown.whatIf } : {}),
            })
          }
        />
        <button id="scenario-clear" type="button" class="link-button" onClick={() => actions.clear()}>
          {t('web.scn.clear')}
        </button>
      </div>
      {outcome && outcome.after === r && <WhatIfResult app={app} outcome={outcome} />}
      <ReplayKpis run={r} />
      <div class="slider-row">
        <button
          id="scenario-play"
          type="button"
          class={playing ? 'play playing' : 'play'}
          title={t('web.scn.play')}
          onClick={() => (playing ? actions.stop() : actions.play())}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <input
          id="scenario-day"
          type="range"
          min={0}
          max={r.lastDay}
          step={1}
          value={day}
          aria-label={t('web.scn.day')}
          onInput={(e) => {
            actions.stop();
            actions.setDay(Number(e.currentTarget.value));
          }}
        />
        <strong class="day-label" id="scenario-day-label">
          {t('web.scn.dayOf', { day, last: r.lastDay })}
        </strong>
      </div>
      <p class="day-caption" id="scenario-caption">
        <strong>{t('web.scn.nDown', { n: companies(down.length) })}</strong> ·{' '}
        {t('web.scn.atRiskThatDay', { yen: formatYen(r.revenueAtRisk[day] ?? 0) })}
        {stopped.length > 0 && (
          <span class="stops">
            {t('web.scn.stopsToday', { count: stopped.length, names: nameList(stopped, nameOf) })}
          </span>
        )}
        {recovered.length > 0 && (
          <span class="recovers">{t('web.scn.backUp', { names: nameList(recovered, nameOf) })}</span>
        )}
      </p>
      <DayChart
        run={r}
        day={day}
        onPick={(d) => {
          actions.stop();
          actions.setDay(d);
        }}
      />
      <p class="outside muted small" id="scenario-outside" hidden={outside.length === 0}>
        {t('web.scn.outside', { count: outside.length, companies: companies(outside.length) })}{' '}
        {nameList(outside, nameOf)}{' '}
        <button
          id="scenario-show-outside"
          type="button"
          class="link-button"
          onClick={() => void ctx.track(actions.showOutside())}
        >
          {t('web.shell.showThem')}
        </button>
      </p>
    </div>
  );
}
