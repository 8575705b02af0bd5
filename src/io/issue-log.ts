/**
 * Collects the errors and warnings found while reading a network, so that one pass
 * reports all of them rather than stopping at the first. Each kind is capped at
 * `DEFAULTS.maxIssues`; what is over the cap is counted and summed up by one final
 * "and N more" issue. `throwIfErrors` turns a log with errors into the `InputError`
 * that entry points report; the message is one line, the issues carry the detail.
 */
import { InputError } from '../errors.ts';
import type { Issue } from '../model/types.ts';
import type { Location } from './table-spec.ts';

export const DEFAULTS = { maxIssues: 1000, maxValueLength: 200 };

type Severity = Issue['severity'];

export class IssueLog {
  private readonly kept: Record<Severity, Issue[]> = { error: [], warning: [] };
  private readonly over: Record<Severity, { count: number; file: string }> = {
    error: { count: 0, file: '' },
    warning: { count: 0, file: '' },
  };
  private readonly fileOrder: string[] = [];

  constructor(private readonly maxIssues = DEFAULTS.maxIssues) {}

  /** Records an error at `where`; `value` is the offending cell text when there is one. */
  error(where: Location, message: string, value?: string): void {
    this.add('error', where, message, value);
  }

  warning(where: Location, message: string, value?: string): void {
    this.add('warning', where, message, value);
  }

  get errorCount(): number {
    return this.kept.error.length + this.over.error.count;
  }

  /** Kept errors then warnings, each sorted by file (in order of first report), line, column. */
  issues(): Issue[] {
    return [...this.sorted('error'), ...this.sorted('warning')];
  }

  warnings(): Issue[] {
    return this.sorted('warning');
  }

  /** Throws an `InputError` holding every issue when an error was recorded; `label` names the input. */
  throwIfErrors(label: string): void {
    const count = this.errorCount;
    if (count === 0) return;
    const noun = count === 1 ? 'error' : 'errors';
    throw new InputError(`${label}: ${count} ${noun} in the network; nothing was loaded`, this.issues());
  }

  private add(severity: Severity, where: Location, message: string, value?: string): void {
    if (!this.fileOrder.includes(where.file)) this.fileOrder.push(where.file);
    const list = this.kept[severity];
    if (list.length >= this.maxIssues) {
      const over = this.over[severity];
      if (over.count === 0) over.file = where.file;
      over.count += 1;
      return;
    }
    const issue: Issue = { severity, file: where.file, message };
    if (where.sheet !== undefined) issue.sheet = where.sheet;
    if (where.line !== undefined) issue.line = where.line;
    if (where.column !== undefined) issue.column = where.column;
    if (where.field !== undefined) issue.field = where.field;
    if (value !== undefined) issue.value = clip(value, DEFAULTS.maxValueLength);
    list.push(issue);
  }

  private sorted(severity: Severity): Issue[] {
    const rank = (issue: Issue): number => this.fileOrder.indexOf(issue.file);
    const list = [...this.kept[severity]].sort(
      (a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    const over = this.over[severity];
    if (over.count > 0) {
      const noun = severity === 'error' ? 'errors' : 'warnings';
      list.push({
        severity,
        file: over.file,
        message: `and ${over.count} more ${noun} not listed; fix the ones above and read the network again`,
      });
    }
    return list;
  }
}

/** Shortens a value for a message or an issue: long cells are cut with an ellipsis. */
export function clip(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Quotes a value for a message: `"x"`, or `(empty)` for an empty cell. */
export function quote(value: string): string {
  return value === '' ? '(empty)' : JSON.stringify(clip(value));
}
