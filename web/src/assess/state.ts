/**
 * The self-assessment view's state as signals: the files chosen (filled workbooks, the
 * blank workbook that is the catalogue, an optional mapping CSV), the last answer of
 * POST /api/assess, the refusal of the last request in full (its message and every
 * located issue: file, sheet and cell), the orders of the heat map. `read` pairs each
 * workbook with its company (heat-map.ts), sends the files as base64 and keeps the body,
 * so `download` asks the same request for the matrix as CSV or Excel.
 *
 * @example
 *   const store = createAssessStore({ api });
 *   store.files.value = { workbooks, catalog, mapping: null };
 *   await store.read();
 *   store.result.value?.criteria[0];
 */
import { signal, type Signal } from '@preact/signals';
import type { ApiIssue, AssessResponse } from '../../../src/contract/api-types.ts';
import { ApiRequestError, type ApiClient, type AssessRequest } from '../api-client.ts';
import { fileBase64 } from '../edit/upload-text.ts';
import { t } from '../i18n.ts';
import { pairWorkbooks, type CriteriaSort, type SupplierSort } from './heat-map.ts';

export interface AssessFiles {
  workbooks: File[];
  catalog: File | null;
  mapping: File | null;
}

/** Why the last reading failed: the sentences to show, and the server's located issues. */
export interface AssessFailure {
  message: string;
  issues: ApiIssue[];
}

export interface AssessStore {
  files: Signal<AssessFiles>;
  result: Signal<AssessResponse | null>;
  failure: Signal<AssessFailure | null>;
  busy: Signal<boolean>;
  criteriaSort: Signal<CriteriaSort>;
  supplierSort: Signal<SupplierSort>;
  /** Reads the chosen files through POST /api/assess; a refusal goes to `failure` (never thrown). */
  read(): Promise<void>;
  /** Forgets the answer (the network changed: its risk figures no longer hold); the files stay chosen. */
  reset(): void;
  /** The matrix of the last reading as a spreadsheet. */
  download(format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename: string }>;
}

export interface AssessStoreDeps {
  api: Pick<ApiClient, 'assess' | 'download'>;
}

export function createAssessStore({ api }: AssessStoreDeps): AssessStore {
  const files = signal<AssessFiles>({ workbooks: [], catalog: null, mapping: null });
  const result = signal<AssessResponse | null>(null);
  const failure = signal<AssessFailure | null>(null);
  const busy = signal(false);
  const criteriaSort = signal<CriteriaSort>('risk');
  const supplierSort = signal<SupplierSort>('risk');
  let sent: AssessRequest | null = null;

  async function body(): Promise<AssessRequest | string[]> {
    const { workbooks, catalog, mapping } = files.value;
    const missing = [
      ...(catalog === null ? [t('web.assess.missingCatalog')] : []),
      ...(workbooks.length === 0 ? [t('web.assess.missingWorkbooks')] : []),
    ];
    if (missing.length > 0 || catalog === null) return missing;
    const paired = pairWorkbooks(
      workbooks.map((w) => w.name),
      mapping === null ? undefined : { file: mapping.name, text: await mapping.text() },
    );
    if (paired.problems.length > 0) return paired.problems;
    const byName = new Map(workbooks.map((w) => [w.name, w]));
    return {
      catalog: { file: catalog.name, content: await fileBase64(catalog) },
      workbooks: await Promise.all(
        paired.pairs.map(async (p) => ({ ...p, content: await fileBase64(byName.get(p.file)!) })),
      ),
    };
  }

  async function read(): Promise<void> {
    busy.value = true;
    failure.value = null;
    try {
      const request = await body();
      if (Array.isArray(request)) {
        failure.value = { message: request.join(' '), issues: [] };
        return;
      }
      sent = null;
      result.value = null;
      const answer = await api.assess(request);
      sent = request;
      result.value = answer;
    } catch (error) {
      failure.value =
        error instanceof ApiRequestError
          ? { message: t('web.assess.refused', { message: error.message }), issues: error.issues }
          : { message: t('web.assess.refused', { message: String(error) }), issues: [] };
    } finally {
      busy.value = false;
    }
  }

  async function download(format: 'csv' | 'xlsx'): Promise<{ blob: Blob; filename: string }> {
    if (sent === null) throw new Error(t('web.assess.missingWorkbooks'));
    return api.download('/api/assess?table=matrix', format, sent);
  }

  function reset(): void {
    sent = null;
    result.value = null;
    failure.value = null;
  }

  return { files, result, failure, busy, criteriaSort, supplierSort, read, reset, download };
}
