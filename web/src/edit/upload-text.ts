/**
 * The pure parts of the network upload (PUT /api/network, admin): the columns the two
 * CSV files take (README "Data format"), the check that both files are chosen, the
 * failure read from an error answer (status, message and the located `issues` of a 400),
 * and the sentences the dialog shows.
 *
 * @example
 *   loadedSentence({ companies: 188, supplies: 314, warnings: [w] }); // "Loaded 188 companies and 314 supplies (1 warning)"
 */
import { t } from '../i18n.ts';
import type { ApiIssue, NetworkUploadResponse } from '../../../src/contract/api-types.ts';
import { formatNumber } from '../format.ts';

/** The columns of each file: name, whether required, what it holds. */
export const UPLOAD_COLUMNS: Record<'companies' | 'supplies', { name: string; required: boolean; meaning: string }[]> =
  {
    companies: [
      { name: 'id', required: true, meaning: 'unique company id' },
      { name: 'name', required: false, meaning: 'display name (defaults to the id)' },
      { name: 'country', required: false, meaning: 'ISO 3166-1 alpha-2, e.g. JP' },
      { name: 'industry', required: false, meaning: 'free text' },
      { name: 'size', required: false, meaning: 'sme or large' },
      { name: 'scs_level', required: false, meaning: 'integer 0–5 (★ level)' },
      { name: 'security_score', required: false, meaning: '0–100; wins over scs_level' },
      { name: 'revenue', required: false, meaning: 'annual revenue, ≥ 0 (default 1)' },
      { name: 'focal', required: false, meaning: 'true for a company whose supply chain is studied' },
    ],
    supplies: [
      { name: 'supplier', required: true, meaning: 'company id' },
      { name: 'buyer', required: true, meaning: 'company id' },
      { name: 'commodity', required: true, meaning: 'what is supplied, e.g. castings' },
      { name: 'share', required: false, meaning: "fraction in (0, 1] of the buyer's need (all or none of a group)" },
      { name: 'spend', required: false, meaning: 'annual spend, ≥ 0' },
      { name: 'access', required: false, meaning: 'none, data, network or software' },
      { name: 'buffer_days', required: false, meaning: 'days of inventory the buyer holds, ≥ 0 (default 0)' },
    ],
  };

/** Why the upload cannot start: each missing file named. */
export function missingFiles(files: { companies: unknown; supplies: unknown; workbook?: unknown }): string[] {
  const missing: string[] = [];
  if (files.workbook) return missing;
  if (!files.companies) missing.push(t('web.upload.choose', { file: 'companies.csv' }));
  if (!files.supplies) missing.push(t('web.upload.choose', { file: 'supplies.csv' }));
  return missing;
}

/** A file's bytes in base64 (what PUT /api/network takes for CSV bytes and workbooks). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "Loaded 188 companies and 314 supplies (3 warnings)". */
export function loadedSentence(result: Pick<NetworkUploadResponse, 'companies' | 'supplies' | 'warnings'>): string {
  const n = (count: number): { count: number; n: string } => ({ count, n: formatNumber(count) });
  return t('web.upload.loaded', {
    companies: t('web.upload.companies', n(result.companies)),
    supplies: t('web.upload.supplies', n(result.supplies)),
    warnings: t('web.upload.warnings', n(result.warnings.length)),
  });
}

/** A refused upload: the status (null: no answer), the server's message and the located issues. */
export interface UploadFailure {
  status: number | null;
  message: string;
  issues: ApiIssue[];
}

/** What the dialog says of a failure: too large with the limit, a conflict, the errors found, or the server's message. */
export function failureSentence(failure: UploadFailure): string {
  if (failure.status === 413) {
    const bytes = /limit of (\d+) bytes/.exec(failure.message)?.[1];
    if (bytes !== undefined) return t('web.upload.tooLargeLimit', { limit: formatMegabytes(Number(bytes)) });
    return t('web.upload.tooLarge', { message: failure.message });
  }
  if (failure.status === 409) return t('web.upload.conflict');
  const errors = failure.issues.filter((i) => i.severity === 'error').length;
  if (failure.status === 400 && errors > 0)
    return t('web.upload.nothing', { errors: t('web.upload.errors', { count: errors, n: formatNumber(errors) }) });
  return failure.message;
}

/** 20971520 → "20 MB"; 1500000 → "1.4 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** An issue's place as columns: file, line, column, field (empty when not given). */
export function issueCells(issue: ApiIssue): { file: string; line: string; column: string; field: string } {
  return {
    file: issue.sheet === undefined ? issue.file : `${issue.file}: ${issue.sheet}`,
    line: issue.line === undefined ? '' : String(issue.line),
    column: issue.column === undefined ? '' : String(issue.column),
    field: issue.field ?? '',
  };
}
