/**
 * The Aggregates tab's matrix from GET /api/aggregate, as data: one row per country or
 * industry (the server's order: highest summed risk contribution first), one column per
 * tier (no tier last), each cell the group there or nothing; the shade of a cell from its
 * risk contribution against the largest cell's; and the groups that supply a group and
 * those it supplies, most supplies first. Nothing is computed that the server did not
 * say: these only arrange its answer.
 *
 * @example
 *   const m = aggregateMatrix(data); m.rows[0].cells[1]?.group.companies;
 */
import type { AggregateGroup, AggregateResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';

export interface MatrixCell {
  /** Index of the group in the answer's `groups`. */
  index: number;
  group: AggregateGroup;
}

export interface MatrixRow {
  key: string;
  /** Σ risk contribution of the row, yen per year. */
  risk: number;
  companies: number;
  cells: (MatrixCell | null)[];
}

export interface Matrix {
  tiers: (number | null)[];
  rows: MatrixRow[];
  /** The largest risk contribution of one cell (yen per year); 0 when none. */
  max: number;
}

export function aggregateMatrix(data: AggregateResponse): Matrix {
  const column = new Map(data.tiers.map((tier, k) => [tier, k]));
  const rows = new Map<string, MatrixRow>(
    data.keys.map((key) => [key, { key, risk: 0, companies: 0, cells: data.tiers.map(() => null) }]),
  );
  let max = 0;
  data.groups.forEach((group, index) => {
    const row = rows.get(group.key);
    const k = column.get(group.tier);
    if (row === undefined || k === undefined) return;
    row.cells[k] = { index, group };
    row.risk += group.riskContribution;
    row.companies += group.companies;
    max = Math.max(max, group.riskContribution);
  });
  return { tiers: data.tiers, rows: [...rows.values()], max };
}

/** Background of a cell: white to the danger red by √(risk / max), so that small cells still show. */
export function cellShade(risk: number, max: number): string {
  const f = max > 0 ? Math.sqrt(Math.max(0, risk) / max) : 0;
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * f);
  return `rgb(${mix(255, 198)}, ${mix(255, 40)}, ${mix(255, 40)})`;
}

/** Dark text on a light cell, white on a dark one. */
export function cellInk(risk: number, max: number): string {
  return max > 0 && Math.sqrt(Math.max(0, risk) / max) > 0.55 ? '#ffffff' : '#1f2933';
}

export interface GroupFlow {
  /** Index of the other group in the answer's `groups`. */
  index: number;
  group: AggregateGroup;
  supplies: number;
  singleSources: number;
}

/** The supplies into group `g` (from its supplier groups) and out of it (to its buyer groups), most first; within-group supplies in both. */
export function groupFlows(data: AggregateResponse, g: number): { incoming: GroupFlow[]; outgoing: GroupFlow[] } {
  const flow = (index: number, supplies: number, singleSources: number): GroupFlow => ({
    index,
    group: data.groups[index]!,
    supplies,
    singleSources,
  });
  return {
    incoming: data.links.filter((l) => l.to === g).map((l) => flow(l.from, l.supplies, l.singleSources)),
    outgoing: data.links.filter((l) => l.from === g).map((l) => flow(l.to, l.supplies, l.singleSources)),
  };
}

/** A tier column's heading: "Tier 2" / "2次", "Tier 0 (focal)" / "0次 (自社)", or "No tier" / "階層なし". */
export function tierHeading(tier: number | null): string {
  if (tier === null) return t('web.agg.noTier');
  return tier === 0 ? t('web.agg.focalTier') : t('web.agg.tier', { tier });
}

/** A group's name: "Tier 2 · JP". */
export function groupName(group: Pick<AggregateGroup, 'tier' | 'key'>): string {
  return `${tierHeading(group.tier)} · ${keyName(group.key)}`;
}

/** A country or industry as shown (`unknown` in the page's language). */
export function keyName(key: string): string {
  return key === 'unknown' ? t('web.agg.unknown') : key;
}
