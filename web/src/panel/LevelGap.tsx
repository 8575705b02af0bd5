/**
 * The level gap of a company: its own ★ level against the one its buyers require, and
 * which buyer asks ★4 for which commodity and why.
 *
 * @example
 *   {detail.levelGap && <LevelGap gap={detail.levelGap} onFocus={focus} />}
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { CompanyLink, Section, type Focus } from './common.tsx';
import { gapReasons, levelGapTitle } from './panel-text.ts';

type Gap = NonNullable<CompanyDetailResponse['levelGap']>;

export function LevelGap({ gap, onFocus }: { gap: Gap; onFocus: Focus }) {
  return (
    <Section title={levelGapTitle(gap)}>
      {gap.askedBy.length === 0 ? (
        <p class="muted">{t('web.panel.gapBasic')}</p>
      ) : (
        <ul class="plain">
          {gap.askedBy.map((a) => (
            <li key={`${a.buyer}:${a.commodity}`}>
              <CompanyLink id={a.buyer} name={a.buyerName} onFocus={onFocus} />
              <span class="muted">{t('web.panel.asks4', { commodity: a.commodity })}</span>
              {gapReasons(a.reasons)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
