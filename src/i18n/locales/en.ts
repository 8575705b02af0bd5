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
    risk: {
      title: 'Annual loss ({{how}}):',
      exact: 'exact over all {{outcomes}} outcomes (every hit set and duration) of {{companies}} companies',
      monteCarlo: '{{runs}} Monte Carlo runs, seed {{seed}}',
      expected: ['Expected annual loss', '{{loss}} per year (closed form, Σ p × expected event loss)'],
      meanExact: ['Mean of the distribution', '{{mean}} per year'],
      meanRuns: ['Mean of the runs', '{{mean}} ± {{error}} per year (standard error)'],
      p95: ['1-in-20-year annual loss', '{{loss}} per year (95th percentile)'],
      p99: ['1-in-100-year annual loss', '{{loss}} per year (99th percentile)'],
      p995: ['1-in-200-year annual loss', '{{loss}} per year (99.5th percentile)'],
      periods:
        'Return periods (annual loss: all events of a year added; largest single event: the worst one event of a year):',
      columns: ['return period', 'exceedance', 'annual loss', 'largest single event'],
      period: '1 in {{years}} years',
      perYear: '{{loss}} per year',
      perEvent: '{{loss}} per event',
      moreRuns: '(return periods longer than {{runs}} years need more runs)',
      duration_one: '{{count}} day ({{share}})',
      duration_other: '{{count}} days ({{share}})',
      assumptions:
        'Assumptions: each company is hit at most once a year, independently, with {{hit}} (s = own score); a hit stops it for {{durations}}; a stopped day loses revenue × {{ratio}} / 365; θ = {{theta}}. The curves are in --format json and csv.',
    },
    plan: {
      title_one: 'Cost-sharing plan: budget {{budget}}; {{spent}} spent (once) on {{count}} supplier',
      title_other: 'Cost-sharing plan: budget {{budget}}; {{spent}} spent (once) on {{count}} suppliers',
      loss: 'Expected annual loss {{before}} per year → {{after}} per year: {{avoided}} per year avoided — {{headline}}',
      optimalExact: 'optimal (exact dynamic programming)',
      optimalAll: 'optimal (every worthwhile lift fits)',
      within:
        'within {{gap}} of the best possible plan (greedy; no plan within the budget avoids more than {{bound}} per year)',
      columns: [
        '#',
        'supplier',
        '★ from → to',
        'cost (¥, once)',
        'AAL avoided (¥ per year)',
        'payback (avoided ÷ cost)',
        'paid by large buyers (¥)',
      ],
      free: 'free',
      payback: '{{x}}× per year',
      unallocated: 'unallocated (no large buyer gains)',
      more: ', +{{count}} more',
      targets: 'Targets {{targets}}. Lift costs per level step 0→1 … 4→5 are {{source}}.',
      costsFrom: 'from {{file}}',
      costsAssumed:
        'assumptions: SME {{sme}}, large {{large}} (README, "Cost-sharing plan"); pass --costs FILE to use your own',
    },
    scenario: {
      title_one: 'Scenario: {{hit}} hit for {{count}} day{{after}}',
      title_other: 'Scenario: {{hit}} hit for {{count}} days{{after}}',
      afterWhatIfs: ' (after the what-ifs of {{file}})',
      summary:
        '{{stopped}} companies stop; peak {{down}} down on day {{day}}; revenue at risk {{loss}} over the {{days}}-day outage (revenue / 365 per day each company is down)',
      keepsRunning: 'Focal {{id}}: keeps running',
      stops_one: 'Focal {{id}}: stops on day {{day}}, down {{count}} day',
      stops_other: 'Focal {{id}}: stops on day {{day}}, down {{count}} days',
      timeline: 'Timeline',
      timelineColumns: ['day', 'down', 'stop', 'recover'],
      whatIf: 'What-if: expected annual loss {{before}} → {{after}} per year ({{change}})',
      whatIfColumns: ['company', 'changed', 'eff before → after', 'risk (¥ per year) before → after'],
      changes: 'Single sources: +{{ssAdded}} −{{ssRemoved}}; level gaps: +{{gapAdded}} −{{gapRemoved}}',
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
