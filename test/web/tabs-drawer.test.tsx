// @vitest-environment happy-dom
/**
 * The drawer component (web/src/tabs/drawer.tsx): its tab bar (a roving tabindex; the
 * arrow keys move to a tab and open it), its resize handle (↑/↓, the height kept in
 * sessionStorage), the collapse toggle, a table's rows, and the Scenario pane handed to
 * scenario.ts once. Also the countries bar drawn with Plot, without Plot's <style>.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConcentrationResponse, LevelGapsResponse, WeakLinksResponse } from '../../src/contract/api-types.ts';
import { ConcentrationTable } from '../../web/src/tabs/concentration.tsx';
import { countryBarPlot } from '../../web/src/tabs/country-bar.tsx';
import { Drawer, tabForKey } from '../../web/src/tabs/drawer.tsx';
import { createTabsStore, type Loaders, type TabsStore } from '../../web/src/tabs/state.ts';
import type { TableView } from '../../web/src/tabs/view.ts';

const weakLinks: WeakLinksResponse = {
  items: [
    {
      rank: 1,
      id: 'ota-springs',
      name: 'Ota Precision Springs Co.',
      ownScore: 0,
      unassessed: true,
      hitLikelihood: 0.015,
      expectedEventLoss: 1e9,
      riskContribution: 2e7,
      blastRadiusSize: 2,
      focalStops: [{ id: 'auto-oem', day: 3 }],
      reason: 'unassessed (scored 0); 2 companies stop if it is hit, including focal auto-oem on day 3',
    },
  ],
  total: 1,
  offset: 0,
  limit: 50,
  theta: 0.5,
  hitLikelihood: 'p(s) = min(1, 0.015 × 0.975^s)',
};
const levelGaps: LevelGapsResponse = { items: [], total: 0, offset: 0, limit: 500 };

let host: HTMLElement;
let store: TabsStore;
let onFocus: ReturnType<typeof vi.fn<(id: string) => void>>;
let renderScenario: ReturnType<typeof vi.fn<(pane: HTMLElement) => Promise<void>>>;
const scenarioPane = createRef<HTMLDivElement>();

function drawer() {
  const loaders: Loaders = {
    'weak-links': async () => weakLinks,
    sources: () => new Promise(() => {}), // never answers: stays Loading…
    'level-gaps': async () => levelGaps,
    unassessed: () => new Promise(() => {}),
    lapsing: () => new Promise(() => {}),
    concentration: () => new Promise(() => {}),
    aggregates: () => new Promise(() => {}),
    scenario: () => renderScenario(scenarioPane.current!),
  };
  store = createTabsStore(loaders);
  const view: TableView = {
    nameOf: (id) => id,
    focal: () => new Map([['auto-oem', 'Kirishima Motor Corporation']]),
    onFocus,
  };
  return render(<Drawer host={host} store={store} view={view} scenarioPane={scenarioPane} />, { container: host });
}

beforeEach(() => {
  sessionStorage.clear();
  host = document.body.appendChild(document.createElement('section'));
  host.className = 'drawer';
  onFocus = vi.fn<(id: string) => void>();
  renderScenario = vi.fn(async (pane: HTMLElement) => {
    pane.append('drawn by scenario.ts');
  });
});
afterEach(() => {
  cleanup();
  host.remove();
});

const tab = (id: string) => host.querySelector<HTMLButtonElement>(`button[data-tab="${id}"]`)!;
const pane = (id: string) => host.querySelector<HTMLElement>(`[data-tab-pane="${id}"]`)!;

describe('Drawer tab bar', () => {
  it('moves to the next tab with ArrowRight and opens it (a roving tabindex)', async () => {
    drawer();
    expect(tab('weak-links').tabIndex).toBe(0); // nothing open yet: the first tab takes the focus
    expect(tab('sources').tabIndex).toBe(-1);
    fireEvent.click(tab('weak-links'));
    await waitFor(() => expect(pane('weak-links').dataset['loaded']).toBe('true'));
    expect(host.dataset['tab']).toBe('weak-links');
    tab('weak-links').focus();
    fireEvent.keyDown(tab('weak-links'), { key: 'ArrowRight' });
    expect(store.active.value).toBe('sources');
    await waitFor(() => expect(document.activeElement).toBe(tab('sources')));
    expect(tab('sources').getAttribute('aria-selected')).toBe('true');
    expect(tab('sources').classList.contains('active')).toBe(true);
    expect(tab('sources').tabIndex).toBe(0);
    expect(tab('weak-links').tabIndex).toBe(-1);
    expect(tab('weak-links').getAttribute('aria-selected')).toBe('false');
    expect(pane('sources').hidden).toBe(false);
    expect(pane('weak-links').hidden).toBe(true);
    expect(pane('sources').textContent).toBe('Loading…');
    expect(host.dataset['tab']).toBe('sources');
  });

  it('wraps around with the arrows and jumps with Home and End', () => {
    expect(tabForKey('weak-links', 'ArrowLeft')).toBe('scenario');
    expect(tabForKey('scenario', 'ArrowRight')).toBe('weak-links');
    expect(tabForKey('level-gaps', 'Home')).toBe('weak-links');
    expect(tabForKey('level-gaps', 'End')).toBe('scenario');
    expect(tabForKey('level-gaps', 'Enter')).toBeNull();
  });

  it('draws a table whose rows focus their company, reasons naming focal companies', async () => {
    drawer();
    await store.open('weak-links');
    const row = await waitFor(() => host.querySelector<HTMLElement>('table[data-table="weak-links"] tbody tr.row')!);
    expect(row.dataset['id']).toBe('ota-springs');
    expect(row.querySelector('td.reason')!.textContent).toContain('Kirishima Motor');
    expect(row.querySelector('.score-chip.unassessed')!.textContent).toBe('?');
    fireEvent.click(row);
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(onFocus.mock.calls).toEqual([['ota-springs'], ['ota-springs']]);
    await store.open('level-gaps');
    await waitFor(() => expect(pane('level-gaps').textContent).toContain('None.'));
  });

  it('hands the Scenario pane to scenario.ts once', async () => {
    drawer();
    fireEvent.click(tab('scenario'));
    await waitFor(() => expect(pane('scenario').dataset['loaded']).toBe('true'));
    fireEvent.click(tab('weak-links'));
    fireEvent.click(tab('scenario'));
    expect(renderScenario).toHaveBeenCalledTimes(1);
    expect(renderScenario.mock.calls[0]![0]).toBe(pane('scenario'));
    expect(pane('scenario').textContent).toBe('drawn by scenario.ts');
  });

  it('collapses and shows the drawer with its toggle', () => {
    drawer();
    const toggle = host.querySelector<HTMLButtonElement>('.drawer-toggle')!;
    fireEvent.click(toggle);
    expect(host.classList.contains('collapsed')).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(tab('level-gaps')); // opening a tab shows the drawer again
    expect(host.classList.contains('collapsed')).toBe(false);
  });
});

describe('Drawer resize handle', () => {
  it('grows with ArrowUp and shrinks with ArrowDown, keeping the height for the session', () => {
    sessionStorage.setItem('weaklink.drawer.height', '300');
    drawer();
    expect(host.style.height).toBe('300px');
    const handle = host.querySelector<HTMLElement>('.drawer-handle')!;
    expect(handle.getAttribute('role')).toBe('separator');
    expect(handle.getAttribute('aria-label')).toBe('Resize the tables (drag, or ↑ ↓)');
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    expect(host.style.height).toBe('340px');
    expect(handle.getAttribute('aria-valuenow')).toBe('340');
    expect(sessionStorage.getItem('weaklink.drawer.height')).toBe('340');
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    expect(host.style.height).toBe('260px');
  });

  it('leaves the collapsed drawer its stylesheet height', () => {
    sessionStorage.setItem('weaklink.drawer.height', '300');
    drawer();
    fireEvent.click(host.querySelector('.drawer-toggle')!);
    expect(host.style.height).toBe('');
  });
});

describe('countryBarPlot', () => {
  it('draws a segment per country with its title, and no <style> element (CSP)', () => {
    const parts = [
      { country: 'JP', amount: 6, share: 0.6 },
      { country: 'CN', amount: 4, share: 0.4 },
    ];
    const chart = countryBarPlot(parts, new Map([['JP', '#4e79a7']]), 300);
    expect(chart.querySelectorAll('style')).toHaveLength(0);
    expect(chart.getAttribute('class')).toBe('country-bar-plot');
    const titles = [...chart.querySelectorAll('rect title')].map((t) => t.textContent);
    expect(titles).toEqual(['JP: 60% (6)', 'CN: 40% (4)']);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toContain('JP 60%');
  });
});

describe('ConcentrationTable', () => {
  it('has a bar row per tier and focal company, by count or by spend', () => {
    const data: ConcentrationResponse = {
      total: 1,
      offset: 0,
      limit: 500,
      groups: [
        { buyer: 'auto-oem', commodity: 'brakes', hhi: 10_000, suppliers: [{ id: 'x', name: 'X Co.', share: 1 }] },
      ],
      tiers: [
        {
          tier: 1,
          companies: 2,
          byCount: [{ country: 'JP', amount: 2, share: 1 }],
          countHhi: 10_000,
          bySpend: [
            { country: 'JP', amount: 5, share: 0.5 },
            { country: 'CN', amount: 5, share: 0.5 },
          ],
          spendHhi: 5000,
        },
      ],
      criticalSupplierCountries: [{ focal: 'auto-oem', countries: [] }],
    };
    const view: TableView = { nameOf: (id) => `name of ${id}`, focal: () => new Map(), onFocus: () => {} };
    const { container, getByRole } = render(<ConcentrationTable data={data} view={view} />);
    const rows = () => [...container.querySelectorAll('.tier-chart .bar-row')].map((r) => r.textContent);
    expect(rows()).toEqual(['Tier 1 2 cos.HHI 10,000', 'Critical to name of auto-oemnone']);
    expect(container.querySelector('table[data-table="concentration"] tbody tr.row td.company')!.textContent).toBe(
      'name of auto-oemauto-oem',
    );
    fireEvent.click(getByRole('button', { name: 'by spend' }));
    expect(rows()[0]).toBe('Tier 1 2 cos.HHI 5,000');
    expect(getByRole('button', { name: 'by spend' }).classList.contains('active')).toBe(true);
  });
});
