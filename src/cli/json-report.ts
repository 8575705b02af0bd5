/**
 * The `--format json` document, produced piece by piece so a million companies stream
 * to a file without one giant string or one giant array of report objects: the fields of
 * `analysisReport`, in its order and with the same bytes, with the companies and every
 * long list (single sources, hidden critical suppliers, level gaps, concentration
 * groups) rendered one item at a time, in batches.
 *
 * The companies, hidden critical suppliers and concentration groups, which hold tens of
 * millions of ids at a million companies, are written as text from the indices, each id
 * quoted once (`Ids`), rather than built as report objects and passed to
 * `JSON.stringify`: three times faster, and byte for byte the same document (a test
 * compares it with `JSON.stringify(analysisReport(…))`).
 */
import { analysisHead, type Analysis } from '../analysis/analyze.ts';
import { concentrationGroupOrder, type ConcentrationGroupReport } from '../analysis/concentration-report.ts';
import { hiddenCriticalLists, type HiddenCriticalReport } from '../analysis/hidden-critical.ts';
import { levelGapItems } from '../analysis/level-gap-report.ts';
import { unassessedReports } from '../analysis/unassessed-report.ts';
import { lapsingReports } from '../analysis/lapsing-report.ts';
import { singleSourceItems } from '../analysis/single-source-report.ts';
import { weakLinkReports } from '../analysis/weak-link-report.ts';
import { type CompanyReport } from '../analysis/company-report.ts';
import { members } from '../analysis/blast-radius.ts';
import { exposurePaths } from '../analysis/exposure-path.ts';
import { criticalSupplierCountries, tierConcentration } from '../analysis/concentration.ts';

const BATCH = 1000;

/** Yields the JSON text of the full analysis in chunks (pretty-printed when `indent` > 0). */
export function* jsonReportChunks(a: Analysis, warnings: string[], indent = 0): Generator<string> {
  const { theta, assumptions, expectedAnnualLoss, summary } = analysisHead(a);
  const nl = indent > 0 ? '\n' : '';
  const pad = ' '.repeat(indent);
  const sp = indent > 0 ? ' ' : '';
  const field = (key: string, value: unknown): string => `${pad}${JSON.stringify(key)}:${sp}${JSON.stringify(value)}`;
  yield `{${nl}${[field('theta', theta), field('assumptions', assumptions), field('expectedAnnualLoss', expectedAnnualLoss), field('summary', summary)].join(`,${nl}`)},${nl}${pad}"companies":${sp}[`;
  const ids = new Ids(a);
  const paths = exposurePaths(a.index, a.own, a.effective, a.fallOrder, a.options);
  const batch: string[] = [];
  for (let i = 0; i < a.index.n; i++) {
    batch.push(`${i > 0 ? ',' : ''}${nl}${pad}${pad}${companyJson(a, ids, i, paths.of(i))}`);
    if (batch.length === BATCH) yield batch.splice(0).join('');
  }
  yield batch.join('');
  yield `${a.index.n > 0 ? `${nl}${pad}` : ''}]`;
  yield `,${nl}${pad}"singleSources":${sp}`;
  yield* compactArray(singleSourceItems(a));
  yield `,${nl}${field('weakLinks', weakLinkReports(a, Math.min(a.index.n, 100)))}`;
  yield `,${nl}${pad}"hiddenCriticalSuppliers":${sp}`;
  yield* compactArray(hiddenCriticalLists(a), (item) => hiddenCriticalJson(a, ids, item));
  yield `,${nl}${pad}"levelGaps":${sp}`;
  yield* compactArray(levelGapItems(a));
  yield `,${nl}${field('unassessed', unassessedReports(a))}`;
  yield `,${nl}${field('lapsing', lapsingReports(a))}`;
  yield `,${nl}${pad}"concentration":${sp}{"groups":`;
  yield* compactArray(concentrationGroupOrder(a), (item) => concentrationGroupJson(a, ids, item));
  const tiers = JSON.stringify(tierConcentration(a.index, a.tier));
  const countries = JSON.stringify(criticalSupplierCountries(a.index, a.tier, a.failures.criticalSuppliers));
  yield `,"tiers":${tiers},"criticalSupplierCountries":${countries}}`;
  yield `,${nl}${field('warnings', warnings)}`;
  yield `${nl}}${nl}`;
}

/** `JSON.stringify` of the array of `items`, in chunks of BATCH items; `json` writes one item. */
function* compactArray<T>(items: Iterable<T>, json: (item: T) => string = JSON.stringify): Generator<string> {
  let chunk = '[';
  let count = 0;
  for (const item of items) {
    chunk += `${count > 0 ? ',' : ''}${json(item)}`;
    if (++count % BATCH === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]`;
}

/**
 * The JSON text of each company id, quoted once, and of id lists in plain string order.
 * The quoted ids are made and kept in id order, so that a sorted list reads them in
 * ascending memory order rather than at random.
 */
class Ids {
  private readonly quotedByRank: string[];
  private readonly rank: Int32Array;

  constructor(a: Analysis) {
    const { index } = a;
    this.rank = index.idRank;
    const byRank = new Int32Array(index.n);
    for (let i = 0; i < index.n; i++) byRank[this.rank[i]!] = i;
    this.quotedByRank = Array.from(byRank, (i) => JSON.stringify(index.ids[i]!));
  }

  one(i: number): string {
    return this.quotedByRank[this.rank[i]!]!;
  }

  /** `["a","b"]`, in the order given. */
  list(list: ArrayLike<number>): string {
    const parts = new Array<string>(list.length);
    for (let k = 0; k < list.length; k++) parts[k] = this.one(list[k]!);
    return `[${parts.join(',')}]`;
  }

  /** `["a","b"]`, in plain string order of the ids. */
  sorted(list: ArrayLike<number>): string {
    const ranks = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) ranks[k] = this.rank[list[k]!]!;
    ranks.sort();
    const parts = new Array<string>(ranks.length);
    for (let k = 0; k < ranks.length; k++) parts[k] = this.quotedByRank[ranks[k]!]!;
    return `[${parts.join(',')}]`;
  }

  /** The blast radius of i in plain string order (`blastRadius`) and each member's stop day beside it (`stopDays`). */
  sortedWithDays(a: Analysis, i: number): { blastRadius: string; stopDays: string } {
    const from = a.failures.blastRadius.start[i]!;
    const count = a.failures.blastRadius.start[i + 1]! - from;
    // rank × 2^31 + day: one native sort of exact doubles keeps each day with its id.
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k++)
      keys[k] = this.rank[a.failures.blastRadius.list[from + k]!]! * 2147483648 + a.failures.stopDays[from + k]!;
    keys.sort();
    const radius = new Array<string>(count);
    const days = new Array<number>(count);
    for (let k = 0; k < count; k++) {
      const rank = Math.floor(keys[k]! / 2147483648);
      radius[k] = this.quotedByRank[rank]!;
      days[k] = keys[k]! - rank * 2147483648;
    }
    return { blastRadius: `[${radius.join(',')}]`, stopDays: `[${days.join(',')}]` };
  }
}

/** JSON of a number as `JSON.stringify` writes it (`null` for NaN and ±Infinity). */
const num = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');
const text = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));

/** `JSON.stringify(companyReport(a, i))`, written from the indices; the keys in the order of `CompanyReport`. */
function companyJson(a: Analysis, ids: Ids, i: number, path: ArrayLike<number>): string {
  const c = a.index.network.companies[i]!;
  const tier = a.tier[i]!;
  const required = a.required.level[i]!;
  const fields: Record<keyof CompanyReport, string> = {
    id: ids.one(i),
    name: text(c.name),
    country: text(c.country),
    industry: text(c.industry),
    size: text(c.size),
    tier: tier < 0 ? 'null' : num(tier),
    ownScore: num(a.own[i]!),
    ownLevel: num(a.ownLevel[i]!),
    unassessed: String(a.unassessed[i] === 1),
    requiredLevel: required < 0 ? 'null' : num(required),
    effectiveScore: num(a.effective[i]!),
    exposurePath: ids.list(path),
    ...ids.sortedWithDays(a, i),
    criticalSuppliers: ids.sorted(members(a.failures.criticalSuppliers, i)),
    hitLikelihood: num(a.hitLikelihood[i]!),
    expectedEventLoss: num(a.eventLoss.expected[i]!),
    riskContribution: num(a.risk[i]!),
  };
  return objectJson(fields);
}

function hiddenCriticalJson(
  a: Analysis,
  ids: Ids,
  item: { supplier: number; dependants: number[]; focalDependants: number[] },
): string {
  const fields: Record<keyof HiddenCriticalReport, string> = {
    supplier: ids.one(item.supplier),
    name: text(a.index.network.companies[item.supplier]!.name),
    dependants: ids.sorted(item.dependants),
    focalDependants: ids.sorted(item.focalDependants),
  };
  return objectJson(fields);
}

function concentrationGroupJson(a: Analysis, ids: Ids, item: { group: number; hhi: number; edges: number[] }): string {
  const { index } = a;
  let suppliers = '[';
  for (let k = 0; k < item.edges.length; k++) {
    const e = item.edges[k]!;
    const supplier = index.edgeSupplier[e]!;
    suppliers += `${k > 0 ? ',' : ''}{"id":${ids.one(supplier)},"name":${text(index.network.companies[supplier]!.name)},"share":${num(index.edgeShare[e]!)}}`;
  }
  const fields: Record<keyof ConcentrationGroupReport, string> = {
    buyer: ids.one(index.groupBuyer[item.group]!),
    commodity: text(index.commodities[index.groupCommodity[item.group]!]!),
    hhi: num(item.hhi),
    suppliers: `${suppliers}]`,
  };
  return objectJson(fields);
}

/** `{"key":value,…}` from the JSON text of each value, in the order the object literal gave them. */
function objectJson(fields: Record<string, string>): string {
  const parts: string[] = [];
  for (const key in fields) parts.push(`"${key}":${fields[key]}`);
  return `{${parts.join(',')}}`;
}
