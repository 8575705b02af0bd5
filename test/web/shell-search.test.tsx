// @vitest-environment happy-dom
/**
 * The SearchBox component (web/src/shell/SearchBox.tsx): typing lists the matches after
 * a pause (counted as busy), Escape closes the list, and Enter typed before the answer
 * waits for it and opens the first match of what is typed.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompanyRow } from '../../src/contract/api-types.ts';
import { SearchBox } from '../../web/src/shell/SearchBox.tsx';
import { createStore } from '../../web/src/state.ts';

afterEach(cleanup);

const row = (id: string, name: string): CompanyRow =>
  ({ id, name, country: 'JP', tier: 1, unassessed: false, effectiveScore: 40, ownLevel: 2 }) as CompanyRow;
const companies = [row('ota', 'Ota Precision'), row('kiri', 'Kirishima Motor')];
const search = async (q: string): Promise<CompanyRow[]> =>
  companies.filter((c) => c.name.toLowerCase().includes(q.toLowerCase()));

describe('SearchBox', () => {
  it('lists the matches after a pause, counting the pause as busy; Escape closes the list', async () => {
    const store = createStore();
    const { container } = render(<SearchBox store={store} search={search} onPick={() => {}} />);
    const input = container.querySelector<HTMLInputElement>('#search')!;
    const list = container.querySelector<HTMLUListElement>('#search-results')!;
    expect(list.hidden).toBe(true);
    input.value = 'Ota';
    fireEvent.input(input);
    expect(store.busy.value).toBe(1);
    await waitFor(() => expect(list.querySelectorAll('li.result')).toHaveLength(1));
    expect(store.busy.value).toBe(0);
    expect(list.hidden).toBe(false);
    expect(list.querySelector('li.result')!.getAttribute('data-id')).toBe('ota');
    fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() => expect(list.hidden).toBe(true));
  });

  it('Enter before the answer waits for it and opens the first match of what is typed', async () => {
    const store = createStore();
    const onPick = vi.fn();
    const { container } = render(<SearchBox store={store} search={search} onPick={onPick} />);
    const input = container.querySelector<HTMLInputElement>('#search')!;
    input.value = 'Ota';
    fireEvent.input(input);
    await waitFor(() => expect(container.querySelectorAll('li.result')).toHaveLength(1));
    input.value = 'Kirishima';
    fireEvent.input(input);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onPick).toHaveBeenCalledTimes(1));
    expect(onPick.mock.calls[0]![0].id).toBe('kiri');
    expect(input.value).toBe('Kirishima Motor');
    expect(store.busy.value).toBe(0);
  });
});
