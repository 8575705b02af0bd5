/**
 * The what-if form's draft (as typed) turned into an operation of POST /api/scenario
 * `whatIf`, or the reason it cannot be yet. Pure, tested in test/web.
 *
 * @example
 *   opFromDraft({ ...EMPTY_DRAFT, company: 'ota-springs', level: '4' }); // { op: { op: 'raise-level', company: 'ota-springs', level: 4 } }
 */
import { t } from '../i18n.ts';
import type { WhatIfOp } from '../../../src/contract/api-types.ts';

export type OpKind = WhatIfOp['op'];

/** The what-if form as typed. */
export interface OpDraft {
  kind: OpKind;
  company: string;
  level: string;
  buyer: string;
  supplier: string;
  commodity: string;
  /** Percent, 1 … 100. */
  share: string;
}

export const EMPTY_DRAFT: OpDraft = {
  kind: 'raise-level',
  company: '',
  level: '4',
  buyer: '',
  supplier: '',
  commodity: '',
  share: '30',
};

/** The operation of a draft, or the reason it is not complete. */
export function opFromDraft(d: OpDraft): { op: WhatIfOp } | { problem: string } {
  if (d.kind === 'raise-level' || d.kind === 'remove-supplier') {
    if (!d.company) return { problem: t('web.scn.pickCompany') };
    if (d.kind === 'remove-supplier') return { op: { op: 'remove-supplier', company: d.company } };
    const level = Number(d.level);
    if (!(Number.isInteger(level) && level >= 0 && level <= 5)) return { problem: t('web.scn.levelError') };
    return { op: { op: 'raise-level', company: d.company, level } };
  }
  if (!d.buyer) return { problem: t('web.scn.pickBuyer') };
  if (!d.supplier) return { problem: t('web.scn.pickSupplier') };
  if (d.buyer === d.supplier) return { problem: 'A company cannot supply itself.' };
  const commodity = d.commodity.trim();
  if (!commodity) return { problem: t('web.scn.nameCommodity') };
  const share = Number(d.share);
  if (!(share > 0 && share <= 100)) return { problem: t('web.scn.shareError') };
  return { op: { op: 'add-supplier', buyer: d.buyer, supplier: d.supplier, commodity, share: share / 100 } };
}
