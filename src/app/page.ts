/**
 * One page of a ranked list: the items `offset .. offset + limit - 1` with the total, as
 * every list of the API and the CLI's paged output answers it.
 *
 * @example
 *   paginate(['a', 'b', 'c'], 1, 1); // { total: 3, offset: 1, limit: 1, items: ['b'] }
 */
export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

/** The page `offset .. offset + limit - 1` of `list`, with its total. */
export function paginate<T>(list: readonly T[], offset: number, limit: number): Page<T> {
  return { total: list.length, offset, limit, items: list.slice(offset, offset + limit) };
}
