/**
 * The shape of a synthetic network, fixed before any row is written (used by
 * `generate-network.ts`). Companies are laid out in "slots": focal companies (tier 0),
 * then the hubs of the shared services, then supplier tiers 1..T growing in size, each
 * split into blocks by what its companies make. A seeded permutation maps slots to
 * company numbers (ids), so an id says nothing about a company's place in the chain and
 * the files are in no helpful order.
 *
 * Supply edges between tiers follow a configuration model: every supplier of tier t+1
 * gets an out-degree drawn from a Pareto(2) tail (most supply a handful, a few supply
 * hundreds), as that many "stubs"; the buyers of tier t take all the stubs of tier t+1
 * between them. So every supplier has at least one buyer (its tier is as planned) and
 * the degree distribution is heavy-tailed by construction.
 */
import { cumulative, Random } from './random.ts';
import { SERVICES, TIER_GOODS } from './vocabulary.ts';

export interface PlanInput {
  companies: number;
  focal: number;
  hubs: number;
  /** Relative sizes of supplier tiers 1..T. */
  tierWeights: readonly number[];
  /** Mean out-degree of a supplier's ordinary goods supplies. */
  goodsDegree: number;
}

export interface NetworkPlan {
  n: number;
  /** Slot ranges of the chain's tiers: chain[k] = [from, to) for tier k (0 = focal); empty tiers left out. */
  chain: { tier: number; from: number; to: number }[];
  hubFrom: number;
  hubTo: number;
  /** Per slot: tier number (0 focal, 1..T; hubs 1) and what it makes (index into the tier's goods, the service, or 0). */
  slotTier: Int8Array;
  slotKind: Uint8Array;
  /** Company number (id) of each slot, and its inverse. */
  idOfSlot: Int32Array;
  slotOfId: Int32Array;
  /** Hubs of each service (slots), most popular first, with cumulative pick weights ∝ 1/rank. */
  serviceHubs: { slots: Int32Array; weights: Int32Array }[];
  /** For chain[k] (k ≥ 1): stub slots grouped by block (shuffled within each), and block ends. */
  stubs: (null | { list: Int32Array; blockStart: Int32Array })[];
}

export function planNetwork(input: PlanInput, rng: Random): NetworkPlan {
  const { companies: n, focal, hubs, tierWeights } = input;
  const slotTier = new Int8Array(n);
  const slotKind = new Uint8Array(n);
  const chain = [{ tier: 0, from: 0, to: focal }];
  const hubFrom = focal;
  const hubTo = focal + hubs;
  const rest = n - hubTo;
  const totalWeight = tierWeights.reduce((s, w) => s + w, 0);
  const blocks: Int32Array[] = [];
  let acc = 0;
  let from = hubTo;
  tierWeights.forEach((w, i) => {
    acc += w;
    const to = hubTo + Math.floor((rest * acc) / totalWeight);
    if (to > from) {
      const tier = i + 1;
      chain.push({ tier, from, to });
      const goods = TIER_GOODS[Math.min(i, TIER_GOODS.length - 1)]!;
      const blockStart = blockBounds(from, to, goods.length);
      for (let b = 0; b < goods.length; b++) {
        for (let s = blockStart[b]!; s < blockStart[b + 1]!; s++) slotKind[s] = b;
      }
      slotTier.fill(tier, from, to);
      blocks[chain.length - 1] = blockStart;
    }
    from = to;
  });
  for (let s = 0; s < focal; s++) slotKind[s] = rng.below(4);
  const serviceHubs = SERVICES.map(() => [] as number[]);
  for (let h = hubFrom; h < hubTo; h++) {
    slotTier[h] = 1;
    slotKind[h] = (h - hubFrom) % SERVICES.length;
    serviceHubs[slotKind[h]!]!.push(h);
  }

  const idOfSlot = new Int32Array(n);
  for (let i = 0; i < n; i++) idOfSlot[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = idOfSlot[i]!;
    idOfSlot[i] = idOfSlot[j]!;
    idOfSlot[j] = t;
  }
  const slotOfId = new Int32Array(n);
  for (let s = 0; s < n; s++) slotOfId[idOfSlot[s]!] = s;

  const scale = (input.goodsDegree + 0.5) / 2; // E[floor(scale · Pareto(2))] ≈ 2·scale − 0.5
  const stubs = chain.map((t, k) => (k === 0 ? null : tierStubs(t.from, t.to, blocks[k]!, scale, rng)));
  return {
    n,
    chain,
    hubFrom,
    hubTo,
    slotTier,
    slotKind,
    idOfSlot,
    slotOfId,
    serviceHubs: serviceHubs.map((slots) => ({
      slots: Int32Array.from(slots),
      weights: cumulative(slots.map((_, r) => Math.round(1000 / (r + 1)))),
    })),
    stubs,
  };
}

/** Block boundaries of slots [from, to) for `count` goods, block j weighted count − j. */
function blockBounds(from: number, to: number, count: number): Int32Array {
  const total = (count * (count + 1)) / 2;
  const out = new Int32Array(count + 1);
  let acc = 0;
  for (let j = 0; j < count; j++) {
    acc += count - j;
    out[j + 1] = from + Math.floor(((to - from) * acc) / total);
  }
  out[0] = from;
  return out;
}

/** Each slot of [from, to) repeated by its out-degree, grouped by block and shuffled within. */
function tierStubs(
  from: number,
  to: number,
  blockStart: Int32Array,
  scale: number,
  rng: Random,
): { list: Int32Array; blockStart: Int32Array } {
  const degree = new Int32Array(to - from);
  let total = 0;
  for (let s = from; s < to; s++) total += degree[s - from] = Math.max(1, Math.floor(scale * rng.pareto2()));
  const list = new Int32Array(total);
  const starts = new Int32Array(blockStart.length);
  let k = 0;
  for (let b = 0; b + 1 < blockStart.length; b++) {
    starts[b] = k;
    const begin = k;
    for (let s = blockStart[b]!; s < blockStart[b + 1]!; s++) for (let d = degree[s - from]!; d > 0; d--) list[k++] = s;
    for (let i = k - 1; i > begin; i--) {
      const j = begin + rng.below(i - begin + 1);
      const t = list[i]!;
      list[i] = list[j]!;
      list[j] = t;
    }
  }
  starts[blockStart.length - 1] = k;
  return { list, blockStart: starts };
}
