/**
 * What-if edits of a network (README, "Scenarios": "what if company X reaches ★4",
 * "what if buyer B adds a second source for commodity c") and the before/after
 * comparison of two analyses. Every edit returns a new Network and never mutates its
 * input; run the analysis on both and call `compareAnalyses`.
 *
 * - `raiseLevel(network, id, level)`: scs_level becomes `level` and security_score
 *   becomes max(current own score, levelScores[level]) — the company reaches at least
 *   the level's table score and keeps a better score it already had (a security_score
 *   wins over scs_level, so both are set), and its assessments are dropped, so the raised
 *   level holds whatever the as-of date. A level below the company's own level is an
 *   error: this is a raise.
 * - `addSupplier(network, { buyer, supplier, commodity, share })`: the group's shares are
 *   first normalised (a group with no shares splits equally; given shares are scaled to
 *   sum 1), then rescaled by (1 − share), and the new supplier gets `share`; every share
 *   of the group is then given. A new (buyer, commodity) group gets the supplier as its
 *   sole source (share 1). Errors: unknown ids, a company supplying itself, a supplier
 *   that already supplies the group, share 1 on an existing group.
 * - `removeSupplier(network, id)`: removes the company and every supply it is part of (as
 *   supplier or buyer). This models dropping a supplier, not its failure: a group that
 *   loses a supplier is re-sourced from the rest in proportion (given shares are
 *   renormalised to sum 1), and a group left empty disappears — the buyer no longer
 *   needs that commodity. Its assessments go with it. To see a failure, run a scenario instead.
 *
 * A what-if file is a JSON array of `{ op: 'raise-level', company, level }`,
 * `{ op: 'add-supplier', buyer, supplier, commodity, share, access?, bufferDays? }` and
 * `{ op: 'remove-supplier', company }`, applied in order by `applyWhatIfs`.
 */
import { UsageError } from '../errors.ts';
import { whatIfFileSchema, type WhatIf, type AddSupplier } from '../model/scenario.ts';
import type { Company, Network, Supply } from '../model/types.ts';
import type { Analysis } from './analyze.ts';
import { singleSourceReports, type SingleSourceReport } from './single-source-report.ts';
import { members } from './blast-radius.ts';
import { DEFAULTS } from './options.ts';
import { levelOfScore } from './own-score.ts';
import { rankWeakLinks } from './risk.ts';
import { byString } from '../model/order.ts';

/** Checks parsed JSON against the what-if file schema; UsageError naming `[i].field` on the first problem. */
export function parseWhatIfs(json: unknown): WhatIf[] {
  const result = whatIfFileSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  throw new UsageError(`what-if file${path ? ` ${path}` : ''}: ${issue.message}`, path || undefined);
}

function find(network: Network, id: string, field: string, op: WhatIf['op']): number {
  const i = network.companies.findIndex((c) => c.id === id);
  if (i < 0) throw new UsageError(`${op}: unknown company "${id}" in ${field}; use an id from companies.csv`, field);
  return i;
}

/** Own score and own level of a company row by the level table (README). */
function own(c: Company, levelScores: readonly number[]): { score: number; level: number } {
  const score = c.securityScore ?? (c.scsLevel !== null ? levelScores[c.scsLevel]! : 0);
  const level = c.scsLevel ?? (c.securityScore !== null ? levelOfScore(c.securityScore, levelScores) : 0);
  return { score, level };
}

/** Company `id` reaches `level`. Example: `raiseLevel(network, 'fab', 4)`. */
export function raiseLevel(
  network: Network,
  id: string,
  level: number,
  levelScores: readonly number[] = DEFAULTS.levelScores,
): Network {
  if (!Number.isInteger(level) || level < 0 || level > 5)
    throw new UsageError(`raise-level: level must be a whole number from 0 to 5, got ${level}`, 'level');
  const i = find(network, id, 'company', 'raise-level');
  const c = network.companies[i]!;
  const now = own(c, levelScores);
  if (level < now.level)
    throw new UsageError(
      `raise-level: "${id}" is at level ${now.level} already; give a level of ${now.level} or more`,
      'level',
    );
  const companies = network.companies.slice();
  companies[i] = { ...c, scsLevel: level, securityScore: Math.max(now.score, levelScores[level]!) };
  return { ...assessmentsWithout(network, id), companies, supplies: network.supplies };
}

/** The network's assessments but those of company `id` (absent when the network has none). */
function assessmentsWithout(network: Network, id: string): Pick<Network, 'assessments'> {
  const { assessments } = network;
  return assessments === undefined ? {} : { assessments: assessments.filter((a) => a.company !== id) };
}

/** Buyer adds a source of a commodity with the given share. Example: `addSupplier(net, { buyer: 'oem', supplier: 'b2', commodity: 'chips', share: 0.3 })`. */
export function addSupplier(network: Network, add: AddSupplier): Network {
  find(network, add.buyer, 'buyer', 'add-supplier');
  find(network, add.supplier, 'supplier', 'add-supplier');
  if (add.supplier === add.buyer) throw new UsageError(`add-supplier: "${add.buyer}" cannot supply itself`, 'supplier');
  if (!(add.share > 0 && add.share <= 1))
    throw new UsageError(`add-supplier: share must be in (0, 1], got ${add.share}`, 'share');
  const group: number[] = [];
  network.supplies.forEach((s, r) => {
    if (s.buyer === add.buyer && s.commodity === add.commodity) group.push(r);
  });
  if (group.some((r) => network.supplies[r]!.supplier === add.supplier)) {
    throw new UsageError(
      `add-supplier: "${add.supplier}" already supplies "${add.commodity}" to "${add.buyer}"`,
      'supplier',
    );
  }
  if (group.length > 0 && add.share === 1) {
    throw new UsageError(
      `add-supplier: share 1 would leave "${add.buyer}"'s other sources of "${add.commodity}" nothing; give a share below 1`,
      'share',
    );
  }
  const supplies = network.supplies.slice();
  const given = group.every((r) => supplies[r]!.share !== null);
  const sum = group.reduce((t, r) => t + (supplies[r]!.share ?? 0), 0);
  for (const r of group) {
    const s = supplies[r]!;
    const normalised = given && sum > 0 ? s.share! / sum : 1 / group.length;
    supplies[r] = { ...s, share: normalised * (1 - add.share) };
  }
  supplies.push({
    supplier: add.supplier,
    buyer: add.buyer,
    commodity: add.commodity,
    share: group.length > 0 ? add.share : 1,
    spend: null,
    access: add.access ?? null,
    bufferDays: add.bufferDays ?? null,
  });
  return { ...network, supplies };
}

/** Drops company `id` and its supplies. Example: `removeSupplier(network, 'fab')`. */
export function removeSupplier(network: Network, id: string): Network {
  const i = find(network, id, 'company', 'remove-supplier');
  const companies = network.companies.filter((_, j) => j !== i);
  const kept: Supply[] = [];
  const touched = new Set<string>();
  for (const s of network.supplies) {
    if (s.supplier === id && s.buyer !== id) touched.add(`${s.buyer}\u0000${s.commodity}`);
    if (s.supplier !== id && s.buyer !== id) kept.push(s);
  }
  // Renormalise the given shares of the groups that lost a supplier.
  const sums = new Map<string, number>();
  for (const s of kept) {
    const key = `${s.buyer}\u0000${s.commodity}`;
    if (touched.has(key) && s.share !== null) sums.set(key, (sums.get(key) ?? 0) + s.share);
  }
  const supplies = kept.map((s) => {
    const sum = sums.get(`${s.buyer}\u0000${s.commodity}`);
    return sum !== undefined && s.share !== null && sum > 0 ? { ...s, share: s.share / sum } : s;
  });
  return { ...assessmentsWithout(network, id), companies, supplies };
}

/** Applies what-ifs in order; a UsageError names the operation (`[i].field`). */
export function applyWhatIfs(
  network: Network,
  ops: readonly WhatIf[],
  levelScores: readonly number[] = DEFAULTS.levelScores,
): Network {
  let out = network;
  ops.forEach((op, i) => {
    try {
      if (op.op === 'raise-level') out = raiseLevel(out, op.company, op.level, levelScores);
      else if (op.op === 'remove-supplier') out = removeSupplier(out, op.company);
      else out = addSupplier(out, op);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const field = `[${i}]${error.field !== undefined ? `.${error.field}` : ''}`;
      throw new UsageError(`what-if ${field} (${op.op}): ${error.message.replace(/^[a-z-]+: /, '')}`, field);
    }
  });
  return out;
}

export interface CompanyMeasures {
  effectiveScore: number;
  tier: number | null;
  blastRadiusSize: number;
  criticalSupplierCount: number;
  requiredLevel: number | null;
  ownLevel: number;
  riskContribution: number;
}

export interface CompanyChange {
  id: string;
  name: string;
  /** Null when the company is only in the other analysis. */
  before: CompanyMeasures | null;
  after: CompanyMeasures | null;
  changed: (keyof CompanyMeasures)[];
}

export interface RankedLink {
  rank: number;
  id: string;
  riskContribution: number;
}

export interface LevelGap {
  id: string;
  ownLevel: number;
  requiredLevel: number;
}

export interface AnalysisComparison {
  /** Companies whose measures changed, largest change of risk contribution first, then by id. */
  companies: CompanyChange[];
  /** Weak-link ranking, top 10. */
  weakLinks: { before: RankedLink[]; after: RankedLink[] };
  singleSources: { added: SingleSourceReport[]; removed: SingleSourceReport[] };
  /** Suppliers whose required level is above their own level, by id. */
  levelGaps: { added: LevelGap[]; removed: LevelGap[] };
  /** Σ risk contribution over all companies. */
  totalRisk: { before: number; after: number; change: number };
}

const KEYS: (keyof CompanyMeasures)[] = [
  'effectiveScore',
  'tier',
  'blastRadiusSize',
  'criticalSupplierCount',
  'requiredLevel',
  'ownLevel',
  'riskContribution',
];

function measures(a: Analysis, i: number): CompanyMeasures {
  return {
    effectiveScore: a.effective[i]!,
    tier: a.tier[i]! < 0 ? null : a.tier[i]!,
    blastRadiusSize: members(a.failures.blastRadius, i).length,
    criticalSupplierCount: members(a.failures.criticalSuppliers, i).length,
    requiredLevel: a.required.level[i]! < 0 ? null : a.required.level[i]!,
    ownLevel: a.ownLevel[i]!,
    riskContribution: a.risk[i]!,
  };
}

function same(x: number | null, y: number | null): boolean {
  if (x === null || y === null) return x === y;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

function gaps(a: Analysis): Map<string, LevelGap> {
  const out = new Map<string, LevelGap>();
  for (let i = 0; i < a.index.n; i++) {
    const required = a.required.level[i]!;
    if (required > a.ownLevel[i]!)
      out.set(a.index.ids[i]!, { id: a.index.ids[i]!, ownLevel: a.ownLevel[i]!, requiredLevel: required });
  }
  return out;
}

function difference<T>(from: Map<string, T>, without: Map<string, T>): T[] {
  return [...from.keys()]
    .filter((k) => !without.has(k))
    .sort(byString)
    .map((k) => from.get(k)!);
}

/** The before/after of two analyses of (edited versions of) one network, matched by company id. */
export function compareAnalyses(before: Analysis, after: Analysis): AnalysisComparison {
  const companies: CompanyChange[] = [];
  const ids = new Set([...before.index.ids, ...after.index.ids]);
  for (const id of ids) {
    const i = before.index.indexOf.get(id);
    const j = after.index.indexOf.get(id);
    const b = i === undefined ? null : measures(before, i);
    const a = j === undefined ? null : measures(after, j);
    const changed = b === null || a === null ? KEYS.slice() : KEYS.filter((k) => !same(b[k], a[k]));
    if (changed.length === 0) continue;
    const name = (j !== undefined ? after.index.network.companies[j] : before.index.network.companies[i!])!.name;
    companies.push({ id, name, before: b, after: a, changed });
  }
  const riskChange = (c: CompanyChange): number =>
    Math.abs((c.after?.riskContribution ?? 0) - (c.before?.riskContribution ?? 0));
  companies.sort((p, q) => riskChange(q) - riskChange(p) || byString(p.id, q.id));

  const ranking = (a: Analysis): RankedLink[] =>
    rankWeakLinks(a.index, a.risk, 10).map((x, r) => ({
      rank: r + 1,
      id: a.index.ids[x]!,
      riskContribution: a.risk[x]!,
    }));
  const sources = (a: Analysis): Map<string, SingleSourceReport> =>
    new Map(singleSourceReports(a).map((s) => [`${s.buyer}\u0000${s.commodity}\u0000${s.supplier}`, s]));
  const total = (a: Analysis): number => a.risk.reduce((t, r) => t + r, 0);
  const sb = sources(before);
  const sa = sources(after);
  const gb = gaps(before);
  const ga = gaps(after);
  const totalBefore = total(before);
  const totalAfter = total(after);
  return {
    companies,
    weakLinks: { before: ranking(before), after: ranking(after) },
    singleSources: { added: difference(sa, sb), removed: difference(sb, sa) },
    levelGaps: { added: difference(ga, gb), removed: difference(gb, ga) },
    totalRisk: { before: totalBefore, after: totalAfter, change: totalAfter - totalBefore },
  };
}
