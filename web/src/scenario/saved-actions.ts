/**
 * The saved scenarios of the Scenario tab: save the run shown (with its what-ifs; a
 * viewer's 403 is said plainly), delete, load one back into the replay, list them, and
 * compare two side by side on the map (GET /api/scenarios/compare).
 *
 * @example
 *   const saved = createSavedActions(ctx, store, { show, stop, setDay });
 *   await saved.save('Kanazawa trim 5 days');
 */
import { t } from '../i18n.ts';
import type { SavedScenario, ScenarioRun, WhatIfOp } from '../../../src/contract/api-types.ts';
import type { ScenarioContext, ScenarioStore } from './state.ts';
import { writeError } from './text.ts';

export interface SavedActions {
  save(name: string): Promise<boolean>;
  remove(name: string): Promise<void>;
  load(name: string): Promise<void>;
  refreshSaved(): Promise<void>;
  compare(a: string, b: string): Promise<void>;
  closeCompare(): void;
  say(text: string | null, error?: boolean): void;
}

interface Replay {
  show(run: ScenarioRun, name: string | null, whatIf: WhatIfOp[]): void;
  stop(): void;
  /** Draws the current day of the replay again. */
  setDay(): void;
}

export function createSavedActions(ctx: ScenarioContext, store: ScenarioStore, replay: Replay): SavedActions {
  function say(text: string | null, error = false): void {
    store.message.value = text === null ? null : { text, error };
  }

  async function refreshSaved(): Promise<void> {
    store.saved.value = (await ctx.api.scenarios()).items;
  }

  /** Saves the run shown (or the form's hit); true when saved. */
  async function save(name: string): Promise<boolean> {
    if (!name) return (say(t('web.scn.nameFirst'), true), false);
    const shown = store.shown.value;
    const hit = shown ? shown.run.hit : ctx.selection();
    const days = shown ? shown.run.days : Math.round(Number(store.days.value));
    const whatIf = shown ? shown.whatIf : store.whatIf.value;
    if (hit.length === 0) return (say(t('web.scn.runFirst'), true), false);
    let result: SavedScenario;
    try {
      result = await ctx.api.saveScenario(whatIf.length > 0 ? { name, hit, days, whatIf } : { name, hit, days });
    } catch (error) {
      say(writeError('saved', error), true);
      return false;
    }
    say(t('web.scn.savedName', { name: result.name }));
    if (shown && !shown.name) store.shown.value = { ...shown, name: result.name };
    await refreshSaved();
    return true;
  }

  function closeCompare(): void {
    if (!store.comparison.value) return;
    store.comparison.value = null;
    if (store.shown.value) replay.setDay();
    else ctx.map.showComparison(null);
  }

  async function remove(name: string): Promise<void> {
    try {
      await ctx.api.deleteScenario(name);
    } catch (error) {
      return say(writeError('deleted', error), true);
    }
    say(t('web.scn.deletedName', { name }));
    const c = store.comparison.value;
    if (c && (c.a.name === name || c.b.name === name)) closeCompare();
    await refreshSaved();
  }

  async function load(name: string): Promise<void> {
    const scenario = await ctx.api.savedScenario(name);
    store.days.value = String(scenario.days);
    store.whatIf.value = scenario.whatIf ?? [];
    ctx.setSelection(scenario.hit);
    replay.show(scenario.result, scenario.name, scenario.whatIf ?? []);
  }

  async function compare(a: string, b: string): Promise<void> {
    if (!a || !b) return;
    if (a === b) return say(t('web.scn.pickTwo'), true);
    const comparison = await ctx.api.compareScenarios(a, b);
    for (const s of [comparison.a, comparison.b]) for (const c of s.result.companies) ctx.remember(c.id, c.name);
    replay.stop();
    store.comparison.value = comparison;
    const { onlyA, onlyB, both } = comparison;
    const all = [...onlyA, ...onlyB, ...both];
    const outside = all.filter((id) => !ctx.map.has(id));
    if (outside.length > 0) await ctx.bringIntoView(outside, [...new Set([...comparison.a.hit, ...comparison.b.hit])]);
    ctx.onReplay();
    ctx.map.showComparison({ onlyA, onlyB, both });
    ctx.map.showAll(all);
  }

  return { save, remove, load, refreshSaved, compare, closeCompare, say };
}
