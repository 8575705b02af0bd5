/**
 * The page's state: one store of signals (`createStore`) that the shell's components
 * read and its actions (web/src/shell/) write, plus the pure functions over it — what a
 * click does to the selection, what the banner, the status line and the filter
 * explanations say, why a filtered view is empty. Nothing here touches the DOM or the
 * API, so test/web/state.test.ts checks it directly.
 *
 * @example
 *   const store = createStore();
 *   Object.assign(store, toggleSelection(store.selection.value, 'ise-ecu', true));
 */
import { signal } from '@preact/signals';
import type {
  GraphResponse,
  LapsingListResponse,
  MeResponse,
  SimulateResponse,
  SummaryResponse,
} from '../../src/contract/api-types.ts';
import { DEFAULT_LAPSING_DAYS } from './as-of.ts';
import { lang, t } from './i18n.ts';

/** Tiers the overview shows by default, and the most the API follows in one request. */
export const DEFAULT_DEPTH = 3;
export const MAX_TIERS = 10;
/** The most companies the overview asks for. */
export const OVERVIEW_LIMIT = 1500;

export type Role = MeResponse['role'];

export interface FilterState {
  depth: number;
  /** '' = every commodity. */
  commodity: string;
  /** '' = every country. */
  country: string;
  criticalOnly: boolean;
}

export interface ToastMessage {
  text: string;
  kind: 'error' | 'info';
}

/** What the map shows: sizes, whether the limit cut it, its renderer, and why it is empty when a filter left nothing. */
export interface ViewInfo {
  nodes: number;
  edges: number;
  truncated: boolean;
  /** What the last overview kept of each kind, of how many (GET /api/graph's `cap`); null before one loads. */
  cap: GraphResponse['cap'] | null;
  webgl: boolean;
  empty: string | null;
  /** Bumped on every change of the view, so what depends on the map redraws. */
  version: number;
}

export const DEFAULT_FILTERS: FilterState = { depth: DEFAULT_DEPTH, commodity: '', country: '', criticalOnly: false };

/** The page's store: one signal per piece of state; `names` caches company names the API told us. */
export function createStore() {
  return {
    /** The page's language ('ja' | 'en'): the one signal of web/src/i18n.ts, which every text reads. */
    lang,
    summary: signal<SummaryResponse | null>(null),
    /** A token is stored (the sign-out button shows). */
    signedIn: signal(false),
    /** The sign-in dialog: open, with an error message or none. */
    auth: signal<{ open: boolean; message: string | null }>({ open: false, message: null }),
    role: signal<Role | null>(null),
    filters: signal<FilterState>({ ...DEFAULT_FILTERS }),
    selection: signal<string[]>([]),
    primary: signal<string | null>(null),
    simulation: signal<SimulateResponse | null>(null),
    executiveOpen: signal(false),
    /** The self-assessment view (`#assess`) is open. */
    assessOpen: signal(false),
    /** The overview of the whole network is shown instead of the map. */
    overviewOpen: signal(false),
    busy: signal(0),
    toast: signal<ToastMessage | null>(null),
    view: signal<ViewInfo>({ nodes: 0, edges: 0, truncated: false, cap: null, webgl: false, empty: null, version: 0 }),
    /** The analysis date chosen (YYYY-MM-DD), or null: today. Kept in the address as `?asOf=`. */
    asOf: signal<string | null>(null),
    /** The lapsing window (days after the analysis date) of the Lapsing tab, the map's mark and the executive line. */
    lapsingDays: signal<number>(DEFAULT_LAPSING_DAYS),
    /** The assessments lapsing within the window, as of the analysis date (null until loaded). */
    lapsing: signal<LapsingListResponse | null>(null),
    names: new Map<string, string>(),
  };
}

export type Store = ReturnType<typeof createStore>;

export interface SelectionState {
  selection: string[];
  primary: string | null;
}

/** A click on `id`: alone, it becomes the selection; `additive` (shift) adds it or, when already in, removes it. */
export function toggleSelection(selection: readonly string[], id: string, additive: boolean): SelectionState {
  if (!additive) return { selection: [id], primary: id };
  const next = selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id];
  return { selection: next, primary: next.includes(id) ? id : (next[next.length - 1] ?? null) };
}

/** The selection `ids` (duplicates dropped); the last one is the primary company. */
export function replaceSelection(ids: readonly string[]): SelectionState {
  const selection = [...new Set(ids)];
  return { selection, primary: selection[selection.length - 1] ?? null };
}

/** The depth the overview starts at for a network of `maxTier` tiers. */
export function defaultDepth(maxTier: number): number {
  return Math.min(DEFAULT_DEPTH, Math.max(1, Math.min(MAX_TIERS, maxTier)));
}

/** The choices of the depth filter: 1 … min(maxTier, MAX_TIERS). */
export function depthOptions(maxTier: number): { value: number; label: string }[] {
  const most = Math.min(MAX_TIERS, Math.max(1, maxTier));
  return Array.from({ length: most }, (_, i) => ({
    value: i + 1,
    label: i + 1 === maxTier ? t('web.filters.depthAll', { n: i + 1 }) : t('web.filters.depthUp', { count: i + 1 }),
  }));
}

const tiers = (n: number): string => t('web.filters.tiers', { count: n });

/** One short line per filter saying what its current value shows. */
export function filterExplanations(f: FilterState): {
  depth: string;
  commodity: string;
  country: string;
  critical: string;
} {
  return {
    depth: t('web.filters.whyDepth', { tiers: tiers(f.depth) }),
    commodity: f.commodity
      ? t('web.filters.whyCommodity', { commodity: f.commodity })
      : t('web.filters.whyCommodityAll'),
    country: f.country ? t('web.filters.whyCountry', { country: f.country }) : t('web.filters.whyCountryAll'),
    critical: f.criticalOnly ? t('web.filters.whyCritical') : t('web.filters.whyCriticalOff'),
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * The status line of the map: sizes, and when the overview limit cut it, what it kept:
 * "showing 1,500 of 100,000: the focal company's 412 critical suppliers, …".
 */
export function statusLine(view: Pick<ViewInfo, 'nodes' | 'edges' | 'truncated' | 'cap'>): string[] {
  const parts = [t('web.shell.statusSizes', { companies: fmt(view.nodes), supplies: fmt(view.edges) })];
  const cap = view.cap;
  if (view.truncated && cap) {
    const whose = t('web.shell.statusCapFocal', { count: cap.roots });
    const kept: string[] = [];
    if (cap.critical > 0 && cap.critical < cap.criticalReachable)
      kept.push(
        t('web.shell.statusCapCriticalOf', { whose, count: fmt(cap.critical), all: fmt(cap.criticalReachable) }),
      );
    else if (cap.critical > 0) kept.push(t('web.shell.statusCapCritical', { whose, count: fmt(cap.critical) }));
    if (cap.onPaths > 0) kept.push(t('web.shell.statusCapPaths', { count: fmt(cap.onPaths) }));
    if (cap.topRisk > 0) kept.push(t('web.shell.statusCapTop', { count: fmt(cap.topRisk) }));
    const list =
      kept.length < 2
        ? (kept[0] ?? '')
        : kept.slice(0, -1).join(t('web.shell.statusCapSep')) + t('web.shell.statusCapLast') + kept[kept.length - 1]!;
    parts.push(t('web.shell.statusCap', { shown: fmt(cap.shown), reachable: fmt(cap.reachable), kept: list }));
  }
  return parts;
}

/** The status line's note of the analysis date, or null when it is today (`asOf` null or today's date). */
export function asOfNote(asOf: string | null, today: string): string | null {
  if (asOf === null || asOf === today) return null;
  return t(asOf < today ? 'web.asOf.statusPast' : 'web.asOf.statusFuture', { date: asOf });
}

/** The distinct suppliers of `commodity` among the supplies of `graph`. */
export function makersOf(graph: Pick<GraphResponse, 'edges'>, commodity: string): number {
  return new Set(graph.edges.filter((e) => e.commodity === commodity).map((e) => e.source)).size;
}

/** What the unfiltered views tell about the makers of the filtered commodity: at the same depth, and at any depth. */
export interface MakerCounts {
  withinDepth: number;
  anyDepth: number;
}

/**
 * Why a filtered view shows no supply, or null when it shows some (or no filter is on).
 * `makers` counts the suppliers of the filtered commodity in the unfiltered views.
 */
export function emptyViewMessage(
  f: FilterState,
  view: Pick<ViewInfo, 'edges'>,
  makers: MakerCounts | null,
): string | null {
  if (view.edges > 0) return null;
  const within = t('web.shell.within', { tiers: tiers(f.depth) });
  if (f.commodity) {
    const head = t('web.shell.emptyHead', { commodity: f.commodity });
    if (!makers || makers.anyDepth === 0) return `${head}${t('web.shell.emptyNoMaker')}`;
    if (makers.withinDepth === 0) {
      const makes = t('web.shell.makes', { count: makers.anyDepth, n: fmt(makers.anyDepth) });
      return `${head}${t('web.shell.emptyNotWithin', { makes, within })}`;
    }
    const makes = t('web.shell.makesWithin', { count: makers.withinDepth, n: fmt(makers.withinDepth), within });
    return `${head}${t('web.shell.emptyNoChain', { makes, commodity: f.commodity })}`;
  }
  if (f.country)
    return t('web.shell.emptyCountry', {
      country: f.country,
      within,
      critical: f.criticalOnly ? t('web.shell.emptyCountryCritical') : '',
    });
  if (f.criticalOnly) return t('web.shell.emptyCritical', { within });
  return null;
}

/** The breach banner's words: who was hit, how many others stop, the focal companies among them, how many are outside the view. */
export function bannerModel(
  sim: SimulateResponse,
  nameOf: (id: string) => string,
  inView: (id: string) => boolean,
): { title: string; stops: string; focal: string | null; others: number; outside: number } {
  const stopDay = new Map(sim.companies.map((c) => [c.id, c.stopDay]));
  const hit = new Set(sim.hit);
  const focal = sim.focalDisrupted
    .filter((id) => !hit.has(id))
    .map((id) => t('web.shell.onDay', { name: nameOf(id), day: stopDay.get(id) ?? 0 }));
  const others = sim.disrupted.length - sim.hit.length;
  return {
    title: t('web.shell.breachAt', { names: sim.hit.map(nameOf).join(t('web.common.list')) }),
    stops: others === 0 ? t('web.shell.stopsNone') : t('web.shell.stops', { count: others, n: fmt(others) }),
    focal: focal.length > 0 ? focal.join(t('web.common.list')) : null,
    others,
    outside: sim.disrupted.filter((id) => !inView(id)).length,
  };
}
