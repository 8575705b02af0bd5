/**
 * The executive view (`#executive`): a one-page report from GET /api/executive — the
 * headline figures (companies mapped, share unassessed, direct single sources, hidden
 * critical suppliers, expected annual loss with its 99th percentile), the plan's
 * headline ("¥B spent on N suppliers cuts expected loss by X%", budget adjustable), the
 * worst single breach in one sentence, and the top 5 weak links, each with its
 * one-line reason and its exposure path. It prints as one A4 page (the print rules in
 * styles.css hide everything else); the Print button calls window.print(), whose dialog
 * also saves a PDF. Every figure carries its raw value in `data-value`.
 *
 * @example
 *   const view = createExecutiveView(section, { api, track, summary: () => s, onClose: () => (location.hash = '') });
 *   await view.show();
 */
import type { ExecutiveResponse, SummaryResponse } from '../../server/api-types.ts';
import type { ApiClient } from './api-client.ts';
import { formatNumber, h, setChildren } from './dom.ts';
import { breachSentence, formatPercent, formatYen, formatYenFull, pathText, planHeadline, readableReason } from './replay.ts';
import { shortName } from './to-elements.ts';

export interface ExecutiveContext {
  api: ApiClient;
  /** Runs `work` counted as pending; a failure is shown (toast) and gives undefined. */
  track<T>(work: Promise<T>): Promise<T | undefined>;
  /** The network summary, when loaded (for the assumptions in the footnote). */
  summary(): SummaryResponse | null;
  /** Back to the map. */
  onClose(): void;
}

export interface ExecutiveView {
  /** Fetches (again, with the budget in the box when there is one) and draws the report. */
  show(): Promise<void>;
  /** The last answer drawn. */
  readonly data: ExecutiveResponse | null;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export function createExecutiveView(container: HTMLElement, ctx: ExecutiveContext): ExecutiveView {
  let data: ExecutiveResponse | null = null;
  const budget = h('input', { id: 'exec-budget', type: 'number', min: 0, step: 1_000_000, inputmode: 'numeric', 'aria-label': 'Security budget in yen' });
  const budgetHint = h('span', { class: 'muted small', id: 'exec-budget-hint' });
  budget.addEventListener('input', () => (budgetHint.textContent = Number(budget.value) > 0 ? `= ${formatYen(Number(budget.value))}` : ''));
  const toolbar = h(
    'div',
    { class: 'exec-toolbar no-print' },
    h('button', { id: 'exec-back', type: 'button', onclick: () => ctx.onClose() }, '← Back to the map'),
    h(
      'form',
      { class: 'exec-budget', onsubmit: (e: Event) => {
        e.preventDefault();
        void ctx.track(load());
      } },
      h('label', { for: 'exec-budget' }, 'Shared security budget (¥)'),
      budget,
      budgetHint,
      h('button', { id: 'exec-update', type: 'submit' }, 'Update plan'),
    ),
    h('span', { class: 'spacer' }),
    h('button', { id: 'exec-print', type: 'button', class: 'primary', title: 'Print, or save as PDF from the print dialog', onclick: () => window.print() }, 'Print / save PDF'),
  );
  const report = h('article', { class: 'report', id: 'exec-report', 'aria-live': 'polite' });
  setChildren(container, toolbar, report);

  async function load(): Promise<void> {
    const value = Number(budget.value);
    const wanted = budget.value.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : undefined;
    if (!data) setChildren(report, h('p', { class: 'muted loading' }, 'Preparing the report…'));
    report.classList.add('busy');
    try {
      data = await ctx.api.executive(wanted);
    } catch (error) {
      setChildren(report, h('p', { class: 'error' }, `Could not prepare the report: ${error instanceof Error ? error.message : String(error)}`));
      throw error;
    } finally {
      report.classList.remove('busy');
    }
    budget.value = String(data.plan.budget);
    budgetHint.textContent = `= ${formatYen(data.plan.budget)}`;
    render(data);
  }

  function render(d: ExecutiveResponse): void {
    const summary = ctx.summary();
    const focalName = new Map(d.focal.map((f) => [f.id, f.name]));
    const nameOf = (id: string): string => shortName(focalName.get(id) ?? id);
    const kpi = (key: string, label: string, value: string, raw: number, note?: HTMLElement | string): HTMLElement =>
      h('div', { class: `kpi kpi-${key}`, 'data-kpi': key }, h('span', { class: 'kpi-label' }, label), h('strong', { class: 'kpi-value', 'data-value': raw }, value), note && h('span', { class: 'kpi-note' }, note));
    const loss = d.expectedLoss;
    const plan = d.plan;
    const breach = breachSentence(d.worstBreach && { ...d.worstBreach, name: shortName(d.worstBreach.name) }, nameOf);
    const method = loss.method === 'exact' ? 'exact enumeration of every hit combination' : `Monte Carlo, ${formatNumber(loss.runs)} simulated years`;
    setChildren(report,
      h(
        'header',
        { class: 'report-head' },
        h(
          'div',
          {},
          h('p', { class: 'eyebrow' }, 'Supply-chain cyber risk · executive summary'),
          h('h1', {}, d.focal.length === 0 ? 'Our supply network' : d.focal.map((f) => shortName(f.name)).join(' & ')),
        ),
        h('div', { class: 'report-meta' }, h('div', {}, dateFormat.format(new Date())), h('div', { class: 'muted' }, `network version ${d.version.slice(0, 12)}`)),
      ),
      h(
        'section',
        { class: 'kpi-grid', 'aria-label': 'Headline figures' },
        kpi('companies', 'Companies mapped', formatNumber(d.companies), d.companies, 'in the supply network'),
        kpi('unassessed', 'Unassessed', formatPercent(d.unassessedShare), d.unassessedShare, 'no score or SCS level: treated as weakest'),
        kpi('single-sources', 'Direct single sources', formatNumber(d.singleSources), d.singleSources, 'losing one supplier stops the buyer'),
        kpi('hidden-critical', 'Hidden critical suppliers', formatNumber(d.hiddenCriticalSuppliers), d.hiddenCriticalSuppliers, 'can stop us from deeper tiers'),
        h(
          'div',
          { class: 'kpi kpi-loss', 'data-kpi': 'expected-loss' },
          h('span', { class: 'kpi-label' }, 'Expected annual loss'),
          h('strong', { class: 'kpi-value', 'data-value': loss.mean, title: formatYenFull(loss.mean) }, formatYen(loss.mean)),
          h('span', { class: 'kpi-note' }, '1-in-100 year: ', h('strong', { class: 'p99', 'data-kpi': 'p99', 'data-value': loss.p99, title: formatYenFull(loss.p99) }, formatYen(loss.p99))),
        ),
      ),
      h(
        'section',
        { class: 'plan-headline', 'data-kpi': 'plan', 'data-cut': plan.cutPercent, 'data-spent': plan.spent, 'data-suppliers': plan.suppliers },
        h('p', { class: 'eyebrow' }, 'Where a shared security budget buys the most'),
        h('p', { class: 'headline', id: 'exec-plan-headline' }, planHeadline(plan)),
        h(
          'p',
          { class: 'sub' },
          `Expected annual loss ${formatYen(plan.lossBefore)} → ${formatYen(plan.lossAfter)} for a budget of ${formatYen(plan.budget)}`,
          plan.suppliers > 0 ? ', by raising the SCS level of the suppliers where a yen avoids the most loss; each lift’s cost is split among the large buyers in proportion to the loss it saves them.' : '.',
        ),
      ),
      breach &&
        h('section', { class: 'worst-breach', 'data-id': d.worstBreach?.id }, h('h2', {}, 'Worst single breach'), h('p', { id: 'exec-breach' }, breach)),
      h(
        'section',
        { class: 'weak-links' },
        h('h2', {}, `Top ${d.topWeakLinks.length} weak links`),
        d.topWeakLinks.length === 0
          ? h('p', { class: 'muted' }, 'No company puts revenue at risk.')
          : h(
              'table',
              { class: 'exec-table' },
              h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '#'), h('th', {}, 'Supplier and why it matters'), h('th', {}, 'Exposure path'), h('th', { class: 'num' }, 'Risk / year'))),
              h(
                'tbody',
                {},
                d.topWeakLinks.map((w, i) =>
                  h(
                    'tr',
                    { 'data-id': w.id },
                    h('td', { class: 'num rank' }, String(i + 1)),
                    h('td', {}, h('strong', { class: 'name' }, shortName(w.name)), h('div', { class: 'reason', title: w.reason }, readableReason(w.reason, focalName, shortName))),
                    h('td', { class: 'path' }, w.exposurePath.length > 1 ? pathText(w.exposurePath, shortName) : h('span', {}, shortName(w.name), h('span', { class: 'muted' }, ' — stops no focal company on its own'))),
                    h('td', { class: 'num', 'data-value': w.riskContribution, title: formatYenFull(w.riskContribution) }, formatYen(w.riskContribution)),
                  ),
                ),
              ),
            ),
      ),
      h(
        'footer',
        { class: 'report-notes' },
        h('p', {}, `Expected loss: revenue stopped when suppliers are hit independently with a likelihood set by their own security score${summary ? ` (${summary.hitLikelihood})` : ''}, by ${method}; the 1-in-100-year figure is the 99th percentile. Exposure path “A ← B ← C”: A depends on B, which depends on C, the weakest link. Risk / year: hit likelihood × the revenue a breach there stops.`),
        h('p', {}, `A buyer stops when less than ${summary ? formatPercent(summary.theta) : 'half'} of an input is left. Lift costs are assumptions by company size; figures in yen.`),
      ),
    );
  }

  return {
    show: () => load(),
    get data() {
      return data;
    },
  };
}
