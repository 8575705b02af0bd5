/**
 * readNetwork, row rules: ids and references, the typed cells and the share groups.
 * Each test breaks one rule of the valid fixture network and checks the message and
 * the exact location (file, line, column, field, value).
 */
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/io/read-network.ts';
import { COMPANIES, SUPPLIES, csvFolder, readErrors, withLine } from './helpers.ts';

/** The only error of reading the fixture with `companies` line `n` set to `text`. */
async function companyError(n: number, text: string) {
  const lines = n > COMPANIES.length ? [...COMPANIES, text] : withLine(COMPANIES, n, text);
  const issues = await readErrors(await csvFolder({ companies: lines }));
  expect(issues).toHaveLength(1);
  return issues[0];
}

async function supplyError(n: number, text: string) {
  const lines = n > SUPPLIES.length ? [...SUPPLIES, text] : withLine(SUPPLIES, n, text);
  const issues = await readErrors(await csvFolder({ supplies: lines }));
  expect(issues).toHaveLength(1);
  return issues[0];
}

const at = (file: string, line: number, column: number, field: string, value: string) => ({
  severity: 'error',
  file,
  line,
  column,
  field,
  value,
});

describe('readNetwork: company rows', () => {
  it('readNetwork reports a duplicate company id with the line of the first', async () => {
    const issue = await companyError(5, 'a,Again,,,,,,,');
    expect(issue).toMatchObject(at('companies.csv', 5, 1, 'id', 'a'));
    expect(issue?.message).toBe(
      'duplicate company id "a", first given on line 2; ids must be unique, so rename or remove one',
    );
  });

  it('readNetwork reports an empty company id', async () => {
    const issue = await companyError(5, ' ,Nameless,,,,,,,');
    expect(issue).toMatchObject(at('companies.csv', 5, 1, 'id', ''));
    expect(issue?.message).toContain('id is empty');
  });

  it.each(['2.5', '6', '-1', 'three'])(
    'readNetwork reports an scs_level of %s as not a whole number from 0 to 5',
    async (value) => {
      const issue = await companyError(3, `b,Beta,DE,,large,${value},70,200,`);
      expect(issue).toMatchObject(at('companies.csv', 3, 6, 'scs_level', value));
      expect(issue?.message).toContain(`scs_level must be a whole number from 0 to 5`);
      expect(issue?.message).toContain(`got "${value}"`);
    },
  );

  it.each(['101', '-0.5', 'high'])('readNetwork reports a security_score of %s as outside 0–100', async (value) => {
    const issue = await companyError(3, `b,Beta,DE,,large,,${value},200,`);
    expect(issue).toMatchObject(at('companies.csv', 3, 7, 'security_score', value));
    expect(issue?.message).toContain('security_score must be a number from 0 to 100');
  });

  it.each(['-1', '12abc'])('readNetwork reports a revenue of %s as not a number ≥ 0', async (value) => {
    const issue = await companyError(4, `c,Gamma,US,,,,,${value},`);
    expect(issue).toMatchObject(at('companies.csv', 4, 8, 'revenue', value));
    expect(issue?.message).toContain('revenue must be a number ≥ 0');
  });

  it.each([
    ['jp', 'write it in capitals: JP'],
    ['JPN', 'JPN is the alpha-3 code; write JP'],
    ['Japan', 'write JP for Japan'],
    ['UK', 'UK is reserved, not assigned; write GB for United Kingdom of Great Britain and Northern Ireland'],
    ['United States', 'write one of UM (United States Minor Outlying Islands), US (United States of America)'],
    ['XX', 'leave it empty when the country is unknown'],
  ])(
    'readNetwork warns that a country of %s is not an assigned ISO 3166-1 alpha-2 code, with the code to write, and keeps it',
    async (value, hint) => {
      const { network, warnings } = await readNetwork(
        await csvFolder({ companies: withLine(COMPANIES, 3, `b,Beta,${value},,large,,70,200,`) }),
      );
      expect(warnings).toEqual([
        {
          ...at('companies.csv', 3, 3, 'country', value),
          severity: 'warning',
          message: `country should be an ISO 3166-1 alpha-2 code such as JP, DE or US, got "${value}"; ${hint}`,
        },
      ]);
      expect(network.companies[1]?.country).toBe(value);
    },
  );

  it('readNetwork reports a size other than sme or large', async () => {
    const issue = await companyError(3, 'b,Beta,DE,,medium,,70,200,');
    expect(issue).toMatchObject(at('companies.csv', 3, 5, 'size', 'medium'));
    expect(issue?.message).toBe('size must be sme or large, got "medium"; or leave it empty');
  });

  it('readNetwork reports a focal value other than true or false', async () => {
    const issue = await companyError(2, 'a,Alpha,JP,castings,sme,3,,100,yes');
    expect(issue).toMatchObject(at('companies.csv', 2, 9, 'focal', 'yes'));
    expect(issue?.message).toContain('focal must be true or false');
  });
});

describe('readNetwork: supply rows', () => {
  it('readNetwork reports a supplier that is not a company', async () => {
    const issue = await supplyError(5, 'x,a,bolts,,,,');
    expect(issue).toMatchObject(at('supplies.csv', 5, 1, 'supplier', 'x'));
    expect(issue?.message).toBe('supplier "x" is not a company id of companies.csv; correct the id or add the company');
  });

  it('readNetwork reports a buyer that is not a company', async () => {
    const issue = await supplyError(5, 'a,y,bolts,,,,');
    expect(issue).toMatchObject(at('supplies.csv', 5, 2, 'buyer', 'y'));
    expect(issue?.message).toContain('buyer "y" is not a company id');
  });

  it('readNetwork reports a company supplying itself', async () => {
    const issue = await supplyError(5, 'a,a,bolts,,,,');
    expect(issue).toMatchObject(at('supplies.csv', 5, 2, 'buyer', 'a'));
    expect(issue?.message).toContain('company "a" supplies itself');
  });

  it('readNetwork reports a duplicate supply row with the line of the first', async () => {
    const issue = await supplyError(5, 'c,b,logistics,,5,,');
    expect(issue).toMatchObject(at('supplies.csv', 5, 1, 'supplier', 'c'));
    expect(issue?.message).toBe(
      'duplicate supply "c" → "b" of "logistics", first given on line 4; merge the two rows into one',
    );
  });

  it('readNetwork reports an empty commodity', async () => {
    const issue = await supplyError(5, 'a,b,,,,,');
    expect(issue).toMatchObject(at('supplies.csv', 5, 3, 'commodity', ''));
    expect(issue?.message).toContain('commodity is empty');
  });

  it('readNetwork reports an empty supplier', async () => {
    const issue = await supplyError(5, ',b,bolts,,,,');
    expect(issue).toMatchObject(at('supplies.csv', 5, 1, 'supplier', ''));
    expect(issue?.message).toContain('supplier is empty');
  });

  it.each(['0', '1.01', '-0.2', '40%', 'abc'])('readNetwork reports a share of %s as not in (0, 1]', async (value) => {
    const issue = await supplyError(2, `b,a,castings,${value},10,none,5`);
    expect(issue).toMatchObject(at('supplies.csv', 2, 4, 'share', value));
    expect(issue?.message).toContain('share must be a fraction greater than 0 and at most 1');
  });

  it.each(['12abc', '0x10', 'Infinity', '"1,5"', 'NaN'])(
    'readNetwork reports a spend of %s as not a number',
    async (value) => {
      const issue = await supplyError(4, `c,b,logistics,,${value},,`);
      expect(issue).toMatchObject(at('supplies.csv', 4, 5, 'spend', value.replaceAll('"', '')));
      expect(issue?.message).toContain('spend must be a number ≥ 0');
    },
  );

  it('readNetwork reports a negative buffer_days', async () => {
    const issue = await supplyError(4, 'c,b,logistics,,,,-3');
    expect(issue).toMatchObject(at('supplies.csv', 4, 7, 'buffer_days', '-3'));
    expect(issue?.message).toContain('buffer_days must be a number of days ≥ 0');
  });

  it('readNetwork reports an unknown access value', async () => {
    const issue = await supplyError(2, 'b,a,castings,0.6,10,admin,5');
    expect(issue).toMatchObject(at('supplies.csv', 2, 6, 'access', 'admin'));
    expect(issue?.message).toBe('access must be none, data, network or software, got "admin"; or leave it empty');
  });

  it('readNetwork reports a (buyer, commodity) group mixing given and missing shares', async () => {
    const issue = await supplyError(3, 'c,a,castings,,20,data,');
    expect(issue).toMatchObject(at('supplies.csv', 3, 4, 'share', ''));
    expect(issue?.message).toBe(
      'buyer "a", commodity "castings": share given on line 2 but missing on line 3; ' +
        'give a share on every row of the group or on none (none = equal split)',
    );
  });
});

describe('readNetwork: large share groups', () => {
  it('readNetwork lists a few rows of each side of a mixed group and counts the rest', async () => {
    const companies = ['id', ...Array.from({ length: 9 }, (_, i) => `s${i}`)];
    const rows = Array.from({ length: 8 }, (_, i) => `s${i + 1},s0,bolts,${i === 0 ? '' : '0.1'}`);
    const issues = await readErrors(
      await csvFolder({ companies, supplies: ['supplier,buyer,commodity,share', ...rows] }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        line: 2,
        column: 4,
        field: 'share',
        message: expect.stringContaining('share given on lines 3, 4, 5, 6, 7 and 2 more but missing on line 2'),
      }),
    ]);
  });
});

describe('readNetwork: warnings', () => {
  it('readNetwork warns when given shares do not sum to 1 and still loads', async () => {
    const { network, warnings } = await readNetwork(
      await csvFolder({ supplies: withLine(SUPPLIES, 3, 'c,a,castings,0.3,20,data,') }),
    );
    expect(network.supplies.map((supply) => supply.share)).toEqual([0.6, 0.3, null]);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        file: 'supplies.csv',
        line: 2,
        column: 4,
        field: 'share',
        value: '0.9',
        message: 'buyer "a", commodity "castings": shares sum to 0.9, not 1; they will be scaled to sum to 1',
      },
    ]);
  });

  it('readNetwork does not warn when given shares sum to 1 within 0.01', async () => {
    const { warnings } = await readNetwork(
      await csvFolder({ supplies: withLine(SUPPLIES, 3, 'c,a,castings,0.395,20,data,') }),
    );
    expect(warnings).toEqual([]);
  });
});
