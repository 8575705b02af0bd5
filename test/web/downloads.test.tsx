// @vitest-environment happy-dom
/**
 * The CSV / Excel buttons: each fetches its format and saves the file under the server's
 * name; a failure is shown, not swallowed; the labels follow the page's language.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Downloads } from '../../web/src/downloads.tsx';
import { lang } from '../../web/src/i18n.ts';
import { progressText } from '../../web/src/progress.tsx';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

describe('Downloads', () => {
  it('fetches the format clicked and saves it under the name the server gave', async () => {
    const asked: string[] = [];
    const saved: string[] = [];
    render(
      <Downloads
        what="weak-links"
        fetch={async (format) => {
          asked.push(format);
          return { blob: new Blob(['x']), filename: `weak-links.${format}` };
        }}
        save={(_blob, name) => saved.push(name)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Download the weak links as Excel (every row)' }));
    await waitFor(() => expect(saved).toEqual(['weak-links.xlsx']));
    fireEvent.click(screen.getByRole('button', { name: 'Download the weak links as CSV (every row)' }));
    await waitFor(() => expect(saved).toEqual(['weak-links.xlsx', 'weak-links.csv']));
    expect(asked).toEqual(['xlsx', 'csv']);
  });

  it('shows why a download failed', async () => {
    render(
      <Downloads
        what="plan"
        fetch={() => Promise.reject(new Error('the server is running 2 heavy requests'))}
        save={() => undefined}
      />,
    );
    fireEvent.click(screen.getByText('CSV'));
    expect((await screen.findByRole('alert')).textContent).toBe('the server is running 2 heavy requests');
  });

  it('speaks Japanese when the page does', () => {
    lang.value = 'ja';
    render(<Downloads what="level-gaps" fetch={() => Promise.reject(new Error('x'))} />);
    expect(screen.getByRole('button', { name: '★の不足の一覧をExcelでダウンロード (全件)' })).toBeTruthy();
    expect(progressText('risk', undefined).text).toBe('年間損失: 計算の順番待ち');
    expect(
      progressText('risk', {
        id: 'j',
        kind: 'risk',
        state: 'running',
        done: 2500,
        total: 10000,
        startedAt: null,
        estimate: null,
      } as never).text,
    ).toBe('年間損失: 10,000回中 2,500回');
  });
});
