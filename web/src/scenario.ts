/**
 * The Scenario tab: "what if these companies are hit for N days?". The companies are the
 * map's selection (shift-click adds; the box here adds by name or id); Run posts
 * POST /api/scenario and the answer is replayed day by day: a slider (day 0 … lastDay)
 * with play/pause drives the map (companies down that day get the red `down-day` halo,
 * those stopping that day `stop-day`), a bar chart shows the revenue at risk per day
 * with the day marked, and the totals, the peak and the focal companies' stop days sit
 * above it. Runs can be saved (analyst role; a viewer's 403 is said plainly), loaded,
 * deleted, and two saved runs compared side by side (GET /api/scenarios/compare).
 * Every number comes from the API; replay.ts only re-reads the run's timeline.
 *
 * @example
 *   const scenario = createScenarioTab({ api, map, selection: () => ids, setSelection, nameOf, remember, track, bringIntoView, onReplay });
 *   await scenario.mount(pane);
 */
import type {
  CompanyRow,
  SavedScenario,
  SavedScenarioList,
  ScenarioComparison,
  ScenarioRun,
} from '../../src/contract/api-types.ts';
import { ApiRequestError, type ApiClient } from './api-client.ts';
import { formatNumber, h, setChildren, svg } from './dom.ts';
import type { SupplyMap } from './map.ts';
import { barChart, companies, downByDay, eventsOn, formatYen, formatYenFull, joinNames } from './replay.ts';
import { shortName } from './to-elements.ts';

export const DEFAULT_DAYS = 10;
/** The longest hit the form offers (the API takes up to 36,500 days). */
export const MAX_DAYS = 3650;
/** Milliseconds per day while playing. */
export const PLAY_STEP_MS = 900;

export interface ScenarioContext {
  api: ApiClient;
  map: SupplyMap;
  /** The map's selection: the companies a scenario hits. */
  selection(): string[];
  /** Replaces the map's selection. */
  setSelection(ids: string[]): void;
  nameOf(id: string): string;
  remember(id: string, name: string): void;
  /** Runs `work` counted as pending; a failure is shown (toast) and gives undefined. */
  track<T>(work: Promise<T>): Promise<T | undefined>;
  /** Brings the companies `ids` onto the map, looking downstream of `from`. */
  bringIntoView(ids: string[], from: string[]): Promise<void>;
  /** A replay is about to be drawn on the map (end the breach simulation banner). */
  onReplay(): void;
}

export interface ScenarioTab {
  mount(pane: HTMLElement): Promise<void>;
  /** The map's selection changed. */
  selectionChanged(): void;
  /** The map view changed (what is in view may differ). */
  viewChanged(): void;
}

interface Shown {
  run: ScenarioRun;
  /** The saved scenario's name, or null for an unsaved run. */
  name: string | null;
  /** Ids down per day. */
  days: string[][];
  /** Every company the run stops. */
  affected: string[];
}

type SavedItem = SavedScenarioList['items'][number];

/** The short names of `ids`, at most `max` of them and "+N more". */
function nameList(ids: readonly string[], nameOf: (id: string) => string, max = 6): string {
  const names = ids.slice(0, max).map((id) => shortName(nameOf(id)));
  return ids.length > max ? `${names.join(', ')} +${ids.length - max} more` : joinNames(names);
}

/** The message of a failed save or delete: the server's 403 for a viewer token says which role it takes. */
function writeError(action: 'saved' | 'deleted', error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 403)
    return `Not ${action}: your token is not allowed to. ${error.message}`;
  return `Not ${action}: ${error instanceof Error ? error.message : String(error)}`;
}

export function createScenarioTab(ctx: ScenarioContext): ScenarioTab {
  let shown: Shown | null = null;
  let day = 0;
  let timer = 0;
  let saved: SavedItem[] = [];
  let comparison: ScenarioComparison | null = null;

  // The form.
  const hitList = h('div', { class: 'scenario-hit' });
  const addInput = h('input', {
    id: 'scenario-add',
    type: 'search',
    placeholder: 'Add a company: name or id…',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const addResults = h('ul', { class: 'search-results', hidden: true });
  const daysInput = h('input', {
    id: 'scenario-days',
    type: 'number',
    min: 1,
    max: MAX_DAYS,
    step: 1,
    value: DEFAULT_DAYS,
  });
  const runButton = h('button', { id: 'scenario-run', class: 'primary danger', type: 'submit' }, 'Run scenario');
  const formError = h('p', { id: 'scenario-form-error', class: 'error small', role: 'alert', hidden: true });
  const form = h(
    'form',
    {
      class: 'scenario-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void ctx.track(run());
      },
    },
    h('h3', {}, 'Breach scenario'),
    h('label', {}, 'Companies hit'),
    hitList,
    h('div', { class: 'search' }, addInput, addResults),
    h('div', { class: 'days-row' }, h('label', { for: 'scenario-days' }, 'Days down'), daysInput, runButton),
    formError,
    h(
      'p',
      { class: 'muted small form-note' },
      'Hit for N days: down on days 0 … N−1, back on day N. Buyers live off their inventory buffers before they stop.',
    ),
  );

  // The replay.
  const replay = h('div', { class: 'scenario-replay' });
  // Saved scenarios and the comparison picker.
  const nameInput = h('input', {
    id: 'scenario-name',
    type: 'text',
    placeholder: 'Name this run…',
    maxlength: 80,
    autocomplete: 'off',
  });
  const message = h('p', { id: 'scenario-message', class: 'scenario-message', role: 'status', hidden: true });
  const savedList = h('ul', { class: 'saved-list' });
  const compareA = h('select', { id: 'compare-a', 'aria-label': 'Scenario A' });
  const compareB = h('select', { id: 'compare-b', 'aria-label': 'Scenario B' });
  const compareButton = h(
    'button',
    { id: 'compare-run', type: 'button', onclick: () => void ctx.track(compare()) },
    'Compare',
  );
  const side = h(
    'div',
    { class: 'scenario-saved' },
    h('h3', {}, 'Saved scenarios'),
    h(
      'form',
      {
        class: 'save-row',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void ctx.track(save());
        },
      },
      nameInput,
      h('button', { id: 'scenario-save', type: 'submit' }, 'Save'),
    ),
    message,
    savedList,
    h(
      'div',
      { class: 'compare-row' },
      h('span', { class: 'muted' }, 'Compare'),
      compareA,
      h('span', { class: 'muted' }, 'with'),
      compareB,
      compareButton,
    ),
  );
  const compareView = h('div', { class: 'scenario-compare', hidden: true });
  const root = h('div', { class: 'scenario' }, form, replay, compareView, side);

  function renderHit(): void {
    const ids = ctx.selection();
    setChildren(
      hitList,
      ids.length === 0
        ? h('p', { class: 'muted small' }, 'Shift-click companies on the map, or add them below.')
        : ids.map((id) =>
            h(
              'span',
              { class: 'chip', 'data-id': id, title: id },
              shortName(ctx.nameOf(id)),
              h(
                'button',
                {
                  class: 'chip-x',
                  type: 'button',
                  title: 'Remove',
                  onclick: () => ctx.setSelection(ctx.selection().filter((s) => s !== id)),
                },
                '×',
              ),
            ),
          ),
    );
    runButton.disabled = ids.length === 0;
  }

  function addCompany(c: Pick<CompanyRow, 'id' | 'name'>): void {
    ctx.remember(c.id, c.name);
    addInput.value = '';
    addResults.hidden = true;
    if (!ctx.selection().includes(c.id)) ctx.setSelection([...ctx.selection(), c.id]);
  }

  // Adding by search: debounced while typing; Enter takes the exact id or the first match.
  let searchTimer = 0;
  let searchSeq = 0;
  async function search(q: string): Promise<CompanyRow[]> {
    const seq = ++searchSeq;
    const list = await ctx.api.companies({ q, limit: 8 });
    if (seq === searchSeq) {
      addResults.hidden = false;
      setChildren(
        addResults,
        list.items.length === 0
          ? h('li', { class: 'muted empty' }, 'No company matches.')
          : list.items.map((c) =>
              h(
                'li',
                {
                  class: 'result',
                  'data-id': c.id,
                  onmousedown: (e: Event) => e.preventDefault(),
                  onclick: () => addCompany(c),
                },
                h('span', { class: 'result-name' }, c.name),
                h('span', { class: 'result-meta muted' }, c.id),
              ),
            ),
      );
    }
    return list.items;
  }
  addInput.addEventListener('input', () => {
    window.clearTimeout(searchTimer);
    const q = addInput.value.trim();
    if (!q) {
      addResults.hidden = true;
      return;
    }
    searchTimer = window.setTimeout(() => void ctx.track(search(q)), 180);
  });
  addInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') addResults.hidden = true;
    if (event.key !== 'Enter') return;
    event.preventDefault();
    window.clearTimeout(searchTimer);
    const q = addInput.value.trim();
    if (!q) return;
    void ctx.track(
      search(q).then((items) => {
        const pick = items.find((c) => c.id === q) ?? items[0];
        if (pick) addCompany(pick);
      }),
    );
  });
  addInput.addEventListener('blur', () => window.setTimeout(() => (addResults.hidden = true), 150));

  async function run(): Promise<void> {
    const hit = ctx.selection();
    const days = Math.round(Number(daysInput.value));
    formError.hidden = true;
    const problem =
      hit.length === 0
        ? 'Pick at least one company to hit.'
        : !(days >= 1 && days <= MAX_DAYS)
          ? `Days down: a whole number from 1 to ${formatNumber(MAX_DAYS)}.`
          : null;
    if (problem) {
      formError.textContent = problem;
      formError.hidden = false;
      return;
    }
    const answer = await ctx.api.scenario({ hit, days });
    show(answer.scenario, null);
  }

  function show(result: ScenarioRun, name: string | null): void {
    for (const c of result.companies) ctx.remember(c.id, c.name);
    for (const f of result.focal) ctx.remember(f.id, f.name);
    stop();
    shown = { run: result, name, days: downByDay(result), affected: result.companies.map((c) => c.id) };
    closeCompare();
    renderReplay();
    setDay(0);
    ctx.map.showAll(shown.affected);
  }

  function renderReplay(): void {
    if (!shown) {
      setChildren(
        replay,
        h('h3', {}, 'Replay'),
        h(
          'p',
          { class: 'muted' },
          'Run a scenario to replay its cascade on the map day by day: who stops when, and the revenue at risk each day.',
        ),
      );
      return;
    }
    const r = shown.run;
    setChildren(
      replay,
      h(
        'div',
        { class: 'replay-head' },
        h('h3', {}, shown.name ? `Replay: ${shown.name}` : 'Replay'),
        h(
          'span',
          { class: 'muted small' },
          `${nameList(r.hit, ctx.nameOf, 3)} hit for ${r.days} day${r.days === 1 ? '' : 's'}`,
        ),
        h('span', { class: 'spacer' }),
        h(
          'button',
          { id: 'scenario-clear', type: 'button', class: 'link-button', onclick: () => clearReplay() },
          'Clear from map',
        ),
      ),
      h(
        'div',
        { class: 'kpis' },
        kpi(`Revenue at risk over ${r.days} day${r.days === 1 ? '' : 's'}`, formatYen(r.totalRevenueAtRisk), {
          id: 'scenario-total',
          value: r.totalRevenueAtRisk,
          title: `${formatYenFull(r.totalRevenueAtRisk)} over days 0–${r.lastDay}`,
        }),
        kpi('Companies stopped', formatNumber(r.companies.length), { value: r.companies.length }),
        kpi('Peak', `${formatNumber(r.peak.down)} down`, { value: r.peak.down, sub: `on day ${r.peak.day}` }),
        h(
          'div',
          { class: 'kpi focal-stops', 'data-kpi': 'focal' },
          h('span', { class: 'kpi-label' }, 'Focal companies'),
          ...r.focal.map((f) =>
            h(
              'div',
              {
                class: `focal-stop${f.stoppedOn === null ? ' ok' : ''}`,
                'data-id': f.id,
                'data-stopped-on': f.stoppedOn ?? '',
              },
              h('strong', {}, shortName(f.name)),
              ' ',
              f.stoppedOn === null
                ? 'keeps running'
                : `stops day ${f.stoppedOn}, ${f.daysDown} day${f.daysDown === 1 ? '' : 's'} down`,
            ),
          ),
          r.focal.length === 0 && h('div', { class: 'muted' }, 'none in the data'),
        ),
      ),
      h(
        'div',
        { class: 'slider-row' },
        h(
          'button',
          {
            id: 'scenario-play',
            type: 'button',
            class: 'play',
            title: 'Play the cascade day by day',
            onclick: () => (timer ? stop() : play()),
          },
          '▶',
        ),
        h('input', {
          id: 'scenario-day',
          type: 'range',
          min: 0,
          max: r.lastDay,
          step: 1,
          value: 0,
          'aria-label': 'Day',
          oninput: (e: Event) => {
            stop();
            setDay(Number((e.target as HTMLInputElement).value));
          },
        }),
        h('strong', { class: 'day-label', id: 'scenario-day-label' }),
      ),
      h('p', { class: 'day-caption', id: 'scenario-caption' }),
      chartWrap,
      h('p', { class: 'outside muted small', id: 'scenario-outside', hidden: true }),
    );
    drawChart();
  }

  /** The chart at the width of its box (drawn again when the box changes width). */
  const chartWrap = h('div', { class: 'chart-wrap' });
  let chartWidth = 0;
  function drawChart(): void {
    if (!shown) return;
    chartWidth = chartWrap.clientWidth;
    setChildren(
      chartWrap,
      h('div', { class: 'chart-title' }, 'Revenue at risk per day'),
      chart(shown.run, chartWidth > 0 ? chartWidth : 560),
    );
    markDay();
  }
  new ResizeObserver(() => {
    if (shown && chartWrap.isConnected && chartWrap.clientWidth > 0 && chartWrap.clientWidth !== chartWidth)
      drawChart();
  }).observe(chartWrap);

  /** Marks the current day on the chart. */
  function markDay(): void {
    for (const bar of chartWrap.querySelectorAll<SVGRectElement>('rect.rar-bar'))
      bar.classList.toggle('current', Number(bar.dataset['day']) === day);
    const band = chartWrap.querySelector<SVGRectElement>('rect.day-band');
    if (band) band.setAttribute('x', String(Number(band.dataset['x0']) + Number(band.dataset['slot']) * day));
  }

  function kpi(
    label: string,
    value: string,
    options: { id?: string; value: number; title?: string; sub?: string },
  ): HTMLElement {
    return h(
      'div',
      { class: 'kpi', title: options.title },
      h('span', { class: 'kpi-label' }, label),
      h('strong', { id: options.id, 'data-value': options.value }, value),
      options.sub && h('span', { class: 'kpi-sub muted' }, options.sub),
    );
  }

  const CHART_HEIGHT = 150;
  function chart(r: ScenarioRun, width: number): SVGSVGElement {
    const CHART = { width, height: CHART_HEIGHT };
    const geometry = barChart(r.revenueAtRisk, { ...CHART, left: 56, bottom: 30 });
    const { plot } = geometry;
    const text = (
      x: number,
      y: number,
      content: string,
      anchor: 'start' | 'middle' | 'end',
      cls: string,
    ): SVGTextElement => {
      const t = svg('text', { x, y, 'text-anchor': anchor, class: cls });
      t.textContent = content;
      return t;
    };
    const slot = plot.width / Math.max(1, r.revenueAtRisk.length);
    const elements: SVGElement[] = [];
    elements.push(
      svg('rect', {
        class: 'day-band',
        'data-x0': plot.x,
        'data-slot': slot,
        x: plot.x,
        y: plot.y,
        width: slot,
        height: plot.height,
      }),
    );
    for (const tick of geometry.yTicks) {
      elements.push(svg('line', { class: 'grid', x1: plot.x, x2: plot.x + plot.width, y1: tick.y, y2: tick.y }));
      elements.push(text(plot.x - 6, tick.y + 3.5, formatYen(tick.value), 'end', 'tick'));
    }
    for (const bar of geometry.bars) {
      const rect = svg('rect', {
        class: 'rar-bar',
        'data-day': bar.day,
        'data-value': bar.value,
        x: bar.x,
        y: bar.y,
        width: bar.width,
        height: bar.height,
      });
      const title = svg('title');
      title.textContent = `Day ${bar.day}: ${formatYenFull(bar.value)} at risk, ${formatNumber(r.down[bar.day] ?? 0)} down`;
      rect.append(title);
      elements.push(rect);
      // A wider, invisible target per day: click a day to jump to it.
      const hit = svg('rect', {
        class: 'rar-target',
        x: plot.x + slot * bar.day,
        y: plot.y,
        width: slot,
        height: plot.height,
      });
      hit.addEventListener('click', () => {
        stop();
        setDay(bar.day);
      });
      elements.push(hit);
    }
    elements.push(
      svg('line', {
        class: 'axis',
        x1: plot.x,
        x2: plot.x + plot.width,
        y1: plot.y + plot.height,
        y2: plot.y + plot.height,
      }),
    );
    for (const tick of geometry.xTicks)
      elements.push(text(tick.x, plot.y + plot.height + 13, String(tick.day), 'middle', 'tick'));
    elements.push(text(plot.x + plot.width / 2, CHART.height - 3, 'day', 'middle', 'axis-title'));
    return svg(
      'svg',
      {
        class: 'rar-chart',
        viewBox: `0 0 ${CHART.width} ${CHART.height}`,
        role: 'img',
        'aria-label': 'Revenue at risk per day',
      },
      ...elements,
    );
  }

  function setDay(d: number): void {
    if (!shown) return;
    const r = shown.run;
    day = Math.max(0, Math.min(r.lastDay, Math.round(d)));
    const down = shown.days[day] ?? [];
    const { stopped, recovered } = eventsOn(r, day);
    const slider = replay.querySelector<HTMLInputElement>('#scenario-day');
    if (slider) slider.value = String(day);
    const label = replay.querySelector('#scenario-day-label');
    if (label) label.textContent = `Day ${day} of ${r.lastDay}`;
    const caption = replay.querySelector('#scenario-caption');
    if (caption) {
      setChildren(
        caption,
        h('strong', {}, `${companies(down.length)} down`),
        ` · ${formatYen(r.revenueAtRisk[day] ?? 0)} revenue at risk that day`,
        stopped.length > 0 &&
          h(
            'span',
            { class: 'stops' },
            ` · stop${stopped.length === 1 ? 's' : ''} today: ${nameList(stopped, ctx.nameOf)}`,
          ),
        recovered.length > 0 && h('span', { class: 'recovers' }, ` · back up: ${nameList(recovered, ctx.nameOf)}`),
      );
    }
    markDay();
    ctx.onReplay();
    ctx.map.showReplay({ down, stopping: stopped, hit: r.hit, affected: shown.affected });
    renderOutside();
  }

  function renderOutside(): void {
    const note = replay.querySelector<HTMLElement>('#scenario-outside');
    if (!note || !shown) return;
    const outside = shown.affected.filter((id) => !ctx.map.has(id));
    note.hidden = outside.length === 0;
    if (outside.length === 0) return;
    const current = shown;
    setChildren(
      note,
      `${companies(outside.length)} this scenario stops ${outside.length === 1 ? 'is' : 'are'} not in this view: ${nameList(outside, ctx.nameOf)} `,
      h(
        'button',
        {
          id: 'scenario-show-outside',
          type: 'button',
          class: 'link-button',
          onclick: () => void ctx.track(ctx.bringIntoView(outside, current.run.hit).then(() => setDay(day))),
        },
        'Show them',
      ),
    );
  }

  function play(): void {
    if (!shown) return;
    if (day >= shown.run.lastDay) setDay(0);
    const button = replay.querySelector('#scenario-play');
    if (button) {
      button.textContent = '❚❚';
      button.classList.add('playing');
    }
    timer = window.setInterval(() => {
      if (!shown || day >= shown.run.lastDay) return stop();
      setDay(day + 1);
    }, PLAY_STEP_MS);
  }

  function stop(): void {
    if (timer) window.clearInterval(timer);
    timer = 0;
    const button = replay.querySelector('#scenario-play');
    if (button) {
      button.textContent = '▶';
      button.classList.remove('playing');
    }
  }

  function clearReplay(): void {
    stop();
    shown = null;
    ctx.map.showReplay(null);
    renderReplay();
  }

  function showMessage(text: string | null, error = false): void {
    message.hidden = text === null;
    message.textContent = text ?? '';
    message.classList.toggle('error', error);
    message.classList.toggle('ok', !error);
  }

  async function save(): Promise<void> {
    const name = nameInput.value.trim();
    if (!name) return showMessage('Give the scenario a name first.', true);
    const hit = shown ? shown.run.hit : ctx.selection();
    const days = shown ? shown.run.days : Math.round(Number(daysInput.value));
    if (hit.length === 0) return showMessage('Run a scenario (or pick companies) before saving.', true);
    let result: SavedScenario;
    try {
      result = await ctx.api.saveScenario({ name, hit, days });
    } catch (error) {
      return showMessage(writeError('saved', error), true);
    }
    nameInput.value = '';
    showMessage(`Saved “${result.name}”.`);
    if (shown && !shown.name) {
      shown.name = result.name;
      const head = replay.querySelector('.replay-head h3');
      if (head) head.textContent = `Replay: ${result.name}`;
    }
    await refreshSaved();
  }

  async function remove(name: string): Promise<void> {
    try {
      await ctx.api.deleteScenario(name);
    } catch (error) {
      return showMessage(writeError('deleted', error), true);
    }
    showMessage(`Deleted “${name}”.`);
    if (comparison && (comparison.a.name === name || comparison.b.name === name)) closeCompare();
    await refreshSaved();
  }

  async function load(name: string): Promise<void> {
    const scenario = await ctx.api.savedScenario(name);
    daysInput.value = String(scenario.days);
    ctx.setSelection(scenario.hit);
    show(scenario.result, scenario.name);
  }

  async function refreshSaved(): Promise<void> {
    const list = await ctx.api.scenarios();
    saved = list.items;
    renderSaved();
  }

  function renderSaved(): void {
    setChildren(
      savedList,
      saved.length === 0
        ? h('li', { class: 'muted empty' }, 'None saved yet.')
        : saved.map((s) =>
            h(
              'li',
              { 'data-name': s.name },
              h(
                'div',
                { class: 'saved-text' },
                h('strong', {}, s.name),
                h(
                  'span',
                  { class: 'muted small' },
                  `${nameList(s.hit, ctx.nameOf, 2)} · ${s.days} d · ${formatYen(s.totalRevenueAtRisk)} · ${companies(s.stopped)} stop`,
                ),
              ),
              h(
                'button',
                {
                  type: 'button',
                  'data-action': 'load',
                  title: 'Replay it',
                  onclick: () => void ctx.track(load(s.name)),
                },
                'Load',
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'icon-button',
                  'data-action': 'delete',
                  title: 'Delete',
                  'aria-label': `Delete ${s.name}`,
                  onclick: () => void ctx.track(remove(s.name)),
                },
                '×',
              ),
            ),
          ),
    );
    // Keep what was picked for comparison when it still exists; else the two newest.
    const names = saved.map((s) => s.name);
    const keepA = names.includes(compareA.value) ? compareA.value : (names[1] ?? names[0] ?? '');
    const keepB = names.includes(compareB.value) ? compareB.value : (names[0] ?? '');
    for (const [select, keep] of [
      [compareA, keepA],
      [compareB, keepB],
    ] as const) {
      setChildren(
        select,
        names.map((n) => h('option', { value: n }, n)),
      );
      select.value = keep;
    }
    compareButton.disabled = names.length < 2;
  }

  async function compare(): Promise<void> {
    const a = compareA.value;
    const b = compareB.value;
    if (!a || !b) return;
    if (a === b) return showMessage('Pick two different scenarios to compare.', true);
    comparison = await ctx.api.compareScenarios(a, b);
    for (const s of [comparison.a, comparison.b]) for (const c of s.result.companies) ctx.remember(c.id, c.name);
    stop();
    renderCompare(comparison);
    const { onlyA, onlyB, both } = comparison;
    const all = [...onlyA, ...onlyB, ...both];
    const outside = all.filter((id) => !ctx.map.has(id));
    if (outside.length > 0) await ctx.bringIntoView(outside, [...new Set([...comparison.a.hit, ...comparison.b.hit])]);
    ctx.onReplay();
    ctx.map.showComparison({ onlyA, onlyB, both });
    ctx.map.showAll(all);
  }

  function renderCompare(c: ScenarioComparison): void {
    const focalNames = (s: SavedScenario): string => {
      const stopped = s.result.focal.filter((f) => f.stoppedOn !== null);
      return stopped.length === 0 ? 'none' : stopped.map((f) => `${shortName(f.name)} (day ${f.stoppedOn})`).join(', ');
    };
    const cell = (s: SavedScenario, which: 'a' | 'b', f: (s: SavedScenario) => HTMLElement | string): HTMLElement =>
      h('td', { 'data-scenario': which }, f(s));
    const row = (label: string, key: string, f: (s: SavedScenario) => HTMLElement | string): HTMLElement =>
      h('tr', { 'data-row': key }, h('th', {}, label), cell(c.a, 'a', f), cell(c.b, 'b', f));
    const list = (key: string, title: string, ids: string[]): HTMLElement =>
      h(
        'div',
        { class: `compare-list ${key}`, 'data-list': key },
        h('h4', {}, `${title} `, h('span', { class: 'count' }, `(${formatNumber(ids.length)})`)),
        ids.length === 0
          ? h('p', { class: 'muted small' }, 'none')
          : h(
              'ul',
              {},
              ids.map((id) => h('li', { 'data-id': id, title: id }, shortName(ctx.nameOf(id)))),
            ),
      );
    const versions = c.a.version !== c.b.version;
    const heading = (which: 'a' | 'b', s: SavedScenario): HTMLElement =>
      h(
        'th',
        { 'data-scenario': which, class: 'compare-name', title: s.name },
        h('span', { class: `tag ${which}` }, which.toUpperCase()),
        s.name,
      );
    const table = h(
      'table',
      { class: 'compare-table' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), heading('a', c.a), heading('b', c.b))),
      h(
        'tbody',
        {},
        row('Hit', 'hit', (s) => `${nameList(s.hit, ctx.nameOf, 3)} for ${s.days} day${s.days === 1 ? '' : 's'}`),
        row('Revenue at risk over the outage', 'revenue', (s) =>
          h(
            'strong',
            {
              class: 'revenue',
              'data-value': s.result.totalRevenueAtRisk,
              title: formatYenFull(s.result.totalRevenueAtRisk),
            },
            formatYen(s.result.totalRevenueAtRisk),
          ),
        ),
        row('Companies stopped', 'stopped', (s) =>
          h('span', { 'data-value': s.result.companies.length }, formatNumber(s.result.companies.length)),
        ),
        row('Peak', 'peak', (s) => `${formatNumber(s.result.peak.down)} down on day ${s.result.peak.day}`),
        row('Focal companies stopped', 'focal', focalNames),
        row(
          'Saved',
          'saved',
          (s) =>
            `${s.createdAt.slice(0, 10)} by ${s.createdBy}${versions ? ` · network ${s.version.slice(0, 8)}` : ''}`,
        ),
      ),
    );
    const lists = h(
      'div',
      { class: 'compare-lists' },
      list('only-a', 'Stop only in A', c.onlyA),
      list('both', 'Stop in both', c.both),
      list('only-b', 'Stop only in B', c.onlyB),
    );
    setChildren(
      compareView,
      h(
        'div',
        { class: 'replay-head' },
        h('h3', {}, 'Comparison'),
        h('span', { class: 'muted small' }, 'on the map: only A blue, only B amber, both red'),
        h('span', { class: 'spacer' }),
        h(
          'button',
          { id: 'compare-close', type: 'button', class: 'link-button', onclick: () => closeCompare() },
          'Back to the replay',
        ),
      ),
      h('div', { class: 'compare-body' }, table, lists),
      versions && h('p', { class: 'warn-text small' }, 'The two were run on different versions of the network.'),
    );
    root.classList.add('comparing');
    compareView.hidden = false;
  }

  function closeCompare(): void {
    if (!comparison) return;
    comparison = null;
    compareView.hidden = true;
    root.classList.remove('comparing');
    if (shown) setDay(day);
    else ctx.map.showComparison(null);
  }

  return {
    async mount(pane) {
      setChildren(pane, root);
      renderHit();
      renderReplay();
      renderSaved();
      await refreshSaved();
    },
    selectionChanged: () => renderHit(),
    viewChanged: () => {
      if (shown && ctx.map.replaying) setDay(day);
      else renderOutside();
    },
  };
}
