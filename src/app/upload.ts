/**
 * Use case "replace the network with an upload": the companies and supplies as JSON rows
 * or CSV texts, read by the same reader as a network folder (every rule, every located
 * issue), within a row limit checked before and after parsing. The store's load then
 * replaces the network as one transaction; nothing is half-loaded.
 *
 * @example
 *   const { network, warnings } = parseUpload({ format: 'csv', companies, supplies }, 200_000);
 */
import { parseNetwork } from '../io/parse-network.ts';
import { PayloadTooLargeError } from '../errors.ts';
import type { Issue, Network } from '../model/types.ts';
import type { GraphStore, LoadOptions } from '../store/graph-store.ts';
import type { NetworkUploadResponse } from '../contract/api-types.ts';

export interface Upload {
  format: 'json' | 'csv';
  /** Rows (JSON) or the CSV text of companies.csv. */
  companies: Record<string, unknown>[] | string;
  supplies: Record<string, unknown>[] | string;
}

const tooMany = (rows: number, limit: number): PayloadTooLargeError =>
  new PayloadTooLargeError(
    `The network has ${rows} rows (companies and supplies); this server takes at most ${limit} per upload (--max-upload-rows).`,
  );

/** The uploaded network and its warnings; an InputError lists every located issue; too many rows is a PayloadTooLargeError. */
export function parseUpload(upload: Upload, maxRows: number): { network: Network; warnings: Issue[] } {
  const rowCount = (t: unknown[] | string): number => (typeof t === 'string' ? 0 : t.length);
  const given = rowCount(upload.companies) + rowCount(upload.supplies);
  if (given > maxRows) throw tooMany(given, maxRows);
  const text = (t: unknown[] | string): string => (typeof t === 'string' ? t : JSON.stringify(t));
  const ext = upload.format;
  const parsed = parseNetwork(
    {
      companies: { name: `companies.${ext}`, text: text(upload.companies) },
      supplies: { name: `supplies.${ext}`, text: text(upload.supplies) },
    },
    ext,
  );
  const rows = parsed.network.companies.length + parsed.network.supplies.length;
  if (rows > maxRows) throw tooMany(rows, maxRows);
  return parsed;
}

/** Loads the parsed upload into the store (committed when it resolves; `options` say who and how); the answer of PUT /api/network. */
export async function loadUpload(
  store: Pick<GraphStore, 'load'>,
  parsed: { network: Network; warnings: Issue[] },
  previousVersion: string,
  options: Pick<LoadOptions, 'by' | 'origin'> = {},
): Promise<NetworkUploadResponse> {
  const summary = await store.load(parsed.network, options);
  return {
    version: summary.version,
    previousVersion,
    companies: summary.companies,
    supplies: summary.supplies,
    warnings: parsed.warnings,
  };
}
