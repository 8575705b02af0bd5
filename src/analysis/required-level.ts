/**
 * Required level (README, METI's three questions made computable): a buyer asks ★4
 * of a supplier when (1) the supplier handles its confidential data (access `data`),
 * (2) an interruption of the supplier would halt it (the supplier is one of its critical
 * suppliers and the input's buffer_days is below the tolerance, default 7), or (3) the
 * supplier can reach its systems (access `network` or `software`); else ★3. A
 * supplier's required level is the highest any buyer asks; -1 (null) when it supplies
 * nobody.
 */
import { ACCESS_CODE, type IndexedNetwork } from '../model/index-network.ts';
import type { CompanySets } from './blast-radius.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';

export type LevelReason = 'data' | 'halt' | 'access';

export interface RequiredLevels {
  /** Required level per company: 3, 4, or -1 when it supplies nobody. */
  level: Int8Array;
  /** Why an edge asks ★4 (empty when it asks ★3), per edge index. */
  reasons(edge: number): LevelReason[];
}

/** Example: `requiredLevels(idx, failures.blastRadius).level[i]`. */
export function requiredLevels(
  index: IndexedNetwork,
  blast: CompanySets,
  options: Partial<AnalysisOptions> = {},
): RequiredLevels {
  const { bufferTolerance } = resolveOptions(options);
  const { n, outStart, outEdges, edgeBuyer, edgeAccess, edgeBuffer } = index;
  const halts = new Uint8Array(index.m);
  const inRadius = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    const a = blast.start[u]!;
    const b = blast.start[u + 1]!;
    if (a === b) continue;
    for (let k = a; k < b; k++) inRadius[blast.list[k]!] = 1;
    for (let j = outStart[u]!, end = outStart[u + 1]!; j < end; j++) {
      const e = outEdges[j]!;
      if (inRadius[edgeBuyer[e]!] === 1 && edgeBuffer[e]! < bufferTolerance) halts[e] = 1;
    }
    for (let k = a; k < b; k++) inRadius[blast.list[k]!] = 0;
  }
  const reasons = (e: number): LevelReason[] => {
    const r: LevelReason[] = [];
    const access = edgeAccess[e]!;
    if (access === ACCESS_CODE.data) r.push('data');
    if (halts[e] === 1) r.push('halt');
    if (access === ACCESS_CODE.network || access === ACCESS_CODE.software) r.push('access');
    return r;
  };
  const level = new Int8Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    for (let j = outStart[u]!, end = outStart[u + 1]!; j < end; j++) {
      const e = outEdges[j]!;
      const access = edgeAccess[e]!;
      const asks = access !== ACCESS_CODE.none || halts[e] === 1 ? 4 : 3;
      if (asks > level[u]!) level[u] = asks;
    }
  }
  return { level, reasons };
}
