/**
 * The supply map: one Cytoscape instance showing the view the API returned, positioned
 * by the layered layout, plus the interaction state drawn on top of it (the selection,
 * the exposure path with everything else dimmed, the disrupted set of a simulated
 * breach). A new overview replaces the view; otherwise it grows by merging further API
 * graphs into it (expand a company's suppliers, bring a searched company in), and each
 * change lays the view out again, keeping the company the user acted on where it was
 * on screen.
 *
 * Large views (more than `LARGE_VIEW` elements) get a renderer tuned for them: edges
 * hidden and a texture used while panning or zooming, pixel ratio 1, and the
 * experimental WebGL renderer of Cytoscape 3.31+ when `webgl` is on, or 'auto' and the
 * GPU does WebGL 2 (it draws dashed edges solid). Labels disappear below a readable
 * zoom (`min-zoomed-font-size` in style.ts).
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode, GraphResponse } from '../../src/contract/api-types.ts';
import { t } from './i18n.ts';
import { layeredPositions } from './layout.ts';
import { mapStylesheet, onSchemeChange } from './style.ts';
import { edgeElement, maxRiskOf, nodeClasses, nodeData } from './to-elements.ts';

/** Element count above which the renderer switches to its large-view settings. */
export const LARGE_VIEW = 2500;

export interface MapHandlers {
  /** A company was clicked; `additive` when shift was held. */
  onSelect(id: string, additive: boolean): void;
  /** A company was double-clicked: bring in its suppliers. */
  onExpand(id: string): void;
  /** The background was clicked. */
  onBackground(): void;
}

export interface MapOptions {
  /** 'auto': WebGL for large views when a GPU offers WebGL 2; true/false force it on or off. */
  webgl: boolean | 'auto';
}

export interface PathStep {
  id: string;
  commodity: string | null;
}

const STATE_CLASSES =
  'path radius dimmed root-cause selected-set disrupted hit down-day stop-day only-a only-b in-both lapsing';

/** One day of a scenario replay: who is down, who stops that day, who was hit; `affected` = every company the scenario stops on some day. */
export interface ReplayDay {
  down: Iterable<string>;
  stopping: Iterable<string>;
  hit: Iterable<string>;
  affected: Iterable<string>;
}
const STATE_SELECTOR = STATE_CLASSES.split(' ')
  .map((c) => `.${c}`)
  .join(', ');

/** The key of an edge: a supplier sells a commodity to a buyer at most once (README). */
const edgeKey = (e: Pick<GraphEdge, 'source' | 'target' | 'commodity'>): string =>
  `${e.source}→${e.target}:${e.commodity}`;

export class SupplyMap {
  private instance: Core | null = null;
  private large = false;
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  /** Suppliers each company has in the whole network, as far as the API told us. */
  private readonly supplierTotals = new Map<string, number>();
  private selection: string[] = [];
  private path: PathStep[] | null = null;
  /** The selected company and its blast radius: id → stop day of a long hit of it. */
  private radius: { company: string; stopDay: Map<string, number> } | null = null;
  private disruption: { hit: Set<string>; disrupted: Set<string> } | null = null;
  private replay: { down: Set<string>; stopping: Set<string>; hit: Set<string>; affected: Set<string> } | null = null;
  private comparison: { onlyA: Set<string>; onlyB: Set<string>; both: Set<string> } | null = null;
  /** Companies whose level lapses within the lapsing window (marked with a dashed amber ring). */
  private lapsing = new Set<string>();
  /** The tier columns in model coordinates, for the headers above the map. */
  private columns: TierColumn[] = [];
  private readonly heads: HTMLElement;
  private hardwareWebgl: boolean | undefined;
  /** True when the last overview was cut by the server's limit. */
  truncated = false;
  /** What the last overview kept of each kind (the server's `cap`). */
  cap: GraphResponse['cap'] | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: MapHandlers,
    private readonly options: MapOptions = { webgl: 'auto' },
  ) {
    this.heads = document.createElement('div');
    this.heads.className = 'tier-heads';
    container.after(this.heads);
    // The map's neutral colours follow the page when the system switches between light and dark.
    onSchemeChange((dark) => this.instance?.style(mapStylesheet(dark)));
  }

  /** The Cytoscape instance (replaced when the view crosses the large-view threshold). */
  get cy(): Core {
    if (!this.instance) this.build(false);
    return this.instance!;
  }

  /** True when the current instance renders with WebGL. */
  get webgl(): boolean {
    return this.large && this.wantsWebgl();
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  get size(): { nodes: number; edges: number } {
    return { nodes: this.nodes.size, edges: this.edges.size };
  }

  /** Shows `graph` instead of the current view (interaction state is kept where it still applies). */
  replace(graph: GraphResponse): void {
    this.nodes.clear();
    this.edges.clear();
    this.supplierTotals.clear();
    this.truncated = graph.truncated;
    this.cap = graph.cap;
    this.absorb(graph, () => true);
    this.draw(null);
    this.fit();
  }

  /**
   * Adds the companies of `graph` accepted by `keep` (all by default) and the supplies
   * among the companies then in view; `anchor` stays put on screen. Returns the added ids.
   */
  merge(graph: GraphResponse, options: { keep?: (id: string) => boolean; anchor?: string } = {}): string[] {
    const keep = options.keep ?? (() => true);
    const before = new Set(this.nodes.keys());
    this.absorb(graph, keep);
    const added = [...this.nodes.keys()].filter((id) => !before.has(id));
    this.draw(options.anchor ?? null);
    return added;
  }

  /** Marks the selected companies (the set a breach simulation hits). */
  setSelection(ids: string[]): void {
    this.selection = [...ids];
    this.applyState();
  }

  /** Highlights an exposure path (company first, root cause last) and dims the rest; null clears it. */
  showPath(path: PathStep[] | null): void {
    this.path = path && path.length > 0 ? path : null;
    this.applyState();
  }

  /**
   * Highlights what a breach of `company` stops (its blast radius), each labelled with the
   * day it stops; the exposure path stays drawn. Null clears it.
   */
  showRadius(company: string | null, radius: { id: string; stopDay: number }[] = []): void {
    this.radius = company === null ? null : { company, stopDay: new Map(radius.map((r) => [r.id, r.stopDay])) };
    this.applyState();
  }

  /** Marks the disrupted companies of a simulated breach (ending a scenario replay); null clears them. */
  showDisruption(result: { hit: string[]; disrupted: string[] } | null): void {
    this.disruption = result ? { hit: new Set(result.hit), disrupted: new Set(result.disrupted) } : null;
    if (result) this.replay = this.comparison = null;
    this.applyState();
  }

  /**
   * Shows one day of a scenario replay (ending a simulated breach): the companies down
   * that day get `down-day` (red halo), those stopping that day `stop-day` too, the
   * hit ones `hit`; companies the scenario never stops are dimmed. Null clears it.
   */
  showReplay(day: ReplayDay | null): void {
    this.replay = day
      ? {
          down: new Set(day.down),
          stopping: new Set(day.stopping),
          hit: new Set(day.hit),
          affected: new Set(day.affected),
        }
      : null;
    if (day) this.disruption = this.comparison = null;
    this.applyState();
  }

  /**
   * Shows two scenarios side by side (ending a replay or a simulated breach): companies
   * only the first stops get `only-a`, only the second `only-b`, both `in-both`; the
   * rest is dimmed. Null clears it.
   */
  showComparison(sets: { onlyA: Iterable<string>; onlyB: Iterable<string>; both: Iterable<string> } | null): void {
    this.comparison = sets
      ? { onlyA: new Set(sets.onlyA), onlyB: new Set(sets.onlyB), both: new Set(sets.both) }
      : null;
    if (sets) this.disruption = this.replay = null;
    this.applyState();
  }

  /** True while a scenario replay is shown. */
  /** Marks the companies `ids` as lapsing soon (the lapsing list of the analysis date); an empty list clears the mark. */
  showLapsing(ids: Iterable<string>): void {
    this.lapsing = new Set(ids);
    if (this.instance) this.applyState();
  }

  get replaying(): boolean {
    return this.replay !== null;
  }

  /** Pans (and if needed zooms) so that company `id` is in the middle. */
  centreOn(id: string): void {
    const node = this.cy.$id(id);
    if (node.empty()) return;
    const zoom = Math.max(this.cy.zoom(), 0.9);
    this.cy.stop();
    this.cy.animate({ zoom, center: { eles: node } }, { duration: 350 });
  }

  /** Animates the view to show the companies `ids` (those in view), leaving room for the banner above and the selection bar below. */
  showAll(ids: Iterable<string>): void {
    const cy = this.cy;
    const wanted = new Set(ids);
    const eles = cy.nodes().filter((n) => wanted.has(n.id()));
    if (eles.empty()) return;
    const bb = eles.boundingBox({ includeLabels: true, includeOverlays: false });
    const pad = { top: 110, bottom: 80, left: 50, right: 50 };
    const zoom = Math.max(
      cy.minZoom(),
      Math.min(
        1.3,
        (cy.width() - pad.left - pad.right) / Math.max(bb.w, 1),
        (cy.height() - pad.top - pad.bottom) / Math.max(bb.h, 1),
      ),
    );
    const pan = {
      x: pad.left + (cy.width() - pad.left - pad.right - bb.w * zoom) / 2 - bb.x1 * zoom,
      y: pad.top + (cy.height() - pad.top - pad.bottom - bb.h * zoom) / 2 - bb.y1 * zoom,
    };
    cy.stop();
    cy.animate({ zoom, pan }, { duration: 400 });
  }

  /**
   * Fits the view to the node positions plus a margin for sizes and labels. (cy.fit would
   * measure every label first: over half a second for 1,500 companies.)
   */
  fit(): void {
    const cy = this.cy;
    if (cy.nodes().empty()) return;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    cy.nodes().forEach((n) => {
      const { x, y } = n.position();
      x1 = Math.min(x1, x);
      y1 = Math.min(y1, y);
      x2 = Math.max(x2, x);
      y2 = Math.max(y2, y);
    });
    const margin = { left: 90, right: 230, top: 60, bottom: 50 }; // labels: centred below; focal ones to the right
    const width = x2 - x1 + margin.left + margin.right;
    const height = y2 - y1 + margin.top + margin.bottom;
    const zoom = Math.min(
      cy.maxZoom(),
      1.4,
      Math.max(cy.minZoom(), Math.min(cy.width() / width, cy.height() / height)),
    );
    cy.viewport({
      zoom,
      pan: {
        x: (cy.width() - width * zoom) / 2 - (x1 - margin.left) * zoom,
        y: (cy.height() - height * zoom) / 2 - (y1 - margin.top) * zoom,
      },
    });
  }

  /** Takes in the nodes (filtered by `keep`) and edges of an API graph and updates the supplier totals. */
  private absorb(graph: GraphResponse, keep: (id: string) => boolean): void {
    const suppliersInGraph = distinctSuppliers(graph.edges);
    for (const n of graph.nodes) {
      if (!this.nodes.has(n.id) && !keep(n.id)) continue;
      this.nodes.set(n.id, n);
      const total = n.hiddenSuppliers + (suppliersInGraph.get(n.id)?.size ?? 0);
      this.supplierTotals.set(n.id, Math.max(total, this.supplierTotals.get(n.id) ?? 0));
    }
    for (const e of graph.edges)
      if (this.nodes.has(e.source) && this.nodes.has(e.target)) this.edges.set(edgeKey(e), e);
  }

  /** Suppliers of `id` not in view (0 when the API never said it had more). */
  private hiddenOf(id: string, inView: Map<string, Set<string>>): number {
    return Math.max(0, (this.supplierTotals.get(id) ?? 0) - (inView.get(id)?.size ?? 0));
  }

  private wantsWebgl(): boolean {
    if (this.options.webgl !== 'auto') return this.options.webgl;
    this.hardwareWebgl ??= hasHardwareWebgl2();
    return this.hardwareWebgl;
  }

  private build(large: boolean): void {
    const viewport = this.instance ? { zoom: this.instance.zoom(), pan: this.instance.pan() } : null;
    this.instance?.destroy();
    this.large = large;
    const webgl = large && this.wantsWebgl();
    const cy = cytoscape({
      container: this.container,
      style: mapStylesheet(),
      layout: { name: 'preset' },
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autounselectify: true,
      hideEdgesOnViewport: large,
      textureOnViewport: large && !webgl,
      pixelRatio: large ? 1 : 'auto',
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    if (viewport) cy.viewport(viewport);
    cy.on('tap', 'node', (event) => {
      const original = event.originalEvent as MouseEvent | undefined;
      this.handlers.onSelect(event.target.id() as string, original?.shiftKey === true);
    });
    cy.on('dbltap', 'node', (event) => this.handlers.onExpand(event.target.id() as string));
    cy.on('tap', (event) => {
      if (event.target === cy) this.handlers.onBackground();
    });
    cy.on('viewport resize', () => this.placeHeads());
    this.instance = cy;
  }

  /** Lays out and (re)draws the whole view; `anchor` keeps its rendered position. */
  private draw(anchor: string | null): void {
    const nodes = [...this.nodes.values()];
    const edges = [...this.edges.values()];
    const large = nodes.length + edges.length > LARGE_VIEW;
    if (!this.instance || large !== this.large) this.build(large);
    const cy = this.cy;
    const aspect = this.container.clientWidth / Math.max(1, this.container.clientHeight);
    const positions = layeredPositions(nodes, edges, Number.isFinite(aspect) && aspect > 0 ? { aspect } : {});
    const inView = distinctSuppliers(edges);
    const maxRisk = maxRiskOf(nodes);
    const before = anchor && !cy.$id(anchor).empty() ? cy.$id(anchor).renderedPosition() : null;

    cy.batch(() => {
      const drawn = new Map<string, cytoscape.SingularElementReturnValue>();
      cy.elements().forEach((el) => {
        drawn.set(el.id(), el);
      });
      const fresh: ElementDefinition[] = [];
      for (const n of nodes) {
        const hidden = this.hiddenOf(n.id, inView);
        const data = nodeData(n, maxRisk, hidden);
        const position = positions.get(n.id)!;
        const existing = drawn.get(n.id);
        if (!existing)
          fresh.push({ group: 'nodes', data: { ...data }, classes: nodeClasses(n, hidden), position: { ...position } });
        else {
          existing.data({ ...data });
          existing.classes(nodeClasses(n, hidden));
          existing.position({ ...position });
        }
      }
      for (const [key, e] of this.edges) {
        if (!drawn.has(key)) {
          const element = edgeElement(e);
          fresh.push({ ...element, data: { ...element.data, id: key, apiId: e.id } });
        }
      }
      cy.elements()
        .filter((el) => (el.isNode() ? !this.nodes.has(el.id()) : !this.edges.has(el.id())))
        .remove();
      cy.add(fresh);
    });
    if (before && anchor) {
      const after = cy.$id(anchor).renderedPosition();
      cy.panBy({ x: before.x - after.x, y: before.y - after.y });
    }
    this.columns = tierColumns(nodes, positions);
    this.heads.replaceChildren(
      ...this.columns.map(() => Object.assign(document.createElement('div'), { className: 'tier-head' })),
    );
    this.labelHeads();
    this.placeHeads();
    this.applyState();
  }

  /** Writes the tier headers in the page's language (again when it changes). */
  labelHeads(): void {
    this.columns.forEach((c, i) => {
      const head = this.heads.children[i] as HTMLElement | undefined;
      if (!head) return;
      head.textContent = tierLabel(c.tier, c.count);
      head.title = tierTitle(c.tier);
    });
  }

  /** Keeps the tier headers over their columns as the map pans and zooms. */
  private placeHeads(): void {
    const cy = this.instance;
    if (!cy) return;
    const zoom = cy.zoom();
    const pan = cy.pan();
    const centre = this.columns.map((c) => ((c.minX + c.maxX) / 2) * zoom + pan.x);
    this.columns.forEach((c, i) => {
      const head = this.heads.children[i] as HTMLElement | undefined;
      if (!head) return;
      // As wide as its column (at least 96 px), but never over a neighbour's header: narrow
      // columns side by side share the room between their centres (the text then ends in …,
      // its title says it whole).
      let half = Math.max(96, (c.maxX - c.minX + 60) * zoom) / 2;
      for (const other of centre)
        if (other !== centre[i]) half = Math.min(half, Math.max(12, Math.abs(other - centre[i]!) / 2 - 3));
      head.style.left = `${centre[i]! - half}px`;
      head.style.width = `${2 * half}px`;
    });
  }

  /** Re-applies the interaction classes from the state (one batch). */
  private applyState(): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.$(STATE_SELECTOR).removeClass(STATE_CLASSES);
      // A simulated breach or a replay dims what it leaves standing; else the exposure path dims the rest.
      const overlay = this.disruption ?? this.replay ?? this.comparison;
      if (this.path || overlay) cy.elements().addClass('dimmed');
      if (this.path) {
        const onPath = new Set(this.path.map((s) => s.id));
        for (const id of onPath) cy.$id(id).addClass('path');
        if (!overlay) for (const id of onPath) cy.$id(id).removeClass('dimmed');
        for (let i = 0; i + 1 < this.path.length; i++) {
          const buyer = this.path[i]!;
          const supplier = this.path[i + 1]!;
          let between = cy
            .$id(buyer.id)
            .incomers()
            .edges()
            .filter((e) => e.source().id() === supplier.id);
          const sameCommodity = between.filter((e) => e.data('commodity') === buyer.commodity);
          if (sameCommodity.nonempty()) between = sameCommodity;
          between.addClass('path');
          if (!overlay) between.removeClass('dimmed');
        }
        const root = this.path[this.path.length - 1]!;
        if (this.path.length > 1) cy.$id(root.id).addClass('root-cause');
      }
      if (this.radius && !overlay && this.radius.stopDay.size > 0) {
        const { company, stopDay } = this.radius;
        for (const [id, day] of stopDay) {
          const node = cy.$id(id);
          if (node.empty()) continue;
          node.data('radiusLabel', `${String(node.data('label'))}\n${t('web.map.stopsDay', { day })}`);
          node.addClass('radius').removeClass('dimmed');
        }
        cy.$id(company).removeClass('dimmed');
        cy.edges()
          .filter((e) => stopDay.has(e.target().id()) && (stopDay.has(e.source().id()) || e.source().id() === company))
          .addClass('radius')
          .removeClass('dimmed');
      }
      if (this.disruption) {
        const { hit, disrupted } = this.disruption;
        for (const id of disrupted) cy.$id(id).addClass('disrupted').removeClass('dimmed');
        for (const id of hit) cy.$id(id).addClass('hit');
        cy.edges()
          .filter((e) => disrupted.has(e.source().id()) && disrupted.has(e.target().id()))
          .addClass('disrupted')
          .removeClass('dimmed');
      }
      if (this.replay) {
        const { down, stopping, hit, affected } = this.replay;
        for (const id of affected) cy.$id(id).removeClass('dimmed');
        for (const id of down) cy.$id(id).addClass('down-day').removeClass('dimmed');
        for (const id of stopping) cy.$id(id).addClass('stop-day');
        for (const id of hit) if (down.has(id)) cy.$id(id).addClass('hit');
        const among = cy.edges().filter((e) => affected.has(e.source().id()) && affected.has(e.target().id()));
        among.removeClass('dimmed');
        among
          .edges()
          .filter((e) => down.has(e.source().id()) && down.has(e.target().id()))
          .addClass('down-day');
      }
      if (this.comparison) {
        const { onlyA, onlyB, both } = this.comparison;
        for (const [ids, cls] of [
          [onlyA, 'only-a'],
          [onlyB, 'only-b'],
          [both, 'in-both'],
        ] as const)
          for (const id of ids) cy.$id(id).addClass(cls).removeClass('dimmed');
      }
      for (const id of this.lapsing) cy.$id(id).addClass('lapsing');
      for (const id of this.selection) cy.$id(id).addClass('selected-set').removeClass('dimmed');
    });
  }
}

/**
 * True when the browser offers WebGL 2 on a GPU. A software implementation (SwiftShader,
 * llvmpipe) draws Cytoscape's WebGL layer ten times slower than its canvas renderer
 * (test/bench/map-render.ts), so it does not count.
 */
function hasHardwareWebgl2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
  } catch {
    return false;
  }
}

/** A tier's column on the map: its tier (−1: none), how many companies, its x extent. */
interface TierColumn {
  tier: number;
  count: number;
  minX: number;
  maxX: number;
}

/** A tier column's header: "tier 2 · 59" / "2次 · 59", "focal · 2", "no tier · 3". */
function tierLabel(tier: number, count: number): string {
  if (tier < 0) return t('web.map.noTier', { count });
  return tier === 0 ? t('web.map.focal', { count }) : t('web.map.tier', { tier, count });
}

/** A tier column header's tooltip. */
function tierTitle(tier: number): string {
  if (tier < 0) return t('web.map.noTierTitle');
  return tier === 0 ? t('web.map.focalTitle') : t('web.map.tierTitle', { count: tier });
}

/** The x extent of each tier's column, left to right. */
function tierColumns(nodes: GraphNode[], positions: Map<string, { x: number; y: number }>): TierColumn[] {
  const byTier = new Map<number, { count: number; minX: number; maxX: number }>();
  for (const n of nodes) {
    const key = n.tier ?? -1;
    const x = positions.get(n.id)!.x;
    const c = byTier.get(key) ?? { count: 0, minX: x, maxX: x };
    c.count++;
    c.minX = Math.min(c.minX, x);
    c.maxX = Math.max(c.maxX, x);
    byTier.set(key, c);
  }
  return [...byTier]
    .sort(([, a], [, b]) => a.minX - b.minX)
    .map(([tier, c]) => ({ tier, count: c.count, minX: c.minX, maxX: c.maxX }));
}

/** For each buyer, the distinct suppliers among `edges`. */
function distinctSuppliers(edges: Iterable<Pick<GraphEdge, 'source' | 'target'>>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of edges) {
    let set = map.get(e.target);
    if (!set) map.set(e.target, (set = new Set()));
    set.add(e.source);
  }
  return map;
}
