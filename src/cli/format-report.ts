/**
 * Renders an analysis as the readable report of `weaklink analyze` — plain text tables
 * for a terminal (`table`) or Markdown (`md`). The report leads with what a risk
 * analyst acts on: the weak links with their one-line reason, then the direct single
 * sources, the hidden critical suppliers, the level gaps, and concentration.
 */
import type { AnalysisResult } from '../analysis/analyze.ts';
import { yen } from './money.ts';

export type TextFormat = 'table' | 'md';

type Cell = string | number;

/** Lays out rows under a header, as aligned text or as a Markdown table. */
export function renderTable(header: string[], rows: Cell[][], format: TextFormat): string {
  const text = rows.map((r) => r.map(String));
  if (format === 'md') {
    const esc = (s: string): string => s.replace(/\|/g, '\\|');
    return [
      `| ${header.map(esc).join(' | ')} |`,
      `|${header.map(() => ' --- ').join('|')}|`,
      ...text.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

const num = (x: number, digits = 1): string => (Number.isInteger(x) ? String(x) : x.toFixed(digits));
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

export interface ReportSections {
  /** Rows shown per list (the JSON output has them all). */
  limit?: number;
}

/** The report of `weaklink analyze` in `table` or `md` format. */
export function formatReport(r: AnalysisResult, format: TextFormat, { limit = 10 }: ReportSections = {}): string {
  const h = (title: string): string => (format === 'md' ? `## ${title}` : `${title}\n${'='.repeat(title.length)}`);
  const more = (shown: number, total: number, what: string): string[] =>
    total > shown ? [`… and ${total - shown} more ${what} (use --format json for all)`] : [];
  const out: string[] = [];
  const s = r.summary;
  out.push(format === 'md' ? '# weaklink analysis' : 'weaklink analysis');
  out.push(
    `${s.companies} companies, ${s.supplies} supplies, ${s.maxTier + 1} tiers; focal: ${s.focal.join(', ') || '(none)'}; ` +
      `${s.unassessed} unassessed (scored 0). θ = ${r.theta}; hit likelihood ${r.assumptions.hitLikelihood} a year (an assumption).`,
  );
  const durations = r.assumptions.durations.map((d) => `${d.days} d ${pct(d.probability)}`).join(', ');
  out.push(
    `Expected annual loss ${yen(r.expectedAnnualLoss)} per year: every company's hit likelihood × the loss of one hit of it ` +
      `(revenue${r.assumptions.lossRatio === 1 ? '' : ` × ${r.assumptions.lossRatio}`} per day × days each stopped company is down; outage durations ${durations} — assumptions).`,
  );

  out.push('', h(`Weak links (top ${Math.min(limit, r.weakLinks.length)} by risk contribution)`));
  out.push(
    renderTable(
      ['#', 'company', 'own', 'risk (¥ per year)', 'loss per hit (¥)', 'why'],
      r.weakLinks
        .slice(0, limit)
        .map((w) => [
          w.rank,
          `${w.name} (${w.id})`,
          w.unassessed ? '—' : num(w.ownScore),
          yen(w.riskContribution),
          yen(w.expectedEventLoss),
          w.reason,
        ]),
      format,
    ),
  );

  out.push('', h(`Direct single sources (${r.singleSources.length})`));
  out.push(
    renderTable(
      ['buyer', 'commodity', 'supplier', 'share'],
      r.singleSources.slice(0, limit).map((x) => [x.buyer, x.commodity, x.supplier, pct(x.share)]),
      format,
    ),
  );
  out.push(...more(limit, r.singleSources.length, 'single sources'));

  out.push(
    '',
    h(
      `Hidden critical suppliers (${r.hiddenCriticalSuppliers.length}): single points of failure that are not a direct single source`,
    ),
  );
  out.push(
    renderTable(
      ['supplier', 'stops focal', 'stops in all', 'for example'],
      r.hiddenCriticalSuppliers
        .slice(0, limit)
        .map((x) => [
          `${x.name} (${x.supplier})`,
          x.focalDependants.join(', ') || '—',
          x.dependants.length,
          x.dependants.slice(0, 4).join(', '),
        ]),
      format,
    ),
  );
  out.push(...more(limit, r.hiddenCriticalSuppliers.length, 'hidden critical suppliers'));

  out.push('', h(`Level gaps (${r.levelGaps.length}): ★ required above ★ own — take these to the suppliers`));
  out.push(
    renderTable(
      ['supplier', 'own ★', 'required ★', 'asked by (why)'],
      r.levelGaps.slice(0, limit).map((g) => [
        `${g.name} (${g.id})`,
        g.unassessed ? '0 (unassessed)' : g.ownLevel,
        g.requiredLevel,
        g.askedBy
          .slice(0, 3)
          .map((b) => `${b.buyer} (${b.reasons.join('+')})`)
          .join(', ') + (g.askedBy.length > 3 ? ', …' : ''),
      ]),
      format,
    ),
  );
  out.push(...more(limit, r.levelGaps.length, 'level gaps'));

  const groups = r.concentration.groups.filter((g) => g.suppliers.length > 1 || g.hhi >= 10_000 - 1e-9);
  out.push('', h('Concentration'));
  out.push(
    renderTable(
      ['buyer', 'commodity', 'HHI', 'suppliers (share)'],
      groups
        .slice(0, limit)
        .map((g) => [
          g.buyer,
          g.commodity,
          Math.round(g.hhi),
          g.suppliers.map((x) => `${x.id} ${pct(x.share)}`).join(', '),
        ]),
      format,
    ),
  );
  out.push(...more(limit, groups.length, 'groups'));
  out.push('');
  out.push(
    renderTable(
      ['tier', 'companies', 'countries by count', 'HHI', 'countries by spend', 'HHI'],
      r.concentration.tiers.map((t) => [
        t.tier,
        t.companies,
        t.byCount
          .slice(0, 4)
          .map((c) => `${c.country} ${pct(c.share)}`)
          .join(', '),
        Math.round(t.countHhi),
        t.bySpend
          .slice(0, 4)
          .map((c) => `${c.country} ${pct(c.share)}`)
          .join(', '),
        Math.round(t.spendHhi),
      ]),
      format,
    ),
  );
  for (const f of r.concentration.criticalSupplierCountries) {
    out.push(
      `Critical suppliers of ${f.focal} by country: ${f.countries.map((c) => `${c.country} ${c.amount}`).join(', ') || 'none'}`,
    );
  }
  if (r.warnings.length > 0) out.push('', h(`Warnings (${r.warnings.length})`), ...r.warnings);
  return out.join('\n') + '\n';
}
