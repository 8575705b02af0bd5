/**
 * `generateNetwork`: a realistic synthetic supply network of any size, streamed row by
 * row to a sink (companies first, then supplies), for benchmarks and tests at scale.
 *
 * Shape (see `network-plan.ts`): focal companies at tier 0, supplier tiers 1..6 growing
 * in size, each supplier's number of buyers heavy-tailed (Pareto(2)), plus a few hubs —
 * logistics, IT and ERP hosting, chip fabs, cloud storage — that supply thousands of
 * buyers at every tier (picked ∝ 1/rank). Each buyer's needs come in commodity groups:
 * sole sources, dual sources (0.5/0.5 … 0.9/0.1) and multi-sourced goods (mostly without
 * shares, i.e. an equal split). About 0.5% of the supplies run back up the chain
 * (customer-supplied material), so the network has cycles. Countries, levels, sizes,
 * revenue, access and buffer days are drawn from `vocabulary.ts` proportions.
 *
 * Valid by construction (README): unique ids, no self-supply, no duplicate (supplier,
 * buyer, commodity), a group's shares all given (in (0, 1], summing to 1) or all
 * missing. Deterministic: the same options give the same rows (seeded integer PRNG).
 *
 * @example
 *   const network = generateNetwork({ companies: 5000, seed: 7 }, collectNetwork());
 */
import { OptionError } from '../errors.ts';
import type { Company, Network, Supply } from '../model/types.ts';
import { companyRow } from './company-row.ts';
import { planNetwork, type NetworkPlan } from './network-plan.ts';
import { Random } from './random.ts';
import { SupplyWriter } from './supply-rows.ts';
import { SERVICES } from './vocabulary.ts';

export const DEFAULTS = Object.freeze({
  seed: 1,
  suppliersPerCompany: 3,
  /** Relative sizes of supplier tiers 1..6 (each ~1.7× the one before). */
  tierWeights: Object.freeze([10, 17, 29, 49, 83, 141]),
  /** Fraction of supplies that run back up the chain. */
  backEdgeRate: 0.005,
});

export interface GenerateOptions {
  companies: number;
  seed?: number;
  /** Mean supplies per company (edges / companies), about. */
  suppliersPerCompany?: number;
  /** Focal companies; default max(1, round(companies / 5000)), at most 1000. */
  focal?: number;
  backEdgeRate?: number;
  onProgress?: (stage: 'companies' | 'supplies', done: number, total: number) => void;
}

export interface NetworkSink {
  company(row: Company): void;
  supply(row: Supply): void;
}

/** Generates the network into `sink` (companies, then supplies) and returns the sink. */
export function generateNetwork<S extends NetworkSink>(options: GenerateOptions, sink: S): S {
  const n = options.companies;
  if (!Number.isInteger(n) || n < 1 || n > 50_000_000)
    throw new OptionError(`generate: companies must be an integer from 1 to 50,000,000, got ${n}`, 'companies');
  const seed = options.seed ?? DEFAULTS.seed;
  const k = options.suppliersPerCompany ?? DEFAULTS.suppliersPerCompany;
  if (!(k > 0 && k <= 50))
    throw new OptionError(`generate: suppliersPerCompany must be a number in (0, 50], got ${k}`, 'suppliersPerCompany');
  const focal = options.focal ?? Math.min(1000, Math.max(1, Math.round(n / 5000)));
  if (!Number.isInteger(focal) || focal < 1 || focal > n)
    throw new OptionError(`generate: focal must be an integer from 1 to companies (${n}), got ${focal}`, 'focal');
  const backEdgeRate = options.backEdgeRate ?? DEFAULTS.backEdgeRate;
  if (!(backEdgeRate >= 0 && backEdgeRate <= 0.5))
    throw new OptionError(`generate: backEdgeRate must be in [0, 0.5], got ${backEdgeRate}`, 'backEdgeRate');

  const hubs = Math.min(n - focal, Math.floor(Math.sqrt(n) / 4));
  const suppliers = n - focal - hubs;
  const lastTier = Math.floor(
    (suppliers * DEFAULTS.tierWeights.at(-1)!) / DEFAULTS.tierWeights.reduce((s, w) => s + w, 0),
  );
  const buyers = n - hubs - lastTier;
  const serviceUptake = hubs > 0 ? SERVICES.reduce((s, x) => s + (x.uptake * k) / 300, 0) : 0;
  // Supplies other than ordinary goods: services (1.4 hubs per group), back edges (with
  // their second source), hubs' own 6.
  const other = serviceUptake * 1.4 * buyers + 1.9 * backEdgeRate * k * n + 6 * hubs;
  const goodsDegree = Math.max(0.5, (k * n - other) / Math.max(1, suppliers));

  const plan = planNetwork(
    { companies: n, focal, hubs, tierWeights: DEFAULTS.tierWeights, goodsDegree },
    new Random(seed, 0),
  );
  const rows = new Random(seed, 1);
  const idWidth = String(n - 1).length;
  const id = (slot: number): string => `c${String(plan.idOfSlot[slot]!).padStart(idWidth, '0')}`;
  for (let c = 0; c < n; c++) {
    sink.company(companyRow(plan, plan.slotOfId[c]!, id, rows));
    if (options.onProgress && (c & 0xffff) === 0xffff) options.onProgress('companies', c + 1, n);
  }
  options.onProgress?.('companies', n, n);

  const supplies = new SupplyWriter(plan, new Random(seed, 2), id, sink, {
    k,
    backEdgeRate,
    backEligible: Math.max(1, buyers - focal),
  });
  emitSupplies(plan, supplies, options.onProgress);
  return sink;
}

function emitSupplies(plan: NetworkPlan, w: SupplyWriter, onProgress: GenerateOptions['onProgress']): void {
  const total = plan.n - (plan.hubTo - plan.hubFrom);
  let done = 0;
  for (let k = 0; k < plan.chain.length; k++) {
    const { from, to } = plan.chain[k]!;
    const budgets = k + 1 < plan.chain.length ? w.budgets(to - from, plan.stubs[k + 1]!.list.length) : null;
    for (let v = from; v < to; v++) {
      if (budgets !== null) w.goods(v, k, budgets[v - from + 1]! - budgets[v - from]!);
      if (k + 1 < plan.chain.length) w.services(v);
      if (k >= 1 && k + 1 < plan.chain.length) w.backEdge(v, k);
      if (onProgress && (++done & 0xffff) === 0) onProgress('supplies', done, total);
    }
  }
  for (let h = plan.hubFrom; h < plan.hubTo; h++) w.hubInputs(h);
  onProgress?.('supplies', total, total);
}

/** A sink that keeps the rows: the whole network in memory (for tests and small sizes). */
export function collectNetwork(): NetworkSink & { network: Network } {
  const network: Network = { companies: [], supplies: [] };
  return { network, company: (row) => network.companies.push(row), supply: (row) => network.supplies.push(row) };
}
