/**
 * The `weaklink` CLI through `main(argv, io)`: exit codes (0 ok, 1 invalid input with
 * the located errors, 2 usage), the report's sections and the JSON document's fields.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { describe, expect, it } from 'vitest';
import { writeOut, type Io } from '../../../src/cli/io.ts';
import { DEFAULTS as LOAD_DEFAULTS } from '../../../src/cli/load.ts';

const run = runCli;

async function folder(companies: string, supplies: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weaklink-cli-'));
  await writeFile(join(dir, 'companies.csv'), companies);
  await writeFile(join(dir, 'supplies.csv'), supplies);
  return dir;
}

const COMPANIES =
  'id,name,scs_level,security_score,revenue,focal\noem,OEM,,90,1000,true\nt1,Tier One,1,,100,\nfab,Fab,,,50,\n';
const SUPPLIES = 'supplier,buyer,commodity,share\nt1,oem,castings,\nfab,t1,chips,\n';

describe('weaklink CLI output', () => {
  it('main draws a progress bar in megabytes while it reads a large folder', async () => {
    const dir = await folder(COMPANIES, SUPPLIES);
    const saved = LOAD_DEFAULTS.progressFromBytes;
    LOAD_DEFAULTS.progressFromBytes = 0;
    try {
      const r = await run('validate', dir);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(new RegExp(`reading ${dir}: 0\\.0 MB/0\\.0 MB \\(100%\\)`));
    } finally {
      LOAD_DEFAULTS.progressFromBytes = saved;
    }
  });

  it('writeOut waits for standard output to drain before writing more', async () => {
    const written: string[] = [];
    const waits: number[] = [];
    const io: Io = {
      out: (s) => written.push(s) % 2 === 0,
      err: () => undefined,
      isTty: false,
      drained: async () => void waits.push(written.length),
    };
    await writeOut(io, ['a', 'b', 'c', 'd']);
    expect(written).toEqual(['a', 'b', 'c', 'd']);
    expect(waits).toEqual([1, 3]);
  });
});

describe('weaklink CLI', () => {
  it('main exits 1 and prints every located error for an invalid folder', async () => {
    const dir = await folder('id,scs_level\na,7\na,1\n', 'supplier,buyer,commodity\na,ghost,x\n');
    const r = await run('analyze', dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/companies\.csv:2:2: error: .*scs_level/);
    expect(r.err).toMatch(/companies\.csv:3:1: error: .*duplicate/i);
    expect(r.err).toMatch(/supplies\.csv:2:2: error: .*ghost/);
  });

  it('main exits 1 for a missing folder', async () => {
    const r = await run('validate', join(tmpdir(), 'no-such-weaklink-folder'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/companies/);
  });

  it('main exits 2 for usage mistakes: bad theta, unknown format, unknown hit id', async () => {
    const dir = await folder(COMPANIES, SUPPLIES);
    expect((await run('analyze', dir, '--theta', '2')).code).toBe(2);
    expect((await run('analyze', dir, '--format', 'xml')).code).toBe(2);
    const r = await run('simulate', dir, '--hit', 'fab,nobody');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown company id "nobody"/);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('analyze prints the report sections with the weak link first', async () => {
    const r = await run('analyze', await folder(COMPANIES, SUPPLIES));
    expect(r.code).toBe(0);
    for (const section of [
      'Weak links',
      'Direct single sources',
      'Hidden critical suppliers',
      'Level gaps',
      'Concentration',
    ]) {
      expect(r.out).toContain(section);
    }
    const firstRow = r.out.split('\n').find((l) => /^1\s/.test(l));
    expect(firstRow).toMatch(/Fab \(fab\).*unassessed.*2 companies stop if it is hit, including focal oem/);
  });

  it('analyze --format json has the documented fields and --out writes the file', async () => {
    const dir = await folder(COMPANIES, SUPPLIES);
    const out = join(dir, 'report.json');
    const r = await run('analyze', dir, '--format', 'json', '--out', out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.theta).toBe(0.5);
    const fab = doc.companies.find((c: { id: string }) => c.id === 'fab');
    expect(fab).toMatchObject({
      tier: 2,
      ownScore: 0,
      ownLevel: 0,
      unassessed: true,
      requiredLevel: 4,
      effectiveScore: 0,
      blastRadius: ['oem', 't1'],
      criticalSuppliers: [],
      exposurePath: ['fab'],
    });
    const oem = doc.companies.find((c: { id: string }) => c.id === 'oem');
    expect(oem).toMatchObject({
      tier: 0,
      requiredLevel: null,
      effectiveScore: 0,
      exposurePath: ['oem', 't1', 'fab'],
      criticalSuppliers: ['fab', 't1'],
    });
    expect(doc.singleSources).toEqual([
      { buyer: 'oem', commodity: 'castings', supplier: 't1', share: 1 },
      { buyer: 't1', commodity: 'chips', supplier: 'fab', share: 1 },
    ]);
    expect(doc.weakLinks[0].id).toBe('fab');
    expect(doc.levelGaps.map((g: { id: string }) => g.id)).toEqual(['fab', 't1']);
    expect(doc.concentration.groups).toHaveLength(2);
    expect(Array.isArray(doc.warnings)).toBe(true);
  });

  it('analyze takes the money assumptions: --hit-base, --loss-ratio, --durations (a bad table is a usage error naming it)', async () => {
    const dir = await folder(COMPANIES, SUPPLIES);
    const base = JSON.parse((await run('analyze', dir, '--format', 'json')).out);
    const doubled = JSON.parse((await run('analyze', dir, '--format', 'json', '--hit-base', '0.03')).out);
    expect(doubled.expectedAnnualLoss / base.expectedAnnualLoss).toBeCloseTo(2, 9);
    const margin = JSON.parse((await run('analyze', dir, '--format', 'json', '--loss-ratio', '0.25')).out);
    expect(margin.expectedAnnualLoss / base.expectedAnnualLoss).toBeCloseTo(0.25, 9);
    const fixed = JSON.parse((await run('analyze', dir, '--format', 'json', '--durations', '10:1')).out);
    expect(fixed.assumptions.durations).toEqual([{ days: 10, probability: 1 }]);
    const bad = await run('analyze', dir, '--durations', '10:0.5');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/durations.*sum to 1/);
    const malformed = await run('analyze', dir, '--durations', 'ten:1');
    expect(malformed.code).not.toBe(0);
    expect(malformed.err).toMatch(/--durations entry "ten:1"/);
  });

  it('analyze --format md prints Markdown tables', async () => {
    const r = await run('analyze', await folder(COMPANIES, SUPPLIES), '--format', 'md');
    expect(r.out).toMatch(/^# weaklink analysis/);
    expect(r.out).toContain('| # | company | own | risk (¥ per year) | loss per hit (¥) | why |');
    expect(r.out).toMatch(/Expected annual loss ¥[\d.,]+ per year/);
  });

  it('simulate lists what stops on which day, the revenue per day of outage and the loss per outage length', async () => {
    const dir = await folder(COMPANIES, 'supplier,buyer,commodity,buffer_days\nt1,oem,castings,\nfab,t1,chips,4\n');
    const r = await run('simulate', dir, '--hit', 'fab', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ hit: ['fab'], disrupted: ['fab', 'oem', 't1'] });
    // t1 holds 4 days of chips: it and the OEM stop on day 4.
    expect(json.companies.map((c: { id: string; stopDay: number }) => [c.id, c.stopDay])).toEqual([
      ['fab', 0],
      ['oem', 4],
      ['t1', 4],
    ]);
    expect(json.revenuePerDay).toBeCloseTo(1150 / 365, 9);
    // A 5-day outage: fab 5 days, t1 and oem 1 day each.
    expect(json.lossByDuration[1]).toEqual({
      days: 5,
      probability: 0.25,
      loss: expect.closeTo((50 * 5 + 1100) / 365, 9),
    });
    const table = await run('simulate', dir, '--hit', 't1');
    expect(table.out).toContain(`¥${(1100 / 365).toFixed(2)} of revenue per day of outage`);
    expect(table.out).toMatch(/per event over the assumed durations/);
  });

  it('validate reports the counts and the warnings', async () => {
    const dir = await folder('id,focal,colour\noem,true,red\nt1,,blue\nfab,,\n', SUPPLIES);
    const r = await run('validate', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid — 3 companies, 2 supplies/);
    expect(r.err).toMatch(/warning.*colour/);
  });
});
