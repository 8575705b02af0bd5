/**
 * Hidden critical suppliers: a critical supplier of v that is not a direct single source
 * of v — it stops v from a deeper tier (README, "Direct single sources"). Per supplier,
 * the companies it is hidden-critical for and the focal ones among them; most focal
 * dependants first, then most dependants, then by id.
 */
import { sortByKey } from '../model/order.ts';
import type { Analysis } from './analyze.ts';
import { idSorter } from './company-report.ts';
import { members } from './blast-radius.ts';

export interface HiddenCriticalReport {
  supplier: string;
  name: string;
  /** Companies for which the supplier is critical without being their direct single source. */
  dependants: string[];
  focalDependants: string[];
}

/**
 * Critical suppliers that are not a direct single source of the company they are
 * critical for, one supplier at a time: most focal dependants first, then most
 * dependants, then by id. A direct single source is marked per supplier on its out-edges
 * (no set of pairs), so this costs O(m + Σ blast radii).
 */
export function* hiddenCriticalItems(a: Analysis): Generator<HiddenCriticalReport> {
  const { index } = a;
  const sortIds = idSorter(index);
  for (const { supplier: x, dependants, focalDependants } of hiddenCriticalLists(a)) {
    yield {
      supplier: index.ids[x]!,
      name: index.network.companies[x]!.name,
      dependants: sortIds(dependants),
      focalDependants: sortIds(focalDependants),
    };
  }
}

/** `hiddenCriticalItems` as company indices, the lists unsorted. */
export function* hiddenCriticalLists(
  a: Analysis,
): Generator<{ supplier: number; dependants: number[]; focalDependants: number[] }> {
  const { index } = a;
  const { n, outStart, outEdges, edgeBuyer } = index;
  const direct = new Uint8Array(index.m);
  for (const e of a.singleSources) direct[e] = 1;
  const mark = new Uint8Array(n);
  /** Calls `visit` with each hidden dependant of x. */
  const hidden = (x: number, visit: (v: number) => void): void => {
    for (let k = outStart[x]!; k < outStart[x + 1]!; k++)
      if (direct[outEdges[k]!] === 1) mark[edgeBuyer[outEdges[k]!]!] = 1;
    for (const v of members(a.failures.blastRadius, x)) if (mark[v] === 0) visit(v);
    for (let k = outStart[x]!; k < outStart[x + 1]!; k++) mark[edgeBuyer[outEdges[k]!]!] = 0;
  };
  const count = new Int32Array(n);
  const focal = new Int32Array(n);
  const suppliers: number[] = [];
  for (let x = 0; x < n; x++) {
    if (a.failures.blastRadius.start[x + 1] === a.failures.blastRadius.start[x]) continue;
    hidden(x, (v) => {
      count[x]!++;
      if (a.tier[v] === 0) focal[x]!++;
    });
    if (count[x]! > 0) suppliers.push(x);
  }
  let order = sortByKey(Int32Array.from(suppliers), (x) => index.idRank[x]!, n);
  order = sortByKey(order, (x) => n - count[x]!, n + 1);
  order = sortByKey(order, (x) => n - focal[x]!, n + 1);
  for (const x of order) {
    const dependants: number[] = [];
    const focalDependants: number[] = [];
    hidden(x, (v) => {
      dependants.push(v);
      if (a.tier[v] === 0) focalDependants.push(v);
    });
    yield { supplier: x, dependants, focalDependants };
  }
}

/** Critical suppliers that are not a direct single source of the company they are critical for. */
export function hiddenCriticalReports(a: Analysis): HiddenCriticalReport[] {
  return Array.from(hiddenCriticalItems(a));
}
