/**
 * The shapes of what-if edits and scenario results, as data: the what-if operations
 * (validated with zod; a what-if file is an array of them) and the result of a breach
 * scenario day by day. The analysis computes them (src/analysis/what-if.ts,
 * scenario.ts); the stores keep saved scenarios made of them without knowing the
 * analysis.
 */
import { z } from 'zod';
import { ACCESS_TYPES } from './types.ts';

const id = z.string().min(1);

export const whatIfSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('raise-level'), company: id, level: z.number().int().min(0).max(5) }),
  z.strictObject({
    op: z.literal('add-supplier'),
    buyer: id,
    supplier: id,
    commodity: id,
    share: z.number().gt(0).max(1),
    access: z.enum(ACCESS_TYPES).optional(),
    bufferDays: z.number().min(0).optional(),
  }),
  z.strictObject({ op: z.literal('remove-supplier'), company: id }),
]);

/** The contents of a what-if file. */
export const whatIfFileSchema = z.array(whatIfSchema);

export type WhatIf = z.infer<typeof whatIfSchema>;
export type AddSupplier = Omit<Extract<WhatIf, { op: 'add-supplier' }>, 'op'>;

/** What changed on one day (only days on which something stops or recovers are listed). */
export interface ScenarioEvent {
  day: number;
  /** Ids that stop that day, sorted. */
  stopped: string[];
  /** Ids that are up again that day, sorted. */
  recovered: string[];
  /** Number of companies down that day. */
  down: number;
}

export interface ScenarioCompany {
  id: string;
  name: string;
  focal: boolean;
  /** First day the company is down. */
  stoppedOn: number;
  /** Day it is up again for the last time, or null when still down on the last simulated day. */
  recoveredOn: number | null;
  daysDown: number;
  /** daysDown × revenue / 365. */
  revenueAtRisk: number;
}

export interface FocalOutcome {
  id: string;
  name: string;
  /** First day the focal company is down, or null when it never stops. */
  stoppedOn: number | null;
  recoveredOn: number | null;
  daysDown: number;
}

export interface ScenarioResult {
  hit: string[];
  days: number;
  horizon: number;
  /** Last simulated day (day N unless the horizon cut the run). */
  lastDay: number;
  timeline: ScenarioEvent[];
  /** Companies down on each day 0 .. lastDay. */
  down: number[];
  /** Σ revenue / 365 of the companies down on each day 0 .. lastDay. */
  revenueAtRisk: number[];
  totalRevenueAtRisk: number;
  /** Most companies down on one day, and the first day it happens. */
  peak: { down: number; day: number };
  /** Every tier-0 company, by id. */
  focal: FocalOutcome[];
  /** Every company that stops, by day then id. */
  companies: ScenarioCompany[];
  /** Ids still down on the last simulated day (empty unless the horizon cut the run). */
  stillDown: string[];
}
