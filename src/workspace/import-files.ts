/**
 * The one-time import of a workspace kept in files by an earlier weaklink: the saved
 * scenarios of `scenarios.json` (or, when it is damaged, its backup `scenarios.json.bak`,
 * with a warning) go into the database in one transaction, which also records that the
 * import happened; the files are then renamed `*.imported` (kept, never deleted). A
 * process killed between the two finds the import recorded and only renames.
 *
 * @example
 *   const imported = await importScenarioFile(ws, console.warn); // → 3 (scenarios), or null when there was no file
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { readWithBackup } from '../io/atomic-file.ts';
import { StoreUnavailableError } from '../errors.ts';
import { toScenarioRecord } from '../store/scenario-records.ts';
import type { Workspace } from './workspace.ts';

export const DEFAULTS = { scenarioFile: 'scenarios.json', format: 'weaklink-scenarios', suffix: '.imported' };

/** Imports `<workspace>/scenarios.json` once; returns the number of scenarios imported, or null when there was nothing to import. */
export async function importScenarioFile(ws: Workspace, warn: (message: string) => void): Promise<number | null> {
  const file = join(ws.dir, DEFAULTS.scenarioFile);
  const backup = `${file}.bak`;
  if (!existsSync(file) && !existsSync(backup)) return null;
  const key = `imported:${DEFAULTS.scenarioFile}`;
  let count = 0;
  if (ws.getMeta(key) === undefined) {
    let read;
    try {
      read = await readWithBackup(file, (text) => {
        const data = JSON.parse(text) as { format?: unknown; scenarios?: unknown };
        if (data.format !== DEFAULTS.format || !Array.isArray(data.scenarios))
          throw new Error(`not a ${DEFAULTS.format} file`);
        return data.scenarios.map(toScenarioRecord);
      });
    } catch (error) {
      throw new StoreUnavailableError(
        `the saved scenarios cannot be read: ${error instanceof Error ? error.message : String(error)}; restore ${file} from a copy, or move it away to start with no saved scenarios`,
      );
    }
    if (read.from === 'backup')
      warn(
        `${read.problem ?? `${file} cannot be read`}; using its backup ${backup} (scenarios saved after the backup was made are missing)`,
      );
    const records = read.value ?? [];
    ws.write('importing the saved scenarios', () => {
      const insert = ws.db.prepare('INSERT OR REPLACE INTO scenarios (name, record) VALUES (?, ?)');
      for (const record of records) insert.run(record.name, JSON.stringify(record));
      ws.setMeta(key, new Date().toISOString());
    });
    count = records.length;
  }
  for (const f of [file, backup]) if (existsSync(f)) renameSync(f, f + DEFAULTS.suffix);
  return count;
}
