/**
 * The Scenario tab's words: lists of names, day counts, the messages of failed saves
 * and of what-ifs the API refused, one line per saved scenario and per what-if. Pure
 * (names come through `nameOf`), so test/web checks every sentence.
 *
 * @example
 *   nameList(['a', 'b'], nameOf);            // "Alpha and Beta"
 *   opText({ op: 'remove-supplier', company: 'b' }, nameOf); // "Remove supplier Beta"
 */
import type { ScenarioRun, WhatIfOp } from '../../../src/contract/api-types.ts';
import { ApiRequestError } from '../api-client.ts';
import { companies, formatYen, joinNames } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import type { SavedItem } from './state.ts';

export type NameOf = (id: string) => string;

/** The short names of `ids`, at most `max` of them and "+N more". */
export function nameList(ids: readonly string[], nameOf: NameOf, max = 6): string {
  const names = ids.slice(0, max).map((id) => shortName(nameOf(id)));
  return ids.length > max ? `${names.join(', ')} +${ids.length - max} more` : joinNames(names);
}

/** "1 day", "5 days". */
export function dayCount(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** The message of a failed save or delete: the server's 403 for a viewer token says which role it takes. */
export function writeError(action: 'saved' | 'deleted', error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 403)
    return `Not ${action}: your token is not allowed to. ${error.message}`;
  return `Not ${action}: ${error instanceof Error ? error.message : String(error)}`;
}

/** What a focal company does in a run: "stops day 3, 2 days down" or "keeps running". */
export function focalText(f: ScenarioRun['focal'][number]): string {
  return f.stoppedOn === null ? 'keeps running' : `stops day ${f.stoppedOn}, ${dayCount(f.daysDown)} down`;
}

/** The focal companies a run stops, with the day: "Kirishima (day 3), Hinoki (day 5)" or "none". */
export function focalStops(run: Pick<ScenarioRun, 'focal'>): string {
  const stopped = run.focal.filter((f) => f.stoppedOn !== null);
  return stopped.length === 0 ? 'none' : stopped.map((f) => `${shortName(f.name)} (day ${f.stoppedOn})`).join(', ');
}

/** A saved scenario in one line: hit, days, revenue at risk, companies stopped, what-ifs. */
export function savedLine(s: SavedItem, nameOf: NameOf): string {
  const ops = s.whatIf?.length ?? 0;
  const whatIf = ops > 0 ? ` · ${ops} what-if${ops === 1 ? '' : 's'}` : '';
  return `${nameList(s.hit, nameOf, 2)} · ${s.days} d · ${formatYen(s.totalRevenueAtRisk)} · ${companies(s.stopped)} stop${whatIf}`;
}

/** A what-if in words: "Raise Ota Springs to ★4", "Add Mito as a 30% source of plating for Kanazawa", "Remove supplier Ota". */
export function opText(op: WhatIfOp, nameOf: NameOf): string {
  const name = (id: string): string => shortName(nameOf(id));
  if (op.op === 'raise-level') return `Raise ${name(op.company)} to ★${op.level}`;
  if (op.op === 'remove-supplier') return `Remove supplier ${name(op.company)}`;
  const share = Math.round(op.share * 1000) / 10;
  return `Add ${name(op.supplier)} as a ${share}% source of ${op.commodity} for ${name(op.buyer)}`;
}

const OP_NAMES: Record<WhatIfOp['op'], string> = {
  'raise-level': 'raise level',
  'add-supplier': 'second source',
  'remove-supplier': 'remove supplier',
};

/**
 * The message of a run the API refused because of a what-if, naming the what-if and its
 * field: the server's message says `whatIf[1].supplier` (unknown id) or `what-if [1].share`
 * (a bad value). Null when the error is not about a what-if.
 */
export function whatIfError(error: unknown, ops: readonly WhatIfOp[]): string | null {
  if (!(error instanceof Error)) return null;
  // The error's field (`whatIf.1.supplier`) when the API names one, else the message.
  const named = error instanceof ApiRequestError && error.field ? error.field : '';
  const match = /whatIf\[(\d+)\]\.(\w+)|what-if \[(\d+)\]\.?(\w*)|whatIf\.(\d+)\.(\w+)/.exec(
    /^whatIf\.\d+\.\w+$/.test(named) ? named : error.message,
  );
  if (!match) return null;
  const index = Number(match[1] ?? match[3] ?? match[5]);
  const field = match[2] ?? match[4] ?? match[6] ?? '';
  const op = ops[index];
  const which = `What-if ${index + 1}${op ? ` (${OP_NAMES[op.op]})` : ''}`;
  const unknown = /Unknown company id "([^"]*)"/.exec(error.message);
  const detail = unknown
    ? `no company has the id “${unknown[1]}”`
    : error.message.replace(/^what-if \[[^\]]*\]\S* \([^)]*\): /, '');
  return `${which}, ${field || 'operation'}: ${detail}`;
}
