/**
 * The page's bootstrap: one store of signals (state.ts) and the shell's components over
 * it (web/src/shell/), the map (map.ts, driven by the shell's actions), the side panel,
 * the tables below (tabs.ts), the Scenario tab (scenario.ts, sharing the selection and
 * replaying its runs on the map), the overview of the whole network (overview/, sigma in
 * WebGL), the executive report (executive.ts) and, for analysts, the self-assessments and
 * their heat map (assess.ts) over everything.
 * Loads the summary, the caller's role, the focal companies' upstream view and the
 * lapsing list (the map's mark), all as of the analysis date of the address (`?asOf=`,
 * default today). Nothing is analysed here. `window.__weaklink` exposes the Cytoscape instance, a `ready` promise
 * (first view drawn) and `pending()` (work in flight) for tests.
 */
import { effect, signal } from '@preact/signals';
import type { Overview } from '../../src/contract/overview-format.ts';
import { createElement, render } from 'preact';
import { createApiClient } from './api-client.ts';
import { createAssessView } from './assess.ts';
import { asOfFromSearch } from './as-of.ts';
import { createExecutiveView } from './executive.ts';
import { applyLang, browserStorage, initialLang, lang } from './i18n.ts';
import { Legend } from './legend.tsx';
import { SupplyMap } from './map.ts';
import { renderPanelIntro } from './panel.ts';
import { createScenarioTab } from './scenario.ts';
import { createStore, defaultDepth, DEFAULT_FILTERS } from './state.ts';
import { createShell, showError } from './shell/context.ts';
import { createHandle, firstRender, type WeaklinkHandle } from './shell/handle.ts';
import { createAssessRoute } from './shell/assess-route.ts';
import { createAsOfActions } from './shell/as-of.ts';
import { createExecutiveRoute } from './shell/executive-route.ts';
import { createOverviewRoute } from './shell/overview-route.ts';
import type { OverviewView } from './overview/overview-view.ts';
import type { SizeBy } from './overview/overview-graph.ts';
import { OverviewPanel } from './overview/OverviewPanel.tsx';
import { attachMapKeys } from './shell/map-keyboard.ts';
import { mountShell } from './shell/mount.tsx';
import { createSelectionActions, type SelectionActions } from './shell/selection.ts';
import { readToken, storeToken, takeLoginFromUrl, takeTokenFromUrl } from './shell/token.ts';
import { createViewActions, type ViewActions } from './shell/view.ts';
import { createTabs } from './tabs.ts';

export type { WeaklinkHandle };

declare global {
  interface Window {
    __weaklink?: WeaklinkHandle;
  }
}

const element = (id: string): HTMLElement => document.getElementById(id) ?? document.createElement('div');

async function start(): Promise<void> {
  lang.value = initialLang(browserStorage(), navigator.languages);
  applyLang(document);
  await takeLoginFromUrl();
  takeTokenFromUrl();
  const store = createStore();
  store.signedIn.value = readToken() !== null;
  store.asOf.value = asOfFromSearch(location.search);
  const api = createApiClient({ token: readToken, asOf: () => store.asOf.value });
  const webglParam = new URLSearchParams(location.search).get('webgl');
  const map = new SupplyMap(
    element('map'),
    {
      onSelect: (id, additive) => void shell.track(selection.select(id, additive)),
      onExpand: (id) => void shell.track(view.expand(id)),
      onBackground: () => selection.clearSelection(),
    },
    // Canvas unless asked: ?webgl=1 forces Cytoscape's WebGL renderer for large views, ?webgl=auto uses it on a GPU.
    { webgl: webglParam === '1' ? true : webglParam === 'auto' ? 'auto' : false },
  );
  const shell = createShell(store, api, map, element('panel'));
  const view: ViewActions = createViewActions(shell, () => selection);
  const selection: SelectionActions = createSelectionActions(shell, view);
  const { track, nameOf } = shell;

  const { handle, markReady } = createHandle(store, api, map);
  window.__weaklink = handle;

  const scenario = createScenarioTab({
    api,
    map,
    selection: () => store.selection.value,
    setSelection: (ids) => void track(selection.setSelection(ids)),
    nameOf,
    remember: (id, name) => store.names.set(id, name),
    track,
    bringIntoView: (ids, from) => view.bringDownstream(ids, from),
    onReplay: () => (store.simulation.value = null),
  });
  shell.hooks = {
    selectionChanged: () => scenario.selectionChanged(),
    viewChanged: () => scenario.viewChanged(),
    analysisChanged: () => asOf.refresh(),
  };
  const tabs = createTabs(element('drawer'), api, {
    onFocus: (id) => void track(selection.focus(id)),
    nameOf,
    focal: () => new Map(store.summary.value?.focal.map((f) => [f.id, f.name]) ?? []),
    renderScenario: (pane) => scenario.mount(pane),
    lapsing: () => asOf.loadLapsing(),
    onLapsingWindow: (days) => {
      store.lapsingDays.value = days;
      void track(tabs.reload('lapsing'));
    },
  });
  const executive = createExecutiveView(element('executive'), {
    api,
    track,
    summary: () => store.summary.value,
    lapsing: () => store.lapsing.value,
    onClose: () => router.show(false),
  });
  const router = createExecutiveRoute(store, element('executive'), () => void track(executive.show()));
  const assessRouter = createAssessRoute(store, element('assess'));
  const assess = createAssessView(element('assess'), {
    api,
    onClose: () => assessRouter.show(false),
    onFocus: (id) => {
      assessRouter.show(false);
      void track(selection.focus(id));
    },
  });
  /** Opening one view over the map leaves the other: both routes read the address again. */
  const routeAll = (): void => {
    router.route();
    assessRouter.route();
  };
  const asOf = createAsOfActions(shell, {
    loadOverview: () => view.loadOverview(),
    reloadTables: () => tabs.reset(),
    refreshPanel: async () => {
      const id = store.primary.value;
      if (id === null) return;
      map.setSelection(store.selection.value);
      await selection.showDetail(id);
    },
    refreshExecutive: () => executive.show(),
    refreshWholeNetwork: refreshWholeNetwork,
  });
  // The overview of the whole network: its code (sigma, graphology) and its data are loaded
  // when it is first shown; a click on a company opens it in the map.
  const overviewData = signal<Overview | null>(null);
  const overviewFocal = signal<number | null>(null);
  const overviewSizeBy = signal<SizeBy>('risk');
  let overview: OverviewView | null = null;
  const overviewView = async (): Promise<OverviewView> => {
    const { OverviewView } = await import('./overview/overview-view.ts');
    overview ??= new OverviewView(element('overview'), {
      load: () => api.overview(),
      onOpen: (id) => {
        overviewRouter.show(false);
        void track(selection.focus(id));
      },
      onLoaded: (o) => {
        overviewData.value = o;
        overviewFocal.value = overview?.focal ?? null;
      },
    });
    return overview;
  };
  render(
    createElement(OverviewPanel, {
      overview: overviewData,
      focal: overviewFocal,
      onFocal: (k: number | null) => {
        overviewFocal.value = k;
        overview?.setFocal(k);
      },
      sizeBy: overviewSizeBy,
      onSizeBy: (by: SizeBy) => {
        overviewSizeBy.value = by;
        overview?.setSizeBy(by);
      },
    }),
    element('overview-panel'),
  );
  effect(() => (lang.value, overview?.relabel()));
  const overviewRouter = createOverviewRoute(store, element('overview'), () => {
    store.busy.value++;
    void overviewView()
      .then((view) => view.show())
      .catch((error: unknown) => showError(store, error))
      .finally(() => store.busy.value--);
  });
  const reload = (token: string | null): void => {
    storeToken(token);
    location.reload();
  };
  mountShell(shell, {
    selection,
    view,
    toggleExecutive: () => {
      router.show(!store.executiveOpen.value);
      routeAll();
    },
    toggleAssess: () => {
      assessRouter.show(!store.assessOpen.value);
      routeAll();
    },
    toggleOverview: () => overviewRouter.show(!store.overviewOpen.value),
    signOut: () => reload(null),
    signIn: (token) => reload(token),
    networkReplaced: () => void track(networkReplaced()),
    setAsOf: (date) => void track(asOf.setAsOf(date)),
  });
  attachMapKeys(element('map'), map, {
    current: () => store.primary.value,
    select: (id) => void track(selection.select(id, false)),
    clear: () => selection.clearSelection(),
  });
  /** An admin uploaded a network: the new summary, view and tables; the old selection, simulation and self-assessment answer go. */
  async function networkReplaced(): Promise<void> {
    store.summary.value = await api.summary();
    selection.clearSelection();
    store.simulation.value = null;
    tabs.reset();
    assess.store.reset();
    await view.loadOverview();
    await refreshWholeNetwork();
  }
  /** The overview of the whole network answers for another date or network: drawn again if shown. */
  async function refreshWholeNetwork(): Promise<void> {
    if (overview === null) return;
    overview.invalidate();
    overviewData.value = null;
    if (store.overviewOpen.value) await overview.show();
  }
  render(createElement(Legend, { lapsingDays: store.lapsingDays }), element('legend-slot'));
  // The map's tier headers are drawn outside Preact: written again when the language changes.
  effect(() => (lang.value, map.labelHeads()));
  renderPanelIntro(shell.panel);

  store.busy.value++;
  try {
    void track(api.me().then((me) => (store.role.value = me.role)));
    const summary = await api.summary();
    performance.mark('weaklink:summary-fetched');
    for (const f of summary.focal) store.names.set(f.id, f.name);
    store.summary.value = summary;
    store.filters.value = { ...DEFAULT_FILTERS, depth: defaultDepth(summary.maxTier) };
    routeAll();
    overviewRouter.route();
    await view.loadOverview();
    await firstRender(map.cy);
    void track(asOf.loadLapsing());
    void track(tabs.open('weak-links'));
  } catch (error) {
    showError(store, error);
  } finally {
    store.busy.value--;
    markReady();
  }
}

void start();
