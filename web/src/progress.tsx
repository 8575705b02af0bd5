/**
 * The progress bar of heavy requests: while the API client has a risk, plan, executive or
 * scenario request pending (api-client `heavyJobs`), it asks GET /api/jobs/{id} every
 * `pollMs` (default 500 ms) and shows one bar per job — "Annual loss: 3,200 of 10,000
 * runs", "Executive view: 45 %", "Plan: waiting for a worker" — and hides when none is
 * pending. A job the server
 * does not know yet (404: the request has not reached it) shows as waiting.
 *
 * @example
 *   render(<JobProgressBars api={api} />, document.getElementById('job-progress')!);
 */
import { useEffect, useState } from 'preact/hooks';
import type { JobResponse } from '../../src/contract/api-types.ts';
import type { ApiClient, PendingJob } from './api-client.ts';
import './progress.css';
import { t } from './i18n.ts';

export const PROGRESS_DEFAULTS = { pollMs: 500 };

/** What a bar says of a job: its label and how far it is (`fraction` null while it waits). */
export function progressText(
  kind: JobResponse['kind'],
  status: JobResponse | undefined,
): { text: string; fraction: number | null } {
  const label = t(`web.progress.${kind}`);
  if (status === undefined || status.state === 'queued')
    return { text: t('web.progress.waiting', { label }), fraction: null };
  const fraction = status.total > 0 ? Math.min(1, status.done / status.total) : 0;
  if (status.state !== 'running') return { text: t(`web.progress.${status.state}`, { label }), fraction };
  if (kind !== 'risk')
    return { text: t('web.progress.percent', { label, percent: Math.floor(fraction * 100) }), fraction };
  const n = (x: number): string => x.toLocaleString('en');
  return { text: t('web.progress.runs', { label, done: n(status.done), total: n(status.total) }), fraction };
}

function Bar({ job, status }: { job: PendingJob; status: JobResponse | undefined }) {
  const { text, fraction } = progressText(job.kind, status);
  return (
    <div class="job-progress" data-job={job.id}>
      <span class="job-progress-text">{text}</span>
      <div
        class={`job-progress-track${fraction === null ? ' waiting' : ''}`}
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(fraction === null ? {} : { 'aria-valuenow': Math.round(fraction * 100) })}
      >
        <div class="job-progress-fill" style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }} />
      </div>
    </div>
  );
}

export function JobProgressBars({ api, pollMs = PROGRESS_DEFAULTS.pollMs }: { api: ApiClient; pollMs?: number }) {
  const [jobs, setJobs] = useState<PendingJob[]>(api.heavyJobs());
  const [statuses, setStatuses] = useState<Record<string, JobResponse>>({});
  useEffect(() => api.onJobs(() => setJobs(api.heavyJobs())), [api]);
  useEffect(() => {
    if (jobs.length === 0) return;
    let live = true;
    const poll = async (): Promise<void> => {
      const found = await Promise.all(jobs.map((job) => api.job(job.id).catch(() => undefined)));
      if (!live) return;
      setStatuses(Object.fromEntries(found.flatMap((s) => (s ? [[s.id, s]] : []))));
    };
    // The first poll after `pollMs`: by then the request has reached the server, which knows its id.
    const timer = setInterval(() => void poll(), pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, jobs, pollMs]);
  if (jobs.length === 0) return null;
  return (
    <div class="job-progress-list" role="status">
      {jobs.map((job) => (
        <Bar key={job.id} job={job} status={statuses[job.id]} />
      ))}
    </div>
  );
}
