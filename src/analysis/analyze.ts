/**
 * The whole analysis of a network: every per-company measure of DESIGN.md computed once
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
import { exposurePath } from './exposure-path.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';
import { ownScores } from './own-score.ts';
import { requiredLevels, type LevelReason, type RequiredLevels } from './required-level.ts';
import { hitLikelihood, rankWeakLinks, riskContributions } from './risk.ts';
import { singleSourceEdges } from './single-sources.ts';
import { tiers } from './tiers.ts';

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
  risk: Float64Array;
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
    risk: riskContributions(index, own.score, failures.blastRadius, o),
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
  criticalSuppliers: string[];
  hitLikelihood: number;
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
  riskContribution: number;
  blastRadiusSize: number;
  /** Revenue of the company and its blast radius. */
  valueAtStake: number;
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
  assumptions: { hitLikelihood: string; levelScores: readonly number[]; bufferTolerance: number };
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

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The report of one company (index i). */
export function companyReport(a: Analysis, i: number): CompanyReport {
  const { index } = a;
  const c = index.network.companies[i]!;
  const ids = (list: Int32Array): string[] => Array.from(list, (x) => index.ids[x]!).sort(byString);
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
    exposurePath: exposurePath(index, a.own, a.effective, a.fallOrder, i, a.options).map((x) => index.ids[x]!),
    blastRadius: ids(members(a.failures.blastRadius, i)),
    criticalSuppliers: ids(members(a.failures.criticalSuppliers, i)),
    hitLikelihood: hitLikelihood(a.own[i]!, a.options),
    riskContribution: a.risk[i]!,
  };
}

/** The direct single sources, sorted by buyer, commodity, supplier (plain string order). */
export function singleSourceReports(a: Analysis): SingleSourceReport[] {
  const { index } = a;
  return Array.from(a.singleSources, (e) => ({
    buyer: index.ids[index.edgeBuyer[e]!]!,
    commodity: index.commodities[index.groupCommodity[index.edgeGroup[e]!]!]!,
    supplier: index.ids[index.edgeSupplier[e]!]!,
    share: index.edgeShare[e]!,
  })).sort((x, y) => byString(x.buyer, y.buyer) || byString(x.commodity, y.commodity) || byString(x.supplier, y.supplier));
}

/** The `limit` companies of highest risk contribution, with a one-line reason each. */
export function weakLinkReports(a: Analysis, limit = 25): WeakLinkReport[] {
  const { index } = a;
  return rankWeakLinks(index, a.risk, limit).map((x, r) => {
    const radius = members(a.failures.blastRadius, x);
    let stake = index.value[x]!;
    for (const v of radius) stake += index.value[v]!;
    const focalHit = Array.from(radius).filter((v) => a.tier[v] === 0).map((v) => index.ids[v]!);
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
      riskContribution: a.risk[x]!,
      blastRadiusSize: radius.length,
      valueAtStake: stake,
      reason: `${score}; ${depends}`,
    };
  });
}

/** Critical suppliers that are not a direct single source of the company they are critical for. */
export function hiddenCriticalReports(a: Analysis): HiddenCriticalReport[] {
  const { index } = a;
  const direct = new Set<string>();
  for (const e of a.singleSources) direct.add(`${index.edgeSupplier[e]}>${index.edgeBuyer[e]}`);
  const out: HiddenCriticalReport[] = [];
  for (let x = 0; x < index.n; x++) {
    const hidden = Array.from(members(a.failures.blastRadius, x)).filter((v) => !direct.has(`${x}>${v}`));
    if (hidden.length === 0) continue;
    const dependants = hidden.map((v) => index.ids[v]!).sort(byString);
    const focalDependants = hidden.filter((v) => a.tier[v] === 0).map((v) => index.ids[v]!).sort(byString);
    out.push({ supplier: index.ids[x]!, name: index.network.companies[x]!.name, dependants, focalDependants });
  }
  return out.sort(
    (p, q) => q.focalDependants.length - p.focalDependants.length || q.dependants.length - p.dependants.length || byString(p.supplier, q.supplier),
  );
}

/** Suppliers whose required level is above their own level, widest gap first, then by risk. */
export function levelGapReports(a: Analysis): LevelGapReport[] {
  const { index } = a;
  const out: { report: LevelGapReport; x: number }[] = [];
  for (let x = 0; x < index.n; x++) {
    const req = a.required.level[x]!;
    if (req <= a.ownLevel[x]!) continue;
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
    out.push({ x, report: { id: c.id, name: c.name, ownLevel: a.ownLevel[x]!, requiredLevel: req, unassessed: a.unassessed[x] === 1, askedBy } });
  }
  out.sort((p, q) => {
    const gp = p.report.requiredLevel - p.report.ownLevel;
    const gq = q.report.requiredLevel - q.report.ownLevel;
    return gq - gp || a.risk[q.x]! - a.risk[p.x]! || byString(p.report.id, q.report.id);
  });
  return out.map((o) => o.report);
}

/** HHI and normalised shares of every (buyer, commodity) group, most concentrated first. */
export function concentrationGroupReports(a: Analysis): ConcentrationGroupReport[] {
  const { index } = a;
  const out: ConcentrationGroupReport[] = [];
  for (let g = 0; g < index.groupCount; g++) {
    const suppliers: { id: string; share: number }[] = [];
    for (let e = index.groupEdgeStart[g]!, end = index.groupEdgeStart[g + 1]!; e < end; e++) {
      suppliers.push({ id: index.ids[index.edgeSupplier[e]!]!, share: index.edgeShare[e]! });
    }
    suppliers.sort((p, q) => q.share - p.share || byString(p.id, q.id));
    out.push({ buyer: index.ids[index.groupBuyer[g]!]!, commodity: index.commodities[index.groupCommodity[g]!]!, hhi: groupHhi(index, g), suppliers });
  }
  return out.sort((p, q) => q.hhi - p.hhi || byString(p.buyer, q.buyer) || byString(p.commodity, q.commodity));
}

/** Everything but the per-company reports (small whatever the network's size). */
export function analysisSections(a: Analysis, warnings: string[] = []): Omit<AnalysisResult, 'companies'> {
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
      hitLikelihood: `p(s) = ${options.hitBase} × ${options.hitDecay}^s`,
      levelScores: options.levelScores,
      bufferTolerance: options.bufferTolerance,
    },
    summary: { companies: index.n, supplies: index.m, focal, unassessed, maxTier },
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
  const { theta, assumptions, summary, ...rest } = analysisSections(a, warnings);
  return { theta, assumptions, summary, companies: Array.from({ length: a.index.n }, (_, i) => companyReport(a, i)), ...rest };
}

/** `analysisReport(runAnalysis(index, options))`. */
export function analyze(index: IndexedNetwork, options: RunOptions = {}): AnalysisResult {
  return analysisReport(runAnalysis(index, options));
}
