/**
 * The network upload's pure parts: the missing-file check, the loaded sentence, the
 * sentences of a 413, a 409 and a 400, and the issue cells. (The request and the error
 * answer's located issues are the API client's: test/web/api-client.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { ApiIssue } from '../../src/contract/api-types.ts';
import {
  failureSentence,
  formatMegabytes,
  issueCells,
  loadedSentence,
  missingFiles,
  UPLOAD_COLUMNS,
} from '../../web/src/edit/upload-text.ts';

const issue: ApiIssue = {
  severity: 'error',
  file: 'companies.csv',
  line: 3,
  column: 6,
  field: 'scs_level',
  value: '9',
  message: 'scs_level must be an integer 0–5',
};

describe('upload texts', () => {
  it('names each file still to choose', () => {
    expect(missingFiles({ companies: null, supplies: null })).toEqual([
      'Choose the companies.csv file.',
      'Choose the supplies.csv file.',
    ]);
    expect(missingFiles({ companies: 'x', supplies: 'y' })).toEqual([]);
  });

  it('says how much was loaded, with the warnings counted', () => {
    expect(loadedSentence({ companies: 188, supplies: 314, warnings: [] })).toBe(
      'Loaded 188 companies and 314 supplies (0 warnings)',
    );
    expect(loadedSentence({ companies: 1, supplies: 1, warnings: [{ ...issue, severity: 'warning' }] })).toBe(
      'Loaded 1 company and 1 supply (1 warning)',
    );
    expect(loadedSentence({ companies: 12000, supplies: 0, warnings: [] })).toContain('12,000 companies');
  });

  it('says a 413 is too large with the limit, a 409 asks for a reload, a 400 counts the errors', () => {
    expect(
      failureSentence({
        status: 413,
        message: 'Request body is larger than the limit of 20971520 bytes; send less.',
        issues: [],
      }),
    ).toBe('The files are too large: this server takes at most 20 MB per upload.');
    const rows = 'The network has 300000 rows (companies and supplies); this server takes at most 200000 per upload.';
    expect(failureSentence({ status: 413, message: rows, issues: [] })).toBe(`The files are too large: ${rows}`);
    expect(failureSentence({ status: 409, message: 'x', issues: [] })).toContain('reload');
    expect(failureSentence({ status: 400, message: 'x', issues: [issue, { ...issue, severity: 'warning' }] })).toBe(
      'Nothing was loaded: the files have 1 error. Fix them and upload again.',
    );
    expect(failureSentence({ status: 403, message: 'This needs an admin token.', issues: [] })).toBe(
      'This needs an admin token.',
    );
    expect(formatMegabytes(1_500_000)).toBe('1.4 MB');
  });

  it('places an issue in file, line, column and field (empty when not given)', () => {
    expect(issueCells(issue)).toEqual({ file: 'companies.csv', line: '3', column: '6', field: 'scs_level' });
    expect(issueCells({ severity: 'error', file: 'supplies.csv', message: 'missing' })).toEqual({
      file: 'supplies.csv',
      line: '',
      column: '',
      field: '',
    });
  });

  it('explains the columns of README "Data format", the required ones marked', () => {
    expect(UPLOAD_COLUMNS.companies.filter((c) => c.required).map((c) => c.name)).toEqual(['id']);
    expect(UPLOAD_COLUMNS.supplies.filter((c) => c.required).map((c) => c.name)).toEqual([
      'supplier',
      'buyer',
      'commodity',
    ]);
    expect(UPLOAD_COLUMNS.companies.map((c) => c.name)).toContain('security_score');
  });
});
