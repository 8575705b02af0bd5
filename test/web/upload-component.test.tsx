// @vitest-environment happy-dom
/**
 * The upload dialog: the button opens it; Upload without files names them; with both
 * files it sends their texts on the page's version, says what was loaded and calls
 * onLoaded; a refused upload lists every located issue.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkUploadResponse } from '../../src/contract/api-types.ts';
import { ApiRequestError, type ApiClient } from '../../web/src/api-client.ts';
import { NetworkUpload, type UploadContext } from '../../web/src/edit/upload.tsx';

afterEach(cleanup);

function choose(container: Element, name: string, text: string): void {
  const input = container.querySelector(`input[name="${name}"]`) as HTMLInputElement;
  const file = new File([text], `${name}.csv`, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

function setup(send: ApiClient['uploadNetwork']) {
  const onLoaded = vi.fn();
  const ctx: UploadContext = { api: { uploadNetwork: send }, version: () => 'v1', onLoaded };
  return { ...render(<NetworkUpload ctx={ctx} />), onLoaded };
}

describe('NetworkUpload', () => {
  it('opens a dialog, names the missing files, then uploads both files as bytes and says what was loaded', async () => {
    const answer: NetworkUploadResponse = {
      version: 'v2',
      previousVersion: 'v1',
      companies: 188,
      supplies: 314,
      warnings: [{ severity: 'warning', file: 'supplies.csv', line: 4, message: 'shares sum to 0.9' }],
    };
    const send = vi.fn(async () => answer);
    const { container, getByText, onLoaded } = setup(send);
    fireEvent.click(getByText('Upload network'));
    expect((container.querySelector('dialog.upload-dialog') as HTMLDialogElement).open).toBe(true);
    expect(container.textContent).toContain('security_score');
    fireEvent.click(getByText('Upload'));
    expect(container.textContent).toContain('Choose the companies.csv file.');
    expect(send).not.toHaveBeenCalled();
    choose(container, 'companies', 'id,name\na,A');
    choose(container, 'supplies', 'supplier,buyer,commodity\na,b,c');
    fireEvent.click(getByText('Upload'));
    await waitFor(() => expect(onLoaded).toHaveBeenCalledWith(answer));
    // the files' bytes, which the server decodes as it decodes a file (UTF-8 or Shift_JIS)
    expect(send).toHaveBeenCalledWith({
      companies: Buffer.from('id,name\na,A').toString('base64'),
      supplies: Buffer.from('supplier,buyer,commodity\na,b,c').toString('base64'),
      encoding: 'base64',
      version: 'v1',
    });
    expect(container.querySelector('.upload-outcome.loaded')?.textContent).toBe(
      'Loaded 188 companies and 314 supplies (1 warning)',
    );
    expect(container.querySelector('tr.issue.warning')?.textContent).toContain('shares sum to 0.9');
  });

  it('uploads one Excel workbook instead of the two CSV files, and says how the text was read', async () => {
    const answer: NetworkUploadResponse = {
      version: 'v2',
      previousVersion: 'v1',
      companies: 2,
      supplies: 1,
      warnings: [],
      notes: ['read network.xlsx as …'],
    };
    const send = vi.fn(async () => answer);
    const { container, getByText, onLoaded } = setup(send);
    fireEvent.click(getByText('Upload network'));
    choose(container, 'workbook', 'PK-bytes');
    fireEvent.click(getByText('Upload'));
    await waitFor(() => expect(onLoaded).toHaveBeenCalledWith(answer));
    expect(send).toHaveBeenCalledWith({
      format: 'xlsx',
      workbook: Buffer.from('PK-bytes').toString('base64'),
      version: 'v1',
    });
    expect(container.querySelector('.upload-outcome.loaded')?.textContent).toBe(
      'Loaded 2 companies and 1 supply (0 warnings) Read as: read network.xlsx as …',
    );
  });

  it('lists the located issues of a refused upload', async () => {
    const issues = [
      {
        severity: 'error' as const,
        file: 'companies.csv',
        line: 3,
        column: 6,
        field: 'scs_level',
        message: 'must be 0–5',
      },
      {
        severity: 'error' as const,
        file: 'supplies.csv',
        line: 9,
        column: 1,
        field: 'supplier',
        message: 'unknown id',
      },
    ];
    const send = vi.fn(async () => {
      throw new ApiRequestError(400, 'bad_request', 'The network has 2 errors.', null, issues);
    });
    const { container, getByText, onLoaded } = setup(send);
    fireEvent.click(getByText('Upload network'));
    choose(container, 'companies', 'x');
    choose(container, 'supplies', 'y');
    fireEvent.click(getByText('Upload'));
    await waitFor(() =>
      expect(container.querySelector('.upload-outcome.refused')?.textContent).toBe(
        'Nothing was loaded: the files have 2 errors. Fix them and upload again.',
      ),
    );
    const rows = [...container.querySelectorAll('tr.issue')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['companies.csv', '3', '6', 'scs_level', 'must be 0–5'],
      ['supplies.csv', '9', '1', 'supplier', 'unknown id'],
    ]);
    expect(onLoaded).not.toHaveBeenCalled();
  });
});
