/**
 * Finds the tables of a network folder (assessments is optional). CSV wins: when `companies.csv` or
 * `supplies.csv` is present the folder is read as CSV, and any `.json` tables beside
 * them are ignored with a warning. A table missing in the chosen format is an error
 * naming the expected file; a folder that cannot be listed is an `InputError` at once.
 */
import { readdir } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import type { IssueLog } from './issue-log.ts';

export interface NetworkFiles {
  format: 'csv' | 'json';
  companies: string;
  supplies: string;
  /** Whether each table is present. */
  hasCompanies: boolean;
  hasSupplies: boolean;
  /** The optional assessments table (`assessments.csv` or `.json`, in the chosen format). */
  assessments: string;
  hasAssessments: boolean;
}

/** Lists the folder; throws `InputError` when it does not exist or is not a folder. */
export async function listFolder(dir: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(dir));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const what = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : 'cannot be read';
    const message = `${dir}: ${what}; give the folder that holds companies.csv and supplies.csv`;
    throw new InputError(message, [{ severity: 'error', file: dir, message }]);
  }
}

/** Chooses the format and reports missing or ignored tables to `log`. */
export function chooseFiles(dir: string, names: Set<string>, log: IssueLog): NetworkFiles {
  const csv = names.has('companies.csv') || names.has('supplies.csv');
  const json = names.has('companies.json') || names.has('supplies.json');
  const format = csv || !json ? 'csv' : 'json';
  const files: NetworkFiles = {
    format,
    companies: `companies.${format}`,
    supplies: `supplies.${format}`,
    hasCompanies: names.has(`companies.${format}`),
    hasSupplies: names.has(`supplies.${format}`),
    assessments: `assessments.${format}`,
    hasAssessments: names.has(`assessments.${format}`),
  };
  if (csv && json) {
    const message = `${dir} holds both CSV and JSON tables; the CSV files are read and the JSON files ignored — remove one pair`;
    log.warning({ file: names.has('companies.json') ? 'companies.json' : 'supplies.json' }, message);
  }
  const other = format === 'csv' ? 'json' : 'csv';
  for (const [present, file, table] of [
    [files.hasCompanies, files.companies, 'companies'],
    [files.hasSupplies, files.supplies, 'supplies'],
  ] as const) {
    if (present) continue;
    const alt = names.has(`${table}.${other}`)
      ? ` (${table}.${other} is there, but both tables must have the same format)`
      : '';
    const pair = `${files.companies} and ${files.supplies}`;
    log.error(
      { file },
      `${file} is missing in ${dir}${alt}; a network folder holds ${pair} (or companies.json and supplies.json)`,
    );
  }
  return files;
}
