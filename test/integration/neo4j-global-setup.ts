/**
 * Vitest globalSetup: one Neo4j for the whole `vitest run`. With NEO4J_URI set (and
 * NEO4J_USER / NEO4J_PASSWORD when it needs them) the tests use that server; otherwise an
 * embedded Neo4j (scripts/neo4j-process.mjs) starts on a free port with a fresh temp data
 * dir and is stopped and deleted after the run. Tests read it with `neo4jTarget()`. A run
 * whose file filters select no Neo4j test (file name containing "neo4j", e.g.
 * `vitest run test/unit`) starts nothing.
 *
 * Without Java or Maven: under CI this fails the run (a Neo4j test that cannot run is a
 * failure there); elsewhere it prints one loud line and the Neo4j tests report themselves
 * skipped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { missingToolchain, startNeo4j } from '../../scripts/neo4j-process.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bolt URI of the run's Neo4j; absent when it could not be started outside CI. */
    neo4jUri?: string;
    neo4jUser?: string;
    neo4jPassword?: string;
    /** Why there is no Neo4j (set only when neo4jUri is absent). */
    neo4jUnavailable?: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.NEO4J_URI;
  if (external) {
    project.provide('neo4jUri', external);
    project.provide('neo4jUser', process.env.NEO4J_USER ?? 'neo4j');
    if (process.env.NEO4J_PASSWORD) project.provide('neo4jPassword', process.env.NEO4J_PASSWORD);
    return;
  }
  if (!(await runNeedsNeo4j(project))) {
    project.provide('neo4jUnavailable', 'no Neo4j test was selected when the run started');
    return;
  }
  const missing = missingToolchain();
  if (missing) {
    const reason = `cannot start Neo4j: ${missing}`;
    if (process.env.CI)
      throw new Error(`${reason}; CI must run the Neo4j tests (install Java 17 and Maven, or set NEO4J_URI)`);
    console.error(`\n!!!!! NEO4J TESTS WILL BE SKIPPED: ${reason} (install Java 17 + Maven or set NEO4J_URI) !!!!!\n`);
    project.provide('neo4jUnavailable', reason);
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'weaklink-neo4j-'));
  const started = Date.now();
  // With authentication on, as `npm run neo4j` starts it: a random password for this run.
  const password = randomBytes(18).toString('base64url');
  const neo4j = await startNeo4j({ port: 0, dataDir, password }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  console.error(`neo4j: ${neo4j.uri} for this run (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUser', 'neo4j');
  project.provide('neo4jPassword', password);
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** False when the run's file filters select no Neo4j test file (name containing "neo4j"). */
async function runNeedsNeo4j(project: TestProject): Promise<boolean> {
  // The CLI's file filters are internal to vitest 4 (`filenamePattern`); without them, assume yes.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (filters === undefined || filters.length === 0) return true;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((file) => path.basename(file).includes('neo4j'));
}
