/**
 * The side panel of the selected company, built from GET /api/companies/:id: who it is,
 * its effective and own score with the server's one-sentence explanation, its exposure
 * path to the root-cause weak link, its critical suppliers, its blast radius, the ★
 * level its buyers require against its own, and its suppliers and buyers. Every company
 * named in the panel is a link that focuses the map on it. Nothing is computed here.
 *
 * @example
 *   renderPanel(el, await api.company('kanazawa-trim'), { onFocus, onSimulate, onExpand, selection: ['kanazawa-trim'], hiddenSuppliers: 0 });
 */
import type { CompanyDetailResponse, SupplyLink } from '../../src/contract/api-types.ts';
import { formatLevel, formatNumber, formatShare, h, setChildren } from './dom.ts';
import { formatYen } from './replay.ts';
import { ACCESS_STYLES, scoreColour } from './style.ts';

export interface PanelContext {
  /** Companies selected for a breach simulation (this one included). */
  selection: string[];
  /** Suppliers of this company not on the map. */
  hiddenSuppliers: number;
  onFocus(id: string): void;
  onSimulate(): void;
  onExpand(id: string): void;
  onClose(): void;
}

const REASONS: Record<string, string> = {
  data: 'handles its confidential data',
  halt: 'an interruption would halt it (critical, short buffer)',
  access: 'can reach its systems',
};

const LIST_LIMIT = 12;

/** The panel shown when no company is selected. */
export function renderPanelIntro(container: HTMLElement): void {
  setChildren(
    container,
    h(
      'div',
      { class: 'panel-intro' },
      h('h2', {}, 'Select a company'),
      h(
        'p',
        {},
        'Click a company on the map, in the search results or in a table below to see why its score is what it is, what it depends on and what depends on it.',
      ),
      h(
        'ul',
        { class: 'hints' },
        h('li', {}, h('kbd', {}, 'click'), ' details and exposure path'),
        h('li', {}, h('kbd', {}, 'shift'), '+', h('kbd', {}, 'click'), ' add to the breach selection'),
        h('li', {}, h('kbd', {}, 'double-click'), ' bring in its hidden suppliers (+N)'),
        h('li', {}, h('kbd', {}, 'scroll'), ' zoom; labels appear as you zoom in'),
      ),
    ),
  );
}

/** A loading placeholder for company `name`. */
export function renderPanelLoading(container: HTMLElement, name: string): void {
  setChildren(
    container,
    h('div', { class: 'panel-loading' }, h('h2', {}, name), h('p', { class: 'muted' }, 'Loading…')),
  );
}

/** The panel of one company. */
export function renderPanel(container: HTMLElement, detail: CompanyDetailResponse, ctx: PanelContext): void {
  const c = detail.company;
  const link = (id: string, name: string): HTMLElement =>
    h(
      'a',
      {
        href: `#${encodeURIComponent(id)}`,
        class: 'company-link',
        'data-id': id,
        onclick: (e: Event) => {
          e.preventDefault();
          ctx.onFocus(id);
        },
      },
      name,
    );
  const facts = [
    c.id,
    c.country,
    c.industry,
    c.size === 'sme' ? 'SME' : c.size,
    c.tier === null ? 'no tier' : `tier ${c.tier}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const gap = c.requiredLevel !== null && c.requiredLevel > c.ownLevel;
  const selectionText =
    ctx.selection.length > 1 ? `Simulate breach of ${ctx.selection.length} selected` : 'Simulate breach';

  setChildren(
    container,
    h(
      'header',
      { class: 'panel-head' },
      h(
        'button',
        { class: 'icon-button close', title: 'Close', 'aria-label': 'Close', onclick: () => ctx.onClose() },
        '×',
      ),
      h('h2', { class: 'company-name' }, c.name),
      h('div', { class: 'facts' }, facts),
      h(
        'div',
        { class: 'badges' },
        c.focal && h('span', { class: 'badge focal' }, 'focal'),
        c.unassessed && h('span', { class: 'badge unassessed' }, 'unassessed'),
        detail.counts.criticalSuppliers > 0 &&
          h('span', { class: 'badge' }, `${formatNumber(detail.counts.criticalSuppliers)} critical suppliers`),
        detail.counts.blastRadius > 0 &&
          h('span', { class: 'badge warn' }, `stops ${formatNumber(detail.counts.blastRadius)} if hit`),
      ),
    ),
    h(
      'section',
      { class: 'scores' },
      scoreRow('Effective score', c.effectiveScore),
      scoreRow('Own score', c.ownScore, c.unassessed ? 'unassessed — treated as 0' : undefined),
      h(
        'div',
        { class: `level-row${gap ? ' gap' : ''}` },
        h('span', {}, 'SCS level'),
        h('strong', {}, c.unassessed ? 'none' : formatLevel(c.ownLevel)),
        h('span', { class: 'muted' }, ' own · required '),
        h('strong', {}, formatLevel(c.requiredLevel)),
        gap && h('span', { class: 'badge warn' }, `gap ${c.requiredLevel! - c.ownLevel}`),
      ),
      h(
        'dl',
        { class: 'kv' },
        h(
          'dt',
          { title: 'Hit likelihood × expected loss of one hit: the expected annual loss its hits cause' },
          'Risk contribution',
        ),
        h(
          'dd',
          { class: 'risk-contribution', 'data-value': c.riskContribution },
          `${formatYen(c.riskContribution)} / year`,
        ),
        h('dt', {}, 'Hit likelihood'),
        h('dd', {}, `${(c.hitLikelihood * 100).toFixed(2)}% / year`),
        h(
          'dt',
          { title: 'Days each stopped company is down × its revenue per day, over the assumed outage durations' },
          'Loss if hit',
        ),
        h('dd', { class: 'event-loss', 'data-value': c.expectedEventLoss }, `${formatYen(c.expectedEventLoss)} / hit`),
        h('dt', {}, 'Revenue'),
        h('dd', {}, `${formatYen(c.revenue)} / year`),
      ),
    ),
    h('p', { class: 'explanation' }, detail.explanation),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { class: 'primary danger', 'data-action': 'simulate', onclick: () => ctx.onSimulate() },
        selectionText,
      ),
      ctx.hiddenSuppliers > 0 &&
        h(
          'button',
          { 'data-action': 'expand', onclick: () => ctx.onExpand(c.id) },
          `Show ${ctx.hiddenSuppliers} more suppliers`,
        ),
    ),
    section(
      'Exposure path',
      detail.exposurePath.length <= 1
        ? h('p', { class: 'muted' }, 'Its own score binds: it is its own weakest link.')
        : null,
      detail.exposurePath.length > 1 &&
        h(
          'ol',
          { class: 'path-list' },
          detail.exposurePath.map((step, i) =>
            h(
              'li',
              { class: i === detail.exposurePath.length - 1 ? 'root' : '' },
              h('span', { class: 'dot', style: `background:${scoreColour(step.effectiveScore)}` }),
              link(step.id, step.name),
              h('span', { class: 'muted' }, ` eff ${step.effectiveScore} · own ${step.ownScore}`),
              step.commodity &&
                i < detail.exposurePath.length - 1 &&
                h('div', { class: 'via' }, `↑ needs ${step.commodity} from`),
              i === detail.exposurePath.length - 1 && h('div', { class: 'via root-label' }, 'root cause'),
            ),
          ),
        ),
    ),
    section(
      `Critical suppliers (${formatNumber(detail.counts.criticalSuppliers)})`,
      detail.criticalSuppliers.length === 0
        ? h('p', { class: 'muted' }, 'No single supplier can stop it.')
        : cappedList(
            'plain',
            detail.criticalSuppliers.map((s) =>
              h(
                'li',
                {},
                link(s.id, s.name),
                ' ',
                h('span', { class: `badge ${s.direct ? '' : 'hidden-critical'}` }, s.direct ? 'direct' : 'hidden'),
                s.country && h('span', { class: 'muted' }, ` ${s.country}`),
              ),
            ),
            detail.counts.criticalSuppliers,
          ),
    ),
    section(
      `Blast radius (${formatNumber(detail.counts.blastRadius)})`,
      detail.blastRadius.length === 0
        ? h('p', { class: 'muted' }, 'A breach here stops no other company.')
        : h(
            'div',
            {},
            h(
              'p',
              { class: 'muted' },
              'If it is hit, these stop — on the day shown, once their inventory buffers run out:',
            ),
            cappedList(
              'plain stop-days',
              detail.blastRadius.map((b) =>
                h(
                  'li',
                  { 'data-id': b.id, 'data-stop-day': b.stopDay, class: b.focal ? 'focal' : '' },
                  link(b.id, b.name),
                  ` stops on day ${b.stopDay}`,
                  h(
                    'span',
                    { class: 'muted' },
                    ` · ${formatYen(b.revenuePerDay)} / day of outage${b.tier === null ? '' : ` · tier ${b.tier}`}`,
                  ),
                ),
              ),
              detail.counts.blastRadius,
            ),
          ),
    ),
    detail.levelGap &&
      section(
        `Level gap: own ${formatLevel(detail.levelGap.ownLevel)}, required ${formatLevel(detail.levelGap.requiredLevel)}`,
        detail.levelGap.askedBy.length === 0
          ? h('p', { class: 'muted' }, 'Its buyers ask the basic level (★3).')
          : h(
              'ul',
              { class: 'plain' },
              detail.levelGap.askedBy.map((a) =>
                h(
                  'li',
                  {},
                  link(a.buyer, a.buyerName),
                  h('span', { class: 'muted' }, ` (${a.commodity}) asks ★4: `),
                  a.reasons.map((r) => REASONS[r] ?? r).join('; '),
                ),
              ),
            ),
      ),
    section(
      `Suppliers (${formatNumber(detail.counts.suppliers)})`,
      linkTable(detail.suppliers, link, 'No suppliers in the data.'),
      moreNote(detail.counts.suppliers, detail.suppliers.length),
    ),
    section(
      `Buyers (${formatNumber(detail.counts.buyers)})`,
      linkTable(detail.buyers, link, 'Supplies nobody.'),
      moreNote(detail.counts.buyers, detail.buyers.length),
    ),
  );
  container.scrollTop = 0;
}

/** A list showing its first LIST_LIMIT items and a button for the rest; `total` counts what the server left out too. */
function cappedList(cls: string, items: HTMLElement[], total: number): HTMLElement {
  const list = h('ul', { class: cls });
  const show = (all: boolean): void => {
    const shown = all ? items : items.slice(0, LIST_LIMIT);
    const rest = total - shown.length;
    setChildren(
      list,
      shown,
      rest > 0 &&
        (all || items.length <= LIST_LIMIT
          ? h('li', { class: 'muted' }, `… and ${formatNumber(rest)} more`)
          : h(
              'li',
              {},
              h('button', { class: 'link-button', onclick: () => show(true) }, `Show all ${formatNumber(total)}`),
            )),
    );
  };
  show(false);
  return list;
}

function moreNote(total: number, shown: number): HTMLElement | false {
  return total > shown && h('p', { class: 'muted' }, `… and ${formatNumber(total - shown)} more`);
}

function scoreRow(label: string, score: number, note?: string): HTMLElement {
  return h(
    'div',
    { class: 'score-row' },
    h('span', { class: 'score-label' }, label),
    h(
      'span',
      { class: 'score-bar' },
      h('span', { class: 'score-fill', style: `width:${Math.max(2, score)}%;background:${scoreColour(score)}` }),
    ),
    h('strong', { class: 'score-value' }, String(score)),
    note && h('div', { class: 'score-note muted' }, note),
  );
}

function section(title: string, ...body: (HTMLElement | null | false)[]): HTMLElement {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...body);
}

function linkTable(links: SupplyLink[], link: (id: string, name: string) => HTMLElement, empty: string): HTMLElement {
  if (links.length === 0) return h('p', { class: 'muted' }, empty);
  return h(
    'table',
    { class: 'compact' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Company'),
        h('th', {}, 'Commodity'),
        h('th', { class: 'num' }, 'Share'),
        h('th', {}, 'Access'),
        h('th', { class: 'num' }, 'Eff'),
      ),
    ),
    h(
      'tbody',
      {},
      links.map((l) =>
        h(
          'tr',
          { class: l.singleSource ? 'single' : '' },
          h(
            'td',
            {},
            link(l.id, l.name),
            l.singleSource &&
              h('span', { class: 'badge tiny', title: 'single source: losing it alone stops the buyer' }, 'single'),
          ),
          h('td', {}, l.commodity),
          h('td', { class: 'num' }, formatShare(l.share)),
          h(
            'td',
            {},
            l.access === 'none'
              ? ''
              : h('span', { class: 'access', style: `color:${ACCESS_STYLES[l.access].colour}` }, l.access),
          ),
          h(
            'td',
            { class: 'num' },
            h(
              'span',
              { class: 'score-chip', style: `background:${scoreColour(l.effectiveScore)}` },
              String(l.effectiveScore),
            ),
          ),
        ),
      ),
    ),
  );
}
