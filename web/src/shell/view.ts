/**
 * The view actions: load the overview for the filters (saying why when a filter leaves
 * no supply), bring in a company's hidden suppliers, simulate a breach of the selection
 * and bring its disrupted companies into view, reset the view, export the map as PNG.
 */
import { t } from '../i18n.ts';
import type { GraphFilters } from '../api-client.ts';
import {
  defaultDepth,
  DEFAULT_DEPTH,
  DEFAULT_FILTERS,
  emptyViewMessage,
  makersOf,
  MAX_TIERS,
  OVERVIEW_LIMIT,
  type FilterState,
  type MakerCounts,
} from '../state.ts';
import { shortName } from '../to-elements.ts';
import { showToast, type Shell } from './context.ts';
import type { PanelActions, SelectionActions } from './selection.ts';

export interface ViewActions extends PanelActions {
  loadOverview(): Promise<void>;
  clearSimulation(): void;
  /** Brings the companies `ids` downstream of the companies `from` into the view. */
  bringDownstream(ids: string[], from: string[]): Promise<void>;
  /** Brings the disrupted companies of the simulation outside the view in, and shows them. */
  showOutside(): Promise<void>;
  reset(): Promise<void>;
  exportPng(): void;
}

export const graphFilters = (f: FilterState): GraphFilters => ({
  commodity: f.commodity || undefined,
  country: f.country || undefined,
  criticalOnly: f.criticalOnly || undefined,
});

export function createViewActions(shell: Shell, selection: () => SelectionActions): ViewActions {
  const { store, api, map } = shell;

  function refreshView(empty: string | null = store.view.value.empty): void {
    shell.hooks.viewChanged();
    const { nodes, edges } = map.size;
    const version = store.view.value.version + 1;
    store.view.value = { nodes, edges, truncated: map.truncated, cap: map.cap, webgl: map.webgl, empty, version };
  }

  /** The makers of the filtered commodity in the views without it: at the filters' depth, and at every depth. */
  async function makers(f: FilterState): Promise<MakerCounts> {
    const rest = graphFilters({ ...f, commodity: '' });
    const near = await api.graph({ depth: f.depth, limit: OVERVIEW_LIMIT, ...rest });
    const deepest = Math.min(MAX_TIERS, Math.max(f.depth, store.summary.value?.maxTier ?? f.depth));
    const far = deepest > f.depth ? await api.graph({ depth: deepest, limit: OVERVIEW_LIMIT, ...rest }) : near;
    return { withinDepth: makersOf(near, f.commodity), anyDepth: makersOf(far, f.commodity) };
  }

  async function loadOverview(): Promise<void> {
    const f = store.filters.value;
    const graph = await api.graph({ depth: f.depth || DEFAULT_DEPTH, limit: OVERVIEW_LIMIT, ...graphFilters(f) });
    if (store.filters.value !== f) return; // the filters moved on meanwhile: the newer load draws
    performance.mark('weaklink:graph-fetched');
    map.replace(graph);
    performance.mark('weaklink:graph-placed');
    // A selected company the new view leaves out would leave everything dimmed: clear it.
    const primary = store.primary.value;
    if (primary !== null && !map.has(primary)) selection().clearSelection();
    const filtered = f.commodity !== '' || f.country !== '' || f.criticalOnly;
    const counts = filtered && graph.edges.length === 0 && f.commodity ? await makers(f) : null;
    if (store.filters.value !== f) return; // the filters moved on meanwhile
    refreshView(filtered ? emptyViewMessage(f, { edges: graph.edges.length }, counts) : null);
  }

  async function expand(id: string): Promise<void> {
    const graph = await api.graph({
      focus: id,
      up: 1,
      down: 0,
      limit: OVERVIEW_LIMIT,
      ...graphFilters(store.filters.value),
    });
    const added = map.merge(graph, { anchor: id });
    refreshView();
    const name = shortName(shell.nameOf(id));
    showToast(
      store,
      added.length > 0 ? t('web.shell.added', { count: added.length, name }) : t('web.shell.allShown', { name }),
      'info',
    );
    if (store.primary.value === id) await selection().showDetail(id);
  }

  async function simulate(): Promise<void> {
    const primary = store.primary.value;
    const hit = store.selection.value.length > 0 ? store.selection.value : primary ? [primary] : [];
    if (hit.length === 0) return;
    const sim = await api.simulate(hit);
    store.simulation.value = sim;
    map.showDisruption(sim);
    map.showAll(sim.disrupted);
  }

  function clearSimulation(): void {
    store.simulation.value = null;
    map.showDisruption(null);
  }

  async function bringDownstream(ids: string[], from: string[]): Promise<void> {
    const wanted = new Set(ids);
    const down = Math.min(MAX_TIERS, Math.max(1, (store.summary.value?.maxTier ?? DEFAULT_DEPTH) + 1));
    const graphs = await Promise.all(from.map((id) => api.graph({ focus: id, up: 0, down, limit: OVERVIEW_LIMIT })));
    for (const graph of graphs) map.merge(graph, { keep: (id) => wanted.has(id) });
    refreshView();
  }

  async function showOutside(): Promise<void> {
    const sim = store.simulation.value;
    if (!sim) return;
    await bringDownstream(sim.disrupted, sim.hit);
    map.showAll(sim.disrupted);
  }

  async function reset(): Promise<void> {
    store.filters.value = { ...DEFAULT_FILTERS, depth: defaultDepth(store.summary.value?.maxTier ?? DEFAULT_DEPTH) };
    selection().clearSelection();
    clearSimulation();
    await loadOverview();
  }

  function exportPng(): void {
    const blob = map.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'weaklink-map.png';
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return {
    refreshView: () => refreshView(),
    loadOverview,
    expand,
    simulate,
    clearSimulation,
    bringDownstream,
    showOutside,
    reset,
    exportPng,
  };
}
