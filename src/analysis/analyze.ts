/**
 * The whole analysis of a network: every per-company measure of the README computed once
 * over the indexed network (`runAnalysis`, typed arrays only), and plain reports built
 * from it on demand (`companyReport` for one company, `analysisReport` / `analyze` for
 * everything — the `--format json` document).
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { members, singleFailures, type SingleFailures } from './blast-radius.ts';
import {
  criticalSupplierCountries,
  groupHhi,
  tierConcentration,
  type CountryShare,
  type TierConcentration,
} from './concentration.ts';
import { effectiveScores } from './effective-score.ts';
import { exposurePath, exposurePaths, type ExposurePaths } from './exposure-path.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';
import { ownScores } from './own-score.ts';
import { requiredLevels, type LevelReason, type RequiredLevels } from './required-level.ts';
import { eventLosses, type EventLossTable } from './event-loss.ts';
import { expectedAnnualLoss, hitLikelihoods, rankWeakLinks, riskContributions } from './risk.ts';
import { singleSourceEdges } from './single-sources.ts';
import { tiers } from './tiers.ts';
import { byString, sortByKey } from '../model/order.ts';

export interface Analysis {
  index: IndexedNetwork;
  options: AnalysisOptions;
  own: Float64Array;
  ownLevel: Int8Array;
  unassessed: Uint8Array;
  effective: Float64Array;
  /** Causal order of the incremental cascade behind `effective` (see effectiveScores). */
  fallOrder: Int32Array;
  tier: Int32Array;
  failures: SingleFailures;
  required: RequiredLevels;
  /** p(own): the annual probability that each company is hit. */
  hitLikelihood: Float64Array;
  /** L(x, d) and EL(x) of a hit of each company. */
  eventLoss: EventLossTable;
  /** p × EL: the expected annual loss each company's hits cause (yen per year). */
  risk: Float64Array;
  /** Σ risk: the expected annual loss (yen per year). */
  expectedAnnualLoss: number;
  /** Edge indices of the direct single sources. */
  singleSources: Int32Array;
}

export interface RunOptions extends Partial<AnalysisOptions> {
  /** Progress of the longest step (all single-failure cascades): companies done of all. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs every analysis once. Example: `runAnalysis(indexNetwork(network), { theta: 0.5 })`. */
export function runAnalysis(index: IndexedNetwork, options: RunOptions = {}): Analysis {
  const o = resolveOptions(options);
  const own = ownScores(index, o);
  const effective = effectiveScores(index, own.score, o);
  const failures = singleFailures(index, { ...o, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const p = hitLikelihoods(own.score, o);
  const eventLoss = eventLosses(index, failures, o);
  const risk = riskContributions(p, eventLoss.expected);
  return {
    index,
    options: o,
    own: own.score,
    ownLevel: own.level,
    unassessed: own.unassessed,
    effective: effective.score,
    fallOrder: effective.order,
    tier: tiers(index),
    failures,
    required: requiredLevels(index, failures.blastRadius, o),
    hitLikelihood: p,
    eventLoss,
    risk,
    expectedAnnualLoss: expectedAnnualLoss(risk),
    singleSources: singleSourceEdges(index, o),
  };
}

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

export interface SingleSourceReport {
  buyer: string;
  commodity: string;
  supplier: string;
  share: number;
}

export interface WeakLinkReport {
  rank: number;
  id: string;
  name: string;
  ownScore: number;
  unassessed: boolean;
  /** Annual probability of a disruptive hit. */
  hitLikelihood: number;
  /** Expected loss of one hit, yen per event. */
  expectedEventLoss: number;
  /** Yen per year. */
  riskContribution: number;
  blastRadiusSize: number;
  /** One line: own score and what depends on it. */
  reason: string;
}

export interface HiddenCriticalReport {
  supplier: string;
  name: string;
  /** Companies for which the supplier is critical without being their direct single source. */
  dependants: string[];
  focalDependants: string[];
}

export interface LevelGapReport {
  id: string;
  name: string;
  ownLevel: number;
  requiredLevel: number;
  unassessed: boolean;
  /** Buyers that ask ★4 and why: data, halt (critical, short buffer), access (network/software). */
  askedBy: { buyer: string; commodity: string; reasons: LevelReason[] }[];
}

export interface ConcentrationGroupReport {
  buyer: string;
  commodity: string;
  hhi: number;
  suppliers: { id: string; share: number }[];
}

export interface AnalysisResult {
  theta: number;
  assumptions: {
    hitLikelihood: string;
    durations: readonly { days: number; probability: number }[];
    lossRatio: number;
    levelScores: readonly number[];
    bufferTolerance: number;
  };
  /** Σ risk contributions: yen per year. */
  expectedAnnualLoss: number;
  summary: { companies: number; supplies: number; focal: string[]; unassessed: number; maxTier: number };
  companies: CompanyReport[];
  singleSources: SingleSourceReport[];
  weakLinks: WeakLinkReport[];
  hiddenCriticalSuppliers: HiddenCriticalReport[];
  levelGaps: LevelGapReport[];
  concentration: {
    groups: ConcentrationGroupReport[];
    tiers: TierConcentration[];
    criticalSupplierCountries: { focal: string; countries: CountryShare[] }[];
  };
  warnings: string[];
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
function idSorter(index: IndexedNetwork): (list: ArrayLike<number>) => string[] {
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
  const ids = context ? context.sortIds : (list: Int32Array): string[] => Array.from(list, (x) => index.ids[x]!).sort(byString);
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
function radiusWithStopDays(a: Analysis, i: number, ids: (list: Int32Array) => string[]): { blastRadius: string[]; stopDays: number[] } {
  const radius = members(a.failures.blastRadius, i);
  const from = a.failures.blastRadius.start[i]!;
  const blastRadius = ids(radius);
  const dayOf = new Map<string, number>();
  for (let k = 0; k < radius.length; k++) dayOf.set(a.index.ids[radius[k]!]!, a.failures.stopDays[from + k]!);
  return { blastRadius, stopDays: blastRadius.map((id) => dayOf.get(id)!) };
}


/** The direct single sources one at a time, by buyer, commodity, supplier (plain string order). */
export function* singleSourceItems(a: Analysis): Generator<SingleSourceReport> {
  const { index } = a;
  const { idRank, commodityRank, edgeSupplier, edgeBuyer, edgeGroup, groupCommodity } = index;
  let order = sortByKey(a.singleSources, (e) => idRank[edgeSupplier[e]!]!, index.n);
  order = sortByKey(order, (e) => commodityRank[groupCommodity[edgeGroup[e]!]!]!, index.commodities.length);
  order = sortByKey(order, (e) => idRank[edgeBuyer[e]!]!, index.n);
  for (const e of order) {
    yield {
      buyer: index.ids[edgeBuyer[e]!]!,
      commodity: index.commodities[groupCommodity[edgeGroup[e]!]!]!,
      supplier: index.ids[edgeSupplier[e]!]!,
      share: index.edgeShare[e]!,
    };
  }
}

/** The direct single sources, sorted by buyer, commodity, supplier (plain string order). */
export function singleSourceReports(a: Analysis): SingleSourceReport[] {
  return Array.from(singleSourceItems(a));
}

/** The `limit` companies of highest risk contribution, with a one-line reason each. */
export function weakLinkReports(a: Analysis, limit = 25): WeakLinkReport[] {
  const { index } = a;
  return rankWeakLinks(index, a.risk, limit).map((x, r) => {
    const radius = members(a.failures.blastRadius, x);
    const from = a.failures.blastRadius.start[x]!;
    const focalHit: string[] = [];
    radius.forEach((v, k) => {
      if (a.tier[v] === 0) focalHit.push(`${index.ids[v]!} on day ${a.failures.stopDays[from + k]!}`);
    });
    const score = a.unassessed[x] === 1 ? 'unassessed (scored 0)' : `own score ${a.own[x]}`;
    const depends =
      radius.length === 0
        ? 'no company stops if it alone is hit'
        : `${radius.length} compan${radius.length === 1 ? 'y stops' : 'ies stop'} if it is hit` +
          (focalHit.length > 0 ? `, including focal ${focalHit.sort(byString).join(', ')}` : '');
    return {
      rank: r + 1,
      id: index.ids[x]!,
      name: index.network.companies[x]!.name,
      ownScore: a.own[x]!,
      unassessed: a.unassessed[x] === 1,
      hitLikelihood: a.hitLikelihood[x]!,
      expectedEventLoss: a.eventLoss.expected[x]!,
      riskContribution: a.risk[x]!,
      blastRadiusSize: radius.length,
      reason: `${score}; ${depends}`,
    };
  });
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
    yield { supplier: index.ids[x]!, name: index.network.companies[x]!.name, dependants: sortIds(dependants), focalDependants: sortIds(focalDependants) };
  }
}

/** `hiddenCriticalItems` as company indices, the lists unsorted. */
export function* hiddenCriticalLists(a: Analysis): Generator<{ supplier: number; dependants: number[]; focalDependants: number[] }> {
  const { index } = a;
  const { n, outStart, outEdges, edgeBuyer } = index;
  const direct = new Uint8Array(index.m);
  for (const e of a.singleSources) direct[e] = 1;
  const mark = new Uint8Array(n);
  /** Calls `visit` with each hidden dependant of x. */
  const hidden = (x: number, visit: (v: number) => void): void => {
    for (let k = outStart[x]!; k < outStart[x + 1]!; k++) if (direct[outEdges[k]!] === 1) mark[edgeBuyer[outEdges[k]!]!] = 1;
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

/** Suppliers whose required level is above their own level one at a time: widest gap first, then by risk, then by id. */
export function* levelGapItems(a: Analysis): Generator<LevelGapReport> {
  const { index } = a;
  const rank = index.idRank;
  const gaps: number[] = [];
  for (let x = 0; x < index.n; x++) if (a.required.level[x]! > a.ownLevel[x]!) gaps.push(x);
  const gap = (x: number): number => a.required.level[x]! - a.ownLevel[x]!;
  const order = Int32Array.from(gaps).sort((p, q) => gap(q) - gap(p) || a.risk[q]! - a.risk[p]! || rank[p]! - rank[q]!);
  for (const x of order) {
    const askedBy: LevelGapReport['askedBy'] = [];
    for (let j = index.outStart[x]!, end = index.outStart[x + 1]!; j < end; j++) {
      const e = index.outEdges[j]!;
      const reasons = a.required.reasons(e);
      if (reasons.length > 0) {
        askedBy.push({ buyer: index.ids[index.edgeBuyer[e]!]!, commodity: index.commodities[index.groupCommodity[index.edgeGroup[e]!]!]!, reasons });
      }
    }
    askedBy.sort((p, q) => byString(p.buyer, q.buyer) || byString(p.commodity, q.commodity));
    const c = index.network.companies[x]!;
    yield { id: c.id, name: c.name, ownLevel: a.ownLevel[x]!, requiredLevel: a.required.level[x]!, unassessed: a.unassessed[x] === 1, askedBy };
  }
}

/** Suppliers whose required level is above their own level, widest gap first, then by risk. */
export function levelGapReports(a: Analysis): LevelGapReport[] {
  return Array.from(levelGapItems(a));
}

/**
 * HHI and normalised shares of every (buyer, commodity) group one at a time, most
 * concentrated first, then by buyer and commodity. Sorted by counting sorts: by
 * commodity, by buyer, then by HHI over its (few) distinct values.
 */
export function* concentrationGroupItems(a: Analysis): Generator<ConcentrationGroupReport> {
  const { index } = a;
  for (const { group: g, hhi, edges } of concentrationGroupOrder(a)) {
    const suppliers = Array.from(edges, (e) => ({ id: index.ids[index.edgeSupplier[e]!]!, share: index.edgeShare[e]! }));
    yield { buyer: index.ids[index.groupBuyer[g]!]!, commodity: index.commodities[index.groupCommodity[g]!]!, hhi, suppliers };
  }
}

/** `concentrationGroupItems` as group and edge indices: the edges by share, largest first, then by supplier id. */
export function* concentrationGroupOrder(a: Analysis): Generator<{ group: number; hhi: number; edges: number[] }> {
  const { index } = a;
  const count = index.groupCount;
  const hhi = new Float64Array(count);
  for (let g = 0; g < count; g++) hhi[g] = groupHhi(index, g);
  const levels = Float64Array.from(hhi).sort().reverse();
  let d = 0;
  for (let k = 0; k < count; k++) if (d === 0 || levels[k] !== levels[d - 1]) levels[d++] = levels[k]!;
  const level = (g: number): number => {
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (levels[mid]! > hhi[g]!) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let order = sortByKey(Int32Array.from({ length: count }, (_, g) => g), (g) => index.commodityRank[index.groupCommodity[g]!]!, index.commodities.length);
  order = sortByKey(order, (g) => index.idRank[index.groupBuyer[g]!]!, index.n);
  order = sortByKey(order, level, Math.max(1, d));
  const { edgeShare, edgeSupplier, idRank } = index;
  for (const g of order) {
    const edges: number[] = [];
    for (let e = index.groupEdgeStart[g]!, end = index.groupEdgeStart[g + 1]!; e < end; e++) edges.push(e);
    if (edges.length > 1) edges.sort((p, q) => edgeShare[q]! - edgeShare[p]! || idRank[edgeSupplier[p]!]! - idRank[edgeSupplier[q]!]!);
    yield { group: g, hhi: hhi[g]!, edges };
  }
}

/** HHI and normalised shares of every (buyer, commodity) group, most concentrated first. */
export function concentrationGroupReports(a: Analysis): ConcentrationGroupReport[] {
  return Array.from(concentrationGroupItems(a));
}

/** The sections of the report that stay small whatever the network's size. */
export function analysisHead(a: Analysis): Pick<AnalysisResult, 'theta' | 'assumptions' | 'expectedAnnualLoss' | 'summary'> {
  const { index, options } = a;
  let unassessed = 0;
  let maxTier = 0;
  const focal: string[] = [];
  for (let i = 0; i < index.n; i++) {
    unassessed += a.unassessed[i]!;
    if (a.tier[i]! > maxTier) maxTier = a.tier[i]!;
    if (a.tier[i] === 0) focal.push(index.ids[i]!);
  }
  return {
    theta: options.theta,
    assumptions: {
      hitLikelihood: hitLikelihoodFormula(options),
      durations: options.durations,
      lossRatio: options.lossRatio,
      levelScores: options.levelScores,
      bufferTolerance: options.bufferTolerance,
    },
    expectedAnnualLoss: a.expectedAnnualLoss,
    summary: { companies: index.n, supplies: index.m, focal, unassessed, maxTier },
  };
}

/** The hit-likelihood curve as a formula, e.g. `p(s) = min(1, 0.015 × 0.975^s)`. */
export function hitLikelihoodFormula(options: AnalysisOptions): string {
  return `p(s) = min(1, ${options.hitBase} × ${options.hitDecay}^s)`;
}

/** Everything but the per-company reports. */
export function analysisSections(a: Analysis, warnings: string[] = []): Omit<AnalysisResult, 'companies'> {
  const { index } = a;
  return {
    ...analysisHead(a),
    singleSources: singleSourceReports(a),
    weakLinks: weakLinkReports(a, Math.min(index.n, 100)),
    hiddenCriticalSuppliers: hiddenCriticalReports(a),
    levelGaps: levelGapReports(a),
    concentration: {
      groups: concentrationGroupReports(a),
      tiers: tierConcentration(index, a.tier),
      criticalSupplierCountries: criticalSupplierCountries(index, a.tier, a.failures.criticalSuppliers),
    },
    warnings,
  };
}

/** Everything, as one plain object (the `--format json` document). */
export function analysisReport(a: Analysis, warnings: string[] = []): AnalysisResult {
  const { theta, assumptions, expectedAnnualLoss, summary, ...rest } = analysisSections(a, warnings);
  const context = reportContext(a);
  return { theta, assumptions, expectedAnnualLoss, summary, companies: Array.from({ length: a.index.n }, (_, i) => companyReport(a, i, context)), ...rest };
}

/** `analysisReport(runAnalysis(index, options))`. */
export function analyze(index: IndexedNetwork, options: RunOptions = {}): AnalysisResult {
  return analysisReport(runAnalysis(index, options));
}
