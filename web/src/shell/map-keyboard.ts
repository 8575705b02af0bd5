/**
 * The map's keyboard: with `#map` focused, the arrow keys move the selected company
 * (map-keys.ts decides where), Enter opens the selected company's details as a click
 * does, Escape clears the selection. A company moved to off screen is brought into view.
 */
import type { SupplyMap } from '../map.ts';
import { isArrowKey, nextCompany, startCompany, type KeyNode } from './map-keys.ts';

export interface MapKeyActions {
  /** The selected company, if any. */
  current(): string | null;
  /** Select company `id` (as a click does: its details open). */
  select(id: string): void;
  clear(): void;
}

/** The companies on the map with their positions and tiers. */
function keyNodes(map: SupplyMap): KeyNode[] {
  return map.cy.nodes().map((n) => ({ id: n.id(), ...n.position(), tier: map.node(n.id())?.tier ?? null }));
}

/** Pans to `id` when it is outside the visible map. */
function keepInView(map: SupplyMap, id: string): void {
  const cy = map.cy;
  const node = cy.$id(id);
  if (node.empty()) return;
  const p = node.renderedPosition();
  const margin = 40;
  if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) map.centreOn(id);
}

export function attachMapKeys(container: HTMLElement, map: SupplyMap, actions: MapKeyActions): void {
  container.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = actions.current();
    if (isArrowKey(event.key)) {
      event.preventDefault();
      const edges = map.cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id() }));
      const next = nextCompany(current, event.key, keyNodes(map), edges);
      if (next === null || next === current) return;
      actions.select(next);
      keepInView(map, next);
    } else if (event.key === 'Enter') {
      const id = current ?? startCompany(keyNodes(map));
      if (id === null) return;
      event.preventDefault();
      actions.select(id);
      keepInView(map, id);
    } else if (event.key === 'Escape' && current !== null) {
      event.preventDefault();
      actions.clear();
    }
  });
}
