/**
 * The selection actions: select a company (alone or added with shift), replace the
 * selection, clear it, show a company's details in the panel with its exposure path and
 * blast radius on the map, and focus a company (bring it into view, select and frame it).
 */
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { renderPanel, renderPanelIntro, renderPanelLoading } from '../panel.ts';
import { TIER1_SHOWN } from '../panel/Tier1Dependants.tsx';
import { replaceSelection, toggleSelection, type SelectionState } from '../state.ts';
import type { Shell } from './context.ts';
import type { ApiClient } from '../api-client.ts';
import { lang } from '../i18n.ts';
import { effectiveAsOf } from '../as-of.ts';

/** What the panel's buttons do besides selecting (the view actions). */
export interface PanelActions {
  simulate(): Promise<void>;
  expand(id: string): Promise<void>;
  refreshView(): void;
  /** Loads the overview again (after an edit changed the network). */
  loadOverview(): Promise<void>;
}

export interface SelectionActions {
  /** Selects company `id` (added when `additive`); resolves with the detail shown, if any. */
  select(id: string, additive: boolean): Promise<CompanyDetailResponse | undefined>;
  /** Replaces the selection with `ids`, showing the last one's details. */
  setSelection(ids: string[]): Promise<void>;
  clearSelection(): void;
  /** Shows company `id` in the panel and its exposure path and blast radius on the map. */
  showDetail(id: string): Promise<CompanyDetailResponse | undefined>;
  /** Puts company `id` in view (bringing in its neighbourhood if needed), selects it and frames it. */
  focus(id: string): Promise<void>;
}

export function createSelectionActions(shell: Shell, view: PanelActions): SelectionActions {
  const { store, api, map, panel, track } = shell;

  function apply(next: SelectionState): void {
    store.selection.value = next.selection;
    store.primary.value = next.primary;
    map.setSelection(next.selection);
    shell.hooks.selectionChanged();
  }

  function clearSelection(): void {
    apply({ selection: [], primary: null });
    map.showPath(null);
    map.showRadius(null);
    renderPanelIntro(panel);
  }

  async function select(id: string, additive: boolean): Promise<CompanyDetailResponse | undefined> {
    apply(toggleSelection(store.selection.value, id, additive));
    const primary = store.primary.value;
    if (primary === null) {
      clearSelection();
      return undefined;
    }
    return showDetail(primary);
  }

  async function setSelection(ids: string[]): Promise<void> {
    apply(replaceSelection(ids));
    const primary = store.primary.value;
    if (primary === null) return clearSelection();
    await showDetail(primary);
  }

  async function showDetail(id: string): Promise<CompanyDetailResponse | undefined> {
    renderPanelLoading(panel, shell.nameOf(id));
    const detail = await api.company(id);
    if (store.primary.value !== id) return undefined;
    store.names.set(id, detail.company.name);
    for (const s of detail.exposurePath) store.names.set(s.id, s.name);
    await bringPathIntoView(detail);
    if (store.primary.value !== id) return undefined;
    map.showPath(detail.exposurePath.map((s) => ({ id: s.id, commodity: s.commodity })));
    map.showRadius(id, detail.blastRadius);
    renderPanel(panel, detail, {
      selection: store.selection.value,
      hiddenSuppliers: map.cy.$id(id).data('hidden') ?? 0,
      onFocus: (other) => void track(focus(other)),
      onSimulate: () => void track(view.simulate()),
      onExpand: (other) => void track(view.expand(other)),
      onClose: () => clearSelection(),
      onLetter: (supplier) => openLetter(api, supplier),
      dependants: (company) => api.dependants(company, { limit: TIER1_SHOWN }),
      // Analysts and admins may edit the level; the map and the panel then show the new analysis.
      edit:
        store.role.value === 'viewer'
          ? undefined
          : { api, version: () => store.summary.value?.version ?? null, onEdited: () => void track(afterEdit(id)) },
      // Everyone sees the company's assessments; analysts and admins may record one, and the whole analysis follows.
      assessments: {
        api,
        canRecord: store.role.value === 'analyst' || store.role.value === 'admin',
        asOf: () => effectiveAsOf(store.asOf.value),
        onRecorded: () => void track(shell.hooks.analysisChanged()),
      },
    });
    return detail;
  }

  /** After a level edit: the new summary, the new view, and the company's new details. */
  async function afterEdit(id: string): Promise<void> {
    store.summary.value = await api.summary();
    await view.loadOverview();
    if (store.primary.value !== id) return;
    map.setSelection(store.selection.value);
    await showDetail(id);
  }

  /** The exposure path can reach deeper than the view: bring the missing companies in. */
  async function bringPathIntoView(detail: CompanyDetailResponse): Promise<void> {
    const onPath = new Set(detail.exposurePath.map((s) => s.id));
    const missing = detail.exposurePath.filter((s) => !map.has(s.id));
    if (missing.length === 0) return;
    const graphs = await Promise.all(missing.map((s) => api.graph({ focus: s.id, up: 0, down: 1, limit: 200 })));
    for (const graph of graphs) map.merge(graph, { keep: (id) => onPath.has(id), anchor: detail.company.id });
    view.refreshView();
  }

  async function focus(id: string): Promise<void> {
    if (!map.has(id)) {
      map.merge(await api.graph({ focus: id, up: 1, down: 1, limit: 300 }));
      view.refreshView();
    }
    map.centreOn(id);
    const detail = await select(id, false);
    // Frame the company with its exposure path and what it stops, so none runs off the screen.
    if (detail) map.showAll([id, ...detail.exposurePath.map((s) => s.id), ...detail.blastRadius.map((b) => b.id)]);
  }

  return { select, setSelection, clearSelection, showDetail, focus };
}

/** Opens the request letter in a new tab: the tab first (so no popup blocker stops it), then the page fetched with the token. */
export function openLetter(api: Pick<ApiClient, 'letter'>, supplier: string, open = window.open.bind(window)): void {
  const tab = open('', '_blank');
  api.letter(supplier, lang.value).then(
    async (blob) => {
      if (tab) showLetter(tab, await blob.text());
    },
    (error: unknown) => {
      tab?.close();
      window.alert(error instanceof Error ? error.message : String(error));
    },
  );
}

/**
 * Shows the letter's HTML page in `tab` (a blank tab this page opened). The tab inherits
 * the page's Content-Security-Policy, which refuses the letter's inline `<style>`: the
 * page is parsed here (inert), its styles taken out and adopted by the tab's document as
 * constructed stylesheets, which the policy allows — the letter keeps its A4 print layout.
 */
export function showLetter(tab: Window, html: string): void {
  // The styles come out before parsing: a <style> parsed under the policy is a violation even in an inert document.
  const styles: string[] = [];
  const unstyled = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, text: string) => {
    styles.push(text);
    return '';
  });
  const parsed = new DOMParser().parseFromString(unstyled, 'text/html');
  const doc = tab.document;
  const page = doc.importNode(parsed.documentElement, true);
  doc.documentElement.remove();
  doc.append(page);
  const Sheet = (tab as Window & typeof globalThis).CSSStyleSheet;
  doc.adoptedStyleSheets = styles.map((text) => {
    const sheet = new Sheet();
    sheet.replaceSync(text);
    return sheet;
  });
}
