/**
 * Breach scenario, day by day (README, "Scenarios"): a set of companies is hit for N
 * days — down on days 0 .. N − 1, back on day N — and the cascade runs one day at a time
 * with inventory buffers.
 *
 * Rule. On day t a supply edge e (u → v) is *unavailable* iff u is stopped on day t and
 * t − since(u) ≥ buffer_days(e), where since(u) is the first day of u's current stop.
 * The stopped set of day t is the least set that contains the hit companies still down
 * that day and every company for which some commodity's available share (normalised as
 * in indexNetwork) is below θ (< θ − 1e-9). It is computed as a fixed point per day by
 * a worklist over out-edges, like the static cascade; a company that is not forced down
 * on a day is up that day. So inventory refills at once when a supplier recovers, and a
 * company recovers on the first day all its inputs are available again.
 *
 * Consequences. A buffer of b days holds for days since(u) .. since(u) + b − 1, so a buyer
 * whose buffer is at least as long as the hit never stops. While the hit lasts the
 * stopped set only grows, and with no hit company left nothing can be forced down (the
 * least fixed point of an empty hit set is empty): everything is up again on day N. With
 * every buffer 0, each day of the hit stops exactly the static cascade D(H).
 *
 * Revenue at risk assumes revenue is annual and spread evenly over 365 days: a stopped
 * company puts revenue / 365 at risk per day (value = revenue, default 1).
 *
 * The run covers days 0 .. min(N, horizon − 1); the default horizon N + ⌈max buffer⌉ + 1
 * always reaches day N. A day of the hit from which no buffer can run out any more is
 * repeated up to day N − 1 without recomputing it.
 */
import { UsageError } from '../errors.ts';
import type { IndexedNetwork } from '../model/index-network.ts';
import type { FocalOutcome, ScenarioCompany, ScenarioEvent, ScenarioResult } from '../model/scenario.ts';
import { EPSILON, resolveOptions, type AnalysisOptions } from './options.ts';
import { tiers } from './tiers.ts';
import { byString } from '../model/order.ts';

/** Longest hit a scenario accepts: 100 years of days. */
export const MAX_SCENARIO_DAYS = 36_500;

export interface ScenarioInput {
  /** Company indices hit on day 0 (duplicates ignored). */
  hit: number[];
  /** N: the hit companies are down on days 0 .. N − 1. An integer in 0 .. 36,500. */
  days: number;
  /** Simulate days 0 .. horizon − 1 at most; default N + ⌈max buffer_days⌉ + 1. */
  horizon?: number;
}

/** The checked inputs of a scenario: whole days, the horizon, the distinct hit companies, the last day run. */
function checkInput(
  index: IndexedNetwork,
  input: ScenarioInput,
): { days: number; horizon: number; hit: number[]; lastDay: number; maxBuffer: number } {
  const { days } = input;
  if (!Number.isInteger(days) || days < 0 || days > MAX_SCENARIO_DAYS) {
    throw new UsageError(`scenario: days must be a whole number from 0 to ${MAX_SCENARIO_DAYS}, got ${days}`, 'days');
  }
  let maxBuffer = 0;
  for (let e = 0; e < index.m; e++) if (index.edgeBuffer[e]! > maxBuffer) maxBuffer = index.edgeBuffer[e]!;
  const horizon = input.horizon ?? days + Math.ceil(Number.isFinite(maxBuffer) ? maxBuffer : 0) + 1;
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new UsageError(`scenario: horizon must be a whole number ≥ 1, got ${horizon}`, 'horizon');
  const hit = [...new Set(input.hit)];
  for (const h of hit)
    if (!(Number.isInteger(h) && h >= 0 && h < index.n))
      throw new RangeError(`scenario: company index ${h} is out of range`);
  return { days, horizon, hit, lastDay: Math.min(days, horizon - 1), maxBuffer };
}

/** Runs the scenario. Example: `simulateScenario(idx, { hit: [idx.indexOf.get('fab')!], days: 10 })`. */
export function simulateScenario(
  index: IndexedNetwork,
  input: ScenarioInput,
  options: Partial<AnalysisOptions> = {},
): ScenarioResult {
  const { theta } = resolveOptions(options);
  const { n, outStart, outEdges, edgeBuyer, edgeGroup, edgeShare, edgeBuffer, value } = index;
  const { days, horizon, hit, lastDay, maxBuffer } = checkInput(index, input);
  const limit = theta - EPSILON;

  // The state of the day before (prev) and of the day being settled (cur), as flags and lists.
  let prev = new Uint8Array(n);
  let cur = new Uint8Array(n);
  let prevList = new Int32Array(n);
  let curList = new Int32Array(n);
  let prevCount = 0;
  const since = new Int32Array(n).fill(-1);
  const available = new Float64Array(index.groupCount).fill(Number.NaN);
  const touchedGroups = new Int32Array(index.groupCount);
  const firstStop = new Int32Array(n).fill(-1);
  const lastRecovery = new Int32Array(n).fill(-1);
  const daysDown = new Float64Array(n);

  /** Phase 1 of a day: the least fixed point of day t, by worklist; returns how many are down. */
  const settleDay = (t: number): number => {
    let count = 0;
    if (t < days) {
      for (const h of hit) {
        cur[h] = 1;
        curList[count++] = h;
        if (prev[h] === 0) since[h] = t;
      }
    }
    let touched = 0;
    for (let head = 0; head < count; head++) {
      const u = curList[head]!;
      const elapsed = t - since[u]!;
      for (let k = outStart[u]!, end = outStart[u + 1]!; k < end; k++) {
        const e = outEdges[k]!;
        const v = edgeBuyer[e]!;
        if (cur[v] === 1 || elapsed < edgeBuffer[e]!) continue;
        const g = edgeGroup[e]!;
        let left = available[g]!;
        if (Number.isNaN(left)) {
          left = 1;
          touchedGroups[touched++] = g;
        }
        left -= edgeShare[e]!;
        available[g] = left;
        if (left < limit) {
          cur[v] = 1;
          curList[count++] = v;
          if (prev[v] === 0) since[v] = t;
        }
      }
    }
    for (let k = 0; k < touched; k++) available[touchedGroups[k]!] = Number.NaN;
    return count;
  };

  /** Phase 2 of a day: what stopped and recovered against the day before; the day's event, if any. */
  const compareDays = (t: number, count: number): ScenarioEvent | null => {
    const stopped: string[] = [];
    const recovered: string[] = [];
    for (let k = 0; k < count; k++) {
      const v = curList[k]!;
      if (prev[v] === 0) {
        stopped.push(index.ids[v]!);
        if (firstStop[v] === -1) firstStop[v] = t;
      }
    }
    for (let k = 0; k < prevCount; k++) {
      const u = prevList[k]!;
      if (cur[u] === 0) {
        recovered.push(index.ids[u]!);
        daysDown[u]! += t - since[u]!;
        lastRecovery[u] = t;
        since[u] = -1;
      }
    }
    if (stopped.length === 0 && recovered.length === 0) return null;
    return { day: t, stopped: stopped.sort(byString), recovered: recovered.sort(byString), down: count };
  };

  const timeline: ScenarioEvent[] = [];
  const down: number[] = [];
  const revenueAtRisk: number[] = [];
  let lastChange = 0;
  for (let t = 0; t <= lastDay; t++) {
    const count = settleDay(t);
    const event = compareDays(t, count);
    if (event) {
      lastChange = t;
      timeline.push(event);
    }
    let atRisk = 0;
    for (let k = 0; k < count; k++) atRisk += value[curList[k]!]! / 365;
    down.push(count);
    revenueAtRisk.push(atRisk);
    // The settled day becomes the day before.
    for (let k = 0; k < prevCount; k++) prev[prevList[k]!] = 0;
    [prev, cur] = [cur, prev];
    [prevList, curList] = [curList, prevList];
    prevCount = count;

    // No buffer can run out any more: the state holds until the hit ends.
    const until = Math.min(days - 1, lastDay);
    if (t < until && t - lastChange >= maxBuffer) {
      for (let d = t + 1; d <= until; d++) {
        down.push(count);
        revenueAtRisk.push(atRisk);
      }
      t = until;
    }
  }

  // Phase 3: the companies still down on the last day, then each company's and focal company's outcome.
  const stillDown: string[] = [];
  for (let k = 0; k < prevCount; k++) {
    const u = prevList[k]!;
    daysDown[u]! += lastDay + 1 - since[u]!;
    stillDown.push(index.ids[u]!);
  }
  const { companies, focal } = outcomes(index, { firstStop, lastRecovery, daysDown, downAtEnd: prev });
  let peak = { down: 0, day: 0 };
  for (let d = 0; d < down.length; d++) if (down[d]! > peak.down) peak = { down: down[d]!, day: d };
  let totalRevenueAtRisk = 0;
  for (const r of revenueAtRisk) totalRevenueAtRisk += r;
  return {
    hit: hit.map((h) => index.ids[h]!).sort(byString),
    days,
    horizon,
    lastDay,
    timeline,
    down,
    revenueAtRisk,
    totalRevenueAtRisk,
    peak,
    focal,
    companies,
    stillDown: stillDown.sort(byString),
  };
}

/** Every company that stopped (by first stop day, then id) and every focal company (by id), from the day-by-day record. */
function outcomes(
  index: IndexedNetwork,
  record: { firstStop: Int32Array; lastRecovery: Int32Array; daysDown: Float64Array; downAtEnd: Uint8Array },
): { companies: ScenarioCompany[]; focal: FocalOutcome[] } {
  const { firstStop, lastRecovery, daysDown, downAtEnd } = record;
  const isFocal = tiers(index).map((t) => (t === 0 ? 1 : 0));
  const companies: ScenarioCompany[] = [];
  const focal: FocalOutcome[] = [];
  for (let v = 0; v < index.n; v++) {
    const stoppedOn = firstStop[v] === -1 ? null : firstStop[v]!;
    const recoveredOn = stoppedOn === null || downAtEnd[v] === 1 ? null : lastRecovery[v]!;
    const name = index.network.companies[v]!.name;
    if (stoppedOn !== null) {
      companies.push({
        id: index.ids[v]!,
        name,
        focal: isFocal[v] === 1,
        stoppedOn,
        recoveredOn,
        daysDown: daysDown[v]!,
        revenueAtRisk: (daysDown[v]! * index.value[v]!) / 365,
      });
    }
    if (isFocal[v] === 1) focal.push({ id: index.ids[v]!, name, stoppedOn, recoveredOn, daysDown: daysDown[v]! });
  }
  companies.sort((a, b) => a.stoppedOn - b.stoppedOn || byString(a.id, b.id));
  focal.sort((a, b) => byString(a.id, b.id));
  return { companies, focal };
}
