/**
 * Pure helpers of the Scenario tab and the executive view (no DOM, so test/web checks
 * them without a browser): who is down on each day of a scenario run, replayed from its
 * timeline; yen amounts in a few characters; the plan's one-line headline; an exposure
 * path as text. (The revenue-at-risk chart's data is web/src/scenario/chart-data.ts.)
 *
 * @example
 *   const days = downByDay(run);         // days[3] = ids down on day 3, sorted
 *   planHeadline(executive.plan);        // "¥18.4M spent on 7 suppliers cuts expected loss by 38%"
 */
import type { ExecutiveResponse, ScenarioRun } from '../../src/contract/api-types.ts';
import { formatYen as formatYenOf, formatYenFull as formatYenFullOf } from '../../src/i18n/i18n.ts';
import { lang, t, type Lang } from './i18n.ts';

/**
 * The ids down on each day 0 .. lastDay, sorted: day d is the set of day d − 1 plus what
 * the timeline says stops on day d, minus what recovers on day d. Days without an
 * event keep the set of the day before.
 */
export function downByDay(run: Pick<ScenarioRun, 'timeline' | 'lastDay'>): string[][] {
  const events = new Map(run.timeline.map((e) => [e.day, e]));
  const down = new Set<string>();
  const days: string[][] = [];
  for (let day = 0; day <= run.lastDay; day++) {
    const event = events.get(day);
    if (event) {
      for (const id of event.recovered) down.delete(id);
      for (const id of event.stopped) down.add(id);
    }
    days.push([...down].sort());
  }
  return days;
}

/** What stops and what recovers on `day` (empty lists on a day without an event). */
export function eventsOn(run: Pick<ScenarioRun, 'timeline'>, day: number): { stopped: string[]; recovered: string[] } {
  const event = run.timeline.find((e) => e.day === day);
  return { stopped: event?.stopped ?? [], recovered: event?.recovered ?? [] };
}

/** The first day on which each company of the run stops (the hit companies on day 0). */
export function stopDays(run: Pick<ScenarioRun, 'timeline'>): Map<string, number> {
  const first = new Map<string, number>();
  for (const event of [...run.timeline].sort((a, b) => a.day - b.day))
    for (const id of event.stopped) if (!first.has(id)) first.set(id, event.day);
  return first;
}

/** 1234567 → "¥1.2M" (ja: "123万円"), 980 → "¥980", 0.66 → "¥0.66"; in the page's language unless `l` is given. */
export function formatYen(value: number, l: Lang = lang.value): string {
  return formatYenOf(value, l);
}

/** 1234567.8 → "¥1,234,568" (ja: "1,234,568円"). */
export function formatYenFull(value: number, l: Lang = lang.value): string {
  return formatYenFullOf(value, l);
}

/** 0.4567 → "45.7%"; 0.04 → "4%"; whole percentages lose the decimal. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const pct = Math.round(fraction * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/**
 * The plan's headline: "¥18.4M spent on 7 suppliers cuts Kirishima Motor's expected
 * annual loss by 38% — the best possible plan" (or "— within 0.4% of the best possible
 * plan"); in Japanese 「4,810万円を取引先12社の対策に充てると、霧島自動車の予想年間損失額を
 * 38.9%削減できます（最適な計画）」. `whose` names the loss ("Kirishima Motor's" / "霧島自動車の";
 * default "the", none in Japanese).
 */
export function planHeadline(plan: ExecutiveResponse['plan'], whose = t('web.plan.the')): string {
  if (plan.suppliers === 0)
    return t('web.plan.none', { budget: formatYen(plan.budget), whose, loss: formatYen(plan.lossBefore) });
  const quality = plan.optimal
    ? t('web.plan.optimal')
    : t('web.plan.within', { gap: formatPercent(plan.gapPercent / 100) });
  return t('web.plan.headline', {
    spent: formatYen(plan.spent),
    suppliers: t('web.plan.suppliers', { count: plan.suppliers }),
    whose,
    cut: formatPercent(plan.cutPercent / 100),
    quality,
  });
}

/** An exposure path as text, as the API lists it: "Kirishima Motor ← Kanazawa Interior Trim ← Kanazawa Mold". */
export function pathText(path: readonly { name: string }[], shorten: (name: string) => string = (n) => n): string {
  return path.map((step) => shorten(step.name)).join(' ← ');
}

/** "3 companies", "1 company". */
export function companies(count: number): string {
  return t('web.common.companies', { count, n: count.toLocaleString('en-US') });
}

/**
 * The worst single event as one sentence, or null when there is none: "A 120-day
 * outage at Ota Precision Springs stops Kirishima Motor on day 3 and costs it ¥8.9T."
 * (`focal`: the focal company's short name, or null for the whole network.)
 */
export function worstEventSentence(event: ExecutiveResponse['worstEvent'], focal: string | null): string | null {
  if (!event) return null;
  const at = { days: event.days, name: event.name, loss: formatYen(event.loss), focal };
  if (focal === null) return t('web.worst.network', { ...at, companies: companies(event.stopped) });
  if (event.focalStopDay === null) return t('web.worst.notFocal', at);
  if (event.focalStopDay === 0 && event.stopped <= 1) return t('web.worst.costs', at);
  return t('web.worst.stops', { ...at, day: event.focalStopDay });
}

/** What a reason line is made of: the API's structured fields of a weak link or a contributor. */
export interface ReasonParts {
  ownScore: number;
  unassessed: boolean;
  /** Companies that stop when it is hit (itself not counted). */
  blastRadiusSize: number;
  /** The focal companies its hit stops, earliest first; absent when the line names none. */
  focalStops?: readonly { id: string; day: number }[];
}

/** Focal companies a reason names by name; more are counted (as the reports do). */
const FOCAL_NAMED = 3;

/**
 * A weak link's one-line reason in the page's language, from its structured fields (never
 * by reading the API's English line): "own score 25; 3 companies stop if it is hit,
 * including Kirishima Motor on day 3" / "自社スコア 25。被害を受けると3社が停止。重点企業
 * Kirishima Motorは3日目に停止". `focal` names the focal companies (id → name); an id it
 * lacks is shown as it is.
 */
export function reasonLine(
  r: ReasonParts,
  focal: ReadonlyMap<string, string>,
  shorten: (name: string) => string = (n) => n,
): string {
  const score = r.unassessed ? t('web.reason.unassessed') : t('web.reason.own', { score: r.ownScore });
  if (r.blastRadiusSize === 0) return `${score}${t('web.reason.sep')}${t('web.reason.noneAlone')}`;
  const stops = r.focalStops ?? [];
  const named = stops
    .slice(0, FOCAL_NAMED)
    .map((f) => t('web.reason.focalDay', { name: shorten(focal.get(f.id) ?? f.id), day: f.day }));
  const more = stops.length - named.length;
  return (
    `${score}${t('web.reason.sep')}${t('web.reason.stops', { count: r.blastRadiusSize })}` +
    (named.length > 0 ? t('web.reason.focal', { list: named.join(t('web.common.list')) }) : '') +
    (more > 0 ? t('web.reason.moreFocal', { count: more }) : '')
  );
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(t('web.common.comma'))}${t('web.common.and')}${names[names.length - 1]}`;
}
