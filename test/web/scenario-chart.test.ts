// @vitest-environment happy-dom
/**
 * The revenue-at-risk per day chart of the Scenario tab: the data Observable Plot is fed
 * (web/src/scenario/chart-data.ts: one row per day with the API's value, the labelled
 * days, the y domain, the smallest visible bar), and the chart Plot draws from it
 * (day-chart-plot.ts): one tagged bar per day, no inline style sheet, yen on the y axis,
 * the current day marked. (These facts were checked on the hand-computed SVG chart of
 * replay.ts before; Plot now computes the scales and ticks.)
 */
import { describe, expect, it } from 'vitest';
import { formatYen } from '../../web/src/replay.ts';
import { dayRows, visibleBar, xTickDays, yDomain } from '../../web/src/scenario/chart-data.ts';
import { markDay, revenueChart } from '../../web/src/scenario/day-chart-plot.ts';

const run = { revenueAtRisk: [10, 5, 0, 7.5], down: [1, 2, 0, 3] };

describe('chart data', () => {
  it('dayRows gives one row per day, in day order, with the values unchanged and a hover title', () => {
    const rows = dayRows(run);
    expect(rows.map((r) => r.day)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r.value)).toEqual(run.revenueAtRisk);
    expect(rows.map((r) => r.down)).toEqual(run.down);
    expect(rows[3]!.title).toBe('Day 3: ¥8 at risk, 3 down');
    expect(dayRows({ revenueAtRisk: [1_234_567.8], down: [] })[0]!.title).toBe('Day 0: ¥1,234,568 at risk, 0 down');
  });

  it('yDomain reaches the largest value, and a run of zeros (or nothing finite) still has a scale', () => {
    expect(yDomain([10, 5, 0, 7.5])).toEqual([0, 10]);
    expect(yDomain([0, 0, 0])).toEqual([0, 1]);
    expect(yDomain([])).toEqual([0, 1]);
    expect(yDomain([Number.NaN, 3])).toEqual([0, 3]);
  });

  it('xTickDays labels every day of a short run and thins the labels of a long one, always keeping the last day', () => {
    expect(xTickDays(6)).toEqual([0, 1, 2, 3, 4, 5]);
    const long = xTickDays(31);
    expect(long.length).toBeLessThanOrEqual(13);
    expect(long[0]).toBe(0);
    expect(long[long.length - 1]).toBe(30);
    expect([...long].sort((a, b) => a - b)).toEqual(long);
    expect(xTickDays(1)).toEqual([0]);
    expect(xTickDays(0)).toEqual([]);
  });

  it('visibleBar gives a tiny positive value at least one pixel, grown upwards; zero stays flat', () => {
    expect(visibleBar(0.001, 120, 0)).toEqual({ y: 119, height: 1 });
    expect(visibleBar(0, 120, 0)).toEqual({ y: 120, height: 0 });
    expect(visibleBar(50, 60, 60)).toEqual({ y: 60, height: 60 });
  });
});

describe('revenueChart (Observable Plot)', () => {
  const heights = (svg: Element): number[] =>
    [...svg.querySelectorAll('rect.rar-bar')].map((r) => Number(r.getAttribute('height')));

  it('draws one bar per day with its day and value, in proportion, and no style element', () => {
    const svg = revenueChart(run, { width: 400, height: 150 });
    expect(svg.classList.contains('rar-chart')).toBe(true);
    expect(svg.querySelector('style')).toBeNull();
    const bars = [...svg.querySelectorAll<SVGRectElement>('rect.rar-bar')];
    expect(bars.map((b) => Number(b.dataset['day']))).toEqual([0, 1, 2, 3]);
    expect(bars.map((b) => Number(b.dataset['value']))).toEqual(run.revenueAtRisk);
    const [h0, h1, h2, h3] = heights(svg);
    expect(h1! / h0!).toBeCloseTo(0.5);
    expect(h3! / h0!).toBeCloseTo(0.75);
    expect(h2).toBe(0);
    // A column per day under the bars and one over them (the click targets).
    expect(svg.querySelectorAll('rect.day-band').length).toBe(4);
    expect(svg.querySelectorAll('rect.rar-target').length).toBe(4);
    expect(svg.querySelector('rect.rar-target title')?.textContent).toBe('Day 0: ¥10 at risk, 1 down');
  });

  it('gives a tiny positive value at least one pixel', () => {
    const svg = revenueChart({ revenueAtRisk: [1000, 0.001], down: [1, 1] }, { width: 400, height: 150 });
    expect(heights(svg)[1]).toBeGreaterThanOrEqual(1);
  });

  it('labels the y axis in yen, from 0 to at least the largest value', () => {
    const svg = revenueChart({ revenueAtRisk: [82_203, 1000], down: [1, 1] }, { width: 400, height: 150 });
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain(formatYen(0));
    expect(texts.some((t) => t.includes('Revenue at risk (¥)'))).toBe(true);
    const yen = texts.filter((t) => t.startsWith('¥')).map((t) => t.replace('¥', ''));
    expect(yen.length).toBeGreaterThanOrEqual(2);
    expect(yen.length).toBeLessThanOrEqual(6);
  });

  it('a run of zeros still draws flat bars on a scale', () => {
    const svg = revenueChart({ revenueAtRisk: [0, 0, 0], down: [0, 0, 0] }, { width: 400, height: 150 });
    expect(heights(svg)).toEqual([0, 0, 0]);
  });

  it('markDay marks the bar and the column of one day', () => {
    const svg = revenueChart(run, { width: 400, height: 150 });
    markDay(svg, 2);
    expect([...svg.querySelectorAll<SVGRectElement>('.current')].map((r) => r.dataset['day'])).toEqual(['2', '2', '2']);
    markDay(svg, 0);
    expect(svg.querySelector<SVGRectElement>('rect.rar-bar.current')?.dataset['day']).toBe('0');
  });
});
