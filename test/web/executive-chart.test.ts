// @vitest-environment happy-dom
/**
 * The exceedance chart (web/src/executive/exceedance-chart.ts, Observable Plot) and the
 * size it is drawn at (ExceedanceChart.tsx): the two curves with their legend, the
 * 1-in-100-year mark, no inline <style> (the CSP refuses it), 12px text, the powers of
 * ten only on a narrow chart, and a note instead of a chart when no year has a loss.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutiveResponse } from '../../src/contract/api-types.ts';
import { exceedanceChart } from '../../web/src/executive/exceedance-chart.ts';
import { chartSize } from '../../web/src/executive/ExceedanceChart.tsx';

const LOSS = {
  quantiles: { p95: 1e12, p99: 4.9e12, p995: 8.7e12 },
  exceedance: [
    { loss: 1e12, probability: 0.1 },
    { loss: 4.9e12, probability: 0.01 },
    { loss: 9e12, probability: 0.0001 },
  ],
  occurrence: [{ loss: 0.8e12, probability: 0.1 }],
} as ExecutiveResponse['loss'];

/** The x axis' labels of a chart. */
const xLabels = (figure: HTMLElement): string[] =>
  [...figure.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => t.textContent ?? '');

describe('exceedanceChart', () => {
  it('draws both curves with their legend and marks the 1-in-100-year loss', () => {
    const figure = exceedanceChart(LOSS, { width: 700, height: 210 });
    expect([...figure.querySelectorAll('.chart-legend span')].map((s) => s.textContent)).toEqual([
      'Annual loss (all events of a year)',
      'Largest single event of a year',
    ]);
    const svg = figure.querySelector('svg.exceedance-plot')!;
    expect(svg.getAttribute('width')).toBe('700');
    expect(svg.querySelector('style')).toBeNull();
    expect(figure.textContent).toContain('1-in-100-year: ¥4.9T');
    expect((svg as SVGElement).style.fontSize).toBe('12px');
    expect(xLabels(figure)).toContain('5');
  });

  it('labels the powers of ten only when narrow', () => {
    expect(xLabels(exceedanceChart(LOSS, { width: 340, height: 220 }))).toEqual(['1', '10', '100', '1,000', '10,000']);
  });

  it('says so when no year has a loss', () => {
    const note = exceedanceChart({ ...LOSS, exceedance: [], occurrence: [] }, { width: 700, height: 210 });
    expect(note.textContent).toBe('No simulated year has a loss: there is no curve to draw.');
  });
});

describe('chartSize', () => {
  it('is the box width, within 260–860 px, taller when narrow; a default before layout', () => {
    expect(chartSize(0)).toEqual({ width: 760, height: 210 });
    expect(chartSize(340.6)).toEqual({ width: 340, height: 220 });
    expect(chartSize(200)).toEqual({ width: 260, height: 220 });
    expect(chartSize(1200)).toEqual({ width: 860, height: 210 });
  });
});
