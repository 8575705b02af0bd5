/**
 * readNetwork, what it accepts and how it reports at scale: BOM, CRLF, multi-line quoted
 * values, trimming, empty cells, raw values in file order, several errors at once, the
 * cap on listed errors, progress and a file larger than one stream chunk.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/io/read-network.ts';
import { COMPANIES, SUPPLIES, csvFolder, folder, readError, readErrors, withLine } from './helpers.ts';

const crlf = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n`;

describe('readNetwork: errors at scale', () => {
  it('readNetwork collects several errors from both files at once', async () => {
    const companies = [...withLine(COMPANIES, 3, 'b,Beta,DE,,large,7,70,200,'), 'a,Again,,,,,,,'];
    const supplies = [...withLine(SUPPLIES, 2, 'b,a,castings,2,10,none,5'), 'z,a,bolts,,,,'];
    const dir = await csvFolder({ companies, supplies });
    const error = await readError(dir);
    expect(error.message).toBe(`${dir}: 4 errors in the network; nothing was loaded`);
    expect(error.issues.map((i) => [i.file, i.line, i.column, i.field])).toEqual([
      ['companies.csv', 3, 6, 'scs_level'],
      ['companies.csv', 5, 1, 'id'],
      ['supplies.csv', 2, 4, 'share'],
      ['supplies.csv', 5, 1, 'supplier'],
    ]);
  });

  it('readNetwork lists at most 1000 errors and counts the rest', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `x${i},,,,,,,-1,`);
    const error = await readError(await csvFolder({ companies: [...COMPANIES, ...rows] }));
    expect(error.message).toContain('1200 errors in the network');
    expect(error.issues).toHaveLength(1001);
    expect(error.issues[999]).toMatchObject({ line: 1004, column: 8, field: 'revenue' });
    expect(error.issues[1000]).toEqual({
      severity: 'error',
      file: 'companies.csv',
      message: expect.stringContaining('and 200 more errors'),
    });
  });

  it('readNetwork streams a file larger than one chunk and locates an error far down', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i},"Name\r\nline two of ${i}",,,,,,${i},`);
    const companies = [
      'id,name,country,industry,size,scs_level,security_score,revenue,focal',
      ...rows,
      'bad,Bad,,,,,,-5,',
    ];
    const supplies = ['supplier,buyer,commodity', 'c1,c2,bolts'];
    const dir = await folder({ 'companies.csv': crlf(companies), 'supplies.csv': crlf(supplies) });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'companies.csv', line: 6002, column: 8, field: 'revenue', value: '-5' }),
    ]);
  });

  it('readNetwork reports progress while reading', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `c${i}`);
    const seen: number[] = [];
    const bytes: [number, number][] = [];
    const dir = await csvFolder({ companies: ['id', 'a', 'b', 'c', ...rows] });
    await readNetwork(dir, {
      onProgress: (n, read, total) => {
        seen.push(n);
        bytes.push([read, total]);
      },
    });
    expect(seen).toEqual([10_000, 20_000, 25_006]);
    const total = (await stat(join(dir, 'companies.csv'))).size + (await stat(join(dir, 'supplies.csv'))).size;
    expect(bytes.map(([, t]) => t)).toEqual([total, total, total]);
    expect(bytes.at(-1)?.[0]).toBe(total);
    const read = bytes.map(([r]) => r);
    expect(read).toEqual([...read].sort((a, b) => a - b));
  });
});

describe('readNetwork: accepted input', () => {
  it('readNetwork accepts a UTF-8 BOM and CRLF line endings', async () => {
    const dir = await folder({
      'companies.csv': `\uFEFF${crlf(COMPANIES)}`,
      'supplies.csv': `\uFEFF${crlf(SUPPLIES)}`,
    });
    const plain = await readNetwork(await csvFolder());
    const { network, warnings } = await readNetwork(dir);
    expect(warnings).toEqual([]);
    expect(network).toEqual(plain.network);
    expect(network.companies[0]?.id).toBe('a');
  });

  it('readNetwork locates rows after multi-line quoted values and blank lines', async () => {
    const companies = ['id,name', 'a,"Alpha\r\nGroup"', '', 'b,"Beta\nCo"', '', '', 'c,Gamma', 'a,Again'];
    const dir = await folder({ 'companies.csv': crlf(companies), 'supplies.csv': crlf(['supplier,buyer,commodity']) });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      expect.objectContaining({
        line: 10,
        column: 1,
        field: 'id',
        message: expect.stringContaining('first given on line 2'),
      }),
    ]);
  });

  it('readNetwork accepts true and false in any letter case for focal', async () => {
    const companies = [COMPANIES[0] ?? '', 'a,,,,,,,,TRUE', 'b,,,,,,,,False', 'c,,,,,,,, '];
    const { network } = await readNetwork(await csvFolder({ companies }));
    expect(network.companies.map((c) => c.focal)).toEqual([true, false, false]);
  });

  it('readNetwork trims whitespace around values and reads empty cells as not given', async () => {
    const companies = [' id , name ,size,revenue', '  a ,  " Alpha Co "  , sme ,  12.5 ', 'b, ,,'];
    const supplies = ['supplier,buyer,commodity,share', ' a , b , steel , '];
    const { network } = await readNetwork(
      await folder({ 'companies.csv': companies.join('\n'), 'supplies.csv': supplies.join('\n') }),
    );
    expect(network.companies[0]).toMatchObject({ id: 'a', name: 'Alpha Co', size: 'sme', revenue: 12.5 });
    expect(network.companies[1]).toMatchObject({ id: 'b', name: 'b', size: null, revenue: null });
    expect(network.supplies).toEqual([
      { supplier: 'a', buyer: 'b', commodity: 'steel', share: null, spend: null, access: null, bufferDays: null },
    ]);
  });

  it('readNetwork keeps values as given, in file order', async () => {
    const { network } = await readNetwork(
      await csvFolder({ supplies: withLine(SUPPLIES, 3, 'c,a,castings,0.9,20,data,') }),
    );
    expect(network.companies).toEqual([
      {
        id: 'a',
        name: 'Alpha',
        country: 'JP',
        industry: 'castings',
        size: 'sme',
        scsLevel: 3,
        securityScore: null,
        revenue: 100,
        focal: true,
      },
      {
        id: 'b',
        name: 'Beta',
        country: 'DE',
        industry: null,
        size: 'large',
        scsLevel: null,
        securityScore: 70,
        revenue: 200,
        focal: false,
      },
      {
        id: 'c',
        name: 'Gamma',
        country: 'US',
        industry: null,
        size: null,
        scsLevel: null,
        securityScore: null,
        revenue: null,
        focal: false,
      },
    ]);
    expect(network.supplies).toEqual([
      { supplier: 'b', buyer: 'a', commodity: 'castings', share: 0.6, spend: 10, access: 'none', bufferDays: 5 },
      { supplier: 'c', buyer: 'a', commodity: 'castings', share: 0.9, spend: 20, access: 'data', bufferDays: null },
      { supplier: 'c', buyer: 'b', commodity: 'logistics', share: null, spend: null, access: null, bufferDays: null },
    ]);
  });

  it.each([
    ['1e3', 1000],
    ['.5', 0.5],
    ['+2', 2],
    ['7.', 7],
    ['1E-2', 0.01],
  ])('readNetwork reads the plain decimal %s as %d', async (text, value) => {
    const { network } = await readNetwork(
      await csvFolder({ companies: withLine(COMPANIES, 4, `c,Gamma,US,,,,,${text},`) }),
    );
    expect(network.companies[2]?.revenue).toBe(value);
  });
});
