/**
 * The few error classes of weaklink, one per kind of failure a user can act on.
 * Entry points (CLI, HTTP) map them to exit codes and status codes in one place.
 */
import type { Issue } from './model/types.ts';

/** Base class: every weaklink error carries a message a user can act on. */
export class WeaklinkError extends Error {
  override name = 'WeaklinkError';
}

/** The input network (files, upload, options) is invalid; `issues` locates each problem. */
export class InputError extends WeaklinkError {
  override name = 'InputError';
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** A usage mistake: an unknown option value or company id given on the command line or in a request. */
export class UsageError extends WeaklinkError {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * An option value outside its range — an analysis option (θ, durations, hit likelihood),
 * a generator or sampler setting, a lift-cost table; `field` names the option. A usage
 * mistake like any other (exit 2, HTTP 400).
 */
export class OptionError extends UsageError {
  override name = 'OptionError';
}

/** A company, scenario or other named thing does not exist; `field` names the input that held its id. */
export class NotFoundError extends WeaklinkError {
  override name = 'NotFoundError';
  constructor(
    message: string,
    readonly id?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The graph database cannot be reached or refused us; `message` says which and what to do. */
export class StoreUnavailableError extends WeaklinkError {
  override name = 'StoreUnavailableError';
}

/** A credential (a login code) that is unknown, used or expired; which of them is not told. */
export class UnauthorizedError extends WeaklinkError {
  override name = 'UnauthorizedError';
}

/** An edit was made against a version of the data that is no longer current. */
export class ConflictError extends WeaklinkError {
  override name = 'ConflictError';
}

/** A request too large to take (rows of an upload; the body size is body-parser's). */
export class PayloadTooLargeError extends WeaklinkError {
  override name = 'PayloadTooLargeError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Formats an issue as `file:line:column: message (value "x")`. */
export function formatIssue(issue: Issue): string {
  if (issue.sheet !== undefined) {
    const cell =
      issue.line === undefined ? '' : `!${issue.column === undefined ? '' : columnLetters(issue.column)}${issue.line}`;
    const tag = issue.severity === 'warning' ? 'warning' : 'error';
    return `${issue.file}:${issue.sheet}${cell}${issue.line === undefined && issue.field !== undefined ? ` ${issue.field}` : ''}: ${tag}: ${issue.message}`;
  }
  let where = issue.file;
  if (issue.line !== undefined) where += `:${issue.line}`;
  if (issue.column !== undefined) where += `:${issue.column}`;
  if (issue.line === undefined && issue.field !== undefined) where += ` ${issue.field}`;
  const tag = issue.severity === 'warning' ? 'warning' : 'error';
  return `${where}: ${tag}: ${issue.message}`;
}

/** Excel's letters of column `n` (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/**
 * Exit codes of `weaklink` and `npm start`, one table for both: 0 ok, 1 invalid input (or
 * a file that cannot be read), 2 usage (a bad option, an unknown id, a port in use), 3 the
 * graph database cannot be used, 70 an unexpected failure (a bug).
 */
export const EXIT = { ok: 0, input: 1, usage: 2, store: 3, unexpected: 70 } as const;

/**
 * The exit code of a failure and the lines to print for it, each starting `weaklink:`
 * (an input error's located issues follow, indented). The one mapping of errors to exit
 * codes; never a stack trace unless WEAKLINK_DEBUG is set.
 */
export function failureReport(error: unknown): { code: number; lines: string[] } {
  const line = (message: string): string => `weaklink: ${message}`;
  if (error instanceof InputError)
    return {
      code: EXIT.input,
      lines: [
        line(error.message),
        // an issue that only repeats the headline (a missing folder) is not printed twice
        ...error.issues.filter((issue) => issue.message !== error.message).map((issue) => `  ${formatIssue(issue)}`),
      ],
    };
  if (error instanceof UsageError || error instanceof NotFoundError)
    return { code: EXIT.usage, lines: [line(error.message)] };
  if (error instanceof StoreUnavailableError) return { code: EXIT.store, lines: [line(error.message)] };
  if (error instanceof WeaklinkError) return { code: EXIT.input, lines: [line(error.message)] };
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code === 'EADDRINUSE')
    return { code: EXIT.usage, lines: [line(`cannot listen (${e.code}): ${e.message}; choose another --port`)] };
  if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'ENOTDIR' || e.code === 'EISDIR'))
    return { code: EXIT.input, lines: [line(e.message)] };
  const lines = [line(`unexpected failure: ${e instanceof Error ? e.message : String(e)}`)];
  if (process.env['WEAKLINK_DEBUG'] && e instanceof Error && e.stack) lines.push(e.stack);
  return { code: EXIT.unexpected, lines };
}
