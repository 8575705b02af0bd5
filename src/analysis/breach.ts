/**
 * What one breach costs: a set H of companies is hit at once and stays down for d
 * full-stop days. Every company the breach stops gets its stop day (the timed cascade
 * of stop-days.ts, for a hit long enough that every buffer runs out); a company that
 * stops on day f is down max(0, d − f) days. Reported in money with its period:
 *
 * - revenue per day of outage: value(v) / 365 of each stopped company (value = revenue ×
 *   lossRatio), and its sum once all of them have stopped;
 * - the loss over an outage of each of the `durations` (yen over that outage);
 * - the expected loss of the breach, yen per event: Σ_d P(d) × loss(d).
 *
 * The annual revenue of the companies stopped is never a loss figure: a breach costs
 * the days it stops them.
 *
 * @example
 *   breachOutcome(idx, [idx.indexOf.get('ota-springs')!]).companies[0] // { company, stopDay: 0, … }
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { byString } from '../model/order.ts';
import { expectedDaysDown } from './event-loss.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';
import { createTimedCascade } from './stop-days.ts';

export interface BreachCompany {
  company: number;
  /** First day of the event on which it is stopped (hit companies: 0). */
  stopDay: number;
  /** value / 365: yen lost per day it is down. */
  revenuePerDay: number;
}

export interface BreachOutcome {
  /** Every company the breach stops, by stop day, then id. */
  companies: BreachCompany[];
  /** Σ revenuePerDay: yen per day of outage once everything has stopped. */
  revenuePerDay: number;
  /** Loss over an outage of each duration (yen over that outage), in the order of `durations`. */
  lossByDuration: { days: number; probability: number; loss: number }[];
  /** Σ P(d) × loss(d): yen per event. */
  expectedLoss: number;
}

/** The stop days and losses of a breach of the companies `hit` (indices; duplicates ignored). */
export function breachOutcome(
  index: IndexedNetwork,
  hit: readonly number[],
  options: Partial<AnalysisOptions> = {},
): BreachOutcome {
  const o = resolveOptions(options);
  const runner = createTimedCascade(index, o);
  const count = runner.run(hit);
  const fallen = runner.fallen();
  const days = runner.days();
  const w = expectedDaysDown(o.durations);
  const companies: BreachCompany[] = [];
  let revenuePerDay = 0;
  let expectedLoss = 0;
  const lossByDuration = o.durations.map((d) => ({ days: d.days, probability: d.probability, loss: 0 }));
  for (let k = 0; k < count; k++) {
    const v = fallen[k]!;
    const perDay = (index.value[v]! * o.lossRatio) / 365;
    const stopDay = days[k]!;
    companies.push({ company: v, stopDay, revenuePerDay: perDay });
    revenuePerDay += perDay;
    expectedLoss += perDay * w(stopDay);
    for (const d of lossByDuration) d.loss += perDay * Math.max(0, d.days - stopDay);
  }
  companies.sort((a, b) => a.stopDay - b.stopDay || byString(index.ids[a.company]!, index.ids[b.company]!));
  return { companies, revenuePerDay, lossByDuration, expectedLoss };
}
