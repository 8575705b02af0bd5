/**
 * The workspace database (src/workspace/) on real SQLite files: the schema made from an
 * empty file, a damaged file and one from a newer weaklink refused with what to do, a
 * full database refusing a change whole, one server per workspace, and the memory
 * store's network saved and restored — an upload whole, an edit as its rows, the
 * assessments with it (absent or empty as loaded), a database of schema 4 migrated.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordAssessment } from '../../src/app/assessments.ts';
import { editCompany, editSupplyShare } from '../../src/app/edits.ts';
import { StoreUnavailableError } from '../../src/errors.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { MIGRATIONS } from '../../src/workspace/migrations.ts';
import { Workspace } from '../../src/workspace/workspace.ts';
import { bigNetwork } from './big-network.ts';
import { ASSESSED, FULL, scenarioRecord } from './store-contract.ts';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'weaklink-workspace-'));

describe('Workspace.open', () => {
  it('refuses a file that is not a database, naming it and what to do', () => {
    const dir = fresh();
    writeFileSync(
      join(dir, 'weaklink.db'),
      'this is not a database, but it is long enough to look like a header '.repeat(20),
    );
    const error = (() => {
      try {
        Workspace.open(dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(
      /the workspace database .*weaklink\.db is damaged .*restore it from a copy/,
    );
  });

  it('refuses a database written by a newer weaklink', () => {
    const dir = fresh();
    const db = new Database(join(dir, 'weaklink.db'));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => Workspace.open(dir)).toThrow(
      /written by a newer weaklink \(schema version \d+; this one knows up to \d+\); upgrade/,
    );
  });

  it('makes the schema of an empty file in one go, in WAL mode with synchronous FULL', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'weaklink.db'), '');
    const ws = Workspace.open(dir);
    expect(ws.schemaVersion).toBe(MIGRATIONS.length);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['scenarios', 'networks', 'network_chunks', 'network_edits', 'server']),
    );
    ws.close();
    expect(Workspace.open(dir).schemaVersion).toBe(MIGRATIONS.length); // opening again migrates nothing
  });

  it('claimServer refuses while another live process holds the workspace, and takes over from a dead one', () => {
    const ws = Workspace.open(fresh());
    ws.claimServer(process.ppid);
    ws.recordServerUrl('http://localhost:8080');
    expect(() => ws.claimServer()).toThrow(
      new RegExp(
        `in use by another weaklink server \\(process ${process.ppid}, http://localhost:8080\\); stop that one first`,
      ),
    );
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    ws.releaseServer(process.ppid);
    ws.claimServer(dead);
    ws.claimServer(); // the dead process's claim is taken over
    expect(ws.getMeta('last-server-url')).toBe('http://localhost:8080');
  });
});

describe('the memory store on a workspace', () => {
  it('a full database refuses a scenario save and an upload whole, with StoreUnavailableError, and keeps what it had', async () => {
    const dir = fresh();
    const ws = Workspace.open(dir);
    const pages = ws.db.pragma('page_count', { simple: true }) as number;
    ws.db.pragma(`max_page_count = ${pages + 2}`);
    const store = new MemoryStore({ workspace: ws });
    await store.saveScenario(scenarioRecord('small', ['s1'], 1, '2026-01-01T00:00:00.000Z'));
    const big = scenarioRecord('big', ['s1'], 1, '2026-01-02T00:00:00.000Z', { createdBy: 'x'.repeat(200_000) });
    const error = await store.saveScenario(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(
      /saving the scenario "big" was refused: the disk .* is full .*free the disk/,
    );
    expect((await store.listScenarios()).map((s) => s.name)).toEqual(['small']);
    await expect(store.load(bigNetwork(2_000, 4_000, 'f'))).rejects.toThrow(/saving the network was refused: the disk/);
    expect(await store.version()).toBeNull(); // not acknowledged, not served
  });

  it('restore() serves the last upload with its edits after a restart; a transient load is not saved; dropSavedNetwork forgets it', async () => {
    const dir = fresh();
    const first = new MemoryStore({ workspace: dir });
    expect(await first.restore()).toBeNull();
    await first.load(FULL, { by: 'alice', origin: 'uploaded' });
    const read = await first.read();
    const company = read.companies[1]!;
    await first.load(editCompany(read, company.id, { scsLevel: 5, securityScore: 12.5 }).network, { by: 'bob' });
    const supply = (await first.read()).supplies[0]!;
    const share = supply.share === null ? null : 0.5;
    const edited = editSupplyShare(await first.read(), supply, share).network;
    await first.load(edited, { by: 'bob' });
    const expected = structuredClone(await first.read());
    await first.close();

    const second = new MemoryStore({ workspace: dir });
    const restored = await second.restore();
    expect(restored).toMatchObject({ origin: 'uploaded', by: 'alice', edits: 2, companies: FULL.companies.length });
    expect(restored!.version).toBe(await second.version());
    expect(await second.read()).toEqual(expected);
    expect((await second.read()).companies[1]).toMatchObject({ scsLevel: 5, securityScore: 12.5 });
    await second.load(FULL, { transient: true, origin: 'loaded from data/x' });
    await second.close();

    const third = new MemoryStore({ workspace: dir });
    expect(await third.restore()).toMatchObject({ edits: 2 }); // the transient load saved nothing
    expect(await third.dropSavedNetwork()).toBe(true);
    await third.close();
    expect(await new MemoryStore({ workspace: dir }).restore()).toBeNull();
  });

  it('an edit of a transient network saves the edited network whole, saying where it came from', async () => {
    const dir = fresh();
    const store = new MemoryStore({ workspace: dir });
    await store.load(FULL, { transient: true, origin: 'loaded from data/x' });
    const read = await store.read();
    await store.load(editCompany(read, read.companies[0]!.id, { scsLevel: 1 }).network, { by: 'carol' });
    await store.close();
    const again = new MemoryStore({ workspace: dir });
    expect(await again.restore()).toMatchObject({ origin: 'loaded from data/x and edited', by: 'carol', edits: 0 });
    expect((await again.read()).companies[0]!.scsLevel).toBe(1);
  });

  it('restore() gives back the assessments as loaded — with, empty, absent — and an assessment recorded since as an edit', async () => {
    const dir = fresh();
    const first = new MemoryStore({ workspace: dir });
    await first.load({ ...FULL, assessments: [] }, { by: 'alice' });
    await first.close();
    let again = new MemoryStore({ workspace: dir });
    expect(await again.restore()).toMatchObject({ assessments: 0, edits: 0 });
    expect(await again.read()).toEqual({ ...FULL, assessments: [] });
    await again.load(FULL, { by: 'alice' });
    await again.close();
    again = new MemoryStore({ workspace: dir });
    expect(await again.restore()).toMatchObject({ assessments: null });
    expect('assessments' in (await again.read())).toBe(false);

    // A network without a table gets one from the first assessment recorded, saved as an edit.
    const input = { company: 'a', level: 3, method: 'expert', assessedOn: '2027-01-15', evidence: 'JNSA-001' };
    await again.load(recordAssessment(await again.read(), input).network, { by: 'bob' });
    await again.load(ASSESSED, { by: 'alice' });
    await again.load(recordAssessment(await again.read(), input).network, { by: 'bob' });
    const expected = structuredClone(await again.read());
    await again.close();

    const third = new MemoryStore({ workspace: dir });
    // (A network this small is saved as the rows each load changed: every load here is an edit of the first.)
    expect(await third.restore()).toMatchObject({ by: 'alice', assessments: null, edits: 3 });
    expect(await third.read()).toEqual(expected);
    expect((await third.read()).assessments!.at(-1)).toEqual({
      company: 'a',
      level: 3,
      method: 'expert',
      assessedOn: '2027-01-15',
      validUntil: null,
      evidence: 'JNSA-001',
    });
    await third.close();
  });

  it('a database of schema 4 with a saved network opens, migrates, serves it without assessments, and then saves some', async () => {
    const dir = fresh();
    const old = new Database(join(dir, 'weaklink.db'));
    for (const migration of MIGRATIONS.slice(0, 4)) old.exec(migration.sql);
    old.pragma('user_version = 4');
    old
      .prepare(
        "INSERT INTO networks (id, state, origin, saved_by, saved_at, companies, supplies) VALUES (1, 'current', 'uploaded', 'alice', '2026-11-01T00:00:00.000Z', ?, ?)",
      )
      .run(FULL.companies.length, FULL.supplies.length);
    const chunk = old.prepare('INSERT INTO network_chunks (network, part, seq, rows) VALUES (1, ?, 0, ?)');
    chunk.run('companies', JSON.stringify(FULL.companies));
    chunk.run('supplies', JSON.stringify(FULL.supplies));
    expect(() => chunk.run('assessments', '[]')).toThrow(/CHECK constraint failed/);
    old.close();

    const store = new MemoryStore({ workspace: dir });
    expect(await store.restore()).toMatchObject({ origin: 'uploaded', by: 'alice', assessments: null, edits: 0 });
    expect(await store.read()).toEqual(FULL);
    const input = { company: 'b', level: 1, method: 'self', assessedOn: '2026-12-01' };
    await store.load(recordAssessment(await store.read(), input).network, { by: 'bob' });
    const expected = structuredClone(await store.read());
    await store.close();

    const ws = Workspace.open(dir);
    expect(ws.schemaVersion).toBe(MIGRATIONS.length);
    ws.close();
    const again = new MemoryStore({ workspace: dir });
    expect(await again.restore()).toMatchObject({ edits: 1 });
    expect(await again.read()).toEqual(expected);
    expect(expected.assessments).toHaveLength(1);
    await again.close();
  });
});
