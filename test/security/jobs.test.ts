/**
 * Bounded heavy work (issue 13, F2): the job gate admits at most so many heavy requests
 * (annual loss, plan, executive view, scenarios) per token and in all; one more is refused
 * at once with 429 or 503, Retry-After and what to do — never queued without bound.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BusyError, JobGate } from '../../src/app/jobs.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import { post, serveNetwork } from '../server/helpers.ts';

describe('JobGate', () => {
  it('admits up to perCaller per caller and total in all, refuses the next (429, then 503), and frees on release', () => {
    const gate = new JobGate(2, 3);
    const a1 = gate.admit('a');
    gate.admit('a');
    expect(() => gate.admit('a')).toThrow(BusyError);
    try {
      gate.admit('a');
    } catch (error) {
      expect((error as BusyError).status).toBe(429);
      expect((error as BusyError).message).toMatch(/already has 2 heavy requests running \(at most 2 per token\)/);
    }
    gate.admit('b');
    expect(gate.running).toBe(3);
    let refused: BusyError | undefined;
    try {
      gate.admit('c');
    } catch (error) {
      refused = error as BusyError;
    }
    expect(refused?.status).toBe(503);
    a1();
    a1(); // twice is once
    expect(gate.running).toBe(2);
    expect(() => gate.admit('c')).not.toThrow();
  });
});

describe('heavy routes', () => {
  it('a second concurrent annual-loss request of one token is refused with 429 and Retry-After; later it runs', async () => {
    const network = (await readNetwork(path.resolve('data/sample'))).network;
    const server = await serveNetwork(network, { limits: { jobsPerToken: 1 } });
    try {
      const risk = (seed: number) =>
        post(server.url, '/api/risk', { runs: 100_000, seed }, 'application/json', { token: server.auth.analyst });
      const answers = await Promise.all([risk(1), risk(2)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 429]);
      const refused = answers.find((a) => a.status === 429)!;
      expect(refused.headers.get('retry-after')).toBe('5');
      expect((refused.body as { error: { message: string } }).error.message).toMatch(
        /"analyst-1" already has 1 heavy requests running \(at most 1 per token\)/,
      );
      expect((await risk(3)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
