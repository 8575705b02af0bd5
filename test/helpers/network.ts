/**
 * Small networks for tests: `net()` builds one inline from terse rows, `arbitraryNetwork`
 * is a fast-check generator of random valid networks (with or without cycles), and
 * `referenceCascade` is the plain fixed-point definition of the README, iterated until
 * nothing changes — slow and obviously right, the yardstick for the fast engine.
 */
import fc from 'fast-check';
import type { Access, Company, Network, Supply } from '../../src/model/types.ts';

type CompanyRow = Partial<Company> & { id: string };
type SupplyRow = [supplier: string, buyer: string, commodity: string, share?: number | null, extra?: Partial<Supply>];

/** Example: `net([{ id: 'a', focal: true }, { id: 'b', securityScore: 30 }], [['b', 'a', 'bolts']])`. */
export function net(companies: CompanyRow[], supplies: SupplyRow[]): Network {
  return {
    companies: companies.map((c) => ({
      name: c.id,
      country: null,
      industry: null,
      size: null,
      scsLevel: null,
      securityScore: null,
      revenue: null,
      focal: false,
      ...c,
    })),
    supplies: supplies.map(([supplier, buyer, commodity, share, extra]) => ({
      supplier,
      buyer,
      commodity,
      share: share ?? null,
      spend: null,
      access: null,
      bufferDays: null,
      ...extra,
    })),
  };
}

const ACCESS: (Access | null)[] = [null, 'none', 'data', 'network', 'software'];

/** Random valid networks of up to `maxCompanies`; `cyclic` allows edges from lower to higher index. */
export function arbitraryNetwork({
  maxCompanies = 9,
  cyclic = true,
  buffers = [null, 0, 3, 10] as (number | null)[],
} = {}): fc.Arbitrary<Network> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: maxCompanies }),
      scores: fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }), fc.constantFrom(10, 40, 60)), {
        minLength: maxCompanies,
        maxLength: maxCompanies,
      }),
      levels: fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 })), {
        minLength: maxCompanies,
        maxLength: maxCompanies,
      }),
      revenue: fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 })), {
        minLength: maxCompanies,
        maxLength: maxCompanies,
      }),
      edges: fc.array(
        fc.record({
          a: fc.nat(),
          b: fc.nat(),
          commodity: fc.constantFrom('x', 'y', 'z'),
          share: fc.integer({ min: 1, max: 10 }),
          access: fc.constantFrom(...ACCESS),
          buffer: fc.constantFrom(...buffers),
        }),
        { maxLength: maxCompanies * 3 },
      ),
      givenShares: fc.boolean(),
      focal: fc.nat(),
    })
    .map(({ n, scores, levels, revenue, edges, givenShares, focal }) => {
      const companies: Company[] = Array.from({ length: n }, (_, i) => ({
        id: `c${i}`,
        name: `c${i}`,
        country: ['JP', 'CN', null][i % 3] ?? null,
        industry: null,
        size: null,
        scsLevel: levels[i] ?? null,
        securityScore: scores[i] ?? null,
        revenue: revenue[i] ?? null,
        focal: i === focal % n,
      }));
      const seen = new Set<string>();
      const supplies: Supply[] = [];
      for (const e of edges) {
        let u = e.a % n;
        let v = e.b % n;
        if (u === v) continue;
        if (!cyclic && u < v) [u, v] = [v, u];
        const key = `${u}>${v}>${e.commodity}`;
        if (seen.has(key)) continue;
        seen.add(key);
        supplies.push({
          supplier: `c${u}`,
          buyer: `c${v}`,
          commodity: e.commodity,
          share: givenShares ? e.share / 10 : null,
          spend: e.share * 10,
          access: e.access,
          bufferDays: e.buffer,
        });
      }
      return { companies, supplies };
    });
}

/** The README's cascade by plain iteration: ids disrupted when `hit` are hit, sorted. */
export function referenceCascade(network: Network, hit: Iterable<string>, theta = 0.5): string[] {
  const groups = new Map<string, { supplier: string; share: number }[]>();
  for (const s of network.supplies) {
    const key = `${s.buyer}\u0000${s.commodity}`;
    const list = groups.get(key) ?? [];
    list.push({ supplier: s.supplier, share: s.share ?? Number.NaN });
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const given = list.every((x) => !Number.isNaN(x.share));
    const sum = list.reduce((t, x) => t + x.share, 0);
    for (const x of list) x.share = given ? x.share / sum : 1 / list.length;
  }
  const d = new Set(hit);
  for (let changed = true; changed;) {
    changed = false;
    for (const [key, list] of groups) {
      const buyer = key.split('\u0000')[0]!;
      if (d.has(buyer)) continue;
      const left = list.filter((x) => !d.has(x.supplier)).reduce((t, x) => t + x.share, 0);
      if (left < theta - 1e-9) {
        d.add(buyer);
        changed = true;
      }
    }
  }
  return [...d].sort();
}

/** Own score by the README's default table. */
export function referenceOwn(c: Company): number {
  return c.securityScore ?? (c.scsLevel !== null ? [10, 25, 40, 60, 80, 95][c.scsLevel]! : 0);
}
