/**
 * Heavy jobs through the API (issue 13, F2): a job beyond the caller's budget is refused
 * before it starts (429, saying what to lower and to what); every heavy request has a job
 * id (`X-Job-Id`, the client's UUID or the server's) whose progress its caller — and only
 * its caller — reads at GET /api/jobs/{id}; a job whose client went away is cancelled and
 * its worker freed; a job past its deadline answers 503 naming it; a full queue 503 with
 * Retry-After.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JobResponse } from '../../src/contract/api-types.ts';
import { AnalysisPool } from '../../src/analysis-runtime/analysis-pool.ts';
import { bigNetwork } from '../integration/big-network.ts';
import { get, post, serveNetwork } from './helpers.ts';

const json = 'application/json';
/** 100,000 runs on it take seconds. */
const large = bigNetwork(20_000, 60_000, 'j');
const until = async (what: string, check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`jobs.test: ${what} did not happen within 30 s`);
};

describe('job budgets', () => {
  it('POST /api/risk beyond a viewer budget is a 429 saying how many runs fit; an analyst may run it', async () => {
    const server = await serveNetwork(undefined, { limits: { budgetViewer: 5_000, budgetAnalyst: 1e9 } });
    try {
      const ask = (token: string) => post(server.url, '/api/risk', { runs: 10_000 }, json, { token });
      const refused = await ask(server.auth.viewer);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeNull();
      expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
      const companies = (await get<{ companies: number }>(server.url, '/api/summary')).body.companies;
      expect((refused.body as { error: { message: string } }).error.message).toMatch(
        new RegExp(
          `risk job would cost .* \\(10,000 runs × ${companies} companies\\); a viewer may start jobs of at most 5\\.0×10\\^3: ask for at most ${Math.floor(5000 / companies).toLocaleString('en')} runs`,
        ),
      );
      expect((await ask(server.auth.analyst)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('POST /api/scenario beyond the budget names the days that fit', async () => {
    const server = await serveNetwork(undefined, { limits: { budgetViewer: 1_000 } });
    try {
      const refused = await post(server.url, '/api/scenario', { hit: ['logi'], days: 3650 }, json, {
        token: server.auth.viewer,
      });
      expect(refused.status).toBe(429);
      expect((refused.body as { error: { message: string } }).error.message).toMatch(
        /scenario job would cost .*3,650 days and 0 what-ifs.*ask for at most \d+ days/,
      );
    } finally {
      await server.close();
    }
  });
});

describe('job ids and GET /api/jobs/{id}', () => {
  it('a heavy request answers its job id; its caller reads it done with its estimate, another caller gets 404', async () => {
    const server = await serveNetwork();
    try {
      const mine = randomUUID();
      const risk = await post(server.url, '/api/risk', { runs: 2_000 }, json, { headers: { 'x-job-id': mine } });
      expect(risk.status).toBe(200);
      expect(risk.headers.get('x-job-id')).toBe(mine);
      const status = await get<JobResponse>(server.url, `/api/jobs/${mine}`);
      expect(status.body).toMatchObject({ id: mine, kind: 'risk', state: 'done', done: 2_000, total: 2_000 });
      expect(status.body.estimate).toBeGreaterThan(0);
      expect(status.body.startedAt).not.toBeNull();
      expect((await get(server.url, `/api/jobs/${mine}`, { token: server.auth.viewer })).status).toBe(404);
      expect((await get(server.url, `/api/jobs/${randomUUID()}`)).status).toBe(404);
      const made = (await post(server.url, '/api/plan', { budget: 1e6 })).headers.get('x-job-id')!;
      expect(made).toMatch(/^[0-9a-f-]{36}$/);
      expect((await get<JobResponse>(server.url, `/api/jobs/${made}`)).body).toMatchObject({
        kind: 'plan',
        state: 'done',
      });
    } finally {
      await server.close();
    }
  });

  it('X-Job-Id must be a UUID, and one not used before', async () => {
    const server = await serveNetwork();
    try {
      const bad = await post(server.url, '/api/risk', { runs: 10 }, json, { headers: { 'x-job-id': 'mine' } });
      expect(bad.status).toBe(400);
      expect((bad.body as { error: { message: string } }).error.message).toMatch(/X-Job-Id must be a UUID/);
      const id = randomUUID();
      expect((await post(server.url, '/api/risk', { runs: 10 }, json, { headers: { 'x-job-id': id } })).status).toBe(
        200,
      );
      expect((await post(server.url, '/api/risk', { runs: 11 }, json, { headers: { 'x-job-id': id } })).status).toBe(
        409,
      );
    } finally {
      await server.close();
    }
  });

  it('a heavy request refused by the per-token limit leaves its job failed, not queued', async () => {
    const pool = new AnalysisPool({ workers: 1 });
    const server = await serveNetwork(large, { pool, limits: { jobsPerToken: 1, budgetAdmin: 1e12 } });
    const client = new AbortController();
    try {
      const running = fetch(`${server.url}/api/risk`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.auth.admin}`, 'content-type': json },
        body: JSON.stringify({ runs: 100_000, seed: 8 }),
        signal: client.signal,
      }).catch(() => null);
      await until('the first job in the pool', async () => pool.inFlight === 1);
      const id = randomUUID();
      const refused = await post(server.url, '/api/plan', { budget: 1e6 }, json, { headers: { 'x-job-id': id } });
      expect(refused.status).toBe(429);
      expect((await get<JobResponse>(server.url, `/api/jobs/${id}`)).body).toMatchObject({
        kind: 'plan',
        state: 'failed',
      });
      client.abort();
      await running;
    } finally {
      await server.close();
      await pool.destroy();
    }
  }, 60_000);

  it('a pending risk request shows its runs done while it runs; closing it cancels the job and frees its worker', async () => {
    const pool = new AnalysisPool({ workers: 1 });
    const server = await serveNetwork(large, { pool, limits: { budgetAdmin: 1e12 } });
    try {
      const id = randomUUID();
      const client = new AbortController();
      const pending = fetch(`${server.url}/api/risk`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.auth.admin}`, 'content-type': json, 'x-job-id': id },
        body: JSON.stringify({ runs: 100_000, seed: 5 }),
        signal: client.signal,
      }).catch((error: Error) => error.name);
      await until('progress', async () => {
        const { body } = await get<JobResponse>(server.url, `/api/jobs/${id}`);
        return body.state === 'running' && body.done > 0 && body.total === 100_000;
      });
      expect(pool.inFlight).toBe(1);
      client.abort();
      expect(await pending).toBe('AbortError');
      await until('the cancellation', async () => pool.inFlight === 0);
      expect((await get<JobResponse>(server.url, `/api/jobs/${id}`)).body.state).toBe('cancelled');
      expect((await post(server.url, '/api/risk', { runs: 100, seed: 5 })).status).toBe(200);
    } finally {
      await server.close();
      await pool.destroy();
    }
  }, 60_000);
});

describe('deadline and queue', () => {
  it('a job past its deadline answers 503 naming the deadline and what to lower', async () => {
    const server = await serveNetwork(large, { limits: { jobDeadlineSeconds: 1, jobWorkers: 1, budgetAdmin: 1e12 } });
    try {
      const late = await post(server.url, '/api/risk', { runs: 100_000, seed: 6 });
      expect(late.status).toBe(503);
      expect((late.body as { error: { message: string } }).error.message).toMatch(
        /the risk job passed its deadline of 1 s \(--job-deadline\) and was stopped; ask for less \(fewer runs\)/,
      );
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a job beyond the queue answers 503 with Retry-After at once', async () => {
    const pool = new AnalysisPool({ workers: 1, queue: 1 });
    const server = await serveNetwork(large, { pool, limits: { budgetAdmin: 1e12, budgetAnalyst: 1e12 } });
    const client = new AbortController();
    try {
      const long = (token: string, seed: number) =>
        fetch(`${server.url}/api/risk`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': json },
          body: JSON.stringify({ runs: 100_000, seed }),
          signal: client.signal,
        }).catch(() => null);
      const running = [long(server.auth.admin, 1), long(server.auth.analyst, 2)];
      await until('two jobs in the pool', async () => pool.inFlight === 2);
      const refused = await post(server.url, '/api/plan', { budget: 1e6 }, json, { token: server.auth.viewer });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect((refused.body as { error: { message: string } }).error.message).toMatch(
        /heavy-job queue is full \(1 waiting for 1 workers, --job-queue\)/,
      );
      client.abort();
      await Promise.all(running);
    } finally {
      await server.close();
      await pool.destroy();
    }
  }, 60_000);
});
