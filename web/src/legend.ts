/**
 * The map legend, drawn from the constants of style.ts so it cannot drift from the map:
 * the red-to-green score scale (fill = effective score, ring = own score), node size =
 * risk contribution, the dashed ring of unassessed companies, the +N of hidden
 * suppliers, and the edge styles (goods, single source, the three access types, the
 * exposure path, the disrupted halo, the halo of a company stopping on a replayed day).
 */
import { h, svg } from './dom.ts';
import {
  ACCESS_STYLES,
  DISRUPTED_COLOUR,
  GOODS_EDGE_COLOUR,
  PATH_COLOUR,
  RADIUS_COLOUR,
  SCORE_STOPS,
  SINGLE_SOURCE_COLOUR,
  STOP_DAY_COLOUR,
  scoreColour,
} from './style.ts';

function edgeSample(colour: string, width: number, dash: number[] = []): SVGSVGElement {
  return svg(
    'svg',
    { width: 38, height: 10, viewBox: '0 0 38 10', 'aria-hidden': 'true' },
    svg('line', {
      x1: 1,
      y1: 5,
      x2: 31,
      y2: 5,
      stroke: colour,
      'stroke-width': width,
      'stroke-dasharray': dash.join(' ') || 'none',
    }),
    svg('path', { d: 'M30 1 L37 5 L30 9 Z', fill: colour }),
  );
}

function nodeSample(
  fill: string,
  border: string,
  options: { size?: number; dashed?: boolean; halo?: string } = {},
): SVGSVGElement {
  const size = options.size ?? 14;
  const box = 26;
  const c = box / 2;
  const children: SVGElement[] = [];
  if (options.halo)
    children.push(svg('circle', { cx: c, cy: c, r: size / 2 + 6, fill: options.halo, 'fill-opacity': 0.4 }));
  children.push(
    svg('circle', {
      cx: c,
      cy: c,
      r: size / 2,
      fill,
      stroke: border,
      'stroke-width': 3,
      'stroke-dasharray': options.dashed ? '3 2' : 'none',
    }),
  );
  return svg('svg', { width: box, height: box, viewBox: `0 0 ${box} ${box}`, 'aria-hidden': 'true' }, ...children);
}

/** The legend element (collapsible with its header). */
export function createLegend(): HTMLElement {
  const gradient = `linear-gradient(to right, ${SCORE_STOPS.map((s) => `${s.colour} ${s.score}%`).join(', ')})`;
  const legend = h(
    'div',
    { class: 'legend', 'data-legend': '' },
    h('button', { class: 'legend-head', onclick: () => legend.classList.toggle('collapsed') }, 'Legend'),
    h(
      'div',
      { class: 'legend-body' },
      h('div', { class: 'legend-title' }, 'Security score'),
      h('div', { class: 'scale', style: `background:${gradient}` }),
      h('div', { class: 'scale-ticks' }, ...[0, 25, 50, 75, 100].map((t) => h('span', {}, String(t)))),
      h(
        'ul',
        {},
        h('li', {}, nodeSample(scoreColour(30), scoreColour(85)), 'fill: effective score · ring: own score'),
        h('li', {}, nodeSample(scoreColour(0), '#6b7280', { dashed: true }), 'unassessed (?) — scored 0'),
        h(
          'li',
          {},
          nodeSample('#cbd2d9', '#9aa5b1', { size: 8 }),
          nodeSample('#cbd2d9', '#9aa5b1', { size: 18 }),
          'size: risk contribution',
        ),
        h(
          'li',
          {},
          h('span', { class: 'legend-text-sample' }, 'Name ★2 +3'),
          '★ own level · +N suppliers hidden (double-click)',
        ),
      ),
      h('div', { class: 'legend-title' }, 'Supplies (supplier → buyer)'),
      h(
        'ul',
        {},
        h('li', {}, edgeSample(GOODS_EDGE_COLOUR, 1.5), 'goods'),
        h('li', {}, edgeSample(SINGLE_SOURCE_COLOUR, 4), 'single source (its loss alone stops the buyer)'),
        ...(['network', 'software', 'data'] as const).map((kind) =>
          h('li', {}, edgeSample(ACCESS_STYLES[kind].colour, 2, ACCESS_STYLES[kind].dash), ACCESS_STYLES[kind].label),
        ),
        h('li', {}, edgeSample(PATH_COLOUR, 4), 'exposure path of the selected company'),
        h(
          'li',
          {},
          nodeSample(scoreColour(60), scoreColour(60), { halo: RADIUS_COLOUR }),
          'stops if the selected company is hit (label: the day it stops)',
        ),
        h(
          'li',
          {},
          nodeSample(scoreColour(60), scoreColour(60), { halo: DISRUPTED_COLOUR }),
          'disrupted in a simulated breach; down on the replayed day',
        ),
        h(
          'li',
          {},
          nodeSample(scoreColour(60), scoreColour(60), { halo: STOP_DAY_COLOUR }),
          'stops on the replayed day',
        ),
      ),
    ),
  );
  return legend;
}
