/**
 * The tables under the map, one tab each, loaded from the analysis endpoints the first
 * time the tab opens: the weak links; the direct single sources and the hidden critical
 * suppliers; the level gaps (★ required against own — the list procurement takes to
 * suppliers); the concentration (HHI per buyer and commodity, and the countries of each
 * tier as a stacked bar chart in plain DOM). Every row names one company in `data-id`
 * and focuses the map on it when clicked. Rows beyond `ROW_LIMIT` are left out, saying so.
 * The last tab, Scenario, is drawn by scenario.ts (`renderScenario`).
 *
 * @example
 *   const tabs = createTabs(el, api, { onFocus: (id) => focus(id), nameOf: (id) => id });
 *   await tabs.open('level-gaps');
 */
import type {
  ConcentrationResponse,
  CountryShare,
  HiddenCritical,
  LevelGap,
  SingleSource,
  WeakLink,
} from '../../src/contract/api-types.ts';
import type { ApiClient } from './api-client.ts';
import { formatLevel, formatNumber, formatShare, h, setChildren } from './dom.ts';
import { formatYen, readableReason } from './replay.ts';
import { scoreColour } from './style.ts';
import { shortName } from './to-elements.ts';

export const TAB_IDS = ['weak-links', 'sources', 'level-gaps', 'concentration', 'scenario'] as const;
export type TabId = (typeof TAB_IDS)[number];

const TAB_TITLES: Record<TabId, string> = {
  'weak-links': 'Weak links',
  sources: 'Single sources & hidden critical',
  'level-gaps': 'Level gaps',
  concentration: 'Concentration',
  scenario: 'Scenario',
};

/** Rows asked of the API and drawn per table at most (the API's largest page). */
export const ROW_LIMIT = 500;
/** Weak links asked of the API. */
export const WEAK_LINK_LIMIT = 50;

export interface TabsContext {
  onFocus(id: string): void;
  /** A display name for a company id (the id when unknown). */
  nameOf(id: string): string;
  /** The focal companies, id → name (reasons name them instead of their ids). */
  focal(): ReadonlyMap<string, string>;
  /** Draws the Scenario tab into its pane (scenario.ts), once. */
  renderScenario(pane: HTMLElement): Promise<void>;
}

export interface Tabs {
  open(id: TabId): Promise<void>;
  /** Forget loaded tables (the network changed). */
  reset(): void;
}

/** Why a buyer asks ★4 (server/api-types.ts LevelGap.askedBy.reasons), in a few words. */
const REASONS: Record<string, string> = {
  data: 'handles its data',
  halt: 'can halt it',
  access: 'reaches its systems',
};

const COUNTRY_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function createTabs(container: HTMLElement, api: ApiClient, ctx: TabsContext): Tabs {
  const loaded = new Set<TabId>();
  const buttons = new Map<TabId, HTMLButtonElement>();
  const panes = new Map<TabId, HTMLElement>();
  const bar = h('div', { class: 'tab-bar', role: 'tablist' });
  const body = h('div', { class: 'tab-body' });
  for (const id of TAB_IDS) {
    const button = h(
      'button',
      { class: 'tab', role: 'tab', 'data-tab': id, onclick: () => void open(id) },
      TAB_TITLES[id],
    );
    const pane = h('div', { class: 'tab-pane', 'data-tab-pane': id, hidden: true });
    buttons.set(id, button);
    panes.set(id, pane);
    bar.append(button);
    body.append(pane);
  }
  const toggle = h(
    'button',
    {
      class: 'icon-button drawer-toggle',
      title: 'Show or hide the tables',
      onclick: () => container.classList.toggle('collapsed'),
    },
    '▾',
  );
  bar.append(h('span', { class: 'spacer' }), toggle);
  setChildren(container, drawerHandle(container), bar, body);

  const row = (id: string, cells: (HTMLElement | string)[]): HTMLTableRowElement =>
    h(
      'tr',
      {
        class: 'row',
        'data-id': id,
        tabindex: 0,
        onclick: () => ctx.onFocus(id),
        onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && ctx.onFocus(id),
      },
      cells.map((c) => (typeof c === 'string' ? h('td', {}, c) : c)),
    );
  const num = (text: string): HTMLElement => h('td', { class: 'num' }, text);
  const company = (id: string, name?: string): HTMLElement =>
    h('td', { class: 'company' }, name ?? ctx.nameOf(id), h('span', { class: 'id' }, id));

  function table(
    name: string,
    head: string[],
    rows: HTMLTableRowElement[],
    total: number,
    numeric: number[] = [],
    titles: string[] = [],
  ): HTMLElement {
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data', 'data-table': name },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((t, i) => h('th', { class: numeric.includes(i) ? 'num' : '', title: titles[i] || undefined }, t)),
          ),
        ),
        h('tbody', {}, rows),
      ),
      total > rows.length &&
        h('p', { class: 'muted note' }, `Showing the first ${rows.length} of ${formatNumber(total)}.`),
      total === 0 && h('p', { class: 'muted note' }, 'None.'),
    );
  }

  const renderers: Record<TabId, (pane: HTMLElement) => Promise<void>> = {
    'weak-links': async (pane) => {
      const page = await api.weakLinks({ limit: WEAK_LINK_LIMIT });
      setChildren(
        pane,
        h(
          'p',
          { class: 'tab-intro' },
          `Companies ranked by risk contribution (yen per year): the hit likelihood of their own score (${page.hitLikelihood}, a year) × the expected loss of one hit — the days each stopped company is down over the assumed outage durations × its revenue per day.`,
        ),
        table(
          'weak-links',
          ['#', 'Company', 'Own', 'Risk ¥/yr', 'Stops', 'Loss ¥/hit', 'Why'],
          page.items.map(weakLinkRow),
          page.total,
          [0, 2, 3, 4, 5],
          [
            '',
            '',
            'Own security score (? = unassessed, scored 0)',
            'Risk contribution, yen per year: hit likelihood × expected loss of one hit',
            'Blast radius: companies a breach here stops',
            'Expected loss of one hit of this company, yen per event: revenue per day × days down, over the outage durations',
            '',
          ],
        ),
      );
    },
    sources: async (pane) => {
      const [single, hidden] = await Promise.all([
        api.singleSources({ limit: ROW_LIMIT }),
        api.hiddenCritical({ limit: ROW_LIMIT }),
      ]);
      setChildren(
        pane,
        h(
          'div',
          { class: 'split' },
          h(
            'div',
            {},
            h('h3', {}, `Direct single sources (${formatNumber(single.total)})`),
            h(
              'p',
              { class: 'tab-intro' },
              'Losing this supplier alone stops the buyer: its share of the commodity is above 1 − θ.',
            ),
            table(
              'single-sources',
              ['Supplier', 'Commodity', 'Buyer', 'Share'],
              single.items.map(singleSourceRow),
              single.total,
              [3],
            ),
          ),
          h(
            'div',
            {},
            h('h3', {}, `Hidden critical suppliers (${formatNumber(hidden.total)})`),
            h(
              'p',
              { class: 'tab-intro' },
              'Suppliers that can stop companies they do not sell to directly as a single source — invisible in a tier-1 supplier list.',
            ),
            table(
              'hidden-critical',
              ['Supplier', 'Stops', 'Focal companies it stops'],
              hidden.items.map(hiddenRow),
              hidden.total,
              [1],
            ),
          ),
        ),
      );
    },
    'level-gaps': async (pane) => {
      const page = await api.levelGaps({ limit: ROW_LIMIT });
      setChildren(
        pane,
        h(
          'p',
          { class: 'tab-intro' },
          'Suppliers whose own SCS level is below the level their buyers should ask (★4 when they handle confidential data, can halt a buyer, or can reach its systems; else ★3).',
        ),
        table(
          'level-gaps',
          ['Supplier', 'Own', 'Required', 'Gap', 'Asked by'],
          page.items.map(levelGapRow),
          page.total,
          [1, 2, 3],
        ),
      );
    },
    concentration: async (pane) => {
      const data = await api.concentration({ limit: ROW_LIMIT });
      setChildren(pane, concentrationView(data));
    },
    scenario: (pane) => ctx.renderScenario(pane),
  };

  function weakLinkRow(r: WeakLink): HTMLTableRowElement {
    return row(r.id, [
      num(String(r.rank)),
      company(r.id, r.name),
      h(
        'td',
        { class: 'num' },
        h(
          'span',
          { class: `score-chip${r.unassessed ? ' unassessed' : ''}`, style: `background:${scoreColour(r.ownScore)}` },
          r.unassessed ? '?' : String(r.ownScore),
        ),
      ),
      num(formatYen(r.riskContribution)),
      num(formatNumber(r.blastRadiusSize)),
      num(formatYen(r.expectedEventLoss)),
      h('td', { class: 'reason', title: r.reason }, readableReason(r.reason, ctx.focal(), shortName)),
    ]);
  }

  function singleSourceRow(r: SingleSource): HTMLTableRowElement {
    return row(r.supplier, [
      company(r.supplier, r.supplierName),
      r.commodity,
      company(r.buyer, r.buyerName),
      num(formatShare(r.share)),
    ]);
  }

  function hiddenRow(r: HiddenCritical): HTMLTableRowElement {
    const focal = r.focalDependants.map((id) => ctx.nameOf(id)).join(', ');
    return row(r.supplier, [
      company(r.supplier, r.name),
      num(formatNumber(r.dependants.length)),
      h('td', { class: focal ? 'warn-text' : 'muted' }, focal || '—'),
    ]);
  }

  function levelGapRow(r: LevelGap): HTMLTableRowElement {
    const askedBy = r.askedBy
      .map((a) => `${shortName(a.buyerName)} (${a.commodity}: ${a.reasons.map((x) => REASONS[x] ?? x).join(', ')})`)
      .join('; ');
    return row(r.id, [
      company(r.id, r.name),
      num(r.unassessed ? '?' : formatLevel(r.ownLevel)),
      num(formatLevel(r.requiredLevel)),
      h('td', { class: 'num' }, h('span', { class: 'badge warn' }, `+${r.requiredLevel - r.ownLevel}`)),
      h('td', { class: 'reason' }, askedBy || 'basic level (★3) for every buyer'),
    ]);
  }

  function concentrationView(data: ConcentrationResponse): HTMLElement {
    const groups = data.groups;
    const palette = countryPalette(data);
    const chart = h('div', { class: 'tier-chart' });
    const drawChart = (by: 'count' | 'spend'): void => {
      setChildren(
        chart,
        ...data.tiers.map((t) =>
          stackedBar(
            `Tier ${t.tier}`,
            `${formatNumber(t.companies)} cos.`,
            by === 'count' ? t.byCount : t.bySpend,
            by === 'count' ? t.countHhi : t.spendHhi,
            palette,
          ),
        ),
        ...data.criticalSupplierCountries.map((f) =>
          stackedBar(`Critical to ${ctx.nameOf(f.focal)}`, '', f.countries, null, palette),
        ),
        countryLegend(palette),
      );
    };
    drawChart('count');
    const switcher = h(
      'div',
      { class: 'segmented' },
      ...(['count', 'spend'] as const).map((by) =>
        h(
          'button',
          {
            'data-by': by,
            class: by === 'count' ? 'active' : '',
            onclick: (e: Event) => {
              drawChart(by);
              for (const b of switcher.querySelectorAll('button')) b.classList.toggle('active', b === e.currentTarget);
            },
          },
          `by ${by}`,
        ),
      ),
    );
    return h(
      'div',
      { class: 'split' },
      h(
        'div',
        {},
        h('h3', {}, `Commodity groups by HHI (${formatNumber(data.total)})`),
        h(
          'p',
          { class: 'tab-intro' },
          'Herfindahl–Hirschman index of each buyer’s sources for a commodity: 10,000 is a sole source, above 2,500 highly concentrated.',
        ),
        table(
          'concentration',
          ['Buyer', 'Commodity', 'HHI', 'Suppliers'],
          groups.map((g) =>
            row(g.buyer, [
              company(g.buyer),
              g.commodity,
              h(
                'td',
                { class: 'num' },
                h(
                  'span',
                  { class: `hhi ${g.hhi >= 2500 ? 'high' : g.hhi >= 1500 ? 'moderate' : 'low'}` },
                  formatNumber(g.hhi),
                ),
              ),
              h(
                'td',
                { class: 'reason' },
                g.suppliers.map((s) => `${shortName(s.name)} ${formatShare(s.share)}`).join(', '),
              ),
            ]),
          ),
          data.total,
          [2],
        ),
      ),
      h('div', {}, h('div', { class: 'chart-head' }, h('h3', {}, 'Countries per tier'), switcher), chart),
    );
  }

  async function open(id: TabId): Promise<void> {
    container.classList.remove('collapsed');
    container.dataset['tab'] = id;
    for (const [tab, button] of buttons) {
      button.classList.toggle('active', tab === id);
      button.setAttribute('aria-selected', String(tab === id));
      panes.get(tab)!.hidden = tab !== id;
    }
    if (loaded.has(id)) return;
    loaded.add(id);
    const pane = panes.get(id)!;
    setChildren(pane, h('p', { class: 'muted' }, 'Loading…'));
    try {
      await renderers[id](pane);
      pane.dataset['loaded'] = 'true';
    } catch (error) {
      loaded.delete(id);
      setChildren(
        pane,
        h(
          'p',
          { class: 'error' },
          `Could not load ${TAB_TITLES[id]}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  }

  return {
    open,
    reset: () => {
      loaded.clear();
      for (const pane of panes.values()) delete pane.dataset['loaded'];
    },
  };
}

/** A colour per country, the most frequent countries first; the rest share grey. */
function countryPalette(data: ConcentrationResponse): Map<string, string> {
  const weight = new Map<string, number>();
  for (const t of data.tiers) for (const c of t.byCount) weight.set(c.country, (weight.get(c.country) ?? 0) + c.amount);
  for (const f of data.criticalSupplierCountries)
    for (const c of f.countries) weight.set(c.country, (weight.get(c.country) ?? 0) + c.amount);
  const countries = [...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || a.localeCompare(b));
  return new Map(countries.map((c, i) => [c, c === 'unknown' ? '#cbd2d9' : (COUNTRY_COLOURS[i] ?? '#cbd2d9')]));
}

function stackedBar(
  label: string,
  sub: string,
  parts: CountryShare[],
  hhi: number | null,
  palette: Map<string, string>,
): HTMLElement {
  const sorted = [...parts].sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  return h(
    'div',
    { class: 'bar-row' },
    h(
      'div',
      { class: 'bar-label', title: label },
      h('strong', {}, label),
      sub && h('span', { class: 'muted' }, ` ${sub}`),
    ),
    h(
      'div',
      { class: 'bar' },
      sorted.length === 0 && h('span', { class: 'muted' }, 'none'),
      sorted.map((p) =>
        h(
          'span',
          {
            class: 'segment',
            title: `${p.country}: ${formatShare(p.share)} (${formatNumber(p.amount)})`,
            style: `width:${p.share * 100}%;background:${palette.get(p.country) ?? '#cbd2d9'}`,
          },
          p.share >= 0.22 ? `${p.country} ${formatShare(p.share)}` : p.share >= 0.1 ? p.country : '',
        ),
      ),
    ),
    h('div', { class: 'bar-hhi' }, hhi === null ? '' : `HHI ${formatNumber(hhi)}`),
  );
}

function countryLegend(palette: Map<string, string>): HTMLElement {
  return h(
    'div',
    { class: 'country-legend' },
    [...palette].map(([country, colour]) => h('span', {}, h('i', { style: `background:${colour}` }), country)),
  );
}

/** Smallest and largest drawer height (px; the largest also at most 80 % of the window). */
const DRAWER_HEIGHT = { min: 120, max: 900 };
const DRAWER_KEY = 'weaklink.drawer.height';

/**
 * The handle on the drawer's top edge: drag it (or focus it and press ↑/↓) to make the
 * tables taller or shorter; the height is kept for the session.
 */
function drawerHandle(drawer: HTMLElement): HTMLElement {
  const clamp = (px: number): number =>
    Math.round(Math.max(DRAWER_HEIGHT.min, Math.min(DRAWER_HEIGHT.max, window.innerHeight * 0.8, px)));
  const set = (px: number): void => {
    const height = clamp(px);
    drawer.style.height = `${height}px`;
    handle.setAttribute('aria-valuenow', String(height));
    try {
      sessionStorage.setItem(DRAWER_KEY, String(height));
    } catch {
      // Storage may be unavailable (private mode); the height then lasts until reload.
    }
  };
  const handle = h('div', {
    class: 'drawer-handle',
    role: 'separator',
    'aria-orientation': 'horizontal',
    'aria-label': 'Resize the tables (drag, or ↑ ↓)',
    'aria-valuemin': DRAWER_HEIGHT.min,
    'aria-valuemax': DRAWER_HEIGHT.max,
    tabindex: 0,
  });
  handle.addEventListener('pointerdown', (down: PointerEvent) => {
    if (drawer.classList.contains('collapsed')) return;
    down.preventDefault();
    handle.setPointerCapture(down.pointerId);
    const startY = down.clientY;
    const startHeight = drawer.getBoundingClientRect().height;
    const move = (e: PointerEvent): void => set(startHeight + (startY - e.clientY));
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    set(drawer.getBoundingClientRect().height + (e.key === 'ArrowUp' ? 40 : -40));
  });
  let saved: number | null;
  try {
    saved = Number(sessionStorage.getItem(DRAWER_KEY)) || null;
  } catch {
    saved = null;
  }
  if (saved !== null) set(saved);
  return handle;
}
