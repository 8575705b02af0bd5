/**
 * The scenario, risk and plan commands through `main(argv, io)` on small folders:
 * their numbers agree with the engine, their formats parse, bad input exits 1 or 2.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { Io } from '../../../src/cli/io.ts';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { costPlan } from '../../../src/analysis/cost-plan.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { VECTORS_DIR } from '../../vectors-dir.ts';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTty: false };
  return { code: await main(['node', 'weaklink', ...args], io), out, err };
}

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weaklink-cli-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const NET = {
  'companies.csv': 'id,size,security_score,revenue,focal\noem,large,90,3650,true\nt1,sme,40,365,\nt2,sme,70,365,\n',
  'supplies.csv': 'supplier,buyer,commodity,share,buffer_days\nt1,oem,castings,,2\nt2,t1,resin,,0\n',
};

describe('weaklink scenario, risk, plan', () => {
  it('scenario exits 2 for a what-if file that names an unknown company', async () => {
    const dir = await folder({ ...NET, 'what-if.json': '[{"op":"raise-level","company":"ghost","level":4}]' });
    const r = await run('scenario', dir, '--hit', 't2', '--days', '3', '--what-if', join(dir, 'what-if.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ghost/);
  });

  it('scenario shows when the focal company stops after its buffer runs out', async () => {
    const r = await run('scenario', await folder(NET), '--hit', 't2', '--days', '5', '--format', 'json');
    expect(r.code).toBe(0);
    const { scenario } = JSON.parse(r.out);
    expect(scenario.focal).toEqual([expect.objectContaining({ id: 'oem', stoppedOn: 2 })]);
    expect(scenario.companies.map((c: { id: string; stoppedOn: number }) => [c.id, c.stoppedOn])).toEqual([['t1', 0], ['t2', 0], ['oem', 2]]);
    expect(scenario.totalRevenueAtRisk).toBeCloseTo(5 * 1 + 5 * 1 + 3 * 10, 9);
  });

  it('scenario --what-if shows before and after', async () => {
    const dir = await folder({ ...NET, 'w.json': '[{"op":"raise-level","company":"t2","level":5}]' });
    const r = await run('scenario', dir, '--hit', 't2', '--days', '1', '--what-if', join(dir, 'w.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/What-if: total risk/);
    expect(r.out).toMatch(/t2/);
  });

  it('risk gives the same numbers for the same seed and refuses --exact above 20 companies', async () => {
    const dir = join(VECTORS_DIR, 'small-exact');
    const a = JSON.parse((await run('risk', dir, '--runs', '2000', '--seed', '7', '--format', 'json')).out);
    const b = JSON.parse((await run('risk', dir, '--runs', '2000', '--seed', '7', '--format', 'json')).out);
    expect(a).toEqual(b);
    expect(a.p99).toBeGreaterThanOrEqual(a.p95);
    const big = await run('risk', join(VECTORS_DIR, 'medium'), '--exact');
    expect(big.code).toBe(2);
  });

  it('plan --format json is costPlan of the analysis, and CSV has one row per supplier', async () => {
    const dir = await folder(NET);
    const r = await run('plan', dir, '--budget', '20000000', '--format', 'json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.out);
    const core = costPlan(runAnalysis(indexNetwork((await readNetwork(dir)).network)), { budget: 20_000_000 });
    expect(plan).toEqual(JSON.parse(JSON.stringify(core)));
    expect(Object.keys(plan).slice(0, 4)).toEqual(['budget', 'avoided', 'optimal', 'upperBound']);
    expect(plan.lifts.length).toBeGreaterThan(0);
    expect(plan.totalCost).toBeLessThanOrEqual(20_000_000);
    const csv = await run('plan', dir, '--budget', '20000000', '--format', 'csv');
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('supplier,name,size,fromLevel,toLevel,cost,avoided,payback,split,unallocated');
    expect(lines).toHaveLength(plan.lifts.length + 1);
  });

  it('plan prints a table with the headline, units and periods, and honours --targets', async () => {
    const dir = await folder(NET);
    const r = await run('plan', dir, '--budget', '20000000');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Cost-sharing plan: budget ¥20,000,000; ¥[\d,]+ spent \(once\) on \d+ suppliers?$/m);
    expect(r.out).toMatch(/per year avoided — optimal/);
    expect(r.out).toMatch(/★\d → ★[345] /);
    expect(r.out).toMatch(/cost \(¥, once\)/);
    expect(r.out).toMatch(/AAL avoided \(¥ per year\)/);
    expect(r.out).toMatch(/× per year/);
    expect(r.out).toMatch(/assumptions: SME ¥300k\/¥1M\/¥3M\/¥10M\/¥25M, large ¥1.5M\/¥5M\/¥15M\/¥50M\/¥125M/);
    const four = JSON.parse((await run('plan', dir, '--budget', '1e9', '--targets', '4', '--format', 'json')).out);
    expect(four.lifts.map((l: { toLevel: number }) => l.toLevel)).toEqual(four.lifts.map(() => 4));
    expect((await run('plan', dir, '--budget', '1e6', '--targets', '2,6')).code).toBe(2);
    expect((await run('plan', dir, '--budget', '-5')).code).toBe(2);
    expect((await run('plan', dir, '--budget', '2e15')).code).toBe(2);
  });

  it('plan exits 1 for a costs file of the wrong shape', async () => {
    const dir = await folder({ ...NET, 'costs.json': '{"sme":[1,2]}' });
    const r = await run('plan', dir, '--budget', '100', '--costs', join(dir, 'costs.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/costs\.json: sme/);
  });
});
