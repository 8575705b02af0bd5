/**
 * Separators: a table plainly separated by semicolons or tabs (European Excel, "text
 * (tab delimited)") gets one error saying so and how to fix it, instead of an error per
 * missing column; `delimiter` reads it as it is, on this thread, in the CSV worker and
 * from an upload alike.
 */
import { InputError } from '../../../src/errors.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULTS as READ, readNetwork } from '../../../src/io/read-network.ts';
import { parseNetwork } from '../../../src/io/parse-network.ts';
import { COMPANIES, SUPPLIES, csv, folder, readErrors } from './helpers.ts';

const withSeparator = (lines: readonly string[], char: string): string[] => lines.map((l) => l.replaceAll(',', char));

const saved = READ.workerFromBytes;
afterEach(() => {
  READ.workerFromBytes = saved;
});

describe.each([
  [
    'semicolons',
    ';',
    /is separated by semicolons \(;\), not commas: save it as "CSV \(Comma delimited\)".*--delimiter ';'/,
  ],
  ['tabs', '\t', /is separated by tabs, not commas: .*--delimiter tab/],
])('a network separated by %s', (_, char, message) => {
  it('gets one error per table saying so, with the fix', async () => {
    const dir = await folder({
      'companies.csv': csv(withSeparator(COMPANIES, char)),
      'supplies.csv': csv(withSeparator(SUPPLIES, char)),
    });
    const errors = await readErrors(dir);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ file: 'companies.csv', line: 1 });
    expect(errors[0]!.message).toMatch(message);
    expect(errors[1]).toMatchObject({ file: 'supplies.csv', line: 1 });
  });

  it.each([
    ['on this thread', Infinity],
    ['in the CSV worker', 0],
  ])('is read with its delimiter %s', async (_where, workerFromBytes) => {
    READ.workerFromBytes = workerFromBytes;
    const dir = await folder({
      'companies.csv': csv(withSeparator(COMPANIES, char)),
      'supplies.csv': csv(withSeparator(SUPPLIES, char)),
    });
    const semi = await readNetwork(dir, { delimiter: char });
    const comma = await readNetwork(await folder({ 'companies.csv': csv(COMPANIES), 'supplies.csv': csv(SUPPLIES) }));
    expect(semi.network).toEqual(comma.network);
  });

  it('is read from an upload with its delimiter', () => {
    const tables = {
      companies: { name: 'companies.csv', text: csv(withSeparator(COMPANIES, char)) },
      supplies: { name: 'supplies.csv', text: csv(withSeparator(SUPPLIES, char)) },
    };
    expect(parseNetwork(tables, 'csv', char).network.companies).toHaveLength(3);
  });
});

it('a comma file read with --delimiter ";" is told it is separated by commas', async () => {
  const dir = await folder({ 'companies.csv': csv(COMPANIES), 'supplies.csv': csv(SUPPLIES) });
  const error: unknown = await readNetwork(dir, { delimiter: ';' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).issues[0]!.message).toMatch(/companies.csv is separated by commas, not semicolons/);
});
