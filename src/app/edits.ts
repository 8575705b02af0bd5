/**
 * The edits an analyst can make, as pure functions from a network to the edited network
 * (the input is never changed): a company's `scsLevel` and `securityScore`, and one
 * supply's `share`. A share is set as given — nothing is rescaled — and the rule of
 * the data model still holds afterwards: the shares of a (buyer, commodity) group are all
 * given or all missing, else a UsageError naming `share`; a sum off 1 by more than 0.01
 * is a warning (the analysis scales the group to 1, as for a loaded file). The level of a
 * company with assessment rows comes from its assessments: setting its `scsLevel` is a
 * ConflictError saying to record an assessment instead.
 *
 * @example
 *   const { network: next } = editCompany(network, 'c7', { scsLevel: 3 });
 */
import { ConflictError, NotFoundError, UsageError } from '../errors.ts';
import type { Company, Network, Supply } from '../model/types.ts';

export const DEFAULTS = { shareSumTolerance: 0.01 };

export interface CompanyPatch {
  scsLevel?: number | null | undefined;
  securityScore?: number | null | undefined;
}

export interface CompanyEdit {
  network: Network;
  before: Pick<Company, 'scsLevel' | 'securityScore'>;
  after: Pick<Company, 'scsLevel' | 'securityScore'>;
  changed: boolean;
}

/**
 * Sets the level and/or score of company `id`; throws NotFoundError (`id`) for an unknown id,
 * ConflictError when `patch` sets the level of a company that has assessment rows.
 */
export function editCompany(network: Network, id: string, patch: CompanyPatch): CompanyEdit {
  const at = network.companies.findIndex((c) => c.id === id);
  const company = network.companies[at];
  if (company === undefined)
    throw new NotFoundError(`Unknown company id "${id}"; search with GET /api/companies?q=…`, id, 'id');
  if (patch.scsLevel !== undefined && network.assessments?.some((a) => a.company === id) === true) {
    throw new ConflictError(
      `scsLevel: the level of "${id}" comes from its assessments (as of the analysis date), not from scsLevel; record an assessment with POST /api/assessments instead`,
    );
  }
  const before = { scsLevel: company.scsLevel, securityScore: company.securityScore };
  const after = {
    scsLevel: patch.scsLevel === undefined ? company.scsLevel : patch.scsLevel,
    securityScore: patch.securityScore === undefined ? company.securityScore : patch.securityScore,
  };
  const changed = after.scsLevel !== before.scsLevel || after.securityScore !== before.securityScore;
  if (!changed) return { network, before, after, changed };
  const companies = network.companies.slice();
  companies[at] = { ...company, ...after };
  return { network: { ...network, companies }, before, after, changed };
}

export interface SupplyKey {
  supplier: string;
  buyer: string;
  commodity: string;
}

export interface SupplyEdit {
  network: Network;
  before: number | null;
  changed: boolean;
  group: { buyer: string; commodity: string; supplies: number; shareSum: number | null };
  warnings: string[];
}

/** Sets the share of one supply; throws NotFoundError for an unknown supply, UsageError (`share`) when its group would mix given and missing shares. */
export function editSupplyShare(network: Network, key: SupplyKey, share: number | null): SupplyEdit {
  const at = network.supplies.findIndex(
    (s) => s.supplier === key.supplier && s.buyer === key.buyer && s.commodity === key.commodity,
  );
  const supply = network.supplies[at];
  if (supply === undefined) {
    throw new NotFoundError(
      `No supply of "${key.commodity}" from "${key.supplier}" to "${key.buyer}"; GET /api/companies/{buyer} lists its suppliers.`,
      key.supplier,
    );
  }
  const others = network.supplies.filter((s, i) => i !== at && s.buyer === key.buyer && s.commodity === key.commodity);
  const mixed = others.filter((s) => (s.share === null) !== (share === null));
  if (mixed.length > 0) {
    const what = share === null ? 'have a share' : 'have no share';
    throw new UsageError(
      `share: the other ${others.length} suppl${others.length === 1 ? 'y' : 'ies'} of "${key.commodity}" to "${key.buyer}" ${what}; ` +
        `a group's shares are all given or all missing — edit them too, or upload the network (PUT /api/network)`,
      'share',
    );
  }
  const edited: Supply = { ...supply, share };
  const supplies = network.supplies.slice();
  supplies[at] = edited;
  const group = [edited, ...others];
  const shareSum = share === null ? null : group.reduce((sum, s) => sum + (s.share ?? 0), 0);
  const warnings: string[] = [];
  if (shareSum !== null && Math.abs(shareSum - 1) > DEFAULTS.shareSumTolerance) {
    warnings.push(
      `the shares of "${key.commodity}" to "${key.buyer}" sum to ${+shareSum.toFixed(6)}, not 1; the analysis scales them to sum 1`,
    );
  }
  return {
    network: share === supply.share ? network : { ...network, supplies },
    before: supply.share,
    changed: share !== supply.share,
    group: { buyer: key.buyer, commodity: key.commodity, supplies: group.length, shareSum },
    warnings,
  };
}
