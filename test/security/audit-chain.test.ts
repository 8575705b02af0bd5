/**
 * The audit log's hash chain (issue 13, F5): every line (a row of the workspace
 * database) carries the SHA-256 of the line before it, across restarts of the log, its
 * retention and the import of an earlier workspace's files; `weaklink audit verify`
 * finds an edited, a removed or an inserted line and names where the chain breaks.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, lineHash, verifyAuditRows, verifyAuditText, type AuditEntry } from '../../src/auth/audit-log.ts';
import type { Io } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

const entry = (status: number): AuditEntry => ({
  time: '2026-12-05T10:00:00.000Z',
  token: 'analyst-1',
  role: 'analyst',
  method: 'PATCH',
  path: '/api/companies/c1',
  status,
  change: null,
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  return { code: await main(['node', 'weaklink', ...args], io), out, err };
}

async function fiveLines(): Promise<{ dir: string; log: AuditLog; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'weaklink-audit-'));
  const first = new AuditLog(dir);
  for (const status of [200, 201, 202]) await first.append(entry(status));
  first.workspace.close();
  // A restarted server picks the chain up from the database.
  const second = new AuditLog(dir);
  for (const status of [203, 204]) await second.append(entry(status));
  return { dir, log: second, lines: second.text().trim().split('\n') };
}

describe('the audit hash chain', () => {
  it('links every line to the one before it, across a restart, and verifies', async () => {
    const { dir, lines } = await fiveLines();
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0]!).prev).toBe('');
    for (let i = 1; i < 5; i++) expect(JSON.parse(lines[i]!).prev).toBe(lineHash(lines[i - 1]!));
    expect(verifyAuditText(lines.join('\n') + '\n')).toMatchObject({ lines: 5, broken: null });
    const ok = await run('audit', 'verify', '--workspace', dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/weaklink\.db: 5 lines, the chain holds/);
  });

  it('a restarted log picks the chain up from the end of a long log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weaklink-audit-'));
    const first = new AuditLog(dir);
    for (let i = 0; i < 800; i++) await first.append({ ...entry(200), path: `/api/companies/${'c'.repeat(100)}${i}` });
    const again = new AuditLog(dir);
    await again.append(entry(201));
    expect(verifyAuditText(again.text())).toMatchObject({ lines: 801, broken: null });
    expect(verifyAuditRows(again.workspace)).toEqual({ lines: 801, broken: null });
  });

  it('keeps at most maxBytes × (keep + 1) of lines, dropping the oldest; the lines kept still verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weaklink-audit-'));
    const log = new AuditLog(dir, { maxBytes: 600, keep: 2 });
    for (let i = 0; i < 30; i++) await log.append(entry(200 + i));
    const lines = log.text().trim().split('\n');
    expect(lines.length).toBeLessThan(30);
    expect(lines.reduce((n, l) => n + Buffer.byteLength(l), 0)).toBeLessThanOrEqual(600 * 3);
    expect(JSON.parse(lines.at(-1)!).status).toBe(229);
    const ok = await run('audit', 'verify', '--workspace', dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(new RegExp(`${lines.length} lines, the chain holds`));
    // An edit of an old line kept breaks the chain at the line after it.
    const [second] = log.workspace.db
      .prepare('SELECT seq FROM audit ORDER BY seq LIMIT 1 OFFSET 1')
      .pluck()
      .all() as number[];
    log.workspace.db
      .prepare(`UPDATE audit SET line = replace(line, '"status":', '"status":9') WHERE seq = ?`)
      .run(second!);
    const bad = await run('audit', 'verify', '--workspace', dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(new RegExp(`weaklink\\.db: audit entry ${second! + 1} does not follow entry ${second}`));
  });

  it('names where an edited, removed or inserted line breaks the chain; the CLI exits 1', async () => {
    const { dir, log, lines } = await fiveLines();
    const edited = [...lines];
    edited[2] = edited[2]!.replace('"status":202', '"status":200');
    expect(verifyAuditText(edited.join('\n')).broken).toEqual({
      line: 4,
      why: expect.stringMatching(/line 3 was edited/),
    });
    const removed = lines.filter((_, i) => i !== 1);
    expect(verifyAuditText(removed.join('\n')).broken?.line).toBe(2);
    const inserted = [
      ...lines.slice(0, 3),
      JSON.stringify({ ...entry(200), prev: lineHash(lines[2]!) }),
      ...lines.slice(3),
    ];
    expect(verifyAuditText(inserted.join('\n')).broken?.line).toBe(5);
    expect(verifyAuditText(lines.slice(1).join('\n')).broken).toEqual({
      line: 1,
      why: expect.stringMatching(/removed/),
    });
    log.workspace.db.prepare('UPDATE audit SET line = ? WHERE seq = 3').run(edited[2]!);
    const bad = await run('audit', 'verify', '--workspace', dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/weaklink\.db: audit entry 4 does not follow entry 3/);
    log.workspace.db.prepare('UPDATE audit SET line = ? WHERE seq = 3').run(lines[2]!);
    log.workspace.db.prepare('DELETE FROM audit WHERE seq = 1').run();
    expect(verifyAuditRows(log.workspace).broken).toEqual({
      seq: 2,
      why: expect.stringMatching(/lines before it were removed/),
    });
  });

  it("imports an earlier workspace's audit.log and its rotated files once, oldest first: the chain goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weaklink-audit-'));
    const chained: string[] = [];
    for (let i = 0; i < 6; i++)
      chained.push(
        JSON.stringify({ ...entry(200 + i), prev: i === 0 ? 'cut-by-rotation' : lineHash(chained[i - 1]!) }),
      );
    writeFileSync(join(dir, 'audit.log.2'), chained.slice(0, 2).join('\n') + '\n');
    writeFileSync(join(dir, 'audit.log.1'), chained.slice(2, 4).join('\n') + '\n');
    writeFileSync(join(dir, 'audit.log'), chained.slice(4).join('\n') + '\n');
    const log = new AuditLog(dir);
    await log.append(entry(299));
    expect(log.text().trim().split('\n').slice(0, 6)).toEqual(chained);
    expect(verifyAuditRows(log.workspace)).toEqual({ lines: 7, broken: null });
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('audit'))
        .sort(),
    ).toEqual(['audit.log.1.imported', 'audit.log.2.imported', 'audit.log.imported']);
    expect(readFileSync(join(dir, 'audit.log.imported'), 'utf8')).toBe(chained.slice(4).join('\n') + '\n');
    expect(new AuditLog(dir).text().trim().split('\n')).toHaveLength(7); // imported once
  });
});
