/**
 * The Scenario tab's state: a small store of signals (the form, the replay, the what-ifs,
 * the saved list, the comparison) shared by its components, the context the map page
 * hands the tab, and the pure functions that derive state (no DOM, tested in test/web).
 *
 * @example
 *   const store = createStore();
 *   store.shown.value = shownOf(run, null, []);
 *   clampDay(99, run.lastDay); // lastDay
 */
import { t } from '../i18n.ts';
import { signal, type Signal } from '@preact/signals';
import type {
  SavedScenarioList,
  ScenarioComparison,
  ScenarioRun,
  WhatIfComparison,
  WhatIfOp,
} from '../../../src/contract/api-types.ts';
import type { ApiClient } from '../api-client.ts';
import type { SupplyMap } from '../map.ts';
import { downByDay } from '../replay.ts';

export const DEFAULT_DAYS = 10;
/** The longest hit the form offers (the API takes up to 36,500 days). */
export const MAX_DAYS = 3650;
/** Milliseconds per day while playing. */
export const PLAY_STEP_MS = 900;

export interface ScenarioContext {
  api: ApiClient;
  map: SupplyMap;
  /** The map's selection: the companies a scenario hits. */
  selection(): string[];
  /** Replaces the map's selection. */
  setSelection(ids: string[]): void;
  nameOf(id: string): string;
  remember(id: string, name: string): void;
  /** Runs `work` counted as pending; a failure is shown (toast) and gives undefined. */
  track<T>(work: Promise<T>): Promise<T | undefined>;
  /** Brings the companies `ids` onto the map, looking downstream of `from`. */
  bringIntoView(ids: string[], from: string[]): Promise<void>;
  /** A replay is about to be drawn on the map (end the breach simulation banner). */
  onReplay(): void;
}

/** The run being replayed. */
export interface Shown {
  run: ScenarioRun;
  /** The saved scenario's name, or null for an unsaved run. */
  name: string | null;
  /** The what-ifs it was run with. */
  whatIf: WhatIfOp[];
  /** Ids down per day. */
  days: string[][];
  /** Every company the run stops. */
  affected: string[];
}

/** A run with what-ifs: the same hit without them (before) and with them (after). */
export interface WhatIfOutcome {
  ops: WhatIfOp[];
  before: ScenarioRun;
  after: ScenarioRun;
  comparison: WhatIfComparison | null;
}

export type SavedItem = SavedScenarioList['items'][number];

export interface Message {
  text: string;
  error: boolean;
}

export interface ScenarioStore {
  /** The map's selection (the companies hit), copied when it changes. */
  selection: Signal<string[]>;
  /** The days input, as typed. */
  days: Signal<string>;
  formError: Signal<string | null>;
  whatIf: Signal<WhatIfOp[]>;
  whatIfError: Signal<string | null>;
  shown: Signal<Shown | null>;
  outcome: Signal<WhatIfOutcome | null>;
  day: Signal<number>;
  playing: Signal<boolean>;
  saved: Signal<SavedItem[]>;
  message: Signal<Message | null>;
  comparison: Signal<ScenarioComparison | null>;
  /** Bumped when the map's view (what is on it) or the names known change. */
  view: Signal<number>;
}

export function createStore(): ScenarioStore {
  return {
    selection: signal([]),
    days: signal(String(DEFAULT_DAYS)),
    formError: signal(null),
    whatIf: signal([]),
    whatIfError: signal(null),
    shown: signal(null),
    outcome: signal(null),
    day: signal(0),
    playing: signal(false),
    saved: signal([]),
    message: signal(null),
    comparison: signal(null),
    view: signal(0),
  };
}

/** The replay state of a run: who is down each day and every company it stops. */
export function shownOf(run: ScenarioRun, name: string | null, whatIf: WhatIfOp[]): Shown {
  return { run, name, whatIf, days: downByDay(run), affected: run.companies.map((c) => c.id) };
}

/** `day` rounded into 0 … lastDay. */
export function clampDay(day: number, lastDay: number): number {
  const d = Math.round(day);
  return Number.isFinite(d) ? Math.max(0, Math.min(lastDay, d)) : 0;
}

/** The next day of a playing replay, or null at the end. */
export function nextDay(day: number, lastDay: number): number | null {
  return day >= lastDay ? null : day + 1;
}

/** Why the form cannot run (null when it can): no company hit, or days not a whole number 1 … MAX_DAYS. */
export function formProblem(hit: readonly string[], daysText: string): string | null {
  if (hit.length === 0) return t('web.scn.pickHit');
  const days = daysText.trim() === '' ? Number.NaN : Math.round(Number(daysText));
  if (!(days >= 1 && days <= MAX_DAYS)) return t('web.scn.daysError', { max: MAX_DAYS.toLocaleString('en-US') });
  return null;
}

/** The two scenarios picked for comparison: kept when still saved, else the two newest (b newest). */
export function comparePicks(names: readonly string[], a: string, b: string): { a: string; b: string } {
  return {
    a: names.includes(a) ? a : (names[1] ?? names[0] ?? ''),
    b: names.includes(b) ? b : (names[0] ?? ''),
  };
}

/** The what-ifs with `op` added at the end (an identical one is not added twice). */
export function addOp(ops: readonly WhatIfOp[], op: WhatIfOp): WhatIfOp[] {
  const key = JSON.stringify(op);
  return ops.some((o) => JSON.stringify(o) === key) ? [...ops] : [...ops, op];
}

/** The what-ifs without the one at `index`. */
export function removeOp(ops: readonly WhatIfOp[], index: number): WhatIfOp[] {
  return ops.filter((_, i) => i !== index);
}
