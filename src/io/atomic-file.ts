/**
 * The JSON files of an earlier workspace (`tokens.json`, `scenarios.json`), which were
 * written atomically with a `<file>.bak` beside them: `readWithBackup` reads the target
 * and falls back to the backup when the target is missing or does not parse. The
 * workspace database imports them once (src/workspace/import-files.ts).
 *
 * @example
 *   const { value, from } = await readWithBackup('.weaklink/scenarios.json', JSON.parse);
 */
import { readFile } from 'node:fs/promises';

export const DEFAULTS = { backupSuffix: '.bak', dirMode: 0o700, fileMode: 0o600 };

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
