/**
 * The before/after of a run with what-ifs, as rows to show side by side: companies
 * disrupted, focal companies stopped, revenue at risk, the peak (from the two runs),
 * total risk (Σ risk contribution, from the API's comparison of the two analyses), and
 * the weak links whose rank changed. Also the draft of the what-if form turned into an
 * operation, or the reason it cannot be. Pure, tested in test/web.
 *
 * @example
 *   beforeAfterRows(outcome).map((r) => r.label); // ['Companies disrupted', …]
 *   opFromDraft({ kind: 'raise-level', company: 'ota', level: '4', … }); // { op: { op: 'raise-level', … } }
 */
import type { WhatIfComparison, WhatIfOp } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../dom.ts';
import { formatYen, formatYenFull } from '../replay.ts';
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
  /** Hover titles (full yen amounts). */
  title?: { before: string; after: string };
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
    },
    {
      key: 'focal',
      label: 'Focal companies stopped',
      before: focalStops(b),
      after: focalStops(a),
      beforeValue: stoppedFocal(b),
      afterValue: stoppedFocal(a),
    },
    {
      key: 'revenue',
      label: 'Revenue at risk',
      before: formatYen(b.totalRevenueAtRisk),
      after: formatYen(a.totalRevenueAtRisk),
      beforeValue: b.totalRevenueAtRisk,
      afterValue: a.totalRevenueAtRisk,
      title: { before: formatYenFull(b.totalRevenueAtRisk), after: formatYenFull(a.totalRevenueAtRisk) },
    },
    {
      key: 'peak',
      label: 'Peak',
      before: `${formatNumber(b.peak.down)} down on day ${b.peak.day}`,
      after: `${formatNumber(a.peak.down)} down on day ${a.peak.day}`,
      beforeValue: b.peak.down,
      afterValue: a.peak.down,
    },
  ];
  if (c)
    rows.push({
      key: 'risk',
      label: 'Total risk (Σ contribution)',
      before: formatRisk(c.totalRisk.before),
      after: formatRisk(c.totalRisk.after),
      beforeValue: c.totalRisk.before,
      afterValue: c.totalRisk.after,
    });
  return rows;
}

function formatRisk(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 2 });
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
