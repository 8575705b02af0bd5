/**
 * "Which of my tier-1 suppliers depend on this deep supplier" (README): for a company x,
 * the companies downstream of it (its buyers, their buyers, …, x excluded) that are
 * direct suppliers of a focal company f — f's tier-1 suppliers reached from x. Each comes
 * with the shortest supply path from x to it (breadth-first, ties to the supplier found
 * first in edge order), whether x is one of its critical suppliers (it is in x's blast
 * radius: a hit of x alone stops it) and then the day it stops in a long hit of x.
 * The same for f itself. Buyers are followed regardless of share: being downstream says
 * the company buys something made with x's supplies, the blast radius says whether it
 * cannot do without.
 *
 * `createDependants(index)` keeps its scratch arrays (distance, parent, the focal
 * companies marked) between calls and resets only what a call touched, so one call costs
 * O(edges out of the companies downstream of x + x's blast radius), whatever the number
 * of focal companies (marking a new list of them costs its length once).
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { members, type SingleFailures } from './blast-radius.ts';

export interface Tier1Dependant {
  /** Company index of the tier-1 supplier of the focal company. */
  company: number;
  /** Supply edges on the shortest path from x. */
  distance: number;
  /** Company indices of that path, x first, the tier-1 supplier last. */
  path: number[];
  /** x is a critical supplier of it: a hit of x alone stops it. */
  critical: boolean;
  /** The day it stops in a long hit of x (when critical), else null. */
  stopDay: number | null;
}

export interface FocalDependants {
  focal: number;
  /** x is a critical supplier of the focal company. */
  critical: boolean;
  stopDay: number | null;
  /** The focal company's tier-1 suppliers downstream of x: critical first, then nearest, then by id (at most `limit`). */
  tier1: Tier1Dependant[];
  /** How many there are in all. */
  total: number;
}

export interface Dependants {
  /** Companies downstream of x, x excluded. */
  downstream: number;
  focal: FocalDependants[];
}

export interface DependantsQuery {
  /** The focal companies (company indices) whose tier-1 suppliers to look for; answered in this order. */
  focals: readonly number[];
  failures: SingleFailures;
  /** Answer every focal company, those with no tier-1 supplier downstream of x too (default: only those with one). */
  keepEmpty?: boolean;
  /** The most tier-1 suppliers listed per focal company, with their paths (default: all); `total` counts them all. */
  limit?: number;
}

export interface DependantsFinder {
  /** The dependants of x, by focal company. */
  of(x: number, query: DependantsQuery): Dependants;
}

/** Example: `createDependants(idx).of(idx.indexOf.get('foundry')!, { focals: [idx.indexOf.get('oem')!], failures })`. */
export function createDependants(index: IndexedNetwork): DependantsFinder {
  const { n, outStart, outBuyer } = index;
  const dist = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  /** 1 + the position in `marked` of each focal company, 0 for the others. */
  const slotOf = new Int32Array(n);
  let marked: readonly number[] = [];
  /** The last tier-1 supplier added to each slot, so that one supplying a focal company twice counts once. */
  let lastAdded = new Int32Array(1);
  const mark = (focals: readonly number[]): void => {
    if (focals === marked) return;
    for (const f of marked) slotOf[f] = 0;
    focals.forEach((f, k) => {
      if (!(f >= 0 && f < n)) throw new Error(`createDependants: focal company ${f} is out of range 0..${n - 1}`);
      if (slotOf[f] === 0) slotOf[f] = k + 1;
    });
    marked = focals;
    lastAdded = new Int32Array(focals.length + 1);
  };
  return {
    of(x, { focals, failures, keepEmpty = false, limit = Number.POSITIVE_INFINITY }) {
      if (!(x >= 0 && x < n)) throw new Error(`createDependants: company ${x} is out of range 0..${n - 1}`);
      mark(focals);
      lastAdded.fill(-1);
      let tail = 0;
      dist[x] = 0;
      queue[tail++] = x;
      for (let head = 0; head < tail; head++) {
        const u = queue[head]!;
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const v = outBuyer[k]!;
          if (dist[v] !== -1) continue;
          dist[v] = dist[u]! + 1;
          parent[v] = u;
          queue[tail++] = v;
        }
      }
      const stopDay = new Map<number, number>();
      const radius = members(failures.blastRadius, x);
      const start = failures.blastRadius.start[x]!;
      for (let k = 0; k < radius.length; k++) stopDay.set(radius[k]!, failures.stopDays[start + k]!);
      const pathTo = (v: number): number[] => {
        const path: number[] = [];
        for (let w = v; w !== -1; w = w === x ? -1 : parent[w]!) path.push(w);
        return path.reverse();
      };
      // The tier-1 suppliers are the downstream companies with a focal buyer: only their supplies are read.
      const found = new Map<number, number[]>();
      for (let q = 1; q < tail; q++) {
        const u = queue[q]!;
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const slot = slotOf[outBuyer[k]!]!;
          if (slot === 0 || lastAdded[slot] === u) continue;
          lastAdded[slot] = u;
          const list = found.get(slot);
          if (list === undefined) found.set(slot, [u]);
          else list.push(u);
        }
      }
      const idRank = index.idRank;
      const slots = keepEmpty ? focals.map((f) => slotOf[f]!) : [...found.keys()].sort((a, b) => a - b);
      const focal = [...new Set(slots)].map((slot): FocalDependants => {
        const f = focals[slot - 1]!;
        const all = found.get(slot) ?? [];
        // Critical first, then nearest, then by id; paths only for those listed.
        const critical = (u: number): number => (stopDay.has(u) ? 0 : 1);
        all.sort((a, b) => critical(a) - critical(b) || dist[a]! - dist[b]! || idRank[a]! - idRank[b]!);
        const tier1 = all.slice(0, limit).map((u): Tier1Dependant => {
          const day = stopDay.get(u);
          return { company: u, distance: dist[u]!, path: pathTo(u), critical: day !== undefined, stopDay: day ?? null };
        });
        const day = stopDay.get(f);
        return { focal: f, critical: day !== undefined, stopDay: day ?? null, tier1, total: all.length };
      });
      for (let k = 0; k < tail; k++) {
        dist[queue[k]!] = -1;
        parent[queue[k]!] = -1;
      }
      return { downstream: tail - 1, focal };
    },
  };
}
