/**
 * RequestLog: the request letters issued to suppliers and the answers recorded, kept in
 * the workspace database (`requests`, one row per event, never changed). A supplier goes
 * requested → agreed or declined; a new letter may follow a decision (a new round).
 * `list` folds each supplier's events into its current state, suppliers by id. An answer
 * without a letter on record, a second answer to one letter, a share with anything but
 * `agreed`, a share below 0 and a date that is not YYYY-MM-DD are refused, saying what
 * to do.
 *
 * @example
 *   const log = new RequestLog('.weaklink');
 *   log.record({ supplier: 'kanazawa-trim', status: 'requested', level: 4, by: 'procurement' });
 *   log.record({ supplier: 'kanazawa-trim', status: 'agreed', share: 7_000_000, by: 'procurement' });
 *   log.list(); // [{ supplier: 'kanazawa-trim', status: 'agreed', agreedShare: 7000000, … }]
 */
import { ConflictError, UsageError } from '../errors.ts';
import { isIsoDate } from '../model/iso-date.ts';
import { WorkspaceRef } from './workspace-ref.ts';

export const REQUEST_STATUSES = ['requested', 'agreed', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DEFAULTS = Object.freeze({
  /** Longest supplier id and recorder name kept. */
  maxText: 1000,
  /** Largest agreed share in yen. */
  maxShare: 1e15,
});

export interface RequestEvent {
  supplier: string;
  status: RequestStatus;
  /** The level asked (letters), null when not known. */
  level?: number | null;
  /** Agreed cost share in yen borne by the buyer(s) (agreements only). */
  share?: number | null;
  /** The day it happened, YYYY-MM-DD (default today, UTC). */
  on?: string;
  /** Who recorded it (a token name, a user). */
  by: string;
}

/** A supplier's current state: its last letter and the answer to it, if any. */
export interface RequestRecord {
  supplier: string;
  status: RequestStatus;
  level: number | null;
  requestedOn: string;
  requestedBy: string;
  decidedOn: string | null;
  decidedBy: string | null;
  agreedShare: number | null;
  /** Letters issued to this supplier so far. */
  letters: number;
}

interface Row {
  supplier: string;
  status: RequestStatus;
  level: number | null;
  share: number | null;
  on_date: string;
  by_whom: string;
}

/** Throws UsageError unless `value` is a calendar date YYYY-MM-DD. */
export function checkIsoDate(value: string, field: string): string {
  if (!isIsoDate(value))
    throw new UsageError(`${field} must be a date YYYY-MM-DD (e.g. 2027-04-30), got "${value}".`, field);
  return value;
}

export class RequestLog extends WorkspaceRef {
  /** Records one event and answers the supplier's state after it. */
  record(event: RequestEvent, now = new Date()): RequestRecord {
    const { supplier, status, by } = event;
    const on = checkIsoDate(event.on ?? now.toISOString().slice(0, 10), 'date');
    if (supplier === '' || supplier.length > DEFAULTS.maxText)
      throw new UsageError(`supplier must be a company id of 1–${DEFAULTS.maxText} characters.`, 'supplier');
    if (!REQUEST_STATUSES.includes(status))
      throw new UsageError(`status must be one of ${REQUEST_STATUSES.join(', ')}, got "${String(status)}".`, 'status');
    const share = event.share ?? null;
    if (share !== null && status !== 'agreed')
      throw new UsageError(`share goes with "agreed" only (the cost share agreed), not with "${status}".`, 'share');
    if (share !== null && !(Number.isFinite(share) && share >= 0 && share <= DEFAULTS.maxShare))
      throw new UsageError(`share must be a yen amount from 0 to ${DEFAULTS.maxShare}, got ${share}.`, 'share');
    const ws = this.ws;
    return ws.write('recording a request letter', () => {
      const last = this.#rows(supplier).at(-1);
      if (status !== 'requested' && last?.status !== 'requested') {
        throw new ConflictError(
          last === undefined
            ? `No request letter to "${supplier}" is on record; record the letter first (status "requested"), then its answer.`
            : `The last letter to "${supplier}" was already answered (${last.status} on ${last.on_date}); record a new letter first.`,
        );
      }
      ws.db
        .prepare(
          'INSERT INTO requests (supplier, status, level, share, on_date, by_whom, recorded) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(supplier, status, event.level ?? null, share, on, by.slice(0, DEFAULTS.maxText), now.toISOString());
      return fold(this.#rows(supplier))!;
    });
  }

  /** Every supplier's current state, by supplier id. */
  list(): RequestRecord[] {
    const rows = this.ws.db
      .prepare('SELECT supplier, status, level, share, on_date, by_whom FROM requests ORDER BY supplier, seq')
      .all() as Row[];
    const bySupplier = new Map<string, Row[]>();
    for (const r of rows) bySupplier.set(r.supplier, [...(bySupplier.get(r.supplier) ?? []), r]);
    return [...bySupplier.values()].map((r) => fold(r)!);
  }

  #rows(supplier: string): Row[] {
    return this.ws.db
      .prepare('SELECT supplier, status, level, share, on_date, by_whom FROM requests WHERE supplier = ? ORDER BY seq')
      .all(supplier) as Row[];
  }
}

/** One supplier's events (in order) as its current state; undefined when none. */
function fold(rows: Row[]): RequestRecord | undefined {
  let state: RequestRecord | undefined;
  let letters = 0;
  for (const r of rows) {
    if (r.status === 'requested') {
      letters++;
      state = {
        supplier: r.supplier,
        status: 'requested',
        level: r.level,
        requestedOn: r.on_date,
        requestedBy: r.by_whom,
        decidedOn: null,
        decidedBy: null,
        agreedShare: null,
        letters,
      };
    } else if (state) {
      state = { ...state, status: r.status, decidedOn: r.on_date, decidedBy: r.by_whom, agreedShare: r.share, letters };
    }
  }
  return state;
}
