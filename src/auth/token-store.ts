/**
 * TokenStore: the API tokens of one workspace folder (default `.weaklink/`, or
 * WEAKLINK_WORKSPACE), kept in the `tokens` table of its database `weaklink.db`
 * (src/workspace/). A token is `wl_` followed by 32 random bytes in base64url; it is
 * shown once, when created, and only its SHA-256 is stored. A token holds 256 random
 * bits, so a fast hash is enough: nobody can guess a preimage, and a slow password hash
 * (scrypt, argon2) would only add latency to every request. `verify` hashes the token
 * presented and compares it with every stored hash in constant time
 * (`crypto.timingSafeEqual`), without stopping at the first match.
 *
 * Tokens are revoked, never deleted, so `list` (and the audit log) can still name them;
 * names are unique. Each change is one transaction, so a server and the CLI working on
 * one workspace do not undo each other's changes (SQLite serialises the writers; WAL
 * lets readers go on). A running server notices a change made by the CLI (a revocation)
 * within `reloadIntervalMs`: it asks SQLite whether another connection committed since
 * (`PRAGMA data_version`) and reads the tokens again when one did.
 *
 * It fails closed. A revocation takes effect in this process at once, before it is
 * written; when it cannot be committed (a full disk, the database locked too long) it
 * is refused with a StoreUnavailableError, and the token stays refused here anyway. A
 * damaged database stops `open` with a message saying what to do. A workspace kept in
 * files by an earlier weaklink has its `tokens.json` imported once (kept as
 * `tokens.json.imported`); a damaged or missing `tokens.json` (with a backup beside it)
 * stops the import with what to do: the backup is never read in its place, since a
 * token revoked in the last change would be valid again.
 *
 * @example
 *   const tokens = await TokenStore.open('.weaklink');
 *   const { token } = await tokens.create('ci-reader', 'viewer'); // print once
 *   await tokens.verify(token); // → { status: 'ok', caller: { name: 'ci-reader', role: 'viewer' } }
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NotFoundError, StoreUnavailableError, UsageError, WeaklinkError } from '../errors.ts';
import { DEFAULTS as FILES } from '../io/atomic-file.ts';
import { Workspace } from '../workspace/workspace.ts';
import { ROLES, type Role } from './roles.ts';

export const DEFAULTS = {
  workspace: '.weaklink',
  /** The file of an earlier weaklink, imported once. */
  file: 'tokens.json',
  prefix: 'wl_',
  tokenBytes: 32,
  /** How often (at most) `verify` looks whether the file changed on disk. */
  reloadIntervalMs: 1000,
};

/** `wl_` and 43 base64url characters (32 bytes). */
export const TOKEN_PATTERN = /^wl_[A-Za-z0-9_-]{43}$/;
/** Anything that looks like a token, for redacting text. */
export const TOKEN_LIKE = /wl_[A-Za-z0-9_-]{20,}/g;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** What `list` shows of a token: never the token or its hash. */
export interface TokenRecord {
  name: string;
  role: Role;
  /** ISO 8601. */
  created: string;
  /** ISO 8601, or null while the token is valid. */
  revoked: string | null;
}

/** Who is calling: the name and role of a valid token. */
export interface Caller {
  name: string;
  role: Role;
}

export type Verdict = { status: 'ok'; caller: Caller } | { status: 'unknown' } | { status: 'revoked'; name: string };

const StoredSchema = z.strictObject({
  name: z.string().regex(NAME_PATTERN),
  role: z.enum(ROLES),
  created: z.string(),
  revoked: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const FileSchema = z.strictObject({
  format: z.literal('weaklink-tokens'),
  version: z.literal(1),
  tokens: z.array(StoredSchema),
});
type Stored = z.output<typeof StoredSchema>;

/** The workspace folder: `--workspace`, else WEAKLINK_WORKSPACE, else `.weaklink`. */
export function workspaceDir(given?: string, env: Record<string, string | undefined> = process.env): string {
  if (given !== undefined && given !== '') return given;
  const fromEnv = env.WEAKLINK_WORKSPACE;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULTS.workspace;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export interface TokenStoreOptions {
  reloadIntervalMs?: number;
  /** The workspace database to use (shared with the server's other parts); default: opened from the folder. */
  workspace?: Workspace;
  /** Where the one-time import of tokens.json is reported; default console.log. */
  note?: (message: string) => void;
}

export class TokenStore {
  /** The database file holding the tokens. */
  readonly file: string;
  readonly workspace: Workspace;
  #tokens: Stored[] = [];
  #hashes: Buffer[] = [];
  #dataVersion = -1;
  #checkedAt = 0;
  /** Names revoked in this process: refused at once, whether or not the revocation could be written. */
  readonly #disabled = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly reloadIntervalMs: number,
    workspace: Workspace,
  ) {
    this.workspace = workspace;
    this.file = workspace.file;
  }

  /** Opens the workspace's tokens (none in a new workspace), importing an earlier tokens.json once. Throws when the database or that file is damaged. */
  static async open(dir: string = workspaceDir(), options: TokenStoreOptions = {}): Promise<TokenStore> {
    const ws = options.workspace ?? Workspace.open(dir);
    const store = new TokenStore(dir, options.reloadIntervalMs ?? DEFAULTS.reloadIntervalMs, ws);
    await importTokenFile(ws, options.note ?? ((m) => console.log(`weaklink: ${m}`)));
    store.#reload();
    return store;
  }

  /** Every token, valid or revoked, in order of creation. */
  list(): TokenRecord[] {
    return this.#tokens.map(({ name, role, created, revoked }) => ({ name, role, created, revoked }));
  }

  /** Creates a token; returns it (the only time it is available) with its record. */
  async create(name: string, role: Role, now = new Date()): Promise<{ token: string; record: TokenRecord }> {
    if (!NAME_PATTERN.test(name))
      throw new UsageError(
        `token name "${name.slice(0, 80)}" is not allowed: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
        'name',
      );
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`role must be one of ${ROLES.join(', ')}, got "${String(role)}"`, 'role');
    const token = DEFAULTS.prefix + randomBytes(DEFAULTS.tokenBytes).toString('base64url');
    const record: TokenRecord = { name, role, created: now.toISOString(), revoked: null };
    const { db } = this.workspace;
    this.workspace.write(`creating the token "${name}"`, () => {
      if (db.prepare('SELECT 1 FROM tokens WHERE name = ?').get(name) !== undefined)
        throw new UsageError(
          `a token named "${name}" already exists (names are never reused, even once revoked); choose another name`,
          'name',
        );
      insertToken(this.workspace, { ...record, sha256: hashToken(token).toString('hex') });
    });
    this.#reload();
    return { token, record };
  }

  /** Revokes the token named `name` (revoking twice keeps the first time). Throws NotFoundError for an unknown name. */
  async revoke(name: string, now = new Date()): Promise<TokenRecord> {
    // Fail closed: refused here from now on, even if the change cannot be committed.
    if (this.#tokens.some((t) => t.name === name)) this.#disabled.add(name);
    const { db } = this.workspace;
    try {
      this.workspace.write(`revoking the token "${name.slice(0, 80)}"`, () => {
        if (db.prepare('SELECT 1 FROM tokens WHERE name = ?').get(name) === undefined)
          throw new NotFoundError(`no token named "${name.slice(0, 80)}"; weaklink token list shows them`, name);
        db.prepare('UPDATE tokens SET revoked = ? WHERE name = ? AND revoked IS NULL').run(now.toISOString(), name);
      });
    } catch (error) {
      if (error instanceof WeaklinkError && !(error instanceof StoreUnavailableError)) throw error;
      throw new StoreUnavailableError(
        `the revocation of "${name}" could not be saved (${error instanceof Error ? error.message : String(error)}); ` +
          `the token is refused by this process until it restarts — free the disk and revoke it again`,
      );
    }
    this.#reload();
    return this.list().find((t) => t.name === name)!;
  }

  /** Who `token` belongs to; picks up changes committed by another process (looked at most every reloadIntervalMs). */
  async verify(token: string): Promise<Verdict> {
    this.#refresh();
    if (!TOKEN_PATTERN.test(token)) return { status: 'unknown' };
    const presented = hashToken(token);
    let match = -1;
    // Every stored hash is compared, so the time taken does not depend on which one matches.
    for (let i = 0; i < this.#hashes.length; i++) {
      if (timingSafeEqual(presented, this.#hashes[i]!) && match < 0) match = i;
    }
    const found = this.#tokens[match];
    if (found === undefined) return { status: 'unknown' };
    if (found.revoked !== null || this.#disabled.has(found.name)) return { status: 'revoked', name: found.name };
    return { status: 'ok', caller: { name: found.name, role: found.role } };
  }

  #refresh(): void {
    if (Date.now() - this.#checkedAt < this.reloadIntervalMs) return;
    try {
      if ((this.workspace.db.pragma('data_version', { simple: true }) as number) !== this.#dataVersion) this.#reload();
    } catch {
      // Keep the tokens we have; the next check tries again.
    } finally {
      this.#checkedAt = Date.now();
    }
  }

  #reload(): void {
    const { db } = this.workspace;
    this.#dataVersion = db.pragma('data_version', { simple: true }) as number;
    const rows = db.prepare('SELECT name, role, created, revoked, sha256 FROM tokens ORDER BY seq').all() as Stored[];
    this.#tokens = rows.map((row) => StoredSchema.parse(row));
    this.#hashes = this.#tokens.map((t) => Buffer.from(t.sha256, 'hex'));
    this.#checkedAt = Date.now();
  }
}

/** Inserts a token row (inside a write), after the last one. */
function insertToken(ws: Workspace, token: Stored): void {
  ws.db
    .prepare(
      'INSERT INTO tokens (name, role, created, revoked, sha256, seq) VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM tokens))',
    )
    .run(token.name, token.role, token.created, token.revoked, token.sha256);
}

/** Imports `<workspace>/tokens.json` of an earlier weaklink once, in one transaction; the file is kept as tokens.json.imported. */
async function importTokenFile(ws: Workspace, note: (message: string) => void): Promise<void> {
  const file = join(ws.dir, DEFAULTS.file);
  const backup = file + FILES.backupSuffix;
  if (!existsSync(file) && !existsSync(backup)) return;
  const key = `imported:${DEFAULTS.file}`;
  if (ws.getMeta(key) === undefined) {
    const tokens = await readTokens(file);
    ws.write('importing the tokens', () => {
      for (const token of tokens)
        if (ws.db.prepare('SELECT 1 FROM tokens WHERE name = ?').get(token.name) === undefined) insertToken(ws, token);
      ws.setMeta(key, new Date().toISOString());
    });
    note(
      `imported ${tokens.length} token${tokens.length === 1 ? '' : 's'} of ${file} into ${ws.file} (the file is kept as ${DEFAULTS.file}.imported)`,
    );
  }
  for (const f of [file, backup]) if (existsSync(f)) renameSync(f, `${f}.imported`);
}

/** The tokens of `file`; none when neither it nor its backup exists; a WeaklinkError saying what to do when it is damaged or gone. */
async function readTokens(file: string): Promise<Stored[]> {
  const backup = file + FILES.backupSuffix;
  const restore =
    `weaklink will not guess which tokens are valid. Restore ${file} from a copy you trust ` +
    `(${backup} holds the version before the last change, but a token revoked in that change would be valid again), ` +
    `or remove both files and create tokens anew with weaklink token create`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new WeaklinkError(`the token file ${file} cannot be read (${(error as Error).message}); ${restore}`);
    if ((await fileStamp(backup)) !== 'missing')
      throw new WeaklinkError(`the token file ${file} is missing; ${restore}`);
    return [];
  }
  try {
    return FileSchema.parse(JSON.parse(text)).tokens;
  } catch (error) {
    const why = error instanceof z.ZodError ? 'not a weaklink token file' : (error as Error).message;
    throw new WeaklinkError(`the token file ${file} is damaged (${why}); ${restore}`);
  }
}

/** Identifies a version of the file on disk (a rename changes the inode). */
async function fileStamp(file: string): Promise<string> {
  try {
    const s = await stat(file);
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}
