/**
 * Workspace: the one SQLite database of a workspace folder, `<workspace>/weaklink.db`
 * (better-sqlite3). It runs in WAL mode with `synchronous=FULL`, so a change is on disk
 * when its transaction returns — it survives a kill -9 and a power loss — and readers
 * (the CLI) never wait for the writer. Every change is one transaction (`write`).
 *
 * At open the schema is brought to the version of this code by the migrations of
 * migrations.ts, in one transaction. A file that is not a SQLite database (damaged, or
 * another file under that name) and a database written by a newer weaklink are refused
 * with a StoreUnavailableError saying what to do; so is a database that stays locked by
 * another process for longer than `busyTimeoutMs` (SQLite's busy timeout: a writer
 * waits that long for another writer's transaction to end, then gives up).
 *
 * The file is created owner-only (0600). One server per workspace: `claimServer` records the server's process id in the
 * database and refuses while another live process holds it; the CLI may open the
 * database beside it.
 *
 * @example
 *   const ws = Workspace.open('.weaklink');
 *   ws.write('save a scenario', () => ws.db.prepare('INSERT …').run(…));
 *   ws.close();
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors.ts';
import { MIGRATIONS } from './migrations.ts';

export const DEFAULTS = {
  file: 'weaklink.db',
  /** How long a write waits for another process's write transaction (the CLI's) before it is refused. */
  busyTimeoutMs: 5_000,
  /** The WAL file is cut back to this size after a checkpoint (bytes). */
  walLimitBytes: 64 * 1024 * 1024,
};

export interface WorkspaceOptions {
  busyTimeoutMs?: number;
  /** Largest size of the database in pages of 4 kB; none by default (tests use it to simulate a full disk). */
  maxPages?: number;
}

/** The SQLite error code of `error` (`SQLITE_FULL`, …), or undefined. */
function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class Workspace {
  readonly file: string;
  readonly db: Database.Database;

  private constructor(
    readonly dir: string,
    options: WorkspaceOptions,
  ) {
    this.file = join(dir, DEFAULTS.file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Owner-only from the start (SQLite gives its -wal and -shm files the same mode).
    closeSync(openSync(this.file, 'a', 0o600));
    const busy = options.busyTimeoutMs ?? DEFAULTS.busyTimeoutMs;
    try {
      this.db = new Database(this.file, { timeout: busy });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma(`journal_size_limit = ${DEFAULTS.walLimitBytes}`);
      if (options.maxPages !== undefined) this.db.pragma(`max_page_count = ${options.maxPages}`);
    } catch (error) {
      throw this.#openError(error);
    }
  }

  /** Opens (creating it when missing) the database of the workspace folder `dir` and brings its schema up to date. */
  static open(dir: string, options: WorkspaceOptions = {}): Workspace {
    const ws = new Workspace(dir, options);
    try {
      ws.#migrate();
    } catch (error) {
      ws.db.close();
      throw error instanceof StoreUnavailableError ? error : ws.#openError(error);
    }
    return ws;
  }

  /** The schema version of the database (0 for a new file). */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /**
   * Runs `change` as one write transaction (BEGIN IMMEDIATE … COMMIT); returns its result.
   * A failure of the database (disk full, locked too long) is a StoreUnavailableError naming
   * `what` and the file; nothing of the change is kept.
   */
  write<T>(what: string, change: () => T): T {
    try {
      return this.db.transaction(change).immediate();
    } catch (error) {
      throw this.failure(what, error);
    }
  }

  /** A StoreUnavailableError for a database error during `what`; other errors are returned as they are. */
  failure(what: string, error: unknown): unknown {
    const code = sqliteCode(error);
    if (code === undefined) return error;
    const why =
      code === 'SQLITE_FULL'
        ? 'the disk (or the database size limit) is full'
        : code === 'SQLITE_BUSY'
          ? 'another process (a weaklink command on the same workspace) held the database for too long'
          : code === 'SQLITE_READONLY'
            ? 'the database is read-only for this user'
            : message(error);
    return new StoreUnavailableError(
      `${what} was refused: ${why} (${this.file}); nothing was changed — ` +
        (code === 'SQLITE_FULL' ? 'free the disk and try again' : 'try again, or check the file'),
    );
  }

  /**
   * Records this process as the workspace's server; refuses (StoreUnavailableError) while
   * another live process is recorded. A server killed without stopping is replaced.
   */
  claimServer(pid = process.pid, now = new Date()): void {
    this.write('starting the server', () => {
      const held = this.db.prepare('SELECT pid, url FROM server WHERE id = 1').get() as
        { pid: number; url: string | null } | undefined;
      if (held !== undefined && held.pid !== pid && isRunning(held.pid))
        throw new StoreUnavailableError(
          `the workspace ${this.dir} is in use by another weaklink server (process ${held.pid}${held.url ? `, ${held.url}` : ''}); ` +
            'stop that one first, or start this one with another --workspace',
        );
      this.db
        .prepare('INSERT OR REPLACE INTO server (id, pid, url, started) VALUES (1, ?, NULL, ?)')
        .run(pid, now.toISOString());
    });
  }

  /** Records the address the server listens on (for `weaklink login`). */
  recordServerUrl(url: string): void {
    this.write('recording the server address', () => {
      this.db.prepare('UPDATE server SET url = ? WHERE id = 1').run(url);
      this.setMeta('last-server-url', url);
    });
  }

  /** Forgets the server of this process (at shutdown); the last address stays recorded. */
  releaseServer(pid = process.pid): void {
    this.write('stopping the server', () => this.db.prepare('DELETE FROM server WHERE pid = ?').run(pid));
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** Sets a meta value; call inside `write`. */
  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  #migrate(): void {
    const at = this.schemaVersion;
    if (at > MIGRATIONS.length)
      throw new StoreUnavailableError(
        `the workspace database ${this.file} was written by a newer weaklink (schema version ${at}; this one knows up to ${MIGRATIONS.length}); ` +
          'upgrade weaklink, or start with another --workspace',
      );
    if (at === MIGRATIONS.length) return;
    this.write('updating the workspace database', () => {
      for (let v = at; v < MIGRATIONS.length; v++) this.db.exec(MIGRATIONS[v]!.sql);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    });
  }

  #openError(error: unknown): StoreUnavailableError {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      return new StoreUnavailableError(
        `the workspace database ${this.file} is damaged (${message(error)}); restore it from a copy, ` +
          'or move it away to start an empty workspace (its tokens, saved scenarios and saved network are then gone)',
      );
    if (code === 'SQLITE_BUSY')
      return new StoreUnavailableError(
        `the workspace database ${this.file} stayed locked by another process; stop the other weaklink process on this workspace and try again`,
      );
    return new StoreUnavailableError(`the workspace database ${this.file} cannot be opened: ${message(error)}`);
  }
}

/** Whether a process with this id runs (and may be signalled by us, or not). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
