/**
 * Exposure path (README): from v, follow the binding constraint — the commodity
 * whose q_c is the minimum, then the supplier at that threshold — until a company whose
 * eff equals its own score, the root-cause weak link. Ties go to the smallest commodity,
 * then the smallest supplier id (plain string order), so the path is deterministic.
 *
 * On an acyclic network that rule always ends at a root cause. On a cycle of equal
 * scores it can come back to a company already on the path; the path is then taken
 * again with each step restricted to suppliers that fell strictly before the company in
 * the incremental cascade of `effectiveScores` (its causal order). Such a supplier
 * always exists in a binding group, so that path always ends at a root cause.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { groupThreshold } from './effective-score.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';

/** Company indices from v to its root-cause weak link (v first). `order` is `effectiveScores().order`. */
export function exposurePath(
  index: IndexedNetwork,
  own: Float64Array,
  eff: Float64Array,
  order: Int32Array,
  v: number,
  options: Partial<AnalysisOptions> = {},
): number[] {
  const { theta } = resolveOptions(options);
  return walk(index, own, eff, v, theta, null) ?? walk(index, own, eff, v, theta, order) ?? [v];
}

/** One walk; `causal` restricts steps to earlier-fallen suppliers. Null when it comes back on itself. */
function walk(
  index: IndexedNetwork,
  own: Float64Array,
  eff: Float64Array,
  v: number,
  theta: number,
  causal: Int32Array | null,
): number[] | null {
  const path = [v];
  const onPath = new Set<number>([v]);
  let at = v;
  while (eff[at]! < own[at]!) {
    const next = bindingSupplier(index, eff, at, theta, causal);
    if (next < 0 || onPath.has(next)) return null;
    path.push(next);
    onPath.add(next);
    at = next;
  }
  return path;
}

/** The step from `at`: in the binding group of smallest commodity, the supplier at the threshold of smallest id; -1 if none. */
function bindingSupplier(
  index: IndexedNetwork,
  eff: Float64Array,
  at: number,
  theta: number,
  causal: Int32Array | null,
): number {
  let next = -1;
  let nextCommodity = '';
  for (let g = index.buyerGroupStart[at]!, end = index.buyerGroupStart[at + 1]!; g < end; g++) {
    if (groupThreshold(index, eff, g, theta) !== eff[at]) continue;
    const commodity = index.commodities[index.groupCommodity[g]!]!;
    if (next >= 0 && commodity > nextCommodity) continue;
    for (let e = index.groupEdgeStart[g]!, stop = index.groupEdgeStart[g + 1]!; e < stop; e++) {
      const u = index.edgeSupplier[e]!;
      if (eff[u] !== eff[at] || (causal !== null && causal[u]! >= causal[at]!)) continue;
      if (next < 0 || commodity < nextCommodity || index.ids[u]! < index.ids[next]!) {
        next = u;
        nextCommodity = commodity;
      }
    }
  }
  return next;
}

export interface ExposurePaths {
  /** The exposure path of v, as `exposurePath` gives it. */
  of(v: number): number[];
}

// fates: 0 = not settled yet, 3 = on the walk in progress.
const ENDS = 1; // the chain of steps from here reaches a root cause
const FAILS = 2; // it comes back on itself, or finds no step

/**
 * The exposure paths of many companies. Each company's step (its binding supplier) is
 * computed once, on first use, and each company's fate — does the chain of steps from
 * it reach a root cause or come back on itself — is settled once for the whole chain,
 * so the paths of all n companies cost O(m) plus the length of the paths returned.
 * Example: `const paths = exposurePaths(idx, own, eff, order); paths.of(v)`.
 */
export function exposurePaths(
  index: IndexedNetwork,
  own: Float64Array,
  eff: Float64Array,
  order: Int32Array,
  options: Partial<AnalysisOptions> = {},
): ExposurePaths {
  const { theta } = resolveOptions(options);
  const plain = new Chain(index, own, eff, theta, null);
  const causal = new Chain(index, own, eff, theta, order);
  return {
    of(v) {
      if (plain.fate(v) === ENDS) return plain.path(v);
      if (causal.fate(v) === ENDS) return causal.path(v);
      return [v];
    },
  };
}

/** The steps of one walking rule (`causal` restricts steps to earlier-fallen suppliers), memoised. */
class Chain {
  /** Step from each company: -2 not yet computed, -1 none. */
  private readonly next: Int32Array;
  private readonly fates: Uint8Array;
  private readonly stack: number[] = [];

  constructor(
    private readonly index: IndexedNetwork,
    private readonly own: Float64Array,
    private readonly eff: Float64Array,
    private readonly theta: number,
    private readonly causal: Int32Array | null,
  ) {
    this.next = new Int32Array(index.n).fill(-2);
    this.fates = new Uint8Array(index.n);
  }

  /** Whether the walk from v ends at a root cause; settles every company on the way. */
  fate(v: number): number {
    const { fates, stack } = this;
    let at = v;
    let result: number;
    for (;;) {
      if (fates[at] === ENDS || fates[at] === FAILS) {
        result = fates[at]!;
        break;
      }
      if (this.eff[at]! >= this.own[at]!) {
        result = ENDS;
        fates[at] = ENDS;
        break;
      }
      if (fates[at] === 3) {
        result = FAILS; // came back to a company of this walk
        break;
      }
      fates[at] = 3;
      stack.push(at);
      const next = this.step(at);
      if (next < 0) {
        result = FAILS;
        break;
      }
      at = next;
    }
    for (const x of stack) fates[x] = result;
    stack.length = 0;
    return result;
  }

  /** The path from v; only for a v whose fate is ENDS. */
  path(v: number): number[] {
    const path = [v];
    for (let at = v; this.eff[at]! < this.own[at]!;) {
      at = this.next[at]!;
      path.push(at);
    }
    return path;
  }

  /** The step from `at` (see `bindingSupplier`), computed once. */
  private step(at: number): number {
    let next = this.next[at]!;
    if (next === -2) this.next[at] = next = bindingSupplier(this.index, this.eff, at, this.theta, this.causal);
    return next;
  }
}

/**
 * The chain through which a weak link x reaches a focal company: the shortest supply
 * path from x down to a tier-0 company inside x's blast radius (every company on it stops
 * when x alone is hit), returned from the focal company back up to x — "focal ← … ← x".
 * When no focal company is in the blast radius, the path ends at the company of lowest
 * tier that is; `[x]` when the blast radius is empty. Ties: first found in edge order.
 * With `target` (a company of the blast radius), the path goes to that company instead.
 */
export function pathToFocal(
  index: IndexedNetwork,
  radius: Int32Array,
  tier: Int32Array,
  x: number,
  target?: number,
): number[] {
  const inRadius = new Set<number>(radius);
  const parent = new Map<number, number>([[x, -1]]);
  const queue = [x];
  let best = x;
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (target !== undefined) {
      if (u === target) {
        best = u;
        break;
      }
    } else {
      if (u !== x && (best === x || rank(tier[u]!) < rank(tier[best]!))) best = u;
      if (tier[u] === 0 && u !== x) break;
    }
    for (let k = index.outStart[u]!, end = index.outStart[u + 1]!; k < end; k++) {
      const v = index.edgeBuyer[index.outEdges[k]!]!;
      if (!inRadius.has(v) || parent.has(v)) continue;
      parent.set(v, u);
      queue.push(v);
    }
  }
  const path: number[] = [];
  for (let at = best; at !== -1; at = parent.get(at)!) path.push(at);
  return path;
}

/** Tier order for `pathToFocal`: unreached companies (-1) last. */
function rank(t: number): number {
  return t < 0 ? Number.POSITIVE_INFINITY : t;
}
