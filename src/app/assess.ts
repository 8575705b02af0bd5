/**
 * The use case of POST /api/assess: official self-assessment workbooks uploaded with the
 * blank workbook that is their catalogue (each as base64), matched to the analysed
 * network's companies, summarised per supplier and per criterion (src/assess/summary.ts).
 * Every problem of every workbook (an unknown company, a refused workbook) is reported
 * together as one InputError; nothing is kept.
 *
 * @example
 *   const summary = await assessUploads(view.analysis, { catalog, workbooks });
 */
import type { Analysis } from '../analysis/analyze.ts';
import { catalogFromBytes } from '../assess/catalog.ts';
import type { AssessLimits } from '../assess/official-sheet.ts';
import { selfAssessmentFromBytes } from '../assess/self-assessment.ts';
import { summariseAssessments, type AssessSummary, type SupplierInput } from '../assess/summary.ts';
import { InputError } from '../errors.ts';
import type { Issue } from '../model/types.ts';

export interface UploadedWorkbook {
  file: string;
  /** The workbook's bytes, base64. */
  content: string;
}

export interface AssessUpload {
  catalog: UploadedWorkbook;
  workbooks: (UploadedWorkbook & { company: string })[];
}

/** Reads the uploads against the catalogue and summarises them; throws InputError listing every problem. */
export async function assessUploads(
  analysis: Analysis,
  upload: AssessUpload,
  limits: AssessLimits = {},
): Promise<AssessSummary> {
  const bytes = (w: UploadedWorkbook): Buffer => Buffer.from(w.content, 'base64');
  const catalog = await catalogFromBytes(bytes(upload.catalog), upload.catalog.file, limits);
  const issues: Issue[] = [];
  const inputs: SupplierInput[] = [];
  const seen = new Set<string>();
  for (const [i, w] of upload.workbooks.entries()) {
    const x = analysis.index.indexOf.get(w.company);
    const where = { severity: 'error' as const, file: w.file, field: `workbooks[${i}].company` };
    if (x === undefined) {
      issues.push({ ...where, message: `company id "${w.company}" is not in the network` });
      continue;
    }
    if (seen.has(w.company)) {
      issues.push({ ...where, message: `a second workbook for ${w.company}; send one workbook per supplier` });
      continue;
    }
    seen.add(w.company);
    try {
      const assessment = await selfAssessmentFromBytes(bytes(w), w.file, catalog, limits);
      const name = analysis.index.network.companies[x]!.name;
      inputs.push({ company: w.company, name, risk: analysis.risk[x]!, assessment });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0)
    throw new InputError(
      `the self-assessments were refused (${issues.length} error${issues.length === 1 ? '' : 's'}); nothing loaded`,
      issues,
    );
  return summariseAssessments(catalog, inputs);
}
