/**
 * The analysis of the active network, computed once per network version and shared by
 * every request. Each call asks the store for its version (cheap); when it differs from
 * the cached one the network is read, indexed and analysed once — concurrent requests
 * during that computation await the same promise. A failed computation is not cached,
 * so the next request tries again.
 *
 * A load can land between `version()` and `read()`; the version is therefore read again
 * after the network and the read repeated (a few times at most) until both agree, so a
 * view is never labelled with a version it was not computed from.
 *
 * Every view is "as of" a date (`?asOf=`, default today in UTC): the assessments valid
 * then give the levels (levels-as-of.ts). Views are keyed by (version, as-of date); the
 * last `DEFAULTS.keptDates` dates of the current version are kept, and a new version
 * drops the views of the old one.
 *
 * The views' heavy jobs (risk, plan, executive view, scenarios) go to `runner`: the
 * server's worker pool, or this thread by default.
 */
import { runAnalysis } from '../analysis/analyze.ts';
import { todayUtc } from '../analysis/levels-as-of.ts';
import { resolveOptions, type AnalysisOptions } from '../analysis/options.ts';
import { indexNetwork } from '../model/index-network.ts';
import type { Network } from '../model/types.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { NetworkView, type JobRunner } from './network-view.ts';

export const DEFAULTS = {
  /** Version reported while the store holds no network. */
  emptyVersion: 'empty',
  /** Reads repeated when a load lands during a read. */
  maxReadAttempts: 3,
  /** Views of one version kept, one per as-of date (each holds a whole analysis). */
  keptDates: 3,
};

/** What a request reads the analysis through: the view of the active network, as of one date. */
export interface AnalysisViews {
  view(): Promise<NetworkView>;
  /** The analysis options of the views (the as-of date resolved), without analysing anything. */
  options(): AnalysisOptions;
  /** The same views as of another date. */
  dated(asOf: string): AnalysisViews;
}

export class AnalysisCache implements AnalysisViews {
  private readonly base: AnalysisOptions;
  /** The as-of date the server was configured with; null: today's, whenever a view is asked for. */
  private readonly configuredAsOf: string | null;
  /** What the views of one version share whatever their date (NetworkView.shared): of the current version only. */
  private sharedMemo: { version: string; memo: Map<string, unknown> } = { version: '', memo: new Map() };
  /** Views by `version` + NUL + as-of date, oldest first. */
  private readonly views = new Map<string, { version: string; view: Promise<NetworkView> }>();

  /** Throws an OptionError naming a bad analysis option. `runner` runs the views' heavy jobs (default: in this thread). */
  constructor(
    private readonly store: GraphStore,
    options: Partial<AnalysisOptions> = {},
    private readonly runner?: JobRunner,
  ) {
    this.base = resolveOptions(options);
    this.configuredAsOf = options.asOf ?? null;
  }

  /**
   * The analysed view of the store's active network as of `asOf` (YYYY-MM-DD; default the
   * configured as-of date, else today in UTC). Throws an OptionError for a bad date.
   */
  async view(asOf?: string): Promise<NetworkView> {
    const options = this.options(asOf);
    const date = options.asOf!;
    const version = (await this.store.version()) ?? DEFAULTS.emptyVersion;
    const key = `${version}\u0000${date}`;
    const kept = this.views.get(key);
    if (kept !== undefined) {
      this.views.delete(key); // most recently used last
      this.views.set(key, kept);
      return kept.view;
    }
    for (const [k, entry] of this.views) if (entry.version !== version) this.views.delete(k);
    const view = this.build(version, options);
    const entry = { version, view };
    this.views.set(key, entry);
    while (this.views.size > DEFAULTS.keptDates) this.views.delete(this.views.keys().next().value!);
    view.catch(() => {
      if (this.views.get(key) === entry) this.views.delete(key);
    });
    return view;
  }

  /** The options of the views as of `asOf` (default as `view` says); throws an OptionError for a bad date. */
  options(asOf?: string): AnalysisOptions {
    return resolveOptions({ ...this.base, asOf: asOf ?? this.configuredAsOf ?? todayUtc() });
  }

  /** The views as of `asOf`, for one request (`?asOf=`). */
  dated(asOf: string): AnalysisViews {
    return { view: () => this.view(asOf), options: () => this.options(asOf), dated: (date) => this.dated(date) };
  }

  private async build(expected: string, options: AnalysisOptions): Promise<NetworkView> {
    let version = expected;
    let network: Network = await this.store.read();
    for (let attempt = 1; attempt < DEFAULTS.maxReadAttempts; attempt++) {
      const after = (await this.store.version()) ?? DEFAULTS.emptyVersion;
      if (after === version) break;
      version = after;
      network = await this.store.read();
    }
    if (this.sharedMemo.version !== version) this.sharedMemo = { version, memo: new Map() };
    return new NetworkView(version, runAnalysis(indexNetwork(network), options), this.runner, this.sharedMemo.memo);
  }
}
