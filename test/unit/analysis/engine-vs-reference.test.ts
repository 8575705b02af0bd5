/**
 * The fast engine against a plain reference on networks of a few thousand companies
 * made by the generator (tiered, heavy-tailed, hubs, cycles): effective scores, blast
 * radii, critical suppliers, tiers and direct single sources must be identical, through
 * both the typed-array results and the report (`analyze`). The reference works on plain
 * objects keyed by id and evaluates the README's definitions directly: the cascade by
 * re-checking every buyer of a fallen company until nothing changes, the effective score
 * by iterating the fixed-point formula from the own scores downward until stable (that
 * converges to the greatest fixed point), tiers by relaxing distances until stable.
 * Then the report's long sections are re-derived from its own per-company facts and
 * checked for their documented order, and the streamed JSON against the whole document.
 */
import { describe, expect, it } from 'vitest';
import { analysisReport, analyze, runAnalysis } from '../../../src/analysis/analyze.ts';
import { EPSILON } from '../../../src/analysis/options.ts';
import { jsonReportChunks } from '../../../src/cli/json-report.ts';
import { collectNetwork, generateNetwork } from '../../../src/generate/generate-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import type { Network } from '../../../src/model/types.ts';
import { referenceOwn } from '../../helpers/network.ts';

interface Input {
  supplier: string;
  share: number;
}

/** The network as plain objects: per buyer, its groups (commodity → normalised inputs); per supplier, its buyers. */
function plain(network: Network): { groups: Map<string, Map<string, Input[]>>; buyers: Map<string, Set<string>> } {
  const groups = new Map<string, Map<string, Input[]>>();
  const buyers = new Map<string, Set<string>>();
  for (const c of network.companies) {
    groups.set(c.id, new Map());
    buyers.set(c.id, new Set());
  }
  const raw = new Map<string, { supplier: string; share: number | null }[]>();
  for (const s of network.supplies) {
    const key = `${s.buyer}\u0000${s.commodity}`;
    raw.set(key, [...(raw.get(key) ?? []), { supplier: s.supplier, share: s.share }]);
    buyers.get(s.supplier)!.add(s.buyer);
  }
  for (const [key, list] of raw) {
    const [buyer, commodity] = key.split('\u0000') as [string, string];
    const given = list.every((x) => x.share !== null);
    const sum = list.reduce((t, x) => t + (x.share ?? 0), 0);
    groups.get(buyer)!.set(
      commodity,
      list.map((x) => ({ supplier: x.supplier, share: given ? x.share! / sum : 1 / list.length })),
    );
  }
  return { groups, buyers };
}

function referenceCascade(net: ReturnType<typeof plain>, hit: string, theta: number): Set<string> {
  const down = new Set([hit]);
  const starved = (v: string): boolean =>
    [...net.groups.get(v)!.values()].some(
      (list) => list.filter((x) => !down.has(x.supplier)).reduce((t, x) => t + x.share, 0) < theta - EPSILON,
    );
  for (let changed = true; changed;) {
    changed = false;
    for (const u of [...down]) {
      for (const v of net.buyers.get(u)!) {
        if (!down.has(v) && starved(v)) {
          down.add(v);
          changed = true;
        }
      }
    }
  }
  return down;
}

function referenceEffective(network: Network, net: ReturnType<typeof plain>, theta: number): Map<string, number> {
  const own = new Map(network.companies.map((c) => [c.id, referenceOwn(c)]));
  const eff = new Map(own);
  const q = (list: Input[]): number => {
    // The highest t such that the share from suppliers with eff ≥ t reaches θ.
    const levels = [...new Set(list.map((x) => eff.get(x.supplier)!))].sort((a, b) => b - a);
    for (const t of levels) {
      if (list.filter((x) => eff.get(x.supplier)! >= t).reduce((s, x) => s + x.share, 0) >= theta - EPSILON) return t;
    }
    return Number.NEGATIVE_INFINITY;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const c of network.companies) {
      const next = Math.min(own.get(c.id)!, ...[...net.groups.get(c.id)!.values()].map(q));
      if (next !== eff.get(c.id)) {
        eff.set(c.id, next);
        changed = true;
      }
    }
  }
  return eff;
}

function referenceTiers(network: Network, net: ReturnType<typeof plain>): Map<string, number | null> {
  const anyFocal = network.companies.some((c) => c.focal);
  const tier = new Map<string, number>();
  for (const c of network.companies) if (anyFocal ? c.focal : net.buyers.get(c.id)!.size === 0) tier.set(c.id, 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const [buyer, groups] of net.groups) {
      const t = tier.get(buyer);
      if (t === undefined) continue;
      for (const list of groups.values()) {
        for (const { supplier } of list) {
          if ((tier.get(supplier) ?? Infinity) > t + 1) {
            tier.set(supplier, t + 1);
            changed = true;
          }
        }
      }
    }
  }
  return new Map(network.companies.map((c) => [c.id, tier.get(c.id) ?? null]));
}

/** Renames every id to one that does not sort in file order, and reverses both tables. */
function scrambled(network: Network): Network {
  const name = new Map(
    network.companies.map((c, i) => [c.id, `${['x', 'B', 'a', 'Z', 'm'][i % 5]}${(i * 7919) % 4999}-${i}`]),
  );
  return {
    companies: network.companies.map((c) => ({ ...c, id: name.get(c.id)! })).reverse(),
    supplies: network.supplies
      .map((s) => ({ ...s, supplier: name.get(s.supplier)!, buyer: name.get(s.buyer)! }))
      .reverse(),
  };
}

const CASES = [
  {
    label: '3,000 companies, seed 11, θ 0.5',
    companies: 3000,
    seed: 11,
    backEdgeRate: 0.005,
    theta: 0.5,
    scramble: false,
  },
  {
    label: '2,000 companies with many cycles, seed 12, θ 0.5',
    companies: 2000,
    seed: 12,
    backEdgeRate: 0.08,
    theta: 0.5,
    scramble: false,
  },
  {
    label: '2,500 companies, scrambled ids, seed 13, θ 0.3',
    companies: 2500,
    seed: 13,
    backEdgeRate: 0.03,
    theta: 0.3,
    scramble: true,
  },
  {
    label: '1,500 companies, seed 14, θ 0.8',
    companies: 1500,
    seed: 14,
    backEdgeRate: 0.02,
    theta: 0.8,
    scramble: false,
  },
];

describe('engine vs reference on generated networks', () => {
  it.each(CASES)('analyze equals the reference: $label', ({ companies, seed, backEdgeRate, theta, scramble }) => {
    const generated = generateNetwork({ companies, seed, backEdgeRate }, collectNetwork()).network;
    const network = scramble ? scrambled(generated) : generated;
    const net = plain(network);
    const report = analyze(indexNetwork(network), { theta });

    const eff = referenceEffective(network, net, theta);
    const tiers = referenceTiers(network, net);
    const blast = new Map<string, string[]>();
    const critical = new Map<string, string[]>(network.companies.map((c) => [c.id, []]));
    for (const c of network.companies) {
      const radius = [...referenceCascade(net, c.id, theta)].filter((v) => v !== c.id).sort();
      blast.set(c.id, radius);
      for (const v of radius) critical.get(v)!.push(c.id);
    }
    let upstream = 0;
    for (const r of report.companies) {
      expect(r.effectiveScore, `effective score of ${r.id}`).toBe(eff.get(r.id));
      expect(r.tier, `tier of ${r.id}`).toBe(tiers.get(r.id));
      expect(r.blastRadius, `blast radius of ${r.id}`).toEqual(blast.get(r.id));
      expect(r.criticalSuppliers, `critical suppliers of ${r.id}`).toEqual(critical.get(r.id)!.sort());
      // A cascade that reaches a company further up the chain went round a cycle.
      if (r.blastRadius.some((v) => (tiers.get(v) ?? -1) > (r.tier ?? Infinity))) upstream++;
    }
    const single = network.supplies.filter((s) => {
      const list = net.groups.get(s.buyer)!.get(s.commodity)!;
      return list.find((x) => x.supplier === s.supplier)!.share > 1 - theta + EPSILON;
    });
    const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    single.sort(
      (a, b) => byString(a.buyer, b.buyer) || byString(a.commodity, b.commodity) || byString(a.supplier, b.supplier),
    );
    expect(report.singleSources.map((s) => [s.buyer, s.commodity, s.supplier])).toEqual(
      single.map((s) => [s.buyer, s.commodity, s.supplier]),
    );
    // The networks are meant to exercise the hard cases: long cascades, and cascades round cycles.
    expect(Math.max(...report.companies.map((r) => r.blastRadius.length))).toBeGreaterThan(20);
    if (backEdgeRate >= 0.05) expect(upstream).toBeGreaterThan(0);
  });
});

describe('report sections at scale', () => {
  const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const network = scrambled(
    generateNetwork({ companies: 3000, seed: 21, backEdgeRate: 0.02 }, collectNetwork()).network,
  );
  const a = runAnalysis(indexNetwork(network));
  const report = analysisReport(a, ['a warning']);
  const byId = new Map(report.companies.map((c) => [c.id, c]));

  it('analysisReport lists weak links, hidden critical suppliers, level gaps and concentration groups in their documented order', () => {
    const ranked = [...report.companies].sort(
      (p, q) => q.riskContribution - p.riskContribution || byString(p.id, q.id),
    );
    expect(report.weakLinks.map((w) => w.id)).toEqual(ranked.slice(0, 100).map((c) => c.id));

    const direct = new Set(report.singleSources.map((s) => `${s.supplier}\u0000${s.buyer}`));
    const hidden = report.companies
      .map((x) => {
        const dependants = x.blastRadius.filter((v) => !direct.has(`${x.id}\u0000${v}`));
        return { supplier: x.id, dependants, focalDependants: dependants.filter((v) => byId.get(v)!.tier === 0) };
      })
      .filter((h) => h.dependants.length > 0)
      .sort(
        (p, q) =>
          q.focalDependants.length - p.focalDependants.length ||
          q.dependants.length - p.dependants.length ||
          byString(p.supplier, q.supplier),
      );
    expect(
      report.hiddenCriticalSuppliers.map(({ supplier, dependants, focalDependants }) => ({
        supplier,
        dependants,
        focalDependants,
      })),
    ).toEqual(hidden);

    const gaps = report.companies
      .filter((c) => c.requiredLevel !== null && c.requiredLevel > c.ownLevel)
      .sort(
        (p, q) =>
          q.requiredLevel! - q.ownLevel - (p.requiredLevel! - p.ownLevel) ||
          q.riskContribution - p.riskContribution ||
          byString(p.id, q.id),
      );
    expect(report.levelGaps.map((g) => g.id)).toEqual(gaps.map((c) => c.id));

    const net = plain(network);
    const groups = [...net.groups].flatMap(([buyer, commodities]) =>
      [...commodities].map(([commodity, list]) => ({
        buyer,
        commodity,
        hhi: list.reduce((h, x) => h + (100 * x.share) ** 2, 0),
      })),
    );
    groups.sort((p, q) => q.hhi - p.hhi || byString(p.buyer, q.buyer) || byString(p.commodity, q.commodity));
    const ours = report.concentration.groups;
    expect(ours.map((g) => [g.buyer, g.commodity])).toEqual(groups.map((g) => [g.buyer, g.commodity]));
    ours.forEach((g, k) => expect(g.hhi).toBeCloseTo(groups[k]!.hhi, 6));
  });

  it('jsonReportChunks streams exactly the document analysisReport describes', () => {
    const { theta, assumptions, expectedAnnualLoss, summary, companies, ...rest } = report;
    const field = (key: string, value: unknown): string => ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    const expected =
      `{\n${[field('theta', theta), field('assumptions', assumptions), field('expectedAnnualLoss', expectedAnnualLoss), field('summary', summary)].join(',\n')},\n "companies": [` +
      companies.map((c, i) => `${i > 0 ? ',' : ''}\n  ${JSON.stringify(c)}`).join('') +
      '\n ]' +
      Object.entries(rest)
        .map(([key, value]) => `,\n${field(key, value)}`)
        .join('') +
      '\n}\n';
    const chunks = [...jsonReportChunks(a, ['a warning'], 1)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(expected);
  });
});
