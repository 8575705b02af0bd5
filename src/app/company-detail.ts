/**
 * One company in full: its row, why its effective score is what it is (one sentence),
 * the exposure path with the commodity of each step, its critical suppliers (`direct`
 * when a direct single source), blast radius with the day each member stops, suppliers,
 * buyers, level gap and structural importance (PageRank, src/analysis/structural-rank.ts). Lists
 * hold at most `DEFAULTS.listLimit` entries; `counts` gives their full sizes.
 */
import { companyReport } from '../analysis/company-report.ts';
import { NotFoundError } from '../errors.ts';
import { groupThreshold } from '../analysis/effective-score.ts';
import { ACCESS_NAMES } from '../model/index-network.ts';
import type { CompanyDetailResponse, SupplyLink } from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';
import { byString } from '../model/order.ts';

export const DEFAULTS = { listLimit: 1000 };

type PathStep = CompanyDetailResponse['exposurePath'][number];

/** Throws NotFoundError (field `id`) for an unknown id. */
export function companyDetail(view: NetworkView, id: string): CompanyDetailResponse {
  const { index, analysis: a } = view;
  const i = index.indexOf.get(id);
  if (i === undefined)
    throw new NotFoundError(`Unknown company id "${id}"; search with GET /api/companies?q=…`, id, 'id');
  const report = companyReport(a, i);
  const cap = <T>(list: T[]): T[] => list.slice(0, DEFAULTS.listLimit);
  const suppliers = supplyLinks(view, i, 'suppliers');
  const buyers = supplyLinks(view, i, 'buyers');
  const direct = new Set(suppliers.filter((s) => s.singleSource).map((s) => s.id));
  const exposurePath = report.exposurePath.map((pid, k): PathStep => {
    const p = index.indexOf.get(pid)!;
    const commodity = k === 0 ? null : bindingCommodity(view, index.indexOf.get(report.exposurePath[k - 1]!)!, p);
    const unassessed = a.unassessed[p] === 1;
    return { id: pid, name: view.name(p), ownScore: a.own[p]!, effectiveScore: a.effective[p]!, commodity, unassessed };
  });
  const gap = view.levelGapOf(id);
  const structural = view.structural();
  return {
    company: {
      ...view.row(i),
      revenue: index.value[i]!,
      focal: view.isFocal(i),
      hitLikelihood: report.hitLikelihood,
      expectedEventLoss: report.expectedEventLoss,
    },
    explanation: explain(exposurePath),
    exposurePath,
    criticalSuppliers: cap(report.criticalSuppliers).map((x) => {
      const c = index.network.companies[index.indexOf.get(x)!]!;
      return { id: x, name: c.name, direct: direct.has(x), country: c.country };
    }),
    blastRadius: cap(
      report.blastRadius
        .map((x, k) => {
          const b = index.indexOf.get(x)!;
          return {
            id: x,
            name: view.name(b),
            tier: view.tierOf(b),
            focal: view.isFocal(b),
            stopDay: report.stopDays[k]!,
            revenuePerDay: (index.value[b]! * a.options.lossRatio) / 365,
          };
        })
        .sort((p, q) => p.stopDay - q.stopDay || byString(p.id, q.id)),
    ),
    suppliers: cap(suppliers),
    buyers: cap(buyers),
    levelGap: gap ? { ownLevel: gap.ownLevel, requiredLevel: gap.requiredLevel, askedBy: gap.askedBy } : null,
    structuralImportance: { pagerank: structural.pagerank[i]!, rank: structural.rank[i]!, companies: index.n },
    counts: {
      suppliers: suppliers.length,
      buyers: buyers.length,
      blastRadius: report.blastRadius.length,
      criticalSuppliers: report.criticalSuppliers.length,
    },
    listLimit: DEFAULTS.listLimit,
  };
}

/** "Effective score 25 (own 62): its castings supply depends on … — root cause …". */
export function explain(path: PathStep[]): string {
  const first = path[0]!;
  const root = path[path.length - 1]!;
  const unassessed = root.unassessed ? ', unassessed' : '';
  if (path.length === 1) {
    return `Effective score equals its own score ${first.ownScore}${unassessed}: no supplier lowers it.`;
  }
  const next = path[1]!;
  const head = `Effective score ${first.effectiveScore} (own ${first.ownScore}): its ${next.commodity} supply depends on ${next.name}`;
  if (path.length === 2) return `${head}, the root cause (own ${root.ownScore}${unassessed}).`;
  return `${head} (eff ${next.effectiveScore}) — root cause ${root.name} (own ${root.ownScore}${unassessed}).`;
}

/** The commodity through which `supplier` binds `buyer`'s effective score (smallest such name). */
function bindingCommodity(view: NetworkView, buyer: number, supplier: number): string {
  const { index, analysis: a } = view;
  let best: string | null = null;
  let fallback: string | null = null;
  for (let g = index.buyerGroupStart[buyer]!, end = index.buyerGroupStart[buyer + 1]!; g < end; g++) {
    const commodity = index.commodities[index.groupCommodity[g]!]!;
    for (let e = index.groupEdgeStart[g]!, stop = index.groupEdgeStart[g + 1]!; e < stop; e++) {
      if (index.edgeSupplier[e] !== supplier) continue;
      if (fallback === null || commodity < fallback) fallback = commodity;
      const binds =
        a.effective[supplier] === a.effective[buyer] &&
        groupThreshold(index, a.effective, g, a.options.theta) === a.effective[buyer];
      if (binds && (best === null || commodity < best)) best = commodity;
    }
  }
  return best ?? fallback ?? '';
}

/** The company's supplies in (suppliers) or out (buyers), described from the other side. */
function supplyLinks(view: NetworkView, i: number, side: 'suppliers' | 'buyers'): SupplyLink[] {
  const { index, analysis: a } = view;
  const edges: number[] = [];
  if (side === 'suppliers') {
    const from = index.groupEdgeStart[index.buyerGroupStart[i]!]!;
    const to = index.groupEdgeStart[index.buyerGroupStart[i + 1]!]!;
    for (let e = from; e < to; e++) edges.push(e);
  } else {
    for (let j = index.outStart[i]!, end = index.outStart[i + 1]!; j < end; j++) edges.push(index.outEdges[j]!);
  }
  const links = edges.map((e): SupplyLink => {
    const other = side === 'suppliers' ? index.edgeSupplier[e]! : index.edgeBuyer[e]!;
    const spend = index.edgeSpend[e]!;
    return {
      id: index.ids[other]!,
      name: view.name(other),
      commodity: view.commodityOf(e),
      share: index.edgeShare[e]!,
      access: ACCESS_NAMES[index.edgeAccess[e]!]!,
      bufferDays: index.edgeBuffer[e]!,
      spend: Number.isNaN(spend) ? null : spend,
      singleSource: view.isSingleSource(e),
      effectiveScore: a.effective[other]!,
      ownScore: a.own[other]!,
    };
  });
  return links.sort((x, y) => byString(x.commodity, y.commodity) || y.share - x.share || byString(x.id, y.id));
}
