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
 * The views' heavy jobs (risk, plan, executive view, scenarios) go to `runner`: the
 * server's worker pool, or this thread by default.
 */
import { runAnalysis } from '../analysis/analyze.ts';
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
};

export class AnalysisCache {
  private readonly options: AnalysisOptions;
  private current: { version: string; view: Promise<NetworkView> } | undefined;

  /** Throws an OptionError naming a bad analysis option. `runner` runs the views' heavy jobs (default: in this thread). */
  constructor(
    private readonly store: GraphStore,
    options: Partial<AnalysisOptions> = {},
    private readonly runner?: JobRunner,
  ) {
    this.options = resolveOptions(options);
  }

  /** The analysed view of the store's active network. */
  async view(): Promise<NetworkView> {
    const version = (await this.store.version()) ?? DEFAULTS.emptyVersion;
    if (this.current?.version === version) return this.current.view;
    const view = this.build(version);
    const entry = { version, view };
    this.current = entry;
    view.catch(() => {
      if (this.current === entry) this.current = undefined;
    });
    return view;
  }

  private async build(expected: string): Promise<NetworkView> {
    let version = expected;
    let network: Network = await this.store.read();
    for (let attempt = 1; attempt < DEFAULTS.maxReadAttempts; attempt++) {
      const after = (await this.store.version()) ?? DEFAULTS.emptyVersion;
      if (after === version) break;
      version = after;
      network = await this.store.read();
    }
    return new NetworkView(version, runAnalysis(indexNetwork(network), this.options), this.runner);
  }
}
