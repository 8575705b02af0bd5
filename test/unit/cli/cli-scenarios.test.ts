/**
 * The scenario, risk and plan commands through `main(argv, io)` on small folders:
 * their numbers agree with the engine, their formats parse, bad input exits 1 or 2.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { annualLossModel, annualLossReport, monteCarloAnnualLoss } from '../../../src/analysis/annual-loss.ts';
import { main } from '../../../src/cli/main.ts';
import type { Io } from '../../../src/cli/io.ts';
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
    expect(scenario.companies.map((c: { id: string; stoppedOn: number }) => [c.id, c.stoppedOn])).toEqual([
      ['t1', 0],
      ['t2', 0],
      ['oem', 2],
    ]);
    expect(scenario.totalRevenueAtRisk).toBeCloseTo(5 * 1 + 5 * 1 + 3 * 10, 9);
  });

  it('scenario --what-if shows before and after', async () => {
    const dir = await folder({ ...NET, 'w.json': '[{"op":"raise-level","company":"t2","level":5}]' });
    const r = await run('scenario', dir, '--hit', 't2', '--days', '1', '--what-if', join(dir, 'w.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/What-if: expected annual loss ¥[\d.,]+ → ¥[\d.,]+ per year/);
    expect(r.out).toMatch(/t2/);
  });

  it('risk --format json gives the annual loss report, the same numbers for the same seed, and refuses --exact above 8 companies', async () => {
    const dir = join(VECTORS_DIR, 'small-exact');
    const a = JSON.parse((await run('risk', dir, '--runs', '2000', '--seed', '7', '--format', 'json')).out);
    const b = JSON.parse((await run('risk', dir, '--runs', '2000', '--seed', '7', '--format', 'json')).out);
    expect(a).toEqual(b);
    expect(Object.keys(a).sort()).toEqual([
      'exceedance',
      'expectedAnnualLoss',
      'mean',
      'method',
      'occurrence',
      'quantiles',
      'runs',
      'seed',
      'standardError',
    ]);
    const core = monteCarloAnnualLoss(annualLossModel(runAnalysis(indexNetwork((await readNetwork(dir)).network))), {
      runs: 2000,
      seed: 7,
    });
    expect(a).toEqual(JSON.parse(JSON.stringify(annualLossReport(core))));
    expect(a).toMatchObject({ method: 'monte-carlo', runs: 2000, seed: 7 });
    expect(a.quantiles.p99).toBeGreaterThanOrEqual(a.quantiles.p95);
    expect(a.quantiles.p995).toBeGreaterThanOrEqual(a.quantiles.p99);
    const big = await run('risk', join(VECTORS_DIR, 'medium'), '--exact');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/at most 8 companies.*leave --exact out/);
  });

  it('risk --exact reproduces the small-tree vector and the table states money per year with the assumptions', async () => {
    const dir = join(VECTORS_DIR, 'small-tree');
    const json = await run('risk', dir, '--exact', '--format', 'json');
    expect(json.code, json.err).toBe(0);
    const r = JSON.parse(json.out);
    expect(r).toMatchObject({ method: 'exact', runs: null, seed: null, standardError: null });
    const want = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).annualLoss;
    expect(r.quantiles.p95).toBeCloseTo(want.quantiles.p95, 6);
    expect(r.quantiles.p99).toBeCloseTo(want.quantiles.p99, 6);
    expect(r.mean).toBeCloseTo(want.mean, 9);
    const table = await run('risk', dir, '--exact');
    expect(table.out).toMatch(/Expected annual loss +¥1\.79 per year/);
    expect(table.out).toMatch(/1-in-100-year annual loss +¥55\.89 per year/);
    expect(table.out).toMatch(/1 in 200 years/);
    expect(table.out).toMatch(
      /Assumptions: .*p\(s\) = min\(1, 0\.015 × 0\.975\^s\).*120 days \(5\.0%\).*revenue × 1 \/ 365/,
    );
    const mc = await run('risk', dir, '--runs', '500');
    expect(mc.out).toMatch(/Mean of the runs +¥[\d.,]+ ± ¥[\d.,]+ per year/);
    const csv = await run('risk', dir, '--exact', '--format', 'csv');
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('curve,loss,probability');
    expect(lines.filter((l) => l.startsWith('exceedance,')).length).toBe(r.exceedance.length);
    expect(lines.filter((l) => l.startsWith('occurrence,')).length).toBe(r.occurrence.length);
  });

  it('risk takes the money assumptions as options and names a bad --durations entry', async () => {
    const dir = join(VECTORS_DIR, 'small-tree');
    const base = JSON.parse((await run('risk', dir, '--exact', '--format', 'json')).out);
    const half = JSON.parse((await run('risk', dir, '--exact', '--format', 'json', '--loss-ratio', '0.5')).out);
    expect(half.expectedAnnualLoss).toBeCloseTo(base.expectedAnnualLoss / 2, 9);
    const options = {
      hitBase: 0.05,
      hitDecay: 0.99,
      durations: [
        { days: 3, probability: 0.5 },
        { days: 10, probability: 0.5 },
      ],
    };
    const custom = JSON.parse(
      (
        await run(
          'risk',
          dir,
          '--exact',
          '--format',
          'json',
          '--hit-base',
          '0.05',
          '--hit-decay',
          '0.99',
          '--durations',
          '3:0.5,10:0.5',
        )
      ).out,
    );
    const network = (await readNetwork(dir)).network;
    expect(custom.expectedAnnualLoss).toBe(runAnalysis(indexNetwork(network), options).expectedAnnualLoss);
    const bad = await run('risk', dir, '--durations', '3:0.5,ten:0.5');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--durations entry "ten:0\.5"/);
    const sum = await run('risk', dir, '--durations', '3:0.5,10:0.4');
    expect(sum.code).toBe(2);
    expect(sum.err).toMatch(/sum to 1/);
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
