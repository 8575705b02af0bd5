// @vitest-environment happy-dom
/**
 * The progress bars of heavy requests (web/src/progress.tsx): the API client sends a job
 * id with each heavy request and lists it while it is pending; the bars poll
 * GET /api/jobs/{id} and say how far each job is, then go away.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobResponse } from '../../src/contract/api-types.ts';
import { createApiClient, newJobId } from '../../web/src/api-client.ts';
import { JobProgressBars, progressText } from '../../web/src/progress.tsx';

afterEach(cleanup);

const status = (over: Partial<JobResponse>): JobResponse => ({
  id: 'x',
  kind: 'risk',
  state: 'running',
  done: 0,
  total: 1,
  startedAt: '2026-12-05T06:00:00.000Z',
  estimate: 1e6,
  ...over,
});

describe('progressText', () => {
  it('progressText says waiting without a status or while queued, runs for risk, a percentage for the others', () => {
    expect(progressText('plan', undefined)).toEqual({ text: 'Plan: waiting for a worker', fraction: null });
    expect(progressText('risk', status({ state: 'queued' })).fraction).toBeNull();
    expect(progressText('risk', status({ done: 3200, total: 10_000 }))).toEqual({
      text: 'Annual loss: 3,200 of 10,000 runs',
      fraction: 0.32,
    });
    expect(progressText('scenario', status({ kind: 'scenario', done: 1, total: 2 })).text).toBe('Scenario: 50 %');
    expect(progressText('executive', status({ state: 'failed', done: 0, total: 1 })).text).toBe(
      'Executive view: failed',
    );
  });
});

describe('newJobId', () => {
  it('newJobId makes version-4 UUIDs, also without crypto.randomUUID', () => {
    expect(newJobId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      expect(newJobId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('JobProgressBars', () => {
  it('shows a bar for a pending risk request from the job status, and none once it is answered', async () => {
    let answer: (value: Response) => void = () => {};
    let sentId = '';
    const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      if (url === '/api/risk') {
        sentId = headers['x-job-id']!;
        return new Promise<Response>((resolve) => (answer = resolve));
      }
      const id = decodeURIComponent(url.replace('/api/jobs/', ''));
      return new Response(JSON.stringify(status({ id, done: 2500, total: 10_000 })), { status: 200 });
    });
    const api = createApiClient({ token: () => 'wl_t', fetch: fetchFn as unknown as typeof fetch });
    const { container } = render(<JobProgressBars api={api} pollMs={20} />);
    expect(container.querySelector('.job-progress')).toBeNull();

    const pending = api.risk({ runs: 10_000 });
    expect(sentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.heavyJobs()).toEqual([{ id: sentId, kind: 'risk' }]);
    await waitFor(() => expect(container.textContent).toContain('Annual loss: 2,500 of 10,000 runs'));
    const bar = container.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect((container.querySelector('.job-progress-fill') as HTMLElement).style.width).toBe('25%');
    expect(fetchFn).toHaveBeenCalledWith(`/api/jobs/${sentId}`, expect.anything());

    answer(new Response(JSON.stringify({}), { status: 200 }));
    await pending;
    expect(api.heavyJobs()).toEqual([]);
    await waitFor(() => expect(container.querySelector('.job-progress')).toBeNull());
  });

  it('shows a job the server does not know yet as waiting', async () => {
    const fetchFn = vi.fn(async (url: string) =>
      url === '/api/plan'
        ? new Promise<Response>(() => {})
        : new Response(JSON.stringify({ error: { code: 'not_found', message: 'no' } }), { status: 404 }),
    );
    const api = createApiClient({ fetch: fetchFn as unknown as typeof fetch });
    const { container } = render(<JobProgressBars api={api} pollMs={20} />);
    void api.plan({ budget: 1 });
    await waitFor(() => expect(container.textContent).toContain('Plan: waiting for a worker'));
    expect(container.querySelector('.job-progress-track.waiting')).not.toBeNull();
  });
});
