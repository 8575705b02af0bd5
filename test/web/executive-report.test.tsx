// @vitest-environment happy-dom
/**
 * The executive view's components (web/src/executive/*.tsx) over the signal store, with
 * a fake API: the report shows the answer's figures with their raw values, the chart
 * is an Observable Plot SVG, the budget and the focal company are sent with the next
 * request, and the assumptions form refuses a bad durations table with a message naming
 * the entry (nothing sent) and sends a good one.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExecutiveParams } from '../../web/src/api-client.ts';
import { AssumptionsForm } from '../../web/src/executive/AssumptionsForm.tsx';
import { assumptionsText } from '../../web/src/executive/assumptions.ts';
import { ExecutiveReport } from '../../web/src/executive/ExecutiveReport.tsx';
import { createExecutiveStore } from '../../web/src/executive/state.ts';
import { formatYen, planHeadline } from '../../web/src/replay.ts';
import { EXECUTIVE_DATA } from './executive-fixture.ts';

afterEach(cleanup);

const DATA = EXECUTIVE_DATA;

/** The report over a store whose API answers DATA and records each query. */
async function renderReport() {
  const queries: ExecutiveParams[] = [];
  const api = { executive: vi.fn(async (p: ExecutiveParams = {}) => (queries.push(p), DATA)) };
  const store = createExecutiveStore({ api, storage: undefined });
  const view = render(<ExecutiveReport store={store} track={(w) => w} summary={() => null} onClose={() => {}} />);
  await store.load();
  await waitFor(() => expect(view.container.querySelector('#exec-title')).not.toBeNull());
  return { ...view, store, queries };
}

const kpi = (root: Element, key: string) => root.querySelector(`[data-kpi="${key}"] [data-value]`);

describe('ExecutiveReport', () => {
  it('shows the figures with their raw values, units and periods, and the chart', async () => {
    const { container } = await renderReport();
    expect(container.querySelector('#exec-title')?.textContent).toBe('Kirishima Motor Corporation');
    expect(kpi(container, 'expected-loss')?.getAttribute('data-value')).toBe(String(200.1e9));
    expect(kpi(container, 'expected-loss')?.textContent).toBe(formatYen(200.1e9));
    expect(container.querySelector('[data-kpi="expected-loss"] .kpi-note')?.textContent).toMatch(
      /^per year · 0.7% of revenue/,
    );
    expect(container.querySelector('[data-kpi="p99"] .kpi-note')?.textContent).toMatch(/^in one year; /);
    expect(kpi(container, 'unassessed')?.textContent).toBe('3.2%');
    expect(kpi(container, 'hidden-critical')?.textContent).toBe('37');
    expect(container.querySelector('#exec-plan-headline')?.textContent).toBe(
      planHeadline(DATA.plan, 'Kirishima Motor’s'),
    );
    expect(container.querySelector('.plan-lifts li')?.textContent).toBe(
      'Ota Precision Springs ★0 → ★3: ¥4.3M once, avoids ¥18.2B a year',
    );
    expect(container.querySelector('#exec-event')?.textContent).toBe(
      'A 120-day outage at Kanazawa Interior Trim stops Kirishima Motor on day 0 and costs it ¥9.9T.',
    );
    const row = container.querySelector('.exec-table tbody tr');
    expect(row?.getAttribute('data-id')).toBe('springs');
    expect(row?.querySelector('.stops')?.textContent).toBe(' · stops Kirishima Motor on day 3');
    expect(row?.querySelector('.path')?.textContent).toBe(
      'Chain: Kirishima Motor ← Yamabuki Seating Systems ← Ota Precision Springs',
    );
    // Drawn after the report (an effect), at the width of its box.
    await waitFor(() => expect(container.querySelector('#exec-chart svg.exceedance-plot')).not.toBeNull());
    expect(container.querySelector('#exec-chart')?.textContent).toContain('1-in-100-year');
  });

  it('sends the budget typed and the focal company chosen with the next request', async () => {
    const { container, queries } = await renderReport();
    expect((container.querySelector('#exec-budget') as HTMLInputElement).value).toBe('50000000');
    expect(container.querySelector('#exec-budget-hint')?.textContent).toBe('= ¥50M');
    fireEvent.input(container.querySelector('#exec-budget')!, { target: { value: '10000000' } });
    expect(container.querySelector('#exec-budget-hint')?.textContent).toBe('= ¥10M');
    fireEvent.click(container.querySelector('#exec-update')!);
    await waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[1]).toEqual({ budget: 10_000_000, focal: 'auto-oem' });
    fireEvent.change(container.querySelector('#exec-focal')!, { target: { value: 'retail-hq' } });
    await waitFor(() => expect(queries).toHaveLength(3));
    expect(queries[2]?.focal).toBe('retail-hq');
  });

  it('shows a failure instead of the report', async () => {
    const api = { executive: vi.fn(async () => Promise.reject(new Error('503 the network is loading'))) };
    const store = createExecutiveStore({ api });
    const { container } = render(
      <ExecutiveReport store={store} track={(w) => w.catch(() => undefined)} summary={() => null} onClose={() => {}} />,
    );
    await expect(store.load()).rejects.toThrow('503');
    await waitFor(() =>
      expect(container.querySelector('#exec-report .error')?.textContent).toBe(
        'Could not prepare the report: 503 the network is loading',
      ),
    );
  });
});

describe('AssumptionsForm', () => {
  it('refuses a bad durations table with a message naming the entry, and sends nothing', () => {
    const onApply = vi.fn();
    const { container, getByRole } = render(
      <AssumptionsForm initial={assumptionsText(DATA.assumptions)} onApply={onApply} onReset={() => {}} />,
    );
    const durations = container.querySelector('input[name="durations"]') as HTMLInputElement;
    expect(durations.value).toBe('1:0.5, 14:0.5');
    fireEvent.input(durations, { target: { value: '1:0.5, 14days:0.5' } });
    fireEvent.click(getByRole('button', { name: 'Apply for this session' }));
    expect(onApply).not.toHaveBeenCalled();
    const alert = getByRole('alert');
    expect(alert.textContent).toBe(
      'entry 2 "14days:0.5" is not days:probability (e.g. 14:0.25); days are whole numbers',
    );
    expect(durations.getAttribute('aria-invalid')).toBe('true');
    expect(durations.getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('sends a corrected table, and resets on request', () => {
    const onApply = vi.fn();
    const onReset = vi.fn();
    const { container, getByRole, queryByRole } = render(
      <AssumptionsForm initial={assumptionsText(DATA.assumptions)} onApply={onApply} onReset={onReset} />,
    );
    const durations = container.querySelector('input[name="durations"]') as HTMLInputElement;
    fireEvent.input(durations, { target: { value: '1:0.5, 14:0.4' } });
    fireEvent.click(getByRole('button', { name: 'Apply for this session' }));
    expect(getByRole('alert').textContent).toBe(
      'the probabilities add up to 0.9, not 1; correct the entries so they do',
    );
    fireEvent.input(durations, { target: { value: '1:0.5, 14:0.25, 30:0.25' } });
    fireEvent.click(getByRole('button', { name: 'Apply for this session' }));
    expect(queryByRole('alert')).toBeNull();
    expect(onApply).toHaveBeenCalledWith({
      ...assumptionsText(DATA.assumptions),
      durations: '1:0.5, 14:0.25, 30:0.25',
    });
    fireEvent.click(getByRole('button', { name: 'Reset to the defaults' }));
    expect(onReset).toHaveBeenCalledOnce();
  });
});
