/**
 * A folder of filled self-assessment workbooks, one per supplier, matched to the network's
 * companies: each `.xlsx` is named by its company id (`ota-springs.xlsx`), or a mapping CSV
 * (columns `file,company`) lists the files and their companies. Every workbook is read
 * against the catalogue; every problem of every file (an unknown company id, a file the
 * mapping names that is missing, a refused workbook) is reported together and nothing is
 * loaded. Each supplier's risk contribution comes from the network's analysis.
 *
 * @example
 *   const inputs = await readAssessmentFolder('answers/', catalog, analysis, { mapping: 'map.csv' });
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Analysis } from '../analysis/analyze.ts';
import { InputError } from '../errors.ts';
import type { Issue } from '../model/types.ts';
import type { Catalog } from './catalog.ts';
import type { AssessLimits } from './official-sheet.ts';
import { readSelfAssessment } from './self-assessment.ts';
import type { SupplierInput } from './summary.ts';

export interface FolderOptions extends AssessLimits {
  /** A CSV with the columns file,company; without it each workbook is named by its company id. */
  mapping?: string;
  /** A file of the folder not to read (the catalogue, when it lies there). */
  skip?: string;
}

/** The (file, company) pairs of a mapping CSV; issues name its line. */
async function mappingPairs(path: string, issues: Issue[]): Promise<{ file: string; company: string; line: number }[]> {
  const file = basename(path);
  const records = parse(await readFile(path, 'utf8'), { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const [fileAt, companyAt] = [header.indexOf('file'), header.indexOf('company')];
  if (fileAt < 0 || companyAt < 0) {
    issues.push({ severity: 'error', file, line: 1, message: 'the mapping needs the columns file and company' });
    return [];
  }
  return records.slice(1).map((r, i) => ({ file: r[fileAt] ?? '', company: r[companyAt] ?? '', line: i + 2 }));
}

/** Reads every supplier's workbook; throws InputError listing every problem of every file. */
export async function readAssessmentFolder(
  dir: string,
  catalog: Catalog,
  analysis: Analysis,
  options: FolderOptions = {},
): Promise<SupplierInput[]> {
  const issues: Issue[] = [];
  const { index } = analysis;
  const skip = options.skip === undefined ? undefined : resolve(options.skip);
  const pairs =
    options.mapping !== undefined
      ? await mappingPairs(options.mapping, issues)
      : (await readdir(dir))
          .filter((f) => extname(f).toLowerCase() === '.xlsx' && !f.startsWith('~$') && resolve(dir, f) !== skip)
          .sort()
          .map((f) => ({ file: f, company: basename(f, extname(f)), line: undefined }));
  const mapFile = options.mapping === undefined ? undefined : basename(options.mapping);
  const inputs: SupplierInput[] = [];
  const seen = new Map<string, string>();
  for (const pair of pairs) {
    const where = mapFile === undefined ? { file: pair.file } : { file: mapFile, line: pair.line! };
    const x = index.indexOf.get(pair.company);
    if (x === undefined) {
      issues.push({
        severity: 'error',
        ...where,
        message: `company id "${pair.company}" (of ${pair.file}) is not in the network; name the workbook by its supplier's id${mapFile === undefined ? ' or list it in a mapping CSV (--map)' : ''}`,
      });
      continue;
    }
    const before = seen.get(pair.company);
    if (before !== undefined) {
      issues.push({
        severity: 'error',
        ...where,
        message: `${pair.file} and ${before} are both for ${pair.company}; keep one workbook per supplier`,
      });
      continue;
    }
    seen.set(pair.company, pair.file);
    try {
      const assessment = await readSelfAssessment(join(dir, pair.file), catalog, options);
      inputs.push({
        company: pair.company,
        name: index.network.companies[x]!.name,
        risk: analysis.risk[x]!,
        assessment,
      });
    } catch (error) {
      if (error instanceof InputError) issues.push(...error.issues);
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        issues.push({ severity: 'error', ...where, message: `${pair.file} does not exist in ${dir}` });
      else throw error;
    }
  }
  if (issues.length > 0)
    throw new InputError(
      `${dir}: the self-assessments were refused (${issues.length} error${issues.length === 1 ? '' : 's'}); nothing loaded`,
      issues,
    );
  if (inputs.length === 0) throw new InputError(`${dir} holds no self-assessment workbook (.xlsx)`);
  return inputs;
}
