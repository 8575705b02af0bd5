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

const yenCompact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const yenFull = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 → "¥1.2M", 980 → "¥980", 0.66 → "¥0.66". */
export function formatYen(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs > 0 && abs < 1) return `${sign}¥${abs.toPrecision(2)}`;
  return `${sign}¥${yenCompact.format(abs)}`;
}

/** 1234567.8 → "¥1,234,568". */
export function formatYenFull(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value !== 0 && Math.abs(value) < 1) return `¥${value.toPrecision(2)}`;
  return `¥${yenFull.format(value)}`;
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
 * plan"). `whose` names the loss ("Kirishima Motor's"; default "the").
 */
export function planHeadline(plan: ExecutiveResponse['plan'], whose = 'the'): string {
  if (plan.suppliers === 0)
    return `No supplier lift fits a budget of ${formatYen(plan.budget)}: ${whose} expected annual loss stays at ${formatYen(plan.lossBefore)} a year`;
  const suppliers = `${plan.suppliers} supplier${plan.suppliers === 1 ? '' : 's'}`;
  const quality = plan.optimal
    ? 'the best possible plan'
    : `within ${formatPercent(plan.gapPercent / 100)} of the best possible plan`;
  return `${formatYen(plan.spent)} spent on ${suppliers} cuts ${whose} expected annual loss by ${formatPercent(plan.cutPercent / 100)} — ${quality}`;
}

/** An exposure path as text, as the API lists it: "Kirishima Motor ← Kanazawa Interior Trim ← Kanazawa Mold". */
export function pathText(path: readonly { name: string }[], shorten: (name: string) => string = (n) => n): string {
  return path.map((step) => shorten(step.name)).join(' ← ');
}

/** "3 companies", "1 company". */
export function companies(count: number): string {
  return `${yenFull.format(count)} compan${count === 1 ? 'y' : 'ies'}`;
}

/**
 * The worst single event as one sentence, or null when there is none: "A 120-day
 * outage at Ota Precision Springs stops Kirishima Motor on day 3 and costs it ¥8.9T."
 * (`focal`: the focal company's short name, or null for the whole network.)
 */
export function worstEventSentence(event: ExecutiveResponse['worstEvent'], focal: string | null): string | null {
  if (!event) return null;
  const start = `A ${event.days}-day outage at ${event.name}`;
  if (focal === null) return `${start} stops ${companies(event.stopped)} and costs ${formatYen(event.loss)}.`;
  if (event.focalStopDay === null) return `${start} does not stop ${focal}.`;
  if (event.focalStopDay === 0 && event.stopped <= 1) return `${start} costs ${focal} ${formatYen(event.loss)}.`;
  return `${start} stops ${focal} on day ${event.focalStopDay} and costs it ${formatYen(event.loss)}.`;
}

/**
 * A weak link's reason with the focal companies' names for their ids: "…, including
 * focal auto-oem, retail-hq" → "…, including Kirishima Motor, Hinoki Living". Only whole
 * ids (not part of a longer word or id) are replaced.
 */
export function readableReason(
  reason: string,
  focal: ReadonlyMap<string, string>,
  shorten: (name: string) => string = (n) => n,
): string {
  if (focal.size === 0) return reason;
  const ids = [...focal.keys()]
    .sort((a, b) => b.length - a.length)
    .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\w-])(?:${ids.join('|')})(?![\\w-])`, 'g');
  return reason.replace(pattern, (id) => shorten(focal.get(id) ?? id)).replace(/\bincluding focal /, 'including ');
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
