/**
 * The supply rows of a synthetic network (see `generate-network.ts`), buyer by buyer:
 * ordinary goods taken from the stubs of the next tier up, grouped into sole (45%),
 * dual (35%) and multi-sourced (20%) commodities; the shared services bought from hubs;
 * the rare back edge (customer-supplied material, a cycle); and the hubs' own inputs from
 * the last tier (which buys nothing, so hubs close no cycle). A buyer's groups of the
 * same kind of goods get distinct commodity names (`castings`, `castings-2`, …), and a
 * group never lists a supplier twice, so no (supplier, buyer, commodity) repeats.
 */
import type { Access, Supply } from '../model/types.ts';
import type { NetworkSink } from './generate-network.ts';
import type { NetworkPlan } from './network-plan.ts';
import { cumulative, type Random } from './random.ts';
import { GOODS_ACCESS, SERVICES, TIER_GOODS } from './vocabulary.ts';

type Shares = readonly number[] | null;
const DUAL: readonly [Shares, number][] = [
  [[0.5, 0.5], 25],
  [[0.6, 0.4], 15],
  [[0.7, 0.3], 25],
  [[0.8, 0.2], 15],
  [[0.9, 0.1], 5],
  [null, 15],
];
const DUAL_PICK = cumulative(DUAL.map(([, w]) => w));
const GROUP_SIZE_PICK = cumulative([45, 35, 13, 7]); // sole, dual, 3, 4 suppliers
const ACCESS_PICK = cumulative(GOODS_ACCESS.map(([, w]) => w));
const SERVICE_ACCESS_PICK = SERVICES.map((s) => cumulative(s.access.map(([, w]) => w)));
const SPEND_BASE = [400, 60, 25, 12, 6, 4, 3];

export class SupplyWriter {
  private readonly pointers: (Int32Array | null)[];
  private readonly left: number[];
  private readonly members = new Int32Array(4);
  private readonly used: Int32Array;
  private readonly serviceChance: number[];
  private readonly backChance: number;

  constructor(
    private readonly plan: NetworkPlan,
    private readonly rng: Random,
    private readonly id: (slot: number) => string,
    private readonly sink: NetworkSink,
    rates: { k: number; backEdgeRate: number; backEligible: number },
  ) {
    this.pointers = plan.stubs.map((s) => (s === null ? null : s.blockStart.slice(0, -1)));
    this.left = plan.stubs.map((s) => (s === null ? 0 : s.list.length));
    this.used = new Int32Array(Math.max(...TIER_GOODS.map((g) => g.length)));
    this.serviceChance = SERVICES.map((s, i) =>
      plan.serviceHubs[i]!.slots.length > 0 ? Math.min(1, (s.uptake * rates.k) / 300) : 0,
    );
    this.backChance = Math.min(1, (rates.backEdgeRate * rates.k * plan.n) / rates.backEligible);
  }

  /** Cumulative edge budgets of `buyers` buyers sharing `stubs` (heavy-ish per-buyer weights). */
  budgets(buyers: number, stubs: number): Float64Array {
    const c = new Float64Array(buyers + 1);
    for (let j = 0; j < buyers; j++) c[j + 1] = c[j]! + Math.min(this.rng.pareto2(), 10);
    const total = c[buyers]!;
    for (let j = 1; j < buyers; j++) c[j] = Math.floor((stubs * c[j]!) / total);
    c[buyers] = stubs;
    return c;
  }

  /** `budget` goods supplies of buyer slot v (chain tier k) from chain tier k + 1. */
  goods(v: number, k: number, budget: number): void {
    const { rng, members, used } = this;
    const stubs = this.plan.stubs[k + 1]!;
    const ptr = this.pointers[k + 1]!;
    const goods = TIER_GOODS[Math.min(this.plan.chain[k + 1]!.tier, TIER_GOODS.length) - 1]!;
    used.fill(0);
    while (budget > 0) {
      let r = rng.below(this.left[k + 1]!);
      let b = 0;
      for (; r >= stubs.blockStart[b + 1]! - ptr[b]!; b++) r -= stubs.blockStart[b + 1]! - ptr[b]!;
      const end = stubs.blockStart[b + 1]!;
      const want = Math.min(rng.pick(GROUP_SIZE_PICK) + 1, budget, end - ptr[b]!);
      let size = 0;
      while (size < want) {
        const at = ptr[b]!;
        let s = stubs.list[at]!;
        if (!this.fresh(s, size)) {
          // Swap in a random later stub of the block; if that repeats too, close the group.
          if (at + 1 >= end) break;
          const q = at + 1 + rng.below(end - at - 1);
          const other = stubs.list[q]!;
          if (!this.fresh(other, size)) break;
          stubs.list[q] = s;
          stubs.list[at] = s = other;
        }
        members[size++] = s;
        ptr[b] = at + 1;
      }
      this.left[k + 1]! -= size;
      budget -= size;
      const commodity = used[b]! === 0 ? goods[b]! : `${goods[b]!}-${used[b]! + 1}`;
      used[b]! += 1;
      const shares = this.goodsShares(size);
      for (let i = 0; i < size; i++)
        this.emit(members[i]!, v, commodity, shares?.[i] ?? null, this.access(ACCESS_PICK, GOODS_ACCESS), k);
    }
  }

  /** The services buyer slot v buys from hubs. */
  services(v: number): void {
    const { rng } = this;
    SERVICES.forEach((service, i) => {
      if (!(rng.unit() < this.serviceChance[i]!)) return;
      const hubs = this.plan.serviceHubs[i]!;
      const first = rng.pick(hubs.weights);
      let second = -1;
      if (hubs.slots.length > 1 && rng.percent(40))
        do second = rng.pick(hubs.weights);
        while (second === first);
      const r = rng.below(10);
      const shares: Shares = second < 0 ? (r < 5 ? [1] : null) : r < 4 ? [0.5, 0.5] : r < 7 ? [0.7, 0.3] : null;
      const access = (): Access | null => this.access(SERVICE_ACCESS_PICK[i]!, service.access);
      this.emit(hubs.slots[first]!, v, service.commodity, shares?.[0] ?? null, access(), 1);
      if (second >= 0) this.emit(hubs.slots[second]!, v, service.commodity, shares?.[1] ?? null, access(), 1);
    });
  }

  /**
   * Now and then, material supplied by a company further down the chain (a cycle). Mostly
   * as the minor of two sources (the other from the next tier up), now and then the sole
   * one: a network where every back edge were a sole source would be one big loop of
   * mutual dependence, which real supply networks are not.
   */
  backEdge(v: number, k: number): void {
    const { rng, plan } = this;
    if (!(rng.unit() < this.backChance)) return;
    const focal = plan.chain[0]!.to;
    const r = rng.below(focal + plan.chain[k]!.from - plan.hubTo);
    const back = r < focal ? r : plan.hubTo + r - focal;
    if (rng.percent(10)) {
      this.emit(back, v, 'supplied-material', rng.percent(50) ? 1 : null, null, k);
      return;
    }
    const up = plan.chain[k + 1]!;
    const s = rng.below(10);
    const shares: Shares = s < 4 ? [0.3, 0.7] : s < 7 ? [0.5, 0.5] : null;
    this.emit(back, v, 'supplied-material', shares?.[0] ?? null, null, k);
    this.emit(up.from + rng.below(up.to - up.from), v, 'supplied-material', shares?.[1] ?? null, null, k);
  }

  /** A hub's own inputs: two equally split commodities from the last tier. */
  hubInputs(h: number): void {
    const last = this.plan.chain.at(-1)!;
    if (last.tier === 0) return;
    for (const commodity of ['equipment', 'consumables']) {
      const count = Math.min(3, last.to - last.from);
      for (let i = 0; i < count; i++) {
        let s: number;
        do s = last.from + this.rng.below(last.to - last.from);
        while (!this.fresh(s, i));
        this.members[i] = s;
        this.emit(s, h, commodity, null, 'none', 1);
      }
    }
  }

  private fresh(s: number, size: number): boolean {
    for (let i = 0; i < size; i++) if (this.members[i] === s) return false;
    return true;
  }

  private goodsShares(size: number): Shares {
    const { rng } = this;
    if (size === 1) return rng.percent(40) ? [1] : null;
    if (size === 2) return DUAL[rng.pick(DUAL_PICK)]![0];
    const r = rng.below(100);
    if (size === 3) return r < 70 ? null : r < 85 ? [0.5, 0.3, 0.2] : [0.4, 0.3, 0.3];
    return r < 70 ? null : [0.4, 0.3, 0.2, 0.1];
  }

  private access(pick: Int32Array, table: readonly [Access | null, number][]): Access | null {
    return table[this.rng.pick(pick)]![0];
  }

  private emit(
    supplier: number,
    buyer: number,
    commodity: string,
    share: number | null,
    access: Access | null,
    k: number,
  ): void {
    const { rng } = this;
    const spend =
      rng.below(10) === 0 ? null : Math.round(SPEND_BASE[Math.min(k, SPEND_BASE.length - 1)]! * rng.pareto2());
    const r = rng.below(100);
    const bufferDays = r < 30 ? 0 : r < 70 ? 1 + rng.below(7) : r < 95 ? 8 + rng.below(23) : null;
    const row: Supply = {
      supplier: this.id(supplier),
      buyer: this.id(buyer),
      commodity,
      share,
      spend,
      access,
      bufferDays,
    };
    this.sink.supply(row);
  }
}
