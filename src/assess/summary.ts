/**
 * What a folder of self-assessments says, per supplier and across the supply chain. Per
 * supplier: counts of met, partly met, not met and unanswered criteria for ★3 (and ★4 when
 * it answered any ★4 criterion), whether every ★3 criterion is met ("ready for ★3" — not
 * ★3: the level only counts once an assessment with method `expert` exists) and its unmet
 * criteria. Per criterion: how many suppliers fail it (not met or partly met) and the sum
 * of their risk contributions (¥ per year, from the network's analysis), ranked by that sum:
 * where one shared programme helps most. The full matrix rides along: each supplier's
 * answer to every criterion as one code per criterion in catalogue order (`answers`, codes
 * in ANSWER_CODES), and each criterion's place in that order (`position`).
 *
 * @example
 *   const s = summariseAssessments(catalog, [{ company: 'ota', name: 'Ota', risk: 2.1e9, assessment }]);
 *   s.criteria[0]; // { id: '4-1-3-2', failing: 1, riskContribution: 2.1e9, … }
 */
import type { Catalog, Criterion, Level } from './catalog.ts';
import type { AnswerKind, SelfAssessment } from './self-assessment.ts';

export interface SupplierInput {
  company: string;
  name: string;
  /** The company's risk contribution, ¥ per year. */
  risk: number;
  assessment: SelfAssessment;
}

export type Counts = Record<AnswerKind, number>;

export interface SupplierSummary {
  company: string;
  name: string;
  file: string;
  riskContribution: number;
  star3: Counts;
  /** Present when the supplier answered at least one ★4 criterion. */
  star4?: Counts;
  /** Every ★3 criterion met: ready for an expert's ★3 confirmation (not ★3 itself). */
  readyForStar3: boolean;
  /** Criteria answered not met or partly met, in catalogue order. */
  unmet: string[];
  /** Its answer to every criterion, one ANSWER_CODES letter each, in catalogue order. */
  answers: string;
}

export interface CriterionSummary extends Criterion {
  rank: number;
  /** Its place in the catalogue, 0-based: the index of its code in each supplier's `answers`. */
  position: number;
  /** Suppliers answering not met or partly met. */
  failing: number;
  notMet: number;
  partly: number;
  unanswered: number;
  /** Sum of the failing suppliers' risk contributions, ¥ per year. */
  riskContribution: number;
  /** The failing suppliers' ids, highest risk first. */
  suppliers: string[];
}

export interface AssessSummary {
  catalog: { file: string; sha256: string; criteria: number };
  suppliers: SupplierSummary[];
  criteria: CriterionSummary[];
}

/** One letter per answer in a supplier's `answers`: o met (○), p partly met (△), x not met (✖), - unanswered. */
export const ANSWER_CODES: Record<AnswerKind, string> = { met: 'o', partly: 'p', 'not-met': 'x', unanswered: '-' };

/** The answer a code of `answers` stands for; undefined for any other character. */
export function answerOfCode(code: string): AnswerKind | undefined {
  return (Object.keys(ANSWER_CODES) as AnswerKind[]).find((k) => ANSWER_CODES[k] === code);
}

const fails = (a: AnswerKind): boolean => a === 'not-met' || a === 'partly';
const zero = (): Counts => ({ met: 0, partly: 0, 'not-met': 0, unanswered: 0 });

/** The counts of one level's answers. */
function countsOf(catalog: Catalog, assessment: SelfAssessment, level: Level): Counts {
  const counts = zero();
  for (const c of catalog.criteria)
    if (c.level === level) counts[assessment.answers.get(c.id)?.answer ?? 'unanswered']++;
  return counts;
}

/** One supplier's summary. */
export function summariseSupplier(catalog: Catalog, s: SupplierInput): SupplierSummary {
  const star3 = countsOf(catalog, s.assessment, 3);
  const star4 = countsOf(catalog, s.assessment, 4);
  const answered4 = star4.met + star4.partly + star4['not-met'] > 0;
  return {
    company: s.company,
    name: s.name,
    file: s.assessment.file,
    riskContribution: s.risk,
    star3,
    ...(answered4 ? { star4 } : {}),
    readyForStar3: star3.met === catalog.criteria.filter((c) => c.level === 3).length,
    unmet: catalog.criteria.filter((c) => fails(s.assessment.answers.get(c.id)!.answer)).map((c) => c.id),
    answers: catalog.criteria.map((c) => ANSWER_CODES[s.assessment.answers.get(c.id)!.answer]).join(''),
  };
}

/** Per supplier (highest risk first) and per criterion (highest failing risk first, then most failing, then id). */
export function summariseAssessments(catalog: Catalog, inputs: SupplierInput[]): AssessSummary {
  const byRisk = [...inputs].sort((a, b) => b.risk - a.risk || (a.company < b.company ? -1 : 1));
  const criteria = catalog.criteria.map((c, position) => {
    const answers = byRisk.map((s) => ({ s, answer: s.assessment.answers.get(c.id)!.answer }));
    const failing = answers.filter((x) => fails(x.answer));
    return {
      ...c,
      rank: 0,
      position,
      failing: failing.length,
      notMet: answers.filter((x) => x.answer === 'not-met').length,
      partly: answers.filter((x) => x.answer === 'partly').length,
      unanswered: answers.filter((x) => x.answer === 'unanswered').length,
      riskContribution: failing.reduce((sum, x) => sum + x.s.risk, 0),
      suppliers: failing.map((x) => x.s.company),
    };
  });
  criteria.sort((a, b) => b.riskContribution - a.riskContribution || b.failing - a.failing || (a.id < b.id ? -1 : 1));
  criteria.forEach((c, i) => (c.rank = i + 1));
  return {
    catalog: { file: catalog.file, sha256: catalog.sha256, criteria: catalog.criteria.length },
    suppliers: byRisk.map((s) => summariseSupplier(catalog, s)),
    criteria,
  };
}
