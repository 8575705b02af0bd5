/**
 * The scores of a company: its effective and own score as bars in the score colours,
 * and its own ★ level against the level its buyers require (the gap in warning colour).
 * The money (MoneyBlock) follows in the same section.
 *
 * @example
 *   <ScoreBlock company={detail.company} />
 */
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { scoreColour } from '../style.ts';
import { levelTexts } from './panel-text.ts';

type Company = CompanyDetailResponse['company'];

function ScoreRow({ label, score, note }: { label: string; score: number; note?: string | undefined }) {
  return (
    <div class="score-row">
      <span class="score-label">{label}</span>
      <span class="score-bar">
        <span class="score-fill" style={{ width: `${Math.max(2, score)}%`, background: scoreColour(score) }} />
      </span>
      <strong class="score-value">{String(score)}</strong>
      {note && <div class="score-note muted">{note}</div>}
    </div>
  );
}

export function ScoreBlock({ company: c }: { company: Company }) {
  const level = levelTexts(c);
  return (
    <>
      <ScoreRow label="Effective score" score={c.effectiveScore} />
      <ScoreRow label="Own score" score={c.ownScore} note={c.unassessed ? 'unassessed — treated as 0' : undefined} />
      <div class={level.gap === null ? 'level-row' : 'level-row gap'}>
        <span>SCS level</span>
        <strong class="own-level">{level.own}</strong>
        <span class="muted"> own · required </span>
        <strong>{level.required}</strong>
        {level.gap !== null && <span class="badge warn">{`gap ${level.gap}`}</span>}
      </div>
    </>
  );
}
