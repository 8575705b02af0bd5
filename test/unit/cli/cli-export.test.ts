/**
 * `weaklink analyze --format xlsx|csv --out`: every section of the report, every row, as
 * a workbook (one sheet per section) or as one UTF-8-with-BOM CSV per section; Japanese
 * names intact, numbers as numbers, and text that a spreadsheet would run as a formula
 * neutralised in both formats. The text report shows every row unless --limit is given.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './run-cli.ts';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../../src/app/sections.ts';

const run = runCli;

async function network(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'weaklink-export-'));
  const companies = ['id,name,size,scs_level,revenue,focal', 'kiri,霧島自動車,large,3,900000,true'];
  const supplies = ['supplier,buyer,commodity'];
  for (let i = 0; i < 15; i++) {
    companies.push(`s${i},${i === 0 ? '"=HYPERLINK(""http://x"")"' : `太田精密${i}`},sme,${i % 3},${1000 + i},`);
    supplies.push(`s${i},kiri,ばね${i}`);
  }
  await writeFile(join(dir, 'companies.csv'), companies.join('\n'));
  await writeFile(join(dir, 'supplies.csv'), supplies.join('\n'));
  return dir;
}

describe('analyze --format xlsx and csv', () => {
  it('writes a workbook with one sheet per section and every row', async () => {
    const dir = await network();
    const out = join(dir, 'report.xlsx');
    const { code, err } = await run('analyze', dir, '--format', 'xlsx', '--out', out);
    expect(code).toBe(0);
    expect(err).toContain(`wrote ${out}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(out)) as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(SECTIONS.map((s) => s.slug));
    const weak = book.getWorksheet('weak-links')!;
    expect(weak.getRow(1).values).toEqual([
      undefined,
      '#',
      'company',
      'own',
      'risk (¥ per year)',
      'loss per hit (¥)',
      'why',
    ]);
    expect(weak.actualRowCount).toBe(17); // the header and all 16 companies, not the top 10
    const names = weak.getColumn(2).values.map(String);
    expect(names.some((n) => n.startsWith('霧島自動車'))).toBe(true);
    expect(names).toContain(`'=HYPERLINK("http://x") (s0)`);
    expect(typeof weak.getCell('D2').value).toBe('number');
  });

  it('writes one UTF-8 CSV with a BOM per section', async () => {
    const dir = await network();
    const out = join(dir, 'csv');
    expect((await run('analyze', dir, '--format', 'csv', '--out', out)).code).toBe(0);
    const text = await readFile(join(out, 'weak-links.csv'), 'utf8');
    expect(text.startsWith('\uFEFF#,company,own,')).toBe(true);
    expect(text).toContain('霧島自動車 (kiri)');
    expect(text).toContain(`"'=HYPERLINK(""http://x"") (s0)"`);
    expect(text.trim().split('\n')).toHaveLength(17);
  });

  it('refuses csv or xlsx without --out, and shows every row in text unless --limit', async () => {
    const dir = await network();
    const refused = await run('analyze', dir, '--format', 'xlsx');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/needs --out/);
    const all = await run('analyze', dir, '--format', 'md');
    expect(all.out).toContain('(s14)');
    const limited = await run('analyze', dir, '--format', 'md', '--limit', '2');
    expect(limited.out).not.toContain('(s14)');
  });
});
