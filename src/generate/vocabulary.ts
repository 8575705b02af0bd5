/**
 * The words and proportions of a synthetic network (used by `generate-network.ts`): what
 * each supplier tier makes (a manufacturing chain from system suppliers down to raw
 * materials), the shared services run by a few hubs (logistics, IT hosting, chip fabs),
 * the country mix per tier (Japan first, more foreign suppliers deeper down), and name
 * parts. Weights are integers, for `Random.pick`. The proportions are illustrative,
 * chosen to look like a Japanese manufacturing network, not measured.
 */
import type { Access } from '../model/types.ts';

/** What the companies of supplier tier t (1-based: TIER_GOODS[0] is tier 1) make; the first make the most. */
export const TIER_GOODS: readonly (readonly string[])[] = [
  [
    'seats',
    'brake-systems',
    'wire-harnesses',
    'ecus',
    'lighting',
    'transmissions',
    'interior-trim',
    'hvac-units',
    'steering-systems',
    'body-panels',
    'batteries',
    'displays',
  ],
  [
    'castings',
    'stampings',
    'forgings',
    'injection-moldings',
    'pcbs',
    'springs',
    'bearings',
    'fasteners',
    'sensors',
    'small-motors',
    'glass',
    'gaskets',
    'cables',
  ],
  [
    'machining',
    'plating',
    'heat-treatment',
    'die-casting',
    'connectors',
    'capacitors',
    'rubber-parts',
    'coatings',
    'precision-parts',
    'sheet-metal',
    'printing',
  ],
  [
    'steel-sheet',
    'aluminium-ingot',
    'copper-wire',
    'resin-pellets',
    'industrial-chemicals',
    'technical-fabric',
    'dies-and-molds',
    'cutting-tools',
  ],
  ['refined-metals', 'polymers', 'industrial-gases', 'pigments', 'yarn', 'wood-pulp', 'solvents'],
  ['iron-ore', 'bauxite', 'copper-concentrate', 'naphtha', 'natural-rubber', 'rare-earths', 'silica-sand'],
];

export const FOCAL_INDUSTRIES = ['automotive', 'electronics', 'machinery', 'retail'] as const;

/** Shared services and goods sold by a few hubs to buyers at every tier. */
export interface Service {
  commodity: string;
  /** Percent of buyers that buy it, per supplier-per-company unit (scaled by K). */
  uptake: number;
  /** Access of the hub at its buyers, drawn with these integer weights. */
  access: readonly [Access | null, number][];
}

export const SERVICES: readonly Service[] = [
  {
    commodity: 'logistics',
    uptake: 4,
    access: [
      ['none', 4],
      ['data', 6],
    ],
  },
  {
    commodity: 'it-hosting',
    uptake: 2,
    access: [
      ['network', 7],
      ['data', 3],
    ],
  },
  {
    commodity: 'erp-hosting',
    uptake: 2,
    access: [
      ['software', 6],
      ['data', 4],
    ],
  },
  {
    commodity: 'semiconductors',
    uptake: 1,
    access: [
      [null, 5],
      ['none', 5],
    ],
  },
  {
    commodity: 'cloud-storage',
    uptake: 1,
    access: [
      ['data', 8],
      ['network', 2],
    ],
  },
];

/** Access of ordinary goods supplies (empty = none). */
export const GOODS_ACCESS: readonly [Access | null, number][] = [
  [null, 40],
  ['none', 45],
  ['data', 8],
  ['network', 4],
  ['software', 3],
];

export const COUNTRIES = ['JP', 'CN', 'TW', 'KR', 'TH', 'VN', 'US', 'DE'] as const;

/** Country weights (per mille, order of COUNTRIES) by tier 0..6; hubs use tier 1's. */
export const COUNTRY_WEIGHTS: readonly (readonly number[])[] = [
  [950, 0, 0, 0, 0, 0, 30, 20],
  [880, 30, 20, 20, 20, 5, 15, 10],
  [780, 80, 40, 30, 30, 15, 15, 10],
  [680, 130, 50, 40, 50, 30, 10, 10],
  [600, 170, 60, 50, 50, 50, 10, 10],
  [520, 220, 60, 50, 60, 70, 10, 10],
  [450, 260, 60, 50, 70, 90, 10, 10],
];

/** Level mix (per mille): unassessed, then scs_level 0..5. Most SMEs sit at 0–2. */
export const LEVEL_WEIGHTS = {
  sme: [180, 300, 250, 180, 70, 18, 2],
  large: [30, 20, 40, 100, 450, 320, 40],
} as const;

/** Percent of large companies by tier 0..6 (focal companies and hubs are always large). */
export const LARGE_PERCENT = [100, 40, 15, 6, 5, 5, 5];

export const JP_NAMES = [
  'Kojima',
  'Yamada',
  'Sato',
  'Suzuki',
  'Takahashi',
  'Tanaka',
  'Watanabe',
  'Ito',
  'Nakamura',
  'Kobayashi',
  'Kato',
  'Yoshida',
  'Yamamoto',
  'Sasaki',
  'Matsumoto',
  'Inoue',
  'Kimura',
  'Hayashi',
  'Shimizu',
  'Mori',
  'Ikeda',
  'Hashimoto',
  'Ishikawa',
  'Ogawa',
  'Okada',
  'Fujita',
  'Goto',
  'Nishimura',
  'Fukuda',
  'Ota',
  'Miura',
  'Kanazawa',
  'Seto',
  'Hamamatsu',
  'Kariya',
  'Toyohashi',
];
export const PLACE_NAMES: Readonly<Record<string, readonly string[]>> = {
  CN: ['Shenzhen', 'Suzhou', 'Ningbo', 'Dongguan', 'Wuxi', 'Tianjin'],
  TW: ['Hsinchu', 'Taoyuan', 'Taichung', 'Tainan'],
  KR: ['Ulsan', 'Changwon', 'Gumi', 'Incheon'],
  TH: ['Rayong', 'Chonburi', 'Ayutthaya'],
  VN: ['Haiphong', 'Bac Ninh', 'Dong Nai'],
  US: ['Ohio', 'Michigan', 'Texas', 'Carolina'],
  DE: ['Stuttgart', 'Bavaria', 'Saxony'],
};
export const NAME_SUFFIXES = ['Co., Ltd.', 'Industries', 'Works', 'Manufacturing', 'Corporation', 'Seisakusho'];
