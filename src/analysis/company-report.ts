/**
 * The report of one company: its row, tier, own and effective score, exposure path,
 * blast radius with each member's stop day, critical suppliers, hit likelihood, expected
 * event loss and risk contribution — plain data built from an Analysis on demand
 * (`companyReport`), cheaply for many companies with a shared `reportContext`.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { byString } from '../model/order.ts';
import type { Analysis } from './analyze.ts';
import { members } from './blast-radius.ts';
import { exposurePath, exposurePaths, type ExposurePaths } from './exposure-path.ts';

export interface CompanyReport {
  id: string;
  name: string;
  country: string | null;
  industry: string | null;
  size: string | null;
  tier: number | null;
  ownScore: number;
  ownLevel: number;
  unassessed: boolean;
  requiredLevel: number | null;
  effectiveScore: number;
  /** From the company to its root-cause weak link (the company itself when its own score binds). */
  exposurePath: string[];
  blastRadius: string[];
  /** Aligned with blastRadius: the first day of a long hit of this company on which each member stops. */
  stopDays: number[];
  criticalSuppliers: string[];
  /** Annual probability of a disruptive hit, from the own score. */
  hitLikelihood: number;
  /** EL: expected loss of one hit of this company, yen per event. */
  expectedEventLoss: number;
  /** hitLikelihood × expectedEventLoss: yen per year. */
  riskContribution: number;
}

/**
 * What the reports of many companies share, computed once: the exposure paths (each
 * company's step settled once, see `exposurePaths`) and the companies in id order, so
 * that id lists sort by integer rank. Pass it to `companyReport` when reporting them all.
 */
export interface ReportContext {
  paths: ExposurePaths;
  sortIds(list: ArrayLike<number>): string[];
}

export function reportContext(a: Analysis): ReportContext {
  return { paths: exposurePaths(a.index, a.own, a.effective, a.fallOrder, a.options), sortIds: idSorter(a.index) };
}

/** A function giving the ids of company indices in plain string order, through the id ranks. */
export function idSorter(index: IndexedNetwork): (list: ArrayLike<number>) => string[] {
  const rank = index.idRank;
  const byRank = new Int32Array(index.n);
  for (let i = 0; i < index.n; i++) byRank[rank[i]!] = i;
  return (list) => {
    const ranks = new Int32Array(list.length);
    let ascending = true;
    for (let k = 0; k < list.length; k++) {
      ranks[k] = rank[list[k]!]!;
      if (k > 0 && ranks[k]! < ranks[k - 1]!) ascending = false;
    }
    if (!ascending) ranks.sort();
    const out = new Array<string>(ranks.length);
    for (let k = 0; k < ranks.length; k++) out[k] = index.ids[byRank[ranks[k]!]!]!;
    return out;
  };
}

/** The report of one company (index i); `context` (from `reportContext`) makes the reports of many cheap. */
export function companyReport(a: Analysis, i: number, context?: ReportContext): CompanyReport {
  const { index } = a;
  const c = index.network.companies[i]!;
  const ids = context
    ? context.sortIds
    : (list: Int32Array): string[] => Array.from(list, (x) => index.ids[x]!).sort(byString);
  const path = context ? context.paths.of(i) : exposurePath(index, a.own, a.effective, a.fallOrder, i, a.options);
  return {
    id: c.id,
    name: c.name,
    country: c.country,
    industry: c.industry,
    size: c.size,
    tier: a.tier[i]! < 0 ? null : a.tier[i]!,
    ownScore: a.own[i]!,
    ownLevel: a.ownLevel[i]!,
    unassessed: a.unassessed[i] === 1,
    requiredLevel: a.required.level[i]! < 0 ? null : a.required.level[i]!,
    effectiveScore: a.effective[i]!,
    exposurePath: path.map((x) => index.ids[x]!),
    ...radiusWithStopDays(a, i, ids),
    criticalSuppliers: ids(members(a.failures.criticalSuppliers, i)),
    hitLikelihood: a.hitLikelihood[i]!,
    expectedEventLoss: a.eventLoss.expected[i]!,
    riskContribution: a.risk[i]!,
  };
}

/** The blast radius of i in id order, with each member's stop day beside it. */
function radiusWithStopDays(
  a: Analysis,
  i: number,
  ids: (list: Int32Array) => string[],
): { blastRadius: string[]; stopDays: number[] } {
  const radius = members(a.failures.blastRadius, i);
  const from = a.failures.blastRadius.start[i]!;
  const blastRadius = ids(radius);
  const dayOf = new Map<string, number>();
  for (let k = 0; k < radius.length; k++) dayOf.set(a.index.ids[radius[k]!]!, a.failures.stopDays[from + k]!);
  return { blastRadius, stopDays: blastRadius.map((id) => dayOf.get(id)!) };
}
