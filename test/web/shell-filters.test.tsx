// @vitest-environment happy-dom
/**
 * The Filters component (web/src/shell/Filters.tsx): options from the summary, a change
 * written to the store and passed on, and the line under each filter saying what it shows.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SummaryResponse } from '../../src/contract/api-types.ts';
import { Filters } from '../../web/src/shell/Filters.tsx';
import { createStore } from '../../web/src/state.ts';

afterEach(cleanup);

const summary = { maxTier: 4, commodities: ['castings', 'glass'], countries: ['DE', 'JP'] } as SummaryResponse;

describe('Filters', () => {
  it('lists the summary choices, writes a change to the store and explains each filter', async () => {
    const store = createStore();
    store.summary.value = summary;
    const onChange = vi.fn();
    const { container, findByText } = render(<Filters store={store} onChange={onChange} />);
    const commodity = container.querySelector<HTMLSelectElement>('#filter-commodity')!;
    expect([...commodity.options].map((o) => o.value)).toEqual(['', 'castings', 'glass']);
    expect(container.querySelectorAll('#filter-depth option')).toHaveLength(4);
    expect(container.textContent).toContain('Suppliers up to 3 tiers upstream of the focal companies.');
    expect(container.textContent).toContain('Supplies of every commodity.');

    commodity.value = 'castings';
    fireEvent.change(commodity);
    expect(store.filters.value.commodity).toBe('castings');
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ commodity: 'castings', depth: 3 }));
    await findByText('Only supplies of "castings", and the companies they connect.');

    fireEvent.click(container.querySelector('#filter-critical')!);
    expect(store.filters.value.criticalOnly).toBe(true);
    await findByText('Only the exposure paths that lead to a critical supplier.');
  });
});
