/**
 * The self-assessment summary as text (the CLI's table output) and as three tables (CSV and
 * Excel through src/io/table-file.ts): one row per supplier, one per criterion ranked by the
 * risk of the suppliers failing it, and the criteria × suppliers matrix (criteria in
 * catalogue order, a column per supplier holding its mark ○ △ ✖, empty when unanswered).
 * Texts in English or Japanese (i18n `assess`).
 *
 * @example
 *   io.out(assessText(summary, 'ja'));
 *   await xlsxFile(assessSheets(summary, 'en'));
 */
import { formatYen, translator, type Lang } from '../i18n/i18n.ts';
import type { TableSheet } from '../io/table-file.ts';
import { MARKS } from './self-assessment.ts';
import { answerOfCode, type AssessSummary, type Counts } from './summary.ts';

const counts = (c: Counts): Record<string, number> => ({
  met: c.met,
  partly: c.partly,
  notMet: c['not-met'],
  unanswered: c.unanswered,
});

/** The readable report: catalogue and its SHA-256, per supplier, then the failing criteria ranked. */
export function assessText(s: AssessSummary, lang: Lang): string {
  const t = translator(lang);
  const lines = [
    t('assess.title', { count: s.suppliers.length }),
    t('assess.catalog', { file: s.catalog.file, criteria: s.catalog.criteria, sha: s.catalog.sha256 }),
    '',
    t('assess.suppliers'),
  ];
  for (const x of s.suppliers) {
    lines.push(
      t('assess.supplierLine', {
        name: x.name,
        id: x.company,
        risk: formatYen(x.riskContribution, lang),
        ...counts(x.star3),
        star4: x.star4 === undefined ? '' : t('assess.star4', counts(x.star4)),
        ready: x.readyForStar3 ? t('assess.ready') : '',
      }),
    );
    if (x.unmet.length > 0) lines.push(t('assess.unmet', { ids: x.unmet.join(', ') }));
  }
  lines.push(t('assess.readyNote'), '', t('assess.criteria'));
  const failing = s.criteria.filter((c) => c.failing > 0);
  for (const c of failing)
    lines.push(
      `${c.rank}. ${t('assess.criterionLine', { id: c.id, text: c.text, count: c.failing, risk: formatYen(c.riskContribution, lang) })}`,
    );
  if (failing.length === 0) lines.push(t('assess.noneFailing'));
  return `${lines.join('\n')}\n`;
}

/** The mark a code of a supplier's `answers` stands for: ○ △ ✖, or null when unanswered. */
export function markOfCode(code: string | undefined): string | null {
  const kind = code === undefined ? undefined : answerOfCode(code);
  return kind === undefined || kind === 'unanswered' ? null : MARKS[kind][0]!;
}

/** The criteria × suppliers matrix: a row per criterion in catalogue order, a column per supplier (highest risk first). */
export function assessMatrixSheet(s: AssessSummary, lang: Lang): TableSheet {
  const t = translator(lang);
  const categories = t('assess.categories', { returnObjects: true }) as unknown as string[];
  const headers = t('assess.matrixColumns', { returnObjects: true }) as unknown as string[];
  const byPosition = [...s.criteria].sort((a, b) => a.position - b.position);
  return {
    name: t('assess.matrixSheet'),
    columns: [
      ...headers.map((header, i) => ({
        header,
        kind: i === 5 ? ('yen' as const) : i === 4 ? ('count' as const) : ('text' as const),
      })),
      ...s.suppliers.map((x) => ({ header: `${x.name} (${x.company})`, kind: 'text' as const })),
    ],
    rows: byPosition.map((c) => [
      c.id,
      `★${c.level}`,
      `${c.category} ${categories[c.category - 1] ?? ''}`,
      c.text,
      c.failing,
      c.riskContribution,
      ...s.suppliers.map((x) => markOfCode(x.answers[c.position])),
    ]),
  };
}

/** The three tables: suppliers, criteria (every criterion, ranked) and the criteria × suppliers matrix. */
export function assessSheets(s: AssessSummary, lang: Lang): TableSheet[] {
  const t = translator(lang);
  const header = (key: string): string[] => t(key, { returnObjects: true }) as unknown as string[];
  const categories = header('assess.categories');
  const supplierHeaders = header('assess.supplierColumns');
  const criterionHeaders = header('assess.criterionColumns');
  const kinds = <K extends string>(hs: string[], kind: (i: number) => K) =>
    hs.map((h, i) => ({ header: h, kind: kind(i) }));
  const c4 = (x: Counts | undefined): (number | null)[] =>
    x === undefined ? [null, null, null, null] : [x.met, x.partly, x['not-met'], x.unanswered];
  return [
    {
      name: t('assess.supplierSheet'),
      columns: kinds(supplierHeaders, (i) => (i === 3 ? 'yen' : i >= 4 && i <= 11 ? 'count' : 'text')),
      rows: s.suppliers.map((x) => [
        x.company,
        x.name,
        x.file,
        x.riskContribution,
        ...c4(x.star3),
        ...c4(x.star4),
        t(x.readyForStar3 ? 'assess.yes' : 'assess.no'),
        x.unmet.join(' '),
      ]),
    },
    {
      name: t('assess.criterionSheet'),
      columns: kinds(criterionHeaders, (i) => (i === 9 ? 'yen' : i === 0 || (i >= 5 && i <= 8) ? 'count' : 'text')),
      rows: s.criteria.map((c) => [
        c.rank,
        c.id,
        `★${c.level}`,
        `${c.category} ${categories[c.category - 1] ?? ''}`,
        c.text,
        c.failing,
        c.notMet,
        c.partly,
        c.unanswered,
        c.riskContribution,
        c.suppliers.join(' '),
      ]),
    },
    assessMatrixSheet(s, lang),
  ];
}
