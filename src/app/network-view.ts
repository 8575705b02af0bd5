/**
 * One analysed version of the active network, shared by every request while that
 * version is current: the indexed network, `runAnalysis` over it, and the lookups the
 * routes need (search text, company rows, the ranked order, the analysis lists),
 * each computed on first use and kept. Nothing here knows about HTTP.
 */
import { hitLikelihoodFormula, type Analysis } from '../analysis/analyze.ts';
import { concentrationGroupReports, type ConcentrationGroupReport } from '../analysis/concentration-report.ts';
import { hiddenCriticalReports, type HiddenCriticalReport } from '../analysis/hidden-critical.ts';
import { levelGapReports, type LevelGapReport } from '../analysis/level-gap-report.ts';
import { singleSourceReports } from '../analysis/single-source-report.ts';
import { weakLinkReports, type WeakLinkReport } from '../analysis/weak-link-report.ts';
import { members } from '../analysis/blast-radius.ts';
import { criticalSupplierCountries, tierConcentration } from '../analysis/concentration.ts';
import { EPSILON } from '../analysis/options.ts';
import { rankWeakLinks } from '../analysis/risk.ts';
import { rankPositions, structuralRank } from '../analysis/structural-rank.ts';
import type { IndexedNetwork } from '../model/index-network.ts';
import type { CompanyRow, ConcentrationResponse, SingleSource } from '../contract/api-types.ts';
import { runHere, type HeavyKind, type HeavyParams, type HeavyResult, type JobProgress } from './heavy-jobs.ts';

/**
 * Runs one heavy job (heavy-jobs.ts) of a view: `runHere` in this thread (the CLI, tests),
 * or the server's worker pool (analysis-pool.ts), which runs the same function on a
 * worker's copy of the view. `progress` is updated as the job goes.
 */
export type JobRunner = <K extends HeavyKind>(
  view: NetworkView,
  kind: K,
  params: HeavyParams[K],
  job: { signal: AbortSignal; progress: JobProgress },
) => Promise<HeavyResult[K]>;

/** The most weak links any request can ask for (the list limit of the API). */
export const MAX_WEAK_LINKS = 500;

/** Who waits for a heavy job: its request's signal (aborted when it goes away) and a watcher of its progress. */
export interface JobWaiter {
  signal?: AbortSignal;
  watch?: (progress: JobProgress) => void;
}

/** The most computed results of one kind (loss distributions, plans, …) a view keeps by default; the least recently used go first. */
export const MAX_KEPT_RESULTS = 32;

export class NetworkView {
  readonly index: IndexedNetwork;
  private readonly memo = new Map<string, unknown>();
  private readonly rows: (CompanyRow | undefined)[];
  private readonly results = new Map<string, Map<string, Promise<unknown>>>();
  /** The cancellable jobs in flight: their controller and how many requests wait for each. */
  private readonly jobs = new Map<
    string,
    { controller: AbortController; waiters: number; settled: boolean; progress: JobProgress }
  >();

  constructor(
    /** Network version this view was computed from. */
    readonly version: string,
    readonly analysis: Analysis,
    /** Where heavy jobs run: in this thread unless the server gives its worker pool. */
    private readonly runner: JobRunner = runHere,
    /** Values shared by every view of this network version, whatever its as-of date (`shared`). */
    private readonly versionMemo: Map<string, unknown> = new Map(),
  ) {
    this.index = analysis.index;
    this.rows = new Array<CompanyRow | undefined>(this.index.n);
  }

  get theta(): number {
    return this.analysis.options.theta;
  }

  /** The `p(s) = …` assumption, as the reports print it. */
  get hitLikelihood(): string {
    return hitLikelihoodFormula(this.analysis.options);
  }

  /** Edge e is a direct single source: its normalised share is above 1 − θ. */
  isSingleSource(e: number): boolean {
    return this.index.edgeShare[e]! > 1 - this.theta + EPSILON;
  }

  /** Tier-0 company: a focal company (or, with none flagged, one that supplies nobody). */
  isFocal(i: number): boolean {
    return this.analysis.tier[i] === 0;
  }

  tierOf(i: number): number | null {
    const t = this.analysis.tier[i]!;
    return t < 0 ? null : t;
  }

  name(i: number): string {
    return this.index.network.companies[i]!.name;
  }

  commodityOf(e: number): string {
    return this.index.commodities[this.index.groupCommodity[this.index.edgeGroup[e]!]!]!;
  }

  /** The list row of company i (built once). */
  row(i: number): CompanyRow {
    const cached = this.rows[i];
    if (cached) return cached;
    const a = this.analysis;
    const c = this.index.network.companies[i]!;
    const row: CompanyRow = {
      id: c.id,
      name: c.name,
      country: c.country,
      industry: c.industry,
      size: c.size,
      tier: this.tierOf(i),
      ownScore: a.own[i]!,
      ownLevel: a.ownLevel[i]!,
      unassessed: a.unassessed[i] === 1,
      effectiveScore: a.effective[i]!,
      requiredLevel: a.required.level[i]! < 0 ? null : a.required.level[i]!,
      riskContribution: a.risk[i]!,
      blastRadiusSize: members(a.failures.blastRadius, i).length,
      criticalSupplierCount: members(a.failures.criticalSuppliers, i).length,
    };
    this.rows[i] = row;
    return row;
  }

  /**
   * Computes now what the map's first requests need (the summary's counts, the company
   * list's order and search text, the weak links), which a large network otherwise pays
   * for on the first page: about 25 s at a million companies.
   */
  warm(): void {
    this.stats();
    this.focalIndices();
    this.hiddenCritical();
    this.levelGaps();
    this.levelGapOf(this.index.ids[0] ?? ''); // builds the by-id map of the level gaps
    this.searchText();
    this.ranked();
    this.criticalToFocal();
    this.weakLinks();
  }

  /** Lower-case `id` and `name` of every company, for substring search. */
  searchText(): { id: string[]; name: string[] } {
    return this.once('search', () => ({
      id: this.index.ids.map((s) => s.toLowerCase()),
      name: this.index.network.companies.map((c) => c.name.toLowerCase()),
    }));
  }

  /** Every company index, highest risk contribution first, ties by id. */
  ranked(): number[] {
    return this.once('ranked', () => rankWeakLinks(this.index, this.analysis.risk));
  }

  /** 1 for each critical supplier of some tier-0 company. */
  criticalToFocal(): Uint8Array {
    return this.once('criticalToFocal', () => {
      const out = new Uint8Array(this.index.n);
      for (let v = 0; v < this.index.n; v++) {
        if (this.isFocal(v)) for (const x of members(this.analysis.failures.criticalSuppliers, v)) out[x] = 1;
      }
      return out;
    });
  }

  /**
   * Each company's structural importance: PageRank on the reversed supply graph and its
   * rank (1 = the highest). It depends on the supplies only, not on the levels: computed
   * on first use and shared by this version's views of every as-of date.
   */
  structural(): { pagerank: Float64Array; rank: Int32Array } {
    return this.shared('structural', () => {
      const pagerank = structuralRank(this.index);
      return { pagerank, rank: rankPositions(pagerank) };
    });
  }

  focalIndices(): number[] {
    return this.once('focal', () => Array.from({ length: this.index.n }, (_, i) => i).filter((i) => this.isFocal(i)));
  }

  /** Summary counts: the highest tier and the unassessed companies. */
  stats(): { maxTier: number; unassessed: number; countries: string[] } {
    return this.once('stats', () => {
      let maxTier = 0;
      let unassessed = 0;
      const countries = new Set<string>();
      for (let i = 0; i < this.index.n; i++) {
        maxTier = Math.max(maxTier, this.analysis.tier[i]!);
        unassessed += this.analysis.unassessed[i]!;
        const country = this.index.network.companies[i]!.country;
        if (country !== null) countries.add(country);
      }
      return { maxTier, unassessed, countries: [...countries].sort() };
    });
  }

  weakLinks(): WeakLinkReport[] {
    return this.once('weakLinks', () => weakLinkReports(this.analysis, Math.min(this.index.n, MAX_WEAK_LINKS)));
  }

  singleSources(): SingleSource[] {
    return this.once('singleSources', () =>
      singleSourceReports(this.analysis).map((s) => ({
        buyer: s.buyer,
        buyerName: this.name(this.index.indexOf.get(s.buyer)!),
        commodity: s.commodity,
        supplier: s.supplier,
        supplierName: this.name(this.index.indexOf.get(s.supplier)!),
        share: s.share,
      })),
    );
  }

  hiddenCritical(): HiddenCriticalReport[] {
    return this.once('hiddenCritical', () => hiddenCriticalReports(this.analysis));
  }

  levelGaps(): LevelGapReport[] {
    return this.once('levelGaps', () => levelGapReports(this.analysis));
  }

  levelGapOf(id: string): LevelGapReport | undefined {
    return this.once('levelGapById', () => new Map(this.levelGaps().map((g) => [g.id, g]))).get(id);
  }

  concentrationGroups(): ConcentrationGroupReport[] {
    return this.once('groups', () => concentrationGroupReports(this.analysis));
  }

  concentrationByCountry(): Pick<ConcentrationResponse, 'tiers' | 'criticalSupplierCountries'> {
    return this.once('countries', () => ({
      tiers: tierConcentration(this.index, this.analysis.tier),
      criticalSupplierCountries: criticalSupplierCountries(
        this.index,
        this.analysis.tier,
        this.analysis.failures.criticalSuppliers,
      ),
    }));
  }

  /**
   * The result of `compute` for `key` (the parameters of a computation of this `kind`),
   * computed once for this version and shared by concurrent callers; at most `max`
   * results of a kind are kept, the least recently used dropped first. A computation that
   * fails is not kept, so the next call tries again.
   */
  kept<T>(kind: string, key: string, compute: () => Promise<T> | T, max = MAX_KEPT_RESULTS): Promise<T> {
    let results = this.results.get(kind);
    if (results === undefined) this.results.set(kind, (results = new Map()));
    const found = results.get(key);
    if (found !== undefined) {
      results.delete(key);
      results.set(key, found);
      return found as Promise<T>;
    }
    const promise = Promise.resolve().then(compute);
    results.set(key, promise);
    promise.catch(() => {
      if (results.get(key) === promise) results.delete(key);
    });
    for (const oldest of results.keys()) {
      if (results.size <= max) break;
      results.delete(oldest);
    }
    return promise;
  }

  /**
   * As `kept`, for work that can be cancelled: `compute` gets a signal, aborted when every
   * request waiting for the result (each with its `waiter` signal) has gone away before it
   * was ready — one that stays keeps the work running for all.
   */
  keptCancellable<T>(
    kind: string,
    key: string,
    compute: (signal: AbortSignal, progress: JobProgress) => Promise<T>,
    waiter?: AbortSignal,
    options: { max?: number; watch?: (progress: JobProgress) => void } = {},
  ): Promise<T> {
    const id = `${kind}\u0000${key}`;
    let job = this.jobs.get(id);
    let promise: Promise<T>;
    if (job === undefined) {
      const progress: JobProgress = { state: 'queued', done: 0, total: 1, startedAt: null };
      const created = { controller: new AbortController(), waiters: 0, settled: false, progress };
      job = created;
      this.jobs.set(id, created);
      promise = this.kept(kind, key, () => compute(created.controller.signal, progress), options.max);
      promise
        .then(
          () => Object.assign(progress, { state: 'done', done: progress.total }),
          () => (progress.state = created.controller.signal.aborted ? 'cancelled' : 'failed'),
        )
        .finally(() => {
          created.settled = true;
          if (this.jobs.get(id) === created) this.jobs.delete(id);
        })
        .catch(() => {});
    } else {
      promise = this.kept(kind, key, () => Promise.reject(new Error('unreachable: the job is in flight')));
    }
    const current = job;
    options.watch?.(current.progress);
    current.waiters++;
    waiter?.addEventListener(
      'abort',
      () => {
        current.waiters--;
        if (current.waiters === 0 && !current.settled) current.controller.abort();
      },
      { once: true },
    );
    return promise;
  }

  /** Runs the heavy job `kind` with `params` on this view's runner (this thread, or the server's worker pool). */
  run<K extends HeavyKind>(
    kind: K,
    params: HeavyParams[K],
    job: { signal: AbortSignal; progress: JobProgress },
  ): Promise<HeavyResult[K]> {
    return this.runner(this, kind, params, job);
  }

  /**
   * A heavy job's result through `keptCancellable`: computed once per `key` by the view's
   * runner, cancelled when every waiting request has gone; `watch` gets the job's progress.
   */
  heavy<K extends HeavyKind>(
    kind: K,
    key: string,
    params: HeavyParams[K],
    waiter: JobWaiter = {},
    max = MAX_KEPT_RESULTS,
  ): Promise<HeavyResult[K]> {
    return this.keptCancellable(
      kind,
      key,
      (signal, progress) => this.run(kind, params, { signal, progress }),
      waiter.signal,
      { max, ...(waiter.watch ? { watch: waiter.watch } : {}) },
    );
  }

  /**
   * A value that depends on the network alone, not on the as-of date (the overview's
   * positions, say): computed once for this version and shared by its views of every date.
   */
  shared<T>(key: string, compute: () => T): T {
    if (!this.versionMemo.has(key)) this.versionMemo.set(key, compute());
    return this.versionMemo.get(key) as T;
  }

  /** A value of this network version, computed on first use (a report section's items, say) and kept. */
  once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}
