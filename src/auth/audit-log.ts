/**
 * AuditLog: one JSON line per write request to the API, appended to
 * `<workspace>/audit.log` — when, which token (its name, never the token), its role, the
 * method and path, the status answered, and what changed (null when nothing did). Each
 * line carries `prev`, the SHA-256 of the line before it, so an edited, removed or
 * inserted line shows (`verifyAuditText`, `weaklink audit verify`).
 * Writes refused for want of a valid token are not written one by one: `refused(address)`
 * sums them per client address and writes one summary line per address and minute
 * (`refused`, `since`), so nobody without a token can grow the log faster than that.
 * Appends are serialised, so lines never interleave; each is a single `appendFile`
 * (O_APPEND), so a crash can at worst cut the last line short.
 *
 * @example
 *   const audit = new AuditLog('.weaklink/audit.log');
 *   await audit.append({ time: new Date().toISOString(), token: 'ana', role: 'analyst',
 *     method: 'PATCH', path: '/api/companies/c7', status: 200, change: { scsLevel: { from: 2, to: 3 } } });
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/** The size of the log and the hash of its last line, read from its end only (the whole file when a line is that long). */
async function tailOf(file: string): Promise<{ size: number; last: string }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { size: 0, last: '' };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    for (let chunk = 64 * 1024; ; chunk *= 4) {
      const from = Math.max(0, size - chunk);
      const buffer = Buffer.alloc(size - from);
      await handle.read(buffer, 0, buffer.length, from);
      const lines = buffer
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '');
      // A whole last line: it starts after a newline inside the chunk, or at the start of the file.
      if (lines.length >= 2 || from === 0)
        return { size, last: lines.length === 0 ? '' : lineHash(lines[lines.length - 1]!) };
    }
  } finally {
    await handle.close();
  }
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
  /** The log is rotated (audit.log → audit.log.1 → … ) when it reaches this size; an assumption, configurable. */
  maxBytes: 50 * 1024 * 1024,
  /** Rotated files kept (audit.log.1 … audit.log.N); older ones are deleted. */
  keep: 5,
  /** Refused writes are summed per address over this window: one line each. */
  refusedWindowMs: 60_000,
  /** Addresses tracked at once; beyond them the refusals are summed under "*". */
  maxAddresses: 10_000,
};

export class AuditLog {
  #tail: Promise<void> = Promise.resolve();
  readonly #refused = new Map<string, { count: number; since: string }>();

  constructor(
    readonly file: string,
    private readonly refusedWindowMs = AUDIT_DEFAULTS.refusedWindowMs,
    private readonly rotation: { maxBytes: number; keep: number } = {
      maxBytes: AUDIT_DEFAULTS.maxBytes,
      keep: AUDIT_DEFAULTS.keep,
    },
  ) {}

  /**
   * Rotates (once the file has reached `maxBytes`): audit.log.(N−1) → .N, …, audit.log →
   * audit.log.1 (the oldest beyond `keep` deleted). The chain goes on: the new file's first
   * line names the hash of the rotated file's last line.
   */
  async #rotate(): Promise<void> {
    await rm(`${this.file}.${this.rotation.keep}`, { force: true });
    for (let i = this.rotation.keep - 1; i >= 1; i--)
      await rename(`${this.file}.${i}`, `${this.file}.${i + 1}`).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    await rename(this.file, `${this.file}.1`);
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
    setTimeout(() => void this.#summarise(key).catch(() => {}), this.refusedWindowMs).unref();
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

  /** Appends one line, chained to the one before it (`prev`); resolves once it is written. */
  append(entry: AuditEntry): Promise<void> {
    const write = this.#tail.then(async () => {
      const tail = (this.#tailState ??= await tailOf(this.file));
      if (tail.size >= this.rotation.maxBytes) {
        await this.#rotate();
        tail.size = 0;
      }
      // Whatever a caller put in the entry, nothing shaped like a token reaches the file.
      const line = redact(JSON.stringify({ ...entry, prev: tail.last }));
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await appendFile(this.file, line + '\n', { encoding: 'utf8', mode: 0o600 });
      tail.last = lineHash(line);
      tail.size += Buffer.byteLength(line) + 1;
    });
    this.#tail = write.catch(() => {});
    return write;
  }

  /** The file's size and the hash of its last line (read from the file on the first append, then kept). */
  #tailState: { size: number; last: string } | undefined;

  /** Writes the pending summaries of refused writes, and resolves when every append so far is written. */
  flush(): Promise<void> {
    for (const key of [...this.#refused.keys()]) void this.#summarise(key).catch(() => {});
    return this.#tail;
  }
}
