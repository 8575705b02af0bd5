/**
 * readNetwork on JSON tables: the same rules as CSV, located by JSON path (`[1].id`)
 * instead of line and column; syntax errors located by line and column.
 */
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/io/read-network.ts';
import { csvFolder, folder, readError, readErrors } from './helpers.ts';

const COMPANIES = [
  { id: 'a', name: 'Alpha', country: 'JP', industry: 'castings', size: 'sme', scs_level: 3, revenue: 100, focal: true },
  { id: 'b', name: 'Beta', country: 'DE', size: 'large', security_score: '70', revenue: 200, focal: null },
  { id: 'c', name: 'Gamma', country: 'US' },
];
const SUPPLIES = [
  { supplier: 'b', buyer: 'a', commodity: 'castings', share: 0.6, spend: 10, access: 'none', buffer_days: 5 },
  { supplier: 'c', buyer: 'a', commodity: 'castings', share: 0.4, spend: 20, access: 'data' },
  { supplier: 'c', buyer: 'b', commodity: 'logistics' },
];

function jsonFolder(tables: { companies?: unknown; supplies?: unknown } = {}): Promise<string> {
  return folder({
    'companies.json': JSON.stringify(tables.companies ?? COMPANIES, null, 2),
    'supplies.json': JSON.stringify(tables.supplies ?? SUPPLIES, null, 2),
  });
}

describe('readNetwork: JSON tables', () => {
  it('readNetwork reports invalid JSON with its line and column', async () => {
    const dir = await folder({ 'companies.json': '[\n  {"id": "a",}\n]', 'supplies.json': '[]' });
    const issues = await readErrors(dir);
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'companies.json',
        line: 2,
        column: 14,
        message: expect.stringContaining('companies.json is not valid JSON: unexpected "}"'),
      },
    ]);
  });

  it('readNetwork reports JSON that ends too early', async () => {
    const issues = await readErrors(await folder({ 'companies.json': '[{"id": "a"}', 'supplies.json': '[]' }));
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'companies.json',
        line: 1,
        column: 13,
        message: expect.stringContaining('ends before the JSON is complete'),
      }),
    ]);
  });

  it('readNetwork reports JSON that is not an array', async () => {
    const issues = await readErrors(await jsonFolder({ supplies: { supplier: 'b' } }));
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.json',
        message: expect.stringContaining('must hold a JSON array of objects'),
      },
    ]);
    expect(issues[0]?.message).toContain('got an object');
  });

  it('readNetwork reports an array element that is not an object', async () => {
    const issues = await readErrors(await jsonFolder({ supplies: [...SUPPLIES, ['c', 'a', 'bolts']] }));
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.json',
        field: '[3]',
        message: expect.stringContaining('element [3] must be an object'),
      },
    ]);
  });

  it('readNetwork reports an empty JSON file', async () => {
    const issues = await readErrors(await folder({ 'companies.json': ' \n', 'supplies.json': '[]' }));
    expect(issues).toEqual([
      { severity: 'error', file: 'companies.json', message: expect.stringContaining('companies.json is empty') },
    ]);
  });

  it('readNetwork reports a duplicate company id by JSON path', async () => {
    const issues = await readErrors(await jsonFolder({ companies: [...COMPANIES, { id: 'a' }] }));
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'companies.json',
        field: '[3].id',
        value: 'a',
        message: expect.stringContaining('first given on [0]'),
      },
    ]);
  });

  it('readNetwork reports a share out of range by JSON path, without line or column', async () => {
    const supplies = SUPPLIES.map((s, i) => (i === 1 ? { ...s, share: 1.5 } : s));
    const issues = await readErrors(await jsonFolder({ supplies }));
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.json',
        field: '[1].share',
        value: '1.5',
        message: expect.stringContaining('share must be'),
      },
    ]);
  });

  it('readNetwork reports a JSON group mixing given and missing shares', async () => {
    const supplies = SUPPLIES.map((s, i) => (i === 1 ? { ...s, share: null } : s));
    const issues = await readErrors(await jsonFolder({ supplies }));
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'supplies.json',
        field: '[1].share',
        value: '',
        message: expect.stringContaining('share given on [0] but missing on [1]'),
      },
    ]);
  });

  it('readNetwork reports a cell holding an object', async () => {
    const companies = COMPANIES.map((c, i) => (i === 2 ? { ...c, revenue: { amount: 5 } } : c));
    const issues = await readErrors(await jsonFolder({ companies }));
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'companies.json',
        field: '[2].revenue',
        message: expect.stringContaining('got an object'),
      },
    ]);
  });

  it('readNetwork warns once about an unknown JSON field', async () => {
    const companies = COMPANIES.map((c) => ({ ...c, tier: 1 }));
    const { warnings } = await readNetwork(await jsonFolder({ companies }));
    expect(warnings).toEqual([
      {
        severity: 'warning',
        file: 'companies.json',
        field: '[0].tier',
        value: 'tier',
        message: expect.stringContaining('unknown field "tier"'),
      },
    ]);
  });

  it('readNetwork reads JSON tables into the same network as the CSV ones', async () => {
    const fromJson = await readNetwork(await jsonFolder());
    const fromCsv = await readNetwork(await csvFolder());
    expect(fromJson).toEqual(fromCsv);
  });

  it('readNetwork reads a JSON folder with a BOM', async () => {
    const dir = await folder({
      'companies.json': `\uFEFF${JSON.stringify(COMPANIES)}`,
      'supplies.json': `\uFEFF${JSON.stringify(SUPPLIES)}`,
    });
    expect((await readNetwork(dir)).network.supplies).toHaveLength(3);
  });

  it('readNetwork reports a missing supplies.json', async () => {
    const error = await readError(await folder({ 'companies.json': JSON.stringify(COMPANIES) }));
    expect(error.issues).toEqual([
      { severity: 'error', file: 'supplies.json', message: expect.stringContaining('supplies.json is missing') },
    ]);
  });
});
