/**
 * Own score and own level of every company (README): the security_score if given,
 * else the level table's score for scs_level, else 0 with the company flagged
 * unassessed. Own level: scs_level, else the highest level whose table score the
 * security_score reaches, else 0. The scs_level is the one as of `options.asOf` when the
 * network has assessments (levels-as-of.ts).
 */
import type { IndexedNetwork } from '../model/index-network.ts';
import { levelsAsOf } from './levels-as-of.ts';
import { resolveOptions, type AnalysisOptions } from './options.ts';

export interface OwnScores {
  score: Float64Array;
  level: Int8Array;
  unassessed: Uint8Array;
}

/** Example: `ownScores(idx).score[idx.indexOf.get('acme')!]`. */
export function ownScores(index: IndexedNetwork, options: Partial<AnalysisOptions> = {}): OwnScores {
  const { levelScores, asOf, validity } = resolveOptions(options);
  const { n, securityScore } = index;
  const scsLevel = index.network.assessments === undefined ? index.scsLevel : levelsAsOf(index, asOf!, validity);
  const score = new Float64Array(n);
  const level = new Int8Array(n);
  const unassessed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const given = securityScore[i]!;
    const l = scsLevel[i]!;
    if (!Number.isNaN(given)) score[i] = given;
    else if (l >= 0) score[i] = levelScores[l]!;
    else unassessed[i] = 1;
    if (l >= 0) level[i] = l;
    else if (!Number.isNaN(given)) level[i] = levelOfScore(given, levelScores);
  }
  return { score, level, unassessed };
}

/** The highest level whose table score `score` reaches; 0 when below every entry. */
export function levelOfScore(score: number, levelScores: readonly number[]): number {
  let level = 0;
  for (let l = 0; l < levelScores.length; l++) if (score >= levelScores[l]!) level = l;
  return level;
}
