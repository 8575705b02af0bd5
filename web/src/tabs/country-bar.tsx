/**
 * One bar of the countries chart: the shares of a tier's (or a focal company's critical
 * suppliers') countries stacked left to right, drawn with Observable Plot at the width
 * the bar has (it follows the drawer's width), each segment labelled when it has room
 * and titled "JP: 46% (12)".
 *
 * @example
 *   <CountryBar parts={sortParts(tier.byCount)} palette={countryPalette(data)} />
 */
import * as Plot from '@observablehq/plot';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CountryShare } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { OTHER_COLOUR, segmentLabel, segmentTitle } from './countries.ts';

const HEIGHT = 20;

/** The bar as a Plot chart `width` pixels wide. */
export function countryBarPlot(
  parts: readonly CountryShare[],
  palette: ReadonlyMap<string, string>,
  width: number,
): SVGSVGElement | HTMLElement {
  const countries = [...palette.keys()];
  const chart = Plot.plot({
    width,
    height: HEIGHT,
    margin: 0,
    className: 'country-bar-plot',
    style: { fontSize: '12px', background: 'transparent' },
    x: { domain: [0, 1], axis: null },
    color: { domain: countries, range: countries.map((c) => palette.get(c) ?? OTHER_COLOUR), unknown: OTHER_COLOUR },
    marks: [
      Plot.barX(parts, {
        x: 'share',
        fill: 'country',
        stroke: 'white',
        strokeOpacity: 0.7,
        title: (d: CountryShare) => segmentTitle(d),
      }),
      Plot.text(
        parts,
        Plot.stackX({
          x: 'share',
          text: (d: CountryShare) => segmentLabel(d, d.share * width),
          fill: 'white',
          fontWeight: 700,
          className: 'segment-label',
        }),
      ),
    ],
  });
  // Plot's own <style> element: the CSP allows no inline style sheet (tabs.css has its rules).
  for (const style of chart.querySelectorAll('style')) style.remove();
  return chart;
}

/** The width of an element, followed as it changes (0 while hidden). */
function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function CountryBar({ parts, palette }: { parts: CountryShare[]; palette: ReadonlyMap<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || width === 0 || parts.length === 0) return;
    const chart = countryBarPlot(parts, palette, width);
    el.append(chart);
    return () => chart.remove();
  }, [parts, palette, width]);
  return (
    <div class="bar country-bar" ref={ref}>
      {parts.length === 0 && <span class="muted">{t('web.scn.none')}</span>}
    </div>
  );
}
