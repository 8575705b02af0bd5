/**
 * How the map looks: the red-to-green score scale (ColorBrewer's RdYlGn, interpolated in
 * RGB between five stops), the edge styles of the access types, and the Cytoscape
 * stylesheet that maps element data and classes onto them. Node fill is the effective
 * score, the border the own score, the size the risk contribution; unassessed companies
 * have a dashed border. Classes set by the map: `path`, `dimmed`, `selected-set`,
 * `radius` (the selected company's blast radius, labelled with each stop day), `disrupted`, `hit`, `down-day` and `stop-day` (a scenario replay's day), `only-a`,
 * `only-b` and `in-both` (two scenarios compared), `focal`, `unassessed`, `expandable`, `single`, `access-*`.
 * The legend (web/src/legend.ts) is drawn from the same constants.
 * In the dark colour scheme (`prefers-color-scheme: dark`) the labels, their outline and the
 * neutral edges and rings take the colours of `MAP_PALETTES.dark` so they stay readable on the
 * dark map; the score colours and the meaning colours (path, halos) stay.
 */
import type { StylesheetJson } from 'cytoscape';

/** Score stops of the scale, 0 (red) … 100 (green). */
export const SCORE_STOPS: readonly { score: number; colour: string }[] = [
  { score: 0, colour: '#c62828' },
  { score: 25, colour: '#f4793e' },
  { score: 50, colour: '#f9d057' },
  { score: 75, colour: '#8cc665' },
  { score: 100, colour: '#1e8f4e' },
];

export type AccessKind = 'network' | 'software' | 'data';

/** Edge looks per access type: what the supplier can reach at the buyer. */
export const ACCESS_STYLES: Readonly<
  Record<AccessKind, { colour: string; lineStyle: 'dashed' | 'dotted'; dash: number[]; label: string }>
> = {
  network: { colour: '#7b3fc4', lineStyle: 'dashed', dash: [7, 4], label: 'network access' },
  software: { colour: '#1f6fd1', lineStyle: 'dashed', dash: [2, 3], label: 'software access' },
  data: { colour: '#0e9384', lineStyle: 'dashed', dash: [12, 4, 2, 4], label: 'data access' },
};

export const GOODS_EDGE_COLOUR = '#a3acb9';
export const SINGLE_SOURCE_COLOUR = '#3b4756';
export const PATH_COLOUR = '#d6246e';
export const DISRUPTED_COLOUR = '#e53935';
export const SELECTED_COLOUR = '#1d4ed8';
/** The halo of a company that stops on the replayed day (those down since earlier days get DISRUPTED_COLOUR). */
export const STOP_DAY_COLOUR = '#8e0000';
/** Halo of the companies a breach of the selected company would stop (its blast radius). */
export const RADIUS_COLOUR = '#f57c00';
/** The dashed ring and halo of a company whose level lapses within the lapsing window (yellow: renew soon). */
export const LAPSING_COLOUR = '#eab308';
/** Two scenarios compared: companies only the first stops, only the second, both (the comparison's lists use the same). */
export const COMPARE_COLOURS = { a: '#1d4ed8', b: '#d97706', both: DISRUPTED_COLOUR } as const;

/** The map's colours that follow the page's colour scheme (the map's background is the page's `--map-bg`). */
export interface MapPalette {
  /** Label text. */
  label: string;
  /** The rounded box behind a label (drawn at 75–95 % opacity), the map's background colour. */
  labelBackground: string;
  goodsEdge: string;
  singleSource: string;
  /** The dashed ring of an unassessed company. */
  unassessed: string;
  /** The dotted ring of a company with hidden suppliers. */
  expandable: string;
  /** The ring of a selected company. */
  selected: string;
}

export const MAP_PALETTES: Readonly<Record<'light' | 'dark', MapPalette>> = {
  light: {
    label: '#1f2933',
    labelBackground: '#ffffff',
    goodsEdge: GOODS_EDGE_COLOUR,
    singleSource: SINGLE_SOURCE_COLOUR,
    unassessed: '#6b7280',
    expandable: '#94a3b8',
    selected: SELECTED_COLOUR,
  },
  dark: {
    label: '#e3e9ef',
    labelBackground: '#111922',
    goodsEdge: '#6f7d8c',
    singleSource: '#c7d0d9',
    unassessed: '#9ca3af',
    expandable: '#7b8a9c',
    selected: '#7ea6f8',
  },
};

/** Whether the page is shown in the dark colour scheme (false where there is no `matchMedia`, as in tests). */
export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Calls `listener` whenever the page's colour scheme changes (nothing where there is no matchMedia); returns the unsubscribe. */
export function onSchemeChange(listener: (dark: boolean) => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia('(prefers-color-scheme: dark)');
  const handler = (event: MediaQueryListEvent): void => listener(event.matches);
  query.addEventListener('change', handler);
  return () => query.removeEventListener('change', handler);
}

/** WCAG relative luminance of a `#rrggbb` colour, 0 (black) … 1 (white). */
export function luminance(hex: string): number {
  const lin = (c: number): number => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = hexToRgb(hex);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two `#rrggbb` colours, 1 … 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Node diameters in px: the smallest risk and the largest in view. */
export const NODE_SIZE = { min: 18, max: 50 } as const;

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of a score 0–100 on the red-to-green scale (clamped), as `#rrggbb`. */
export function scoreColour(score: number): string {
  const s = Math.min(100, Math.max(0, Number.isFinite(score) ? score : 0));
  let i = 0;
  while (i < SCORE_STOPS.length - 2 && s > SCORE_STOPS[i + 1]!.score) i++;
  const lo = SCORE_STOPS[i]!;
  const hi = SCORE_STOPS[i + 1]!;
  const t = (s - lo.score) / (hi.score - lo.score);
  const a = hexToRgb(lo.colour);
  const b = hexToRgb(hi.colour);
  return `#${a
    .map((c, k) =>
      Math.round(c + (b[k]! - c) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** A node diameter for a risk contribution: square root of its share of the view's largest risk, clamped. */
export function nodeSize(risk: number, maxRisk: number): number {
  if (!(maxRisk > 0) || !(risk > 0)) return NODE_SIZE.min;
  const t = Math.sqrt(Math.min(risk / maxRisk, 1));
  return Math.round(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * t);
}

type Palette = (typeof MAP_PALETTES)['light'];
type Rules = StylesheetJson;

/** Companies: fill = effective score, ring = own score, size = risk contribution; focal, unassessed, expandable, lapsing. */
function nodeRules(p: Palette): Rules {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(fill)',
        'border-color': 'data(border)',
        'border-width': 4,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        // Japanese names are drawn with the CJK fonts of the page's stack (styles.css).
        'font-family':
          'Inter, "Segoe UI", system-ui, -apple-system, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", Meiryo, sans-serif',
        'font-size': 'data(font)',
        color: p.label,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '165px',
        'text-background-color': p.labelBackground,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 7,
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'node.focal',
      style: {
        shape: 'round-rectangle',
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 6,
        'text-margin-y': 0,
        'text-max-width': '220px',
      },
    },
    { selector: 'node.unassessed', style: { 'border-style': 'dashed', 'border-color': p.unassessed } },
    {
      selector: 'node.expandable',
      style: { 'outline-width': 2, 'outline-color': p.expandable, 'outline-offset': 2, 'outline-style': 'dotted' },
    },
    {
      selector: 'node.lapsing',
      style: {
        'outline-width': 4,
        'outline-color': LAPSING_COLOUR,
        'outline-offset': 2,
        'outline-style': 'dashed',
        // The halo keeps the mark visible on the zoomed-out overview, where a ring is a pixel wide.
        'underlay-color': LAPSING_COLOUR,
        'underlay-opacity': 0.55,
        'underlay-padding': 9,
        'underlay-shape': 'ellipse',
      },
    },
  ];
}

/** Supplies: goods, single sources, the three access types. */
function edgeRules(p: Palette): Rules {
  return [
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': p.goodsEdge,
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.goodsEdge,
        'arrow-scale': 0.7,
        opacity: 0.75,
      },
    },
    {
      selector: 'edge.single',
      style: {
        width: 3.6,
        'line-color': p.singleSource,
        'target-arrow-color': p.singleSource,
        opacity: 0.9,
      },
    },
    ...(Object.entries(ACCESS_STYLES) as [AccessKind, (typeof ACCESS_STYLES)[AccessKind]][]).map(([kind, s]) => ({
      selector: `edge.access-${kind}`,
      style: {
        'line-color': s.colour,
        'target-arrow-color': s.colour,
        'line-style': s.lineStyle,
        'line-dash-pattern': s.dash,
        opacity: 0.9,
      },
    })),
  ];
}

/** Dimming and a simulated breach (interaction states, strongest last). */
function dimAndBreachRules(): Rules {
  return [
    { selector: '.dimmed', style: { opacity: 0.12, 'text-opacity': 0.35 } },
    { selector: 'edge.dimmed', style: { opacity: 0.06 } },
    {
      // Disrupted in a simulated breach, or down on the replayed day: the same red halo.
      selector: 'node.disrupted, node.down-day',
      style: {
        'underlay-color': DISRUPTED_COLOUR,
        'underlay-opacity': 0.45,
        'underlay-padding': 10,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
        'font-size': 14,
        'z-index': 15,
      },
    },
  ];
}

/** The blast radius, a replay's hit and stopping companies, a comparison, the exposure path, the selection. */
function highlightRules(p: Palette): Rules {
  return [
    {
      selector: 'node.radius',
      style: {
        'underlay-color': RADIUS_COLOUR,
        'underlay-opacity': 0.5,
        'underlay-padding': 9,
        'underlay-shape': 'ellipse',
        label: 'data(radiusLabel)',
        'text-wrap': 'wrap',
        'font-weight': 'bold',
        'text-background-opacity': 0.95,
        'z-index': 14,
      },
    },
    {
      selector: 'edge.radius',
      style: { 'line-color': RADIUS_COLOUR, 'target-arrow-color': RADIUS_COLOUR, opacity: 0.9, width: 2.4 },
    },
    { selector: 'node.hit', style: { 'underlay-color': '#8e0000', 'underlay-opacity': 0.7, 'underlay-padding': 14 } },
    {
      selector: 'node.stop-day',
      style: {
        'underlay-color': STOP_DAY_COLOUR,
        'underlay-opacity': 0.75,
        'underlay-padding': 15,
        'font-size': 16,
        'text-background-opacity': 0.95,
        'z-index': 16,
      },
    },
    ...(
      [
        ['only-a', COMPARE_COLOURS.a],
        ['only-b', COMPARE_COLOURS.b],
        ['in-both', COMPARE_COLOURS.both],
      ] as const
    ).map(([cls, colour]) => ({
      selector: `node.${cls}`,
      style: {
        'underlay-color': colour,
        'underlay-opacity': 0.5,
        'underlay-padding': 11,
        'underlay-shape': 'ellipse' as const,
        'font-weight': 'bold' as const,
        'font-size': 14,
        'z-index': 15,
      },
    })),
    {
      selector: 'edge.down-day',
      style: { 'line-color': DISRUPTED_COLOUR, 'target-arrow-color': DISRUPTED_COLOUR, opacity: 0.85, width: 2.4 },
    },
    {
      selector: 'edge.disrupted',
      style: { 'line-color': DISRUPTED_COLOUR, 'target-arrow-color': DISRUPTED_COLOUR, opacity: 0.85 },
    },
    {
      selector: 'edge.path',
      style: { width: 5, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, opacity: 1, 'z-index': 20 },
    },
    {
      selector: 'node.path',
      style: {
        'font-weight': 'bold',
        'font-size': 14,
        'z-index': 20,
        'text-background-opacity': 0.95,
        'text-wrap': 'wrap',
        'text-max-width': '190px',
      },
    },
    {
      selector: 'node.selected-set',
      style: {
        'outline-width': 4,
        'outline-color': p.selected,
        'outline-offset': 3,
        'outline-style': 'solid',
        'z-index': 30,
      },
    },
    {
      selector: 'node.root-cause',
      style: { 'outline-width': 4, 'outline-color': PATH_COLOUR, 'outline-offset': 3, 'outline-style': 'solid' },
    },
  ];
}

/** The Cytoscape stylesheet of the map, in the dark colour scheme when `dark` (by default the page's). */
export function mapStylesheet(dark = prefersDark()): StylesheetJson {
  const p = MAP_PALETTES[dark ? 'dark' : 'light'];
  return [...nodeRules(p), ...edgeRules(p), ...dimAndBreachRules(), ...highlightRules(p)];
}
