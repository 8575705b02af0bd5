/**
 * The panel's texts: facts line, badges, money with unit and period, level row, blast
 * radius note, gap reasons and the capped lists.
 */
import { describe, expect, it } from 'vitest';
import {
  blastNote,
  cappedView,
  companyFacts,
  gapReasons,
  headBadges,
  levelGapTitle,
  levelTexts,
  LIST_LIMIT,
  moneyTexts,
  moreText,
  simulateLabel,
} from '../../web/src/panel/panel-text.ts';

describe('companyFacts', () => {
  it('joins id, country, industry, size (SME upper-cased) and tier, leaving out empty fields', () => {
    expect(companyFacts({ id: 'k', country: 'JP', industry: 'trim', size: 'sme', tier: 1 })).toBe(
      'k · JP · trim · SME · tier 1',
    );
    expect(companyFacts({ id: 'k', country: null, industry: null, size: 'large', tier: 0 })).toBe('k · large · tier 0');
    expect(companyFacts({ id: 'k', country: null, industry: null, size: null, tier: null })).toBe('k · no tier');
  });
});

describe('simulateLabel', () => {
  it('counts the selection only when more than one company is selected', () => {
    expect(simulateLabel(0)).toBe('Simulate breach');
    expect(simulateLabel(1)).toBe('Simulate breach');
    expect(simulateLabel(3)).toBe('Simulate breach of 3 selected');
  });
});

describe('moneyTexts', () => {
  it('gives every amount its unit and period', () => {
    const money = moneyTexts({
      riskContribution: 1_200_000,
      expectedEventLoss: 35_000_000,
      hitLikelihood: 0.0123,
      revenue: 4.2e9,
    });
    expect(money.riskContribution).toMatch(/^¥.+ \/ year$/);
    expect(money.eventLoss).toMatch(/^¥.+ \/ hit$/);
    expect(money.hitLikelihood).toBe('1.23% / year');
    expect(money.revenue).toMatch(/^¥.+ \/ year$/);
  });
});

describe('levelTexts', () => {
  it('shows the own and required level and the gap when the buyers ask more', () => {
    expect(levelTexts({ unassessed: false, ownLevel: 2, requiredLevel: 4 })).toEqual({
      own: '★2',
      required: '★4',
      gap: 2,
    });
    expect(levelTexts({ unassessed: false, ownLevel: 4, requiredLevel: 3 }).gap).toBeNull();
    expect(levelTexts({ unassessed: true, ownLevel: 0, requiredLevel: null })).toEqual({
      own: 'none',
      required: '—',
      gap: null,
    });
  });
});

describe('headBadges', () => {
  it('lists focal, unassessed, the critical suppliers and what a hit stops, only when there are some', () => {
    const counts = { suppliers: 3, buyers: 1, blastRadius: 1234, criticalSuppliers: 2 };
    expect(headBadges({ focal: true, unassessed: true }, counts)).toEqual([
      { text: 'focal', kind: 'focal' },
      { text: 'unassessed', kind: 'unassessed' },
      { text: '2 critical suppliers', kind: '' },
      { text: 'stops 1,234 if hit', kind: 'warn' },
    ]);
    expect(
      headBadges({ focal: false, unassessed: false }, { ...counts, blastRadius: 0, criticalSuppliers: 0 }),
    ).toEqual([]);
  });
});

describe('blastNote, gapReasons, levelGapTitle', () => {
  it('names the revenue per day of outage and the tier when known', () => {
    expect(blastNote({ revenuePerDay: 1000, tier: 2 })).toMatch(/^ · ¥.+ \/ day of outage · tier 2$/);
    expect(blastNote({ revenuePerDay: 1000, tier: null })).not.toContain('tier');
  });
  it('spells out the reason codes and keeps unknown ones', () => {
    expect(gapReasons(['access', 'data', 'other'])).toBe('can reach its systems; handles its confidential data; other');
  });
  it('titles the gap with both levels', () => {
    expect(levelGapTitle({ ownLevel: 2, requiredLevel: 4, askedBy: [] })).toBe('Level gap: own ★2, required ★4');
  });
});

describe('cappedView and moreText', () => {
  it('shows LIST_LIMIT entries with a button when the answer holds more', () => {
    expect(cappedView(20, 20, false)).toEqual({ shown: LIST_LIMIT, rest: 20 - LIST_LIMIT, button: true });
    expect(cappedView(20, 20, true)).toEqual({ shown: 20, rest: 0, button: false });
  });
  it('notes what the server left out without a button when every answered entry shows', () => {
    expect(cappedView(5, 9, false)).toEqual({ shown: 5, rest: 4, button: false });
    expect(cappedView(20, 30, true)).toEqual({ shown: 20, rest: 10, button: false });
  });
  it('says how many more a list leaves out', () => {
    expect(moreText(1500, 50)).toBe('… and 1,450 more');
    expect(moreText(5, 5)).toBeNull();
  });
});
