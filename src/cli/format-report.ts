/**
 * Renders an analysis as the readable report of `weaklink analyze` — plain text tables
 * for a terminal (`table`) or Markdown (`md`). The report leads with what a risk
 * analyst acts on: the weak links with their one-line reason, then the direct single
 * sources, the hidden critical suppliers, the level gaps, and concentration.
 */
import stringWidth from 'string-width';
import { analysisHead, type Analysis } from '../analysis/analyze.ts';
import { NetworkView } from '../app/network-view.ts';
import { SECTIONS, type Column, type ReportSection } from '../app/sections.ts';
import { yen } from './money.ts';
import { UNSAFE_CHARACTER } from '../io/identifier.ts';

export type TextFormat = 'table' | 'md';

type Cell = string | number;

/**
 * A cell as a terminal shows it safely: line breaks and tabs as spaces, and every other
 * control, bidi or zero-width character as a visible escape (`\x1b`, `\u202e`), so no
 * text from the data can move the cursor, recolour the terminal or reorder a line.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(TERMINAL_UNSAFE, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const TERMINAL_UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'gu');

/** Lays out rows under a header, as aligned text or as a Markdown table (every cell terminal-safe). */
export function renderTable(header: string[], rows: Cell[][], format: TextFormat): string {
  const text = rows.map((r) => r.map((c) => terminalSafe(String(c))));
  if (format === 'md') {
    const esc = (s: string): string => s.replace(/\|/g, '\\|');
    return [
      `| ${header.map(esc).join(' | ')} |`,
      `|${header.map(() => ' --- ').join('|')}|`,
      ...text.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ].join('\n');
  }
  // Widths in terminal columns: a full-width character (漢字, ｶﾅ is half) takes two (string-width).
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...text.map((r) => stringWidth(r[i]!))));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c + ' '.repeat(widths[i]! - stringWidth(c)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

export interface ReportSections {
  /** Rows shown per list (the JSON output has them all). */
  limit?: number;
}

/** A cell of a report section's column as text: yen with ¥, shares as %, a missing score as —. */
export function cellText<T>(column: Column<T>, item: T): string {
  const v = column.value(item);
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (column.kind === 'yen') return yen(v);
  if (column.kind === 'share') return pct(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** One report section (src/app/sections.ts) as a heading, a table of its first `limit` rows, and "… and N more". */
function sectionText<T>(section: ReportSection<T>, view: NetworkView, format: TextFormat, limit: number): string[] {
  const h = (title: string): string => (format === 'md' ? `## ${title}` : `${title}\n${'='.repeat(title.length)}`);
  const all = section.items(view);
  const items = section.shown ? all.filter((x) => section.shown!(x)) : all;
  const rows = items.slice(0, limit);
  const out = [
    '',
    h(section.heading(items.length, rows.length)),
    renderTable(
      section.columns.map((c) => c.header),
      rows.map((item) => section.columns.map((c) => cellText(c, item))),
      format,
    ),
  ];
  // A blank line first, so Markdown does not read the note as another table row.
  if (items.length > limit && !section.topList)
    out.push('', `… and ${items.length - limit} more ${section.noun} (without --limit every row is shown)`);
  return out;
}

/** The report of `weaklink analyze` in `table` or `md` format. */
export function formatReport(
  analysis: Analysis,
  warnings: string[],
  format: TextFormat,
  { limit = Number.POSITIVE_INFINITY }: ReportSections = {},
): string {
  const h = (title: string): string => (format === 'md' ? `## ${title}` : `${title}\n${'='.repeat(title.length)}`);
  const r = analysisHead(analysis);
  const view = new NetworkView('cli', analysis);
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
  for (const section of SECTIONS) out.push(...sectionText(section, view, format, limit));
  const { tiers, criticalSupplierCountries } = view.concentrationByCountry();
  out.push('');
  out.push(
    renderTable(
      ['tier', 'companies', 'countries by count', 'HHI', 'countries by spend', 'HHI'],
      tiers.map((t) => [
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
  for (const f of criticalSupplierCountries) {
    out.push(
      `Critical suppliers of ${f.focal} by country: ${f.countries.map((c) => `${c.country} ${c.amount}`).join(', ') || 'none'}`,
    );
  }
  if (warnings.length > 0) out.push('', h(`Warnings (${warnings.length})`), ...warnings);
  return out.join('\n') + '\n';
}
