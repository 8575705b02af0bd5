/**
 * The map's colours (web/src/style.ts): the score scale, and the stylesheet in the light and
 * the dark colour scheme, whose labels must stay readable on the map's background.
 */
import type { StylesheetJson } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  contrast,
  GOODS_EDGE_COLOUR,
  luminance,
  MAP_PALETTES,
  mapStylesheet,
  prefersDark,
  scoreColour,
  SCORE_STOPS,
} from '../../web/src/style.ts';

type Rule = { selector: string; style: Record<string, unknown> };

/** The style of the rule for `selector`. */
function rule(sheet: StylesheetJson, selector: string): Record<string, unknown> {
  const found = (sheet as Rule[]).find((r) => r.selector === selector);
  if (!found) throw new Error(`no rule for ${selector}`);
  return found.style;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('luminance and contrast', () => {
  it('are the WCAG figures: black 0, white 1, black on white 21:1', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrast('#777777', '#777777')).toBe(1);
  });
});

describe('mapStylesheet', () => {
  it('in the light scheme draws dark labels on a white outline, the goods edges grey', () => {
    const node = rule(mapStylesheet(false), 'node');
    expect(node['color']).toBe(MAP_PALETTES.light.label);
    expect(node['text-background-color']).toBe('#ffffff');
    expect(rule(mapStylesheet(false), 'edge')['line-color']).toBe(GOODS_EDGE_COLOUR);
    expect(luminance(MAP_PALETTES.light.label)).toBeLessThan(0.1);
  });

  it('in the dark scheme draws light labels on a dark outline', () => {
    const node = rule(mapStylesheet(true), 'node');
    expect(node['color']).toBe(MAP_PALETTES.dark.label);
    expect(node['text-background-color']).toBe(MAP_PALETTES.dark.labelBackground);
    expect(luminance(MAP_PALETTES.dark.label)).toBeGreaterThan(0.6);
    expect(luminance(MAP_PALETTES.dark.labelBackground)).toBeLessThan(0.05);
    expect(rule(mapStylesheet(true), 'edge.single')['line-color']).toBe(MAP_PALETTES.dark.singleSource);
  });

  it('keeps labels readable (4.5:1) and lines visible (3:1) on its own background in both schemes', () => {
    for (const p of [MAP_PALETTES.light, MAP_PALETTES.dark]) {
      expect(contrast(p.label, p.labelBackground)).toBeGreaterThanOrEqual(4.5);
      for (const line of [p.singleSource, p.unassessed, p.selected])
        expect(contrast(line, p.labelBackground)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.goodsEdge, p.labelBackground)).toBeGreaterThanOrEqual(2);
    }
  });

  it('changes only the scheme colours: the same selectors, the score fill from the data in both', () => {
    const light = mapStylesheet(false) as Rule[];
    const dark = mapStylesheet(true) as Rule[];
    expect(dark.map((r) => r.selector)).toEqual(light.map((r) => r.selector));
    expect(rule(dark, 'node')['background-color']).toBe('data(fill)');
    expect(rule(dark, 'edge.path')).toEqual(rule(light, 'edge.path'));
    expect(scoreColour(0)).toBe(SCORE_STOPS[0]!.colour);
  });

  it('without an argument follows prefers-color-scheme, and is light where there is no matchMedia', () => {
    vi.stubGlobal('matchMedia', undefined);
    expect(prefersDark()).toBe(false);
    expect(rule(mapStylesheet(), 'node')['color']).toBe(MAP_PALETTES.light.label);
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' }));
    expect(prefersDark()).toBe(true);
    expect(rule(mapStylesheet(), 'node')['color']).toBe(MAP_PALETTES.dark.label);
  });
});
