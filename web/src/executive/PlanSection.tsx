/**
 * Where a shared security budget buys the most: the plan headline ("¥48M spent on 9
 * suppliers cuts … by 62% — the best possible plan"), the loss before → after a year
 * for the budget, and the first five lifts it buys (¥ once, ¥ avoided a year).
 *
 * @example
 *   <PlanSection data={data} />
 */
import type { ExecutiveResponse } from '../../../src/contract/api-types.ts';
import { t } from '../i18n.ts';
import { planHeadline } from '../replay.ts';
import { shortName } from '../to-elements.ts';
import { liftText, planSub, scopeOf } from './headline.ts';

const SHOWN = 5;

export function PlanSection({ data }: { data: ExecutiveResponse }) {
  const plan = data.plan;
  return (
    <section
      class="plan-headline"
      data-kpi="plan"
      data-cut={plan.cutPercent}
      data-spent={plan.spent}
      data-suppliers={plan.suppliers}
      data-optimal={String(plan.optimal)}
    >
      <p class="eyebrow">{t('web.exec.planEyebrow')}</p>
      <p class="headline" id="exec-plan-headline">
        {planHeadline(plan, scopeOf(data).whose)}
      </p>
      <p class="sub">{planSub(plan, data.assumptions.planTargets)}</p>
      {plan.lifts.length > 0 && (
        <ol class="plan-lifts">
          {plan.lifts.slice(0, SHOWN).map((l) => (
            <li key={l.supplier} data-id={l.supplier}>
              <strong>{shortName(l.name)}</strong>
              {liftText(l)}
            </li>
          ))}
          {plan.lifts.length > SHOWN && (
            <li class="muted">{t('web.exec.moreLifts', { count: plan.lifts.length - SHOWN })}</li>
          )}
        </ol>
      )}
    </section>
  );
}
