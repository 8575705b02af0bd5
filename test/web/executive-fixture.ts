/** An executive view answer of the sample's shape, for the web's component tests. */
import type { ExecutiveResponse } from '../../src/contract/api-types.ts';

export const EXECUTIVE_DATA: ExecutiveResponse = {
  version: '1faeaf3ea0123456789',
  companies: 188,
  focal: [
    { id: 'auto-oem', name: 'Kirishima Motor Corporation', revenue: 30e12 },
    { id: 'retail-hq', name: 'Hinoki Living Co., Ltd.', revenue: 2e12 },
  ],
  scope: { id: 'auto-oem', name: 'Kirishima Motor Corporation', revenue: 30e12 },
  unassessedShare: 0.032,
  singleSources: 137,
  hiddenCriticalSuppliers: 37,
  criticalSuppliers: 35,
  loss: {
    expectedAnnualLoss: 200.1e9,
    shareOfRevenue: 0.0067,
    quantiles: { p95: 1e12, p99: 4.9e12, p995: 8.7e12 },
    exceedance: [
      { loss: 1e12, probability: 0.1 },
      { loss: 4.9e12, probability: 0.01 },
      { loss: 9e12, probability: 0.001 },
    ],
    occurrence: [
      { loss: 0.8e12, probability: 0.1 },
      { loss: 4e12, probability: 0.01 },
    ],
    method: 'monte-carlo',
    runs: 10000,
    seed: 1,
    mean: 200e9,
    standardError: 1e9,
  },
  topContributors: [
    {
      id: 'springs',
      name: 'Ota Precision Springs Co., Ltd.',
      riskContribution: 23.2e9,
      hitLikelihood: 0.015,
      expectedEventLoss: 1.5e12,
      exposurePath: [
        { id: 'auto-oem', name: 'Kirishima Motor Corporation' },
        { id: 'seats', name: 'Yamabuki Seating Systems' },
        { id: 'springs', name: 'Ota Precision Springs Co., Ltd.' },
      ],
      ownScore: 0,
      unassessed: true,
      blastRadiusSize: 2,
      focalStopDay: 3,
      reason: 'unassessed (scored 0); 2 companies stop if it is hit',
    },
  ],
  worstEvent: { id: 'trim', name: 'Kanazawa Interior Trim', days: 120, loss: 9.9e12, focalStopDay: 0, stopped: 2 },
  plan: {
    budget: 50e6,
    spent: 48.1e6,
    suppliers: 1,
    lossBefore: 200.1e9,
    lossAfter: 122.3e9,
    avoided: 77.8e9,
    cutPercent: 38.9,
    optimal: true,
    gapPercent: 0,
    method: 'dynamic-programming',
    lifts: [
      { supplier: 'springs', name: 'Ota Precision Springs', fromLevel: 0, toLevel: 3, cost: 4.3e6, avoided: 18.2e9 },
    ],
  },
  assumptions: {
    hitLikelihood: 'p(s) = min(1, 0.015 × 0.975^s)',
    hitBase: 0.015,
    hitDecay: 0.975,
    durations: [
      { days: 1, probability: 0.5 },
      { days: 14, probability: 0.5 },
    ],
    lossRatio: 1,
    liftCosts: { sme: [1, 2, 3, 4, 5], large: [10, 20, 30, 40, 50] },
    planTargets: [3, 4, 5],
  },
};
