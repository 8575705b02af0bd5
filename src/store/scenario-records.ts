/**
 * What both stores share about saved scenarios: the check of a record before it is
 * saved, the check of one read back (a file or a database property that is not a whole
 * record is refused, never half-used), and their order — newest first, ties by name.
 * A record is stored as its JSON text, so it reads back exactly as it was saved.
 */
import { z } from 'zod';
import { UsageError } from '../errors.ts';
import type { SavedScenarioRecord } from './graph-store.ts';
import { byString } from '../model/order.ts';

/** The fields every record has; the result is checked for the fields lists are built from. */
const RecordSchema = z.looseObject({
  name: z.string().min(1),
  hit: z.array(z.string()),
  days: z.number(),
  whatIf: z.array(z.looseObject({ op: z.string() })),
  createdAt: z.string().min(1),
  createdBy: z.string(),
  version: z.string(),
  result: z.looseObject({
    hit: z.array(z.string()),
    days: z.number(),
    timeline: z.array(z.unknown()),
    totalRevenueAtRisk: z.number(),
    focal: z.array(z.looseObject({ id: z.string(), stoppedOn: z.number().nullable() })),
    companies: z.array(z.looseObject({ id: z.string(), stoppedOn: z.number() })),
  }),
});

/** Throws UsageError unless `name` is a non-empty string. */
export function checkScenarioName(name: string): string {
  if (typeof name !== 'string' || name === '')
    throw new UsageError('scenario: a scenario needs a non-empty name', 'name');
  return name;
}

/** Checks a record before it is saved; returns its JSON text. */
export function scenarioJson(scenario: SavedScenarioRecord): string {
  checkScenarioName(scenario.name);
  const checked = RecordSchema.safeParse(scenario);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(
      `scenario "${scenario.name}": ${issue.path.join('.') || '(record)'}: ${issue.message}`,
      issue.path.join('.') || undefined,
    );
  }
  return JSON.stringify(scenario);
}

/** A record read back (parsed JSON); throws an Error naming the problem when it is not a whole record. */
export function toScenarioRecord(value: unknown): SavedScenarioRecord {
  RecordSchema.parse(value);
  return value as SavedScenarioRecord; // as read: zod's copy would reorder the keys
}

/** Newest first (`createdAt` descending), ties by name. */
export function newestFirst(a: SavedScenarioRecord, b: SavedScenarioRecord): number {
  return byString(b.createdAt, a.createdAt) || byString(a.name, b.name);
}
