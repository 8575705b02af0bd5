/**
 * The neighbourhood walk both stores share, so they agree to the company: breadth-first
 * from one company, `up` hops along supplier edges and `down` hops along buyer edges, one
 * hop in each direction per round. A company's distance is the fewer hops of the two
 * walks; with a `limit`, the nearest are kept, ties broken by load order. The store only
 * supplies `step`: the companies one hop up or down from a frontier, with their load order.
 *
 * @example
 *   const ids = await walkNeighbourhood({ id: 'a', order: 0 }, resolveNeighbourhood(options), step);
 */
import { UsageError } from '../errors.ts';
import type { NeighbourhoodOptions } from './graph-store.ts';

/** A company as the walk sees it: its id and its position in the loaded network. */
export interface Placed {
  id: string;
  order: number;
}

export type Direction = 'up' | 'down';

export type Step = (frontier: string[], direction: Direction) => Promise<Placed[]> | Placed[];

/** Checks the options: `up` and `down` integers ≥ 0, `limit` an integer ≥ 1 when given. */
export function resolveNeighbourhood(options: NeighbourhoodOptions): Required<NeighbourhoodOptions> {
  const { up, down, limit = Number.POSITIVE_INFINITY } = options;
  for (const [field, value] of [['up', up], ['down', down]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new UsageError(`neighbourhood: ${field} must be a whole number ≥ 0, got ${String(value)}`, field);
    }
  }
  if (limit !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new UsageError(`neighbourhood: limit must be a whole number ≥ 1, got ${String(limit)}`, 'limit');
  }
  return { up, down, limit };
}

/** The ids within reach of `start`, nearest first (at most `limit`), in load order. */
export async function walkNeighbourhood(start: Placed, options: Required<NeighbourhoodOptions>, step: Step): Promise<string[]> {
  const distance = new Map<string, Placed & { distance: number }>([[start.id, { ...start, distance: 0 }]]);
  // Each direction is its own breadth-first walk; `distance` keeps the nearer of the two.
  const seen: Record<Direction, Set<string>> = { up: new Set([start.id]), down: new Set([start.id]) };
  const frontiers: Record<Direction, string[]> = { up: [start.id], down: [start.id] };
  const hops: Record<Direction, number> = { up: options.up, down: options.down };
  // After round r every company within r hops is known, so stop once `limit` are known.
  for (let round = 1; distance.size < options.limit; round++) {
    let moved = false;
    for (const direction of ['up', 'down'] as const) {
      if (round > hops[direction] || frontiers[direction].length === 0) continue;
      moved = true;
      const next: string[] = [];
      for (const found of await step(frontiers[direction], direction)) {
        if (seen[direction].has(found.id)) continue;
        seen[direction].add(found.id);
        next.push(found.id);
        if (!distance.has(found.id)) distance.set(found.id, { ...found, distance: round });
      }
      frontiers[direction] = next;
    }
    if (!moved) break;
  }
  const kept = [...distance.values()].sort((a, b) => a.distance - b.distance || a.order - b.order).slice(0, options.limit);
  return kept.sort((a, b) => a.order - b.order).map((c) => c.id);
}
