/**
 * The countries chart of the Concentration tab, as data: one bar per tier (by count of
 * companies or by spend, with the tier's HHI) and one per focal company (the countries
 * of its critical suppliers); a colour per country, the most frequent first; and the
 * label a segment has room for. Pure (country-bar.tsx draws the bars with Plot).
 *
 * @example
 *   const palette = countryPalette(data);
 *   countryBars(data, 'spend', nameOf); // [{ label: 'Tier 1', sub: '12 cos.', parts, hhi }, …]
 */
import type { ConcentrationResponse, CountryShare } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { formatNumber, formatShare } from '../format.ts';

const COUNTRY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
/** The colour of the countries beyond the palette and of "unknown". */
export const OTHER_COLOUR = '#cbd2d9';

export type ShareBy = 'count' | 'spend';

export interface CountryBarData {
  /** Key and label: "Tier 1", "Critical to Kirishima Motor". */
  label: string;
  /** "12 cos." (tiers only). */
  sub: string;
  /** Largest share first. */
  parts: CountryShare[];
  /** The tier's HHI, null for a focal company's bar. */
  hhi: number | null;
}

/** A colour per country, the most frequent countries (by count) first; the rest share grey. */
export function countryPalette(data: ConcentrationResponse): Map<string, string> {
  const weight = new Map<string, number>();
  const add = (parts: CountryShare[]): void => {
    for (const c of parts) weight.set(c.country, (weight.get(c.country) ?? 0) + c.amount);
  };
  for (const t of data.tiers) add(t.byCount);
  for (const f of data.criticalSupplierCountries) add(f.countries);
  const countries = [...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || a.localeCompare(b));
  return new Map(countries.map((c, i) => [c, c === 'unknown' ? OTHER_COLOUR : (COUNTRY_COLOURS[i] ?? OTHER_COLOUR)]));
}

/** Largest share first, then by country. */
export function sortParts(parts: readonly CountryShare[]): CountryShare[] {
  return [...parts].sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
}

export function countryBars(
  data: ConcentrationResponse,
  by: ShareBy,
  nameOf: (id: string) => string,
): CountryBarData[] {
  return [
    ...data.tiers.map((tier) => ({
      label: t('web.tabs.tier', { tier: tier.tier }),
      sub: t('web.tabs.cos', { n: formatNumber(tier.companies) }),
      parts: sortParts(by === 'count' ? tier.byCount : tier.bySpend),
      hhi: by === 'count' ? tier.countHhi : tier.spendHhi,
    })),
    ...data.criticalSupplierCountries.map((f) => ({
      label: t('web.tabs.criticalTo', { name: nameOf(f.focal) }),
      sub: '',
      parts: sortParts(f.countries),
      hhi: null,
    })),
  ];
}

/** The label of a segment `px` wide: "JP 46%" when it fits, else "JP", else nothing. */
export function segmentLabel(part: CountryShare, px: number): string {
  const full = `${part.country} ${formatShare(part.share)}`;
  if (px >= full.length * 7.5 + 8) return full;
  return px >= part.country.length * 7.5 + 8 ? part.country : '';
}

/** A segment's tooltip: "JP: 46% (12)". */
export function segmentTitle(part: CountryShare): string {
  return `${part.country}: ${formatShare(part.share)} (${formatNumber(part.amount)})`;
}
