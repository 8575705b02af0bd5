/**
 * The replay of the run shown: its head (name, hit, Clear from map), the before/after of
 * its what-ifs, its figures, the day slider with play/pause (PLAY_STEP_MS per day)
 * driving the map, the day's caption, the chart, and the companies it stops that are not
 * in the map's view.
 *
 * @example
 *   <Replay app={app} />
 */
import { formatYen } from '../replay.ts';
import { companies, eventsOn } from '../replay.ts';
import { useNames, type ScenarioApp } from './app.ts';
import { DayChart } from './DayChart.tsx';
import { ReplayKpis } from './ReplayKpis.tsx';
import { dayCount, nameList } from './text.ts';
import { WhatIfResult } from './WhatIfResult.tsx';

export function Replay({ app }: { app: ScenarioApp }) {
  const { ctx, store, actions } = app;
  const shown = store.shown.value;
  const day = store.day.value;
  const nameOf = useNames(app);
  if (!shown)
    return (
      <div class="scenario-replay">
        <h3>Replay</h3>
        <p class="muted">
          Run a scenario to replay its cascade on the map day by day: who stops when, and the revenue at risk each day.
        </p>
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
        <h3>{shown.name ? `Replay: ${shown.name}` : 'Replay'}</h3>
        <span class="muted small">
          {nameList(r.hit, nameOf, 3)} hit for {dayCount(r.days)}
          {shown.whatIf.length > 0 && ` · with ${shown.whatIf.length} what-if${shown.whatIf.length === 1 ? '' : 's'}`}
        </span>
        <span class="spacer" />
        <button id="scenario-clear" type="button" class="link-button" onClick={() => actions.clear()}>
          Clear from map
        </button>
      </div>
      {outcome && outcome.after === r && <WhatIfResult app={app} outcome={outcome} />}
      <ReplayKpis run={r} />
      <div class="slider-row">
        <button
          id="scenario-play"
          type="button"
          class={playing ? 'play playing' : 'play'}
          title="Play the cascade day by day"
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
          aria-label="Day"
          onInput={(e) => {
            actions.stop();
            actions.setDay(Number(e.currentTarget.value));
          }}
        />
        <strong class="day-label" id="scenario-day-label">
          Day {day} of {r.lastDay}
        </strong>
      </div>
      <p class="day-caption" id="scenario-caption">
        <strong>{companies(down.length)} down</strong> · {formatYen(r.revenueAtRisk[day] ?? 0)} revenue at risk that day
        {stopped.length > 0 && (
          <span class="stops">{` · stop${stopped.length === 1 ? 's' : ''} today: ${nameList(stopped, nameOf)}`}</span>
        )}
        {recovered.length > 0 && <span class="recovers">{` · back up: ${nameList(recovered, nameOf)}`}</span>}
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
        {companies(outside.length)} this scenario stops {outside.length === 1 ? 'is' : 'are'} not in this view:{' '}
        {nameList(outside, nameOf)}{' '}
        <button
          id="scenario-show-outside"
          type="button"
          class="link-button"
          onClick={() => void ctx.track(actions.showOutside())}
        >
          Show them
        </button>
      </p>
    </div>
  );
}
