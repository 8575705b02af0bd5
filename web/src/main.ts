/**
 * The page's wiring: loads the network summary and the focal companies' upstream view
 * (GET /api/graph?depth=3&limit=1500), and connects the search box, the filters, the map
 * (click = details and exposure path, shift-click = add to the breach selection,
 * double-click = bring in hidden suppliers), the side panel, the tables below and the
 * breach simulation banner; the Scenario tab (scenario.ts) shares the selection and
 * replays its runs on the map; `#executive` (the header button) shows the one-page
 * executive report (executive.ts) over everything. Each action is one or two API calls
 * and a redraw; nothing is analysed here. `window.__weaklink` exposes the Cytoscape instance, a `ready`
 * promise (first view drawn) and `pending()` (work in flight) for tests.
 */
import type { Core } from 'cytoscape';
import type {
  CompanyDetailResponse,
  CompanyRow,
  SimulateResponse,
  SummaryResponse,
} from '../../src/contract/api-types.ts';
import { ApiRequestError, createApiClient, type GraphFilters } from './api-client.ts';
import { formatLevel, formatNumber, formatShare, h, setChildren } from './dom.ts';
import { createExecutiveView } from './executive.ts';
import { createElement, render } from 'preact';
import { Legend } from './legend.tsx';
import { SupplyMap } from './map.ts';
import { renderPanel, renderPanelIntro, renderPanelLoading } from './panel.ts';
import { formatYen, formatYenFull } from './replay.ts';
import { createScenarioTab } from './scenario.ts';
import { scoreColour } from './style.ts';
import { createTabs } from './tabs.ts';
import { shortName } from './to-elements.ts';

export interface WeaklinkHandle {
  readonly cy: Core;
  ready: Promise<void>;
  isReady: boolean;
  /** `performance.now()` when the first view had been drawn (ms since navigation). */
  readyAt: number | null;
  /** The renderer of the current instance. */
  readonly renderer: 'canvas' | 'webgl';
  /** Requests and redraws in flight; 0 when the page is idle. */
  pending(): number;
}

declare global {
  interface Window {
    __weaklink?: WeaklinkHandle;
  }
}

const OVERVIEW_LIMIT = 1500;
/** Where the API token is kept: this browser tab only (sessionStorage). */
const TOKEN_KEY = 'weaklink.token';
const DEFAULT_DEPTH = 3;
/** The most tiers the API follows in one request. */
const MAX_TIERS = 10;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`weaklink: the page has no #${id}`);
  return el as T;
}

/** The token in `#token=…` (the link the server prints) moves to sessionStorage and out of the address bar. */
function takeTokenFromUrl(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return;
  storeToken(decodeURIComponent(match[1]!));
  history.replaceState(null, '', location.pathname + location.search);
}

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage disabled: the token lasts until the page is reloaded.
  }
}

async function start(): Promise<void> {
  takeTokenFromUrl();
  const api = createApiClient({ token: readToken });
  const els = {
    summary: byId('summary'),
    search: byId<HTMLInputElement>('search'),
    results: byId<HTMLUListElement>('search-results'),
    depth: byId<HTMLSelectElement>('filter-depth'),
    commodity: byId<HTMLSelectElement>('filter-commodity'),
    country: byId<HTMLSelectElement>('filter-country'),
    critical: byId<HTMLInputElement>('filter-critical'),
    fit: byId<HTMLButtonElement>('fit'),
    reset: byId<HTMLButtonElement>('reset'),
    legend: byId('legend-slot'),
    map: byId('map'),
    selectionBar: byId('selection-bar'),
    banner: byId('sim-banner'),
    status: byId('status'),
    toast: byId('toast'),
    panel: byId('panel'),
    drawer: byId('drawer'),
    auth: byId<HTMLDialogElement>('auth'),
    authForm: byId<HTMLFormElement>('auth-form'),
    authToken: byId<HTMLInputElement>('auth-token'),
    authMessage: byId('auth-message'),
    signOut: byId<HTMLButtonElement>('sign-out'),
    execOpen: byId<HTMLButtonElement>('exec-open'),
    executive: byId('executive'),
  };

  let busy = 0;
  const track = async <T>(work: Promise<T>): Promise<T | undefined> => {
    busy++;
    try {
      return await work;
    } catch (error) {
      showError(error);
      return undefined;
    } finally {
      busy--;
    }
  };

  let markReady: () => void = () => {};
  const handle: WeaklinkHandle = {
    get cy() {
      return map.cy;
    },
    ready: new Promise<void>((resolve) => (markReady = resolve)),
    isReady: false,
    readyAt: null,
    get renderer() {
      return map.webgl ? 'webgl' : 'canvas';
    },
    pending: () => busy + api.pending(),
  };
  window.__weaklink = handle;

  const webglParam = new URLSearchParams(location.search).get('webgl');
  const map = new SupplyMap(
    els.map,
    {
      onSelect: (id, additive) => void track(select(id, additive)),
      onExpand: (id) => void track(expand(id)),
      onBackground: () => clearSelection(),
    },
    // Canvas unless asked: ?webgl=1 forces Cytoscape's WebGL renderer for large views, ?webgl=auto uses it on a GPU.
    { webgl: webglParam === '1' ? true : webglParam === 'auto' ? 'auto' : false },
  );

  let summary: SummaryResponse | null = null;
  let selection: string[] = [];
  let primary: string | null = null;
  let simulation: SimulateResponse | null = null;
  const names = new Map<string, string>();
  const nameOf = (id: string): string => map.node(id)?.name ?? names.get(id) ?? id;

  const scenario = createScenarioTab({
    api,
    map,
    selection: () => selection,
    setSelection: (ids) => void track(setSelection(ids)),
    nameOf,
    remember: (id, name) => names.set(id, name),
    track,
    bringIntoView: (ids, from) => bringDownstream(ids, from),
    onReplay: () => {
      if (!simulation) return;
      simulation = null;
      renderBanner();
    },
  });
  const tabs = createTabs(els.drawer, api, {
    onFocus: (id) => void track(focus(id)),
    nameOf,
    focal: () => new Map(summary?.focal.map((f) => [f.id, f.name]) ?? []),
    renderScenario: (pane) => scenario.mount(pane),
  });
  const executive = createExecutiveView(els.executive, {
    api,
    track,
    summary: () => summary,
    onClose: () => showExecutive(false),
  });
  render(createElement(Legend, {}), els.legend);
  renderPanelIntro(els.panel);

  function showAuth(message: string | null): void {
    els.authMessage.hidden = message === null;
    els.authMessage.textContent = message ?? '';
    if (!els.auth.open) els.auth.showModal();
    els.authToken.focus();
  }
  els.authForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = els.authToken.value.trim();
    if (!token) return;
    storeToken(token);
    location.reload();
  });
  els.signOut.hidden = readToken() === null;
  els.signOut.addEventListener('click', () => {
    storeToken(null);
    location.reload();
  });

  function showError(error: unknown): void {
    if (error instanceof ApiRequestError && error.status === 401)
      return showAuth(readToken() === null ? null : error.message);
    els.toast.textContent = error instanceof Error ? error.message : String(error);
    els.toast.hidden = false;
    window.setTimeout(() => (els.toast.hidden = true), 6000);
  }

  function filters(): GraphFilters {
    return {
      commodity: els.commodity.value || undefined,
      country: els.country.value || undefined,
      criticalOnly: els.critical.checked || undefined,
    };
  }

  function renderSummary(s: SummaryResponse): void {
    const stat = (label: string, value: string, title?: string): HTMLElement =>
      h('div', { class: 'stat', title }, h('strong', {}, value), h('span', {}, label));
    setChildren(
      els.summary,
      stat('companies', formatNumber(s.companies)),
      stat('supplies', formatNumber(s.supplies)),
      stat(
        'focal',
        s.focal.length === 1 ? shortName(s.focal[0]!.name) : String(s.focal.length),
        s.focal.map((f) => f.name).join(', '),
      ),
      stat('unassessed', formatNumber(s.unassessed), 'Companies with neither a score nor a level: treated as score 0'),
      stat('single sources', formatNumber(s.singleSources)),
      stat('hidden critical', formatNumber(s.hiddenCriticalSuppliers)),
      stat('level gaps', formatNumber(s.levelGaps)),
      stat(
        'θ',
        String(s.theta),
        `Threshold: a buyer stops when less than ${formatShare(s.theta)} of a commodity is left. Hit likelihood: ${s.hitLikelihood}`,
      ),
    );
  }

  function fillFilters(s: SummaryResponse): void {
    const maxDepth = Math.min(MAX_TIERS, Math.max(1, s.maxTier));
    setChildren(
      els.depth,
      ...Array.from({ length: maxDepth }, (_, i) =>
        h('option', { value: i + 1 }, i + 1 === s.maxTier ? `${i + 1} (all tiers)` : `${i + 1} tier${i ? 's' : ''} up`),
      ),
    );
    els.depth.value = String(Math.min(DEFAULT_DEPTH, maxDepth));
    setChildren(
      els.commodity,
      h('option', { value: '' }, 'All commodities'),
      ...s.commodities.map((c) => h('option', { value: c }, c)),
    );
    setChildren(
      els.country,
      h('option', { value: '' }, 'All countries'),
      ...s.countries.map((c) => h('option', { value: c }, c)),
    );
  }

  function renderStatus(): void {
    scenario.viewChanged();
    const { nodes, edges } = map.size;
    setChildren(
      els.status,
      h('span', {}, `${formatNumber(nodes)} companies · ${formatNumber(edges)} supplies in view`),
      map.truncated && h('span', { class: 'warn-text' }, ` · cut at the ${formatNumber(OVERVIEW_LIMIT)} nearest`),
      map.webgl && h('span', { class: 'muted' }, ' · WebGL'),
    );
  }

  async function loadOverview(): Promise<void> {
    const graph = await api.graph({
      depth: Number(els.depth.value) || DEFAULT_DEPTH,
      limit: OVERVIEW_LIMIT,
      ...filters(),
    });
    performance.mark('weaklink:graph-fetched');
    map.replace(graph);
    performance.mark('weaklink:graph-placed');
    // A selected company the new view leaves out would leave everything dimmed: clear it.
    if (primary !== null && !map.has(primary)) clearSelection();
    renderStatus();
    renderBanner();
  }

  function renderSelectionBar(): void {
    els.selectionBar.hidden = selection.length === 0;
    setChildren(
      els.selectionBar,
      h('span', { class: 'muted' }, selection.length > 1 ? `${selection.length} selected:` : 'Selected:'),
      ...selection.map((id) =>
        h(
          'span',
          { class: 'chip' },
          shortName(nameOf(id)),
          h('button', { class: 'chip-x', title: 'Remove', onclick: () => void track(select(id, true)) }, '×'),
        ),
      ),
      h(
        'button',
        { class: 'primary danger', id: 'simulate', onclick: () => void track(simulate()) },
        selection.length > 1 ? `Simulate breach of ${selection.length}` : 'Simulate breach',
      ),
      h('span', { class: 'hint muted' }, 'shift-click to add'),
    );
  }

  /** Selects company `id` (added to the selection when `additive`); resolves with the detail shown, if any. */
  async function select(id: string, additive: boolean): Promise<CompanyDetailResponse | undefined> {
    if (additive) {
      selection = selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id];
      primary = selection.includes(id) ? id : (selection[selection.length - 1] ?? null);
    } else {
      selection = [id];
      primary = id;
    }
    map.setSelection(selection);
    renderSelectionBar();
    scenario.selectionChanged();
    if (primary === null) {
      clearSelection();
      return undefined;
    }
    return showDetail(primary);
  }

  /** Replaces the selection with `ids` (the Scenario tab's companies), showing the last one's details. */
  async function setSelection(ids: string[]): Promise<void> {
    selection = [...new Set(ids)];
    primary = selection[selection.length - 1] ?? null;
    map.setSelection(selection);
    renderSelectionBar();
    scenario.selectionChanged();
    if (primary === null) return clearSelection();
    await showDetail(primary);
  }

  function clearSelection(): void {
    selection = [];
    primary = null;
    map.setSelection([]);
    map.showPath(null);
    map.showRadius(null);
    renderSelectionBar();
    scenario.selectionChanged();
    renderPanelIntro(els.panel);
  }

  /** Shows company `id` in the panel and its exposure path and blast radius on the map; resolves with its detail (undefined when the selection moved on). */
  async function showDetail(id: string): Promise<CompanyDetailResponse | undefined> {
    renderPanelLoading(els.panel, nameOf(id));
    const detail = await api.company(id);
    if (primary !== id) return undefined;
    names.set(id, detail.company.name);
    for (const s of detail.exposurePath) names.set(s.id, s.name);
    await bringPathIntoView(detail);
    if (primary !== id) return undefined;
    map.showPath(detail.exposurePath.map((s) => ({ id: s.id, commodity: s.commodity })));
    map.showRadius(id, detail.blastRadius);
    drawPanel(detail);
    return detail;
  }

  function drawPanel(detail: CompanyDetailResponse): void {
    const id = detail.company.id;
    renderPanel(els.panel, detail, {
      selection,
      hiddenSuppliers: map.cy.$id(id).data('hidden') ?? 0,
      onFocus: (other) => void track(focus(other)),
      onSimulate: () => void track(simulate()),
      onExpand: (other) => void track(expand(other)),
      onClose: () => clearSelection(),
    });
  }

  /** The exposure path can reach deeper than the view: bring the missing companies in. */
  async function bringPathIntoView(detail: CompanyDetailResponse): Promise<void> {
    const onPath = new Set(detail.exposurePath.map((s) => s.id));
    const missing = detail.exposurePath.filter((s) => !map.has(s.id));
    if (missing.length === 0) return;
    const graphs = await Promise.all(missing.map((s) => api.graph({ focus: s.id, up: 0, down: 1, limit: 200 })));
    for (const graph of graphs) map.merge(graph, { keep: (id) => onPath.has(id), anchor: detail.company.id });
    renderStatus();
  }

  /** Puts company `id` in view (bringing in its neighbourhood if needed), selects it and centres on it. */
  async function focus(id: string): Promise<void> {
    if (!map.has(id)) {
      const graph = await api.graph({ focus: id, up: 1, down: 1, limit: 300 });
      map.merge(graph);
      renderStatus();
    }
    map.centreOn(id);
    const detail = await select(id, false);
    // Frame the company with its exposure path and what it stops, so none runs off the screen.
    if (detail) map.showAll([id, ...detail.exposurePath.map((s) => s.id), ...detail.blastRadius.map((b) => b.id)]);
  }

  async function expand(id: string): Promise<void> {
    const graph = await api.graph({ focus: id, up: 1, down: 0, limit: OVERVIEW_LIMIT, ...filters() });
    const added = map.merge(graph, { anchor: id });
    renderStatus();
    flash(
      added.length > 0
        ? `Added ${added.length} supplier${added.length === 1 ? '' : 's'} of ${shortName(nameOf(id))}`
        : `All suppliers of ${shortName(nameOf(id))} are already shown`,
    );
    if (primary === id) await showDetail(id);
  }

  function flash(message: string): void {
    els.toast.textContent = message;
    els.toast.hidden = false;
    els.toast.classList.add('info');
    window.setTimeout(() => {
      els.toast.hidden = true;
      els.toast.classList.remove('info');
    }, 3000);
  }

  async function simulate(): Promise<void> {
    const hit = selection.length > 0 ? selection : primary ? [primary] : [];
    if (hit.length === 0) return;
    simulation = await api.simulate(hit);
    map.showDisruption(simulation);
    map.showAll(simulation.disrupted);
    renderBanner();
  }

  function renderBanner(): void {
    if (!simulation) {
      els.banner.hidden = true;
      return;
    }
    const sim = simulation;
    const outside = sim.disrupted.filter((id) => !map.has(id));
    const stopDay = new Map(sim.companies.map((c) => [c.id, c.stopDay]));
    const hitSet = new Set(sim.hit);
    // Focal companies the breach stops besides those it hits.
    const focalNames = sim.focalDisrupted
      .filter((id) => !hitSet.has(id))
      .map((id) => `${shortName(nameOf(id))} on day ${stopDay.get(id) ?? 0}`);
    const others = sim.disrupted.length - sim.hit.length;
    els.banner.hidden = false;
    setChildren(
      els.banner,
      h(
        'div',
        { class: 'banner-text' },
        h('strong', {}, `Breach at ${sim.hit.map((id) => shortName(nameOf(id))).join(', ')}`),
        h(
          'span',
          {},
          others === 0
            ? ' stops no other company'
            : ` stops ${formatNumber(others)} other compan${others === 1 ? 'y' : 'ies'}`,
        ),
        focalNames.length > 0 && h('span', {}, ', including ', h('strong', {}, focalNames.join(', '))),
        others > 0 && h('span', { class: 'muted' }, ' (days count from the breach; buffers delay a stop)'),
        outside.length > 0 && h('span', { class: 'muted' }, ` (${outside.length} outside this view)`),
      ),
      h(
        'div',
        {
          class: 'banner-figure',
          title: `Expected loss of this breach over the assumed outage durations: ${formatYenFull(sim.expectedLoss)} per event`,
        },
        h('span', {}, 'Revenue at risk'),
        h('strong', { class: 'revenue', 'data-value': sim.revenuePerDay }, formatYen(sim.revenuePerDay)),
        h('span', { class: 'unit' }, 'per day of outage'),
      ),
      h(
        'div',
        { class: 'banner-figure' },
        h('span', {}, 'Expected loss'),
        h('strong', { class: 'expected-loss', 'data-value': sim.expectedLoss }, formatYen(sim.expectedLoss)),
        h('span', { class: 'unit' }, 'per breach'),
      ),
      outside.length > 0 &&
        h('button', { id: 'show-disrupted', onclick: () => void track(showOutside(sim)) }, 'Show them'),
      h('button', { id: 'clear-simulation', onclick: () => clearSimulation() }, 'Clear'),
    );
  }

  async function showOutside(sim: SimulateResponse): Promise<void> {
    await bringDownstream(sim.disrupted, sim.hit);
    renderBanner();
    map.showAll(sim.disrupted);
  }

  /** Brings the companies `ids` into the view: those downstream of the companies `from` (their buyers, the buyers' buyers, …). */
  async function bringDownstream(ids: string[], from: string[]): Promise<void> {
    const wanted = new Set(ids);
    const down = Math.min(MAX_TIERS, Math.max(1, (summary?.maxTier ?? DEFAULT_DEPTH) + 1));
    const graphs = await Promise.all(from.map((id) => api.graph({ focus: id, up: 0, down, limit: OVERVIEW_LIMIT })));
    for (const graph of graphs) map.merge(graph, { keep: (id) => wanted.has(id) });
    renderStatus();
  }

  /** The executive view (`#executive`) over the map, or the map. */
  function showExecutive(on: boolean): void {
    if (on !== (location.hash === '#executive'))
      history.pushState(null, '', on ? '#executive' : location.pathname + location.search);
    route();
  }

  let executiveShown = false;
  function route(): void {
    const on = location.hash === '#executive';
    if (on === executiveShown) return;
    executiveShown = on;
    document.body.classList.toggle('executive-mode', on);
    els.executive.hidden = !on;
    els.execOpen.textContent = on ? 'Back to the map' : 'Executive view';
    els.execOpen.setAttribute('aria-pressed', String(on));
    document.title = on ? 'weaklink — executive summary' : 'weaklink — supply-chain exposure map';
    if (on) void track(executive.show());
  }
  // Back and forward between the map and the report: either event may come, route() acts once.
  window.addEventListener('hashchange', () => route());
  window.addEventListener('popstate', () => route());
  els.execOpen.addEventListener('click', () => showExecutive(location.hash !== '#executive'));

  function clearSimulation(): void {
    simulation = null;
    map.showDisruption(null);
    renderBanner();
  }

  // Search: debounced, newest answer wins; Enter waits for the answer to what is typed.
  let searchTimer = 0;
  let searchSeq = 0;
  let activeResult = -1;
  /** The query whose results are listed. */
  let shownQuery = '';
  /** Searches `q` now and lists the results, unless a newer search overtook it; resolves with them. */
  async function searchNow(q: string): Promise<CompanyRow[] | undefined> {
    const seq = ++searchSeq;
    const list = await track(api.companies({ q, limit: 8 }));
    if (!list || seq !== searchSeq) return undefined;
    renderResults(list.items);
    shownQuery = q;
    return list.items;
  }
  function cancelPendingSearch(): void {
    if (searchTimer !== 0) {
      window.clearTimeout(searchTimer);
      searchTimer = 0;
      busy--;
    }
  }
  function renderResults(items: CompanyRow[]): void {
    activeResult = -1;
    els.results.hidden = false;
    setChildren(
      els.results,
      ...(items.length === 0
        ? [h('li', { class: 'muted empty' }, 'No company matches.')]
        : items.map((c) =>
            h(
              'li',
              {
                class: 'result',
                'data-id': c.id,
                onmousedown: (e: Event) => e.preventDefault(),
                onclick: () => pick(c),
              },
              h(
                'span',
                { class: 'score-chip', style: `background:${scoreColour(c.effectiveScore)}` },
                c.unassessed ? '?' : String(c.effectiveScore),
              ),
              h('span', { class: 'result-name' }, c.name),
              h(
                'span',
                { class: 'result-meta muted' },
                [
                  c.country,
                  c.tier === null ? 'no tier' : `tier ${c.tier}`,
                  c.unassessed ? 'unassessed' : formatLevel(c.ownLevel),
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ),
          )),
    );
  }
  function pick(c: CompanyRow): void {
    names.set(c.id, c.name);
    els.search.value = c.name;
    els.results.hidden = true;
    void track(focus(c.id));
  }
  els.search.addEventListener('input', () => {
    cancelPendingSearch();
    const q = els.search.value.trim();
    if (!q) {
      shownQuery = '';
      els.results.hidden = true;
      return;
    }
    busy++;
    searchTimer = window.setTimeout(() => {
      searchTimer = 0;
      busy--;
      void searchNow(q);
    }, 180);
  });
  els.search.addEventListener('keydown', (event) => {
    const items = [...els.results.querySelectorAll<HTMLElement>('li.result')];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      activeResult = Math.max(0, Math.min(items.length - 1, activeResult + (event.key === 'ArrowDown' ? 1 : -1)));
      items.forEach((li, i) => li.classList.toggle('active', i === activeResult));
    } else if (event.key === 'Enter') {
      const q = els.search.value.trim();
      if (q !== '' && q !== shownQuery) {
        // The list is for an older query: search what is typed now, then open its first match.
        event.preventDefault();
        cancelPendingSearch();
        void searchNow(q).then((found) => {
          if (found?.[0]) pick(found[0]);
        });
        return;
      }
      (items[Math.max(activeResult, 0)] ?? null)?.click();
    } else if (event.key === 'Escape') {
      els.results.hidden = true;
    }
  });
  els.search.addEventListener('blur', () => window.setTimeout(() => (els.results.hidden = true), 150));

  for (const control of [els.depth, els.commodity, els.country, els.critical])
    control.addEventListener('change', () => void track(loadOverview()));
  els.fit.addEventListener('click', () => map.fit());
  els.reset.addEventListener('click', () => {
    els.depth.value = String(Math.min(DEFAULT_DEPTH, Math.max(1, summary?.maxTier ?? DEFAULT_DEPTH)));
    els.commodity.value = '';
    els.country.value = '';
    els.critical.checked = false;
    clearSelection();
    clearSimulation();
    void track(loadOverview());
  });

  busy++;
  try {
    summary = await api.summary();
    performance.mark('weaklink:summary-fetched');
    for (const f of summary.focal) names.set(f.id, f.name);
    renderSummary(summary);
    fillFilters(summary);
    if (location.hash === '#executive') route();
    await loadOverview();
    await firstRender(map.cy);
    void track(tabs.open('weak-links'));
  } catch (error) {
    showError(error);
  } finally {
    busy--;
    handle.readyAt = performance.now();
    handle.isReady = true;
    markReady();
  }
}

/** Resolves after Cytoscape has drawn a frame (or after a second, whichever is first). */
function firstRender(cy: Core): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, 1000);
    cy.one('render', () => {
      window.clearTimeout(timer);
      resolve();
    });
  });
}

void start();
