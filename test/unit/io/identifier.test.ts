/**
 * Identifiers (issue 13, F12): a company id or commodity with a control, bidi or
 * zero-width character, or over 200 characters, is a located error and nothing is
 * loaded; a name, industry or country keeps its text (line breaks and tabs too) with
 * those characters removed and a warning.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.ts';
import { idProblem, MAX_ID_LENGTH, stripUnsafe } from '../../../src/io/identifier.ts';
import { parseNetwork } from '../../../src/io/parse-network.ts';

const SUPPLIES = 'supplier,buyer,commodity\nb,a,bolts\n';

function parse(companies: string, supplies = SUPPLIES) {
  return parseNetwork(
    { companies: { name: 'companies.csv', text: companies }, supplies: { name: 'supplies.csv', text: supplies } },
    'csv',
  );
}

function issues(companies: string, supplies = SUPPLIES) {
  try {
    parse(companies, supplies);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('idProblem', () => {
  it('names the kind of character, its code point and where it is; allows any other text', () => {
    expect(idProblem('acme\u001b[31m')).toMatch(/^holds a control character \(U\+001B\) at character 5/);
    expect(idProblem('ab\u202ecd')).toMatch(/^holds a bidi control \(U\+202E\) at character 3/);
    expect(idProblem('\u200bx')).toMatch(/^holds a zero-width character \(U\+200B\) at character 1/);
    expect(idProblem('x'.repeat(MAX_ID_LENGTH + 1))).toBe('is 201 characters long; ids are at most 200');
    for (const ok of ['ota-springs', '太田精密', 'x'.repeat(MAX_ID_LENGTH), 'a b', '🙂', 'Ünïcödé'])
      expect(idProblem(ok)).toBeNull();
  });

  it('stripUnsafe removes those characters and counts them', () => {
    expect(stripUnsafe('Ac\u0000me\u202e \u200bCorp\u0085')).toEqual({ text: 'Acme Corp', removed: 4 });
    expect(stripUnsafe('Two\nLines\tand\r\na tab')).toEqual({ text: 'Two\nLines\tand\r\na tab', removed: 0 });
    expect(idProblem('two\nlines')).toMatch(/control character \(U\+000A\)/);
    expect(stripUnsafe('株式会社 太田')).toEqual({ text: '株式会社 太田', removed: 0 });
  });
});

describe('reading a network', () => {
  it('refuses unsafe or over-long ids and commodities, located, and loads nothing', () => {
    const found = issues(
      `id,name\na,A\nb\u001b[2J,B\n${'c'.repeat(201)},C\n`,
      'supplier,buyer,commodity\nb,a,bol\u202ets\n',
    );
    expect(found.map((i) => [i.file, i.line, i.field, i.message.split(';')[0]])).toEqual(
      expect.arrayContaining([
        ['companies.csv', 3, 'id', 'id holds a control character (U+001B) at character 2'],
        ['companies.csv', 4, 'id', 'id is 201 characters long'],
        ['supplies.csv', 2, 'commodity', 'commodity holds a bidi control (U+202E) at character 4'],
      ]),
    );
  });

  it('keeps names, industries and countries with those characters removed, each with a warning', () => {
    const { network, warnings } = parse(
      'id,name,industry,country\na,"Acme\u202e Corp",steel\u0007,JP\nb,"Two\nLines",,\u001b[31mJP\n',
    );
    expect(network.companies.map((c) => [c.name, c.industry, c.country])).toEqual([
      ['Acme Corp', 'steel', 'JP'],
      ['Two\nLines', null, '[31mJP'],
    ]);
    expect(warnings.map((w) => [w.line, w.field])).toEqual([
      [2, 'name'],
      [2, 'industry'],
      [3, 'country'],
      [3, 'country'],
    ]);
    expect(warnings[0]!.message).toMatch(/name held 1 control, bidi or zero-width character; removed/);
  });
});
