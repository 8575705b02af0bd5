// @vitest-environment happy-dom
/**
 * The self-assessment view: the heat map's cells carry their symbol, class and a tooltip
 * naming supplier, criterion and answer; each order changes the rows or columns (by id the
 * rows fall under their category); the view sends the chosen files (company from the file
 * name or a mapping CSV), draws the answer, asks the matrix download of the same request,
 * and shows a refusal whole with sheet and cell; Japanese labels.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssessResponse } from '../../src/contract/api-types.ts';
import { ApiRequestError, type ApiClient } from '../../web/src/api-client.ts';
import { AssessView } from '../../web/src/assess/AssessView.tsx';
import { HeatMap } from '../../web/src/assess/HeatMap.tsx';
import { compareIds, pairWorkbooks, sortCriteria } from '../../web/src/assess/heat-map.ts';
import { createAssessStore } from '../../web/src/assess/state.ts';
import { lang } from '../../web/src/i18n.ts';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const counts = (met: number, partly: number, notMet: number, unanswered: number) => ({
  met,
  partly,
  'not-met': notMet,
  unanswered,
});

/** Catalogue order: 1-1-1-1, 4-1-3-2, 1-10-1-1, 3-1-1-1 (★4); answers per supplier in that order. */
const RESULT: AssessResponse = {
  catalog: { file: 'blank.xlsx', sha256: 'ab'.repeat(32), criteria: 4 },
  suppliers: [
    {
      company: 'ota',
      name: 'Ota Springs',
      file: 'ota.xlsx',
      riskContribution: 3e8,
      star3: counts(1, 1, 1, 0),
      star4: counts(0, 0, 1, 0),
      readyForStar3: false,
      unmet: ['4-1-3-2', '1-10-1-1', '3-1-1-1'],
      answers: 'opxx',
    },
    {
      company: 'abe',
      name: 'Abe Castings',
      file: 'abe.xlsx',
      riskContribution: 1e8,
      star3: counts(3, 0, 0, 0),
      readyForStar3: true,
      unmet: [],
      answers: 'ooo-',
    },
  ],
  criteria: [
    {
      rank: 1,
      position: 1,
      id: '4-1-3-2',
      level: 3,
      category: 4,
      text: 'Second factor.',
      failing: 1,
      notMet: 0,
      partly: 1,
      unanswered: 0,
      riskContribution: 3e8,
      suppliers: ['ota'],
    },
    {
      rank: 2,
      position: 3,
      id: '3-1-1-1',
      level: 4,
      category: 3,
      text: 'Inventory.',
      failing: 1,
      notMet: 1,
      partly: 0,
      unanswered: 1,
      riskContribution: 3e8,
      suppliers: ['ota'],
    },
    {
      rank: 3,
      position: 2,
      id: '1-10-1-1',
      level: 3,
      category: 1,
      text: 'Tenth rule.',
      failing: 1,
      notMet: 1,
      partly: 0,
      unanswered: 0,
      riskContribution: 3e8,
      suppliers: ['ota'],
    },
    {
      rank: 4,
      position: 0,
      id: '1-1-1-1',
      level: 3,
      category: 1,
      text: 'Board.',
      failing: 0,
      notMet: 0,
      partly: 0,
      unanswered: 0,
      riskContribution: 0,
      suppliers: [],
    },
  ],
};

const rowIds = (c: Element): string[] =>
  [...c.querySelectorAll('tbody tr[data-criterion]')].map((r) => r.getAttribute('data-criterion')!);
const colIds = (c: Element): string[] =>
  [...c.querySelectorAll('thead th.heat-supplier')].map((h) => h.getAttribute('data-company')!);

describe('HeatMap', () => {
  it('draws each answer as symbol and class, with a tooltip naming supplier, criterion and answer', () => {
    const { container } = render(
      <HeatMap result={RESULT} criteriaSort="risk" supplierSort="risk" onFocus={() => {}} />,
    );
    const row = container.querySelector('tr[data-criterion="4-1-3-2"]')!;
    const cells = [...row.querySelectorAll('td.heat-cell')];
    expect(cells.map((c) => [c.textContent, c.className])).toEqual([
      ['△', 'heat-cell partly'],
      ['○', 'heat-cell met'],
    ]);
    // The tooltip is written when the pointer reaches the cell; the answer is its accessible name.
    expect(cells[0]!.getAttribute('title')).toBeNull();
    fireEvent.mouseOver(cells[0]!);
    expect(cells[0]!.getAttribute('title')).toBe('Ota Springs (ota) — 4-1-3-2 Second factor.: partly met');
    fireEvent.mouseOver(cells[1]!);
    expect(cells[1]!.getAttribute('title')).toBe('Abe Castings (abe) — 4-1-3-2 Second factor.: met');
    expect(cells.map((c) => c.getAttribute('aria-label'))).toEqual(['partly met', 'met']);
    const star4 = [...container.querySelectorAll('tr[data-criterion="3-1-1-1"] td.heat-cell')];
    expect(star4.map((c) => [c.textContent, c.className])).toEqual([
      ['✖', 'heat-cell not-met'],
      ['–', 'heat-cell unanswered'],
    ]);
    expect(row.querySelector('.heat-level')!.textContent).toBe('★3');
    expect(container.querySelector('tr[data-criterion="3-1-1-1"] .heat-level')!.textContent).toBe('★4');
  });

  it('orders the criteria by id (numerically, grouped by category), failing count or ¥ per year', () => {
    const draw = (criteriaSort: 'id' | 'failing' | 'risk') =>
      render(<HeatMap result={RESULT} criteriaSort={criteriaSort} supplierSort="risk" onFocus={() => {}} />).container;
    const byId = draw('id');
    expect(rowIds(byId)).toEqual(['1-1-1-1', '1-10-1-1', '3-1-1-1', '4-1-3-2']);
    expect([...byId.querySelectorAll('tr.heat-group')].map((g) => g.textContent)).toEqual([
      '1 governance',
      '3 identify',
      '4 protect',
    ]);
    cleanup();
    // Equal failing counts and risk: ties by id.
    expect(rowIds(draw('risk'))).toEqual(['1-10-1-1', '3-1-1-1', '4-1-3-2', '1-1-1-1']);
    cleanup();
    const edited = {
      ...RESULT,
      criteria: RESULT.criteria.map((c) => (c.id === '4-1-3-2' ? { ...c, failing: 2, riskContribution: 1e8 } : c)),
    };
    expect(sortCriteria(edited.criteria, 'failing').map((c) => c.id)[0]).toBe('4-1-3-2');
    expect(sortCriteria(edited.criteria, 'risk').map((c) => c.id)[0]).toBe('1-10-1-1');
  });

  it('orders the suppliers by risk, unmet criteria or name, and focuses one from its header', () => {
    const onFocus = vi.fn();
    const draw = (supplierSort: 'risk' | 'unmet' | 'name') =>
      render(<HeatMap result={RESULT} criteriaSort="id" supplierSort={supplierSort} onFocus={onFocus} />).container;
    expect(colIds(draw('risk'))).toEqual(['ota', 'abe']);
    cleanup();
    expect(colIds(draw('unmet'))).toEqual(['ota', 'abe']);
    cleanup();
    const byName = draw('name');
    expect(colIds(byName)).toEqual(['abe', 'ota']);
    // The cells follow their columns.
    expect(
      [...byName.querySelectorAll('tr[data-criterion="1-10-1-1"] td.heat-cell')].map((c) => c.textContent),
    ).toEqual(['○', '✖']);
    const first = byName.querySelector('tr[data-criterion="1-10-1-1"] td.heat-cell')!;
    fireEvent.mouseOver(first);
    expect(first.getAttribute('title')).toBe('Abe Castings (abe) — 1-10-1-1 Tenth rule.: met');
    fireEvent.click(byName.querySelector('th[data-company="ota"] button')!);
    expect(onFocus).toHaveBeenCalledWith('ota');
  });

  it('keeps each tooltip with its supplier when the columns move', () => {
    const props = { result: RESULT, criteriaSort: 'id' as const, onFocus: () => {} };
    const { container, rerender } = render(<HeatMap {...props} supplierSort="risk" />);
    const cells = () => [...container.querySelectorAll('tr[data-criterion="1-10-1-1"] td.heat-cell')];
    fireEvent.mouseOver(cells()[0]!);
    rerender(<HeatMap {...props} supplierSort="name" />);
    expect(cells().map((c) => c.getAttribute('title') ?? '')).toEqual([
      '',
      'Ota Springs (ota) — 1-10-1-1 Tenth rule.: not met',
    ]);
  });

  it('compareIds compares part by part as numbers', () => {
    expect(['1-10-1-1', '1-9-1-1', '1-9-1-10', '1-9-1-2'].sort(compareIds)).toEqual([
      '1-9-1-1',
      '1-9-1-2',
      '1-9-1-10',
      '1-10-1-1',
    ]);
  });
});

describe('pairWorkbooks', () => {
  it('names each workbook by its file stem, or by its line in a mapping CSV, and says what is missing', () => {
    expect(pairWorkbooks(['ota.xlsx', 'Abe.XLSX']).pairs).toEqual([
      { file: 'ota.xlsx', company: 'ota' },
      { file: 'Abe.XLSX', company: 'Abe' },
    ]);
    const mapped = pairWorkbooks(['a.xlsx', 'b.xlsx'], { file: 'map.csv', text: '\uFEFFfile,company\na.xlsx,ota\n' });
    expect(mapped.pairs).toEqual([{ file: 'a.xlsx', company: 'ota' }]);
    expect(mapped.problems).toEqual(['b.xlsx is not listed in map.csv; add the line b.xlsx,COMPANY_ID.']);
    expect(pairWorkbooks(['a.xlsx'], { file: 'map.csv', text: 'name,id\n' }).problems).toEqual([
      'map.csv needs the columns file and company.',
    ]);
  });
});

function choose(container: Element, name: string, files: File[]): void {
  const input = container.querySelector(`input[name="${name}"]`) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

function setup(assess: ApiClient['assess']) {
  const download = vi.fn(async (_path: string, format: 'csv' | 'xlsx') => ({
    blob: new Blob(['x']),
    filename: `assess-matrix.${format}`,
  }));
  const store = createAssessStore({ api: { assess, download } });
  const onFocus = vi.fn();
  const view = render(<AssessView store={store} onClose={() => {}} onFocus={onFocus} />);
  return { ...view, store, download, onFocus };
}

describe('AssessView', () => {
  it('says what is missing, then sends the files as base64 with the company of each and draws the answer', async () => {
    const assess = vi.fn<ApiClient['assess']>(async () => RESULT);
    const { container, getByText, store, download } = setup(assess);
    fireEvent.click(getByText('Read the workbooks'));
    await waitFor(() => expect(container.querySelector('.assess-failure')).not.toBeNull());
    expect(container.querySelector('.assess-failure')!.textContent).toContain('Choose the blank workbook');
    expect(container.querySelector('.assess-failure')!.textContent).toContain('Choose at least one filled workbook.');
    expect(assess).not.toHaveBeenCalled();
    choose(container, 'workbooks', [new File(['OTA'], 'ota.xlsx'), new File(['ABE'], 'abe.xlsx')]);
    choose(container, 'catalog', [new File(['BLANK'], 'blank.xlsx')]);
    expect(container.textContent).toContain('2 workbooks chosen');
    fireEvent.click(getByText('Read the workbooks'));
    await waitFor(() => expect(container.querySelector('.heat-map')).not.toBeNull());
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    expect(assess).toHaveBeenCalledWith({
      catalog: { file: 'blank.xlsx', content: b64('BLANK') },
      workbooks: [
        { file: 'ota.xlsx', company: 'ota', content: b64('OTA') },
        { file: 'abe.xlsx', company: 'abe', content: b64('ABE') },
      ],
    });
    expect(container.querySelector('.assess-failure')).toBeNull();
    expect(container.querySelector('.assess-catalog')!.textContent).toBe(
      `Catalogue blank.xlsx: 4 criteria. SHA-256 ${'ab'.repeat(32)}`,
    );
    const abe = container.querySelector('.assess-suppliers tr[data-company="abe"]')!;
    expect(abe.querySelector('.ready-badge')!.textContent).toBe('Ready for ★3');
    expect(container.querySelector('.assess-suppliers tr[data-company="ota"]')!.textContent).toContain(
      '3 criteria unmet',
    );
    // Changing an order redraws the map.
    expect(rowIds(container)).toEqual(['1-10-1-1', '3-1-1-1', '4-1-3-2', '1-1-1-1']);
    fireEvent.change(container.querySelector('#assess-sort-criteria')!, { target: { value: 'id' } });
    expect(rowIds(container)).toEqual(['1-1-1-1', '1-10-1-1', '3-1-1-1', '4-1-3-2']);
    fireEvent.change(container.querySelector('#assess-sort-suppliers')!, { target: { value: 'name' } });
    expect(colIds(container)).toEqual(['abe', 'ota']);
    expect(store.supplierSort.value).toBe('name');
    // The matrix download repeats the same request with table=matrix.
    await store.download('xlsx');
    expect(download).toHaveBeenCalledWith('/api/assess?table=matrix', 'xlsx', assess.mock.calls[0]![0]);
    // A new network: the answer goes (its risk figures no longer hold), the files stay chosen.
    store.reset();
    await waitFor(() => expect(container.querySelector('.heat-map')).toBeNull());
    expect(store.files.value.workbooks).toHaveLength(2);
    await expect(store.download('csv')).rejects.toThrow();
  });

  it('pairs the workbooks through a mapping CSV', async () => {
    const assess = vi.fn<ApiClient['assess']>(async () => RESULT);
    const { container, getByText } = setup(assess);
    choose(container, 'workbooks', [new File(['1'], 'one.xlsx')]);
    choose(container, 'catalog', [new File(['B'], 'blank.xlsx')]);
    choose(container, 'mapping', [new File(['file,company\none.xlsx,ota\n'], 'map.csv')]);
    fireEvent.click(getByText('Read the workbooks'));
    await waitFor(() => expect(assess).toHaveBeenCalled());
    expect((assess.mock.calls[0] as unknown as [{ workbooks: { company: string }[] }])[0].workbooks[0]!.company).toBe(
      'ota',
    );
  });

  it('shows a refusal whole: the message and every issue with its file, sheet and cell', async () => {
    const assess = vi.fn(async () => {
      throw new ApiRequestError(
        400,
        'invalid_input',
        'the self-assessments were refused (2 errors); nothing loaded',
        null,
        [
          {
            severity: 'error',
            file: 'ghost.xlsx',
            field: 'workbooks[0].company',
            message: 'company id "ghost" is not in the network',
          },
          {
            severity: 'error',
            file: 'evil.xlsx',
            sheet: '評価基準',
            line: 4,
            column: 15,
            message: 'holds a formula; type the self-assessment (○ △ ✖) instead',
          },
        ],
      );
    });
    const { container, getByText } = setup(assess);
    choose(container, 'workbooks', [new File(['1'], 'ghost.xlsx'), new File(['2'], 'evil.xlsx')]);
    choose(container, 'catalog', [new File(['B'], 'blank.xlsx')]);
    fireEvent.click(getByText('Read the workbooks'));
    await waitFor(() => expect(container.querySelector('.assess-failure li')).not.toBeNull());
    const failure = container.querySelector('.assess-failure')!;
    expect(failure.querySelector('p')!.textContent).toBe(
      'Refused — the self-assessments were refused (2 errors); nothing loaded',
    );
    expect([...failure.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'ghost.xlsx workbooks[0].company: error: company id "ghost" is not in the network',
      'evil.xlsx:評価基準!O4: error: holds a formula; type the self-assessment (○ △ ✖) instead',
    ]);
    expect(container.querySelector('.heat-map')).toBeNull();
  });

  it('speaks Japanese', async () => {
    lang.value = 'ja';
    const { container, getByText } = setup(vi.fn(async () => RESULT));
    choose(container, 'workbooks', [new File(['1'], 'ota.xlsx')]);
    choose(container, 'catalog', [new File(['B'], 'blank.xlsx')]);
    fireEvent.click(getByText('ワークブックを読み込む'));
    await waitFor(() => expect(container.querySelector('.heat-map')).not.toBeNull());
    expect(container.querySelector('.ready-badge')!.textContent).toBe('★3 申請準備完了');
    const notMet = container.querySelector('td.heat-cell.not-met')!;
    fireEvent.mouseOver(notMet);
    expect(notMet.getAttribute('title')).toContain('未達 (✖)');
  });
});
