/**
 * Concentration (README): the HHI of each (buyer, commodity) group, Σ (100 × share)²
 * on 0–10,000; the per-country shares of the focal companies' suppliers per tier, by
 * count and by spend (the spend of the supplies that place a company at its tier, i.e.
 * to buyers one tier down), each with its HHI; and the countries of the focal
 * companies' critical suppliers. Companies without a country count as "unknown".
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { members, type CompanySets } from './blast-radius.ts';

export interface CountryShare {
  country: string;
  /** Companies (byCount) or spend (bySpend) of this country. */
  amount: number;
  /** Fraction of the tier's total. */
  share: number;
}

export interface TierConcentration {
  tier: number;
  companies: number;
  byCount: CountryShare[];
  countHhi: number;
  bySpend: CountryShare[];
  spendHhi: number;
}

export const UNKNOWN_COUNTRY = 'unknown';

/** HHI of group g from its normalised shares. */
export function groupHhi(index: IndexedNetwork, g: number): number {
  let hhi = 0;
  for (let e = index.groupEdgeStart[g]!, end = index.groupEdgeStart[g + 1]!; e < end; e++) {
    const pct = 100 * index.edgeShare[e]!;
    hhi += pct * pct;
  }
  return hhi;
}

/** HHI of a list of amounts (0–10,000); 0 for an empty or all-zero list. */
export function hhiOf(amounts: number[]): number {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (total <= 0) return 0;
  return amounts.reduce((s, a) => s + ((100 * a) / total) ** 2, 0);
}

/** Country concentration per tier ≥ 1 (tiers from `tiers()`, -1 = unreached, skipped). */
export function tierConcentration(index: IndexedNetwork, tier: Int32Array): TierConcentration[] {
  const companies = index.network.companies;
  const count = new Map<number, Map<string, number>>();
  const spend = new Map<number, Map<string, number>>();
  for (let u = 0; u < index.n; u++) {
    const t = tier[u]!;
    if (t < 1) continue;
    const country = companies[u]!.country ?? UNKNOWN_COUNTRY;
    add(count, t, country, 1);
    let s = 0;
    for (let j = index.outStart[u]!, end = index.outStart[u + 1]!; j < end; j++) {
      const e = index.outEdges[j]!;
      const sp = index.edgeSpend[e]!;
      if (tier[index.edgeBuyer[e]!] === t - 1 && !Number.isNaN(sp)) s += sp;
    }
    add(spend, t, country, s);
  }
  return [...count.keys()]
    .sort((a, b) => a - b)
    .map((t) => {
      const byCount = shares(count.get(t)!);
      const bySpend = shares(spend.get(t)!);
      return {
        tier: t,
        companies: byCount.reduce((s, c) => s + c.amount, 0),
        byCount,
        countHhi: hhiOf(byCount.map((c) => c.amount)),
        bySpend,
        spendHhi: hhiOf(bySpend.map((c) => c.amount)),
      };
    });
}

/** Countries of the critical suppliers of each focal company (or tier-0 company), most first. */
export function criticalSupplierCountries(
  index: IndexedNetwork,
  tier: Int32Array,
  critical: CompanySets,
): { focal: string; countries: CountryShare[] }[] {
  // Countries as small integers, so that counting a focal company's (many) critical
  // suppliers is array increments rather than map updates keyed by strings.
  const codes = new Map<string, number>();
  const names: string[] = [];
  const code = new Int32Array(index.n).fill(-1);
  const codeOf = (x: number): number => {
    if (code[x]! < 0) {
      const country = index.network.companies[x]!.country ?? UNKNOWN_COUNTRY;
      let c = codes.get(country);
      if (c === undefined) {
        c = names.length;
        names.push(country);
        codes.set(country, c);
      }
      code[x] = c;
    }
    return code[x]!;
  };
  const out: { focal: string; countries: CountryShare[] }[] = [];
  let counts = new Float64Array(16);
  for (let v = 0; v < index.n; v++) {
    if (tier[v] !== 0) continue;
    const seen: number[] = [];
    for (const x of members(critical, v)) {
      const c = codeOf(x);
      if (c >= counts.length) {
        const grown = new Float64Array(2 * c + 1);
        grown.set(counts);
        counts = grown;
      }
      if (counts[c] === 0) seen.push(c);
      counts[c]! += 1;
    }
    const byCountry = new Map<string, number>();
    for (const c of seen) {
      byCountry.set(names[c]!, counts[c]!);
      counts[c] = 0;
    }
    out.push({ focal: index.ids[v]!, countries: shares(byCountry) });
  }
  return out;
}

function add(into: Map<number, Map<string, number>>, t: number, country: string, amount: number): void {
  let m = into.get(t);
  if (!m) into.set(t, (m = new Map()));
  m.set(country, (m.get(country) ?? 0) + amount);
}

function shares(amounts: Map<string, number>): CountryShare[] {
  const total = [...amounts.values()].reduce((s, a) => s + a, 0);
  return [...amounts.entries()]
    .map(([country, amount]) => ({ country, amount, share: total > 0 ? amount / total : 0 }))
    .sort((a, b) => b.amount - a.amount || (a.country < b.country ? -1 : 1));
}
