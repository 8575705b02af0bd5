/**
 * "CSV" and "Excel" buttons that download a table from the API (`?format=csv|xlsx`: every
 * row, not the page shown) and save it under the name the server gives
 * (`weak-links.xlsx`). CSV is UTF-8 with a BOM, so Excel opens Japanese names correctly.
 *
 * @example
 *   <Downloads what="weak-links" fetch={(format) => api.download('/api/analysis/weak-links', format)} />
 */
import { useState } from 'preact/hooks';
import { t } from './i18n.ts';
import './downloads.css';

export type DownloadFormat = 'csv' | 'xlsx';

export interface DownloadsProps {
  /** What the table is, a key under `web.downloads.what` ("weak-links"), for the buttons' accessible names. */
  what: string;
  fetch(format: DownloadFormat): Promise<{ blob: Blob; filename: string }>;
  /** Saves the file; default an <a download> click (tests pass their own). */
  save?(blob: Blob, filename: string): void;
}

/** Saves `blob` as `filename` through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Downloads({ what, fetch, save = saveBlob }: DownloadsProps) {
  const [busy, setBusy] = useState<DownloadFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const get = async (format: DownloadFormat): Promise<void> => {
    setBusy(format);
    setError(null);
    try {
      const { blob, filename } = await fetch(format);
      save(blob, filename);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <span class="downloads">
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          class="download"
          disabled={busy !== null}
          aria-label={t('web.downloads.aria', {
            what: t(`web.downloads.what.${what}`),
            format: t(format === 'csv' ? 'web.downloads.csv' : 'web.downloads.excel'),
          })}
          data-format={format}
          onClick={() => void get(format)}
        >
          {busy === format ? '…' : t(format === 'csv' ? 'web.downloads.csv' : 'web.downloads.excel')}
        </button>
      ))}
      {error && (
        <span class="download-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
