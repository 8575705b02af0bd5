/**
 * Attack paths (README, "Scenarios"): a compromise spreads from a supplier to a buyer
 * along supply edges whose access is `network` or `software` — the supplier can reach
 * the buyer's systems. `data` and `none` edges do not spread it (a data breach leaks, it
 * does not give a foothold). This is kept apart from the goods-flow cascade: shares,
 * θ and buffers play no part.
 *
 * Assumptions (configuration, stated in every report): each access edge passes the
 * compromise on independently with a fixed probability per access type, by default
 * network 0.3 and software 0.5 (a software supplier pushes code that runs inside the
 * buyer). For each company reached from the start set, the result is the most likely
 * single path — the maximum product of edge probabilities, found by Dijkstra's algorithm
 * on −log p (run here directly on the products, which only shrink along a path). Ties
 * go to the path with fewer hops, then to the smaller predecessor id. The probability of
 * the most likely path is a lower bound on the probability that the company is reached
 * at all, which also counts the other paths.
 */
import { OptionError } from '../errors.ts';
import { ACCESS_CODE, type IndexedNetwork } from '../model/index-network.ts';

export interface AttackPathOptions {
  /** Probability that a compromise crosses a `network` access edge. */
  network: number;
  /** Probability that a compromise crosses a `software` access edge. */
  software: number;
  /** Companies whose best path is not above this probability are left out. */
  minProbability: number;
}

export const ATTACK_DEFAULTS: Readonly<AttackPathOptions> = Object.freeze({
  network: 0.3,
  software: 0.5,
  minProbability: 0,
});

export type SpreadAccess = 'network' | 'software';

export interface AttackPath {
  id: string;
  name: string;
  /** Product of the edge probabilities of `path`. */
  probability: number;
  /** From a start company to this one. */
  path: string[];
  /** Access type of each hop of `path` (one fewer than its companies). */
  via: SpreadAccess[];
}

export interface AttackPathResult {
  start: string[];
  assumptions: { network: number; software: number };
  /** Every company reached (start companies excluded), most likely first, ties by id. */
  reached: AttackPath[];
}

export interface AttackEdge {
  supplier: string;
  buyer: string;
  access: SpreadAccess;
  probability: number;
}

/** Resolves attack-path options against ATTACK_DEFAULTS; throws a RangeError naming the option. */
export function resolveAttackOptions(options: Partial<AttackPathOptions> = {}): AttackPathOptions {
  const o = { ...ATTACK_DEFAULTS };
  for (const key of ['network', 'software', 'minProbability'] as const) {
    const v = options[key];
    if (v === undefined) continue;
    if (!(v >= 0 && v <= 1))
      throw new OptionError(`attackPaths: ${key} must be a probability in [0, 1], got ${v}`, key);
    o[key] = v;
  }
  return o;
}

function edgeProbability(access: number, o: AttackPathOptions): number {
  return access === ACCESS_CODE.network ? o.network : access === ACCESS_CODE.software ? o.software : 0;
}

/** The edges a compromise can cross, in edge order (for drawing them apart from goods flows). */
export function attackEdges(index: IndexedNetwork, options: Partial<AttackPathOptions> = {}): AttackEdge[] {
  const o = resolveAttackOptions(options);
  const out: AttackEdge[] = [];
  for (let e = 0; e < index.m; e++) {
    const a = index.edgeAccess[e]!;
    if (a !== ACCESS_CODE.network && a !== ACCESS_CODE.software) continue;
    out.push({
      supplier: index.ids[index.edgeSupplier[e]!]!,
      buyer: index.ids[index.edgeBuyer[e]!]!,
      access: a === ACCESS_CODE.network ? 'network' : 'software',
      probability: edgeProbability(a, o),
    });
  }
  return out;
}

/** Most likely attack path to every company reachable from `start`. Example: `attackPaths(idx, [idx.indexOf.get('msp')!])`. */
export function attackPaths(
  index: IndexedNetwork,
  start: readonly number[],
  options: Partial<AttackPathOptions> = {},
): AttackPathResult {
  const o = resolveAttackOptions(options);
  const { n, ids, outStart, outEdges, edgeBuyer, edgeAccess } = index;
  const best = new Float64Array(n);
  const hops = new Int32Array(n);
  const pred = new Int32Array(n).fill(-1);
  const predEdge = new Int32Array(n).fill(-1);
  const settled = new Uint8Array(n);
  const heap = new MaxHeap();
  const isStart = new Uint8Array(n);
  for (const s of start) {
    if (!(Number.isInteger(s) && s >= 0 && s < n))
      throw new RangeError(`attackPaths: company index ${s} is out of range`);
    isStart[s] = 1;
    best[s] = 1;
    heap.push(1, 0, s);
  }
  while (heap.size > 0) {
    const u = heap.pop();
    if (settled[u] === 1) continue;
    settled[u] = 1;
    for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
      const e = outEdges[k]!;
      const v = edgeBuyer[e]!;
      if (settled[v] === 1) continue;
      const p = best[u]! * edgeProbability(edgeAccess[e]!, o);
      if (p <= 0) continue;
      const h = hops[u]! + 1;
      const better =
        p > best[v]! ||
        (p === best[v]! && (h < hops[v]! || (h === hops[v]! && pred[v]! >= 0 && ids[u]! < ids[pred[v]!]!)));
      if (!better) continue;
      best[v] = p;
      hops[v] = h;
      pred[v] = u;
      predEdge[v] = e;
      heap.push(p, h, v);
    }
  }
  const reached: AttackPath[] = [];
  for (let v = 0; v < n; v++) {
    if (isStart[v] === 1 || !(best[v]! > 0) || !(best[v]! > o.minProbability)) continue;
    const path: string[] = [];
    const via: SpreadAccess[] = [];
    for (let x = v; x >= 0; x = pred[x]!) {
      path.push(ids[x]!);
      if (predEdge[x]! >= 0) via.push(edgeAccess[predEdge[x]!] === ACCESS_CODE.network ? 'network' : 'software');
    }
    reached.push({
      id: ids[v]!,
      name: index.network.companies[v]!.name,
      probability: best[v]!,
      path: path.reverse(),
      via: via.reverse(),
    });
  }
  reached.sort((a, b) => b.probability - a.probability || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const startIds = [...new Set(start)].map((s) => ids[s]!).sort();
  return { start: startIds, assumptions: { network: o.network, software: o.software }, reached };
}

/** A binary heap of (probability, hops, company): highest probability first, then fewest hops, then smallest index. */
class MaxHeap {
  private keys = new Float64Array(16);
  private hops = new Int32Array(16);
  private items = new Int32Array(16);
  size = 0;

  push(key: number, hops: number, item: number): void {
    if (this.size === this.keys.length) {
      this.keys = grow(this.keys, new Float64Array(this.size * 2));
      this.hops = grow(this.hops, new Int32Array(this.size * 2));
      this.items = grow(this.items, new Int32Array(this.size * 2));
    }
    this.place(this.size++, key, hops, item, true);
  }

  pop(): number {
    const top = this.items[0]!;
    const last = --this.size;
    if (last > 0) this.place(0, this.keys[last]!, this.hops[last]!, this.items[last]!, false);
    return top;
  }

  /** Moves (key, hops, item) from slot i up (after a push) or down (after a pop) to its place. */
  private place(i: number, key: number, hops: number, item: number, up: boolean): void {
    for (;;) {
      let j: number;
      if (up) {
        if (i === 0) break;
        j = (i - 1) >> 1;
        if (!this.before(key, hops, item, j)) break;
      } else {
        j = 2 * i + 1;
        if (j >= this.size) break;
        if (j + 1 < this.size && this.before(this.keys[j + 1]!, this.hops[j + 1]!, this.items[j + 1]!, j)) j++;
        if (this.before(key, hops, item, j)) break;
      }
      this.keys[i] = this.keys[j]!;
      this.hops[i] = this.hops[j]!;
      this.items[i] = this.items[j]!;
      i = j;
    }
    this.keys[i] = key;
    this.hops[i] = hops;
    this.items[i] = item;
  }

  /** Whether (key, hops, item) comes before the entry in slot j. */
  private before(key: number, hops: number, item: number, j: number): boolean {
    const k = this.keys[j]!;
    const h = this.hops[j]!;
    return key > k || (key === k && (hops < h || (hops === h && item < this.items[j]!)));
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
