/**
 * The page's bootstrap: one store of signals (state.ts) and the shell's components over
 * it (web/src/shell/), the map (map.ts, driven by the shell's actions), the side panel,
 * the tables below (tabs.ts), the Scenario tab (scenario.ts, sharing the selection and
 * replaying its runs on the map), the overview of the whole network (overview/, sigma in
 * WebGL) and the executive report (executive.ts) over everything.
 * Loads the summary, the caller's role and the focal companies' upstream view. Nothing
 * is analysed here. `window.__weaklink` exposes the Cytoscape instance, a `ready` promise
 * (first view drawn) and `pending()` (work in flight) for tests.
 */
import { effect, signal } from '@preact/signals';
import type { Overview } from '../../src/contract/overview-format.ts';
import { createElement, render } from 'preact';
import { createApiClient } from './api-client.ts';
import { createExecutiveView } from './executive.ts';
import { applyLang, browserStorage, initialLang, lang } from './i18n.ts';
import { Legend } from './legend.tsx';
import { SupplyMap } from './map.ts';
import { renderPanelIntro } from './panel.ts';
import { createScenarioTab } from './scenario.ts';
import { createStore, defaultDepth, DEFAULT_FILTERS } from './state.ts';
import { createShell, showError } from './shell/context.ts';
import { createHandle, firstRender, type WeaklinkHandle } from './shell/handle.ts';
import { createExecutiveRoute } from './shell/executive-route.ts';
import { createOverviewRoute } from './shell/overview-route.ts';
import type { OverviewView } from './overview/overview-view.ts';
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
  const api = createApiClient({ token: readToken });
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
  shell.hooks = { selectionChanged: () => scenario.selectionChanged(), viewChanged: () => scenario.viewChanged() };
  const tabs = createTabs(element('drawer'), api, {
    onFocus: (id) => void track(selection.focus(id)),
    nameOf,
    focal: () => new Map(store.summary.value?.focal.map((f) => [f.id, f.name]) ?? []),
    renderScenario: (pane) => scenario.mount(pane),
  });
  const executive = createExecutiveView(element('executive'), {
    api,
    track,
    summary: () => store.summary.value,
    onClose: () => router.show(false),
  });
  const router = createExecutiveRoute(store, element('executive'), () => void track(executive.show()));
  // The overview of the whole network: its code (sigma, graphology) and its data are loaded
  // when it is first shown; a click on a company opens it in the map.
  const overviewData = signal<Overview | null>(null);
  const overviewFocal = signal<number | null>(null);
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
    toggleExecutive: () => router.show(!store.executiveOpen.value),
    toggleOverview: () => overviewRouter.show(!store.overviewOpen.value),
    signOut: () => reload(null),
    signIn: (token) => reload(token),
    networkReplaced: () => void track(networkReplaced()),
  });
  attachMapKeys(element('map'), map, {
    current: () => store.primary.value,
    select: (id) => void track(selection.select(id, false)),
    clear: () => selection.clearSelection(),
  });
  /** An admin uploaded a network: the new summary, view and tables; the old selection and simulation go. */
  async function networkReplaced(): Promise<void> {
    store.summary.value = await api.summary();
    selection.clearSelection();
    store.simulation.value = null;
    tabs.reset();
    await view.loadOverview();
  }
  render(createElement(Legend, {}), element('legend-slot'));
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
    router.route();
    overviewRouter.route();
    await view.loadOverview();
    await firstRender(map.cy);
    void track(tabs.open('weak-links'));
  } catch (error) {
    showError(store, error);
  } finally {
    store.busy.value--;
    markReady();
  }
}

void start();
