/**
 * The overview of the whole network (GET /api/overview): every company's position from
 * the layered layout (overview-layout.ts, computed once per network version and shared by
 * the views of every as-of date), its effective score, risk contribution, tier and flags
 * as of the view's date, the supplier–buyer pairs, each focal company's critical
 * suppliers, and the ids and names — encoded once per view as overview-format.ts says,
 * with its gzip form made on first demand.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { members } from '../analysis/blast-radius.ts';
import { overviewLayout, type OverviewLayout } from '../analysis/overview-layout.ts';
import { encodeOverview, OVERVIEW_FLAGS, OVERVIEW_FORMAT, readOverviewHeader } from '../contract/overview-format.ts';
import type { OverviewHeader } from '../contract/api-types.ts';
import type { NetworkView } from './network-view.ts';

const gzipAsync = promisify(gzip);

/** The encoded overview: its header, its bytes, and (computed once, on first call) the bytes gzipped. */
export interface OverviewPayload {
  header: OverviewHeader;
  bytes: Uint8Array<ArrayBuffer>;
  gzipped?: () => Promise<Uint8Array>;
}

/** The layout of the view's network version (computed on the first call for that version). */
export function overviewPositions(view: NetworkView): OverviewLayout {
  return view.shared('overviewLayout', () => overviewLayout(view.index, view.analysis.tier));
}

/** Example: `overviewPayload(await cache.view()).bytes.length` → about 8 MB at 100,000 companies. */
export function overviewPayload(view: NetworkView): OverviewPayload {
  return view.once('overviewPayload', () => {
    const bytes = encodeView(view);
    let zipped: Promise<Uint8Array> | undefined;
    return {
      header: readOverviewHeader(bytes),
      bytes,
      gzipped: () => (zipped ??= gzipAsync(bytes).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))),
    };
  });
}

function encodeView(view: NetworkView): Uint8Array<ArrayBuffer> {
  const { index, analysis } = view;
  const { n } = index;
  const layout = overviewPositions(view);
  const score = Float32Array.from(analysis.effective);
  const risk = Float32Array.from(analysis.risk);
  const importance = Float32Array.from(view.structural().pagerank);
  const tier = new Int8Array(n);
  const flags = new Uint8Array(n);
  const critical = view.criticalToFocal();
  let maxRisk = 0;
  let maxImportance = 0;
  for (let i = 0; i < n; i++) {
    const t = analysis.tier[i]!;
    tier[i] = t < 0 ? -1 : Math.min(t, 127);
    flags[i] =
      (view.isFocal(i) ? OVERVIEW_FLAGS.focal : 0) |
      (critical[i] === 1 ? OVERVIEW_FLAGS.critical : 0) |
      (analysis.unassessed[i] === 1 ? OVERVIEW_FLAGS.unassessed : 0);
    if (analysis.risk[i]! > maxRisk) maxRisk = analysis.risk[i]!;
    if (importance[i]! > maxImportance) maxImportance = importance[i]!;
  }
  // The supplier–buyer pairs and the focal companies' critical suppliers follow from the
  // supplies alone: once per network version, whatever the date.
  const pairs = view.shared('overviewPairs', () => supplierBuyerPairs(view));
  const focal = view.focalIndices();
  const { criticalStart, criticalOf } = view.shared('overviewCritical', () => {
    const start = new Uint32Array(focal.length + 1);
    const lists = focal.map((f) => members(analysis.failures.criticalSuppliers, f));
    lists.forEach((list, k) => (start[k + 1] = start[k]! + list.length));
    const all = new Uint32Array(start[focal.length]!);
    lists.forEach((list, k) => all.set(list, start[k]!));
    return { criticalStart: start, criticalOf: all };
  });
  const header: Omit<OverviewHeader, 'arrays'> = {
    format: OVERVIEW_FORMAT,
    version: view.version,
    asOf: analysis.options.asOf ?? '',
    companies: n,
    edges: pairs.supplier.length,
    columns: layout.columns,
    noTierColumn: layout.noTierColumn,
    maxRisk,
    maxImportance,
    focal: focal.map((i) => ({ index: i, id: index.ids[i]!, name: view.name(i) })),
  };
  return encodeOverview(
    header,
    {
      x: layout.x,
      y: layout.y,
      score,
      risk,
      importance,
      tier,
      flags,
      edgeSupplier: pairs.supplier,
      edgeBuyer: pairs.buyer,
      criticalStart,
      critical: criticalOf,
    },
    index.ids,
    index.network.companies.map((c) => c.name),
  );
}

/** Each (supplier, buyer) once, whatever the commodities between them: edges come grouped by buyer. */
function supplierBuyerPairs(view: NetworkView): { supplier: Uint32Array; buyer: Uint32Array } {
  const { n, m, edgeSupplier, edgeBuyer } = view.index;
  const seen = new Int32Array(n).fill(-1);
  const supplier = new Uint32Array(m);
  const buyer = new Uint32Array(m);
  let k = 0;
  for (let e = 0; e < m; e++) {
    const u = edgeSupplier[e]!;
    const v = edgeBuyer[e]!;
    if (seen[u] === v) continue;
    seen[u] = v;
    supplier[k] = u;
    buyer[k++] = v;
  }
  return { supplier: supplier.slice(0, k), buyer: buyer.slice(0, k) };
}
