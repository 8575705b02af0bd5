/**
 * The sentences of the executive report (web/src/executive/headline.ts): each money
 * figure with its unit and period, the scope named, the footnotes.
 */
import { describe, expect, it } from 'vitest';
import type { ExecutiveResponse } from '../../src/contract/api-types.ts';
import {
  contributorsTitle,
  expectedLossLabel,
  liftText,
  methodText,
  notes,
  p99Note,
  planSub,
  scopeLine,
  scopeOf,
  stopsText,
} from '../../web/src/executive/headline.ts';

const SCOPE = { id: 'auto-oem', name: 'Kirishima Motor Corporation', revenue: 30e12 };
const contributor = (over: Partial<ExecutiveResponse['topContributors'][number]> = {}) => ({
  id: 'springs',
  name: 'Ota Precision Springs Co., Ltd.',
  riskContribution: 23.2e9,
  hitLikelihood: 0.015,
  expectedEventLoss: 1e12,
  exposurePath: [],
  ownScore: 0,
  unassessed: true,
  blastRadiusSize: 2,
  focalStopDay: 3,
  reason: 'unassessed',
  ...over,
});
const PLAN: ExecutiveResponse['plan'] = {
  budget: 50e6,
  spent: 48.1e6,
  suppliers: 12,
  lossBefore: 200.1e9,
  lossAfter: 122.3e9,
  avoided: 77.8e9,
  cutPercent: 38.9,
  optimal: true,
  gapPercent: 0,
  method: 'dynamic-programming',
  lifts: [],
};

describe('the scope', () => {
  it('names the focal company short, or the network', () => {
    expect(scopeOf({ scope: SCOPE })).toEqual({
      name: 'Kirishima Motor',
      whose: 'Kirishima Motor’s',
      full: 'Kirishima Motor Corporation',
    });
    expect(scopeOf({ scope: null })).toEqual({ name: 'the network', whose: 'the network’s', full: null });
    expect(expectedLossLabel(scopeOf({ scope: SCOPE }))).toBe('Expected annual loss to Kirishima Motor');
    expect(expectedLossLabel(scopeOf({ scope: null }))).toBe('Expected annual loss');
  });

  it('says its annual revenue and what is mapped', () => {
    expect(scopeLine({ scope: SCOPE, criticalSuppliers: 35, companies: 1880 })).toBe(
      'Annual revenue ¥30T · 35 critical suppliers at any depth · 1,880 companies mapped',
    );
    expect(scopeLine({ scope: null, criticalSuppliers: 0, companies: 3 })).toBeNull();
  });
});

describe('money with its unit and period', () => {
  it('the 1-in-100 and 1-in-200-year losses are in one year', () => {
    expect(p99Note({ quantiles: { p95: 1e12, p99: 4.9e12, p995: 8.7e12 } })).toBe(
      'in one year; a year this bad or worse comes once a century. In a 1-in-200 year: ¥8.7T',
    );
  });

  it('the plan: losses a year, the budget and lifts once, the loss avoided a year', () => {
    expect(planSub(PLAN, [3, 4, 5])).toBe(
      'Expected annual loss ¥200.1B → ¥122.3B a year for a one-off budget of ¥50M, by funding SCS evaluations (★3/★4/★5) where a yen avoids the most loss.',
    );
    expect(liftText({ supplier: 's', name: 'S', fromLevel: 0, toLevel: 3, cost: 4.3e6, avoided: 18.2e9 })).toBe(
      ' ★0 → ★3: ¥4.3M once, avoids ¥18.2B a year',
    );
  });
});

describe('the contributors', () => {
  it('say the day they stop the focal company, unless they do not or are it', () => {
    expect(stopsText(contributor(), { scope: SCOPE })).toBe(' · stops Kirishima Motor on day 3');
    expect(stopsText(contributor({ focalStopDay: null }), { scope: SCOPE })).toBeNull();
    expect(stopsText(contributor({ id: 'auto-oem' }), { scope: SCOPE })).toBeNull();
    expect(stopsText(contributor(), { scope: null })).toBeNull();
  });

  it('are titled with their count and whose loss', () => {
    expect(contributorsTitle({ scope: SCOPE, topContributors: [contributor(), contributor({ id: 'b' })] })).toBe(
      'Top 2 contributors to Kirishima Motor’s expected loss',
    );
  });
});

describe('the footnotes', () => {
  const data = {
    scope: SCOPE,
    loss: { method: 'monte-carlo', runs: 10000, seed: 1 },
    assumptions: {
      hitLikelihood: 'p(s) = min(1, 0.015 × 0.975^s)',
      lossRatio: 0.2,
      durations: [
        { days: 1, probability: 0.5 },
        { days: 14, probability: 0.5 },
      ],
    },
  } as unknown as ExecutiveResponse;

  it('say the method', () => {
    expect(methodText({ method: 'exact', runs: 1024, seed: null })).toBe('exact enumeration of every outcome');
    expect(methodText({ method: 'monte-carlo', runs: 10000, seed: 1 })).toBe('10,000 simulated years (seed 1)');
  });

  it('say how the loss is counted, the assumptions and whether the session changed them', () => {
    const [loss, limits] = notes(data, true, 0.5);
    expect(loss).toContain('Loss: Kirishima Motor’s revenue × 0.2 per day it is stopped');
    expect(loss).toContain('a hit stops it for 1, 14 days with probabilities 50%, 50%.');
    expect(loss).toContain('from 10,000 simulated years (seed 1); the expected annual loss is exact.');
    expect(loss).toMatch(/Assumptions changed for this session\.$/);
    expect(limits).toBe(
      'A buyer stops when less than 50% of an input is left. Lift costs are assumptions by company size, paid once. All figures in yen.',
    );
    expect(notes({ ...data, scope: null }, false, null)[0]).toMatch(/^Loss: every company’s revenue × 0.2 /);
    expect(notes(data, false, null)[1]).toMatch(/^A buyer stops when less than half/);
  });
});
