/**
 * The Scenario tab's words: lists of names, day counts, the messages of failed saves
 * and of what-ifs the API refused, one line per saved scenario and per what-if. Pure
 * (names come through `nameOf`), so test/web checks every sentence.
 *
 * @example
 *   nameList(['a', 'b'], nameOf);            // "Alpha and Beta"
 *   opText({ op: 'remove-supplier', company: 'b' }, nameOf); // "Remove supplier Beta"
 */
import { t } from '../i18n.ts';
import type { ScenarioRun, WhatIfOp } from '../../../src/contract/api-types.ts';
import { ApiRequestError } from '../api-client.ts';
import { companies, formatYen, joinNames } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import type { SavedItem } from './state.ts';

export type NameOf = (id: string) => string;

/** The short names of `ids`, at most `max` of them and "+N more". */
export function nameList(ids: readonly string[], nameOf: NameOf, max = 6): string {
  const names = ids.slice(0, max).map((id) => shortName(nameOf(id)));
  return ids.length > max
    ? `${names.join(t('web.common.list'))}${t('web.scn.plusMore', { n: ids.length - max })}`
    : joinNames(names);
}

/** "1 day", "5 days". */
export function dayCount(days: number): string {
  return t('web.scn.days', { count: days });
}

/** The message of a failed save or delete: the server's 403 for a viewer token says which role it takes. */
export function writeError(action: 'saved' | 'deleted', error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 403)
    return t(`web.scn.notAllowed.${action}`, { message: error.message });
  return t(`web.scn.not.${action}`, { message: error instanceof Error ? error.message : String(error) });
}

/** What a focal company does in a run: "stops day 3, 2 days down" or "keeps running". */
export function focalText(f: ScenarioRun['focal'][number]): string {
  return f.stoppedOn === null
    ? t('web.scn.keepsRunning')
    : t('web.scn.stopsDay', { day: f.stoppedOn, days: dayCount(f.daysDown) });
}

/** The focal companies a run stops, with the day: "Kirishima (day 3), Hinoki (day 5)" or "none". */
export function focalStops(run: Pick<ScenarioRun, 'focal'>): string {
  const stopped = run.focal.filter((f) => f.stoppedOn !== null);
  return stopped.length === 0
    ? t('web.scn.none')
    : stopped
        .map((f) => t('web.scn.nameDay', { name: shortName(f.name), day: f.stoppedOn }))
        .join(t('web.common.list'));
}

/** A saved scenario in one line: hit, days, revenue at risk, companies stopped, what-ifs. */
export function savedLine(s: SavedItem, nameOf: NameOf): string {
  const ops = s.whatIf?.length ?? 0;
  return t('web.scn.savedLine', {
    names: nameList(s.hit, nameOf, 2),
    days: s.days,
    yen: formatYen(s.totalRevenueAtRisk),
    companies: companies(s.stopped),
    whatIf: ops > 0 ? t('web.scn.whatIfCount', { count: ops }) : '',
  });
}

/** A what-if in words: "Raise Ota Springs to ★4", "Add Mito as a 30% source of plating for Kanazawa", "Remove supplier Ota". */
export function opText(op: WhatIfOp, nameOf: NameOf): string {
  const name = (id: string): string => shortName(nameOf(id));
  if (op.op === 'raise-level') return t('web.scn.opRaise', { name: name(op.company), level: op.level });
  if (op.op === 'remove-supplier') return t('web.scn.opRemove', { name: name(op.company) });
  const share = Math.round(op.share * 1000) / 10;
  return t('web.scn.opAdd', { supplier: name(op.supplier), share, commodity: op.commodity, buyer: name(op.buyer) });
}

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
  const which = `${t('web.scn.whatIfN', { n: index + 1 })}${op ? ` (${t(`web.scn.opNames.${op.op}`)})` : ''}`;
  const unknown = /Unknown company id "([^"]*)"/.exec(error.message);
  const detail = unknown
    ? t('web.scn.noSuchId', { id: unknown[1] })
    : error.message.replace(/^what-if \[[^\]]*\]\S* \([^)]*\): /, '');
  return `${which}, ${field || t('web.scn.operation')}: ${detail}`;
}
