/**
 * The drawer under the map: the resize handle, the tab bar (a roving tabindex: ← → Home
 * End move between tabs and open them) with the show/hide toggle, and one pane per tab,
 * each drawn from its load in the store (Loading…, the error, or its table). The Scenario
 * tab's pane belongs to scenario.ts: the drawer gives it the element (`scenarioPane`)
 * and never draws into it. The drawer element itself (`host`) carries the state the
 * stylesheet reads: `collapsed`, `data-tab` and the height the user chose.
 *
 * @example
 *   render(<Drawer host={el} store={store} view={view} scenarioPane={ref} />, el);
 */
import { effect } from '@preact/signals';
import { useLayoutEffect } from 'preact/hooks';
import type { JSX, Ref } from 'preact';
import { t } from '../i18n.ts';
import { AggregatesView } from './aggregates.tsx';
import { ConcentrationTable } from './concentration.tsx';
import { LapsingTable } from './lapsing.tsx';
import { LevelGapsTable } from './level-gaps.tsx';
import { ResizeHandle } from './resize-handle.tsx';
import { SourcesTable } from './sources.tsx';
import { TAB_IDS, tabTitle, type TabData, type TabId, type TabsStore } from './state.ts';
import type { TableView } from './view.ts';
import { UnassessedTable } from './unassessed.tsx';
import { WeakLinksTable } from './weak-links.tsx';
import './tabs.css';

type TableTab = Exclude<TabId, 'scenario'>;

const CONTENT: { [K in TableTab]: (value: TabData[K], view: TableView) => JSX.Element } = {
  'weak-links': (page, view) => <WeakLinksTable page={page} view={view} />,
  sources: (data, view) => <SourcesTable data={data} view={view} />,
  'level-gaps': (page, view) => <LevelGapsTable page={page} view={view} />,
  unassessed: (page, view) => <UnassessedTable page={page} view={view} />,
  lapsing: (page, view) => <LapsingTable page={page} view={view} onWindow={(days) => view.onLapsingWindow?.(days)} />,
  concentration: (data, view) => <ConcentrationTable data={data} view={view} />,
  aggregates: (data, view) => <AggregatesView data={data} view={view} />,
};

/** The tab after (or before) `id` for a key of the tab bar, or null for other keys. */
export function tabForKey(id: TabId, key: string): TabId | null {
  const i = TAB_IDS.indexOf(id);
  const n = TAB_IDS.length;
  const index = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[key];
  return index === undefined ? null : TAB_IDS[index]!;
}

function TabBar({ store }: { store: TabsStore }) {
  const active = store.active.value;
  const focusable = active ?? TAB_IDS[0];
  const onKeyDown = (id: TabId, e: KeyboardEvent): void => {
    const next = tabForKey(id, e.key);
    if (next === null) return;
    e.preventDefault();
    const bar = (e.currentTarget as HTMLElement).parentElement;
    bar?.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
    void store.open(next);
  };
  return (
    <div class="tab-bar" role="tablist" aria-label={t('web.tabs.label')}>
      {TAB_IDS.map((id) => (
        <button
          key={id}
          id={`tab-${id}`}
          class={id === active ? 'tab active' : 'tab'}
          role="tab"
          data-tab={id}
          aria-selected={id === active}
          aria-controls={`tab-pane-${id}`}
          tabIndex={id === focusable ? 0 : -1}
          onClick={() => void store.open(id)}
          onKeyDown={(e) => onKeyDown(id, e)}
        >
          {tabTitle(id)}
        </button>
      ))}
      <span class="spacer" />
      <button
        class="icon-button drawer-toggle"
        title={t('web.tabs.toggle')}
        aria-expanded={!store.collapsed.value}
        onClick={() => (store.collapsed.value = !store.collapsed.value)}
      >
        ▾
      </button>
    </div>
  );
}

const paneProps = (id: TabId, active: TabId | null, loaded: boolean) => ({
  class: 'tab-pane',
  id: `tab-pane-${id}`,
  role: 'tabpanel' as const,
  'aria-labelledby': `tab-${id}`,
  'data-tab-pane': id,
  'data-loaded': loaded ? 'true' : undefined,
  hidden: id !== active,
});

function TablePane<K extends TableTab>({ id, store, view }: { id: K; store: TabsStore; view: TableView }) {
  const load = store.loads[id].value;
  return (
    <div {...paneProps(id, store.active.value, load.status === 'ready')}>
      {load.status === 'loading' && <p class="muted">{t('web.tabs.loading')}</p>}
      {load.status === 'error' && (
        <p class="error">{t('web.tabs.failed', { tab: tabTitle(id), message: load.message })}</p>
      )}
      {load.status === 'ready' && CONTENT[id](load.value, view)}
    </div>
  );
}

export interface DrawerProps {
  /** The drawer element the component is rendered into. */
  host: HTMLElement;
  store: TabsStore;
  view: TableView;
  scenarioPane: Ref<HTMLDivElement>;
}

export function Drawer({ host, store, view, scenarioPane }: DrawerProps) {
  useLayoutEffect(
    () =>
      effect(() => {
        const collapsed = store.collapsed.value;
        const height = store.height.value;
        host.classList.toggle('collapsed', collapsed);
        if (store.active.value) host.dataset['tab'] = store.active.value;
        host.style.height = height === null || collapsed ? '' : `${height}px`;
      }),
    [host, store],
  );
  const scenario = store.loads.scenario.value;
  return (
    <>
      <ResizeHandle host={host} store={store} />
      <TabBar store={store} />
      <div class="tab-body">
        {(Object.keys(CONTENT) as TableTab[]).map((id) => (
          <TablePane key={id} id={id} store={store} view={view} />
        ))}
        {scenario.status === 'error' && store.active.value === 'scenario' && (
          <p class="error">Could not load Scenario: {scenario.message}</p>
        )}
        <div {...paneProps('scenario', store.active.value, scenario.status === 'ready')} ref={scenarioPane} />
      </div>
    </>
  );
}
