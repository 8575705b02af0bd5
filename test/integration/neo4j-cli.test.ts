/**
 * The Neo4j commands of the CLI against the run's real Neo4j: `weaklink load`, then
 * `analyze --neo4j` gives exactly the folder's analysis (and the shared vector's
 * answers), `--write-back` leaves the results on the nodes, `export` gives back the
 * rows; connection failures are one line and exit 1.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import neo4j from 'neo4j-driver';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readNetwork } from '../../src/io/read-network.ts';
import type { Io } from '../../src/cli/io.ts';
import { VECTORS_DIR } from '../vectors-dir.ts';
import { neo4jTarget, type Neo4jTarget } from './neo4j-target.ts';

const target = neo4jTarget();
beforeEach((ctx) => {
  if (target === null) ctx.skip();
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  const t = target as Neo4jTarget;
  const saved = { ...process.env };
  process.env.NEO4J_USER = t.user ?? 'neo4j';
  if (t.password !== undefined) process.env.NEO4J_PASSWORD = t.password;
  else delete process.env.NEO4J_PASSWORD;
  try {
    return { code: await main(['node', 'weaklink', ...args], io), out, err };
  } finally {
    process.env = saved;
  }
}

describe('weaklink load / analyze --neo4j / export', () => {
  it('load exits 3 with one line when Neo4j is unreachable', async () => {
    const r = await run('load', join(VECTORS_DIR, 'small-tree'), '--neo4j', 'bolt://127.0.0.1:1');
    expect(r.code).toBe(3);
    expect(
      r.err
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('weaklink:')),
    ).toHaveLength(1);
    expect(r.err).toMatch(/unreachable at bolt:\/\/127\.0\.0\.1:1/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('analyze exits 2 without a folder or a Neo4j', async () => {
    const saved = process.env.NEO4J_URI;
    delete process.env.NEO4J_URI;
    try {
      const r = await run('analyze');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--neo4j/);
    } finally {
      if (saved !== undefined) process.env.NEO4J_URI = saved;
    }
  });

  it('load + analyze --neo4j --write-back + export round-trip a shared vector exactly', async () => {
    const uri = (target as Neo4jTarget).uri;
    const dir = join(VECTORS_DIR, 'medium-cyclic');
    const loaded = await run('load', dir, '--neo4j', uri, '--batch', '50');
    expect(loaded.code, loaded.err).toBe(0);
    expect(loaded.out).toMatch(/loaded .*: 60 companies, 128 supplies/);

    const fromDb = await run('analyze', '--neo4j', uri, '--format', 'json', '--write-back');
    expect(fromDb.code, fromDb.err).toBe(0);
    const fromFolder = await run('analyze', dir, '--format', 'json');
    const db = JSON.parse(fromDb.out);
    const folder = JSON.parse(fromFolder.out);
    for (let i = 0; i < folder.companies.length; i++)
      expect(db.companies[i], folder.companies[i].id).toEqual(folder.companies[i]);
    expect(db.singleSources.length).toBe(folder.singleSources.length);
    for (let i = 0; i < db.singleSources.length; i++) expect(db.singleSources[i]).toEqual(folder.singleSources[i]);
    const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'));
    for (const c of db.companies) expect(c.effectiveScore).toBeCloseTo(expected.companies[c.id].effectiveScore, 9);

    const t = target as Neo4jTarget;
    const driver = neo4j.driver(
      t.uri,
      t.password === undefined ? undefined : neo4j.auth.basic(t.user ?? 'neo4j', t.password),
      { disableLosslessIntegers: true },
    );
    try {
      const { records } = await driver.executeQuery(
        `MATCH (m:WeaklinkMeta {key: 'active'}) MATCH (c:Company {gen: m.gen})
         WHERE c.analysedAt IS NOT NULL RETURN c.id AS id, c.effectiveScore AS eff, c.blastRadiusSize AS blast`,
      );
      expect(records).toHaveLength(60);
      for (const rec of records) {
        const want = expected.companies[rec.get('id') as string];
        expect(rec.get('eff')).toBeCloseTo(want.effectiveScore, 9);
        expect(rec.get('blast')).toBe(want.blastRadius.length);
      }
    } finally {
      await driver.close();
    }

    const out = await mkdtemp(join(tmpdir(), 'weaklink-export-'));
    const exported = await run('export', out, '--neo4j', uri);
    expect(exported.code, exported.err).toBe(0);
    for (const file of ['companies.csv', 'supplies.csv']) {
      // Same records field by field; the export writes every column, numbers in their shortest exact form.
      const records = async (path: string): Promise<Record<string, string>[]> =>
        parse(await readFile(path), { columns: true, bom: true }) as Record<string, string>[];
      const canon = (r: Record<string, string>, columns: string[]): string[] =>
        columns.map((k) =>
          r[k] !== undefined && r[k] !== '' && Number.isFinite(Number(r[k])) ? String(Number(r[k])) : (r[k] ?? ''),
        );
      const original = await records(join(dir, file));
      const back = await records(join(out, file));
      const columns = Object.keys(original[0]!);
      expect(back.map((r) => canon(r, columns))).toEqual(original.map((r) => canon(r, columns)));
      for (const r of back)
        for (const k of Object.keys(r)) if (!columns.includes(k)) expect(r[k], `${file} ${k}`).toBe('');
    }
  });

  it('export writes the assessments back too: the sample (with its assessments.csv) round-trips through Neo4j', async () => {
    const uri = (target as Neo4jTarget).uri;
    const loaded = await run('load', 'data/sample', '--neo4j', uri);
    expect(loaded.code, loaded.err).toBe(0);
    const out = await mkdtemp(join(tmpdir(), 'weaklink-export-'));
    const exported = await run('export', out, '--neo4j', uri);
    expect(exported.code, exported.err).toBe(0);
    const original = (await readNetwork('data/sample')).network;
    expect(original.assessments?.length).toBeGreaterThan(0);
    expect((await readNetwork(out)).network).toEqual(original);
  });
});
