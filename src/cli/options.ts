/**
 * Parsing and checking of CLI option values shared by the commands: numbers in range,
 * output formats, id lists. A bad value is a UsageError naming the option.
 */
import { parseDurations } from '../app/assumptions.ts';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { langOfLocale, LANGS } from '../i18n/i18n.ts';
import type { AnalysisOptions, Duration } from '../analysis/options.ts';
import { isIsoDate } from '../model/iso-date.ts';

/** A commander parser for a number within [min, max]. */
export function numberIn(name: string, min: number, max: number, integer = false): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(
        `${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${value}".`,
      );
    }
    return n;
  };
}

/** A commander parser for θ: a number in (0, 1]. */
export function theta(value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !(n > 0 && n <= 1))
    throw new InvalidArgumentError(`--theta must be a number in (0, 1], got "${value}".`);
  return n;
}

/** A commander parser for a comma-separated list of ids (empty items are an error). */
export function idList(value: string, previous: string[] = []): string[] {
  const ids = value.split(',').map((s) => s.trim());
  if (ids.some((s) => s === ''))
    throw new InvalidArgumentError(`expected comma-separated company ids, got "${value}".`);
  return [...previous, ...ids];
}

/** A commander parser for `--durations "1:0.2,5:0.25,…"` (src/app/assumptions.ts); the sum is checked by resolveOptions. */
export function durationList(value: string): Duration[] {
  try {
    return parseDurations(value, '--durations');
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/** A commander parser for `--as-of YYYY-MM-DD`: an ISO date that is a real calendar day. */
export function isoDate(value: string): string {
  const date = value.trim();
  if (!isIsoDate(date))
    throw new InvalidArgumentError(`--as-of must be an ISO date (YYYY-MM-DD), a real calendar day, got "${value}".`);
  return date;
}

/**
 * Adds `--as-of YYYY-MM-DD` (the date assessments are valid on, levels-as-of.ts; default
 * today, UTC) and `--lapsing-days N` (the window of the lapsing list; default 90).
 */
export function withAsOfOption(command: Command): Command {
  return command
    .option(
      '--as-of <date>',
      'analyse as of this date (YYYY-MM-DD): assessments lapsed by then count for nothing (default today, UTC)',
      isoDate,
    )
    .option(
      '--lapsing-days <n>',
      'the lapsing list takes assessments whose last day is within N days of the as-of date (default 90)',
      numberIn('--lapsing-days', 0, 3650, true),
    );
}

/** The analysis options `--as-of` and `--lapsing-days` asked for (only those given). */
export function asOfOption(o: { asOf?: string; lapsingDays?: number }): Partial<AnalysisOptions> {
  return {
    ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
    ...(o.lapsingDays !== undefined ? { lapsingDays: o.lapsingDays } : {}),
  };
}

/** The options of the money model every command that reports money takes. */
export interface MoneyCliOptions {
  asOf?: string;
  lapsingDays?: number;
  theta?: number;
  hitBase?: number;
  hitDecay?: number;
  lossRatio?: number;
  durations?: Duration[];
}

/** Adds --theta, the money assumptions (--hit-base, --hit-decay, --loss-ratio, --durations) and --as-of to a command. */
export function withMoneyOptions(command: Command): Command {
  return withAsOfOption(command)
    .option('--theta <n>', 'threshold θ in (0, 1]: a buyer stops below this share of a commodity', theta)
    .option(
      '--hit-base <p>',
      'hit likelihood p(s) = min(1, base × decay^s): base in (0, 1] (default 0.015)',
      numberIn('--hit-base', 0, 1),
    )
    .option(
      '--hit-decay <r>',
      'hit likelihood decay per score point in (0, 1] (default 0.975)',
      numberIn('--hit-decay', 0, 1),
    )
    .option(
      '--loss-ratio <r>',
      'share of revenue a stopped day loses, 0–1 (default 1: revenue at risk)',
      numberIn('--loss-ratio', 0, 1),
    )
    .option(
      '--durations <list>',
      'outage full-stop days and their probabilities (default "1:0.2,5:0.25,14:0.25,30:0.15,60:0.1,120:0.05")',
      durationList,
    );
}

/** The analysis options the money flags and --as-of asked for (only those given). */
export function moneyOptions(o: MoneyCliOptions): Partial<AnalysisOptions> {
  return {
    ...asOfOption(o),
    ...(o.theta !== undefined ? { theta: o.theta } : {}),
    ...(o.hitBase !== undefined ? { hitBase: o.hitBase } : {}),
    ...(o.hitDecay !== undefined ? { hitDecay: o.hitDecay } : {}),
    ...(o.lossRatio !== undefined ? { lossRatio: o.lossRatio } : {}),
    ...(o.durations !== undefined ? { durations: o.durations } : {}),
  };
}

export const DELIMITER_HELP = "the CSV tables' field separator: ',' (default), ';', tab or '|'";

/** A commander parser for `--delimiter`: one of , ; | or tab (also written \\t). */
export function delimiter(value: string): string {
  const char = value === 'tab' || value === '\\t' ? '\t' : value;
  if (![',', ';', '\t', '|'].includes(char))
    throw new InvalidArgumentError(`--delimiter: use ',', ';', tab or '|', got ${JSON.stringify(value)}`);
  return char;
}

/** `--lang ja|en`; the default follows the locale (LC_ALL, LC_MESSAGES, LANG: ja_JP.UTF-8 → ja). */
export function withLangOption(command: Command): Command {
  return command.addOption(
    new Option('--lang <lang>', 'language of the report: ja or en (default: from LC_ALL / LANG)')
      .choices(LANGS)
      .default(langOfLocale(process.env['LC_ALL'], process.env['LC_MESSAGES'], process.env['LANG'])),
  );
}
