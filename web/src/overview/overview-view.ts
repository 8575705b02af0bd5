/**
 * The overview of the whole network in WebGL (sigma.js over the graph of
 * overview-graph.ts): fetched once (GET /api/overview, binary), drawn where the server
 * placed it, tier columns headed above. Hovering a company shows its name (sigma's hover
 * label) and its supplies; zoomed in past `DEFAULTS.edgeZoom`, the supplies of the
 * companies in view are drawn too (at most `DEFAULTS.maxEdges`), and edges are hidden
 * while the camera moves. A click calls `onOpen` with the company's id.
 *
 * Level of detail while panning: a drag moves the picture already drawn (a CSS translation
 * of the canvases, which the browser composites at frame rate) instead of drawing 100,000
 * companies again on every frame, then sets sigma's camera once on release and draws
 * there. `window.__weaklinkOverview` exposes the sigma instance, the decoded answer and
 * that pan (`panBy`, `endPan`) to tests and the benchmark.
 *
 * @example
 *   const view = new OverviewView(element('overview'), { load: () => api.overview(), onOpen: (id) => … });
 *   await view.show();
 */
import Sigma from 'sigma';
import type { DirectedGraph } from 'graphology';
import type { Overview } from '../../../src/contract/overview-format.ts';
import { t } from '../i18n.ts';
import './overview.css';
import {
  adjacency,
  overviewGraph,
  paintFocal,
  type Adjacency,
  type OverviewNode,
  type SizeBy,
} from './overview-graph.ts';

export const DEFAULTS = {
  /** Camera ratio below which (zoomed in that far) the supplies in view are drawn. */
  edgeZoom: 0.2,
  /** Most supplies drawn at once when zoomed in. */
  maxEdges: 20_000,
  /** Most supplies drawn for a hovered company. */
  maxHoverEdges: 3_000,
  edgeColour: '#8a94a6',
  hoverEdgeColour: '#1f6fd1',
  /** Pixels the pointer moves with the button down before a press becomes a drag (pan). */
  dragPixels: 4,
  /** How long after a wheel step sigma's zoom may move the camera (its zoomDuration, 250 ms, and some). */
  zoomMs: 400,
};

export interface OverviewHandle {
  sigma: Sigma<OverviewNode>;
  graph: DirectedGraph<OverviewNode>;
  overview: Overview;
  /** `performance.now()` when sigma first drew the overview. */
  renderedAt: number | null;
  /** The company under the pointer (its index), or null. */
  hovered: number | null;
  ready: Promise<void>;
  /** Moves the drawn picture by (dx, dy) pixels from where the pan began (as a drag does). */
  panBy(dx: number, dy: number): void;
  /** Ends the pan: the camera follows the picture and sigma draws there once. */
  endPan(): Promise<void>;
}

declare global {
  interface Window {
    __weaklinkOverview?: OverviewHandle;
  }
}

export interface OverviewDeps {
  load(): Promise<Overview>;
  /** A company was clicked: open it in the detailed map. */
  onOpen(id: string): void;
  /** The overview is ready (with the focal companies, for the picker). */
  onLoaded?(overview: Overview): void;
}

export class OverviewView {
  private sigma: Sigma<OverviewNode> | null = null;
  private graph: DirectedGraph<OverviewNode> | null = null;
  private overview: Overview | null = null;
  private adj: Adjacency | null = null;
  private loading: Promise<void> | null = null;
  private readonly canvas: HTMLElement;
  private readonly heads: HTMLElement;
  private hoverEdges: string[] = [];
  private viewEdges = new Set<string>();
  private edgeTimer = 0;
  /** The pan in progress: pixels moved so far, or null. */
  private pan: { dx: number; dy: number } | null = null;
  /** A drag just ended: the click sigma may report for it is not a click on a company. */
  private dragged = false;
  focal: number | null = null;
  /** What the node sizes show. */
  sizeBy: SizeBy = 'risk';

  constructor(
    private readonly container: HTMLElement,
    private readonly deps: OverviewDeps,
  ) {
    this.canvas = document.createElement('div');
    this.canvas.className = 'overview-canvas';
    this.heads = document.createElement('div');
    this.heads.className = 'overview-heads';
    this.heads.setAttribute('aria-hidden', 'true');
    container.append(this.canvas, this.heads);
  }

  /** Loads (once) and draws the overview; resolves when sigma has drawn it. */
  show(): Promise<void> {
    this.loading ??= this.start().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading.then(() => {
      this.sigma?.resize();
      this.sigma?.refresh();
    });
  }

  /**
   * Forgets the answer (another analysis date, another network): the next show() loads and
   * draws it again; the focal company chosen is kept when the new answer has it.
   */
  invalidate(): void {
    this.sigma?.kill();
    this.sigma = null;
    this.graph = null;
    this.overview = null;
    this.adj = null;
    this.loading = null;
  }

  /** Colours the overview for focal company number `k` of the answer (null: no focus). */
  setFocal(k: number | null): void {
    this.focal = k;
    if (this.graph && this.overview) paintFocal(this.graph, this.overview, k, this.sizeBy);
  }

  /** Sizes the companies by their risk contribution or by their structural importance. */
  setSizeBy(by: SizeBy): void {
    this.sizeBy = by;
    if (this.graph && this.overview) paintFocal(this.graph, this.overview, this.focal, by);
  }

  /** The column headings follow the language. */
  relabel(): void {
    this.placeHeads();
  }

  private async start(): Promise<void> {
    const overview = await this.deps.load();
    performance.mark('weaklink:overview-fetched');
    const graph = overviewGraph(overview, this.sizeBy);
    this.overview = overview;
    this.graph = graph;
    this.adj = adjacency(overview);
    if (this.focal !== null && this.focal >= overview.header.focal.length) this.focal = null;
    if (this.focal === null && overview.header.focal.length > 0) this.focal = 0;
    if (this.focal !== null) paintFocal(graph, overview, this.focal, this.sizeBy);
    const sigma = new Sigma<OverviewNode>(graph, this.canvas, {
      settings: {
        hideEdgesOnMove: true,
        hideLabelsOnMove: true,
        labelRenderedSizeThreshold: 8,
        labelDensity: 0.5,
        // Sizes are pixels (sigma 4 reads them in graph units unless told).
        itemSizesReference: 'screen',
        gestureTarget: 'graph',
        // The overview is hidden (zero size) while the map is shown; show() resizes it.
        allowInvalidContainer: true,
        // Panning is ours (see the module comment); zooming stays sigma's.
        enableCameraPanning: false,
      },
    });
    this.sigma = sigma;
    let rendered: () => void = () => {};
    const handle: OverviewHandle = {
      sigma,
      graph,
      overview,
      renderedAt: null,
      hovered: null,
      ready: new Promise<void>((done) => (rendered = done)),
      panBy: (dx, dy) => this.panBy(dx, dy),
      endPan: () => this.endPan(),
    };
    window.__weaklinkOverview = handle;
    sigma.once('afterRender', () => {
      handle.renderedAt = performance.now();
      rendered();
    });
    sigma.on('afterRender', () => this.placeHeads());
    sigma.on('enterNode', ({ node }) => {
      handle.hovered = Number(node);
      this.showHoverEdges(Number(node));
    });
    sigma.on('leaveNode', () => {
      handle.hovered = null;
      this.showHoverEdges(null);
    });
    sigma.on('clickNode', ({ node }) => {
      if (!this.dragged) this.deps.onOpen(overview.ids[Number(node)]!);
    });
    this.listenForDrags();
    sigma.getCamera().on('updated', () => {
      window.clearTimeout(this.edgeTimer);
      this.edgeTimer = window.setTimeout(() => this.showViewEdges(), 120);
    });
    this.deps.onLoaded?.(overview);
    sigma.refresh();
    await handle.ready;
  }

  /** A drag with the main button pans (by panBy / endPan); a press that barely moves stays a click. */
  private listenForDrags(): void {
    const el = this.canvas;
    let start: { x: number; y: number; id: number } | null = null;
    // sigma's wheel zoom moves the camera towards the pointer: its camera may move while the
    // zoom animates (a little longer than its zoomDuration), and not otherwise.
    let zooming = 0;
    const camera = (): ReturnType<Sigma<OverviewNode>['getCamera']> | undefined => this.sigma?.getCamera();
    el.addEventListener(
      'wheel',
      () => {
        const c = camera();
        if (!c) return;
        c.enabledPanning = true;
        window.clearTimeout(zooming);
        zooming = window.setTimeout(() => (c.enabledPanning = false), DEFAULTS.zoomMs);
      },
      { capture: true, passive: true },
    );
    el.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      window.clearTimeout(zooming);
      const c = camera();
      if (c) c.enabledPanning = false;
      start = { x: e.clientX, y: e.clientY, id: e.pointerId };
      this.dragged = false;
    });
    el.addEventListener('pointermove', (e) => {
      if (start === null || e.pointerId !== start.id) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      if (this.pan === null && Math.hypot(dx, dy) < DEFAULTS.dragPixels) return;
      if (this.pan === null) el.setPointerCapture(e.pointerId);
      this.panBy(dx, dy);
    });
    const end = (e: PointerEvent): void => {
      if (start === null || e.pointerId !== start.id) return;
      start = null;
      if (this.pan === null) return;
      this.dragged = true;
      void this.endPan();
      window.setTimeout(() => (this.dragged = false), 0);
    };
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
  }

  /** Moves the drawn picture (its canvases) by (dx, dy) pixels from where the pan began. */
  private panBy(dx: number, dy: number): void {
    if (!this.sigma) return;
    if (this.pan === null) this.hideMovingParts(true);
    this.pan = { dx, dy };
    this.canvas.style.transform = `translate(${dx}px, ${dy}px)`;
  }

  /** The camera follows the picture; sigma draws once there, and the picture is put back in place. */
  private async endPan(): Promise<void> {
    const { sigma, pan } = this;
    this.pan = null;
    if (!sigma || pan === null) return;
    const camera = sigma.getCamera();
    const a = sigma.viewportToFramedGraph({ x: 0, y: 0 });
    const b = sigma.viewportToFramedGraph({ x: pan.dx, y: pan.dy });
    const state = camera.getState();
    const drawn = new Promise<void>((done) => sigma.once('afterRender', () => done()));
    // (sigma's own panning is off, which also makes its camera refuse a new x, y: allowed here.)
    camera.enabledPanning = true;
    camera.setState({ x: state.x - (b.x - a.x), y: state.y - (b.y - a.y) });
    camera.enabledPanning = false;
    this.canvas.style.transform = '';
    this.hideMovingParts(false);
    sigma.refresh();
    await drawn;
  }

  /** While the picture moves, the column headings (placed for the camera) are hidden. */
  private hideMovingParts(moving: boolean): void {
    this.heads.style.visibility = moving ? 'hidden' : '';
  }

  /** The supplies of company i (or none), drawn highlighted. */
  private showHoverEdges(i: number | null): void {
    const graph = this.graph;
    if (!graph) return;
    for (const key of this.hoverEdges) if (!this.viewEdges.has(key) && graph.hasEdge(key)) graph.dropEdge(key);
    this.hoverEdges = [];
    if (i === null) {
      for (const key of this.viewEdges)
        if (graph.hasEdge(key)) graph.setEdgeAttribute(key, 'color', DEFAULTS.edgeColour);
      return;
    }
    this.hoverEdges = this.addPairsOf([i], DEFAULTS.maxHoverEdges, DEFAULTS.hoverEdgeColour, 1.2);
  }

  /** Zoomed in: the supplies of the companies in view; zoomed out: none. */
  private showViewEdges(): void {
    const { sigma, graph, overview } = this;
    if (!sigma || !graph || !overview) return;
    const keep = new Set(this.hoverEdges);
    for (const key of this.viewEdges) if (!keep.has(key) && graph.hasEdge(key)) graph.dropEdge(key);
    this.viewEdges = new Set();
    if (sigma.getCamera().ratio > DEFAULTS.edgeZoom) return;
    const { width, height } = sigma.getDimensions();
    const a = sigma.viewportToGraph({ x: 0, y: 0 });
    const b = sigma.viewportToGraph({ x: width, y: height });
    const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    const inView: number[] = [];
    for (let i = 0; i < overview.header.companies; i++) {
      const x = -overview.x[i]!;
      const y = -overview.y[i]!;
      if (x >= x1 && x <= x2 && y >= y1 && y <= y2) inView.push(i);
    }
    this.viewEdges = new Set(this.addPairsOf(inView, DEFAULTS.maxEdges, DEFAULTS.edgeColour, 0.6));
  }

  /** Adds the supplier–buyer pairs touching `companies` (at most `max`) as edges; returns their keys. */
  private addPairsOf(companies: number[], max: number, color: string, size: number): string[] {
    const { graph, overview, adj } = this;
    if (!graph || !overview || !adj) return [];
    const keys: string[] = [];
    for (const i of companies) {
      for (let p = adj.start[i]!; p < adj.start[i + 1]! && keys.length < max; p++) {
        const k = adj.pairs[p]!;
        const key = `e${k}`;
        if (graph.hasEdge(key)) graph.mergeEdgeAttributes(key, { color, size });
        else
          graph.addDirectedEdgeWithKey(key, String(overview.edgeSupplier[k]), String(overview.edgeBuyer[k]), {
            color,
            size,
          });
        keys.push(key);
      }
      if (keys.length >= max) break;
    }
    return keys;
  }

  /** One heading per column, over the column, kept in place as the camera moves. */
  private placeHeads(): void {
    const { sigma, overview } = this;
    if (!sigma || !overview) return;
    const { columns, noTierColumn } = overview.header;
    if (this.heads.childElementCount !== columns) {
      this.heads.replaceChildren(...Array.from({ length: columns }, () => document.createElement('span')));
    }
    for (let c = 0; c < columns; c++) {
      const head = this.heads.children[c] as HTMLElement;
      head.textContent =
        c === noTierColumn
          ? t('web.overview.noTier')
          : c === 0
            ? t('web.overview.focalTier')
            : t('web.overview.tier', { tier: c });
      head.style.left = `${sigma.graphToViewport({ x: -c, y: 0 }).x}px`;
    }
  }
}
