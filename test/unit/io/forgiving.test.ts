/**
 * Forgiving where it is safe: the enumerations in any letter case, full-width digits and
 * the ideographic space in numeric cells read as half-width (with a warning), an unknown
 * supplier or buyer id with the closest company id suggested, a missing folder told once.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { Io } from '../../../src/cli/io.ts';
import { readNetwork } from '../../../src/io/read-network.ts';
import { csv, folder, readErrors } from './helpers.ts';

const COMPANIES = [
  'id,name,size,scs_level,revenue,focal',
  'kanazawa-trim,Kanazawa Interior Trim,SME,2,"１，０００",',
  'kirishima,Kirishima Motor,Large,３,１２０００　,TRUE',
];

describe('forgiving reading', () => {
  it('reads SME, Large and Network in any letter case, and full-width numbers with a warning', async () => {
    const dir = await folder({
      'companies.csv': csv(COMPANIES.map((l) => l.replace('"１，０００"', '１０００'))),
      'supplies.csv': csv(['supplier,buyer,commodity,access', 'kanazawa-trim,kirishima,trim,Network']),
    });
    const { network, warnings } = await readNetwork(dir);
    expect(network.companies.map((c) => [c.size, c.scsLevel, c.revenue])).toEqual([
      ['sme', 2, 1000],
      ['large', 3, 12000],
    ]);
    expect(network.supplies[0]!.access).toBe('network');
    expect(warnings.map((w) => [w.line, w.field, w.message])).toEqual([
      [
        2,
        'revenue',
        'revenue held full-width characters ("１０００"); read as "1000" — type half-width digits to silence this',
      ],
      [
        3,
        'scs_level',
        'scs_level held full-width characters ("３"); read as "3" — type half-width digits to silence this',
      ],
      [
        3,
        'revenue',
        'revenue held full-width characters ("１２０００"); read as "12000" — type half-width digits to silence this',
      ],
    ]);
  });

  it('suggests the closest company id for an unknown supplier or buyer', async () => {
    const dir = await folder({
      'companies.csv': csv(COMPANIES.map((l) => l.replace('"１，０００"', '1000'))),
      'supplies.csv': csv(['supplier,buyer,commodity', 'kanazwa-trim,kirishima,trim', 'zzz,kirishima,trim']),
    });
    const errors = await readErrors(dir);
    expect(errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [
        2,
        'supplier',
        'supplier "kanazwa-trim" is not a company id of companies.csv; did you mean "kanazawa-trim"? correct the id or add the company',
      ],
      [3, 'supplier', 'supplier "zzz" is not a company id of companies.csv; correct the id or add the company'],
    ]);
  });

  it('tells a missing folder once', async () => {
    let err = '';
    const io: Io = { out: () => undefined, err: (s) => void (err += s), isTty: false };
    const code = await main(['node', 'weaklink', 'validate', '/nonexistent/network'], io);
    expect(code).toBe(1);
    expect(err.match(/no such folder/g)).toHaveLength(1);
  });
});
