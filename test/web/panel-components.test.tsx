// @vitest-environment happy-dom
/**
 * The company panel as components: what it shows of GET /api/companies/:id (names as
 * text, money with unit and period, the blast radius with stop days, the capped lists),
 * its links and buttons, the entry point of panel.ts, and the level editor (analyst):
 * checked input, the PATCH sent on the panel's version, the saved sentence, a 409 and a 403.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompanyDetailResponse, CompanyEditResponse } from '../../src/contract/api-types.ts';
import { ApiRequestError, type ApiClient } from '../../web/src/api-client.ts';
import { renderPanel, renderPanelIntro, renderPanelLoading, type PanelContext } from '../../web/src/panel.ts';
import { CompanyPanel } from '../../web/src/panel/CompanyPanel.tsx';
import { lastEdit } from '../../web/src/panel/context.ts';
import { openLetter } from '../../web/src/shell/selection.ts';
import { CONFLICT_TEXT, SCORE_ERROR } from '../../web/src/panel/level-edit.ts';

afterEach(() => {
  cleanup();
  lastEdit.value = null;
});

function detail(): CompanyDetailResponse {
  const member = (i: number) => ({
    id: `b${i}`,
    name: `Buyer <${i}>`,
    tier: i === 0 ? null : 1,
    focal: i === 0,
    stopDay: i + 1,
    revenuePerDay: 1000 * (i + 1),
  });
  return {
    company: {
      id: 'kanazawa-trim',
      name: 'Kanazawa <Trim> & Co.',
      country: 'JP',
      industry: 'trim',
      size: 'sme',
      tier: 1,
      ownScore: 40,
      ownLevel: 2,
      unassessed: false,
      effectiveScore: 20,
      requiredLevel: 4,
      riskContribution: 1_200_000,
      blastRadiusSize: 15,
      criticalSupplierCount: 1,
      revenue: 4.2e9,
      focal: false,
      hitLikelihood: 0.05,
      expectedEventLoss: 24_000_000,
    },
    explanation: 'Its effective score is 20 because of Kanazawa Mold.',
    exposurePath: [
      {
        id: 'kanazawa-trim',
        name: 'Kanazawa <Trim> & Co.',
        ownScore: 40,
        effectiveScore: 20,
        commodity: 'molds',
        unassessed: false,
      },
      { id: 'mold', name: 'Kanazawa Mold', ownScore: 20, effectiveScore: 20, commodity: null, unassessed: false },
    ],
    criticalSuppliers: [{ id: 'mold', name: 'Kanazawa Mold', direct: true, country: 'JP' }],
    blastRadius: Array.from({ length: 15 }, (_, i) => member(i)),
    suppliers: [
      {
        id: 'mold',
        name: 'Kanazawa Mold',
        commodity: 'molds',
        share: 1,
        access: 'network',
        bufferDays: 0,
        spend: null,
        singleSource: true,
        effectiveScore: 20,
        ownScore: 20,
      },
    ],
    buyers: [],
    levelGap: {
      ownLevel: 2,
      requiredLevel: 4,
      askedBy: [{ buyer: 'b0', buyerName: 'Buyer <0>', commodity: 'trim', reasons: ['access'] }],
    },
    structuralImportance: { pagerank: 0.000031, rank: 1_987, companies: 100_000 },
    counts: { suppliers: 3, buyers: 0, blastRadius: 15, criticalSuppliers: 1 },
    listLimit: 50,
  };
}

function context(overrides: Partial<PanelContext> = {}): PanelContext {
  return {
    selection: ['kanazawa-trim'],
    hiddenSuppliers: 2,
    onFocus: vi.fn(),
    onSimulate: vi.fn(),
    onExpand: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
}

describe('CompanyPanel', () => {
  it('shows the company with names as text, money with unit and period, and its lists', () => {
    const ctx = context();
    const { container, getByText } = render(<CompanyPanel detail={detail()} ctx={ctx} />);
    const q = (selector: string) => container.querySelector(selector);
    expect(q('h2.company-name')?.textContent).toBe('Kanazawa <Trim> & Co.');
    expect(q('.facts')?.textContent).toBe('kanazawa-trim · JP · trim · SME · tier 1');
    expect(q('.explanation')?.textContent).toBe('Its effective score is 20 because of Kanazawa Mold.');
    expect(q('.risk-contribution')?.getAttribute('data-value')).toBe('1200000');
    expect(q('.risk-contribution')?.textContent).toMatch(/^¥.+ \/ year$/);
    expect(q('.event-loss')?.textContent).toMatch(/^¥.+ \/ hit$/);
    expect(q('.hit-likelihood')?.textContent).toBe('5.00% / year');
    expect(q('.structural')?.textContent).toBe('top 2% · #1,987 of 100,000 (PageRank 0.000031)');
    expect(q('.structural')?.getAttribute('title')).toMatch(
      /no cascade: who stops if this company fails is its blast radius/,
    );
    expect(q('.level-row.gap .badge.warn')?.textContent).toBe('gap 2');
    expect(q('.path-list li.root .root-label')?.textContent).toBe('root cause');
    // Blast radius: 12 of 15 with their stop day, then "Show all 15".
    const members = () => container.querySelectorAll('ul.stop-days li[data-id]');
    expect(members().length).toBe(12);
    expect(members()[0]?.textContent).toContain('Buyer <0> stops on day 1');
    expect(members()[0]?.getAttribute('data-stop-day')).toBe('1');
    fireEvent.click(getByText('Show all 15'));
    expect(members().length).toBe(15);
    expect(container.textContent).toContain('Level gap: own ★2, required ★4');
    expect(container.textContent).toContain('… and 2 more'); // 3 suppliers, 1 answered
    expect(container.textContent).toContain('Supplies nobody.');
    // No editor without `edit`.
    expect(container.querySelector('[data-action="edit-level"]')).toBeNull();
  });

  it('focuses a linked company, simulates, expands and closes through the context', () => {
    const ctx = context({ selection: ['a', 'b', 'c'] });
    const { container, getByText, getByRole } = render(<CompanyPanel detail={detail()} ctx={ctx} />);
    fireEvent.click(container.querySelector('.path-list a.company-link[data-id="mold"]')!);
    expect(ctx.onFocus).toHaveBeenCalledWith('mold');
    fireEvent.click(getByText('Simulate breach of 3 selected'));
    expect(ctx.onSimulate).toHaveBeenCalled();
    fireEvent.click(getByText('Show 2 more suppliers'));
    expect(ctx.onExpand).toHaveBeenCalledWith('kanazawa-trim');
    fireEvent.click(getByRole('button', { name: 'Close' }));
    expect(ctx.onClose).toHaveBeenCalled();
  });

  it('offers "Request letter" for a supplier when the page can open it, and opens the letter of this company', () => {
    expect(
      render(<CompanyPanel detail={detail()} ctx={context()} />).container.querySelector('[data-action="letter"]'),
    ).toBeNull();
    cleanup();
    const ctx = context({ onLetter: vi.fn() });
    const { getByRole } = render(<CompanyPanel detail={detail()} ctx={ctx} />);
    fireEvent.click(getByRole('button', { name: 'Request letter' }));
    expect(ctx.onLetter).toHaveBeenCalledWith('kanazawa-trim');
  });

  it('openLetter opens a tab first, then shows the letter fetched with the token in the page language', async () => {
    const doc = document.implementation.createHTMLDocument('');
    const tab = { document: doc, CSSStyleSheet, close: vi.fn() };
    const open = vi.fn(() => tab as unknown as Window);
    const html =
      '<!doctype html><html lang="ja"><head><title>Request — Kanazawa</title><style>h1 { font-size: 15pt; }</style></head>' +
      '<body><h1>Request for supply-chain security measures</h1><p>To: Kanazawa &lt;Trim&gt;</p></body></html>';
    const letter = vi.fn(async () => new Blob([html], { type: 'text/html' }));
    openLetter({ letter }, 'kanazawa-trim', open);
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(letter).toHaveBeenCalledWith('kanazawa-trim', 'en');
    await waitFor(() =>
      expect(doc.querySelector('h1')?.textContent).toBe('Request for supply-chain security measures'),
    );
    // The inline style (refused by the page's CSP the tab inherits) is adopted as a constructed sheet instead.
    expect(doc.querySelector('style')).toBeNull();
    expect(doc.adoptedStyleSheets.map((s) => s.cssRules[0]?.cssText)).toEqual(['h1 { font-size: 15pt; }']);
    expect([doc.title, doc.documentElement.lang, doc.body.textContent]).toEqual([
      'Request — Kanazawa',
      'ja',
      'Request for supply-chain security measuresTo: Kanazawa <Trim>',
    ]);
    expect(tab.close).not.toHaveBeenCalled();
  });
});

describe('panel.ts', () => {
  it('draws the intro, a loading placeholder and a company into the container', () => {
    const el = document.createElement('div');
    renderPanelIntro(el);
    expect(el.querySelector('.panel-intro h2')?.textContent).toBe('Select a company');
    renderPanelLoading(el, 'Kanazawa <Trim>');
    expect(el.querySelector('.panel-loading h2')?.textContent).toBe('Kanazawa <Trim>');
    renderPanel(el, detail(), context());
    expect(el.querySelector('h2.company-name')?.textContent).toBe('Kanazawa <Trim> & Co.');
    expect(el.querySelector('.panel-intro')).toBeNull();
  });
});

function editApi(answer: () => Promise<CompanyEditResponse>) {
  const editCompany = vi.fn(answer);
  return { api: { editCompany } as unknown as ApiClient, editCompany };
}

describe('LevelEditor', () => {
  const saved: CompanyEditResponse = {
    version: 'v2',
    previousVersion: 'v1',
    company: { id: 'kanazawa-trim', scsLevel: 3, securityScore: null },
    previous: { scsLevel: 2, securityScore: null },
  };

  it('checks the score next to the field, sends the level on the version and says what was saved', async () => {
    const { api, editCompany } = editApi(async () => saved);
    const onEdited = vi.fn();
    const ctx = context({ edit: { api, version: () => 'v1', onEdited } });
    const { container, getByText, getByLabelText } = render(<CompanyPanel detail={detail()} ctx={ctx} />);
    fireEvent.click(getByText('Edit level'));
    expect((getByLabelText('★ level') as HTMLSelectElement).value).toBe('2');
    fireEvent.change(getByLabelText('★ level'), { target: { value: '3' } });
    fireEvent.input(getByLabelText(/Security score/), { target: { value: '140' } });
    fireEvent.click(getByText('Save'));
    expect(container.querySelector('.field-error')?.textContent).toBe(SCORE_ERROR);
    expect(editCompany).not.toHaveBeenCalled();
    fireEvent.input(getByLabelText(/Security score/), { target: { value: '' } });
    fireEvent.click(getByText('Save'));
    await waitFor(() => expect(onEdited).toHaveBeenCalledWith(saved));
    expect(editCompany).toHaveBeenCalledWith('kanazawa-trim', { version: 'v1', scsLevel: 3, securityScore: null });
    expect(container.querySelector('.edit-outcome')?.textContent).toBe('Saved: ★2 → ★3. The analysis is updated.');
    expect(container.querySelector('form.level-edit-form')).toBeNull();
    // The page redraws the panel with the updated analysis: the sentence stays.
    const el = document.createElement('div');
    renderPanelLoading(el, 'Kanazawa');
    renderPanel(el, detail(), ctx);
    expect(el.querySelector('.edit-outcome')?.textContent).toBe('Saved: ★2 → ★3. The analysis is updated.');
  });

  it('asks for a reload on a 409 and shows the server message of a 403', async () => {
    let error = new ApiRequestError(409, 'conflict', 'version v1 is not the current one');
    const { api } = editApi(async () => Promise.reject(error));
    const onEdited = vi.fn();
    const ctx = context({ edit: { api, version: () => 'v1', onEdited } });
    const { container, getByText } = render(<CompanyPanel detail={detail()} ctx={ctx} />);
    fireEvent.click(getByText('Edit level'));
    fireEvent.click(getByText('Save'));
    await waitFor(() => expect(container.querySelector('.edit-outcome.refused')?.textContent).toBe(CONFLICT_TEXT));
    error = new ApiRequestError(403, 'forbidden', 'This needs an analyst token; yours is a viewer token.');
    fireEvent.click(getByText('Save'));
    await waitFor(() =>
      expect(container.querySelector('.edit-outcome.refused')?.textContent).toBe(
        'This needs an analyst token; yours is a viewer token.',
      ),
    );
    expect(onEdited).not.toHaveBeenCalled();
  });
});

describe('the explanation in Japanese', () => {
  it('is rebuilt from the exposure path, the English sentence kept in English', async () => {
    const { explanationText } = await import('../../web/src/panel/CompanyPanel.tsx');
    const { lang } = await import('../../web/src/i18n.ts');
    const detail = {
      explanation: 'Effective score 20 (own 40): its molds supply depends on Kanazawa Mold, the root cause (own 20).',
      exposurePath: [
        { id: 'trim', name: '金沢内装トリム', ownScore: 40, effectiveScore: 20, commodity: null, unassessed: false },
        { id: 'mold', name: '金沢金型', ownScore: 20, effectiveScore: 20, commodity: '金型', unassessed: true },
      ],
    };
    expect(explanationText(detail)).toBe(detail.explanation);
    lang.value = 'ja';
    try {
      expect(explanationText(detail)).toBe(
        '実効スコア 20 (自社 40): 「金型」の調達を 金沢金型 に依存しており、これが根本原因です (自社スコア 20、未評価)。',
      );
    } finally {
      lang.value = 'en';
    }
  });
});
