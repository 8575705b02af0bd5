/**
 * Breach scenarios for the API: `runScenario` checks the ids of a request against the
 * analysed network (unknown ones are a 404 naming the field, e.g. `hit` or
 * `whatIf.2.company`), applies the what-ifs when there are any (the edited network is
 * indexed and analysed once per version and list of what-ifs, and compared with the
 * current analysis), and runs `simulateScenario` day by day on the network it leads to.
 * `scenarioListItem` and `compareScenarios` summarise saved ones. Nothing here knows
 * about HTTP or the store.
 *
 * @example
 *   const { scenario, whatIf } = await runScenario(view, { hit: ['castco'], days: 10 });
 */
import { runAnalysis } from '../analysis/analyze.ts';
import { ConflictError, NotFoundError, PayloadTooLargeError } from '../errors.ts';
import { simulateScenario } from '../analysis/scenario.ts';
import { applyWhatIfs, compareAnalyses, type AnalysisComparison } from '../analysis/what-if.ts';
import type { WhatIf } from '../model/scenario.ts';
import { UsageError } from '../errors.ts';
import { indexNetwork, type IndexedNetwork } from '../model/index-network.ts';
import type { GraphStore, SavedScenarioRecord } from '../store/graph-store.ts';
import type { SavedScenarioList, ScenarioComparison, ScenarioRun } from '../contract/api-types.ts';
import type { JobWaiter, NetworkView } from './network-view.ts';
import { byString } from '../model/order.ts';
import { companyIndicesOf } from './company-ids.ts';

export const DEFAULTS = {
  /** Most companies one scenario hits. */
  maxHit: 100,
  /** Longest hit, in days (ten years). */
  maxDays: 3650,
  /** Most what-if operations one scenario applies. */
  maxWhatIf: 50,
  /** Analyses of edited networks kept per version (each is as large as the network's own). */
  keptWhatIfs: 4,
  /** Scenario results kept per version (about 3 MB each at 100,000 companies). */
  keptScenarios: 8,
};

export interface ScenarioInput {
  hit: string[];
  days: number;
  whatIf?: WhatIf[];
}

export interface ScenarioOutcome {
  scenario: ScenarioRun;
  whatIf: AnalysisComparison | null;
}

/** The ids each what-if names, with their field. */
function idsOf(op: WhatIf): [field: string, id: string][] {
  if (op.op === 'add-supplier')
    return [
      ['buyer', op.buyer],
      ['supplier', op.supplier],
    ];
  return [['company', op.company]];
}

/** 404 naming the field of the first unknown id of `hit` or of the what-ifs. */
function checkIds(index: IndexedNetwork, input: ScenarioInput): void {
  companyIndicesOf(index, [...new Set(input.hit)], 'hit');
  (input.whatIf ?? []).forEach((op, i) => {
    for (const [field, id] of idsOf(op)) {
      if (!index.indexOf.has(id)) {
        throw new NotFoundError(
          `Unknown company id "${id}" in whatIf[${i}].${field} (${op.op}); search with GET /api/companies?q=…`,
          id,
          `whatIf.${i}.${field}`,
        );
      }
    }
  });
}

/** The edited network's index and the before/after comparison, once per view and list of what-ifs. */
function withWhatIfs(
  view: NetworkView,
  ops: WhatIf[],
): Promise<{ index: IndexedNetwork; comparison: AnalysisComparison }> {
  return view.kept(
    'what-if',
    JSON.stringify(ops),
    () => {
      let changed;
      try {
        changed = applyWhatIfs(view.index.network, ops, view.analysis.options.levelScores);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        // `[2].share` → `whatIf.2.share`, the way the API names request fields.
        const field =
          error.field === undefined
            ? 'whatIf'
            : `whatIf.${error.field.replace(/^\[(\d+)\]\.?/, '$1.').replace(/\.$/, '')}`;
        throw new UsageError(error.message, field);
      }
      const index = indexNetwork(changed);
      return { index, comparison: compareAnalyses(view.analysis, runAnalysis(index, view.analysis.options)) };
    },
    DEFAULTS.keptWhatIfs,
  );
}

/**
 * Runs a scenario on the view's network, after the what-ifs when there are any: the ids
 * checked here, the run by the view's runner (the server's worker pool), kept per version
 * and request.
 */
export async function runScenario(
  view: NetworkView,
  input: ScenarioInput,
  waiter?: JobWaiter,
): Promise<ScenarioOutcome> {
  checkIds(view.index, input);
  const request = { hit: input.hit, days: input.days, ...(input.whatIf ? { whatIf: input.whatIf } : {}) };
  return view.heavy('scenario', JSON.stringify(request), request, waiter, DEFAULTS.keptScenarios);
}

/** The scenario computed (the job `runScenario` runs); `step` is called when the what-ifs are analysed and when the run is done. */
export async function scenarioOutcome(
  view: NetworkView,
  input: ScenarioInput,
  step: () => void = () => {},
): Promise<ScenarioOutcome> {
  checkIds(view.index, input);
  const ops = input.whatIf ?? [];
  const edited = ops.length > 0 ? await withWhatIfs(view, ops) : null;
  if (edited) step();
  const index = edited?.index ?? view.index;
  const hit = [...new Set(input.hit)].sort(byString).map((id) => {
    const i = index.indexOf.get(id);
    if (i === undefined)
      throw new UsageError(
        `hit: "${id}" is removed by the what-ifs (remove-supplier); hit another company or keep it`,
        'hit',
      );
    return i;
  });
  const {
    horizon: _horizon,
    stillDown: _stillDown,
    ...scenario
  } = simulateScenario(index, { hit, days: input.days }, view.analysis.options);
  step();
  return { scenario, whatIf: edited?.comparison ?? null };
}

/** A saved scenario as GET /api/scenarios lists it: without its result, with its headline numbers. */
export function scenarioListItem(record: SavedScenarioRecord): SavedScenarioList['items'][number] {
  const { result, ...head } = record;
  return {
    ...head,
    totalRevenueAtRisk: result.totalRevenueAtRisk,
    stopped: result.companies.length,
    focalStopped: result.focal.filter((f) => f.stoppedOn !== null).map((f) => f.id),
  };
}

/** Two saved scenarios side by side: the companies that stop in only one of them, and in both (sorted ids). */
export function compareScenarios(a: SavedScenarioRecord, b: SavedScenarioRecord): ScenarioComparison {
  const inA = new Set(a.result.companies.map((c) => c.id));
  const inB = new Set(b.result.companies.map((c) => c.id));
  return {
    a,
    b,
    onlyA: [...inA].filter((id) => !inB.has(id)).sort(byString),
    onlyB: [...inB].filter((id) => !inA.has(id)).sort(byString),
    both: [...inA].filter((id) => inB.has(id)).sort(byString),
  };
}

/** How many scenarios a workspace keeps, and how large one may be (bytes of its JSON). */
export interface ScenarioLimits {
  count: number;
  bytes: number;
}

/**
 * The defaults: 100 scenarios of at most 10 MB each (a 30-day scenario on a 100,000-company
 * network takes about 3 MB). An assumption, to keep the workspace and each save small;
 * `--max-scenarios` and `--max-scenario-mb` change them.
 */
export const SCENARIO_LIMITS: Readonly<ScenarioLimits> = Object.freeze({ count: 100, bytes: 10 * 1024 * 1024 });

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;

/**
 * Runs a scenario and saves it under its name (replacing one of the same name), with who
 * saved it and the version — within the limits: a new name beyond `count` scenarios is a
 * ConflictError, a result over `bytes` a PayloadTooLargeError, each saying what to do.
 */
export async function saveScenario(
  view: NetworkView,
  store: Pick<GraphStore, 'saveScenario' | 'listScenarios'>,
  input: ScenarioInput & { name: string },
  by: string,
  limits: ScenarioLimits = SCENARIO_LIMITS,
  waiter?: JobWaiter,
): Promise<SavedScenarioRecord> {
  const saved = await store.listScenarios();
  if (saved.length >= limits.count && !saved.some((s) => s.name === input.name))
    throw new ConflictError(
      `This workspace keeps at most ${limits.count} saved scenarios (--max-scenarios) and has ${saved.length}; delete one (DELETE /api/scenarios/{name}) or save over one of the same name.`,
    );
  const { scenario } = await runScenario(
    view,
    { hit: input.hit, days: input.days, ...(input.whatIf ? { whatIf: input.whatIf } : {}) },
    waiter,
  );
  const record: SavedScenarioRecord = {
    name: input.name,
    hit: scenario.hit,
    days: input.days,
    whatIf: input.whatIf ?? [],
    createdAt: new Date().toISOString(),
    createdBy: by,
    version: view.version,
    result: scenario,
  };
  const bytes = Buffer.byteLength(JSON.stringify(record));
  if (bytes > limits.bytes)
    throw new PayloadTooLargeError(
      `The scenario is ${size(bytes)}; this workspace keeps scenarios of at most ${size(limits.bytes)} (--max-scenario-mb). Hit fewer companies or run fewer days, or raise the limit.`,
    );
  await store.saveScenario(record);
  return record;
}

/** The saved scenario `name`; a NotFoundError on `field` when there is none. */
export async function savedScenario(
  store: Pick<GraphStore, 'getScenario'>,
  name: string,
  field = 'name',
): Promise<SavedScenarioRecord> {
  const found = await store.getScenario(name);
  if (found === null) throw notSaved(name, field);
  return found;
}

/** Two saved scenarios side by side (fields `a` and `b`). */
export async function compareSaved(
  store: Pick<GraphStore, 'getScenario'>,
  a: string,
  b: string,
): Promise<ScenarioComparison> {
  const [first, second] = await Promise.all([savedScenario(store, a, 'a'), savedScenario(store, b, 'b')]);
  return compareScenarios(first, second);
}

/** Deletes the saved scenario `name`; a NotFoundError when there is none. */
export async function deleteSaved(
  store: Pick<GraphStore, 'deleteScenario'>,
  name: string,
): Promise<{ deleted: string }> {
  if (!(await store.deleteScenario(name))) throw notSaved(name, 'name');
  return { deleted: name };
}

function notSaved(name: string, field: string): NotFoundError {
  return new NotFoundError(
    `No saved scenario named "${name}"; list the saved scenarios to see their names.`,
    name,
    field,
  );
}
