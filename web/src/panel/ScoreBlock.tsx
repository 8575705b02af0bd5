/**
 * The scores of a company: its effective and own score as bars in the score colours,
 * and its own ★ level against the level its buyers require (the gap in warning colour).
 * The money (MoneyBlock) follows in the same section.
 *
 * @example
 *   <ScoreBlock company={detail.company} />
 */
import { t } from '../i18n.ts';
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
      <ScoreRow label={t('web.panel.effective')} score={c.effectiveScore} />
      <ScoreRow
        label={t('web.panel.own')}
        score={c.ownScore}
        note={c.unassessed ? t('web.panel.ownUnassessed') : undefined}
      />
      <div class={level.gap === null ? 'level-row' : 'level-row gap'}>
        <span>{t('web.panel.scsLevel')}</span>
        <strong class="own-level">{level.own}</strong>
        <span class="muted">{t('web.panel.ownRequired')}</span>
        <strong>{level.required}</strong>
        {level.gap !== null && <span class="badge warn">{t('web.panel.gap', { n: level.gap })}</span>}
      </div>
    </>
  );
}
