/**
 * Mounts the shell's components into the page's elements (web/index.html) and keeps the
 * `hidden` of their containers in step with the store: the header figures and buttons,
 * the search box, the analysis date and the filters, the view buttons, the selection bar, the breach banner,
 * the status line, the toast, the sign-in dialog, the progress bars of heavy requests and
 * the skip link.
 */
import { effect } from '@preact/signals';
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import type { CompanyRow } from '../../../src/contract/api-types.ts';
import { browserStorage } from '../i18n.ts';
import type { Shell } from './context.ts';
import { todayUtc } from '../as-of.ts';
import { AuthDialog } from './AuthDialog.tsx';
import { Filters } from './Filters.tsx';
import { HeaderButtons } from './HeaderButtons.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { SimBanner } from './SimBanner.tsx';
import { Status, Toast } from './Status.tsx';
import { Summary } from './Summary.tsx';
import { ViewActions } from './ViewActions.tsx';
import { JobProgressBars } from '../progress.tsx';
import type { SelectionActions } from './selection.ts';
import type { ViewActions as ViewActionsApi } from './view.ts';
import './shell.css';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`weaklink: the page has no #${id}`);
  return el as T;
}

function mount(el: Element | null, node: ComponentChild): void {
  if (!el) throw new Error('weaklink: a mount point of the page is missing');
  render(node, el);
}

export interface ShellMountActions {
  selection: SelectionActions;
  view: ViewActionsApi;
  /** Toggles the executive view. */
  toggleExecutive(): void;
  /** Toggles the self-assessment view. */
  toggleAssess?(): void;
  /** Toggles the overview of the whole network. */
  toggleOverview(): void;
  signOut(): void;
  signIn(token: string): void;
  /** A new network was uploaded: load everything again. */
  networkReplaced(): void;
  /** Another analysis date was chosen (null: today). */
  setAsOf(date: string | null): void;
}

export function mountShell(shell: Shell, actions: ShellMountActions): void {
  const { store, api, map, track, nameOf } = shell;
  const { selection, view } = actions;
  const search = async (q: string): Promise<CompanyRow[] | undefined> =>
    (await track(api.companies({ q, limit: 8 })))?.items;
  const pick = (c: CompanyRow): void => {
    store.names.set(c.id, c.name);
    void track(selection.focus(c.id));
  };

  mount(byId('summary'), <Summary store={store} />);
  mount(
    byId('header-actions'),
    <HeaderButtons
      store={store}
      onExecutive={actions.toggleExecutive}
      {...(actions.toggleAssess ? { onAssess: actions.toggleAssess } : {})}
      onOverview={actions.toggleOverview}
      onSignOut={actions.signOut}
      upload={{ api, version: () => store.summary.value?.version ?? null, onLoaded: actions.networkReplaced }}
      storage={browserStorage()}
    />,
  );
  mount(document.querySelector('#toolbar .search'), <SearchBox store={store} search={search} onPick={pick} />);
  mount(
    byId('filters'),
    <Filters
      store={store}
      onChange={() => void track(view.loadOverview())}
      asOf={{ today: todayUtc(), onChange: actions.setAsOf }}
    />,
  );
  mount(
    document.querySelector('#toolbar .view-actions'),
    <ViewActions onFit={() => map.fit()} onReset={() => void track(view.reset())} onExport={() => view.exportPng()} />,
  );
  const selectionBar = byId('selection-bar');
  mount(
    selectionBar,
    <SelectionBar
      store={store}
      nameOf={nameOf}
      onRemove={(id) => void track(selection.select(id, true))}
      onSimulate={() => void track(view.simulate())}
    />,
  );
  const banner = byId('sim-banner');
  mount(
    banner,
    <SimBanner
      store={store}
      nameOf={nameOf}
      inView={(id) => map.has(id)}
      onShowOutside={() => void track(view.showOutside())}
      onClear={() => view.clearSimulation()}
    />,
  );
  mount(byId('status'), <Status store={store} />);
  const toast = byId('toast');
  mount(toast, <Toast store={store} />);
  mount(byId('auth'), <AuthDialog store={store} onToken={actions.signIn} />);
  mount(byId('job-progress'), <JobProgressBars api={api} />);

  effect(() => {
    selectionBar.hidden = store.selection.value.length === 0;
    banner.hidden = store.simulation.value === null;
    const message = store.toast.value;
    toast.hidden = message === null;
    toast.classList.toggle('info', message?.kind === 'info');
  });

  // The skip link moves the keyboard focus to the company panel (without a #panel in the address).
  const panel = shell.panel;
  byId('skip-to-panel').addEventListener('click', (event) => {
    event.preventDefault();
    panel.focus();
  });
}
