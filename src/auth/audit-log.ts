/**
 * AuditLog: one JSON line per write request to the API, appended to
 * `<workspace>/audit.log` — when, which token (its name, never the token), its role, the
 * method and path, the status answered, and what changed (null when nothing did).
 * Appends are serialised, so lines never interleave; each is a single `appendFile`
 * (O_APPEND), so a crash can at worst cut the last line short.
 *
 * @example
 *   const audit = new AuditLog('.weaklink/audit.log');
 *   await audit.append({ time: new Date().toISOString(), token: 'ana', role: 'analyst',
 *     method: 'PATCH', path: '/api/companies/c7', status: 200, change: { scsLevel: { from: 2, to: 3 } } });
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { redact } from './redact.ts';
import type { Role } from './roles.ts';

export interface AuditEntry {
  /** ISO 8601. */
  time: string;
  /** Name of the token used; null when none was valid. */
  token: string | null;
  role: Role | null;
  method: string;
  path: string;
  status: number;
  /** What the request changed; null when it changed nothing (refused or failed). */
  change: unknown;
}

export class AuditLog {
  #tail: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Appends one line; resolves once it is written. */
  append(entry: AuditEntry): Promise<void> {
    // Whatever a caller put in the entry, nothing shaped like a token reaches the file.
    const line = redact(JSON.stringify(entry)) + '\n';
    const write = this.#tail.then(async () => {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await appendFile(this.file, line, { encoding: 'utf8', mode: 0o600 });
    });
    this.#tail = write.catch(() => {});
    return write;
  }

  /** Resolves when every append so far is written. */
  flush(): Promise<void> {
    return this.#tail;
  }
}
