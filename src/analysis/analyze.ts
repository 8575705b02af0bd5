/**
 * The whole analysis of a network: every per-company measure of the README computed once
 * over the indexed network (`runAnalysis`, typed arrays only), and the composition of
 * the reports built from it (`analysisReport` / `analyze`: the `--format json`
 * document). Each report has its own file: company-report.ts, single-source-report.ts,
 * weak-link-report.ts, hidden-critical.ts, level-gap-report.ts, concentration-report.ts.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { singleFailures, type SingleFailures } from './blast-radius.ts';
import {
  criticalSupplierCountries,
  tierConcentration,
  type CountryShare,
  type TierConcentration,
} from './concentration.ts';
import { effectiveScores } from './effective-score.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';
import { ownScores } from './own-score.ts';
import { requiredLevels, type RequiredLevels } from './required-level.ts';
import { eventLosses, type EventLossTable } from './event-loss.ts';
import { expectedAnnualLoss, hitLikelihoods, riskContributions } from './risk.ts';
import { singleSourceEdges } from './single-sources.ts';
import { tiers } from './tiers.ts';
import { companyReport, reportContext, type CompanyReport } from './company-report.ts';
import { concentrationGroupReports, type ConcentrationGroupReport } from './concentration-report.ts';
import { hiddenCriticalReports, type HiddenCriticalReport } from './hidden-critical.ts';
import { levelGapReports, type LevelGapReport } from './level-gap-report.ts';
import { unassessedReports, type UnassessedReport } from './unassessed-report.ts';
import { lapsingReports, type LapsingReport } from './lapsing-report.ts';
import { singleSourceReports, type SingleSourceReport } from './single-source-report.ts';
import { weakLinkReports, type WeakLinkReport } from './weak-link-report.ts';

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
  /** Suppliers without an SCS assessment, highest risk contribution first (unassessed-report.ts). */
  unassessed: UnassessedReport[];
  /** Assessments lapsing within lapsingDays of the as-of date, by the rise of the expected annual loss. */
  lapsing: LapsingReport[];
  concentration: {
    groups: ConcentrationGroupReport[];
    tiers: TierConcentration[];
    criticalSupplierCountries: { focal: string; countries: CountryShare[] }[];
  };
  warnings: string[];
}

/** The sections of the report that stay small whatever the network's size. */
export function analysisHead(
  a: Analysis,
): Pick<AnalysisResult, 'theta' | 'assumptions' | 'expectedAnnualLoss' | 'summary'> {
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
    unassessed: unassessedReports(a),
    lapsing: lapsingReports(a),
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
  return {
    theta,
    assumptions,
    expectedAnnualLoss,
    summary,
    companies: Array.from({ length: a.index.n }, (_, i) => companyReport(a, i, context)),
    ...rest,
  };
}

/** `analysisReport(runAnalysis(index, options))`. */
export function analyze(index: IndexedNetwork, options: RunOptions = {}): AnalysisResult {
  return analysisReport(runAnalysis(index, options));
}
