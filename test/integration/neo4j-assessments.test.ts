/**
 * Assessments over Neo4j through the API (the run's database from neo4j-global-setup.ts):
 * one recorded with POST /api/assessments is stored as an Assessment node of the new
 * generation, and a server restarted on a new Neo4jStore connection lists it and takes the
 * company's level from it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  AssessmentListResponse,
  AssessmentRecordResponse,
  CompanyDetailResponse,
} from '../../src/contract/api-types.ts';
import { createApp } from '../../server/app.ts';
import { Neo4jStore } from '../../src/store/neo4j-store.ts';
import { chain, get, post, quietLogger, serve, testAuth } from '../server/helpers.ts';
import { neo4jTarget, type Neo4jTarget } from './neo4j-target.ts';

const target = neo4jTarget();
beforeEach((ctx) => {
  if (target === null) ctx.skip();
});

describe('assessments on Neo4j through the API', () => {
  it('an assessment recorded through one server is listed by a restarted one', { timeout: 120_000 }, async () => {
    const auth = await testAuth();
    const start = async (): Promise<{ url: string; store: Neo4jStore; close(): Promise<void> }> => {
      const store = await Neo4jStore.connect(target as Neo4jTarget);
      const served = await serve(createApp({ store, auth, logger: quietLogger() }), auth.analyst);
      return {
        url: served.url,
        store,
        close: async () => {
          await served.close();
          await store.close();
        },
      };
    };

    const first = await start();
    let recorded: AssessmentRecordResponse | undefined;
    try {
      await first.store.load(chain);
      const answer = await post<AssessmentRecordResponse>(first.url, '/api/assessments', {
        company: 'foam',
        level: 4,
        method: 'third-party',
        assessedOn: '2026-09-01',
        validUntil: '2029-08-31',
        evidence: '評価書 No. 42',
      });
      expect(answer.status, answer.text).toBe(201);
      recorded = answer.body;
      expect(await first.store.version()).toBe(recorded.version);
      expect((await first.store.read()).assessments).toEqual([
        {
          company: 'foam',
          level: 4,
          method: 'third-party',
          assessedOn: '2026-09-01',
          validUntil: '2029-08-31',
          evidence: '評価書 No. 42',
        },
      ]);
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      const list = await get<AssessmentListResponse>(second.url, '/api/assessments?company=foam&asOf=2027-01-01');
      expect(list.status, list.text).toBe(200);
      expect(list.body.assessments).toEqual([{ ...recorded!.assessment, status: 'valid' }]);
      const foam = await get<CompanyDetailResponse>(second.url, '/api/companies/foam?asOf=2027-01-01');
      expect(foam.body.company.ownLevel).toBe(4);
    } finally {
      await second.close();
    }
  });
});
