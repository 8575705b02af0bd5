/**
 * The facts of one request letter (issue 15, "Request letters"): what a buyer asks of
 * one supplier and why, taken from the analysed network. The level asked is the
 * supplier's required level (★3 基本 or ★4 標準), justified by METI's three questions
 * answered from the graph — does it handle our confidential data (access `data`), would
 * its outage halt us and on which day (its blast radius), can it reach our systems
 * (access `network`/`software`); where it stands (its current level; validity once
 * assessments exist); the estimated cost of the lift to the level asked and the split
 * among large buyers proposed by the cost-sharing plan (lifts to that level only); and an
 * empty agreement record (agreed share,
 * date, signatures), as the JFTC/METI worked examples (2025-12-26) ask. The SCS scheme
 * is voluntary: the letter is a contractual request, never a legal obligation.
 *
 * The sender ("us") is `options.buyer`, by default the focal company that stops first
 * when the supplier fails, else its first direct buyer (id order).
 *
 * @example
 *   const letter = await requestLetter(view, 'kanazawa-trim', { issuedOn: '2026-12-05' });
 *   letter.questions.halt.day; // 0 — Kirishima Motor stops on the day of an outage
 */
import { resolveLiftCosts } from '../analysis/cost-plan.ts';
import { isValidOn, validUntil } from '../analysis/levels-as-of.ts';
import type { LevelReason } from '../analysis/required-level.ts';
import { NotFoundError, UsageError } from '../errors.ts';
import { byString } from '../model/order.ts';
import type { NetworkView } from '../app/network-view.ts';
import { planOf } from '../app/plan.ts';
import type { JobWaiter } from '../app/network-view.ts';
import type { PlanResponse } from '../contract/api-types.ts';

export const DEFAULTS = Object.freeze({
  /** Budget in yen of the cost-sharing plan whose split the letter proposes (README, "Request letters"). */
  budget: 100_000_000,
});

export interface RequestLetterOptions {
  /** The sending buyer's id (default: the focal company that stops first, else the first direct buyer). */
  buyer?: string;
  /** Budget in yen of the plan that proposes the split (default `DEFAULTS.budget`). */
  budget?: number;
  /** The letter's date, ISO YYYY-MM-DD (default today, UTC). */
  issuedOn?: string;
  /** Who waits for the plan (the server's request signal and job watcher). */
  waiter?: JobWaiter;
}

/** A direct buyer and why it asks ★4 (empty: it asks ★3). */
export interface Asker {
  buyer: string;
  name: string;
  commodity: string;
  reasons: LevelReason[];
}

export interface RequestLetter {
  issuedOn: string;
  supplier: { id: string; name: string; country: string | null; size: string };
  sender: { id: string; name: string };
  /** The level asked: the required level, 3 (基本) or 4 (標準). */
  requiredLevel: number;
  askedBy: Asker[];
  questions: {
    data: { yes: boolean; buyers: string[] };
    /** `day`: the day of an outage the sender stops on (null: it does not stop). */
    halt: { yes: boolean; day: number | null; buyers: string[] };
    access: { yes: boolean; buyers: string[] };
  };
  /**
   * Where the supplier stands. `validUntil`: the last day its level holds, from its
   * assessments (null without one); `lapsed`: when no assessment gives its level, the
   * highest one that has lapsed by the analysis date, and its last valid day (null: none).
   */
  standing: {
    level: number;
    unassessed: boolean;
    meetsRequired: boolean;
    validUntil: string | null;
    lapsed: { level: number; validUntil: string } | null;
  };
  /** The lift: from the plan when the plan funds it (with its split), else the assumed cost table. */
  cost: {
    fromLevel: number;
    toLevel: number;
    amount: number;
    inPlan: boolean;
    budget: number;
    split: { company: string; name: string; amount: number }[];
    unallocated: number;
  };
  /** The agreement record, to be filled in by both sides. */
  agreement: { agreedShare: null; agreedOn: null; signatures: ['buyer', 'supplier'] };
}

/** Throws NotFoundError for an unknown supplier or buyer, UsageError when the company supplies nobody. */
export async function requestLetter(
  view: NetworkView,
  supplierId: string,
  options: RequestLetterOptions = {},
): Promise<RequestLetter> {
  const { index, analysis: a } = view;
  const x = index.indexOf.get(supplierId);
  if (x === undefined) throw new NotFoundError(`request: unknown supplier id "${supplierId}".`, supplierId, 'supplier');
  const requiredLevel = a.required.level[x]!;
  if (requiredLevel < 0)
    throw new UsageError(`request: "${supplierId}" supplies nobody, so no buyer asks it for a level.`, 'supplier');
  const askedBy = askers(view, x);
  const sender = senderOf(view, x, askedBy, options.buyer);
  const day = stopDayOf(view, x, sender);
  const withReason = (r: LevelReason): string[] => [
    ...new Set(askedBy.filter((q) => q.reasons.includes(r)).map((q) => q.name)),
  ];
  const budget = options.budget ?? DEFAULTS.budget;
  const plan = await planOf(view, { budget, planTargets: [requiredLevel] }, options.waiter);
  const company = index.network.companies[x]!;
  const own = a.ownLevel[x]!;
  const issuedOn = options.issuedOn ?? new Date().toISOString().slice(0, 10);
  return {
    issuedOn,
    supplier: { id: company.id, name: company.name, country: company.country, size: company.size ?? 'sme' },
    sender: { id: index.ids[sender]!, name: view.name(sender) },
    requiredLevel,
    askedBy,
    questions: {
      data: { yes: withReason('data').length > 0, buyers: withReason('data') },
      halt: { yes: day !== null || withReason('halt').length > 0, day, buyers: withReason('halt') },
      access: { yes: withReason('access').length > 0, buyers: withReason('access') },
    },
    standing: {
      level: own,
      unassessed: a.unassessed[x] === 1,
      meetsRequired: own >= requiredLevel,
      ...standingValidity(view, company.id, own, a.options.asOf ?? issuedOn),
    },
    cost: liftCost(plan, supplierId, company.size === 'large' ? 'large' : 'sme', own, requiredLevel, budget),
    agreement: { agreedShare: null, agreedOn: null, signatures: ['buyer', 'supplier'] },
  };
}

/** The supplier's direct buyers and why each asks ★4, by buyer then commodity. */
function askers(view: NetworkView, x: number): Asker[] {
  const { index, analysis: a } = view;
  const list: Asker[] = [];
  for (let j = index.outStart[x]!, end = index.outStart[x + 1]!; j < end; j++) {
    const e = index.outEdges[j]!;
    const b = index.edgeBuyer[e]!;
    list.push({
      buyer: index.ids[b]!,
      name: view.name(b),
      commodity: view.commodityOf(e),
      reasons: a.required.reasons(e),
    });
  }
  return list.sort((p, q) => byString(p.buyer, q.buyer) || byString(p.commodity, q.commodity));
}

/** The sender's index: the given buyer, else the focal company that stops first, else the first direct buyer. */
function senderOf(view: NetworkView, x: number, askedBy: Asker[], buyer: string | undefined): number {
  const { index, analysis: a } = view;
  if (buyer !== undefined) {
    const b = index.indexOf.get(buyer);
    if (b === undefined) throw new NotFoundError(`request: unknown buyer id "${buyer}".`, buyer, 'buyer');
    return b;
  }
  const { start, list } = a.failures.blastRadius;
  let best = -1;
  let bestDay = Number.POSITIVE_INFINITY;
  for (let k = start[x]!, end = start[x + 1]!; k < end; k++) {
    const v = list[k]!;
    const day = a.failures.stopDays[k]!;
    if (v !== x && view.isFocal(v) && day < bestDay) [best, bestDay] = [v, day];
  }
  return best >= 0 ? best : index.indexOf.get(askedBy[0]!.buyer)!;
}

/** The day of an outage of x on which company b stops; null when it does not. */
function stopDayOf(view: NetworkView, x: number, b: number): number | null {
  const { start, list } = view.analysis.failures.blastRadius;
  for (let k = start[x]!, end = start[x + 1]!; k < end; k++)
    if (list[k] === b) return view.analysis.failures.stopDays[k]!;
  return null;
}

/** The plan's lift of the supplier to the level asked when the plan funds it; else the assumed table's cost of own → required. */
function liftCost(
  plan: PlanResponse,
  id: string,
  size: 'sme' | 'large',
  own: number,
  required: number,
  budget: number,
): RequestLetter['cost'] {
  const lift = plan.lifts.find((l) => l.supplier === id);
  if (lift) {
    const { fromLevel, toLevel, cost: amount, split, unallocated } = lift;
    return { fromLevel, toLevel, amount, inPlan: true, budget, split, unallocated };
  }
  const steps = resolveLiftCosts()[size];
  let amount = 0;
  for (let k = own; k < required; k++) amount += steps[k] ?? 0;
  return {
    fromLevel: own,
    toLevel: Math.max(own, required),
    amount,
    inPlan: false,
    budget,
    split: [],
    unallocated: amount,
  };
}

/**
 * How long the level `level` of `company` holds: `validUntil`, the latest `valid_until`
 * of its assessments of that level valid on `asOf` (defaults from the validity
 * assumption), null when none gives it (a level from companies.csv has no end); then
 * `lapsed`, the highest assessment above `level` that had lapsed by `asOf` (the latest
 * of that level), so the letter can say so.
 */
function standingValidity(
  view: NetworkView,
  company: string,
  level: number,
  asOf: string,
): { validUntil: string | null; lapsed: { level: number; validUntil: string } | null } {
  const { validity } = view.analysis.options;
  let last: string | null = null;
  let lapsed: { level: number; validUntil: string } | null = null;
  for (const row of view.index.network.assessments ?? []) {
    if (row.company !== company) continue;
    const until = validUntil(row, validity);
    if (row.level === level && isValidOn(row, asOf, validity)) {
      if (last === null || until > last) last = until;
    } else if (row.level > level && until < asOf) {
      if (lapsed === null || row.level > lapsed.level || (row.level === lapsed.level && until > lapsed.validUntil))
        lapsed = { level: row.level, validUntil: until };
    }
  }
  return { validUntil: last, lapsed: last === null ? lapsed : null };
}
