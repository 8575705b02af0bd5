/**
 * One company row of a synthetic network (see `generate-network.ts`): its name, country,
 * industry, size, level or score, revenue and focal flag, drawn from the proportions of
 * `vocabulary.ts` for its place in the chain. Most SMEs sit at levels 0–2 and some are
 * unassessed; about one in eight assessed companies also has a numeric score (which wins
 * over the level). Revenue (¥ million) is heavy-tailed: Pareto(2) for SMEs, Pareto(1)
 * (capped) for large companies.
 */
import { DEFAULTS as ANALYSIS_DEFAULTS } from '../analysis/options.ts';
import type { Company } from '../model/types.ts';
import type { NetworkPlan } from './network-plan.ts';
import { cumulative, type Random } from './random.ts';
import {
  COUNTRIES,
  COUNTRY_WEIGHTS,
  FOCAL_INDUSTRIES,
  JP_NAMES,
  LARGE_PERCENT,
  LEVEL_WEIGHTS,
  NAME_SUFFIXES,
  PLACE_NAMES,
  SERVICES,
  TIER_GOODS,
} from './vocabulary.ts';

const COUNTRY_PICK = COUNTRY_WEIGHTS.map(cumulative);
const LEVEL_PICK = { sme: cumulative(LEVEL_WEIGHTS.sme), large: cumulative(LEVEL_WEIGHTS.large) };
const title = (word: string): string =>
  word
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
const GOODS_TITLES = TIER_GOODS.map((goods) => goods.map(title));
const SERVICE_TITLES = SERVICES.map((s) => title(s.commodity));
const FOCAL_TITLES = FOCAL_INDUSTRIES.map(title);

/** The row of the company in `slot`; `id(slot)` names it. */
export function companyRow(plan: NetworkPlan, slot: number, id: (slot: number) => string, rng: Random): Company {
  const tier = plan.slotTier[slot]!;
  const kind = plan.slotKind[slot]!;
  const hub = slot >= plan.hubFrom && slot < plan.hubTo;
  const focal = tier === 0;
  const goodsTier = Math.min(Math.max(tier, 1), TIER_GOODS.length) - 1;
  const industry = focal ? FOCAL_INDUSTRIES[kind]! : hub ? SERVICES[kind]!.commodity : TIER_GOODS[goodsTier]![kind]!;
  const industryTitle = focal ? FOCAL_TITLES[kind]! : hub ? SERVICE_TITLES[kind]! : GOODS_TITLES[goodsTier]![kind]!;
  const large = focal || hub || rng.percent(LARGE_PERCENT[Math.min(tier, LARGE_PERCENT.length - 1)]!);
  const country =
    rng.below(100) === 0 ? null : COUNTRIES[rng.pick(COUNTRY_PICK[Math.min(tier, COUNTRY_PICK.length - 1)]!)]!;
  const places = country === null || country === 'JP' ? JP_NAMES : PLACE_NAMES[country]!;
  const name = `${places[rng.below(places.length)]} ${industryTitle} ${NAME_SUFFIXES[rng.below(NAME_SUFFIXES.length)]}`;

  const drawn = rng.pick(large ? LEVEL_PICK.large : LEVEL_PICK.sme) - 1; // -1 = unassessed
  let scsLevel: number | null = drawn < 0 ? null : drawn;
  let securityScore: number | null = null;
  if (scsLevel !== null && rng.below(8) === 0) {
    securityScore = Math.min(100, Math.max(0, ANALYSIS_DEFAULTS.levelScores[scsLevel]! + rng.below(21) - 10));
    if (rng.below(2) === 0) scsLevel = null;
  }
  const p = rng.pareto2();
  const revenue =
    rng.below(50) === 0
      ? null
      : focal
        ? Math.round(200_000 * Math.min(p * p, 100))
        : large
          ? Math.round(3000 * Math.min(p * p, 10_000))
          : Math.round(80 * p);
  return {
    id: id(slot),
    name,
    country,
    industry,
    size: large ? 'large' : 'sme',
    scsLevel,
    securityScore,
    revenue,
    focal,
  };
}
