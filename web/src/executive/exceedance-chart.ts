/**
 * The exceedance curves of the executive view, drawn with Observable Plot: the annual
 * loss (aggregate exceedance, AEP) and the year's largest single event (occurrence
 * exceedance, OEP) against the return period — 1 / P(loss ≥ ℓ), in years, on a log axis
 * — with the 1-in-100-year annual loss marked. Plot computes every scale, tick and path;
 * this file only says what to draw. The chart's class is `exceedance-plot`; its text is
 * 12px, and a chart narrower than 560px labels the powers of ten only and puts the 1-in-100 label below-right.
 *
 * @example
 *   container.append(exceedanceChart(data.loss, { width: 640, height: 260 }));
 */
import * as Plot from '@observablehq/plot';
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { formatYen } from '../replay.ts';

export interface ChartSize {
  width: number;
  height: number;
}

type Loss = ExecutiveResponse['loss'];

/** One row per curve point: which curve, return period (years), loss (yen). */
function rows(loss: Loss): { curve: string; years: number; loss: number }[] {
  const of = (curve: string, points: Loss['exceedance']): { curve: string; years: number; loss: number }[] =>
    points
      .filter((p) => p.probability > 0 && p.probability <= 1 && p.loss > 0)
      .map((p) => ({ curve, years: 1 / p.probability, loss: p.loss }));
  const [annual, largest] = curves();
  return [...of(annual.name, loss.exceedance), ...of(largest.name, loss.occurrence)];
}

const TICKS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
const NARROW_TICKS = [1, 10, 100, 1000, 10_000, 100_000];

/** The two curves, named in the page's language. */
function curves(): [{ name: string; colour: string }, { name: string; colour: string }] {
  return [
    { name: t('web.exec.curveAnnual'), colour: '#c62828' },
    { name: t('web.exec.curveLargest'), colour: '#5c6bc0' },
  ];
}

/** A one-line legend of the two curves (plain HTML, so print and screen agree). */
function legend(): HTMLElement {
  const box = document.createElement('div');
  box.className = 'chart-legend';
  for (const c of curves()) {
    const item = document.createElement('span');
    const swatch = document.createElement('i');
    swatch.style.background = c.colour;
    item.append(swatch, c.name);
    box.append(item);
  }
  return box;
}

/** The chart with its legend; an explanatory note when no year has a loss. */
export function exceedanceChart(loss: Loss, size: ChartSize): HTMLElement {
  const data = rows(loss);
  if (data.length === 0) {
    const note = document.createElement('p');
    note.className = 'muted';
    note.textContent = t('web.exec.chartEmpty');
    return note;
  }
  const maxYears = Math.max(200, ...data.map((d) => d.years));
  // A narrow chart (a phone) labels the powers of ten only, so the labels never overlap.
  const narrow = size.width < 560;
  const ticks = (narrow ? NARROW_TICKS : TICKS).filter((t) => t <= maxYears);
  const figure = document.createElement('figure');
  figure.append(legend());
  const chart = Plot.plot({
    width: size.width,
    height: size.height,
    marginLeft: 64,
    marginBottom: 38,
    marginRight: 24,
    className: 'exceedance-plot',
    style: { fontSize: '12px', background: 'transparent' },
    x: {
      type: 'log',
      domain: [1, maxYears],
      label: t('web.exec.chartX'),
      grid: true,
      ticks,
    },
    y: { label: t('web.exec.chartY'), grid: true, tickFormat: (v: number) => formatYen(v), zero: true },
    color: { domain: curves().map((c) => c.name), range: curves().map((c) => c.colour) },
    marks: [
      // An explicit axis labels every tick: a log scale's own tick format would blank the 5s.
      Plot.axisX(ticks, { text: (y: number) => y.toLocaleString('en-US'), label: t('web.exec.chartX') }),
      Plot.line(data, { x: 'years', y: 'loss', stroke: 'curve', strokeWidth: 2, curve: 'step-after' }),
      Plot.ruleX([100], { stroke: '#6b7280', strokeDasharray: '3,3' }),
      Plot.dot([{ years: 100, loss: loss.quantiles.p99 }], { x: 'years', y: 'loss', fill: '#c62828', r: 4 }),
      Plot.text([{ years: 100, loss: loss.quantiles.p99 }], {
        x: 'years',
        y: 'loss',
        text: (d: { loss: number }) => t('web.exec.chartP99', { loss: formatYen(d.loss) }),
        // Above-left of the point; on a narrow chart below-right, clear of the y axis (the curves rise to the right).
        ...(narrow ? { dx: 8, dy: 12, textAnchor: 'start' } : { dx: -8, dy: -10, textAnchor: 'end' }),
        fontWeight: 'bold',
      }),
      Plot.tip(
        data,
        Plot.pointer({
          x: 'years',
          y: 'loss',
          title: (d: { curve: string; years: number; loss: number }) =>
            `${d.curve}\n${t('web.exec.chartTip', { years: d.years.toFixed(0), loss: formatYen(d.loss) })}`,
        }),
      ),
    ],
  });
  // Plot adds a <style> element of defaults; the page's Content Security Policy allows no
  // inline style sheet, so it goes before the chart enters the page (executive.css has the rules).
  for (const style of chart.querySelectorAll('style')) style.remove();
  figure.append(chart);
  return figure;
}
