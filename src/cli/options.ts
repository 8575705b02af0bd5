/**
 * Parsing and checking of CLI option values shared by the commands: numbers in range,
 * output formats, id lists. A bad value is a UsageError naming the option.
 */
import { InvalidArgumentError } from 'commander';

/** A commander parser for a number within [min, max]. */
export function numberIn(name: string, min: number, max: number, integer = false): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${value}".`);
    }
    return n;
  };
}

/** A commander parser for θ: a number in (0, 1]. */
export function theta(value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !(n > 0 && n <= 1)) throw new InvalidArgumentError(`--theta must be a number in (0, 1], got "${value}".`);
  return n;
}

/** A commander parser for a comma-separated list of ids (empty items are an error). */
export function idList(value: string, previous: string[] = []): string[] {
  const ids = value.split(',').map((s) => s.trim());
  if (ids.some((s) => s === '')) throw new InvalidArgumentError(`expected comma-separated company ids, got "${value}".`);
  return [...previous, ...ids];
}
