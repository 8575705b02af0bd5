/**
 * parseNetwork: the in-memory path runs the same checks as readNetwork and gives the
 * same result; text and Buffer input, CSV and JSON.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { parseNetwork } from '../../../src/io/parse-network.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { COMPANIES, SUPPLIES, csv, csvFolder } from './helpers.ts';

const tables = (companies: string | Buffer, supplies: string | Buffer = csv(SUPPLIES)) => ({
  companies: { name: 'companies.csv', text: companies },
  supplies: { name: 'supplies.csv', text: supplies },
});

function parseError(input: ReturnType<typeof tables>, format: 'csv' | 'json' = 'csv'): InputError {
  try {
    parseNetwork(input, format);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseNetwork', () => {
  it('parseNetwork reports a duplicate company id with its location', () => {
    const error = parseError(tables(csv([...COMPANIES, 'b,Again,,,,,,,'])));
    expect(error.message).toBe('companies.csv, supplies.csv: 1 error in the network; nothing was loaded');
    expect(error.issues).toEqual([
      {
        severity: 'error',
        file: 'companies.csv',
        line: 5,
        column: 1,
        field: 'id',
        value: 'b',
        message: expect.stringContaining('first given on line 3'),
      },
    ]);
  });

  it('parseNetwork reports a quoted value that is never closed', () => {
    const error = parseError(tables(csv([...COMPANIES, 'd,"Delta'])));
    expect(error.issues).toEqual([
      expect.objectContaining({ file: 'companies.csv', line: 5, column: 2, field: 'name' }),
    ]);
  });

  it('parseNetwork reports errors of JSON text by JSON path', () => {
    const input = {
      companies: { name: 'companies.json', text: '[{"id": "a"}, {"id": "b", "scs_level": 9}]' },
      supplies: {
        name: 'supplies.json',
        text: '[{"supplier": "a", "buyer": "b", "commodity": "steel", "access": "root"}]',
      },
    };
    const error = parseError(input, 'json');
    expect(error.issues.map((i) => [i.file, i.field, i.line])).toEqual([
      ['companies.json', '[1].scs_level', undefined],
      ['supplies.json', '[0].access', undefined],
    ]);
  });

  it('parseNetwork reads a Buffer with a BOM and CRLF line endings', () => {
    const bytes = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    const { network, warnings } = parseNetwork(tables(bytes(COMPANIES), bytes(SUPPLIES)), 'csv');
    expect(warnings).toEqual([]);
    expect(network.companies.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(network.supplies).toHaveLength(3);
  });

  it('parseNetwork gives the same result as readNetwork for the same tables', async () => {
    const supplies = [...SUPPLIES.slice(0, 2), 'c,a,castings,0.2,20,data,'];
    const fromText = parseNetwork(tables(csv(COMPANIES), csv(supplies)), 'csv');
    const fromFolder = await readNetwork(await csvFolder({ supplies }));
    expect(fromText).toEqual(fromFolder);
    expect(fromText.warnings).toHaveLength(1);
  });
});
