/**
 * Hit likelihood, risk contribution and the expected annual loss. p(s) = min(1,
 * hitBase × hitDecay^s) is the annual probability that a company of own score s
 * suffers a disruptive cyber incident (0.015 × 0.975^s by default — an assumption,
 * stated in every report). The risk contribution of x is p(x) × EL(x), the expected
 * annual loss its hits cause (event-loss.ts); the contributions add up to the expected
 * annual loss (AAL), exactly. The weak links are the companies ranked by risk
 * contribution, highest first, ties by id.
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';

/** The annual probability that a company of own score `score` is hit. */
export function hitLikelihood(score: number, options: Partial<AnalysisOptions> = {}): number {
  const { hitBase, hitDecay } = resolveOptions(options);
  return Math.min(1, hitBase * Math.pow(hitDecay, score));
}

/** p(own) of every company. */
export function hitLikelihoods(own: Float64Array, options: Partial<AnalysisOptions> = {}): Float64Array {
  const { hitBase, hitDecay } = resolveOptions(options);
  return own.map((s) => Math.min(1, hitBase * Math.pow(hitDecay, s)));
}

/** p(x) × EL(x) for every company (yen per year). */
export function riskContributions(p: Float64Array, expectedEventLoss: Float64Array): Float64Array {
  return p.map((px, x) => px * expectedEventLoss[x]!);
}

/** The expected annual loss: Σ of the risk contributions (yen per year). */
export function expectedAnnualLoss(risk: Float64Array): number {
  let sum = 0;
  for (let x = 0; x < risk.length; x++) sum += risk[x]!;
  return sum;
}

/**
 * Company indices ranked by risk contribution, highest first, ties by id (plain string
 * order). With a `limit` below n, only that many are kept while scanning (a bounded
 * heap), so the top 100 of a million cost O(n log 100), not a sort of all n.
 */
export function rankWeakLinks(index: IndexedNetwork, risk: Float64Array, limit = index.n): number[] {
  const { ids } = index;
  const before = (a: number, b: number): boolean => risk[a]! > risk[b]! || (risk[a] === risk[b] && ids[a]! < ids[b]!);
  if (!(Number.isInteger(limit) && limit >= 0 && limit < index.n / 8)) {
    const all = Array.from({ length: index.n }, (_, i) => i);
    all.sort((a, b) => risk[b]! - risk[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    return all.slice(0, limit);
  }
  const k = limit;
  // A heap of the best k so far whose root is the worst of them.
  const heap: number[] = [];
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let x = 0; x < index.n && k > 0; x++) {
    if (heap.length < k) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (before(x, heap[0]!)) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
