/**
 * The texts of the company panel, as pure functions of the API's answer (GET
 * /api/companies/:id): the facts line, the money with its unit and period, the level
 * row, the blast-radius lines, the reasons a buyer asks ★4, and how much of a capped
 * list shows. Nothing is computed here that the server did not answer.
 *
 * @example
 *   companyFacts(detail.company); // "kanazawa-trim · JP · automotive interior parts · SME · tier 1"
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { formatLevel, formatNumber } from '../format.ts';
import { formatYen } from '../replay.ts';

type Company = CompanyDetailResponse['company'];
type BlastMember = CompanyDetailResponse['blastRadius'][number];

/** The most entries a capped list shows before its "Show all" button. */
export const LIST_LIMIT = 12;

/** Why a buyer asks ★4 of its supplier, by reason code of the API (unknown codes as they are). */
function gapReason(code: string): string {
  return ['data', 'halt', 'access'].includes(code) ? t(`web.panel.gapReasons.${code}`) : code;
}

/** "tier 2" / "2次取引先" (tier 0: "重点企業" in Japanese), "no tier". */
export function tierText(tier: number | null): string {
  if (tier === null) return t('web.panel.noTier');
  return tier === 0 ? t('web.panel.tierFocal') : t('web.panel.tier', { tier });
}

/** "id · country · industry · SME · tier 1" (empty fields left out; no tier: "no tier"). */
export function companyFacts(c: Pick<Company, 'id' | 'country' | 'industry' | 'size' | 'tier'>): string {
  return [
    c.id,
    c.country,
    c.industry,
    c.size === 'sme' ? t('web.panel.sme') : c.size === 'large' ? t('web.panel.large') : c.size,
    tierText(c.tier),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The simulate button: "Simulate breach", or "Simulate breach of 3 selected". */
export function simulateLabel(selected: number): string {
  return selected > 1 ? t('web.panel.simulateMany', { count: selected }) : t('web.shell.simulate');
}

/** The money of one company with unit and period: yen per year, yen per hit, percent per year. */
export function moneyTexts(c: Pick<Company, 'riskContribution' | 'expectedEventLoss' | 'hitLikelihood' | 'revenue'>): {
  riskContribution: string;
  eventLoss: string;
  hitLikelihood: string;
  revenue: string;
} {
  return {
    riskContribution: t('web.panel.perYear', { value: formatYen(c.riskContribution) }),
    eventLoss: t('web.panel.perHit', { value: formatYen(c.expectedEventLoss) }),
    hitLikelihood: t('web.panel.perYear', { value: `${(c.hitLikelihood * 100).toFixed(2)}%` }),
    revenue: t('web.panel.perYear', { value: formatYen(c.revenue) }),
  };
}

/**
 * "top 2% · #412 of 100,000 (PageRank 0.000031)": the rank's share of the network rounded
 * up to one significant digit (never "top 0%"), the PageRank to two.
 */
export function structuralText(s: CompanyDetailResponse['structuralImportance']): string {
  const share = (100 * s.rank) / Math.max(1, s.companies);
  const step = 10 ** Math.floor(Math.log10(share));
  const pct = Number((Math.ceil(share / step - 1e-9) * step).toPrecision(1));
  return t('web.panel.structuralValue', {
    pct: String(pct),
    rank: s.rank.toLocaleString('en-US'),
    companies: s.companies.toLocaleString('en-US'),
    value: s.pagerank.toPrecision(2),
  });
}

/** The own and required ★ level and the gap between them (null when it meets what its buyers ask). */
export function levelTexts(c: Pick<Company, 'unassessed' | 'ownLevel' | 'requiredLevel'>): {
  own: string;
  required: string;
  gap: number | null;
} {
  const gap = c.requiredLevel !== null && c.requiredLevel > c.ownLevel ? c.requiredLevel - c.ownLevel : null;
  return {
    own: c.unassessed ? t('web.panel.none') : formatLevel(c.ownLevel),
    required: formatLevel(c.requiredLevel),
    gap,
  };
}

/** The badges of the panel head: focal, unassessed, critical suppliers, what a hit stops. */
export function headBadges(
  c: Pick<Company, 'focal' | 'unassessed'>,
  counts: CompanyDetailResponse['counts'],
): { text: string; kind: string }[] {
  const badges: { text: string; kind: string }[] = [];
  if (c.focal) badges.push({ text: t('web.panel.focal'), kind: 'focal' });
  if (c.unassessed) badges.push({ text: t('web.panel.unassessed'), kind: 'unassessed' });
  if (counts.criticalSuppliers > 0)
    badges.push({ text: t('web.panel.criticalBadge', { n: formatNumber(counts.criticalSuppliers) }), kind: '' });
  if (counts.blastRadius > 0)
    badges.push({ text: t('web.panel.stopsBadge', { n: formatNumber(counts.blastRadius) }), kind: 'warn' });
  return badges;
}

/** The note after a blast-radius member's " stops on day N": " · ¥1.2M / day of outage · tier 2". */
export function blastNote(b: Pick<BlastMember, 'revenuePerDay' | 'tier'>): string {
  const tier = b.tier === null ? '' : ` · ${tierText(b.tier)}`;
  return ` · ${t('web.panel.perDayOutage', { value: formatYen(b.revenuePerDay) })}${tier}`;
}

/** The reasons a buyer asks ★4, as one phrase ("can reach its systems; handles its confidential data"). */
export function gapReasons(reasons: readonly string[]): string {
  return reasons.map(gapReason).join(t('web.panel.reasonSep'));
}

/** The heading of the level-gap section: "Level gap: own ★2, required ★4". */
export function levelGapTitle(gap: NonNullable<CompanyDetailResponse['levelGap']>): string {
  return t('web.panel.gapTitle', { own: formatLevel(gap.ownLevel), required: formatLevel(gap.requiredLevel) });
}

/**
 * What a capped list shows: `items` entries were answered out of `total`; the first
 * LIST_LIMIT show until `all`. `rest` counts what is not shown; `button` when the
 * answered entries hold more than shown (else a plain "… and N more" note).
 */
export function cappedView(
  items: number,
  total: number,
  all: boolean,
): { shown: number; rest: number; button: boolean } {
  const shown = all ? items : Math.min(items, LIST_LIMIT);
  const rest = Math.max(0, total - shown);
  return { shown, rest, button: rest > 0 && !all && items > LIST_LIMIT };
}

/** "… and 3 more", for what a list leaves out (null when nothing is left out). */
export function moreText(total: number, shown: number): string | null {
  return total > shown ? t('web.panel.more', { n: formatNumber(total - shown) }) : null;
}
