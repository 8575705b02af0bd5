/**
 * The event loss table: what one hit of x costs, in days of disruption. A hit of x
 * lasting d full-stop days stops x on days 0 .. d − 1; every company v of x's blast
 * radius stops on its stop day f_x(v) (stop-days.ts) and everything is up on day d, so
 * v is down max(0, d − f_x(v)) days.
 *
 *   L(x, d) = Σ_{v ∈ {x} ∪ radius(x)} value(v) / 365 × max(0, d − f_x(v)),
 *   value = revenue × lossRatio,
 *   EL(x)   = Σ_d P(d) × L(x, d)   over the `durations` distribution.
 *
 * EL is computed through w(f) = Σ_d P(d) × max(0, d − f), the expected days down of a
 * company that stops on day f, tabulated once: O(Σ radii) for every company.
 *
 * `victims` (optional, 1 = counted) restricts whose losses count — e.g. one focal
 * company's supply chain (`supplyChain`), for the view of that company's executives.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import type { SingleFailures } from './blast-radius.ts';
import { resolveOptions, type AnalysisOptions, type Duration } from './options.ts';

export interface EventLossTable {
  /** The durations the table is for (days ascending as given). */
  durations: readonly Duration[];
  /** L(x, d_k) at `x * durations.length + k`: yen lost over an outage of d_k full-stop days. */
  byDuration: Float64Array;
  /** EL(x): the expected loss of one hit of x, yen per event. */
  expected: Float64Array;
}

/** w(f) = Σ_d P(d) × max(0, d − f) for f = 0 .. max days; 0 beyond. */
export function expectedDaysDown(durations: readonly Duration[]): (stopDay: number) => number {
  const maxDays = durations.reduce((m, d) => Math.max(m, d.days), 0);
  const table = new Float64Array(maxDays + 1);
  for (let f = 0; f <= maxDays; f++) {
    let w = 0;
    for (const d of durations) if (d.days > f) w += d.probability * (d.days - f);
    table[f] = w;
  }
  return (f) => (f <= maxDays ? table[f]! : 0);
}

/** Days down of a company stopping on day f in an outage of d days. */
export const daysDown = (d: number, f: number): number => Math.max(0, d - f);

/** The event loss of every company. Example: `eventLosses(idx, runAnalysis(idx).failures)`. */
export function eventLosses(
  index: IndexedNetwork,
  failures: SingleFailures,
  options: Partial<AnalysisOptions> = {},
  victims?: Uint8Array,
): EventLossTable {
  const { durations, lossRatio } = resolveOptions(options);
  const { n, value } = index;
  const K = durations.length;
  const days = Int32Array.from(durations, (d) => d.days);
  const w = expectedDaysDown(durations);
  const w0 = w(0);
  const byDuration = new Float64Array(n * K);
  const expected = new Float64Array(n);
  const { start, list } = failures.blastRadius;
  const stop = failures.stopDays;
  const perDay = lossRatio / 365;
  for (let x = 0; x < n; x++) {
    const vx = victims && victims[x] !== 1 ? 0 : value[x]! * perDay;
    let el = vx * w0;
    const row = x * K;
    for (let k = 0; k < K; k++) byDuration[row + k] = vx * days[k]!;
    for (let j = start[x]!, end = start[x + 1]!; j < end; j++) {
      const v = list[j]!;
      if (victims && victims[v] !== 1) continue;
      const vv = value[v]! * perDay;
      const f = stop[j]!;
      el += vv * w(f);
      for (let k = 0; k < K; k++) if (days[k]! > f) byDuration[row + k]! += vv * (days[k]! - f);
    }
    expected[x] = el;
  }
  return { durations, byDuration, expected };
}

/**
 * The supply chain of company f: f and every company with a supply path to it (its
 * suppliers, their suppliers, …), as a 0/1 mask. Example: `supplyChain(idx, idx.indexOf.get('oem')!)`.
 */
export function supplyChain(index: IndexedNetwork, f: number): Uint8Array {
  if (!(Number.isInteger(f) && f >= 0 && f < index.n))
    throw new RangeError(`supply chain: company index ${f} is out of range`);
  const { buyerGroupStart, groupEdgeStart, edgeSupplier } = index;
  const inChain = new Uint8Array(index.n);
  const queue = new Int32Array(index.n);
  let tail = 0;
  inChain[f] = 1;
  queue[tail++] = f;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let e = groupEdgeStart[buyerGroupStart[v]!]!, end = groupEdgeStart[buyerGroupStart[v + 1]!]!; e < end; e++) {
      const u = edgeSupplier[e]!;
      if (inChain[u] === 0) {
        inChain[u] = 1;
        queue[tail++] = u;
      }
    }
  }
  return inChain;
}
