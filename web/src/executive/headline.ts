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
import { t } from '../i18n.ts';
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
  if (!d.scope) return { name: t('web.exec.theNetwork'), whose: t('web.exec.theNetworkWhose'), full: null };
  const name = shortName(d.scope.name);
  return { name, whose: t('web.exec.whose', { name }), full: d.scope.name };
}

/** "Annual revenue ¥1.2T · 14 critical suppliers at any depth · 31 companies mapped", or null without a focal company. */
export function scopeLine(d: Pick<Executive, 'scope' | 'criticalSuppliers' | 'companies'>): string | null {
  if (!d.scope) return null;
  return t('web.exec.scopeLine', {
    revenue: formatYen(d.scope.revenue),
    critical: formatNumber(d.criticalSuppliers),
    companies: formatNumber(d.companies),
  });
}

/** "Expected annual loss to Kirishima Motor" (or of the network). */
export function expectedLossLabel(scope: Scope): string {
  return scope.full ? t('web.exec.expectedLossTo', { name: scope.name }) : t('web.exec.expectedLoss');
}

/** The 1-in-100-year tile's note, with the 1-in-200-year loss. */
export function p99Note(loss: Pick<Executive['loss'], 'quantiles'>): string {
  return t('web.exec.p99Note', { loss: formatYen(loss.quantiles.p995) });
}

/** The SCS levels of the plan: "★3/★4" (ja: "★3 基本/★4 標準"). */
export function levelsText(targets: readonly number[]): string {
  return targets.map((l) => t(`web.levels.${l}`)).join('/');
}

/** "Expected annual loss ¥A → ¥B a year for a one-off budget of ¥C, by funding SCS evaluations (★3/★4) …". */
export function planSub(plan: Executive['plan'], targets: readonly number[]): string {
  return t('web.exec.planSub', {
    before: formatYen(plan.lossBefore),
    after: formatYen(plan.lossAfter),
    budget: formatYen(plan.budget),
    targets: levelsText(targets),
  });
}

/** " ★1 → ★3: ¥4M once, avoids ¥1.2B a year" (after the supplier's name). */
export function liftText(l: Lift): string {
  return t('web.exec.lift', {
    from: l.fromLevel,
    to: l.toLevel,
    cost: formatYen(l.cost),
    avoided: formatYen(l.avoided),
  });
}

/** " · stops Kirishima Motor on day 3", or null when it does not stop the focal company (or is it). */
export function stopsText(w: Executive['topContributors'][number], d: Pick<Executive, 'scope'>): string | null {
  if (w.focalStopDay === null || !d.scope || w.id === d.scope.id) return null;
  return t('web.exec.stops', { name: shortName(d.scope.name), day: w.focalStopDay });
}

/** "Top 5 contributors to Kirishima Motor’s expected loss". */
export function contributorsTitle(d: Pick<Executive, 'topContributors' | 'scope'>): string {
  return t('web.exec.contributors', { count: d.topContributors.length, whose: scopeOf(d).whose });
}

/** How the annual losses were computed: "exact enumeration of every outcome" or "10,000 simulated years (seed 1)". */
export function methodText(loss: Pick<Executive['loss'], 'method' | 'runs' | 'seed'>): string {
  return loss.method === 'exact'
    ? t('web.exec.methodExact')
    : t('web.exec.methodRuns', { runs: formatNumber(loss.runs ?? 0), seed: loss.seed });
}

/** The footnotes: how the loss is counted, the hit and outage assumptions, the method, θ and the costs. */
export function notes(d: Executive, changed: boolean, theta: number | null): [string, string] {
  const a = d.assumptions;
  const scope = scopeOf(d);
  const whose = scope.full ? scope.whose : t('web.exec.everyCompanyWhose');
  const list = t('web.common.list');
  return [
    t('web.exec.noteLoss', { whose, ratio: a.lossRatio === 1 ? '' : ` × ${a.lossRatio}` }) +
      t('web.exec.noteHit', {
        hit: a.hitLikelihood,
        days: a.durations.map((x) => x.days).join(list),
        probabilities: a.durations.map((x) => formatPercent(x.probability)).join(list),
      }) +
      t('web.exec.noteMethod', { method: methodText(d.loss) }) +
      (changed ? t('web.exec.changed') : t('web.exec.defaults')),
    t('web.exec.noteLimits', { theta: theta === null ? t('web.exec.half') : formatPercent(theta) }),
  ];
}
