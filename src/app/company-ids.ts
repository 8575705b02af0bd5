/**
 * Company ids given by a user (the CLI's options, an API request) checked against the
 * network, the same way everywhere: every unknown id is refused with a NotFoundError that
 * names the input field and up to ten of the ids (exit 2 from the CLI, 404 from the API).
 */
import { NotFoundError } from '../errors.ts';
import type { IndexedNetwork } from '../model/index-network.ts';

/** The ids of `ids` as company indices; a NotFoundError on `field` naming up to ten unknown ones. */
export function companyIndicesOf(index: IndexedNetwork, ids: readonly string[], field: string): number[] {
  const unknown = ids.filter((id) => !index.indexOf.has(id));
  if (unknown.length > 0) {
    const list =
      unknown
        .slice(0, 10)
        .map((u) => `"${u}"`)
        .join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
    const s = unknown.length > 1 ? 's' : '';
    throw new NotFoundError(
      `unknown company id${s} ${list} in ${field}; use ids from companies.csv (the API searches them with GET /api/companies?q=…)`,
      unknown[0],
      field,
    );
  }
  return ids.map((id) => index.indexOf.get(id)!);
}
