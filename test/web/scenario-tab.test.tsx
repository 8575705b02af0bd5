// @vitest-environment happy-dom
/**
 * The Scenario tab's components in happy-dom (web/src/scenario/*.tsx) over a fake API and
 * map: the what-if form builds a removable list of operations from company searches;
 * Run sends them and shows before and after side by side; a what-if the API refuses is
 * said naming its field; the replay's chart and slider drive the map's day.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioRequest, ScenarioResponse, ScenarioRun } from '../../src/contract/api-types.ts';
import { ApiRequestError, type ApiClient } from '../../web/src/api-client.ts';
import type { SupplyMap } from '../../web/src/map.ts';
import { createActions } from '../../web/src/scenario/actions.ts';
import type { ScenarioApp } from '../../web/src/scenario/app.ts';
import { ScenarioTab } from '../../web/src/scenario/ScenarioTab.tsx';
import { createStore, type ScenarioContext } from '../../web/src/scenario/state.ts';
import { WhatIf } from '../../web/src/scenario/WhatIf.tsx';

afterEach(cleanup);

const NAMES: Record<string, string> = {
  hit: 'Hit Co.',
  buyer: 'Buyer K.K.',
  sup: 'Supplier Ltd.',
  focal: 'Focal Motor',
};

function runOf(stopped: string[], total: number): ScenarioRun {
  return {
    hit: ['hit'],
    days: 2,
    lastDay: 2,
    timeline: [
      { day: 0, stopped, recovered: [], down: stopped.length },
      { day: 2, stopped: [], recovered: stopped, down: 0 },
    ],
    down: [stopped.length, stopped.length, 0],
    revenueAtRisk: [total / 2, total / 2, 0],
    totalRevenueAtRisk: total,
    peak: { down: stopped.length, day: 0 },
    focal: [{ id: 'focal', name: 'Focal Motor', stoppedOn: null, recoveredOn: null, daysDown: 0 }],
    companies: stopped.map((id) => ({
      id,
      name: NAMES[id] ?? id,
      focal: false,
      stoppedOn: 0,
      recoveredOn: 2,
      daysDown: 2,
      revenueAtRisk: total / stopped.length,
    })),
  };
}

const BEFORE = runOf(['hit', 'buyer'], 2_000_000);
const AFTER = runOf(['hit'], 1_000_000);

function fakeApp(scenario: (r: ScenarioRequest) => Promise<ScenarioResponse>) {
  const selection = ['hit'];
  const map = {
    replaying: false,
    has: () => true,
    showReplay: vi.fn(),
    showAll: vi.fn(),
    showComparison: vi.fn(),
  };
  const api = {
    companies: async ({ q }: { q?: string }) => ({
      items: Object.entries(NAMES)
        .filter(([id, name]) => id.includes(q ?? '') || name.includes(q ?? ''))
        .map(([id, name]) => ({ id, name })),
      total: 1,
    }),
    scenario: vi.fn(scenario),
    scenarios: async () => ({ items: [] }),
  };
  const ctx: ScenarioContext = {
    api: api as unknown as ApiClient,
    map: map as unknown as SupplyMap,
    selection: () => selection,
    setSelection: () => {},
    nameOf: (id) => NAMES[id] ?? id,
    remember: () => {},
    track: async (work) => {
      try {
        return await work;
      } catch {
        return undefined;
      }
    },
    bringIntoView: async () => {},
    onReplay: () => {},
  };
  const store = createStore();
  store.selection.value = selection;
  const app: ScenarioApp = { ctx, store, actions: createActions(ctx, store) };
  return { app, map, api };
}

/** Types `id` into the company box and takes it with Enter. */
async function pick(container: Element, selector: string, id: string): Promise<void> {
  const input = container.querySelector<HTMLInputElement>(selector)!;
  fireEvent.input(input, { target: { value: id } });
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(container.querySelector(`.chip[data-id="${id}"]`)).not.toBeNull());
}

describe('WhatIf', () => {
  it('adds a raise-level and a second source from company searches, lists them in words, and removes one', async () => {
    const { app } = fakeApp(async () => ({ scenario: AFTER, whatIf: null }));
    const { container, getByText } = render(<WhatIf app={app} />);
    await pick(container, '#whatif-company', 'sup');
    fireEvent.change(container.querySelector('#whatif-level')!, { target: { value: '5' } });
    fireEvent.click(getByText('Add to the run'));
    expect(app.store.whatIf.value).toEqual([{ op: 'raise-level', company: 'sup', level: 5 }]);

    fireEvent.change(container.querySelector('#whatif-kind')!, { target: { value: 'add-supplier' } });
    fireEvent.click(getByText('Add to the run'));
    expect(container.querySelector('.whatif-problem')?.textContent).toBe('Pick the buyer first.');
    await pick(container, '#whatif-buyer', 'buyer');
    await pick(container, '#whatif-supplier', 'sup');
    fireEvent.input(container.querySelector('#whatif-commodity')!, { target: { value: 'resin' } });
    fireEvent.click(getByText('Add to the run'));
    const items = [...container.querySelectorAll('.whatif-list li')].map((li) => li.textContent);
    expect(items).toEqual(['Raise Supplier to ★5×', 'Add Supplier as a 30% source of resin for Buyer×']);
    fireEvent.click(container.querySelector('[aria-label="Remove what-if 1"]')!);
    expect(app.store.whatIf.value).toEqual([
      { op: 'add-supplier', buyer: 'buyer', supplier: 'sup', commodity: 'resin', share: 0.3 },
    ]);
  });
});

describe('ScenarioTab', () => {
  it('runs with the what-ifs and without them, and shows before and after side by side', async () => {
    const { app, api } = fakeApp(async (r) =>
      r.whatIf
        ? {
            scenario: AFTER,
            whatIf: {
              companies: [],
              weakLinks: { before: [{ rank: 1, id: 'sup', riskContribution: 5 }], after: [] },
              singleSources: { added: [], removed: [] },
              levelGaps: { added: [], removed: [{ id: 'sup', ownLevel: 1, requiredLevel: 3 }] },
              totalRisk: { before: 500, after: 400, change: -100 },
            },
          }
        : { scenario: BEFORE, whatIf: null },
    );
    app.store.whatIf.value = [{ op: 'remove-supplier', company: 'buyer' }];
    const { container } = render(<ScenarioTab app={app} />);
    fireEvent.submit(container.querySelector('form.scenario-form')!);
    await waitFor(() => expect(container.querySelector('.whatif-result')).not.toBeNull());
    expect(api.scenario).toHaveBeenCalledWith({
      hit: ['hit'],
      days: 10,
      whatIf: [{ op: 'remove-supplier', company: 'buyer' }],
    });
    expect(api.scenario).toHaveBeenCalledWith({ hit: ['hit'], days: 10 });
    const cell = (row: string, side: string): string | null | undefined =>
      container.querySelector(`tr[data-row="${row}"] td[data-side="${side}"]`)?.textContent;
    expect([cell('disrupted', 'before'), cell('disrupted', 'after'), cell('disrupted', 'change')]).toEqual([
      '2',
      '1',
      '−1 (−50%)',
    ]);
    expect([cell('revenue', 'before'), cell('revenue', 'after')]).toEqual(['¥2M', '¥1M']);
    expect([cell('risk', 'before'), cell('risk', 'after')]).toEqual(['¥500 / year', '¥400 / year']);
    expect(container.querySelector('[data-list="weak-links"]')?.textContent).toContain(
      'Supplier #1 → out of the top 10',
    );
    // The replay is the run with the what-ifs: one bar per day, the total of AFTER.
    expect(container.querySelector('#scenario-total')?.getAttribute('data-value')).toBe('1000000');
    await waitFor(() => expect(container.querySelectorAll('svg.rar-chart rect.rar-bar').length).toBe(3));
  });

  it('says which what-if and field the API refused', async () => {
    const { app } = fakeApp(async (r) => {
      if (r.whatIf)
        throw new ApiRequestError(
          404,
          'not_found',
          'Unknown company id "ghost" in whatIf[0].company (remove-supplier)',
        );
      return { scenario: BEFORE, whatIf: null };
    });
    app.store.whatIf.value = [{ op: 'remove-supplier', company: 'ghost' }];
    const { container } = render(<ScenarioTab app={app} />);
    fireEvent.submit(container.querySelector('form.scenario-form')!);
    await waitFor(() => expect(container.querySelector('#whatif-error')?.hasAttribute('hidden')).toBe(false));
    expect(container.querySelector('#whatif-error')?.textContent).toBe(
      'What-if 1 (remove supplier), company: no company has the id “ghost”',
    );
    expect(app.store.shown.value).toBeNull();
  });

  it('the chart and the slider move the replay to a day on the map', async () => {
    const { app, map } = fakeApp(async () => ({ scenario: BEFORE, whatIf: null }));
    const { container } = render(<ScenarioTab app={app} />);
    fireEvent.submit(container.querySelector('form.scenario-form')!);
    await waitFor(() => expect(container.querySelector('svg.rar-chart')).not.toBeNull());
    expect(container.querySelector('rect.rar-bar.current')?.getAttribute('data-day')).toBe('0');
    fireEvent.click(container.querySelectorAll('rect.rar-target')[2]!);
    await waitFor(() => expect(container.querySelector('#scenario-day-label')?.textContent).toBe('Day 2 of 2'));
    expect(container.querySelector('rect.rar-bar.current')?.getAttribute('data-day')).toBe('2');
    expect(map.showReplay).toHaveBeenLastCalledWith({
      down: [],
      stopping: [],
      hit: ['hit'],
      affected: ['hit', 'buyer'],
    });
    fireEvent.input(container.querySelector('#scenario-day')!, { target: { value: '1' } });
    await waitFor(() => expect(container.querySelector('#scenario-day-label')?.textContent).toBe('Day 1 of 2'));
    expect(map.showReplay).toHaveBeenLastCalledWith({
      down: ['buyer', 'hit'],
      stopping: [],
      hit: ['hit'],
      affected: ['hit', 'buyer'],
    });
  });
});
