/**
 * The revenue-at-risk per day chart of a scenario run, drawn with Observable Plot: one
 * bar per day (`rect.rar-bar`, `data-day`, `data-value`), a full-height column per day
 * (`rect.day-band` under the bars, coloured for the current day; `rect.rar-target` over
 * them, which takes clicks and shows the day's title on hover), the y axis in yen.
 * Plot computes the scales and ticks; this file says what to draw and tags the rects.
 *
 * @example
 *   host.replaceChildren(revenueChart(run, { width: 560, height: 150 }));
 */
import { t } from '../i18n.ts';
import * as Plot from '@observablehq/plot';
import type { ScenarioRun } from '../../../src/contract/api-types.ts';
import { formatYen } from '../replay.ts';
import { dayRows, visibleBar, xTickDays, yDomain, type DayRow } from './chart-data.ts';

/** Tags each rect a mark draws with `cls`, its day and value (in the order of the mark's index). */
function tag(cls: string, rows: DayRow[], minHeight = false): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    const rects = g ? [...g.querySelectorAll('rect')] : [];
    rects.forEach((rect, i) => {
      const row = rows[index[i]!];
      if (!row) return;
      rect.classList.add(cls);
      rect.dataset['day'] = String(row.day);
      rect.dataset['value'] = String(row.value);
      if (minHeight) {
        const fixed = visibleBar(row.value, Number(rect.getAttribute('y')), Number(rect.getAttribute('height')));
        rect.setAttribute('y', String(fixed.y));
        rect.setAttribute('height', String(fixed.height));
      }
    });
    return g;
  };
}

export function revenueChart(
  run: Pick<ScenarioRun, 'revenueAtRisk' | 'down'>,
  size: { width: number; height: number },
): SVGSVGElement {
  const rows = dayRows(run);
  const [, top] = yDomain(run.revenueAtRisk);
  const column = { x1: (d: DayRow) => d.day - 0.5, x2: (d: DayRow) => d.day + 0.5, y1: 0, y2: () => top };
  const chart = Plot.plot({
    width: size.width,
    height: size.height,
    marginLeft: 58,
    marginRight: 10,
    marginTop: 18,
    marginBottom: 36,
    className: 'rar-chart',
    ariaLabel: t('web.scn.perDayChart'),
    style: { fontSize: '12px', background: 'transparent' },
    x: {
      domain: [-0.5, Math.max(0, rows.length - 1) + 0.5],
      ticks: xTickDays(rows.length),
      tickFormat: (d: number) => String(d),
      label: t('web.scn.dayAxis'),
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: {
      domain: [0, top],
      nice: true,
      ticks: 4,
      grid: true,
      tickFormat: (v: number) => formatYen(v),
      label: t('web.scn.revenueAxis'),
    },
    marks: [
      Plot.rect(rows, { ...column, fill: 'transparent', render: tag('day-band', rows) }),
      Plot.rect(rows, {
        x1: (d: DayRow) => d.day - 0.36,
        x2: (d: DayRow) => d.day + 0.36,
        y1: 0,
        y2: 'value',
        title: 'title',
        render: tag('rar-bar', rows, true),
      }),
      Plot.ruleY([0], { className: 'axis' }),
      Plot.rect(rows, { ...column, fill: 'transparent', title: 'title', render: tag('rar-target', rows) }),
    ],
  }) as SVGSVGElement;
  // Plot adds a <style> element of defaults; the page's Content Security Policy allows no
  // inline style sheet, so it goes before the chart enters the page (scenario.css has the rules).
  for (const style of chart.querySelectorAll('style')) style.remove();
  chart.setAttribute('role', 'img');
  return chart;
}

/** Marks `day` on a chart drawn by revenueChart (its bar and its column get `current`). */
export function markDay(chart: Element, day: number): void {
  for (const rect of chart.querySelectorAll<SVGRectElement>('rect[data-day]'))
    rect.classList.toggle('current', Number(rect.dataset['day']) === day);
}
