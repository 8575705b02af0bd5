/**
 * Stop days: for a long hit of x, the first day of the event on which each company
 * stops, under the day-by-day rule of the scenarios (scenario.ts). x stops on day 0; an
 * edge u → v becomes unavailable on day f(u) + ⌈buffer_days⌉ and stays so while the
 * hit lasts (the stopped set only grows); v stops on the first day some commodity's
 * available share falls below θ. So the stop days are shortest times in a
 * Dijkstra-like process over the moments edges become unavailable — never a
 * day-by-day simulation. The companies that stop are exactly D({x}): in a long
 * enough event every buffer runs out.
 *
 * Edges without a buffer are handled at once through a FIFO of the current day; only
 * buffered edges go through a binary heap keyed by (day, edge). A run costs
 * O(edges out of D × log(buffered edges in flight)) and resets its scratch state in
 * time proportional to what it touched, so one runner serves every company.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { EPSILON, resolveOptions, type AnalysisOptions } from './options.ts';

export interface TimedCascadeRunner {
  /**
   * The timed cascade from the hit companies (all stopped on day 0; duplicates ignored):
   * returns |D(H)| and leaves D(H) in `fallen()` and the stop days in `days()`, as `runWithin`.
   */
  run(hit: ArrayLike<number>): number;
  /**
   * The timed cascade from the single company x when D({x}) is known (`within`: 1 = in
   * it, e.g. from the static cascade): edges into companies outside D can never stop
   * anything, so they are not scheduled at all. Returns |D({x})| and leaves D({x}) in
   * `fallen()[0 .. |D|-1]` (x first, in the order they stopped) and each one's stop day
   * in `days()` at the same position, until the next run.
   */
  runWithin(x: number, within: Uint8Array): number;
  fallen(): Int32Array;
  days(): Int32Array;
}

/** Example: `const r = createTimedCascade(idx); const k = r.run([x]); r.days().subarray(0, k)`. */
export function createTimedCascade(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): TimedCascadeRunner {
  const { theta } = resolveOptions(options);
  const { n, m, outStart, outEdges, outBuyer, outGroup, outShare, edgeBuffer } = index;
  const limit = theta - EPSILON;
  // Whole buffer days per out-edge position, and the shortcut test per company.
  const wait = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const b = Math.ceil(edgeBuffer[outEdges[k]!]!);
    wait[k] = Number.isFinite(b) ? Math.min(b, 0x3fffffff) : 0x3fffffff;
  }
  const available = new Float64Array(index.groupCount).fill(Number.NaN);
  const touchedGroups = new Int32Array(index.groupCount);
  const stopped = new Uint8Array(n);
  const queue = new Int32Array(n);
  const day = new Int32Array(n);
  // Heap of pending buffered edges (out-edge positions), keyed by the day they run out.
  let heapDay = new Int32Array(64);
  let heapEdge = new Int32Array(64);
  let size = 0;
  const push = (d: number, k: number): void => {
    if (size === heapDay.length) {
      const grownDay = new Int32Array(size * 2);
      const grownEdge = new Int32Array(size * 2);
      grownDay.set(heapDay);
      grownEdge.set(heapEdge);
      heapDay = grownDay;
      heapEdge = grownEdge;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapDay[parent]! <= d) break;
      heapDay[i] = heapDay[parent]!;
      heapEdge[i] = heapEdge[parent]!;
      i = parent;
    }
    heapDay[i] = d;
    heapEdge[i] = k;
  };
  const pop = (): number => {
    const top = heapEdge[0]!;
    const d = heapDay[--size]!;
    const k = heapEdge[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapDay[c + 1]! < heapDay[c]!) c++;
      if (heapDay[c]! >= d) break;
      heapDay[i] = heapDay[c]!;
      heapEdge[i] = heapEdge[c]!;
      i = c;
    }
    heapDay[i] = d;
    heapEdge[i] = k;
    return top;
  };

  /**
   * Spreads from queue[0 .. tail-1] (marked stopped on day 0), then resets the scratch
   * state; returns the tail. With `within`, only edges into companies marked 1 are scheduled.
   */
  /** Groups whose `available` share was changed in the current run (reset at its end). */
  let touched = 0;
  /** Edge position k runs out: its share leaves the buyer's group; true when the buyer now has less than θ of it. */
  const runsOut = (k: number): boolean => {
    const g = outGroup[k]!;
    let left = available[g]!;
    if (Number.isNaN(left)) {
      left = 1;
      touchedGroups[touched++] = g;
    }
    left -= outShare[k]!;
    available[g] = left;
    return left < limit;
  };

  /**
   * Spreads from queue[0 .. tail-1] (marked stopped on day 0), then resets the scratch
   * state; returns the tail. With `within`, only edges into companies marked 1 are scheduled.
   */
  const spread = (initial: number, within?: Uint8Array): number => {
    let tail = initial;
    let head = 0;
    let now = 0;
    touched = 0;
    for (;;) {
      if (head < tail) {
        // A company that stopped today: its unbuffered edges run out today, the others are scheduled.
        const u = queue[head++]!;
        for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
          const v = outBuyer[k]!;
          if (stopped[v] === 1 || (within !== undefined && within[v] !== 1)) continue;
          if (wait[k] !== 0) push(Math.min(now + wait[k]!, 0x7ffffffe), k);
          else if (runsOut(k)) {
            stopped[v] = 1;
            day[tail] = now;
            queue[tail++] = v;
          }
        }
      } else if (size > 0) {
        // The next buffered edge to run out, on day `now`.
        now = heapDay[0]!;
        const k = pop();
        const v = outBuyer[k]!;
        if (stopped[v] === 0 && runsOut(k)) {
          stopped[v] = 1;
          day[tail] = now;
          queue[tail++] = v;
        }
      } else break;
    }
    for (let i = 0; i < tail; i++) stopped[queue[i]!] = 0;
    for (let i = 0; i < touched; i++) available[touchedGroups[i]!] = Number.NaN;
    return tail;
  };

  return {
    run(hit) {
      let tail = 0;
      for (let i = 0; i < hit.length; i++) {
        const h = hit[i]!;
        if (!(Number.isInteger(h) && h >= 0 && h < n))
          throw new RangeError(`stop days: company index ${h} is out of range`);
        if (stopped[h] === 1) continue;
        stopped[h] = 1;
        day[tail] = 0;
        queue[tail++] = h;
      }
      return spread(tail);
    },
    runWithin(x, within) {
      if (!(x >= 0 && x < n)) throw new RangeError(`stop days: company index ${x} is out of range`);
      queue[0] = x;
      day[0] = 0;
      stopped[x] = 1;
      return spread(1, within);
    },
    fallen: () => queue,
    days: () => day,
  };
}
