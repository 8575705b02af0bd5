/**
 * The assessment use cases (src/app/assessments.ts) and the level edit they forbid:
 * recording checks the rules of a row of assessments.csv — the very same messages, with
 * the API's field names — and appends without changing its input; listing resolves the
 * last valid day and the status as of the date, in company order, newest first.
 */
import { describe, expect, it } from 'vitest';
import { assessmentItem, listAssessments, recordAssessment } from '../../../src/app/assessments.ts';
import { editCompany } from '../../../src/app/edits.ts';
import { DEFAULTS } from '../../../src/analysis/options.ts';
import { ConflictError, InputError, NotFoundError, UsageError } from '../../../src/errors.ts';
import { parseNetwork } from '../../../src/io/parse-network.ts';
import type { Assessment, Network } from '../../../src/model/types.ts';
import { net } from '../../helpers/network.ts';

const base = net([{ id: 'oem', focal: true }, { id: 'kanazawa-trim' }, { id: 'ota' }], [['ota', 'oem', 'springs']]);
const dating = { asOf: '2027-05-01', validity: DEFAULTS.validity };

/** The message the file reader gives for one assessments.csv row. */
function csvMessage(row: string): string {
  try {
    parseNetwork(
      {
        companies: { name: 'companies.csv', text: 'id,focal\noem,true\nkanazawa-trim,\nota,\n' },
        supplies: { name: 'supplies.csv', text: 'supplier,buyer,commodity\nota,oem,springs\n' },
        assessments: { name: 'assessments.csv', text: `company,level,method,assessed_on,valid_until\n${row}\n` },
      },
      'csv',
    );
  } catch (error) {
    if (error instanceof InputError) return error.issues[0]!.message;
    throw error;
  }
  throw new Error(`the row ${row} was accepted`);
}

function usageError(network: Network, input: Parameters<typeof recordAssessment>[1]): UsageError {
  try {
    recordAssessment(network, input);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('recordAssessment accepted the input');
}

describe('recordAssessment', () => {
  it('refuses what the file reader refuses, with its message in the API’s field names', () => {
    const cases: [Parameters<typeof recordAssessment>[1], string, string][] = [
      [
        { company: 'kanazwa-trim', level: 3, method: 'expert', assessedOn: '2027-01-01' },
        'company',
        'kanazwa-trim,3,expert,2027-01-01,',
      ],
      [{ company: 'ota', level: 0, assessedOn: '2027-01-01' }, 'level', 'ota,0,,2027-01-01,'],
      [{ company: 'ota', level: 4, method: 'expert', assessedOn: '2027-01-01' }, 'method', 'ota,4,expert,2027-01-01,'],
      [{ company: 'ota', level: 2, method: 'self', assessedOn: '2027-1-1' }, 'assessedOn', 'ota,2,self,2027-1-1,'],
      [
        { company: 'ota', level: 2, method: 'self', assessedOn: '2027-01-02', validUntil: '2027-01-01' },
        'validUntil',
        'ota,2,self,2027-01-02,2027-01-01',
      ],
    ];
    for (const [input, field, row] of cases) {
      const error = usageError(base, input);
      expect(error.field, row).toBe(field);
      const fromFile = csvMessage(row).replaceAll('assessed_on', 'assessedOn').replaceAll('valid_until', 'validUntil');
      expect(error.message, row).toBe(fromFile.replace('companies.csv', 'the network'));
    }
    expect(
      usageError(base, { company: 'kanazwa-trim', level: 3, method: 'expert', assessedOn: '2027-01-01' }).message,
    ).toMatch(/did you mean "kanazawa-trim"\?/);
  });

  it('names every broken rule, the first one as the field', () => {
    const error = usageError(base, { company: 'ghost', level: 9, assessedOn: 'soon' });
    expect(error.field).toBe('company');
    expect(error.message).toMatch(
      /^company "ghost" .*\. Also: level must be .*\. Also: assessedOn must be an ISO date/,
    );
  });

  it('appends the assessment as the reader builds a row (trimmed, empty is null), leaving its input alone', () => {
    const network: Network = { ...base, assessments: [] };
    const { network: next, assessment } = recordAssessment(network, {
      company: ' ota ',
      level: 3,
      method: 'EXPERT',
      assessedOn: '2027-01-15',
      validUntil: '',
      evidence: '  ',
    });
    expect(assessment).toEqual({
      company: 'ota',
      level: 3,
      method: 'expert',
      assessedOn: '2027-01-15',
      validUntil: null,
      evidence: null,
    });
    expect(next.assessments).toEqual([assessment]);
    expect(network.assessments).toEqual([]);
    expect(next.companies).toBe(network.companies);
    expect('assessments' in base).toBe(false);
    expect(
      recordAssessment(base, { company: 'oem', level: 1, assessedOn: '2026-01-01' }).network.assessments,
    ).toHaveLength(1);
  });
});

describe('assessmentItem and listAssessments', () => {
  const row = (company: string, level: number, assessedOn: string, validUntil: string | null = null): Assessment => ({
    company,
    level,
    method: null,
    assessedOn,
    validUntil,
    evidence: null,
  });

  it('assessmentItem resolves the last valid day and the status, both ends inclusive', () => {
    const item = (a: Assessment, asOf: string) => assessmentItem(a, { asOf, validity: DEFAULTS.validity });
    const star3 = row('ota', 3, '2026-05-01'); // ★3: one year
    expect(item(star3, '2026-04-30')).toMatchObject({
      validUntil: '2027-05-01',
      validUntilGiven: false,
      status: 'not-yet',
    });
    expect(item(star3, '2026-05-01').status).toBe('valid');
    expect(item(star3, '2027-05-01').status).toBe('valid');
    expect(item(star3, '2027-05-02').status).toBe('lapsed');
    expect(item(row('ota', 1, '2028-02-29'), '2030-01-01').validUntil).toBe('2030-02-28');
    expect(item(row('ota', 4, '2026-01-01', '2026-01-01'), '2026-01-01')).toMatchObject({
      validUntil: '2026-01-01',
      validUntilGiven: true,
      status: 'valid',
    });
  });

  it('listAssessments sorts by company order, then newest first, then the later row first; filters by company', () => {
    const network: Network = {
      ...base,
      assessments: [
        row('ota', 3, '2026-01-01'),
        row('oem', 5, '2025-06-01'),
        row('ota', 2, '2027-03-01'),
        row('ota', 1, '2026-01-01'),
      ],
    };
    const { asOf, assessments } = listAssessments(network, dating);
    expect(asOf).toBe('2027-05-01');
    expect(assessments.map((a) => [a.company, a.level, a.status])).toEqual([
      ['oem', 5, 'valid'],
      ['ota', 2, 'valid'],
      ['ota', 1, 'valid'],
      ['ota', 3, 'lapsed'],
    ]);
    expect(listAssessments(network, dating, 'ota').assessments).toHaveLength(3);
    expect(listAssessments(network, dating, 'kanazawa-trim').assessments).toEqual([]);
    expect(listAssessments(base, dating).assessments).toEqual([]);
    expect(() => listAssessments(network, dating, 'ghost')).toThrow(NotFoundError);
  });
});

describe('editCompany on an assessed company', () => {
  it('refuses scsLevel with a ConflictError saying to record an assessment; securityScore still changes', () => {
    const network: Network = { ...base, assessments: [row('ota')] };
    expect(() => editCompany(network, 'ota', { scsLevel: 4 })).toThrow(ConflictError);
    expect(() => editCompany(network, 'ota', { scsLevel: null })).toThrow(
      /record an assessment with POST \/api\/assessments/,
    );
    expect(editCompany(network, 'ota', { securityScore: 70 }).after).toEqual({ scsLevel: null, securityScore: 70 });
    expect(editCompany(network, 'oem', { scsLevel: 2 }).changed).toBe(true);
  });

  function row(company: string): Assessment {
    return { company, level: 2, method: 'self', assessedOn: '2026-01-01', validUntil: null, evidence: null };
  }
});
