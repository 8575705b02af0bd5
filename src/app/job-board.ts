/**
 * The heavy jobs of the server as their callers see them (GET /api/jobs/{id}): each heavy
 * request gets a job id — the client's own `X-Job-Id` (a UUID, so that a page can ask for
 * the progress while its request is pending) or a new one — and the board keeps, per id,
 * who asked, the kind, the estimated cost and the job's progress, which the job's runner
 * updates (runs done for the annual loss, steps for the others). A caller sees only its
 * own jobs. Ended jobs are kept `keepSeconds` (default 10 minutes), at most `max` entries
 * (default 10,000), the oldest dropped first.
 *
 * @example
 *   const ticket = board.open(id, 'viewer-1', 'risk'); … board.status(id, 'viewer-1');
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, UsageError } from '../errors.ts';
import type { HeavyKind, JobProgress, JobState } from './heavy-jobs.ts';

export const BOARD_DEFAULTS = Object.freeze({ keepSeconds: 600, max: 10_000 });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job as GET /api/jobs/{id} answers it. */
export interface JobStatus {
  id: string;
  kind: HeavyKind;
  state: JobState;
  done: number;
  total: number;
  startedAt: string | null;
  /** Estimated cost in work units (job-cost.ts); null until estimated. */
  estimate: number | null;
}

interface Entry {
  owner: string;
  kind: HeavyKind;
  estimate: number | null;
  progress: JobProgress;
  /** The request's own end (a refusal before the job ran, say), over the job's. */
  ended: JobState | null;
  endedAt: number | null;
}

export class JobBoard {
  readonly #jobs = new Map<string, Entry>();

  constructor(
    readonly keepSeconds = BOARD_DEFAULTS.keepSeconds,
    readonly max = BOARD_DEFAULTS.max,
  ) {}

  /** The id a request's `X-Job-Id` header asks for (a UUID; a UsageError otherwise), or a new one. */
  static idOf(header: string | undefined): string {
    if (header === undefined || header === '') return randomUUID();
    if (!UUID.test(header))
      throw new UsageError(
        `X-Job-Id must be a UUID (e.g. from crypto.randomUUID()), got "${header.slice(0, 60)}"`,
        'X-Job-Id',
      );
    return header.toLowerCase();
  }

  /** Opens job `id` of `owner`; a ConflictError when the id is taken. */
  open(id: string, owner: string, kind: HeavyKind): JobTicket {
    this.prune();
    if (this.#jobs.has(id))
      throw new ConflictError(`job id ${id} is already used; send a new X-Job-Id for each request`);
    const entry: Entry = {
      owner,
      kind,
      estimate: null,
      progress: { state: 'queued', done: 0, total: 1, startedAt: null },
      ended: null,
      endedAt: null,
    };
    this.#jobs.set(id, entry);
    return {
      id,
      estimated: (units) => void (entry.estimate = units),
      watch: (progress) => void (entry.progress = progress),
      end: (state) => {
        // This request's end: a job shared with another request may end otherwise for it.
        entry.endedAt = Date.now();
        entry.ended = state;
      },
    };
  }

  /** The status of `owner`'s job `id`; a NotFoundError for an unknown id or another caller's job. */
  status(id: string, owner: string): JobStatus {
    const entry = this.#jobs.get(id.toLowerCase());
    if (entry === undefined || entry.owner !== owner)
      throw new NotFoundError(
        `No job ${id} of yours; job ids come from the X-Job-Id header of a heavy request`,
        id,
        'id',
      );
    const p = entry.progress;
    const state = entry.ended ?? p.state;
    return {
      id: id.toLowerCase(),
      kind: entry.kind,
      state,
      done: state === 'done' ? p.total : p.done,
      total: p.total,
      startedAt: p.startedAt,
      estimate: entry.estimate,
    };
  }

  /** Drops ended jobs older than `keepSeconds`, and the oldest beyond `max`. */
  private prune(): void {
    const old = Date.now() - this.keepSeconds * 1000;
    for (const [id, entry] of this.#jobs) {
      if (this.#jobs.size < this.max && (entry.endedAt === null || entry.endedAt > old)) break;
      this.#jobs.delete(id);
    }
  }
}

/** One request's job on the board: its id, and what the request tells the board. */
export interface JobTicket {
  id: string;
  estimated(units: number): void;
  /** The job's progress, shared with every request waiting for the same job. */
  watch(progress: JobProgress): void;
  /** The request ended: its answer was sent (`done`), it failed, or it went away (`cancelled`). */
  end(state: JobState): void;
}
