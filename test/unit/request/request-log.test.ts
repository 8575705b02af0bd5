/**
 * RequestLog: letters issued and answers recorded per supplier, in a real workspace
 * database on disk (requested → agreed / declined, with dates and who), kept across
 * reopening.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestLog } from '../../../src/workspace/request-log.ts';

const dirs: string[] = [];
const workspace = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'wl-requests-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('RequestLog', () => {
  it('RequestLog.record refuses an answer without a letter, a second answer, a share without agreement, a bad date', () => {
    const log = new RequestLog(workspace());
    expect(() => log.record({ supplier: 'trim', status: 'agreed', by: 'a' })).toThrow(/No request letter to "trim"/);
    log.record({ supplier: 'trim', status: 'requested', level: 4, on: '2026-12-05', by: 'a' });
    expect(() => log.record({ supplier: 'trim', status: 'declined', share: 5, by: 'a' })).toThrow(
      /share goes with "agreed"/,
    );
    expect(() => log.record({ supplier: 'trim', status: 'agreed', share: -1, by: 'a' })).toThrow(/share must be/);
    expect(() => log.record({ supplier: 'trim', status: 'agreed', on: '2026-13-01', by: 'a' })).toThrow(/YYYY-MM-DD/);
    log.record({ supplier: 'trim', status: 'declined', on: '2026-12-20', by: 'b' });
    expect(() => log.record({ supplier: 'trim', status: 'agreed', by: 'a' })).toThrow(
      /already answered \(declined on 2026-12-20\)/,
    );
    log.close();
  });

  it('RequestLog.list folds each supplier’s events into its state, and the log survives reopening', () => {
    const dir = workspace();
    const log = new RequestLog(dir);
    log.record({ supplier: 'trim', status: 'requested', level: 4, on: '2026-12-05', by: 'procurement' });
    log.record({ supplier: 'springs', status: 'requested', level: 4, on: '2026-12-06', by: 'procurement' });
    log.record({ supplier: 'trim', status: 'agreed', share: 7_000_000, on: '2027-01-10', by: 'legal' });
    log.close();
    const again = new RequestLog(dir);
    expect(again.list()).toEqual([
      {
        supplier: 'springs',
        status: 'requested',
        level: 4,
        requestedOn: '2026-12-06',
        requestedBy: 'procurement',
        decidedOn: null,
        decidedBy: null,
        agreedShare: null,
        letters: 1,
      },
      {
        supplier: 'trim',
        status: 'agreed',
        level: 4,
        requestedOn: '2026-12-05',
        requestedBy: 'procurement',
        decidedOn: '2027-01-10',
        decidedBy: 'legal',
        agreedShare: 7_000_000,
        letters: 1,
      },
    ]);
    again.record({ supplier: 'trim', status: 'requested', level: 4, on: '2027-06-01', by: 'procurement' });
    expect(again.list().find((r) => r.supplier === 'trim')).toMatchObject({
      status: 'requested',
      letters: 2,
      agreedShare: null,
    });
    again.close();
  });
});
