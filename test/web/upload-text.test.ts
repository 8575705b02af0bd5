/**
 * The network upload's pure parts: the missing-file check, the loaded sentence, the
 * failure read from an error answer (with its located issues), the sentences of a 413,
 * a 409 and a 400, the issue cells, and the request (its body, token and errors).
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApiIssue } from '../../src/contract/api-types.ts';
import { putNetwork, UploadError } from '../../web/src/edit/upload-request.ts';
import {
  failureSentence,
  formatMegabytes,
  issueCells,
  loadedSentence,
  missingFiles,
  readFailure,
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

  it('reads the message and the located issues of an error answer, and survives any other body', () => {
    const failure = readFailure(400, {
      error: { code: 'bad_request', message: 'The network has 1 error.', issues: [issue] },
    });
    expect(failure).toEqual({ status: 400, message: 'The network has 1 error.', issues: [issue] });
    expect(readFailure(502, null)).toEqual({ status: 502, message: 'The server answered 502.', issues: [] });
    expect(readFailure(500, 'oops').issues).toEqual([]);
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

describe('putNetwork', () => {
  it('PUTs the CSV texts with the token and resolves with the answer', async () => {
    const answer = { version: 'v2', previousVersion: 'v1', companies: 2, supplies: 1, warnings: [] };
    const fetchFn = vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 }));
    const result = await putNetwork(
      { companies: 'id\na', supplies: 'supplier,buyer,commodity', version: 'v1' },
      { token: () => 'wl_t', fetch: fetchFn as unknown as typeof fetch },
    );
    expect(result).toEqual(answer);
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/network');
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>)['authorization']).toBe('Bearer wl_t');
    expect(JSON.parse(init.body as string)).toEqual({
      format: 'csv',
      companies: 'id\na',
      supplies: 'supplier,buyer,commodity',
      version: 'v1',
    });
  });

  it('throws an UploadError keeping the located issues of a 400', async () => {
    const body = { error: { code: 'bad_request', message: 'bad', issues: [issue] } };
    const fetchFn = async () => new Response(JSON.stringify(body), { status: 400 });
    const error = await putNetwork({ companies: '', supplies: '' }, { token: () => null, fetch: fetchFn }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).failure).toEqual({ status: 400, message: 'bad', issues: [issue] });
  });
});
