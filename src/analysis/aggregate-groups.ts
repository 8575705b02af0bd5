/**
 * Aggregated view of a big network (README): the companies grouped by (tier, country) or
 * (tier, industry), each group with its company count, its summed risk contribution
 * (yen per year) and expected event loss (yen per event), and how many of its companies
 * are unassessed or below the level their buyers ask (required level above own level);
 * and the supplies between groups (supplier's group → buyer's group) with how many of
 * them are direct single sources. Companies with no tier (no path to a tier-0 company)
 * form the "no tier" groups (`tier` null); a missing country or industry is `unknown`.
 * The group sums add up to the network's totals exactly, each company being in one group.
 * One pass over the companies and one over the edges: O(n + m).
 */
import type { Analysis } from './analyze.ts';

export const DEFAULTS = {
  /** The key of a company without a country (or an industry). */
  unknown: 'unknown',
};

export type GroupBy = 'country' | 'industry';

export interface CompanyGroup {
  /** Tier of the group's companies; null: companies with no tier. */
  tier: number | null;
  /** The country (ISO 3166-1 alpha-2 as given) or the industry; `unknown` when missing. */
  key: string;
  companies: number;
  /** Σ risk contribution of the group's companies, yen per year. */
  risk: number;
  /** Σ expected event loss EL of the group's companies, yen per event. */
  expectedEventLoss: number;
  unassessed: number;
  /** Companies whose required level is above their own level. */
  belowRequired: number;
}

export interface GroupLink {
  /** Index in `groups` of the suppliers' group. */
  from: number;
  /** Index in `groups` of the buyers' group. */
  to: number;
  supplies: number;
  singleSources: number;
}

export interface GroupTable {
  by: GroupBy;
  /** Groups sorted by tier (no tier last), then key. */
  groups: CompanyGroup[];
  /** Index in `groups` of each company. */
  groupOf: Int32Array;
  /** Links between groups (a group to itself included), most supplies first, ties by (from, to). */
  links: GroupLink[];
}

/** What the grouping reads of an analysis (`runAnalysis` gives all of it). */
export type GroupInput = Pick<
  Analysis,
  'index' | 'tier' | 'risk' | 'eventLoss' | 'unassessed' | 'ownLevel' | 'required' | 'singleSources'
>;

/** Example: `aggregateGroups(analysis, 'country').groups[0]` → `{ tier: 0, key: 'JP', companies: 1, … }`. */
export function aggregateGroups(analysis: GroupInput, by: GroupBy): GroupTable {
  if (by !== 'country' && by !== 'industry')
    throw new Error(`aggregateGroups: by must be "country" or "industry", not "${String(by)}"`);
  const { index, tier, risk, eventLoss, unassessed, ownLevel, required, singleSources } = analysis;
  const { n, m, edgeSupplier, edgeBuyer } = index;
  const companies = index.network.companies;
  // Number the (tier, key) pairs as they appear, then sort them and renumber.
  const found = new Map<string, number>();
  const raw: CompanyGroup[] = [];
  const rawOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tier[i]! < 0 ? null : tier[i]!;
    const key = companies[i]![by] ?? DEFAULTS.unknown;
    const name = `${t ?? ''}\u0000${key}`;
    let g = found.get(name);
    if (g === undefined) {
      g = raw.length;
      found.set(name, g);
      raw.push({ tier: t, key, companies: 0, risk: 0, expectedEventLoss: 0, unassessed: 0, belowRequired: 0 });
    }
    rawOf[i] = g;
    const group = raw[g]!;
    group.companies++;
    group.risk += risk[i]!;
    group.expectedEventLoss += eventLoss.expected[i]!;
    group.unassessed += unassessed[i]!;
    if (required.level[i]! > ownLevel[i]!) group.belowRequired++;
  }
  const order = raw.map((_, g) => g).sort((a, b) => compareGroups(raw[a]!, raw[b]!));
  const rank = new Int32Array(raw.length);
  order.forEach((g, r) => (rank[g] = r));
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) groupOf[i] = rank[rawOf[i]!]!;

  const single = new Uint8Array(m);
  for (const e of singleSources) single[e] = 1;
  const G = raw.length;
  const linkAt = new Map<number, GroupLink>();
  for (let e = 0; e < m; e++) {
    const from = groupOf[edgeSupplier[e]!]!;
    const to = groupOf[edgeBuyer[e]!]!;
    const slot = from * G + to;
    let link = linkAt.get(slot);
    if (link === undefined) linkAt.set(slot, (link = { from, to, supplies: 0, singleSources: 0 }));
    link.supplies++;
    link.singleSources += single[e]!;
  }
  const links = [...linkAt.values()].sort((a, b) => b.supplies - a.supplies || a.from - b.from || a.to - b.to);
  return { by, groups: order.map((g) => raw[g]!), groupOf, links };
}

/** Tier ascending with no tier last, then key in plain string order. */
function compareGroups(a: CompanyGroup, b: CompanyGroup): number {
  const ta = a.tier ?? Number.MAX_SAFE_INTEGER;
  const tb = b.tier ?? Number.MAX_SAFE_INTEGER;
  if (ta !== tb) return ta - tb;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
