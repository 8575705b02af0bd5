/**
 * AuditLog: one JSON line per write request to the API, a row of the `audit` table of
 * the workspace database (src/workspace/) — when, which token (its name, never the
 * token), its role, the method and path, the status answered, and what changed (null
 * when nothing did). Each line carries `prev`, the SHA-256 of the line before it, so an
 * edited, removed or inserted line shows (`verifyAuditRows`, `weaklink audit verify`).
 * Writes refused for want of a valid token are not written one by one: `refused(address)`
 * sums them per client address and writes one summary line per address and minute
 * (`refused`, `since`), so nobody without a token can grow the log faster than that.
 * Each append is one transaction (committed, flushed to disk, when it resolves), so a
 * crash never leaves half a line. Retention: once the lines pass `maxBytes × (keep + 1)`,
 * the oldest `maxBytes` of them are deleted (as rotation dropped the oldest file); the
 * lines kept still verify, the first of them taken as the chain's start. An earlier
 * workspace's `audit.log` and its rotated files are imported once, in order, so the
 * chain goes on (the files are kept as `*.imported`).
 *
 * @example
 *   const audit = new AuditLog('.weaklink');
 *   await audit.append({ time: new Date().toISOString(), token: 'ana', role: 'analyst',
 *     method: 'PATCH', path: '/api/companies/c7', status: 200, change: { scsLevel: { from: 2, to: 3 } } });
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../workspace/workspace.ts';
import { redact } from './redact.ts';
import type { Role } from './roles.ts';

export interface AuditEntry {
  /** ISO 8601. */
  time: string;
  /**
   * A write's lines share its request id: `intent` is written before the change is made
   * (and the write refused when it cannot be), `outcome` after it; a write refused before
   * it could change anything has one `refused` line.
   */
  phase?: 'intent' | 'outcome' | 'refused';
  id?: string;
  /** Name of the token used; null when none was valid. */
  token: string | null;
  role: Role | null;
  method: string;
  path: string;
  status: number;
  /** What the request changed; null when it changed nothing (refused or failed). */
  change: unknown;
  /** The client's address. */
  address?: string;
  /** A summary line: how many writes without a valid token came from `address` since `since`. */
  refused?: number;
  since?: string;
}

/** The chain's link: SHA-256 of a whole line (without its newline), hex. The first line's `prev` is "". */
export function lineHash(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/**
 * Checks the chain of an audit log's text: each line's `prev` is the hash of the line
 * before it ("" for the first). The first line that breaks it is named: a line edited,
 * removed or inserted there (or just before) shows.
 */
export function verifyAuditText(
  text: string,
  first = '',
): { lines: number; broken: { line: number; why: string } | null; last: string } {
  const lines = text.split('\n').filter((l) => l !== '');
  let prev = first;
  for (let i = 0; i < lines.length; i++) {
    let entry: { prev?: unknown };
    try {
      entry = JSON.parse(lines[i]!) as { prev?: unknown };
    } catch {
      return { lines: lines.length, broken: { line: i + 1, why: 'is not a JSON line' }, last: prev };
    }
    if (entry.prev !== prev)
      return {
        lines: lines.length,
        last: prev,
        broken: {
          line: i + 1,
          why:
            i === 0
              ? 'does not follow the end of the file before it (or, in the first file, start the chain): lines before it were removed'
              : `does not follow line ${i} (its prev is not that line's hash): line ${i} was edited, or lines between them were removed or inserted`,
        },
      };
    prev = lineHash(lines[i]!);
  }
  return { lines: lines.length, broken: null, last: prev };
}

export const AUDIT_DEFAULTS = {
  /** The unit of retention: the log keeps at most `maxBytes × (keep + 1)` of lines, dropping the oldest `maxBytes` beyond; an assumption, configurable. */
  maxBytes: 50 * 1024 * 1024,
  /** How many units of `maxBytes` are kept besides the newest (the rotated files of an earlier weaklink). */
  keep: 5,
  /** Refused writes are summed per address over this window: one line each. */
  refusedWindowMs: 60_000,
  /** Addresses tracked at once; beyond them the refusals are summed under "*". */
  maxAddresses: 10_000,
  /** The file of an earlier weaklink, imported once with its rotated files. */
  file: 'audit.log',
};

/** Where `verifyAuditRows` found the chain broken: the row's sequence number and why. */
export interface AuditCheck {
  lines: number;
  broken: { seq: number; why: string } | null;
}

/**
 * Checks the chain of the audit rows of `ws`, oldest first: each line's `prev` is the hash
 * of the line before it; the first line's is "" unless retention dropped lines before it.
 */
export function verifyAuditRows(ws: Workspace): AuditCheck {
  const trimmed = ws.getMeta('audit-trimmed-through');
  let prev: string | undefined = trimmed === undefined ? '' : undefined;
  let lines = 0;
  let before: number | null = null;
  for (const row of ws.db.prepare('SELECT seq, line FROM audit ORDER BY seq').iterate() as Iterable<{
    seq: number;
    line: string;
  }>) {
    lines++;
    let entry: { prev?: unknown };
    try {
      entry = JSON.parse(row.line) as { prev?: unknown };
    } catch {
      return { lines, broken: { seq: row.seq, why: 'is not a JSON line' } };
    }
    if (prev === undefined) prev = String(entry.prev ?? ''); // the first line kept after retention
    if (entry.prev !== prev)
      return {
        lines,
        broken: {
          seq: row.seq,
          why:
            before === null
              ? 'does not start the chain: lines before it were removed'
              : `does not follow entry ${before} (its prev is not that line's hash): entry ${before} was edited, or entries between them were removed or inserted`,
        },
      };
    prev = lineHash(row.line);
    before = row.seq;
  }
  return { lines, broken: null };
}

export interface AuditLogOptions {
  refusedWindowMs?: number;
  maxBytes?: number;
  keep?: number;
}

export class AuditLog {
  #tail: Promise<void> = Promise.resolve();
  readonly #refused = new Map<string, { count: number; since: string }>();
  readonly workspace: Workspace;
  /** The database file holding the log. */
  readonly file: string;
  readonly #refusedWindowMs: number;
  readonly #maxBytes: number;
  readonly #keep: number;
  /** The bytes of the lines kept (summed once, then kept up to date). */
  #bytes: number | undefined;

  /** `workspace`: an open workspace, or its folder. */
  constructor(workspace: Workspace | string, options: AuditLogOptions = {}) {
    this.workspace = typeof workspace === 'string' ? Workspace.open(workspace) : workspace;
    this.file = this.workspace.file;
    this.#refusedWindowMs = options.refusedWindowMs ?? AUDIT_DEFAULTS.refusedWindowMs;
    this.#maxBytes = options.maxBytes ?? AUDIT_DEFAULTS.maxBytes;
    this.#keep = options.keep ?? AUDIT_DEFAULTS.keep;
    importAuditFiles(this.workspace);
  }

  /** Counts a write refused for want of a valid token from `address`; its summary line follows within the window. */
  refused(address: string): void {
    const key = this.#refused.has(address) || this.#refused.size < AUDIT_DEFAULTS.maxAddresses ? address : '*';
    const seen = this.#refused.get(key);
    if (seen) {
      seen.count++;
      return;
    }
    this.#refused.set(key, { count: 1, since: new Date().toISOString() });
    setTimeout(() => void this.#summarise(key).catch(() => {}), this.#refusedWindowMs).unref();
  }

  #summarise(key: string): Promise<void> {
    const seen = this.#refused.get(key);
    if (!seen) return Promise.resolve();
    this.#refused.delete(key);
    return this.append({
      time: new Date().toISOString(),
      token: null,
      role: null,
      method: '*',
      path: '*',
      status: 401,
      change: null,
      address: key,
      refused: seen.count,
      since: seen.since,
    });
  }

  /** Appends one line, chained to the one before it (`prev`); resolves once it is committed. */
  append(entry: AuditEntry): Promise<void> {
    const write = this.#tail.then(() => {
      const ws = this.workspace;
      const { db } = ws;
      this.#bytes ??= db.prepare('SELECT total(length(CAST(line AS BLOB))) FROM audit').pluck().get() as number;
      const added = ws.write('writing the audit log', () => {
        const last = db.prepare('SELECT line FROM audit ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined;
        // Whatever a caller put in the entry, nothing shaped like a token reaches the log.
        const line = redact(JSON.stringify({ ...entry, prev: last === undefined ? '' : lineHash(last) }));
        db.prepare('INSERT INTO audit (line) VALUES (?)').run(line);
        return Buffer.byteLength(line);
      });
      this.#bytes += added;
      if (this.#bytes > this.#maxBytes * (this.#keep + 1)) this.#trim();
    });
    this.#tail = write.catch(() => {});
    return write;
  }

  /** Deletes the oldest `maxBytes` of lines (retention), recording how far the log was cut. */
  #trim(): void {
    const ws = this.workspace;
    let dropped = 0;
    let through = 0;
    for (const row of ws.db
      .prepare('SELECT seq, length(CAST(line AS BLOB)) AS size FROM audit ORDER BY seq')
      .iterate() as Iterable<{
      seq: number;
      size: number;
    }>) {
      if (dropped >= this.#maxBytes) break;
      dropped += row.size;
      through = row.seq;
    }
    ws.write('trimming the audit log', () => {
      ws.db.prepare('DELETE FROM audit WHERE seq <= ?').run(through);
      ws.setMeta('audit-trimmed-through', String(through));
    });
    this.#bytes = (this.#bytes ?? 0) - dropped;
  }

  /** Every line kept, oldest first, as the text of a log file (for reading and tests). */
  text(): string {
    const lines = this.workspace.db.prepare('SELECT line FROM audit ORDER BY seq').pluck().all() as string[];
    return lines.map((l) => l + '\n').join('');
  }

  /** Writes the pending summaries of refused writes, and resolves when every append so far is committed. */
  flush(): Promise<void> {
    for (const key of [...this.#refused.keys()]) void this.#summarise(key).catch(() => {});
    return this.#tail;
  }
}

/**
 * Imports an earlier workspace's `audit.log` with its rotated files (oldest first) once,
 * in one transaction; the lines go in as they are, so the chain goes on.
 */
function importAuditFiles(ws: Workspace): void {
  const file = join(ws.dir, AUDIT_DEFAULTS.file);
  const rotated: string[] = [];
  for (let i = 1; existsSync(`${file}.${i}`); i++) rotated.unshift(`${file}.${i}`);
  const files = [...rotated, ...(existsSync(file) ? [file] : [])];
  if (files.length === 0) return;
  const key = `imported:${AUDIT_DEFAULTS.file}`;
  if (ws.getMeta(key) === undefined) {
    ws.write('importing the audit log', () => {
      const insert = ws.db.prepare('INSERT INTO audit (line) VALUES (?)');
      let first = true;
      for (const path of files)
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (line === '') continue;
          if (first && rotated.length > 0) {
            // The oldest file kept starts where rotation cut it: its first link is taken as given.
            ws.setMeta('audit-trimmed-through', '0');
          }
          first = false;
          insert.run(line);
        }
      ws.setMeta(key, new Date().toISOString());
    });
    console.log(
      `weaklink: imported the audit log (${files.length} file${files.length === 1 ? '' : 's'}) into ${ws.file} (kept as *.imported)`,
    );
  }
  for (const path of files) renameSync(path, `${path}.imported`);
}
