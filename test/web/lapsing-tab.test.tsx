// @vitest-environment happy-dom
/**
 * The Lapsing tab, the executive view's line on lapsing assessments and the legend's
 * lapsing mark: what each shows of GET /api/analysis/lapsing (level, last day, days left
 * from the analysis date, the rise of the expected annual loss per year, the focal
 * companies that stop and the day), the window selector, a row focusing its company, and
 * both languages.
 */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LapsingListResponse } from '../../src/contract/api-types.ts';
import { lapsingCompanies } from '../../web/src/assessments.ts';
import { lapsingSentence, LapsingLine } from '../../web/src/executive/LapsingLine.tsx';
import { lang } from '../../web/src/i18n.ts';
import { Legend } from '../../web/src/legend.tsx';
import { cellText } from '../../web/src/tabs/columns.ts';
import { afterText, focalStopsText, lapsingTable, LapsingTable } from '../../web/src/tabs/lapsing.tsx';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const names: Record<string, string> = { oem: 'Kirishima Motor Corporation', home: 'Hinoki Living Co., Ltd.' };
const nameOf = (id: string): string => names[id] ?? id;

function list(over: Partial<LapsingListResponse> = {}): LapsingListResponse {
  return {
    asOf: '2027-03-01',
    lapsingDays: 90,
    total: 2,
    offset: 0,
    limit: 500,
    items: [
      {
        rank: 1,
        id: 'ota-springs',
        name: 'Ota Precision Springs Co., Ltd.',
        level: 3,
        validUntil: '2027-04-30',
        levelAfter: 0,
        unassessedAfter: true,
        aalIncrease: 2.1e9,
        focalStops: [
          { id: 'oem', day: 2 },
          { id: 'home', day: 5 },
        ],
      },
      {
        rank: 2,
        id: 'tanaka',
        name: 'Tanaka Foundry',
        level: 3,
        validUntil: '2027-03-11',
        levelAfter: 1,
        unassessedAfter: false,
        aalIncrease: 3.5e8,
        focalStops: [],
      },
    ],
    ...over,
  };
}

describe('lapsingTable', () => {
  it('shows the level, last day, days left from the analysis date, the level after, the AAL rise per year and who stops', () => {
    const table = lapsingTable({ nameOf }, '2027-03-01');
    const [first, second] = list().items;
    const cells = (row: typeof first) => table.columns.map((c) => cellText(c.cell(row!)));
    expect(cells(first)).toEqual([
      '1',
      'Ota Precision Springs Co., Ltd. ota-springs',
      '★3',
      '2027-04-30',
      '60',
      'unassessed',
      '+¥2.1B/yr',
      'Kirishima Motor day 2, Hinoki Living day 5',
    ]);
    expect(cells(second).slice(4)).toEqual(['10', '★1', '+¥350M/yr', '—']);
    // Ten days left is flagged.
    expect(table.columns[4]!.cell(second!)).toMatchObject({ class: 'warn-text' });
    expect(table.columns[4]!.cell(first!)).not.toHaveProperty('class');
  });

  it('reads in Japanese', () => {
    lang.value = 'ja';
    const row = list().items[0]!;
    expect(focalStopsText(row, nameOf)).toBe('Kirishima Motor 2日目、Hinoki Living 5日目');
    expect(afterText(row)).toBe('未評価');
    const table = lapsingTable({ nameOf }, '2027-03-01');
    expect(cellText(table.columns[6]!.cell(row))).toMatch(/^\+21億円\/年$/);
    expect(table.columns.map((c) => c.head)).toContain('有効期限');
  });
});

describe('LapsingTable', () => {
  it('draws the rows, focuses a row’s company, asks another window, and downloads that window', async () => {
    const onFocus = vi.fn<(id: string) => void>();
    const onWindow = vi.fn<(days: number) => void>();
    const download = vi.fn(async () => ({ blob: new Blob(['x']), filename: 'lapsing.csv' }));
    const view = render(
      <LapsingTable
        page={list({ lapsingDays: 180 })}
        view={{ nameOf, focal: () => new Map(), onFocus, download }}
        onWindow={onWindow}
      />,
    );
    const rows = view.container.querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.getAttribute('data-id'))).toEqual(['ota-springs', 'tanaka']);
    expect(view.container.textContent).toContain('after 2027-03-01');
    fireEvent.click(rows[1]!);
    expect(onFocus).toHaveBeenCalledWith('tanaka');
    const select = view.container.querySelector<HTMLSelectElement>('[data-lapsing-days]')!;
    expect(select.value).toBe('180');
    expect([...select.options].map((o) => o.textContent)).toEqual(['30 days', '90 days', '180 days', '365 days']);
    fireEvent.change(select, { target: { value: '365' } });
    expect(onWindow).toHaveBeenCalledWith(365);
    fireEvent.click(view.getByText('CSV'));
    await vi.waitFor(() => expect(download).toHaveBeenCalledWith('lapsing?lapsingDays=180', 'csv'));
  });

  it('says None. when nothing lapses within the window', () => {
    const view = render(
      <LapsingTable
        page={list({ items: [], total: 0 })}
        view={{ nameOf, focal: () => new Map(), onFocus: () => {} }}
        onWindow={() => {}}
      />,
    );
    expect(view.container.textContent).toContain('None.');
  });
});

describe('the executive line and the map mark', () => {
  it('sums the rises per year, names the largest, and says when none lapses', () => {
    expect(lapsingSentence(list())).toBe(
      '2 assessments lapse within 90 days of 2027-03-01: expected annual loss +¥2.5B per year if none is renewed; largest: Ota Precision Springs ★3 on 2027-04-30 (+¥2.1B per year).',
    );
    expect(lapsingSentence(list({ items: [], total: 0 }))).toBe('No assessment lapses within 90 days of 2027-03-01.');
    const covered = list().items.map((row) => ({ ...row, aalIncrease: 0 }));
    expect(lapsingSentence(list({ items: covered }))).toBe(
      '2 assessments lapse within 90 days of 2027-03-01; none raises the expected annual loss (another valid assessment holds each level).',
    );
    lang.value = 'ja';
    expect(lapsingSentence(list())).toContain('2027-03-01から90日以内に2件の評価が失効します');
    const view = render(<LapsingLine list={list()} />);
    expect(view.container.querySelector('#exec-lapsing')?.textContent).toContain('年24.5億円');
    expect(render(<LapsingLine list={null} />).container.textContent).toBe('');
  });

  it('marks each company whose level drops once, not a covered lapse; the legend names the window and follows it', () => {
    const [ota, tanaka] = list().items;
    const covered = { ...tanaka!, id: 'kyokuto', level: 4, levelAfter: 4 };
    const scored = { ...tanaka!, id: 'ise-ecu', levelAfter: 0 }; // a security score is kept, the level still drops
    const rows = [ota!, tanaka!, { ...ota!, rank: 3, level: 4 }, covered, scored];
    expect([...lapsingCompanies(rows)]).toEqual(['ota-springs', 'tanaka', 'ise-ecu']);
    const days = signal(90);
    const view = render(<Legend lapsingDays={days} />);
    const entry = () => view.container.querySelector('[data-legend-lapsing]')?.textContent;
    expect(entry()).toBe('its level lapses within 90 days of the analysis date');
    days.value = 365;
    view.rerender(<Legend lapsingDays={days} />);
    expect(entry()).toContain('365 days');
  });
});
