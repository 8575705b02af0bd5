/**
 * The sentences of the executive report, from GET /api/executive's answer: who the page
 * is about, the notes under the headline figures, the plan's sub-line and lifts, and the
 * footnotes. Every money figure carries its unit (¥) and its period (a year, once, in
 * one year). The plan headline and the worst event sentence are `planHeadline` and
 * `worstEventSentence` of replay.ts (shared with the tests). No DOM.
 *
 * @example
 *   p99Note(data.loss); // "in one year; a year this bad or worse comes once a century. In a 1-in-200 year: ¥6.1T"
 */
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';
import { formatPercent, formatYen } from '../replay.ts';
import { shortName } from '../to-elements.ts';

type Executive = ExecutiveResponse;
type Lift = Executive['plan']['lifts'][number];

/** Who the page is about: its short name and possessive ("Kirishima Motor’s"), or the network's. */
export interface Scope {
  name: string;
  whose: string;
  /** The full name, null for the whole network. */
  full: string | null;
}

export function scopeOf(d: Pick<Executive, 'scope'>): Scope {
  if (!d.scope) return { name: 'the network', whose: 'the network’s', full: null };
  const name = shortName(d.scope.name);
  return { name, whose: `${name}’s`, full: d.scope.name };
}

/** "Annual revenue ¥1.2T · 14 critical suppliers at any depth · 31 companies mapped", or null without a focal company. */
export function scopeLine(d: Pick<Executive, 'scope' | 'criticalSuppliers' | 'companies'>): string | null {
  if (!d.scope) return null;
  return `Annual revenue ${formatYen(d.scope.revenue)} · ${formatNumber(d.criticalSuppliers)} critical suppliers at any depth · ${formatNumber(d.companies)} companies mapped`;
}

/** "Expected annual loss to Kirishima Motor" (or of the network). */
export function expectedLossLabel(scope: Scope): string {
  return `Expected annual loss${scope.full ? ` to ${scope.name}` : ''}`;
}

/** The 1-in-100-year tile's note, with the 1-in-200-year loss. */
export function p99Note(loss: Pick<Executive['loss'], 'quantiles'>): string {
  return `in one year; a year this bad or worse comes once a century. In a 1-in-200 year: ${formatYen(loss.quantiles.p995)}`;
}

/** "Expected annual loss ¥A → ¥B a year for a one-off budget of ¥C, by funding SCS evaluations (★3/★4) …". */
export function planSub(plan: Executive['plan'], targets: readonly number[]): string {
  return `Expected annual loss ${formatYen(plan.lossBefore)} → ${formatYen(plan.lossAfter)} a year for a one-off budget of ${formatYen(plan.budget)}, by funding SCS evaluations (★${targets.join('/★')}) where a yen avoids the most loss.`;
}

/** " ★1 → ★3: ¥4M once, avoids ¥1.2B a year" (after the supplier's name). */
export function liftText(l: Lift): string {
  return ` ★${l.fromLevel} → ★${l.toLevel}: ${formatYen(l.cost)} once, avoids ${formatYen(l.avoided)} a year`;
}

/** " · stops Kirishima Motor on day 3", or null when it does not stop the focal company (or is it). */
export function stopsText(w: Executive['topContributors'][number], d: Pick<Executive, 'scope'>): string | null {
  if (w.focalStopDay === null || !d.scope || w.id === d.scope.id) return null;
  return ` · stops ${shortName(d.scope.name)} on day ${w.focalStopDay}`;
}

/** "Top 5 contributors to Kirishima Motor’s expected loss". */
export function contributorsTitle(d: Pick<Executive, 'topContributors' | 'scope'>): string {
  return `Top ${d.topContributors.length} contributors to ${scopeOf(d).whose} expected loss`;
}

/** How the annual losses were computed: "exact enumeration of every outcome" or "10,000 simulated years (seed 1)". */
export function methodText(loss: Pick<Executive['loss'], 'method' | 'runs' | 'seed'>): string {
  return loss.method === 'exact'
    ? 'exact enumeration of every outcome'
    : `${formatNumber(loss.runs ?? 0)} simulated years (seed ${loss.seed})`;
}

/** The footnotes: how the loss is counted, the hit and outage assumptions, the method, θ and the costs. */
export function notes(d: Executive, changed: boolean, theta: number | null): [string, string] {
  const a = d.assumptions;
  const scope = scopeOf(d);
  const whose = scope.full ? scope.whose : 'every company’s';
  return [
    `Loss: ${whose} revenue${a.lossRatio === 1 ? '' : ` × ${a.lossRatio}`} per day it is stopped, counted from the day an outage upstream reaches it (when its inventory runs out) until the hit company recovers. ` +
      `Each company is hit at most once a year with likelihood ${a.hitLikelihood} (s: its own security score); a hit stops it for ${a.durations.map((x) => x.days).join(', ')} days with probabilities ${a.durations.map((x) => formatPercent(x.probability)).join(', ')}. ` +
      `Annual losses and the curve from ${methodText(d.loss)}; the expected annual loss is exact. ${changed ? 'Assumptions changed for this session.' : 'Default assumptions (documented sources).'}`,
    `A buyer stops when less than ${theta === null ? 'half' : formatPercent(theta)} of an input is left. Lift costs are assumptions by company size, paid once. All figures in yen.`,
  ];
}
