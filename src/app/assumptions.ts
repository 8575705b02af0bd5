/**
 * The money assumptions as people type them — the CLI's `--durations` and the executive
 * view's query and form — read by one parser each, so the CLI and the API accept and
 * refuse the same text with the same message:
 *
 * - `parseDurations("1:0.2, 5:0.25, …")`: full-stop days (whole numbers) and their
 *   probabilities; the sum is checked later by `resolveOptions`.
 * - `parseLiftCosts("a,b,c,d,e")`: five yen amounts, the level steps 0→1 … 4→5.
 *
 * A malformed entry is an `OptionError` naming it (entry number and text) and the fix.
 *
 * @example
 *   parseDurations('1:0.5, 14:0.5'); // [{ days: 1, probability: 0.5 }, { days: 14, probability: 0.5 }]
 */
import { DEFAULTS as PLAN_DEFAULTS } from '../analysis/cost-plan.ts';
import type { Duration } from '../analysis/options.ts';
import { OptionError } from '../errors.ts';

const DURATION = /^\s*(\d+)\s*:\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*$/i;

/** "days:probability,…" → durations; `name` is how the caller calls the field (e.g. "--durations"). */
export function parseDurations(text: string, name = 'durations'): Duration[] {
  const entries = text.split(',').filter((e) => e.trim() !== '');
  if (entries.length === 0)
    throw new OptionError(`${name}: give at least one DAYS:PROBABILITY entry, e.g. 1:0.2,5:0.25,14:0.55.`, name);
  return entries.map((entry, i) => {
    const m = DURATION.exec(entry);
    if (m === null)
      throw new OptionError(
        `${name} entry "${entry.trim()}" (number ${i + 1}) must be DAYS:PROBABILITY with whole days, e.g. 14:0.25.`,
        name,
      );
    return { days: Number(m[1]), probability: Number(m[2]) };
  });
}

/** "a,b,c,d,e" → five lift costs in yen (each in (0, 1e15]), the steps 0→1 … 4→5. */
export function parseLiftCosts(text: string, name = 'costs'): number[] {
  const parts = text.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 5 || parts.some((x) => !(Number.isFinite(x) && x > 0 && x <= PLAN_DEFAULTS.maxBudget)))
    throw new OptionError(
      `${name}: give five costs in yen greater than 0, one per level step 0→1 … 4→5, separated by commas; got "${text}".`,
      name,
    );
  return parts;
}
