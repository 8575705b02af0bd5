/**
 * The exceedance chart (exceedance-chart.ts, Observable Plot) drawn at the width of its
 * box, and again whenever that width changes (a phone turned, a window resized), so its
 * text keeps its size instead of shrinking with a scaled picture.
 *
 * @example
 *   <ExceedanceChart loss={data.loss} />
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { lang } from '../i18n.ts';
import { exceedanceChart } from './exceedance-chart.ts';

/** The chart's size for a box `width` px wide (0: not laid out yet). */
export function chartSize(width: number): { width: number; height: number } {
  if (width <= 0) return { width: 760, height: 210 };
  const w = Math.max(260, Math.min(860, Math.floor(width)));
  return { width: w, height: w < 520 ? 220 : 210 };
}

export function ExceedanceChart({ loss }: { loss: ExecutiveResponse['loss'] }) {
  const host = useRef<HTMLDivElement>(null);
  const language = lang.value; // drawn again in the new language when it changes
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let drawn = -1;
    const draw = (): void => {
      const width = el.clientWidth;
      if (width === drawn) return;
      drawn = width;
      el.replaceChildren(exceedanceChart(loss, chartSize(width)));
    };
    draw();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(draw);
    observer.observe(el);
    return () => observer.disconnect();
  }, [loss, language]);
  return <div class="exceedance-chart" id="exec-chart" ref={host} />;
}
