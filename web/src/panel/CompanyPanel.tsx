/**
 * The panel of one company, from GET /api/companies/:id: who it is, its effective and
 * own score with the server's one-sentence explanation and its money, the simulate and
 * expand buttons, its exposure path to the root-cause weak link, its critical suppliers,
 * its blast radius, the focal companies' tier-1 suppliers that depend on it, the ★ level
 * its buyers require against its own, and its suppliers and buyers, and its assessments
 * with their status as of the analysis date (with `ctx.assessments`). Every company named
 * is a link that focuses the map on it. With `ctx.edit`
 * (analyst, admin) it offers "Edit level"; with `ctx.onLetter`, a supplier's panel offers
 * "Request letter". Nothing is computed here.
 *
 * @example
 *   render(<CompanyPanel key={detail.company.id} detail={detail} ctx={ctx} />, panel);
 */
import { lang, t } from '../i18n.ts';
import type { CompanyDetailResponse } from '../../../src/contract/api-types.ts';
import { Assessments } from './Assessments.tsx';
import { BlastRadius } from './BlastRadius.tsx';
import { CompanyHeader } from './CompanyHeader.tsx';
import type { PanelContext } from './context.ts';
import { CriticalSuppliers } from './CriticalSuppliers.tsx';
import { ExposurePath } from './ExposurePath.tsx';
import { LevelEditor } from './LevelEditor.tsx';
import { LevelGap } from './LevelGap.tsx';
import { MoneyBlock } from './MoneyBlock.tsx';
import { simulateLabel } from './panel-text.ts';
import { ScoreBlock } from './ScoreBlock.tsx';
import { BuyerList, SupplierList } from './SupplyList.tsx';
import { Tier1Dependants } from './Tier1Dependants.tsx';

/** Why the effective score is what it is, in the page's language (the server's own sentence in English). */
export function explanationText(detail: Pick<CompanyDetailResponse, 'explanation' | 'exposurePath'>): string {
  const path = detail.exposurePath;
  if (lang.value === 'en' || path.length === 0) return detail.explanation;
  const first = path[0]!;
  const root = path[path.length - 1]!;
  const unassessed = root.unassessed ? t('web.panel.explain.unassessed') : '';
  if (path.length === 1) return t('web.panel.explain.same', { own: first.ownScore, unassessed });
  const next = path[1]!;
  const values = {
    eff: first.effectiveScore,
    own: first.ownScore,
    commodity: next.commodity ?? '',
    name: next.name,
    nextEff: next.effectiveScore,
    root: root.name,
    rootOwn: root.ownScore,
    unassessed,
  };
  return t(path.length === 2 ? 'web.panel.explain.direct' : 'web.panel.explain.chain', values);
}

export function CompanyPanel({ detail, ctx }: { detail: CompanyDetailResponse; ctx: PanelContext }) {
  const c = detail.company;
  const focus = (id: string): void => ctx.onFocus(id);
  return (
    <>
      <CompanyHeader detail={detail} onClose={() => ctx.onClose()} />
      <section class="scores">
        <ScoreBlock company={c} />
        <MoneyBlock company={c} structural={detail.structuralImportance} />
        {ctx.edit && <LevelEditor company={c} edit={ctx.edit} />}
      </section>
      <p class="explanation">{explanationText(detail)}</p>
      <div class="actions">
        <button class="primary danger" data-action="simulate" onClick={() => ctx.onSimulate()}>
          {simulateLabel(ctx.selection.length)}
        </button>
        {ctx.onLetter && c.requiredLevel !== null && (
          <button data-action="letter" title={t('request.buttonTitle')} onClick={() => ctx.onLetter!(c.id)}>
            {t('request.button')}
          </button>
        )}
        {ctx.hiddenSuppliers > 0 && (
          <button data-action="expand" onClick={() => ctx.onExpand(c.id)}>
            {t('web.panel.showHidden', { count: ctx.hiddenSuppliers })}
          </button>
        )}
      </div>
      <ExposurePath path={detail.exposurePath} onFocus={focus} />
      <CriticalSuppliers detail={detail} onFocus={focus} />
      <BlastRadius detail={detail} onFocus={focus} />
      {ctx.dependants && !c.focal && <Tier1Dependants id={c.id} load={ctx.dependants} onFocus={focus} />}
      {detail.levelGap && <LevelGap gap={detail.levelGap} onFocus={focus} />}
      {ctx.assessments && <Assessments company={c.id} detail={detail} ctx={ctx.assessments} />}
      <SupplierList detail={detail} onFocus={focus} />
      <BuyerList detail={detail} onFocus={focus} />
    </>
  );
}
