/**
 * The assumptions of the executive view as the form holds them (text), and the way
 * between that text and the query of GET /api/executive: `assumptionsText` (the
 * response's assumptions → text), `assumptionQuery` (text → query parameters) and
 * `queryText` (query parameters → text). `checkAssumptions` parses and validates the
 * text before it is sent, with one message per field naming the faulty entry; the
 * session's changes are kept in sessionStorage under `STORAGE_KEY`. No DOM.
 *
 * @example
 *   const checked = checkAssumptions({ ...text, durations: '1:0.2, 5:x' });
 *   // { ok: false, errors: { durations: 'entry 2 "5:x" is not days:probability (e.g. 14:0.25); …' } }
 */
import { t as tr } from '../i18n.ts';
import type { ExecutiveAssumptions } from '../../../src/contract/api-types.ts';
import type { ExecutiveParams } from '../api-client.ts';

/** The assumptions a session may change, as the form holds them. */
export interface AssumptionText {
  hitBase: string;
  hitDecay: string;
  durations: string;
  lossRatio: string;
  costsSme: string;
  costsLarge: string;
}

export type AssumptionKey = keyof AssumptionText;
export type AssumptionQuery = Required<Pick<ExecutiveParams, AssumptionKey>>;
/** One message per faulty field. */
export type AssumptionErrors = Partial<Record<AssumptionKey, string>>;
export type Checked = { ok: true; query: AssumptionQuery } | { ok: false; errors: AssumptionErrors };

export const ASSUMPTION_KEYS: readonly AssumptionKey[] = [
  'hitBase',
  'hitDecay',
  'durations',
  'lossRatio',
  'costsSme',
  'costsLarge',
];
export const STORAGE_KEY = 'weaklink.executive.assumptions';

/** The response's assumptions as text: durations "1:0.2, 5:0.25, …", costs "300000, 1000000, …". */
export function assumptionsText(a: ExecutiveAssumptions): AssumptionText {
  return {
    hitBase: String(a.hitBase),
    hitDecay: String(a.hitDecay),
    durations: a.durations.map((x) => `${x.days}:${x.probability}`).join(', '),
    lossRatio: String(a.lossRatio),
    costsSme: a.liftCosts.sme.join(', '),
    costsLarge: a.liftCosts.large.join(', '),
  };
}

const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** The query parameters of the text, as typed (numbers as numbers, lists without spaces). */
export function assumptionQuery(t: AssumptionText): AssumptionQuery {
  return {
    hitBase: Number(t.hitBase),
    hitDecay: Number(t.hitDecay),
    lossRatio: Number(t.lossRatio),
    durations: squeeze(t.durations),
    costsSme: squeeze(t.costsSme),
    costsLarge: squeeze(t.costsLarge),
  };
}

/** The text of query parameters (the inverse of `assumptionQuery`, lists spaced after commas). */
export function queryText(q: AssumptionQuery): AssumptionText {
  const spaced = (list: string): string => list.split(',').join(', ');
  return {
    hitBase: String(q.hitBase),
    hitDecay: String(q.hitDecay),
    lossRatio: String(q.lossRatio),
    durations: spaced(q.durations),
    costsSme: spaced(q.costsSme),
    costsLarge: spaced(q.costsLarge),
  };
}

/** A number in [min, max] (or (min, max] when `openMin`), else a message. */
function numberIn(text: string, what: string, min: number, max: number, openMin: boolean): number | string {
  const trimmed = text.trim();
  const x = Number(trimmed);
  const name = tr(`web.check.${what}`);
  if (trimmed === '' || !Number.isFinite(x)) return tr('web.check.notNumber', { what: name, text });
  if ((openMin ? x <= min : x < min) || x > max)
    return tr(openMin ? 'web.check.rangeOpen' : 'web.check.range', { what: name, min, max, got: trimmed });
  return x;
}

/** "1:0.2, 5:0.25, …": whole days ≥ 0, probabilities in [0, 1] summing to 1; else a message naming the entry. */
export function checkDurations(text: string): { days: number; probability: number }[] | string {
  const entries = text.split(',').filter((e) => e.trim() !== '');
  if (entries.length === 0) return tr('web.check.noEntry');
  const out: { days: number; probability: number }[] = [];
  for (const [i, entry] of entries.entries()) {
    const m = /^\s*(\d+)\s*:\s*([0-9.eE+-]+)\s*$/.exec(entry);
    const named = tr('web.check.entry', { n: i + 1, entry: entry.trim() });
    if (!m) return tr('web.check.notDuration', { named });
    const probability = Number(m[2]);
    if (!(probability >= 0 && probability <= 1)) return tr('web.check.probability', { named });
    out.push({ days: Number(m[1]), probability });
  }
  const sum = out.reduce((s, d) => s + d.probability, 0);
  if (Math.abs(sum - 1) > 1e-9) return tr('web.check.sum', { sum: Math.round(sum * 1e6) / 1e6 });
  return out;
}

/** Five yen amounts greater than 0 (level steps 0→1 … 4→5), else a message naming the entry. */
export function checkCosts(text: string): number[] | string {
  const parts = text.trim() === '' ? [] : text.split(',').map((x) => x.trim());
  if (parts.length !== 5) return tr('web.check.fiveCosts', { got: parts.length || tr('web.scn.none') });
  for (const [i, part] of parts.entries()) {
    const x = Number(part);
    if (part === '' || !(Number.isFinite(x) && x > 0))
      return tr('web.check.notCost', { named: tr('web.check.entry', { n: i + 1, entry: part }) });
  }
  return parts.map(Number);
}

/** Parses and validates every field: the query to send, or one message per faulty field. */
export function checkAssumptions(t: AssumptionText): Checked {
  const problems: [AssumptionKey, number | string | unknown[]][] = [
    ['hitBase', numberIn(t.hitBase, 'base', 0, 1, true)],
    ['hitDecay', numberIn(t.hitDecay, 'decay', 0, 1, true)],
    ['durations', checkDurations(t.durations)],
    ['lossRatio', numberIn(t.lossRatio, 'lossRatio', 0, 1, false)],
    ['costsSme', checkCosts(t.costsSme)],
    ['costsLarge', checkCosts(t.costsLarge)],
  ];
  const errors: AssumptionErrors = {};
  for (const [key, result] of problems) if (typeof result === 'string') errors[key] = result;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query: assumptionQuery(t) };
}

/** The session's changed assumptions, or null (none kept, or unreadable). */
export function readStored(storage: Pick<Storage, 'getItem'> | undefined): AssumptionText | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<AssumptionText>;
    return ASSUMPTION_KEYS.every((k) => typeof value[k] === 'string') ? (value as AssumptionText) : null;
  } catch {
    return null;
  }
}
