/**
 * The before/after of a run with what-ifs, as rows to show side by side: companies
 * disrupted, focal companies stopped, revenue at risk, the peak (from the two runs),
 * total risk (Σ risk contribution, yen a year, from the API's comparison of the two
 * analyses), each with its change; and the weak links whose rank changed. Pure, tested
 * in test/web.
 *
 * @example
 *   beforeAfterRows(outcome).map((r) => r.label); // ['Companies disrupted', …]
 *   changeText(13, 12);                           // "−1 (−7.7%)"
 */
import { t } from '../i18n.ts';
import type { WhatIfComparison } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
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
  const share =
    ratio === null ? '' : ratio < 0.0005 ? t('web.scn.under') : `${d > 0 ? '+' : '−'}${formatPercent(ratio)}`;
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
      label: t('web.scn.disrupted'),
      before: formatNumber(b.companies.length),
      after: formatNumber(a.companies.length),
      beforeValue: b.companies.length,
      afterValue: a.companies.length,
      change: changeText(b.companies.length, a.companies.length),
    },
    {
      key: 'focal',
      label: t('web.scn.focalStopped'),
      before: focalStops(b),
      after: focalStops(a),
      beforeValue: stoppedFocal(b),
      afterValue: stoppedFocal(a),
      change: changeText(stoppedFocal(b), stoppedFocal(a)),
    },
    {
      key: 'revenue',
      label: t('web.shell.revenueAtRisk'),
      before: formatYen(b.totalRevenueAtRisk),
      after: formatYen(a.totalRevenueAtRisk),
      beforeValue: b.totalRevenueAtRisk,
      afterValue: a.totalRevenueAtRisk,
      change: changeText(b.totalRevenueAtRisk, a.totalRevenueAtRisk, formatYen),
      title: { before: formatYenFull(b.totalRevenueAtRisk), after: formatYenFull(a.totalRevenueAtRisk) },
    },
    {
      key: 'peak',
      label: t('web.scn.peak'),
      before: t('web.scn.downOnDay', { n: formatNumber(b.peak.down), day: b.peak.day }),
      after: t('web.scn.downOnDay', { n: formatNumber(a.peak.down), day: a.peak.day }),
      beforeValue: b.peak.down,
      afterValue: a.peak.down,
      change: changeText(b.peak.down, a.peak.down),
    },
  ];
  if (c)
    rows.push({
      key: 'risk',
      label: t('web.scn.totalRisk'),
      before: t('web.panel.perYear', { value: formatYen(c.totalRisk.before) }),
      after: t('web.panel.perYear', { value: formatYen(c.totalRisk.after) }),
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
