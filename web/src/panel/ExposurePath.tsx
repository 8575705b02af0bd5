/**
 * The exposure path of a company: from it, commodity by commodity, up to its root-cause
 * weak link (the last step, marked "root cause"); each step a link with its effective
 * and own score. A path of one step: the company is its own weakest link.
 *
 * @example
 *   <ExposurePath path={detail.exposurePath} onFocus={focus} />
 */
import { t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { scoreColour } from '../style.ts';
import { CompanyLink, Section, type Focus } from './common.tsx';

export function ExposurePath({ path, onFocus }: { path: CompanyDetailResponse['exposurePath']; onFocus: Focus }) {
  const last = path.length - 1;
  return (
    <Section title={t('web.panel.pathTitle')}>
      {path.length <= 1 ? (
        <p class="muted">{t('web.panel.pathOwn')}</p>
      ) : (
        <ol class="path-list">
          {path.map((step, i) => (
            <li key={`${i}:${step.id}`} class={i === last ? 'root' : ''}>
              <span class="dot" style={{ background: scoreColour(step.effectiveScore) }} />
              <CompanyLink id={step.id} name={step.name} onFocus={onFocus} />
              <span class="muted">{t('web.panel.pathScores', { eff: step.effectiveScore, own: step.ownScore })}</span>
              {step.commodity && i < last && (
                <div class="via">{t('web.panel.needs', { commodity: step.commodity })}</div>
              )}
              {i === last && <div class="via root-label">{t('web.panel.rootCause')}</div>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
