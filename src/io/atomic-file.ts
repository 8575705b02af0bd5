/**
 * Crash-safe small files: `writeFileAtomic` writes a temporary file next to the target,
 * flushes it to disk (fsync), copies the current version to `<file>.bak` the same way,
 * then renames the temporary file over the target and flushes the folder. A rename is
 * atomic on POSIX file systems, so a process killed at any instant leaves the target as
 * the old version or the new one, never half of one — and `<file>.bak` as the version
 * before (or the one before that). `readWithBackup` reads the target and falls back to
 * the backup when the target is missing or does not parse.
 *
 * Temporary files of writers that died (`<file>.<pid>.<random>.tmp` whose pid no longer
 * runs) are removed by the next write.
 *
 * @example
 *   await writeFileAtomic('.weaklink/tokens.json', JSON.stringify(data));
 *   const { value, from } = await readWithBackup('.weaklink/tokens.json', JSON.parse);
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const DEFAULTS = { backupSuffix: '.bak', dirMode: 0o700, fileMode: 0o600 };

/** Replaces `file` with `text` atomically, keeping the previous version as `<file>.bak`. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: DEFAULTS.dirMode });
  await removeDeadTemps(file);
  const temp = tempName(file);
  const backupTemp = tempName(file + DEFAULTS.backupSuffix);
  try {
    await writeSynced(temp, text);
    if (await copySynced(file, backupTemp)) await rename(backupTemp, file + DEFAULTS.backupSuffix);
    await rename(temp, file);
    await syncDir(dir);
  } finally {
    await Promise.all([rm(temp, { force: true }), rm(backupTemp, { force: true })]);
  }
}

/**
 * Reads `file` with `parse`; when it is missing or `parse` throws, reads `<file>.bak`.
 * `from` says which one was used; `null` value when neither exists. Throws when a file
 * exists but neither parses.
 */
export async function readWithBackup<T>(
  file: string,
  parse: (text: string) => T,
): Promise<{ value: T | null; from: 'file' | 'backup' | 'none'; problem?: string }> {
  let problem: string | undefined;
  for (const [path, from] of [
    [file, 'file'],
    [file + DEFAULTS.backupSuffix, 'backup'],
  ] as const) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    try {
      return { value: parse(text), from, ...(problem === undefined ? {} : { problem }) };
    } catch (error) {
      problem ??= `${path} cannot be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  if (problem !== undefined)
    throw new Error(`${problem}, and no readable backup exists at ${file + DEFAULTS.backupSuffix}`);
  return { value: null, from: 'none' };
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

async function writeSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', DEFAULTS.fileMode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies `from` to `to` and flushes it; false when `from` does not exist. */
async function copySynced(from: string, to: string): Promise<boolean> {
  try {
    await copyFile(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Flushes a folder's entries (the renames); a no-op where folders cannot be opened (Windows). */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Folders cannot be fsynced on every platform; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

/** Removes `<file>(.bak)?.<pid>.<hex>.tmp` files whose writer process is gone. */
async function removeDeadTemps(file: string): Promise<void> {
  const dir = dirname(file);
  const prefix = basename(file);
  const pattern = /^\.(?:bak\.)?(\d+)\.[0-9a-f]+\.tmp$/;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = pattern.exec(name.slice(prefix.length))?.[1];
    if (pid !== undefined && !alive(Number(pid))) await rm(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
