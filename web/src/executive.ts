/**
 * The executive view (`#executive`): one page per focal company from GET /api/executive.
 * Its tiles are the company's expected annual loss (yen per year, and its share of
 * revenue) and its 1-in-100-year annual loss; an exceedance chart (Observable Plot, see
 * exceedance-chart.ts) shows the annual and single-event losses by return period; then
 * the plan headline ("¥48M spent on 9 suppliers cuts … by 62% — the best possible
 * plan") with the lifts it buys, the worst single event, and the top 5 contributors,
 * each with its chain from the focal company and the day it stops it. The assumptions
 * behind every figure (hit likelihood curve, outage durations, loss ratio, lift costs)
 * are shown and can be changed for the session: they travel with each request and are
 * kept in sessionStorage, never written to the server. A picker chooses the focal
 * company when the network has several. Prints as one A4 page; every figure carries its
 * raw value in `data-value`.
 *
 * @example
 *   const view = createExecutiveView(section, { api, track, summary: () => s, onClose: () => (location.hash = '') });
 *   await view.show();
 */
import type { ExecutiveResponse, SummaryResponse } from '../../src/contract/api-types.ts';
import type { ApiClient, ExecutiveParams } from './api-client.ts';
import { formatNumber, h, setChildren } from './dom.ts';
import { exceedanceChart } from './exceedance-chart.ts';
import {
  formatPercent,
  formatYen,
  formatYenFull,
  pathText,
  planHeadline,
  readableReason,
  worstEventSentence,
} from './replay.ts';
import { shortName } from './to-elements.ts';

export interface ExecutiveContext {
  api: ApiClient;
  /** Runs `work` counted as pending; a failure is shown (toast) and gives undefined. */
  track<T>(work: Promise<T>): Promise<T | undefined>;
  /** The network summary, when loaded (for θ in the footnote). */
  summary(): SummaryResponse | null;
  /** Back to the map. */
  onClose(): void;
}

export interface ExecutiveView {
  /** Fetches (again, with the budget, focal company and assumptions chosen) and draws the report. */
  show(): Promise<void>;
  /** The last answer drawn. */
  readonly data: ExecutiveResponse | null;
}

/** The assumptions a session may change, as the form holds them (text). */
interface AssumptionText {
  hitBase: string;
  hitDecay: string;
  durations: string;
  lossRatio: string;
  costsSme: string;
  costsLarge: string;
}

const STORAGE_KEY = 'weaklink.executive.assumptions';
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "1:0.2, 5:0.25, …" from the response's durations. */
const durationsText = (d: ExecutiveResponse['assumptions']['durations']): string =>
  d.map((x) => `${x.days}:${x.probability}`).join(', ');

function assumptionsText(a: ExecutiveResponse['assumptions']): AssumptionText {
  return {
    hitBase: String(a.hitBase),
    hitDecay: String(a.hitDecay),
    durations: durationsText(a.durations),
    lossRatio: String(a.lossRatio),
    costsSme: a.liftCosts.sme.join(', '),
    costsLarge: a.liftCosts.large.join(', '),
  };
}

export function createExecutiveView(container: HTMLElement, ctx: ExecutiveContext): ExecutiveView {
  let data: ExecutiveResponse | null = null;
  /** The assumptions the session changed (sent with each request); null: the server's defaults. */
  let changed: AssumptionText | null = readStored();
  let focal: string | undefined;

  const budget = h('input', {
    id: 'exec-budget',
    type: 'number',
    min: 0,
    step: 1_000_000,
    inputmode: 'numeric',
    'aria-label': 'Security budget in yen',
  });
  const budgetHint = h('span', { class: 'muted small', id: 'exec-budget-hint' });
  budget.addEventListener(
    'input',
    () => (budgetHint.textContent = Number(budget.value) > 0 ? `= ${formatYen(Number(budget.value))}` : ''),
  );
  const picker = h('select', { id: 'exec-focal', 'aria-label': 'Focal company' });
  picker.addEventListener('change', () => {
    focal = picker.value || undefined;
    void ctx.track(load());
  });
  const toolbar = h(
    'div',
    { class: 'exec-toolbar no-print' },
    h('button', { id: 'exec-back', type: 'button', onclick: () => ctx.onClose() }, '← Back to the map'),
    h('label', { class: 'exec-focal-label', for: 'exec-focal' }, 'Company'),
    picker,
    h(
      'form',
      {
        class: 'exec-budget',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void ctx.track(load());
        },
      },
      h('label', { for: 'exec-budget' }, 'Shared security budget (¥)'),
      budget,
      budgetHint,
      h('button', { id: 'exec-update', type: 'submit' }, 'Update plan'),
    ),
    h('span', { class: 'spacer' }),
    h(
      'button',
      {
        id: 'exec-print',
        type: 'button',
        class: 'primary',
        title: 'Print, or save as PDF from the print dialog',
        onclick: () => window.print(),
      },
      'Print / save PDF',
    ),
  );
  const report = h('article', { class: 'report', id: 'exec-report', 'aria-live': 'polite' });
  const assumptions = h('details', { class: 'exec-assumptions no-print', id: 'exec-assumptions' });
  setChildren(container, toolbar, assumptions, report);

  function readStored(): AssumptionText | null {
    try {
      const text = sessionStorage.getItem(STORAGE_KEY);
      return text ? (JSON.parse(text) as AssumptionText) : null;
    } catch {
      return null;
    }
  }

  function params(): ExecutiveParams {
    const value = Number(budget.value);
    const p: ExecutiveParams = {};
    if (budget.value.trim() !== '' && Number.isFinite(value) && value >= 0) p.budget = value;
    if (focal) p.focal = focal;
    if (changed) {
      p.hitBase = Number(changed.hitBase);
      p.hitDecay = Number(changed.hitDecay);
      p.lossRatio = Number(changed.lossRatio);
      p.durations = changed.durations.replace(/\s+/g, '');
      p.costsSme = changed.costsSme.replace(/\s+/g, '');
      p.costsLarge = changed.costsLarge.replace(/\s+/g, '');
    }
    return p;
  }

  async function load(): Promise<void> {
    if (!data) setChildren(report, h('p', { class: 'muted loading' }, 'Preparing the report…'));
    report.classList.add('busy');
    try {
      data = await ctx.api.executive(params());
    } catch (error) {
      setChildren(
        report,
        h(
          'p',
          { class: 'error' },
          `Could not prepare the report: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      throw error;
    } finally {
      report.classList.remove('busy');
    }
    budget.value = String(data.plan.budget);
    budgetHint.textContent = `= ${formatYen(data.plan.budget)}`;
    focal = data.scope?.id;
    setChildren(
      picker,
      data.focal.length === 0
        ? h('option', { value: '' }, 'The whole network')
        : data.focal.map((f) => h('option', { value: f.id, selected: f.id === focal }, shortName(f.name))),
    );
    picker.disabled = data.focal.length <= 1;
    renderAssumptions(data);
    render(data);
  }

  function renderAssumptions(d: ExecutiveResponse): void {
    const current = changed ?? assumptionsText(d.assumptions);
    const field = (key: keyof AssumptionText, label: string, hint: string): HTMLElement =>
      h(
        'label',
        { class: 'assumption' },
        h('span', {}, label),
        h('input', { name: key, value: current[key], spellcheck: false }),
        h('small', { class: 'muted' }, hint),
      );
    const form = h(
      'form',
      {
        id: 'exec-assumptions-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const values = Object.fromEntries(
            new FormData(e.target as HTMLFormElement).entries(),
          ) as unknown as AssumptionText;
          changed = values;
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(values));
          void ctx.track(load());
        },
      },
      field(
        'hitBase',
        'Hit likelihood base',
        'p(s) = min(1, base × decay^score): the yearly chance an unassessed company (score 0) is hit',
      ),
      field(
        'hitDecay',
        'Hit likelihood decay',
        'per score point; 0.975 makes a score-100 company 12.6× less likely to be hit',
      ),
      field('durations', 'Outage durations', 'full-stop days:probability, …; the probabilities sum to 1'),
      field(
        'lossRatio',
        'Loss ratio',
        'share of revenue a stopped day loses: 1 = revenue at risk, ~0.2 = gross margin',
      ),
      field('costsSme', 'Lift costs, SME (¥)', 'one level each: ★0→1, 1→2, 2→3, 3→4, 4→5'),
      field('costsLarge', 'Lift costs, large (¥)', 'one level each: ★0→1, 1→2, 2→3, 3→4, 4→5'),
      h(
        'div',
        { class: 'assumption-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'exec-assumptions-apply' }, 'Apply for this session'),
        h(
          'button',
          {
            type: 'button',
            id: 'exec-assumptions-reset',
            onclick: () => {
              changed = null;
              sessionStorage.removeItem(STORAGE_KEY);
              void ctx.track(load());
            },
          },
          'Reset to the defaults',
        ),
      ),
    );
    setChildren(
      assumptions,
      h(
        'summary',
        {},
        'Assumptions',
        changed
          ? h('span', { class: 'badge warn' }, 'changed for this session')
          : h('span', { class: 'muted' }, ' — the documented defaults; open to change them'),
      ),
      form,
    );
  }

  function render(d: ExecutiveResponse): void {
    const summary = ctx.summary();
    const scope = d.scope;
    const scopeName = scope ? shortName(scope.name) : 'the network';
    const whose = scope ? `${scopeName}’s` : 'the network’s';
    const focalNames = new Map(d.focal.map((f) => [f.id, f.name]));
    const loss = d.loss;
    const plan = d.plan;
    const a = d.assumptions;
    const method =
      loss.method === 'exact'
        ? 'exact enumeration of every outcome'
        : `${formatNumber(loss.runs ?? 0)} simulated years (seed ${loss.seed})`;
    const event = worstEventSentence(
      d.worstEvent && { ...d.worstEvent, name: shortName(d.worstEvent.name) },
      scope ? scopeName : null,
    );
    const tile = (key: string, label: string, value: number, note: (HTMLElement | string | false)[]): HTMLElement =>
      h(
        'div',
        { class: `kpi kpi-money kpi-${key}`, 'data-kpi': key },
        h('span', { class: 'kpi-label' }, label),
        h('strong', { class: 'kpi-value', 'data-value': value, title: formatYenFull(value) }, formatYen(value)),
        h('span', { class: 'kpi-note' }, ...note),
      );
    const count = (key: string, label: string, value: string, raw: number, note: string): HTMLElement =>
      h(
        'div',
        { class: `kpi kpi-${key}`, 'data-kpi': key },
        h('span', { class: 'kpi-label' }, label),
        h('strong', { class: 'kpi-value', 'data-value': raw }, value),
        h('span', { class: 'kpi-note' }, note),
      );
    const chartHost = h('div', { class: 'exceedance-chart', id: 'exec-chart' });
    setChildren(
      report,
      h(
        'header',
        { class: 'report-head' },
        h(
          'div',
          {},
          h('p', { class: 'eyebrow' }, 'Supply-chain cyber risk · executive summary'),
          h('h1', { id: 'exec-title' }, scope ? scope.name : 'Our supply network'),
          scope &&
            h(
              'p',
              { class: 'muted' },
              `Annual revenue ${formatYen(scope.revenue)} · ${formatNumber(d.criticalSuppliers)} critical suppliers at any depth · ${formatNumber(d.companies)} companies mapped`,
            ),
        ),
        h(
          'div',
          { class: 'report-meta' },
          h('div', {}, dateFormat.format(new Date())),
          h('div', { class: 'muted' }, `network version ${d.version.slice(0, 12)}`),
        ),
      ),
      h(
        'section',
        { class: 'kpi-grid', 'aria-label': 'Headline figures' },
        tile('expected-loss', `Expected annual loss${scope ? ` to ${scopeName}` : ''}`, loss.expectedAnnualLoss, [
          'per year',
          loss.shareOfRevenue !== null && ' · ',
          loss.shareOfRevenue !== null &&
            h(
              'strong',
              { 'data-kpi': 'share-of-revenue', 'data-value': loss.shareOfRevenue },
              `${formatPercent(loss.shareOfRevenue)} of revenue`,
            ),
          ' — the average over many years',
        ]),
        tile('p99', '1-in-100-year annual loss', loss.quantiles.p99, [
          `in one year; a year this bad or worse comes once a century. 1-in-200: ${formatYen(loss.quantiles.p995)}`,
        ]),
        count(
          'unassessed',
          'Unassessed',
          formatPercent(d.unassessedShare),
          d.unassessedShare,
          'no score or SCS level: treated as weakest',
        ),
        count(
          'hidden-critical',
          'Hidden critical suppliers',
          formatNumber(d.hiddenCriticalSuppliers),
          d.hiddenCriticalSuppliers,
          'can stop a buyer from deeper tiers',
        ),
      ),
      h('section', { class: 'chart-section' }, h('h2', {}, `How bad a year can get for ${scopeName}`), chartHost),
      h(
        'section',
        {
          class: 'plan-headline',
          'data-kpi': 'plan',
          'data-cut': plan.cutPercent,
          'data-spent': plan.spent,
          'data-suppliers': plan.suppliers,
          'data-optimal': String(plan.optimal),
        },
        h('p', { class: 'eyebrow' }, 'Where a shared security budget buys the most'),
        h('p', { class: 'headline', id: 'exec-plan-headline' }, planHeadline(plan, whose)),
        h(
          'p',
          { class: 'sub' },
          `Expected annual loss ${formatYen(plan.lossBefore)} → ${formatYen(plan.lossAfter)} a year for a budget of ${formatYen(plan.budget)}, by funding SCS evaluations (★${a.planTargets.join('/★')}) where a yen avoids the most loss.`,
        ),
        plan.lifts.length > 0 &&
          h(
            'ol',
            { class: 'plan-lifts' },
            plan.lifts
              .slice(0, 5)
              .map((l) =>
                h(
                  'li',
                  { 'data-id': l.supplier },
                  h('strong', {}, shortName(l.name)),
                  ` ★${l.fromLevel} → ★${l.toLevel}: ${formatYen(l.cost)} once, avoids ${formatYen(l.avoided)} a year`,
                ),
              ),
            plan.lifts.length > 5 && h('li', { class: 'muted' }, `… and ${plan.lifts.length - 5} more`),
          ),
      ),
      event &&
        h(
          'section',
          { class: 'worst-breach', 'data-id': d.worstEvent?.id },
          h('h2', {}, 'Worst single event among them'),
          h('p', { id: 'exec-event' }, event),
        ),
      h(
        'section',
        { class: 'weak-links' },
        h('h2', {}, `Top ${d.topContributors.length} contributors to ${whose} expected loss`),
        d.topContributors.length === 0
          ? h('p', { class: 'muted' }, 'No hit anywhere stops it.')
          : h(
              'table',
              { class: 'exec-table' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { class: 'num' }, '#'),
                  h('th', {}, 'Supplier and why it matters'),
                  h('th', {}, 'Chain'),
                  h('th', { class: 'num' }, '¥ / year'),
                ),
              ),
              h(
                'tbody',
                {},
                d.topContributors.map((w, i) =>
                  h(
                    'tr',
                    { 'data-id': w.id },
                    h('td', { class: 'num rank' }, String(i + 1)),
                    h(
                      'td',
                      {},
                      h('strong', { class: 'name' }, shortName(w.name)),
                      w.focalStopDay !== null &&
                        scope &&
                        w.id !== scope.id &&
                        h('span', { class: 'stops' }, ` · stops ${scopeName} on day ${w.focalStopDay}`),
                      h('div', { class: 'reason', title: w.reason }, readableReason(w.reason, focalNames, shortName)),
                    ),
                    h(
                      'td',
                      { class: 'path' },
                      w.exposurePath.length > 1 ? pathText(w.exposurePath, shortName) : shortName(w.name),
                    ),
                    h(
                      'td',
                      { class: 'num', 'data-value': w.riskContribution, title: formatYenFull(w.riskContribution) },
                      formatYen(w.riskContribution),
                    ),
                  ),
                ),
              ),
            ),
      ),
      h(
        'footer',
        { class: 'report-notes' },
        h(
          'p',
          {},
          `Loss: ${scope ? `${scopeName}’s` : 'every company’s'} revenue${a.lossRatio === 1 ? '' : ` × ${a.lossRatio}`} per day it is stopped, counted from the day an outage upstream reaches it (when its inventory runs out) until the hit company recovers. `,
          `Each company is hit at most once a year with likelihood ${a.hitLikelihood} (s: its own security score); a hit stops it for ${a.durations.map((x) => x.days).join(', ')} days with probabilities ${a.durations.map((x) => formatPercent(x.probability)).join(', ')}. `,
          `Annual losses and the curve from ${method}; the expected annual loss is exact. ${changed ? 'Assumptions changed for this session.' : 'Default assumptions (documented sources).'}`,
        ),
        h(
          'p',
          {},
          `A buyer stops when less than ${summary ? formatPercent(summary.theta) : 'half'} of an input is left. Lift costs are assumptions by company size. All figures in yen.`,
        ),
      ),
    );
    const width = Math.max(420, Math.min(860, report.clientWidth - 48 || 760));
    chartHost.append(exceedanceChart(loss, { width, height: 210 }));
  }

  return {
    show: () => load(),
    get data() {
      return data;
    },
  };
}
