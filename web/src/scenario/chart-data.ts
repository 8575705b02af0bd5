/**
 * What the revenue-at-risk chart is drawn from (Observable Plot does the drawing, see
 * day-chart-plot.ts): one row per day 0 … lastDay with the API's value and its hover
 * title, the days labelled on the x axis and the y domain. Pure, tested in test/web.
 *
 * @example
 *   dayRows(run)[3];          // { day: 3, value: 411016.4, down: 7, title: 'Day 3: ¥411,016 at risk, 7 down' }
 *   xTickDays(31);            // [0, 3, 6, …, 27, 30]
 */
import { t } from '../i18n.ts';
import type { ScenarioRun } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { formatYenFull } from '../replay.ts';

export interface DayRow {
  day: number;
  /** Revenue at risk that day (yen), as the API gives it. */
  value: number;
  /** Companies down that day. */
  down: number;
  /** The hover title. */
  title: string;
}

/** One row per day 0 … n − 1 of the run's revenue at risk. */
export function dayRows(run: Pick<ScenarioRun, 'revenueAtRisk' | 'down'>): DayRow[] {
  return run.revenueAtRisk.map((value, day) => {
    const down = run.down[day] ?? 0;
    return {
      day,
      value,
      down,
      title: t('web.scn.dayTitle', { day, yen: formatYenFull(value), n: formatNumber(down) }),
    };
  });
}

/** The days labelled on the x axis of `count` days: at most about 12, always the first and the last. */
export function xTickDays(count: number): number[] {
  const every = Math.max(1, Math.ceil(count / 12));
  const labelled = Array.from({ length: count }, (_, day) => day).filter((day) => day % every === 0);
  const lastDay = count - 1;
  if (lastDay >= 0 && labelled[labelled.length - 1] !== lastDay) {
    // The last day is always labelled; the label before it goes when it would crowd it.
    if (lastDay - labelled[labelled.length - 1]! < every * 0.6) labelled.pop();
    labelled.push(lastDay);
  }
  return labelled;
}

/** The y domain: 0 to the largest finite value, or 0 … 1 when there is none above 0 (a flat run still has a scale). */
export function yDomain(values: readonly number[]): [number, number] {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  return [0, max > 0 ? max : 1];
}

/** A bar of a value above 0 is at least `min` px tall (grown upwards from its base). */
export function visibleBar(value: number, y: number, height: number, min = 1): { y: number; height: number } {
  if (!(value > 0) || height >= min) return { y, height };
  return { y: y + height - min, height: min };
}
