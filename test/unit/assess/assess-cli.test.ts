/**
 * `weaklink assess` on a small network and three synthetic official-layout workbooks:
 * exact per-supplier counts, "ready for ★3" only where every ★3 criterion is met, the
 * exact criterion ranking by the risk contribution of the failing suppliers (from the
 * network's own analysis), the catalogue's SHA-256 printed, a mapping CSV, unknown
 * company ids refused with nothing loaded, Japanese output, and the three tables (suppliers,
 * criteria, the criteria × suppliers matrix) as an Excel workbook and as CSV files.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../src/analysis/analyze.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { indexNetwork } from '../../../src/model/index-network.ts';
import { formatYen } from '../../../src/i18n/i18n.ts';
import type { AssessSummary } from '../../../src/assess/summary.ts';
import { runCli } from '../cli/run-cli.ts';
import { CRITERIA, filled, folder, officialWorkbook } from './helpers.ts';

const NETWORK = {
  'companies.csv': [
    'id,name,size,scs_level,revenue,focal',
    'oem,Kirishima Motor,large,4,1000000000000,true',
    'ota,Ota Springs,sme,1,1000000000,',
    'sato,Sato Paint,sme,3,1000000000,',
    'ueda,Ueda Bolts,sme,2,1000000000,',
  ].join('\n'),
  'supplies.csv': ['supplier,buyer,commodity,share', 'ota,oem,springs,1', 'sato,oem,paint,1', 'ueda,oem,bolts,1'].join(
    '\n',
  ),
};

const OTA = { '1-1-1-1': '○', '2-1-1-1': '✖', '4-1-3-2': '✖', '4-2-1-1': '○', '6-1-1-1': '○' };
const SATO = { '1-1-1-1': '○', '2-1-1-1': '◯', '4-1-3-2': '△', '4-2-1-1': '×', '3-1-1-1': '○' };
const UEDA = { '1-1-1-1': '○', '2-1-1-1': '○', '4-1-3-2': '〇', '4-2-1-1': '○', '6-1-1-1': '○' };

async function setup(files: Record<string, Buffer | string> = {}) {
  const dir = await folder({
    ...NETWORK,
    'blank.xlsx': await officialWorkbook(CRITERIA),
    'ota.xlsx': await officialWorkbook(filled(OTA)),
    'sato.xlsx': await officialWorkbook(filled(SATO)),
    'ueda.xlsx': await officialWorkbook(filled(UEDA)),
    ...files,
  });
  const { network } = await readNetwork(dir);
  const a = runAnalysis(indexNetwork(network));
  const risk = (id: string): number => a.risk[a.index.indexOf.get(id)!]!;
  return { dir, risk };
}

describe('weaklink assess', () => {
  it('counts per supplier and ranks the criteria by the risk of the suppliers failing them', async () => {
    const { dir, risk } = await setup();
    expect(risk('ota')).toBeGreaterThan(risk('sato')); // ★1 is hit more often than ★3
    const run = await runCli('assess', dir, '--network', dir, '--catalog', join(dir, 'blank.xlsx'), '--format', 'json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const s = JSON.parse(run.out) as AssessSummary;
    const sha = createHash('sha256')
      .update(await readFile(join(dir, 'blank.xlsx')))
      .digest('hex');
    expect(s.catalog).toEqual({ file: 'blank.xlsx', sha256: sha, criteria: 7 });
    const bySupplier = Object.fromEntries(s.suppliers.map((x) => [x.company, x]));
    expect(bySupplier['ota']).toMatchObject({
      star3: { met: 3, partly: 0, 'not-met': 2, unanswered: 0 },
      readyForStar3: false,
      unmet: ['2-1-1-1', '4-1-3-2'],
    });
    expect(bySupplier['ota']!.star4).toBeUndefined();
    expect(bySupplier['sato']).toMatchObject({
      star3: { met: 2, partly: 1, 'not-met': 1, unanswered: 1 },
      star4: { met: 1, partly: 0, 'not-met': 0, unanswered: 1 },
      readyForStar3: false,
      unmet: ['4-1-3-2', '4-2-1-1'],
    });
    expect(bySupplier['ueda']).toMatchObject({ star3: { met: 5 }, readyForStar3: true, unmet: [] });
    expect(s.criteria.map((c) => [c.id, c.failing, c.suppliers])).toEqual([
      ['4-1-3-2', 2, ['ota', 'sato']],
      ['2-1-1-1', 1, ['ota']],
      ['4-2-1-1', 1, ['sato']],
      ['1-1-1-1', 0, []],
      ['3-1-1-1', 0, []],
      ['5-1-1-1', 0, []],
      ['6-1-1-1', 0, []],
    ]);
    expect(s.criteria[0]!.riskContribution).toBeCloseTo(risk('ota') + risk('sato'), 6);
    expect(s.criteria[2]!.riskContribution).toBeCloseTo(risk('sato'), 6);
  });

  it('prints the ranking, the ready note and the catalogue SHA-256 as text, in Japanese too', async () => {
    const { dir, risk } = await setup();
    const args = ['assess', dir, '--network', dir, '--catalog', join(dir, 'blank.xlsx')];
    const en = await runCli(...args, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain(
      `1. 4-1-3-2 (Cloud services holding confidential data need a second factor.): not met by 2 suppliers carrying ${formatYen(risk('ota') + risk('sato'))} per year of expected loss`,
    );
    expect(en.out).toMatch(/Ueda Bolts \(ueda\), .* — ready for ★3/);
    expect(en.out).toContain('It is not ★3');
    expect(en.out).toMatch(/SHA-256 [0-9a-f]{64}/);
    const ja = await runCli(...args, '--lang', 'ja');
    expect(ja.out).toContain(`1. 4-1-3-2 (Cloud services holding confidential data need a second factor.): 2 社が未達`);
    expect(ja.out).toContain('★3 申請準備完了');
  });

  it('reads workbooks listed in a mapping CSV and writes the three tables to Excel', async () => {
    const { dir } = await setup({
      'map.csv': 'file,company\nota.xlsx,ota\nsato.xlsx,sato\n',
    });
    const out = join(dir, 'out.xlsx');
    const run = await runCli(
      'assess',
      dir,
      '--network',
      dir,
      '--catalog',
      join(dir, 'blank.xlsx'),
      '--map',
      join(dir, 'map.csv'),
      '--format',
      'xlsx',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['assess-suppliers', 'assess-criteria', 'assess-matrix']);
    expect(book.getWorksheet('assess-suppliers')!.rowCount).toBe(3); // header + ota + sato, not ueda
    expect(book.getWorksheet('assess-criteria')!.getRow(2).getCell(2).value).toBe('4-1-3-2');
    // The matrix: criteria in catalogue order, a column per supplier (ota carries more risk than sato).
    const matrix = book.getWorksheet('assess-matrix')!;
    expect(matrix.getRow(1).values).toEqual([
      undefined,
      'criterion',
      'level',
      'category',
      'text',
      'failing suppliers',
      'risk of failing suppliers (¥ per year)',
      'Ota Springs (ota)',
      'Sato Paint (sato)',
    ]);
    const row = (r: number) => [7, 8].map((c) => matrix.getRow(r).getCell(c).value);
    expect([2, 3, 4, 5, 6, 7, 8].map((r) => matrix.getRow(r).getCell(1).value)).toEqual(CRITERIA.map((c) => c.id));
    expect([2, 3, 4, 5, 6, 7, 8].map(row)).toEqual([
      ['○', '○'],
      ['✖', '○'],
      ['✖', '△'],
      ['○', '✖'],
      ['○', null],
      [null, '○'],
      [null, null],
    ]);
  });

  it('writes one CSV per table with a BOM, in Japanese with --lang ja', async () => {
    const { dir } = await setup();
    const out = join(dir, 'csv');
    const run = await runCli(
      'assess',
      dir,
      '--network',
      dir,
      '--catalog',
      join(dir, 'blank.xlsx'),
      '--format',
      'csv',
      '--out',
      out,
      '--lang',
      'ja',
    );
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/SHA-256 [0-9a-f]{64}/);
    const criteria = await readFile(join(out, '自己評価_評価基準.csv'), 'utf8');
    expect(criteria.startsWith('\uFEFF#,評価基準No.,段階,分類,評価基準,')).toBe(true);
    expect(criteria.split('\n')[1]).toMatch(/^1,4-1-3-2,★3,4 攻撃等の防御,/);
    const suppliers = await readFile(join(out, '自己評価_取引先.csv'), 'utf8');
    expect(suppliers).toMatch(/\nueda,Ueda Bolts,ueda\.xlsx,[\d.e+]+,5,0,0,0,,,,,はい,\r?\n/);
    const matrix = (await readFile(join(out, '自己評価_マトリクス.csv'), 'utf8')).split(/\r?\n/);
    expect(matrix[0]).toBe(
      '\uFEFF評価基準No.,段階,分類,評価基準,未達の取引先数,未達取引先のリスク寄与額 (円/年),Ota Springs (ota),Ueda Bolts (ueda),Sato Paint (sato)',
    );
    expect(matrix[3]).toMatch(/^4-1-3-2,★3,4 攻撃等の防御,.*,2,[\d.e+]+,✖,○,△$/);
    expect(matrix[6]).toMatch(/^3-1-1-1,★4,.*,0,0,,,○$/);
  });

  it('refuses unknown company ids and hostile workbooks together, loading nothing', async () => {
    const { dir } = await setup({
      'nobody.xlsx': await officialWorkbook(filled(OTA)),
      'map.csv': 'file,company\nota.xlsx,ota\nsato.xlsx,ghost\n',
      'ueda.xlsx': await officialWorkbook(filled({ ...UEDA, '4-2-1-1': 'OK' })),
    });
    const args = ['assess', dir, '--network', dir, '--catalog', join(dir, 'blank.xlsx')];
    const run = await runCli(...args);
    expect(run.code).not.toBe(0);
    expect(run.out).toBe('');
    expect(run.err).toContain('the self-assessments were refused (2 errors); nothing loaded');
    expect(run.err).toContain('nobody.xlsx: error: company id "nobody" (of nobody.xlsx) is not in the network');
    expect(run.err).toContain('ueda.xlsx:評価基準!O6: error: self-assessment "OK" is not ○ (met)');
    const mapped = await runCli(...args, '--map', join(dir, 'map.csv'));
    expect(mapped.err).toContain('map.csv:3: error: company id "ghost" (of sato.xlsx) is not in the network');
  });
});
