/**
 * What the Scenario tab does: run (with the what-ifs, and the same hit without them for
 * the before/after), replay day by day on the map (setDay, play, stop), clear, and bring
 * the companies outside the view onto the map. Each action writes the store and calls
 * the map through the context; the components only read the store and call these.
 *
 * @example
 *   const actions = createActions(ctx, store);
 *   await actions.run();
 *   actions.setDay(3);
 */
import type { ScenarioRun, WhatIfComparison, WhatIfOp } from '../../../src/contract/api-types.ts';
import { eventsOn } from '../replay.ts';
import { createSavedActions, type SavedActions } from './saved-actions.ts';
import {
  clampDay,
  formProblem,
  nextDay,
  PLAY_STEP_MS,
  shownOf,
  type ScenarioContext,
  type ScenarioStore,
} from './state.ts';
import { whatIfError } from './text.ts';

export interface ScenarioActions extends SavedActions {
  run(): Promise<void>;
  show(run: ScenarioRun, name: string | null, whatIf: WhatIfOp[]): void;
  setDay(day: number): void;
  play(): void;
  stop(): void;
  clear(): void;
  showOutside(): Promise<void>;
  /** The companies the run stops that are not on the map. */
  outside(): string[];
}

export function createActions(ctx: ScenarioContext, store: ScenarioStore): ScenarioActions {
  let timer = 0;

  function setDay(d: number): void {
    const shown = store.shown.value;
    if (!shown) return;
    const day = clampDay(d, shown.run.lastDay);
    store.day.value = day;
    ctx.onReplay();
    const { stopped } = eventsOn(shown.run, day);
    ctx.map.showReplay({
      down: shown.days[day] ?? [],
      stopping: stopped,
      hit: shown.run.hit,
      affected: shown.affected,
    });
    store.view.value++;
  }

  function stop(): void {
    if (timer) window.clearInterval(timer);
    timer = 0;
    store.playing.value = false;
  }

  function play(): void {
    const shown = store.shown.value;
    if (!shown) return;
    if (store.day.value >= shown.run.lastDay) setDay(0);
    store.playing.value = true;
    timer = window.setInterval(() => {
      const current = store.shown.value;
      const next = current ? nextDay(store.day.value, current.run.lastDay) : null;
      if (next === null) return stop();
      setDay(next);
    }, PLAY_STEP_MS);
  }

  function remember(run: ScenarioRun): void {
    for (const c of run.companies) ctx.remember(c.id, c.name);
    for (const f of run.focal) ctx.remember(f.id, f.name);
  }

  function show(run: ScenarioRun, name: string | null, whatIf: WhatIfOp[]): void {
    remember(run);
    stop();
    store.shown.value = shownOf(run, name, whatIf);
    saved.closeCompare();
    setDay(0);
    ctx.map.showAll(store.shown.value.affected);
  }

  async function run(): Promise<void> {
    const hit = ctx.selection();
    store.formError.value = formProblem(hit, store.days.value);
    store.whatIfError.value = null;
    if (store.formError.value) return;
    const days = Math.round(Number(store.days.value));
    const ops = store.whatIf.value;
    let after: ScenarioRun;
    let before: ScenarioRun | null;
    let comparison: WhatIfComparison | null;
    try {
      const [withOps, without] = await Promise.all([
        ctx.api.scenario(ops.length > 0 ? { hit, days, whatIf: ops } : { hit, days }),
        ops.length > 0 ? ctx.api.scenario({ hit, days }) : null,
      ]);
      after = withOps.scenario;
      before = without?.scenario ?? null;
      comparison = (withOps.whatIf as WhatIfComparison | null) ?? null;
    } catch (error) {
      const message = whatIfError(error, ops);
      if (message === null) throw error;
      store.whatIfError.value = message;
      return;
    }
    if (before) remember(before);
    for (const c of comparison?.companies ?? []) ctx.remember(c.id, c.name);
    store.outcome.value = before ? { ops, before, after, comparison } : null;
    show(after, null, ops);
  }

  function clear(): void {
    stop();
    store.shown.value = null;
    store.outcome.value = null;
    ctx.map.showReplay(null);
  }

  function outside(): string[] {
    const shown = store.shown.value;
    return shown ? shown.affected.filter((id) => !ctx.map.has(id)) : [];
  }

  async function showOutside(): Promise<void> {
    const shown = store.shown.value;
    if (!shown) return;
    await ctx.bringIntoView(outside(), shown.run.hit);
    setDay(store.day.value);
  }

  const saved = createSavedActions(ctx, store, {
    show: (r, name, whatIf) => {
      store.outcome.value = null;
      show(r, name, whatIf);
    },
    stop,
    setDay: () => setDay(store.day.value),
  });

  return { ...saved, run, show, setDay, play, stop, clear, outside, showOutside };
}
