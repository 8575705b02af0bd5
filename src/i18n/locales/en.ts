/**
 * English texts of weaklink's reports (i18next resources; plurals by `_one`/`_other`).
 * Every key here has its Japanese twin in ja.ts (a test checks the two key sets match).
 */
export const en = {
  report: {
    title: 'weaklink analysis',
    network_one: '{{count}} company',
    network_other: '{{count}} companies',
    head: '{{companies}}, {{supplies}} supplies, {{tiers}} tiers; focal: {{focal}}; {{unassessed}} unassessed (scored 0). θ = {{theta}}; hit likelihood {{hit}} a year (an assumption).',
    none: '(none)',
    loss: "Expected annual loss {{loss}} per year: every company's hit likelihood × the loss of one hit of it (revenue{{ratio}} per day × days each stopped company is down; outage durations {{durations}} — assumptions).",
    days: '{{days}} d {{share}}',
    more: '… and {{count}} more {{noun}} (without --limit every row is shown)',
    warnings: 'Warnings ({{count}})',
    criticalByCountry: 'Critical suppliers of {{focal}} by country: {{countries}}',
    tiers: {
      tier: 'tier',
      companies: 'companies',
      byCount: 'countries by count',
      hhi: 'HHI',
      bySpend: 'countries by spend',
    },
    reason: {
      unassessed: 'unassessed (scored 0)',
      own: 'own score {{score}}',
      none: 'no company stops if it alone is hit',
      stops_one: '{{count}} company stops if it is hit',
      stops_other: '{{count}} companies stop if it is hit',
      focal: ', including focal {{list}}',
      focalDay: '{{id}} on day {{day}}',
      moreFocal_one: ' and {{count}} more focal company',
      moreFocal_other: ' and {{count}} more focal companies',
    },
  },
  sections: {
    weakLinks: {
      heading: 'Weak links (top {{shown}} by risk contribution)',
      noun: 'weak links',
      columns: ['#', 'company', 'own', 'risk (¥ per year)', 'loss per hit (¥)', 'why'],
    },
    singleSources: {
      heading: 'Direct single sources ({{count}})',
      noun: 'single sources',
      columns: ['buyer', 'commodity', 'supplier', 'share'],
    },
    hiddenCriticalSuppliers: {
      heading: 'Hidden critical suppliers ({{count}}): single points of failure that are not a direct single source',
      noun: 'hidden critical suppliers',
      columns: ['supplier', 'stops focal', 'stops in all', 'for example'],
    },
    levelGaps: {
      heading: 'Level gaps ({{count}}): ★ required above ★ own — take these to the suppliers',
      noun: 'level gaps',
      columns: ['supplier', 'own ★', 'required ★', 'asked by (why)'],
    },
    unassessed: {
      heading: 'Unassessed suppliers ({{count}}): ask these for an SCS assessment first',
      noun: 'unassessed suppliers',
      columns: ['#', 'supplier', 'tier', 'risk (¥ per year)', 'stops', 'stops focal'],
    },
    concentration: {
      heading: 'Concentration',
      noun: 'groups',
      columns: ['buyer', 'commodity', 'HHI', 'suppliers (share)'],
    },
  },
};

export type Texts = typeof en;
