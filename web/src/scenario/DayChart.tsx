/**
 * The revenue at risk per day of the run replayed, an Observable Plot bar chart
 * (day-chart-plot.ts) at the width of its box, drawn again when the box changes width;
 * the current day is marked without redrawing, and a click on a day's column picks it.
 *
 * @example
 *   <DayChart run={run} day={3} onPick={(day) => setDay(day)} />
 */
import { lang, t } from '../i18n.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScenarioRun } from '../../../src/contract/api-types.ts';
import { markDay, revenueChart } from './day-chart-plot.ts';

export const CHART_HEIGHT = 164;

interface Props {
  run: Pick<ScenarioRun, 'revenueAtRisk' | 'down'>;
  day: number;
  onPick(day: number): void;
}

export function DayChart({ run, day, onPick }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const language = lang.value; // drawn again in the new language when it changes

  useEffect(() => {
    const el = host.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (el.isConnected && el.clientWidth > 0) setWidth(el.clientWidth);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const measured = width > 0 ? width : el.clientWidth;
    el.replaceChildren(revenueChart(run, { width: measured > 0 ? measured : 560, height: CHART_HEIGHT }));
  }, [run, width, language]);

  useEffect(() => {
    const chart = host.current?.querySelector('svg.rar-chart');
    if (chart) markDay(chart, day);
  }, [run, width, day]);

  return (
    <div class="chart-wrap">
      <div class="chart-title">{t('web.scn.perDayChart')}</div>
      <div
        class="chart-host"
        ref={host}
        onClick={(e) => {
          const target = (e.target as Element).closest<SVGElement>('[data-day]');
          if (target) onPick(Number(target.dataset['day']));
        }}
      />
    </div>
  );
}
