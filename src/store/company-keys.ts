/**
 * Company keys in the stores: the one check a store makes before loading (company ids are
 * unique and every supply and assessment names loaded companies; the readers validate far more, this
 * guards against a network built in code, where Neo4j would drop a dangling supply or
 * assessment silently), and the NotFoundError both stores throw for ids not in the loaded network.
 */
import { InputError, NotFoundError } from '../errors.ts';
import type { Issue, Network } from '../model/types.ts';

const MAX_ISSUES = 20;

/** Throws InputError naming the first problems (duplicate ids, unknown supplier, buyer or assessed company). */
export function checkKeys(network: Network): void {
  const ids = new Set<string>();
  const issues: Issue[] = [];
  let count = 0;
  const problem = (file: string, index: number, field: string, value: string, message: string): void => {
    count++;
    if (issues.length < MAX_ISSUES)
      issues.push({ severity: 'error', file, field: `[${index}].${field}`, value, message });
  };
  network.companies.forEach((company, index) => {
    if (ids.has(company.id))
      problem('companies', index, 'id', company.id, `company id "${company.id}" appears twice; ids must be unique`);
    ids.add(company.id);
  });
  network.supplies.forEach((supply, index) => {
    for (const field of ['supplier', 'buyer'] as const) {
      const id = supply[field];
      if (!ids.has(id)) problem('supplies', index, field, id, `${field} "${id}" is not a company of the network`);
    }
  });
  (network.assessments ?? []).forEach((assessment, index) => {
    const id = assessment.company;
    if (!ids.has(id)) problem('assessments', index, 'company', id, `company "${id}" is not a company of the network`);
  });
  if (count > 0) {
    throw new InputError(
      `store: the network cannot be loaded: ${issues[0]?.message} (${count} problem(s) in all)`,
      issues,
    );
  }
}

/** NotFoundError for results that name companies not in the active network. */
export function unknownCompanies(ids: string[]): NotFoundError {
  const shown = ids
    .slice(0, 5)
    .map((id) => `"${id}"`)
    .join(', ');
  const more = ids.length > 5 ? ` and ${ids.length - 5} more` : '';
  return new NotFoundError(
    `store: results name companies not in the loaded network: ${shown}${more}; re-run the analysis on the loaded network`,
    ids[0],
  );
}
