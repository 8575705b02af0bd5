/**
 * readNetwork, file level: missing folder and files, empty files, headers (missing
 * required and unknown columns) and malformed CSV turned into located errors.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/io/read-network.ts';
import { COMPANIES, SUPPLIES, csv, csvFolder, folder, readError, readErrors, withLine } from './helpers.ts';

describe('readNetwork: files and CSV structure', () => {
  it('readNetwork reports a missing folder', async () => {
    const dir = join(await folder({}), 'absent');
    const error = await readError(dir);
    expect(error.message).toContain(`${dir}: no such folder`);
    expect(error.issues).toEqual([expect.objectContaining({ severity: 'error', file: dir })]);
  });

  it('readNetwork reports a missing supplies file, naming the expected files', async () => {
    const dir = await folder({ 'companies.csv': csv(COMPANIES) });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      { severity: 'error', file: 'supplies.csv', message: expect.stringContaining('supplies.csv is missing') },
    ]);
    expect(issues[0]?.message).toContain('companies.csv and supplies.csv');
  });

  it('readNetwork reports a folder without tables, naming both expected files', async () => {
    const dir = await folder({ 'notes.txt': 'hello' });
    const error = await readError(dir);
    expect(error.message).toBe(`${dir}: 2 errors in the network; nothing was loaded`);
    expect(error.issues.map((issue) => issue.file)).toEqual(['companies.csv', 'supplies.csv']);
    expect(error.issues[0]?.message).toContain('companies.csv is missing');
  });

  it('readNetwork reports an empty file that has no header', async () => {
    const dir = await folder({ 'companies.csv': '', 'supplies.csv': csv(SUPPLIES) });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      { severity: 'error', file: 'companies.csv', message: expect.stringContaining('companies.csv is empty') },
    ]);
    expect(issues[0]?.message).toContain('header row');
  });

  it('readNetwork reports a missing required column of companies.csv', async () => {
    const dir = await csvFolder({ companies: withLine(COMPANIES, 1, COMPANIES[0]?.replace('id,', 'ident,') ?? '') });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'companies.csv',
        line: 1,
        field: 'id',
        message: expect.stringContaining('the header has no "id" column'),
      },
    ]);
  });

  it('readNetwork reports a missing required column of supplies.csv', async () => {
    const dir = await csvFolder({
      supplies: withLine(SUPPLIES, 1, 'supplier,buyer,product,share,spend,access,buffer_days'),
    });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.csv',
        line: 1,
        field: 'commodity',
        message: expect.stringContaining('no "commodity" column'),
      },
    ]);
  });

  it('readNetwork reports a column named twice in a header', async () => {
    const dir = await csvFolder({
      supplies: withLine(SUPPLIES, 1, 'supplier,buyer,commodity,share,spend,access,share'),
    });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.csv',
        line: 1,
        column: 7,
        field: 'share',
        value: 'share',
        message: expect.stringContaining('appears twice (columns 4 and 7)'),
      },
    ]);
  });

  it('readNetwork reports a row with the wrong number of fields', async () => {
    const dir = await csvFolder({ companies: withLine(COMPANIES, 3, 'b,Beta,DE,,large,,70,200,,extra') });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'companies.csv',
        line: 3,
        column: 10,
        message: expect.stringContaining('row has 10 fields but the header has 9'),
      },
    ]);
  });

  it('readNetwork reports a row with too few fields at the first missing column', async () => {
    const dir = await csvFolder({ supplies: withLine(SUPPLIES, 4, 'c,b,logistics') });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.csv',
        line: 4,
        column: 4,
        field: 'share',
        message: expect.stringContaining('row has 3 fields but the header has 7'),
      },
    ]);
  });

  it('readNetwork reports a quoted value that is never closed', async () => {
    const dir = await csvFolder({ companies: withLine(COMPANIES, 3, 'b,"Beta,DE,,large,,70,200,') });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'companies.csv',
        line: 3,
        column: 2,
        field: 'name',
        message: expect.stringContaining('never closed'),
      },
    ]);
  });

  it('readNetwork reports a double quote inside an unquoted value', async () => {
    const dir = await csvFolder({ companies: withLine(COMPANIES, 3, 'b,Be"ta,DE,,large,,70,200,') });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'companies.csv',
        line: 3,
        column: 2,
        field: 'name',
        message: expect.stringContaining('inside an unquoted value'),
      },
    ]);
  });

  it('readNetwork reports text after a closing quote', async () => {
    const dir = await csvFolder({ supplies: withLine(SUPPLIES, 3, 'c,a,"castings"x,0.4,20,data,') });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.csv',
        line: 3,
        column: 3,
        field: 'commodity',
        message: expect.stringContaining('write a double quote inside a quoted value as two'),
      },
    ]);
  });

  it('readNetwork reports an unknown column as a warning and still loads', async () => {
    const companies = COMPANIES.map((line, i) => `${line},${i === 0 ? 'Tier' : '1'}`);
    const { network, warnings } = await readNetwork(await csvFolder({ companies }));
    expect(network.companies).toHaveLength(3);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        file: 'companies.csv',
        line: 1,
        column: 10,
        field: 'tier',
        value: 'tier',
        message: expect.stringContaining('unknown column "tier" is ignored'),
      },
    ]);
  });

  it('readNetwork reads CSV and warns when JSON tables are present too', async () => {
    const dir = await folder({
      'companies.csv': csv(COMPANIES),
      'supplies.csv': csv(SUPPLIES),
      'companies.json': '[]',
      'supplies.json': '[]',
    });
    const { network, warnings } = await readNetwork(dir);
    expect(network.companies).toHaveLength(3);
    expect(warnings).toEqual([
      { severity: 'warning', file: 'companies.json', message: expect.stringContaining('the JSON files ignored') },
    ]);
  });
});
