/**
 * Generates the sample network in `data/sample/` (companies.csv, supplies.csv).
 *
 * The story companies and their key relationships are written out by hand below (see
 * data/README.md for the story); the filler suppliers around them come from a seeded
 * PRNG (mulberry32), so the output is the same on every run:
 *
 *     npx tsx scripts/make-sample.ts [outDir]      # default: data/sample
 *
 * Rules the filler follows, so that it can never undo the story:
 * - a filler company only ever supplies a company one nominal tier below it (story
 *   companies buy from fillers; fillers never buy from story companies), except for the
 *   two back edges added at the end, which stay among fillers;
 * - filler inputs of a story company are whole new commodity groups, never extra
 *   suppliers in a story group.
 * Every (buyer, commodity) group has shares all given (summing to exactly 1) or all blank.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// ---------------------------------------------------------------------------------------
// Rows

type Country = 'JP' | 'CN' | 'TW' | 'KR' | 'TH' | 'VN' | 'US' | 'DE';
type Size = 'sme' | 'large';
type Access = 'none' | 'data' | 'network' | 'software';

interface CompanyRow {
  id: string;
  name: string;
  country: Country;
  industry: string;
  size: Size;
  scsLevel: number | null;
  securityScore: number | null;
  /** Annual revenue in ¥ million. */
  revenue: number;
  focal: boolean;
}

interface SupplyRow {
  supplier: string;
  buyer: string;
  commodity: string;
  share: number | null;
  /** Annual spend in ¥ million. */
  spend: number | null;
  access: Access | null;
  bufferDays: number | null;
}

// ---------------------------------------------------------------------------------------
// PRNG (mulberry32) and helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20220301; // 1 March 2022, the day the Toyota plants stood still
const rand = mulberry32(SEED);

function randInt(lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T extends string | number>(weights: ReadonlyArray<readonly [T, number]>): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [item, w] of weights) {
    r -= w;
    if (r < 0) return item;
  }
  const last = weights[weights.length - 1];
  if (last === undefined) throw new Error('pickWeighted from an empty list');
  return last[0];
}

/** Log-uniform between lo and hi, rounded to a readable number of ¥ million. */
function revenueBetween(lo: number, hi: number): number {
  const v = Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
  return Math.round(v / magnitude) * magnitude;
}

// ---------------------------------------------------------------------------------------
// The network being built

const companies = new Map<string, CompanyRow>();
const supplies: SupplyRow[] = [];
const supplyKeys = new Set<string>();
/** Nominal tier (depth in the generation tree) of each company; real tiers are computed by the analysis. */
const nominalTier = new Map<string, number>();
const storyIds = new Set<string>();

function addCompany(row: CompanyRow, tier: number, story: boolean): CompanyRow {
  if (companies.has(row.id)) throw new Error(`duplicate company id ${row.id}`);
  companies.set(row.id, row);
  nominalTier.set(row.id, tier);
  if (story) storyIds.add(row.id);
  return row;
}

function addSupply(row: SupplyRow): void {
  const key = `${row.supplier}\u0000${row.buyer}\u0000${row.commodity}`;
  if (supplyKeys.has(key)) throw new Error(`duplicate supply ${key}`);
  if (!companies.has(row.supplier) || !companies.has(row.buyer)) {
    throw new Error(`supply ${row.supplier} -> ${row.buyer}: unknown company`);
  }
  supplyKeys.add(key);
  supplies.push(row);
}

/** Rough annual spend of a buyer on one supplier, in ¥ million. */
function spendFor(supplierId: string, buyerId: string, share: number): number {
  const supplier = companies.get(supplierId);
  const buyer = companies.get(buyerId);
  if (supplier === undefined || buyer === undefined) throw new Error('spendFor: unknown company');
  const base = Math.min(supplier.revenue * (0.05 + 0.35 * rand()), buyer.revenue * 0.05 * share);
  return Math.max(1, base >= 100 ? Math.round(base / 10) * 10 : Math.round(base));
}

/** Buffer days by where the input goes: the automaker runs just in time. */
function bufferFor(buyerId: string): number {
  if (buyerId === 'auto-oem') return randInt(0, 1);
  const tier = nominalTier.get(buyerId) ?? 3;
  const buyer = companies.get(buyerId);
  if (buyer?.industry.startsWith('retail')) return randInt(3, 14);
  if (tier <= 1) return randInt(1, 5);
  if (tier === 2) return randInt(2, 10);
  return randInt(5, 30);
}

// ---------------------------------------------------------------------------------------
// Story companies (hand-written; see data/README.md)

const STORY_AUTO: Array<[CompanyRow, number]> = [
  // tier 0
  [
    {
      id: 'auto-oem',
      name: 'Kirishima Motor Corporation',
      country: 'JP',
      industry: 'automotive',
      size: 'large',
      scsLevel: 4,
      securityScore: 88,
      revenue: 30_000_000,
      focal: true,
    },
    0,
  ],
  // the Kojima-like supplier and its subsidiary
  [
    {
      id: 'kanazawa-trim',
      name: 'Kanazawa Interior Trim Co., Ltd.',
      country: 'JP',
      industry: 'automotive interior parts',
      size: 'sme',
      scsLevel: 1,
      securityScore: null,
      revenue: 4_200,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'kanazawa-mold',
      name: 'Kanazawa Mold & Tooling Co.',
      country: 'JP',
      industry: 'tooling',
      size: 'sme',
      scsLevel: 0,
      securityScore: null,
      revenue: 380,
      focal: false,
    },
    2,
  ],
  // seats and the unassessed spring maker
  [
    {
      id: 'yamabuki-seating',
      name: 'Yamabuki Seating Systems Co.',
      country: 'JP',
      industry: 'automotive seats',
      size: 'large',
      scsLevel: 2,
      securityScore: 46,
      revenue: 62_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'ota-springs',
      name: 'Ota Precision Springs Co.',
      country: 'JP',
      industry: 'springs',
      size: 'sme',
      scsLevel: null,
      securityScore: null,
      revenue: 240,
      focal: false,
    },
    2,
  ],
  // tier-1 electronics, their chip vendors, the fab and what is under it
  [
    {
      id: 'ise-ecu',
      name: 'Ise Automotive Electronics Co.',
      country: 'JP',
      industry: 'automotive electronics',
      size: 'large',
      scsLevel: 3,
      securityScore: 70,
      revenue: 900_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'hikari-display',
      name: 'Hikari Display Modules Co.',
      country: 'JP',
      industry: 'automotive electronics',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 180_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'tohoku-sensor',
      name: 'Tohoku Sensor Devices Co.',
      country: 'JP',
      industry: 'automotive electronics',
      size: 'sme',
      scsLevel: 2,
      securityScore: 45,
      revenue: 3_800,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'mirae-electronics',
      name: 'Mirae Auto Electronics Co., Ltd.',
      country: 'KR',
      industry: 'automotive electronics',
      size: 'large',
      scsLevel: null,
      securityScore: 66,
      revenue: 250_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'kyokuto-micro',
      name: 'Kyokuto Microdevices Corp.',
      country: 'JP',
      industry: 'semiconductors',
      size: 'large',
      scsLevel: 4,
      securityScore: null,
      revenue: 1_200_000,
      focal: false,
    },
    2,
  ],
  [
    {
      id: 'penghu-semi',
      name: 'Penghu Mixed-Signal Inc.',
      country: 'TW',
      industry: 'semiconductors',
      size: 'large',
      scsLevel: null,
      securityScore: 72,
      revenue: 90_000,
      focal: false,
    },
    2,
  ],
  [
    {
      id: 'aoba-power-semi',
      name: 'Aoba Power Semiconductor Co.',
      country: 'JP',
      industry: 'semiconductors',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 40_000,
      focal: false,
    },
    2,
  ],
  [
    {
      id: 'chipfab-tsukuba',
      name: 'Tsukuba Silicon Foundry Corp.',
      country: 'JP',
      industry: 'semiconductor foundry',
      size: 'large',
      scsLevel: 4,
      securityScore: 82,
      revenue: 300_000,
      focal: false,
    },
    3,
  ],
  [
    {
      id: 'zhubei-foundry',
      name: 'Zhubei Wafer Foundry Co.',
      country: 'TW',
      industry: 'semiconductor foundry',
      size: 'large',
      scsLevel: null,
      securityScore: 75,
      revenue: 500_000,
      focal: false,
    },
    3,
  ],
  [
    {
      id: 'azumino-wafer',
      name: 'Azumino Silicon Wafer Co.',
      country: 'JP',
      industry: 'silicon wafers',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 200_000,
      focal: false,
    },
    4,
  ],
  [
    {
      id: 'asan-wafer',
      name: 'Asan Silicon Materials Co., Ltd.',
      country: 'KR',
      industry: 'silicon wafers',
      size: 'large',
      scsLevel: null,
      securityScore: 70,
      revenue: 80_000,
      focal: false,
    },
    4,
  ],
  [
    {
      id: 'kanto-resist',
      name: 'Kanto Photoresist Co.',
      country: 'JP',
      industry: 'specialty chemicals',
      size: 'sme',
      scsLevel: 2,
      securityScore: null,
      revenue: 2_800,
      focal: false,
    },
    4,
  ],
  [
    {
      id: 'hagi-polysilicon',
      name: 'Hagi Polysilicon Co.',
      country: 'JP',
      industry: 'polysilicon',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 150_000,
      focal: false,
    },
    5,
  ],
  // brakes: the "second source" that shares the first source's sub-supplier
  [
    {
      id: 'hokuriku-brake',
      name: 'Hokuriku Brake Industries Co.',
      country: 'JP',
      industry: 'brake systems',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 120_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'neckartal-brakes',
      name: 'Neckartal Bremsen GmbH',
      country: 'DE',
      industry: 'brake systems',
      size: 'large',
      scsLevel: null,
      securityScore: 78,
      revenue: 1_500_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'tanaka-foundry',
      name: 'Tanaka Casting Works',
      country: 'JP',
      industry: 'castings',
      size: 'sme',
      scsLevel: 1,
      securityScore: null,
      revenue: 1_900,
      focal: false,
    },
    2,
  ],
  [
    {
      id: 'nagano-casting',
      name: 'Nagano Precision Casting Co.',
      country: 'JP',
      industry: 'castings',
      size: 'sme',
      scsLevel: null,
      securityScore: 35,
      revenue: 2_600,
      focal: false,
    },
    2,
  ],
  [
    {
      id: 'seto-alloy',
      name: 'Seto Alloy Refining Co.',
      country: 'JP',
      industry: 'aluminium alloy',
      size: 'sme',
      scsLevel: 0,
      securityScore: null,
      revenue: 3_100,
      focal: false,
    },
    3,
  ],
  // other named tier-1s
  [
    {
      id: 'mikawa-glass',
      name: 'Mikawa Auto Glass Co.',
      country: 'JP',
      industry: 'automotive glass',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 95_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'chubu-transport',
      name: 'Chubu Transport Co.',
      country: 'JP',
      industry: 'logistics',
      size: 'large',
      scsLevel: 2,
      securityScore: null,
      revenue: 70_000,
      focal: false,
    },
    1,
  ],
  // the IT/ERP host and its cloud
  [
    {
      id: 'nimbus-erp',
      name: 'Nimbus Cloud Systems K.K.',
      country: 'JP',
      industry: 'IT services (ERP hosting)',
      size: 'sme',
      scsLevel: null,
      securityScore: 58,
      revenue: 4_600,
      focal: false,
    },
    2,
  ],
  [
    {
      id: 'cascadia-cloud',
      name: 'Cascadia Cloud Services Inc.',
      country: 'US',
      industry: 'cloud infrastructure',
      size: 'large',
      scsLevel: 5,
      securityScore: null,
      revenue: 2_500_000,
      focal: false,
    },
    3,
  ],
];

const STORY_RETAIL: Array<[CompanyRow, number]> = [
  [
    {
      id: 'retail-hq',
      name: 'Hinoki Living Co., Ltd.',
      country: 'JP',
      industry: 'retail (lifestyle goods)',
      size: 'large',
      scsLevel: 3,
      securityScore: 64,
      revenue: 620_000,
      focal: true,
    },
    0,
  ],
  [
    {
      id: 'shinsei-logistics',
      name: 'Shinsei Logistics Co., Ltd.',
      country: 'JP',
      industry: 'logistics (e-commerce fulfilment)',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 420_000,
      focal: false,
    },
    1,
  ],
  [
    {
      id: 'hanamizuki-dept',
      name: 'Hanamizuki Department Stores Co.',
      country: 'JP',
      industry: 'retail (department store)',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 350_000,
      focal: false,
    },
    0,
  ],
  [
    {
      id: 'komorebi-variety',
      name: 'Komorebi Variety Stores Co.',
      country: 'JP',
      industry: 'retail (variety goods)',
      size: 'large',
      scsLevel: 2,
      securityScore: null,
      revenue: 150_000,
      focal: false,
    },
    0,
  ],
  [
    {
      id: 'daikoku-automation',
      name: 'Daikoku Warehouse Automation Co.',
      country: 'JP',
      industry: 'warehouse automation',
      size: 'sme',
      scsLevel: 2,
      securityScore: 42,
      revenue: 3_300,
      focal: false,
    },
    2,
  ],
  [
    {
      id: 'seiryu-trucks',
      name: 'Seiryu Truck & Bus Co.',
      country: 'JP',
      industry: 'commercial vehicles',
      size: 'large',
      scsLevel: 3,
      securityScore: null,
      revenue: 800_000,
      focal: false,
    },
    2,
  ],
];

for (const [row, tier] of [...STORY_AUTO, ...STORY_RETAIL]) addCompany(row, tier, true);

/** A story supply: shares as written (null = blank), buffer days and access chosen for the story. */
function story(
  supplier: string,
  buyer: string,
  commodity: string,
  share: number | null,
  access: Access,
  bufferDays: number,
): void {
  addSupply({ supplier, buyer, commodity, share, spend: spendFor(supplier, buyer, share ?? 1), access, bufferDays });
}

// The automaker. Kanazawa Interior Trim is the only source of interior trim, and its
// parts-ordering link reaches into the automaker's network (Kojima 2022).
story('kanazawa-trim', 'auto-oem', 'interior-trim', 1, 'network', 0);
story('yamabuki-seating', 'auto-oem', 'seats', 1, 'none', 0);
story('ise-ecu', 'auto-oem', 'ecu', 1, 'none', 1);
story('hikari-display', 'auto-oem', 'display-modules', 0.6, 'none', 1);
story('mirae-electronics', 'auto-oem', 'display-modules', 0.4, 'none', 1);
story('tohoku-sensor', 'auto-oem', 'sensors', 0.5, 'none', 1);
story('mirae-electronics', 'auto-oem', 'sensors', 0.5, 'none', 1);
// "Dual-sourced" on paper, but with θ = 0.5 the 70 % supplier is still a single source.
story('hokuriku-brake', 'auto-oem', 'brake-systems', 0.7, 'none', 1);
story('neckartal-brakes', 'auto-oem', 'brake-systems', 0.3, 'none', 1);
story('mikawa-glass', 'auto-oem', 'glass', 1, 'none', 1);
story('chubu-transport', 'auto-oem', 'logistics', 0.6, 'data', 0);
story('shinsei-logistics', 'auto-oem', 'logistics', 0.4, 'data', 0);

// The Kojima-like supplier: its subsidiary's remote-maintenance link, and the ERP host.
story('kanazawa-mold', 'kanazawa-trim', 'molds', 1, 'network', 5);
story('nimbus-erp', 'kanazawa-trim', 'erp-hosting', 1, 'software', 0);
story('ota-springs', 'yamabuki-seating', 'seat-springs', 1, 'none', 3);

// Chips: every tier-1 electronics supplier buys from chip vendors that all need the Tsukuba fab.
story('kyokuto-micro', 'ise-ecu', 'microcontrollers', 1, 'none', 14);
story('penghu-semi', 'hikari-display', 'display-drivers', 1, 'none', 10);
story('kyokuto-micro', 'hikari-display', 'microcontrollers', 0.5, 'none', 14);
story('penghu-semi', 'hikari-display', 'microcontrollers', 0.5, 'none', 14);
story('aoba-power-semi', 'tohoku-sensor', 'sensor-asics', 0.5, 'none', 7);
story('kyokuto-micro', 'tohoku-sensor', 'sensor-asics', 0.5, 'none', 7);
story('kyokuto-micro', 'mirae-electronics', 'microcontrollers', 0.6, 'none', 10);
story('penghu-semi', 'mirae-electronics', 'microcontrollers', 0.4, 'none', 10);
story('chipfab-tsukuba', 'kyokuto-micro', 'wafer-foundry', 1, 'data', 30);
story('chipfab-tsukuba', 'aoba-power-semi', 'wafer-foundry', 1, 'data', 30);
// Penghu has a second foundry, but 30 % of its wafers is not enough to keep going.
story('chipfab-tsukuba', 'penghu-semi', 'wafer-foundry', 0.7, 'data', 30);
story('zhubei-foundry', 'penghu-semi', 'wafer-foundry', 0.3, 'data', 30);
story('azumino-wafer', 'chipfab-tsukuba', 'silicon-wafers', 0.6, 'none', 20);
story('asan-wafer', 'chipfab-tsukuba', 'silicon-wafers', 0.4, 'none', 20);
story('kanto-resist', 'chipfab-tsukuba', 'photoresist', 1, 'none', 25);
story('hagi-polysilicon', 'azumino-wafer', 'polysilicon', 1, 'none', 30);
story('hagi-polysilicon', 'asan-wafer', 'polysilicon', 0.5, 'none', 30);

// Brakes: a true 50/50 dual source for castings, but both foundries melt the same alloy.
story('tanaka-foundry', 'hokuriku-brake', 'castings', 0.5, 'none', 4);
story('nagano-casting', 'hokuriku-brake', 'castings', 0.5, 'none', 4);
story('seto-alloy', 'tanaka-foundry', 'alloy-ingot', 1, 'none', 5);
story('seto-alloy', 'nagano-casting', 'alloy-ingot', null, 'none', 5);
story('nimbus-erp', 'tanaka-foundry', 'erp-hosting', 1, 'software', 0);

// The ERP host: software access to many buyers on both sides of the map.
story('nimbus-erp', 'tohoku-sensor', 'erp-hosting', 1, 'software', 0);
story('nimbus-erp', 'shinsei-logistics', 'erp-hosting', 1, 'software', 0);
story('nimbus-erp', 'hanamizuki-dept', 'erp-hosting', 1, 'software', 0);
story('nimbus-erp', 'komorebi-variety', 'erp-hosting', 1, 'software', 0);
story('cascadia-cloud', 'nimbus-erp', 'cloud-infrastructure', 1, 'network', 0);

// The retailers and the logistics provider (Askul 2025): e-commerce fulfilment is single-sourced.
story('shinsei-logistics', 'retail-hq', 'ec-fulfilment', 1, 'data', 0);
story('shinsei-logistics', 'hanamizuki-dept', 'ec-fulfilment', 1, 'data', 0);
story('shinsei-logistics', 'komorebi-variety', 'ec-fulfilment', 1, 'data', 0);
story('daikoku-automation', 'shinsei-logistics', 'warehouse-automation', 1, 'network', 2);
// A back edge: the automaker sells trucks to the logistics provider that carries its parts.
story('auto-oem', 'shinsei-logistics', 'trucks', 0.5, 'none', 30);
story('seiryu-trucks', 'shinsei-logistics', 'trucks', 0.5, 'none', 30);

// ---------------------------------------------------------------------------------------
// Filler: kinds of supplier, with the inputs each kind buys

interface InputSpec {
  commodity: string;
  kind: string;
  min: number;
  max: number;
  /** Probability that a filler of this kind buys this input at all (default 1). */
  p?: number;
}

interface Kind {
  industry: string;
  /** Short tag for ids, e.g. `press` → `hamamatsu-press`. */
  tag: string;
  /** Name endings, JP and elsewhere. */
  jp: string[];
  intl: string[];
  countries: ReadonlyArray<readonly [Country, number]>;
  /** Probability of a large company. */
  large: number;
  inputs: InputSpec[];
}

const KINDS: Record<string, Kind> = {
  steel: {
    industry: 'steel',
    tag: 'steel',
    jp: ['Steel Co.', 'Kozai K.K.', 'Steel Service Center'],
    intl: ['Steel Co., Ltd.'],
    countries: [
      ['JP', 6],
      ['KR', 1],
      ['CN', 1],
    ],
    large: 0.175,
    inputs: [
      { commodity: 'steel-scrap', kind: 'scrap', min: 1, max: 2, p: 0.5 },
      { commodity: 'refractories', kind: 'minerals', min: 1, max: 1, p: 0.3 },
    ],
  },
  stamping: {
    industry: 'metal stamping',
    tag: 'press',
    jp: ['Press Works', 'Press Industries Co.', 'Stamping Co.'],
    intl: ['Metal Stamping Co., Ltd.'],
    countries: [
      ['JP', 8],
      ['CN', 1],
      ['TH', 1],
    ],
    large: 0.05,
    inputs: [
      { commodity: 'steel-coil', kind: 'steel', min: 1, max: 3 },
      { commodity: 'dies', kind: 'tooling', min: 1, max: 1, p: 0.6 },
      { commodity: 'plating', kind: 'surface', min: 1, max: 1, p: 0.4 },
    ],
  },
  casting: {
    industry: 'castings',
    tag: 'casting',
    jp: ['Foundry Co.', 'Die Casting Co.', 'Chuzo K.K.'],
    intl: ['Casting Co., Ltd.'],
    countries: [
      ['JP', 7],
      ['CN', 2],
      ['TH', 1],
    ],
    large: 0.075,
    inputs: [
      { commodity: 'alloy-ingot', kind: 'alloy', min: 1, max: 2 },
      { commodity: 'foundry-sand', kind: 'minerals', min: 1, max: 1, p: 0.5 },
    ],
  },
  alloy: {
    industry: 'aluminium alloy',
    tag: 'alloy',
    jp: ['Alloy Co.', 'Light Metal K.K.'],
    intl: ['Aluminium Co., Ltd.'],
    countries: [
      ['JP', 4],
      ['CN', 1],
    ],
    large: 0.15,
    inputs: [{ commodity: 'aluminium-scrap', kind: 'scrap', min: 1, max: 2 }],
  },
  scrap: {
    industry: 'metal recycling',
    tag: 'recycling',
    jp: ['Shigen K.K.', 'Metal Recycling Co.'],
    intl: ['Recycling Co., Ltd.'],
    countries: [
      ['JP', 5],
      ['TH', 1],
      ['VN', 1],
    ],
    large: 0.05,
    inputs: [],
  },
  minerals: {
    industry: 'industrial minerals',
    tag: 'minerals',
    jp: ['Kogyo K.K.', 'Silica Co.'],
    intl: ['Minerals Co., Ltd.'],
    countries: [
      ['JP', 3],
      ['CN', 2],
      ['VN', 1],
    ],
    large: 0.1,
    inputs: [],
  },
  tooling: {
    industry: 'tooling',
    tag: 'mold',
    jp: ['Mold & Die Co.', 'Kanagata Seisakusho', 'Tool Works'],
    intl: ['Mould Co., Ltd.'],
    countries: [
      ['JP', 8],
      ['CN', 1],
      ['TW', 1],
    ],
    large: 0.05,
    inputs: [{ commodity: 'tool-steel', kind: 'steel', min: 1, max: 2 }],
  },
  surface: {
    industry: 'surface treatment',
    tag: 'plating',
    jp: ['Plating Co.', 'Heat Treatment Works', 'Surface Finishing Co.'],
    intl: ['Surface Tech Co., Ltd.'],
    countries: [
      ['JP', 9],
      ['TH', 1],
    ],
    large: 0.03,
    inputs: [{ commodity: 'plating-chemicals', kind: 'chemicals', min: 1, max: 2 }],
  },
  chemicals: {
    industry: 'chemicals',
    tag: 'chemical',
    jp: ['Chemical Co.', 'Kasei K.K.', 'Chemical Industries'],
    intl: ['Chemical Co., Ltd.'],
    countries: [
      ['JP', 5],
      ['CN', 2],
      ['KR', 1],
      ['DE', 1],
    ],
    large: 0.1,
    inputs: [{ commodity: 'naphtha', kind: 'petrochem', min: 1, max: 2, p: 0.7 }],
  },
  petrochem: {
    industry: 'petrochemicals',
    tag: 'petrochem',
    jp: ['Petrochemical Co.', 'Sekiyu Kagaku K.K.'],
    intl: ['Petrochemical Corp.'],
    countries: [
      ['JP', 2],
      ['KR', 1],
      ['US', 1],
    ],
    large: 0.95,
    inputs: [],
  },
  rubber: {
    industry: 'tires and rubber',
    tag: 'rubber',
    jp: ['Rubber Industries', 'Gomu Kogyo K.K.', 'Tire Co.'],
    intl: ['Rubber Co., Ltd.'],
    countries: [
      ['JP', 5],
      ['TH', 1],
      ['CN', 1],
    ],
    large: 0.15,
    inputs: [
      { commodity: 'natural-rubber', kind: 'plantation', min: 1, max: 2 },
      { commodity: 'carbon-black', kind: 'chemicals', min: 1, max: 1, p: 0.5 },
    ],
  },
  plantation: {
    industry: 'natural rubber',
    tag: 'plantation',
    jp: ['Plantation Co.'],
    intl: ['Rubber Plantation Co., Ltd.'],
    countries: [
      ['TH', 3],
      ['VN', 2],
    ],
    large: 0.05,
    inputs: [],
  },
  paint: {
    industry: 'automotive paint',
    tag: 'paint',
    jp: ['Paint Co.', 'Toryo K.K.'],
    intl: ['Coatings GmbH'],
    countries: [
      ['JP', 4],
      ['DE', 1],
    ],
    large: 0.9,
    inputs: [{ commodity: 'pigments', kind: 'chemicals', min: 1, max: 2 }],
  },
  fasteners: {
    industry: 'fasteners',
    tag: 'fastener',
    jp: ['Screw Co.', 'Bolt & Nut Works', 'Fastener Industries'],
    intl: ['Fastener Co., Ltd.'],
    countries: [
      ['JP', 6],
      ['TW', 2],
      ['CN', 1],
    ],
    large: 0.05,
    inputs: [
      { commodity: 'wire-rod', kind: 'steel', min: 1, max: 2 },
      { commodity: 'plating', kind: 'surface', min: 1, max: 1, p: 0.7 },
    ],
  },
  harness: {
    industry: 'wiring harness',
    tag: 'harness',
    jp: ['Wiring Systems Co.', 'Harness Co.'],
    intl: ['Wiring Co., Ltd.'],
    countries: [
      ['JP', 3],
      ['VN', 2],
      ['TH', 1],
      ['CN', 1],
    ],
    large: 0.1,
    inputs: [
      { commodity: 'copper-wire', kind: 'wire', min: 1, max: 2 },
      { commodity: 'connectors', kind: 'connectors', min: 1, max: 2 },
    ],
  },
  wire: {
    industry: 'electric wire',
    tag: 'wire',
    jp: ['Electric Wire Co.', 'Cable Works'],
    intl: ['Cable Co., Ltd.'],
    countries: [
      ['JP', 4],
      ['CN', 1],
      ['VN', 1],
    ],
    large: 0.15,
    inputs: [{ commodity: 'copper-cathode', kind: 'copper', min: 1, max: 1 }],
  },
  copper: {
    industry: 'copper smelting',
    tag: 'copper',
    jp: ['Copper Smelting Co.', 'Seiren K.K.'],
    intl: ['Copper Co., Ltd.'],
    countries: [
      ['JP', 2],
      ['CN', 1],
    ],
    large: 0.9,
    inputs: [],
  },
  connectors: {
    industry: 'connectors',
    tag: 'connector',
    jp: ['Connector Co.', 'Terminal Works'],
    intl: ['Connector Co., Ltd.'],
    countries: [
      ['JP', 5],
      ['TW', 1],
      ['CN', 1],
    ],
    large: 0.075,
    inputs: [
      { commodity: 'resin', kind: 'chemicals', min: 1, max: 1 },
      { commodity: 'plating', kind: 'surface', min: 1, max: 1, p: 0.5 },
    ],
  },
  battery: {
    industry: 'batteries',
    tag: 'battery',
    jp: ['Battery Co.', 'Denchi K.K.'],
    intl: ['Battery Co., Ltd.'],
    countries: [
      ['JP', 2],
      ['KR', 1],
      ['CN', 1],
    ],
    large: 0.85,
    inputs: [{ commodity: 'battery-cells', kind: 'cells', min: 1, max: 2 }],
  },
  cells: {
    industry: 'battery cells',
    tag: 'cells',
    jp: ['Energy Devices Co.'],
    intl: ['Energy Co., Ltd.'],
    countries: [
      ['CN', 2],
      ['KR', 2],
      ['JP', 1],
    ],
    large: 0.9,
    inputs: [],
  },
  molding: {
    industry: 'plastic moulding',
    tag: 'plastics',
    jp: ['Plastics Co.', 'Resin Industries', 'Molding Works'],
    intl: ['Plastics Co., Ltd.'],
    countries: [
      ['JP', 7],
      ['CN', 1],
      ['TH', 1],
      ['VN', 1],
    ],
    large: 0.05,
    inputs: [
      { commodity: 'resin', kind: 'chemicals', min: 1, max: 3 },
      { commodity: 'molds', kind: 'tooling', min: 1, max: 1, p: 0.6 },
    ],
  },
  textile: {
    industry: 'textiles',
    tag: 'textile',
    jp: ['Textile Co.', 'Orimono K.K.', 'Weaving Mill'],
    intl: ['Textile Co., Ltd.'],
    countries: [
      ['JP', 4],
      ['CN', 3],
      ['VN', 2],
    ],
    large: 0.075,
    inputs: [
      { commodity: 'yarn', kind: 'spinning', min: 1, max: 3 },
      { commodity: 'dyes', kind: 'chemicals', min: 1, max: 1, p: 0.3 },
    ],
  },
  spinning: {
    industry: 'spinning',
    tag: 'spinning',
    jp: ['Spinning Co.', 'Boseki K.K.'],
    intl: ['Spinning Co., Ltd.'],
    countries: [
      ['JP', 2],
      ['CN', 2],
      ['VN', 1],
    ],
    large: 0.15,
    inputs: [{ commodity: 'fiber', kind: 'fiber', min: 1, max: 2 }],
  },
  fiber: {
    industry: 'fibres (cotton, polyester)',
    tag: 'fiber',
    jp: ['Fiber Co.'],
    intl: ['Fibre Co., Ltd.', 'Cotton Co.'],
    countries: [
      ['US', 2],
      ['CN', 1],
      ['JP', 1],
    ],
    large: 0.3,
    inputs: [],
  },
  apparel: {
    industry: 'apparel',
    tag: 'apparel',
    jp: ['Apparel Co.', 'Garment Works', 'Hosei K.K.'],
    intl: ['Garment Co., Ltd.'],
    countries: [
      ['JP', 4],
      ['CN', 2],
      ['VN', 2],
    ],
    large: 0.05,
    inputs: [
      { commodity: 'fabric', kind: 'textile', min: 1, max: 3 },
      { commodity: 'sewing', kind: 'sewing', min: 1, max: 2, p: 0.6 },
      { commodity: 'trims', kind: 'notions', min: 1, max: 1, p: 0.4 },
    ],
  },
  sewing: {
    industry: 'sewing',
    tag: 'sewing',
    jp: ['Sewing Co.'],
    intl: ['Sewing Co., Ltd.', 'Garment Factory'],
    countries: [
      ['VN', 4],
      ['CN', 2],
      ['TH', 1],
    ],
    large: 0.05,
    inputs: [],
  },
  notions: {
    industry: 'buttons and trims',
    tag: 'trims',
    jp: ['Button Co.', 'Trims K.K.'],
    intl: ['Accessories Co., Ltd.'],
    countries: [
      ['JP', 2],
      ['CN', 2],
    ],
    large: 0.05,
    inputs: [],
  },
  household: {
    industry: 'household goods',
    tag: 'homeware',
    jp: ['Homeware Co.', 'Zakka K.K.', 'Housewares Co.'],
    intl: ['Homeware Co., Ltd.'],
    countries: [
      ['JP', 5],
      ['CN', 2],
      ['VN', 1],
    ],
    large: 0.05,
    inputs: [
      { commodity: 'resin', kind: 'chemicals', min: 1, max: 1, p: 0.6 },
      { commodity: 'packaging', kind: 'packaging', min: 1, max: 1, p: 0.6 },
    ],
  },
  food: {
    industry: 'food processing',
    tag: 'foods',
    jp: ['Foods Co.', 'Shokuhin K.K.', 'Seika Co.'],
    intl: ['Foods Co., Ltd.'],
    countries: [
      ['JP', 7],
      ['TH', 1],
      ['VN', 1],
    ],
    large: 0.05,
    inputs: [
      { commodity: 'ingredients', kind: 'farm', min: 1, max: 3 },
      { commodity: 'packaging', kind: 'packaging', min: 1, max: 1, p: 0.7 },
    ],
  },
  farm: {
    industry: 'agriculture',
    tag: 'farm',
    jp: ['Agricultural Cooperative', 'Nosan K.K.', 'Farm Co.'],
    intl: ['Farm Co., Ltd.', 'Agri Co.'],
    countries: [
      ['JP', 6],
      ['US', 1],
      ['TH', 1],
      ['VN', 1],
    ],
    large: 0.05,
    inputs: [],
  },
  packaging: {
    industry: 'packaging',
    tag: 'packaging',
    jp: ['Packaging Co.', 'Shiki K.K.', 'Danboru Co.'],
    intl: ['Packaging Co., Ltd.'],
    countries: [
      ['JP', 8],
      ['CN', 1],
    ],
    large: 0.05,
    inputs: [{ commodity: 'paperboard', kind: 'paper', min: 1, max: 3 }],
  },
  paper: {
    industry: 'paper',
    tag: 'paper',
    jp: ['Paper Mill', 'Seishi K.K.'],
    intl: ['Paper Co., Ltd.'],
    countries: [
      ['JP', 4],
      ['CN', 1],
    ],
    large: 0.15,
    inputs: [{ commodity: 'pulp', kind: 'forestry', min: 1, max: 2, p: 0.7 }],
  },
  forestry: {
    industry: 'forestry and pulp',
    tag: 'forestry',
    jp: ['Forestry Co.', 'Ringyo K.K.'],
    intl: ['Pulp Co., Ltd.', 'Timber Co.'],
    countries: [
      ['JP', 3],
      ['US', 1],
      ['VN', 1],
    ],
    large: 0.1,
    inputs: [],
  },
  stationery: {
    industry: 'stationery',
    tag: 'stationery',
    jp: ['Stationery Co.', 'Bungu K.K.'],
    intl: ['Stationery Co., Ltd.'],
    countries: [
      ['JP', 6],
      ['CN', 1],
      ['VN', 1],
    ],
    large: 0.05,
    inputs: [
      { commodity: 'paper', kind: 'paper', min: 1, max: 1 },
      { commodity: 'resin', kind: 'chemicals', min: 1, max: 1, p: 0.4 },
    ],
  },
  fixtures: {
    industry: 'store fixtures',
    tag: 'fixtures',
    jp: ['Store Fixtures Co.', 'Display Works'],
    intl: ['Fixtures Co., Ltd.'],
    countries: [
      ['JP', 5],
      ['CN', 1],
    ],
    large: 0.05,
    inputs: [{ commodity: 'steel-sheet', kind: 'steel', min: 1, max: 1 }],
  },
  trucking: {
    industry: 'trucking',
    tag: 'unyu',
    jp: ['Unyu K.K.', 'Transport Co.', 'Express Co.'],
    intl: ['Logistics Co., Ltd.'],
    countries: [
      ['JP', 12],
      ['TH', 1],
    ],
    large: 0.05,
    inputs: [{ commodity: 'trucking', kind: 'trucking', min: 1, max: 2, p: 0.35 }],
  },
  pcb: {
    industry: 'printed circuit boards',
    tag: 'pcb',
    jp: ['Circuit Co.', 'Printed Circuits Co.'],
    intl: ['Circuit Co., Ltd.', 'PCB Co., Ltd.'],
    countries: [
      ['JP', 3],
      ['TW', 2],
      ['CN', 2],
      ['TH', 1],
    ],
    large: 0.075,
    inputs: [{ commodity: 'copper-clad-laminate', kind: 'laminate', min: 1, max: 2 }],
  },
  laminate: {
    industry: 'laminates',
    tag: 'laminate',
    jp: ['Laminate Co.'],
    intl: ['Laminate Co., Ltd.'],
    countries: [
      ['JP', 2],
      ['TW', 2],
      ['CN', 1],
    ],
    large: 0.15,
    inputs: [{ commodity: 'glass-cloth', kind: 'minerals', min: 1, max: 1, p: 0.5 }],
  },
  components: {
    industry: 'electronic components',
    tag: 'denshi',
    jp: ['Electronic Parts Co.', 'Denshi Buhin K.K.', 'Devices Co.'],
    intl: ['Electronics Co., Ltd.'],
    countries: [
      ['JP', 5],
      ['CN', 2],
      ['TW', 1],
      ['KR', 1],
    ],
    large: 0.125,
    inputs: [{ commodity: 'ceramic-powder', kind: 'minerals', min: 1, max: 1, p: 0.5 }],
  },
  panels: {
    industry: 'display panels',
    tag: 'panel',
    jp: ['Display Co.'],
    intl: ['Display Co., Ltd.', 'Optoelectronics Co.'],
    countries: [
      ['TW', 2],
      ['KR', 1],
      ['CN', 1],
      ['JP', 1],
    ],
    large: 0.9,
    inputs: [{ commodity: 'glass-substrates', kind: 'minerals', min: 1, max: 1, p: 0.5 }],
  },
  osat: {
    industry: 'chip assembly and test',
    tag: 'osat',
    jp: ['Semiconductor Assembly Co.'],
    intl: ['Semiconductor Test Co., Ltd.'],
    countries: [
      ['TH', 1],
      ['VN', 1],
      ['CN', 1],
      ['JP', 1],
    ],
    large: 0.1,
    inputs: [{ commodity: 'substrates', kind: 'laminate', min: 1, max: 1, p: 0.6 }],
  },
  polysilicon: {
    industry: 'polysilicon',
    tag: 'polysilicon',
    jp: ['Polysilicon Co.'],
    intl: ['Polysilicon Co., Ltd.'],
    countries: [
      ['CN', 3],
      ['US', 1],
    ],
    large: 0.9,
    inputs: [],
  },
  gas: {
    industry: 'industrial gases',
    tag: 'gas',
    jp: ['Sanso K.K.', 'Industrial Gas Co.'],
    intl: ['Gases Co., Ltd.'],
    countries: [
      ['JP', 3],
      ['US', 1],
    ],
    large: 0.35,
    inputs: [],
  },
  foam: {
    industry: 'urethane foam',
    tag: 'foam',
    jp: ['Urethane Co.', 'Foam Industries'],
    intl: ['Foam Co., Ltd.'],
    countries: [
      ['JP', 4],
      ['TH', 1],
    ],
    large: 0.05,
    inputs: [{ commodity: 'polyol', kind: 'chemicals', min: 1, max: 1 }],
  },
  friction: {
    industry: 'friction materials',
    tag: 'friction',
    jp: ['Friction Materials Co.'],
    intl: ['Friction Co., Ltd.'],
    countries: [
      ['JP', 3],
      ['CN', 1],
    ],
    large: 0.1,
    inputs: [{ commodity: 'resin', kind: 'chemicals', min: 1, max: 1, p: 0.5 }],
  },
};

const PLACES: Record<Country, string[]> = {
  JP: [
    'Hamamatsu',
    'Okazaki',
    'Kariya',
    'Anjo',
    'Nishio',
    'Toyohashi',
    'Yokkaichi',
    'Suzuka',
    'Kameyama',
    'Hikone',
    'Ogaki',
    'Seki',
    'Tajimi',
    'Kasugai',
    'Ichinomiya',
    'Handa',
    'Hekinan',
    'Iwata',
    'Numazu',
    'Kakegawa',
    'Ueda',
    'Matsumoto',
    'Suwa',
    'Okaya',
    'Iida',
    'Sanjo',
    'Tsubame',
    'Nagaoka',
    'Koriyama',
    'Iwaki',
    'Mito',
    'Oyama',
    'Ashikaga',
    'Kiryu',
    'Isesaki',
    'Takasaki',
    'Kawagoe',
    'Sayama',
    'Hachioji',
    'Atsugi',
    'Ebina',
    'Hiratsuka',
    'Odawara',
    'Himeji',
    'Kakogawa',
    'Akashi',
    'Amagasaki',
    'Kishiwada',
    'Higashiosaka',
    'Kadoma',
    'Kurashiki',
    'Fukuyama',
    'Kure',
    'Kitakyushu',
    'Kurume',
    'Oita',
    'Yamagata',
    'Morioka',
    'Toyama',
    'Fukui',
    'Takaoka',
    'Komatsu',
    'Sabae',
    'Tsuruga',
    'Maizuru',
    'Tottori',
    'Matsue',
    'Niihama',
    'Imabari',
    'Saga',
  ],
  CN: ['Ningbo', 'Suzhou', 'Dongguan', 'Foshan', 'Wuxi', 'Tianjin', 'Qingdao', 'Xiamen', 'Changzhou', 'Kunshan'],
  TW: ['Taichung', 'Tainan', 'Taoyuan', 'Kaohsiung', 'Changhua'],
  KR: ['Ulsan', 'Changwon', 'Gumi', 'Incheon', 'Daegu'],
  TH: ['Rayong', 'Chonburi', 'Ayutthaya', 'Lamphun', 'Prachinburi'],
  VN: ['Hai Phong', 'Dong Nai', 'Binh Duong', 'Bac Ninh', 'Da Nang'],
  US: ['Ohio', 'Kentucky', 'Tennessee', 'Indiana', 'Georgia'],
  DE: ['Chemnitz', 'Bremen', 'Ulm', 'Augsburg', 'Kassel'],
};

const usedPlaceTag = new Set<string>();

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** SCS level and/or score of a filler company: most SMEs at 0–2, a few unassessed. */
function security(size: Size): { scsLevel: number | null; securityScore: number | null } {
  const TABLE = [10, 25, 40, 60, 80, 95];
  const jitter = (level: number): number => Math.max(0, Math.min(100, (TABLE[level] ?? 0) + randInt(-7, 7)));
  if (size === 'sme') {
    const mode = pickWeighted<'none' | 'level' | 'score' | 'both'>([
      ['none', 11],
      ['level', 52],
      ['score', 17],
      ['both', 20],
    ]);
    if (mode === 'none') return { scsLevel: null, securityScore: null };
    const level = pickWeighted<number>([
      [0, 30],
      [1, 30],
      [2, 25],
      [3, 12],
      [4, 3],
    ]);
    if (mode === 'level') return { scsLevel: level, securityScore: null };
    if (mode === 'score') return { scsLevel: null, securityScore: jitter(level) };
    return { scsLevel: level, securityScore: jitter(level) };
  }
  const mode = pickWeighted<'level' | 'score' | 'both'>([
    ['level', 50],
    ['score', 25],
    ['both', 25],
  ]);
  const level = pickWeighted<number>([
    [2, 15],
    [3, 45],
    [4, 35],
    [5, 5],
  ]);
  if (mode === 'level') return { scsLevel: level, securityScore: null };
  if (mode === 'score') return { scsLevel: null, securityScore: jitter(level) };
  return { scsLevel: level, securityScore: jitter(level) };
}

/** A new filler company of a kind; direct suppliers of the automaker are bigger (`forOem`). */
function newFiller(kindKey: string, tier: number, forOem: boolean): CompanyRow {
  const kind = KINDS[kindKey];
  if (kind === undefined) throw new Error(`unknown kind ${kindKey}`);
  for (let attempt = 0; attempt < 200; attempt++) {
    const country = pickWeighted(kind.countries);
    const place = pick(PLACES[country]);
    const key = `${place}|${kind.tag}`;
    if (usedPlaceTag.has(key)) continue;
    const id = slug(`${place}-${kind.tag}`);
    if (companies.has(id)) continue;
    usedPlaceTag.add(key);
    const ending = country === 'JP' ? pick(kind.jp) : pick(kind.intl);
    const local =
      country === 'TH'
        ? ending.replace('Co., Ltd.', '(Thailand) Co., Ltd.')
        : country === 'US'
          ? ending.replace('Co., Ltd.', 'Inc.')
          : country === 'DE'
            ? ending.replace('Co., Ltd.', 'GmbH')
            : ending;
    const name = `${place} ${local}`;
    // The automaker buys bulk materials (steel, paint, batteries, tires) from big firms.
    const size: Size = forOem && kind.large >= 0.3 ? 'large' : rand() < (forOem ? 0.5 : kind.large) ? 'large' : 'sme';
    const revenue =
      size === 'sme'
        ? revenueBetween(forOem ? 1_000 : 100, 5_000)
        : kind.large >= 0.85
          ? revenueBetween(100_000, 2_000_000)
          : revenueBetween(20_000, 400_000);
    return addCompany(
      { id, name, country, industry: kind.industry, size, ...security(size), revenue, focal: false },
      tier,
      false,
    );
  }
  throw new Error(`no free name for ${kindKey}`);
}

/** Shares for a group of n suppliers: sometimes blank (equal split), otherwise summing to exactly 1. */
function sharesFor(n: number): Array<number | null> {
  if (n === 1) return [rand() < 0.6 ? 1 : null];
  if (rand() < 0.35) return Array.from({ length: n }, () => null);
  if (n === 2)
    return pick([
      [0.5, 0.5],
      [0.6, 0.4],
      [0.7, 0.3],
      [0.8, 0.2],
    ]);
  if (n === 3)
    return pick([
      [0.5, 0.3, 0.2],
      [0.4, 0.4, 0.2],
      [0.6, 0.2, 0.2],
    ]);
  return Array.from({ length: n }, () => null);
}

function accessFor(commodity: string, kindKey: string): Access | null {
  if (['petrochem', 'copper', 'fiber', 'farm', 'plantation', 'scrap', 'minerals'].includes(kindKey)) {
    return rand() < 0.5 ? null : 'none';
  }
  if (commodity === 'dies' || commodity === 'molds') return rand() < 0.4 ? 'data' : 'none';
  if (kindKey === 'trucking') return rand() < 0.3 ? 'data' : 'none';
  return 'none';
}

/** New filler companies allowed per nominal tier, so the network reaches deep tiers. */
const TIER_BUDGET: Record<number, number> = { 1: 28, 2: 44, 3: 48, 4: 36, 5: 18, 6: 8 };
const newPerTier = new Map<number, number>();

/**
 * Adds a filler commodity group to `buyerId`: new filler suppliers, or reused ones of the
 * same kind at the same nominal tier or deeper (so filler edges never point back up).
 */
function fillerGroup(
  buyerId: string,
  commodity: string,
  kindKey: string,
  count: number,
  queue: string[],
  shares?: Array<number | null>,
  reuse?: number,
): void {
  const buyerTier = nominalTier.get(buyerId) ?? 0;
  const tier = buyerTier + 1;
  const industry = KINDS[kindKey]?.industry;
  const chosen: string[] = [];
  for (let i = 0; i < count; i++) {
    const candidates = [...companies.values()]
      .filter((c) => !storyIds.has(c.id) && c.industry === industry && (nominalTier.get(c.id) ?? 0) >= tier)
      .map((c) => c.id)
      .filter((id) => id !== buyerId && !chosen.includes(id));
    const sameTier = candidates.filter((id) => nominalTier.get(id) === tier);
    // Story groups always get their suppliers; the budget limits the filler's own inputs.
    const full = !storyIds.has(buyerId) && (newPerTier.get(tier) ?? 0) >= (TIER_BUDGET[tier] ?? 0);
    const reuseP = reuse ?? (tier <= 1 ? 0.2 : tier === 2 ? 0.4 : 0.6);
    if (candidates.length > 0 && (full || rand() < reuseP)) {
      chosen.push(pick(sameTier.length > 0 && rand() < 0.7 ? sameTier : candidates));
    } else if (!full) {
      const row = newFiller(kindKey, tier, buyerId === 'auto-oem');
      newPerTier.set(tier, (newPerTier.get(tier) ?? 0) + 1);
      chosen.push(row.id);
      queue.push(row.id);
    }
  }
  if (chosen.length === 0) return;
  const groupShares = shares !== undefined && shares.length === chosen.length ? shares : sharesFor(chosen.length);
  chosen.forEach((supplier, i) => {
    const share = groupShares[i] ?? null;
    addSupply({
      supplier,
      buyer: buyerId,
      commodity,
      share,
      spend: rand() < 0.1 ? null : spendFor(supplier, buyerId, share ?? 1 / chosen.length),
      access: accessFor(commodity, kindKey),
      bufferDays: rand() < 0.1 ? null : bufferFor(buyerId),
    });
  });
}

// Filler groups of the story companies: [buyer, commodity, kind, count, shares?, reuse probability?]
const STORY_FILLER: Array<[string, string, string, number, Array<number | null>?, number?]> = [
  ['auto-oem', 'steel-sheet', 'steel', 2, [0.6, 0.4]],
  ['auto-oem', 'stampings', 'stamping', 3, [null, null, null]],
  ['auto-oem', 'engine-castings', 'casting', 2, [0.5, 0.5]],
  ['auto-oem', 'tires', 'rubber', 2, [0.5, 0.5]],
  ['auto-oem', 'paint', 'paint', 1, [1]],
  ['auto-oem', 'fasteners', 'fasteners', 3, [null, null, null]],
  ['auto-oem', 'wiring-harness', 'harness', 2, [0.5, 0.5]],
  ['auto-oem', 'batteries', 'battery', 2, [0.7, 0.3]],
  ['auto-oem', 'resin-parts', 'molding', 2, [null, null]],
  ['retail-hq', 'apparel', 'apparel', 4, [null, null, null, null]],
  ['retail-hq', 'household-goods', 'household', 3, [null, null, null]],
  ['retail-hq', 'food', 'food', 3, [0.5, 0.3, 0.2]],
  ['retail-hq', 'stationery', 'stationery', 2, [0.5, 0.5]],
  ['retail-hq', 'store-logistics', 'trucking', 3, [null, null, null]],
  ['retail-hq', 'packaging', 'packaging', 2, [0.5, 0.5]],
  ['retail-hq', 'store-fixtures', 'fixtures', 1, [1]],
  ['hanamizuki-dept', 'apparel', 'apparel', 2, [null, null], 0.8],
  ['hanamizuki-dept', 'food', 'food', 2, [0.5, 0.5], 0.8],
  ['komorebi-variety', 'household-goods', 'household', 2, [null, null], 0.8],
  ['komorebi-variety', 'stationery', 'stationery', 2, [0.6, 0.4], 0.8],
  ['kanazawa-trim', 'fabric', 'textile', 2, [0.7, 0.3]],
  ['kanazawa-trim', 'resin', 'chemicals', 1, [1]],
  ['kanazawa-trim', 'packaging', 'packaging', 1, [null]],
  ['yamabuki-seating', 'seat-frames', 'stamping', 2, [0.5, 0.5]],
  ['yamabuki-seating', 'urethane-foam', 'foam', 2, [0.5, 0.5]],
  ['yamabuki-seating', 'seat-fabric', 'textile', 2, [null, null]],
  ['ise-ecu', 'pcb', 'pcb', 2, [0.5, 0.5]],
  ['ise-ecu', 'passive-components', 'components', 3, [null, null, null]],
  ['hikari-display', 'lcd-panels', 'panels', 2, [0.5, 0.5]],
  ['hikari-display', 'pcb', 'pcb', 2, [null, null]],
  ['tohoku-sensor', 'pcb', 'pcb', 1, [1]],
  ['tohoku-sensor', 'housings', 'molding', 2, [0.5, 0.5]],
  ['mirae-electronics', 'pcb', 'pcb', 2, [null, null]],
  ['mirae-electronics', 'passive-components', 'components', 2, [0.5, 0.5]],
  ['kyokuto-micro', 'assembly-test', 'osat', 2, [0.5, 0.5]],
  ['penghu-semi', 'assembly-test', 'osat', 2, [0.6, 0.4]],
  ['aoba-power-semi', 'assembly-test', 'osat', 1, [1]],
  ['chipfab-tsukuba', 'specialty-gases', 'gas', 2, [0.5, 0.5]],
  ['azumino-wafer', 'quartz-crucibles', 'minerals', 2, [0.5, 0.5]],
  ['kanto-resist', 'solvents', 'chemicals', 2, [0.5, 0.5]],
  ['asan-wafer', 'polysilicon', 'polysilicon', 1, [0.5]],
  ['hagi-polysilicon', 'metallurgical-silicon', 'minerals', 2, [0.5, 0.5]],
  ['hokuriku-brake', 'friction-material', 'friction', 2, [0.5, 0.5]],
  ['hokuriku-brake', 'rubber-seals', 'rubber', 2, [null, null]],
  ['tanaka-foundry', 'foundry-sand', 'minerals', 1, [null]],
  ['nagano-casting', 'foundry-sand', 'minerals', 2, [0.5, 0.5]],
  ['seto-alloy', 'aluminium-scrap', 'scrap', 3, [null, null, null]],
  ['mikawa-glass', 'silica-sand', 'minerals', 2, [0.5, 0.5]],
  ['chubu-transport', 'trucking', 'trucking', 3, [null, null, null]],
  ['shinsei-logistics', 'trucking', 'trucking', 4, [null, null, null, null]],
  ['shinsei-logistics', 'packaging', 'packaging', 2, [0.5, 0.5]],
  ['daikoku-automation', 'electronic-components', 'components', 2, [null, null]],
  ['kanazawa-mold', 'tool-steel', 'steel', 1, [1]],
  ['ota-springs', 'spring-wire', 'steel', 2, [0.5, 0.5]],
];

const queue: string[] = [];
for (const [buyer, commodity, kind, count, shares, reuse] of STORY_FILLER) {
  fillerGroup(buyer, commodity, kind, count, queue, shares, reuse);
}

const MAX_FILLER_TIER = 6;
while (queue.length > 0) {
  const id = queue.shift();
  if (id === undefined) break;
  const row = companies.get(id);
  const tier = nominalTier.get(id) ?? 0;
  if (row === undefined || tier >= MAX_FILLER_TIER) continue;
  const kindKey = Object.keys(KINDS).find((k) => KINDS[k]?.industry === row.industry);
  const kind = kindKey === undefined ? undefined : KINDS[kindKey];
  if (kind === undefined) continue;
  for (const input of kind.inputs) {
    if (rand() >= (input.p ?? 1)) continue;
    fillerGroup(id, input.commodity, input.kind, randInt(input.min, input.max), queue);
  }
}

// Two back edges among fillers (cycles): a tool maker's knives for the steel service
// centre that sells it tool steel; a packaging maker's cartons for its paper mill.
function backEdge(supplierKind: string, buyerKind: string, commodity: string, viaCommodity: string): void {
  for (const s of supplies) {
    const sup = companies.get(s.supplier);
    const buy = companies.get(s.buyer);
    if (sup === undefined || buy === undefined || storyIds.has(sup.id) || storyIds.has(buy.id)) continue;
    if (
      s.commodity !== viaCommodity ||
      sup.industry !== KINDS[buyerKind]?.industry ||
      buy.industry !== KINDS[supplierKind]?.industry
    )
      continue;
    addSupply({
      supplier: buy.id,
      buyer: sup.id,
      commodity,
      share: null,
      spend: spendFor(buy.id, sup.id, 1),
      access: 'none',
      bufferDays: 20,
    });
    return;
  }
  throw new Error(`no place for the back edge ${commodity}`);
}
backEdge('tooling', 'steel', 'slitter-knives', 'tool-steel');
backEdge('packaging', 'paper', 'shipping-cartons', 'paperboard');

// Stock every maker keeps (set after the draws, so the generated network is
// otherwise unchanged): bulk materials for two weeks, moulds for a month. Under the
// event-loss model a supplier's outage then reaches the automaker only after that stock
// runs out, as it would.
const STOCKED: Record<string, number> = {
  resin: 14,
  packaging: 14,
  plating: 14,
  pigments: 14,
  'carbon-black': 14,
  molds: 30,
};
for (const s of supplies) {
  const days = STOCKED[s.commodity];
  if (days !== undefined && s.buyer !== 'auto-oem') s.bufferDays = days;
}

// ---------------------------------------------------------------------------------------
// Write the CSVs

function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
}

/** The generator works in ¥ million; the files are in yen, the unit of the cost-sharing plan's lift costs. */
const yen = (millions: number | null): number | null => (millions === null ? null : Math.round(millions * 1_000_000));

const outDir =
  process.argv[2] !== undefined ? resolve(process.argv[2]) : resolve(import.meta.dirname, '../data/sample');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  resolve(outDir, 'companies.csv'),
  csv(
    ['id', 'name', 'country', 'industry', 'size', 'scs_level', 'security_score', 'revenue', 'focal'],
    [...companies.values()].map((c) => [
      c.id,
      c.name,
      c.country,
      c.industry,
      c.size,
      c.scsLevel,
      c.securityScore,
      yen(c.revenue),
      c.focal ? true : null,
    ]),
  ),
);
writeFileSync(
  resolve(outDir, 'supplies.csv'),
  csv(
    ['supplier', 'buyer', 'commodity', 'share', 'spend', 'access', 'buffer_days'],
    supplies.map((s) => [s.supplier, s.buyer, s.commodity, s.share, yen(s.spend), s.access, s.bufferDays]),
  ),
);
console.log(`wrote ${companies.size} companies and ${supplies.length} supplies to ${outDir}`);
