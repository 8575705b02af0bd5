/**
 * English texts of weaklink's reports (i18next resources; plurals by `_one`/`_other`).
 * Every key here has its Japanese twin in ja.ts (a test checks the two key sets match).
 * The report sections' English headings, nouns and column headers are in their registry
 * (src/app/sections.ts); ja.ts adds their Japanese under `sections`.
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
};

export type Texts = typeof en;

/** A report section's texts in another language than the registry's English. */
export interface SectionTexts {
  heading: string;
  noun: string;
  columns: string[];
}
