/**
 * `--as-of YYYY-MM-DD` through `main(argv, io)` on a small folder with an assessments
 * table: a bad date exits 2 naming the option; a date after the lapse raises the expected
 * annual loss of `risk` and `analyze` and lowers the lapsed company's own level; scenario
 * and simulate take the option. The old CLI had no --as-of (exit 2 on every call here).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weaklink-asof-'));
  const files = {
    'companies.csv': 'id,size,scs_level,revenue,focal\noem,large,5,3650,true\nt1,sme,3,365,\nt2,sme,4,365,\n',
    'supplies.csv': 'supplier,buyer,commodity,share,buffer_days\nt1,oem,castings,,2\nt2,t1,resin,,0\n',
    'assessments.csv': 'company,level,method,assessed_on,valid_until\nt1,3,expert,2026-05-01,2027-04-30\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const aal = (out: string): number => (JSON.parse(out) as { expectedAnnualLoss: number }).expectedAnnualLoss;

describe('weaklink --as-of', () => {
  it('risk --as-of exits 2 for a date that is not a real ISO date', async () => {
    const r = await runCli('risk', await folder(), '--exact', '--as-of', '2027-02-30');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of must be an ISO date (YYYY-MM-DD)');
  });

  it('risk --as-of after the lapse reports a higher expected annual loss', async () => {
    const dir = await folder();
    const before = await runCli('risk', dir, '--exact', '--format', 'json', '--as-of', '2026-12-05');
    const after = await runCli('risk', dir, '--exact', '--format', 'json', '--as-of', '2027-05-01');
    expect([before.code, after.code]).toEqual([0, 0]);
    expect(aal(after.out)).toBeGreaterThan(aal(before.out));
  });

  it('analyze --as-of gives the lapsed company no level', async () => {
    const dir = await folder();
    const levelOf = async (asOf: string): Promise<unknown> => {
      const r = await runCli('analyze', dir, '--format', 'json', '--as-of', asOf);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as { companies: { id: string; ownLevel?: number; unassessed?: boolean }[] };
      const t1 = report.companies.find((c) => c.id === 't1')!;
      return [t1.ownLevel, t1.unassessed];
    };
    expect(await levelOf('2027-04-30')).toEqual([3, false]);
    expect(await levelOf('2027-05-01')).toEqual([0, true]);
  });

  it('analyze --as-of prints the lapsing list within --lapsing-days, and none without assessments in the window', async () => {
    const dir = await folder();
    const soon = await runCli('analyze', dir, '--as-of', '2027-03-01');
    expect(soon.code).toBe(0);
    expect(soon.out).toContain('Lapsing assessments (1): renew these first');
    expect(soon.out).toMatch(/t1 \(t1\)\s+3\s+2027-04-30\s+¥[\d,.]+\s+oem \(day 2\)/);
    const narrow = await runCli('analyze', dir, '--as-of', '2027-03-01', '--lapsing-days', '30');
    expect(narrow.out).not.toContain('Lapsing assessments');
    const ja = await runCli('analyze', dir, '--as-of', '2027-03-01', '--lang', 'ja');
    expect(ja.out).toContain('期限が近い評価 (1件)');
    expect((await runCli('analyze', dir, '--lapsing-days', '-1')).code).toBe(2);
  });

  it('scenario and simulate take --as-of', async () => {
    const dir = await folder();
    const scenario = await runCli('scenario', dir, '--hit', 't2', '--days', '3', '--as-of', '2027-05-01');
    const simulate = await runCli('simulate', dir, '--hit', 't2', '--as-of', '2027-05-01');
    expect([scenario.code, simulate.code]).toEqual([0, 0]);
    expect((await runCli('simulate', dir, '--hit', 't2', '--as-of', 'soon')).code).toBe(2);
  });
});
