/**
 * writeNetworkCsv: refuses a target that cannot be a folder, writes the README column
 * order, neutralises formula injection (a text cell starting with = + - @ tab or CR gains
 * a leading '), and round-trips through readNetwork exactly — for a hand-made network and
 * for random ones whose strings hold commas, quotes, line breaks and non-ASCII text; text
 * that starts like a formula comes back with exactly that one ' in front.
 */
import { idProblem } from '../../../src/io/identifier.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/io/read-network.ts';
import { FORMULA_TRIGGERS, writeNetworkCsv } from '../../../src/io/write-network.ts';
import { ACCESS_TYPES, SIZES, type Company, type Network, type Supply } from '../../../src/model/types.ts';
import { folder } from './helpers.ts';

const company = (id: string, extra: Partial<Company> = {}): Company => ({
  id,
  name: id,
  country: null,
  industry: null,
  size: null,
  scsLevel: null,
  securityScore: null,
  revenue: null,
  focal: false,
  ...extra,
});

const NETWORK: Network = {
  companies: [
    company('a', {
      name: 'Alpha, "the first"\nof them',
      country: 'JP',
      size: 'sme',
      scsLevel: 0,
      revenue: 0.1,
      focal: true,
    }),
    company('b', { name: 'Bêta 漢字 🙂', industry: 'erp-hosting', size: 'large', securityScore: 99.95, revenue: 1e21 }),
    company('c,d', { revenue: 5e-324, scsLevel: 5 }),
  ],
  supplies: [
    { supplier: 'b', buyer: 'a', commodity: 'x,"y"', share: 0.1 + 0.2, spend: 0, access: 'network', bufferDays: 1.5 },
    { supplier: 'c,d', buyer: 'a', commodity: 'x,"y"', share: 1 / 3, spend: null, access: null, bufferDays: null },
    {
      supplier: 'c,d',
      buyer: 'b',
      commodity: 'logistics',
      share: null,
      spend: 12345.678,
      access: 'none',
      bufferDays: 0,
    },
  ],
};

describe('writeNetworkCsv', () => {
  it('writeNetworkCsv rejects a folder inside a file and leaves nothing behind', async () => {
    const dir = await folder({ 'plain.txt': 'x' });
    await expect(writeNetworkCsv(NETWORK, join(dir, 'plain.txt', 'net'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['plain.txt']);
  });

  it('writeNetworkCsv writes the columns in order, null as empty, focal as true or empty', async () => {
    const dir = await folder({});
    await writeNetworkCsv({ companies: [company('a', { focal: true, revenue: 2 }), company('b')], supplies: [] }, dir);
    expect(await readFile(join(dir, 'companies.csv'), 'utf8')).toBe(
      'id,name,country,industry,size,scs_level,security_score,revenue,focal\na,a,,,,,,2,true\nb,b,,,,,,,\n',
    );
    expect(await readFile(join(dir, 'supplies.csv'), 'utf8')).toBe(
      'supplier,buyer,commodity,share,spend,access,buffer_days\n',
    );
  });

  it('writeNetworkCsv replaces existing tables and leaves no temporary files', async () => {
    const dir = await folder({ 'companies.csv': 'old', 'supplies.csv': 'old' });
    await writeNetworkCsv(NETWORK, dir);
    expect((await readdir(dir)).sort()).toEqual(['companies.csv', 'supplies.csv']);
  });

  it('writeNetworkCsv round-trips a network through readNetwork exactly', async () => {
    const dir = await folder({});
    await writeNetworkCsv(NETWORK, dir);
    expect((await readNetwork(dir)).network).toEqual(NETWORK);
  });

  it('writeNetworkCsv writes assessments.csv when the network has the table, round-trips it, and removes a stale one without', async () => {
    const dir = await folder({});
    const assessed: Network = {
      ...NETWORK,
      assessments: [
        {
          company: 'a',
          level: 3,
          method: 'expert',
          assessedOn: '2026-04-01',
          validUntil: null,
          evidence: 'cert 12, "A"',
        },
        { company: 'c,d', level: 4, method: null, assessedOn: '2025-01-31', validUntil: '2028-01-30', evidence: null },
      ],
    };
    await writeNetworkCsv(assessed, dir);
    expect(await readFile(join(dir, 'assessments.csv'), 'utf8')).toBe(
      'company,level,method,assessed_on,valid_until,evidence\na,3,expert,2026-04-01,,"cert 12, ""A"""\n"c,d",4,,2025-01-31,2028-01-30,\n',
    );
    expect((await readNetwork(dir)).network).toEqual(assessed);
    await writeNetworkCsv({ ...assessed, assessments: [] }, dir);
    expect((await readNetwork(dir)).network.assessments).toEqual([]);
    await writeNetworkCsv(NETWORK, dir);
    expect((await readdir(dir)).sort()).toEqual(['companies.csv', 'supplies.csv']);
    expect((await readNetwork(dir)).network).toEqual(NETWORK);
  });

  it('writeNetworkCsv prefixes text cells that start like a formula with a quote, and never a number', async () => {
    const dir = await folder({});
    const evil = "=cmd|' /C calc'!A0";
    await writeNetworkCsv(
      {
        companies: [
          company('=a', { name: evil, country: '+JP', industry: '@SUM(A1)', revenue: 0 }),
          company('-b', { name: 'ok =not-first', scsLevel: 0, securityScore: 0 }),
        ],
        supplies: [
          { supplier: '-b', buyer: '=a', commodity: '-steel', share: null, spend: 0, access: 'none', bufferDays: 0 },
        ],
      },
      dir,
    );
    expect(await readFile(join(dir, 'companies.csv'), 'utf8')).toBe(
      `id,name,country,industry,size,scs_level,security_score,revenue,focal\n'=a,'=cmd|' /C calc'!A0,'+JP,'@SUM(A1),,,,0,\n'-b,ok =not-first,,,,0,0,,\n`,
    );
    expect(await readFile(join(dir, 'supplies.csv'), 'utf8')).toBe(
      `supplier,buyer,commodity,share,spend,access,buffer_days\n'-b,'=a,'-steel,,0,none,0\n`,
    );
    const back = (await readNetwork(dir)).network;
    expect(back.companies.map((c) => [c.id, c.name, c.country, c.industry])).toEqual([
      ["'=a", `'${evil}`, "'+JP", "'@SUM(A1)"],
      ["'-b", 'ok =not-first', null, null],
    ]);
    expect(back.supplies[0]).toMatchObject({ supplier: "'-b", buyer: "'=a", commodity: "'-steel" });
  });

  it('writeNetworkCsv round-trips random networks with odd strings exactly, but for the quote before formula-like text', async () => {
    await fc.assert(
      fc.asyncProperty(networkArb, async (network) => {
        const dir = await folder({});
        await writeNetworkCsv(network, dir);
        expect((await readNetwork(dir)).network).toEqual(neutralised(network));
      }),
      { numRuns: 60 },
    );
  });

  it('writeNetworkCsv round-trips random networks exactly when no text starts like a formula', async () => {
    await fc.assert(
      fc.asyncProperty(networkOf(plainString), async (network) => {
        const dir = await folder({});
        await writeNetworkCsv(network, dir);
        expect((await readNetwork(dir)).network).toEqual(network);
      }),
      { numRuns: 30 },
    );
  });
});

/** What reading back gives: each text field that starts like a formula gains a leading '. */
function neutralised(network: Network): Network {
  const t = (s: string): string => (FORMULA_TRIGGERS.test(s) ? `'${s}` : s);
  const n = (s: string | null): string | null => (s === null ? null : t(s));
  return {
    companies: network.companies.map((c) => ({
      ...c,
      id: t(c.id),
      name: t(c.name),
      country: n(c.country),
      industry: n(c.industry),
    })),
    supplies: network.supplies.map((s) => ({
      ...s,
      supplier: t(s.supplier),
      buyer: t(s.buyer),
      commodity: t(s.commodity),
    })),
  };
}

const UNITS = [
  ',',
  '"',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  ';',
  "'",
  'é',
  '漢',
  '🙂',
  '\u00a0',
  'a',
  'Z',
  '0',
  '-',
  '=',
  '+',
  '@',
];
/** Non-empty strings without surrounding whitespace (reading trims it). */
const oddString = fc
  .string({
    unit: fc.oneof(fc.constantFrom(...UNITS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
    minLength: 1,
    maxLength: 10,
  })
  .map((s) => s.trim())
  .filter((s) => s !== '');
/** The same, never starting like a formula. */
const plainString = oddString.filter((s) => !FORMULA_TRIGGERS.test(s));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
/** Finite doubles in [min, max], never -0 (written as `0`). */
const number = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => n + 0);

/**
 * The ids and commodities among `text`: an identifier may not hold a line break, tab or
 * other control character (identifier.ts; test/unit/io/identifier.test.ts), free text may.
 */
const idOf = (text: fc.Arbitrary<string>): fc.Arbitrary<string> => text.filter((s) => idProblem(s) === null);

const companyOf = (text: fc.Arbitrary<string>): fc.Arbitrary<Company> =>
  fc.record({
    id: idOf(text),
    name: text,
    country: optional(text),
    industry: optional(text),
    size: optional(fc.constantFrom(...SIZES)),
    scsLevel: optional(fc.integer({ min: 0, max: 5 })),
    securityScore: optional(number(0, 100)),
    revenue: optional(number(0, 1e15)),
    focal: fc.boolean(),
  });

const supplyDraftOf = (text: fc.Arbitrary<string>): fc.Arbitrary<SupplyDraft> =>
  fc.record({
    from: fc.nat(),
    to: fc.nat(),
    commodity: idOf(text),
    share: optional(number(Number.MIN_VALUE, 1)),
    spend: optional(number(0, 1e12)),
    access: optional(fc.constantFrom(...ACCESS_TYPES)),
    bufferDays: optional(number(0, 365)),
  });

type SupplyDraft = Omit<Supply, 'supplier' | 'buyer'> & { from: number; to: number };

/** Random valid networks whose text fields are drawn from `text`. */
const networkOf = (text: fc.Arbitrary<string>): fc.Arbitrary<Network> =>
  fc
    .tuple(
      fc.uniqueArray(companyOf(text), { selector: (c) => c.id, minLength: 2, maxLength: 6 }),
      fc.array(supplyDraftOf(text), { maxLength: 10 }),
    )
    .map(([companies, drafts]) => ({ companies, supplies: validSupplies(companies, drafts) }));

const networkArb = networkOf(oddString);

/** Drops self-supplies and duplicates; makes each group's shares all given or all missing. */
function validSupplies(companies: Company[], drafts: SupplyDraft[]): Supply[] {
  const seen = new Set<string>();
  const groupGiven = new Map<string, boolean>();
  const supplies: Supply[] = [];
  for (const { from, to, share, ...rest } of drafts) {
    const supplier = companies[from % companies.length]?.id ?? '';
    const buyer = companies[to % companies.length]?.id ?? '';
    const key = JSON.stringify([supplier, buyer, rest.commodity]);
    if (supplier === buyer || seen.has(key)) continue;
    seen.add(key);
    const group = JSON.stringify([buyer, rest.commodity]);
    const given = groupGiven.get(group) ?? share !== null;
    groupGiven.set(group, given);
    supplies.push({ supplier, buyer, ...rest, share: given ? (share ?? 0.5) : null });
  }
  return supplies;
}
