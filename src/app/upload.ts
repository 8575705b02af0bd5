/**
 * Use case "replace the network with an upload": the companies and supplies (and, when
 * given, the assessments) as JSON rows, CSV texts (or their bytes, decoded as files are:
 * UTF-8 or Shift_JIS), or one Excel workbook (its sheet assessments, when it has one), read by the same reader as a network folder (every rule, every located
 * issue), within a row limit checked before and after parsing. The store's load then
 * replaces the network as one transaction; nothing is half-loaded.
 *
 * @example
 *   const { network, warnings } = await parseUpload({ format: 'csv', companies, supplies }, 200_000);
 */
import { parseNetwork, type ReadResult } from '../io/parse-network.ts';
import { readWorkbook } from '../io/xlsx-network.ts';
import { PayloadTooLargeError } from '../errors.ts';
import type { Issue, Network } from '../model/types.ts';
import type { GraphStore, LoadOptions } from '../store/graph-store.ts';
import type { NetworkUploadResponse } from '../contract/api-types.ts';

export interface Upload {
  format: 'json' | 'csv' | 'xlsx';
  /** Rows (JSON) or the CSV text of companies.csv (bytes in base64 with `encoding: 'base64'`). */
  companies?: Record<string, unknown>[] | string | undefined;
  supplies?: Record<string, unknown>[] | string | undefined;
  /** The assessments table, as the other two (absent: the network has none). */
  assessments?: Record<string, unknown>[] | string | undefined;
  /** CSV texts as given (`text`), or their bytes in base64 (`base64`: decoded as a file is, UTF-8 or Shift_JIS). */
  encoding?: 'text' | 'base64' | undefined;
  /** The CSV field separator (default a comma). */
  delimiter?: string | undefined;
  /** The Excel workbook (`format: 'xlsx'`), base64. */
  workbook?: string | undefined;
}

const tooMany = (rows: number, limit: number): PayloadTooLargeError =>
  new PayloadTooLargeError(
    `The network has ${rows} rows (companies and supplies); this server takes at most ${limit} per upload (--max-upload-rows).`,
  );

/**
 * The uploaded network, its warnings and how its texts were decoded; an InputError lists
 * every located issue; too many rows is a PayloadTooLargeError.
 */
export async function parseUpload(upload: Upload, maxRows: number): Promise<ReadResult> {
  if (upload.format === 'xlsx') {
    const parsed = await readWorkbook(Buffer.from(upload.workbook ?? '', 'base64'), 'network.xlsx');
    return checkRows(parsed, maxRows);
  }
  const rowCount = (t: unknown): number => (Array.isArray(t) ? t.length : 0);
  const given = rowCount(upload.companies) + rowCount(upload.supplies);
  if (given > maxRows) throw tooMany(given, maxRows);
  const text = (t: Upload['companies']): string | Buffer =>
    typeof t !== 'string' ? JSON.stringify(t ?? []) : upload.encoding === 'base64' ? Buffer.from(t, 'base64') : t;
  const ext = upload.format;
  const parsed = parseNetwork(
    {
      companies: { name: `companies.${ext}`, text: text(upload.companies) },
      supplies: { name: `supplies.${ext}`, text: text(upload.supplies) },
      ...(upload.assessments === undefined
        ? {}
        : { assessments: { name: `assessments.${ext}`, text: text(upload.assessments) } }),
    },
    ext,
    upload.delimiter,
  );
  return checkRows(parsed, maxRows);
}

function checkRows(parsed: ReadResult, maxRows: number): ReadResult {
  const rows = parsed.network.companies.length + parsed.network.supplies.length;
  if (rows > maxRows) throw tooMany(rows, maxRows);
  return parsed;
}

/** Loads the parsed upload into the store (committed when it resolves; `options` say who and how); the answer of PUT /api/network. */
export async function loadUpload(
  store: Pick<GraphStore, 'load'>,
  parsed: { network: Network; warnings: Issue[]; notes?: string[] | undefined },
  previousVersion: string,
  options: Pick<LoadOptions, 'by' | 'origin'> = {},
): Promise<NetworkUploadResponse> {
  const summary = await store.load(parsed.network, options);
  return {
    version: summary.version,
    previousVersion,
    companies: summary.companies,
    supplies: summary.supplies,
    ...(parsed.network.assessments === undefined ? {} : { assessments: parsed.network.assessments.length }),
    warnings: parsed.warnings,
    ...(parsed.notes === undefined ? {} : { notes: parsed.notes }),
  };
}
