/**
 * The audit log's hash chain (issue 13, F5): every line carries the SHA-256 of the line
 * before it, across restarts of the log; `weaklink audit verify` finds an edited, a
 * removed or an inserted line and names where the chain breaks.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, lineHash, verifyAuditText, type AuditEntry } from '../../src/auth/audit-log.ts';
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

async function fiveLines(): Promise<{ dir: string; file: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'weaklink-audit-'));
  const file = join(dir, 'audit.log');
  const first = new AuditLog(file);
  for (const status of [200, 201, 202]) await first.append(entry(status));
  // A restarted server picks the chain up from the file.
  const second = new AuditLog(file);
  for (const status of [203, 204]) await second.append(entry(status));
  return { dir, file, lines: readFileSync(file, 'utf8').trim().split('\n') };
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
    expect(ok.out).toMatch(/5 lines, the chain holds/);
  });

  it('a restarted log picks the chain up from the end of a long file (read from its tail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weaklink-audit-'));
    const file = join(dir, 'audit.log');
    const first = new AuditLog(file);
    for (let i = 0; i < 800; i++) await first.append({ ...entry(200), path: `/api/companies/${'c'.repeat(100)}${i}` });
    expect(statSync(file).size).toBeGreaterThan(64 * 1024);
    await new AuditLog(file).append(entry(201));
    expect(verifyAuditText(readFileSync(file, 'utf8'))).toMatchObject({ lines: 801, broken: null });
  });

  it('rotates past the size limit, keeps N files, and the chain goes on across them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weaklink-audit-'));
    const file = join(dir, 'audit.log');
    const log = new AuditLog(file, undefined, { maxBytes: 600, keep: 2 });
    for (let i = 0; i < 30; i++) await log.append(entry(200 + i));
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['audit.log', 'audit.log.1', 'audit.log.2']);
    for (const name of files) expect(statSync(join(dir, name)).size).toBeLessThan(600 + 400);
    const ok = await run('audit', 'verify', '--workspace', dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/lines in 3 files, the chain holds/);
    // An edit in a rotated file breaks the chain, found in that file.
    const rotated = readFileSync(join(dir, 'audit.log.1'), 'utf8').split('\n');
    rotated[0] = rotated[0]!.replace(/"status":\d+/, '"status":999');
    writeFileSync(join(dir, 'audit.log.1'), rotated.join('\n'));
    const bad = await run('audit', 'verify', '--workspace', dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/audit\.log\.1: line 2 does not follow line 1/);
  });

  it('names where an edited, removed or inserted line breaks the chain; the CLI exits 1', async () => {
    const { dir, file, lines } = await fiveLines();
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
    writeFileSync(file, edited.join('\n') + '\n');
    const bad = await run('audit', 'verify', '--workspace', dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/audit\.log: line 4 does not follow line 3/);
  });
});
