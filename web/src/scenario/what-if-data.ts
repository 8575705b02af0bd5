/**
 * The before/after of a run with what-ifs, as rows to show side by side: companies
 * disrupted, focal companies stopped, revenue at risk, the peak (from the two runs),
 * total risk (Σ risk contribution, yen a year, from the API's comparison of the two
 * analyses), each with its change, and
 * the weak links whose rank changed. Also the draft of the what-if form turned into an
 * operation, or the reason it cannot be. Pure, tested in test/web.
 *
 * @example
 *   beforeAfterRows(outcome).map((r) => r.label); // ['Companies disrupted', …]
 *   opFromDraft({ kind: 'raise-level', company: 'ota', level: '4', … }); // { op: { op: 'raise-level', … } }
 */
import type { WhatIfComparison, WhatIfOp } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../dom.ts';
import { formatPercent, formatYen, formatYenFull } from '../replay.ts';
import type { WhatIfOutcome } from './state.ts';
import { focalStops } from './text.ts';

export interface BeforeAfterRow {
  key: string;
  label: string;
  before: string;
  after: string;
  /** The numbers behind the text (null for a text-only row). */
  beforeValue: number | null;
  afterValue: number | null;
  /** After − before in words ("−1", "−¥5.2B", "±0"), or '' for a text-only row. */
  change: string;
  /** Hover titles (full yen amounts). */
  title?: { before: string; after: string };
}

/** The signed difference `after − before` in the format of the row ("±0" when equal). */
export function changeText(before: number, after: number, format: (v: number) => string = formatNumber): string {
  const d = after - before;
  if (d === 0) return '±0';
  const text = format(Math.abs(d)).replace(/^−/, '');
  const ratio = before !== 0 ? Math.abs(d / before) : null;
  const share = ratio === null ? '' : ratio < 0.0005 ? 'under 0.1%' : `${d > 0 ? '+' : '−'}${formatPercent(ratio)}`;
  const pct = share ? ` (${share})` : '';
  return `${d > 0 ? '+' : '−'}${text}${pct}`;
}

/** Whether a row's figures differ. */
export function rowChanged(row: Pick<BeforeAfterRow, 'before' | 'after' | 'beforeValue' | 'afterValue'>): boolean {
  return row.before !== row.after || row.beforeValue !== row.afterValue;
}

/** The rows of the before/after table. */
export function beforeAfterRows(outcome: Pick<WhatIfOutcome, 'before' | 'after' | 'comparison'>): BeforeAfterRow[] {
  const { before: b, after: a, comparison: c } = outcome;
  const stoppedFocal = (r: typeof b): number => r.focal.filter((f) => f.stoppedOn !== null).length;
  const rows: BeforeAfterRow[] = [
    {
      key: 'disrupted',
      label: 'Companies disrupted',
      before: formatNumber(b.companies.length),
      after: formatNumber(a.companies.length),
      beforeValue: b.companies.length,
      afterValue: a.companies.length,
      change: changeText(b.companies.length, a.companies.length),
    },
    {
      key: 'focal',
      label: 'Focal companies stopped',
      before: focalStops(b),
      after: focalStops(a),
      beforeValue: stoppedFocal(b),
      afterValue: stoppedFocal(a),
      change: changeText(stoppedFocal(b), stoppedFocal(a)),
    },
    {
      key: 'revenue',
      label: 'Revenue at risk',
      before: formatYen(b.totalRevenueAtRisk),
      after: formatYen(a.totalRevenueAtRisk),
      beforeValue: b.totalRevenueAtRisk,
      afterValue: a.totalRevenueAtRisk,
      change: changeText(b.totalRevenueAtRisk, a.totalRevenueAtRisk, formatYen),
      title: { before: formatYenFull(b.totalRevenueAtRisk), after: formatYenFull(a.totalRevenueAtRisk) },
    },
    {
      key: 'peak',
      label: 'Peak',
      before: `${formatNumber(b.peak.down)} down on day ${b.peak.day}`,
      after: `${formatNumber(a.peak.down)} down on day ${a.peak.day}`,
      beforeValue: b.peak.down,
      afterValue: a.peak.down,
      change: changeText(b.peak.down, a.peak.down),
    },
  ];
  if (c)
    rows.push({
      key: 'risk',
      label: 'Total risk (Σ contribution)',
      before: `${formatYen(c.totalRisk.before)} / year`,
      after: `${formatYen(c.totalRisk.after)} / year`,
      beforeValue: c.totalRisk.before,
      afterValue: c.totalRisk.after,
      change: changeText(c.totalRisk.before, c.totalRisk.after, formatYen),
      title: { before: formatYenFull(c.totalRisk.before), after: formatYenFull(c.totalRisk.after) },
    });
  return rows;
}

export interface WeakLinkChange {
  id: string;
  before: number | null;
  after: number | null;
}

/** The weak links (top 10) whose rank changed, entered or left, by their best rank. */
export function weakLinkChanges(weakLinks: WhatIfComparison['weakLinks']): WeakLinkChange[] {
  const before = new Map(weakLinks.before.map((w) => [w.id, w.rank]));
  const after = new Map(weakLinks.after.map((w) => [w.id, w.rank]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return ids
    .map((id) => ({ id, before: before.get(id) ?? null, after: after.get(id) ?? null }))
    .filter((w) => w.before !== w.after)
    .sort((p, q) => Math.min(p.before ?? 99, p.after ?? 99) - Math.min(q.before ?? 99, q.after ?? 99));
}

export type OpKind = WhatIfOp['op'];

/** The what-if form as typed. */
export interface OpDraft {
  kind: OpKind;
  company: string;
  level: string;
  buyer: string;
  supplier: string;
  commodity: string;
  /** Percent, 1 … 100. */
  share: string;
}

export const EMPTY_DRAFT: OpDraft = {
  kind: 'raise-level',
  company: '',
  level: '4',
  buyer: '',
  supplier: '',
  commodity: '',
  share: '30',
};

/** The operation of a draft, or the reason it is not complete. */
export function opFromDraft(d: OpDraft): { op: WhatIfOp } | { problem: string } {
  if (d.kind === 'raise-level' || d.kind === 'remove-supplier') {
    if (!d.company) return { problem: 'Pick the company first.' };
    if (d.kind === 'remove-supplier') return { op: { op: 'remove-supplier', company: d.company } };
    const level = Number(d.level);
    if (!(Number.isInteger(level) && level >= 0 && level <= 5))
      return { problem: 'Level: a whole number from 0 to 5.' };
    return { op: { op: 'raise-level', company: d.company, level } };
  }
  if (!d.buyer) return { problem: 'Pick the buyer first.' };
  if (!d.supplier) return { problem: 'Pick the new supplier first.' };
  if (d.buyer === d.supplier) return { problem: 'A company cannot supply itself.' };
  const commodity = d.commodity.trim();
  if (!commodity) return { problem: 'Name the commodity the new supplier sells.' };
  const share = Number(d.share);
  if (!(share > 0 && share <= 100)) return { problem: 'Share: a percentage above 0 and at most 100.' };
  return { op: { op: 'add-supplier', buyer: d.buyer, supplier: d.supplier, commodity, share: share / 100 } };
}
