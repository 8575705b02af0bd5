/**
 * "Upload network" (admin): a button opening a dialog with two file inputs
 * (companies.csv, supplies.csv, read as text), the columns they take, and Upload, which
 * replaces the network (PUT /api/network, format csv, on the version the page shows).
 * A loaded upload says "Loaded N companies and M supplies (K warnings)" and calls
 * `onLoaded`; a refused one lists every located issue (file, line, column, field,
 * message); a 413 says the files are too large, with the limit.
 *
 * @example
 *   mountUpload(document.getElementById('upload-slot')!, { api, version: () => summary?.version ?? null, onLoaded });
 */
import { t } from '../i18n.ts';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiIssue, NetworkUploadResponse } from '../../../src/contract/api-types.ts';
import { ApiRequestError, type ApiClient } from '../api-client.ts';
import { ColumnHelp, IssueTable } from './upload-parts.tsx';
import { failureSentence, fileBase64, loadedSentence, missingFiles } from './upload-text.ts';
import './upload.css';

export interface UploadContext {
  /** The page's client: the upload is its PUT /api/network; a refusal's ApiRequestError keeps the located issues. */
  api: Pick<ApiClient, 'uploadNetwork'>;
  /** The network version the page shows (the upload replaces only it); null: replace whatever is current. */
  version(): string | null;
  onLoaded(result: NetworkUploadResponse): void;
}

type UploadBody = Parameters<ApiClient['uploadNetwork']>[0];

type Outcome = { ok: true; text: string; issues: ApiIssue[] } | { ok: false; text: string; issues: ApiIssue[] };

export function NetworkUpload({ ctx }: { ctx: UploadContext }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<{ companies: File | null; supplies: File | null; workbook: File | null }>({
    companies: null,
    supplies: null,
    workbook: null,
  });
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  async function upload(): Promise<void> {
    const problems = missingFiles(files);
    setMissing(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setOutcome(null);
    try {
      const version = ctx.version() ?? undefined;
      const body: UploadBody = files.workbook
        ? { format: 'xlsx', workbook: await fileBase64(files.workbook) }
        : {
            // the bytes, so the server reads them as it reads a file: UTF-8 or Japanese Excel's Shift_JIS
            companies: await fileBase64(files.companies!),
            supplies: await fileBase64(files.supplies!),
            encoding: 'base64',
          };
      const result = await ctx.api.uploadNetwork(version === undefined ? body : { ...body, version });
      const notes = result.notes?.length ? ` ${t('web.upload.notes', { notes: result.notes.join('; ') })}` : '';
      setOutcome({ ok: true, text: loadedSentence(result) + notes, issues: result.warnings });
      ctx.onLoaded(result);
    } catch (error) {
      const failure =
        error instanceof ApiRequestError
          ? { status: error.status, message: error.message, issues: error.issues }
          : { status: null, message: t('web.upload.noAnswer', { error: String(error) }), issues: [] };
      setOutcome({ ok: false, text: failureSentence(failure), issues: failure.issues });
    } finally {
      setBusy(false);
    }
  }

  const chooser = (key: 'companies' | 'supplies' | 'workbook') => (
    <label class="upload-file">
      {key === 'workbook' ? t('web.upload.workbook') : `${key}.csv`}
      <input
        type="file"
        name={key}
        accept={
          key === 'workbook'
            ? '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : '.csv,text/csv,.txt'
        }
        onChange={(e) => setFiles({ ...files, [key]: e.currentTarget.files?.[0] ?? null })}
      />
    </label>
  );

  return (
    <>
      <button type="button" class="upload-open" onClick={() => setOpen(true)}>
        {t('web.upload.open')}
      </button>
      <dialog ref={dialog} class="upload-dialog" aria-labelledby="upload-title" onClose={() => setOpen(false)}>
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void upload();
          }}
        >
          <h2 id="upload-title">{t('web.upload.title')}</h2>
          <p class="muted">{t('web.upload.intro')}</p>
          {chooser('companies')}
          {chooser('supplies')}
          {chooser('workbook')}
          {missing.map((m) => (
            <p key={m} class="field-error">
              {m}
            </p>
          ))}
          <ColumnHelp />
          {outcome && (
            <p class={outcome.ok ? 'upload-outcome loaded' : 'upload-outcome refused'} role="status">
              {outcome.text}
            </p>
          )}
          {outcome && outcome.issues.length > 0 && <IssueTable issues={outcome.issues} />}
          <div class="upload-actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? t('web.upload.uploading') : t('web.upload.upload')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('web.panel.close')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** Draws the "Upload network" button (and its dialog) into `container`. */
export function mountUpload(container: HTMLElement, ctx: UploadContext): void {
  render(<NetworkUpload ctx={ctx} />, container);
}
