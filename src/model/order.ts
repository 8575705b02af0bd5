/**
 * The orders every list is sorted in, in one place: ids and names in plain string order
 * (UTF-16 code units, so `c10` comes before `c2` — the same on every machine, unlike a
 * locale's collation), and a stable counting sort for the index-based reports, which
 * sorts by several integer keys in linear time.
 */

/** Plain string order. Example: `ids.sort(byString)`. */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A stable counting sort of `items` by an integer key in [0, range): applied from the
 * least significant key to the most, it sorts by several keys in O(keys × (items + range)).
 */
export function sortByKey(items: Int32Array, key: (item: number) => number, range: number): Int32Array {
  const start = new Int32Array(range + 1);
  for (let k = 0; k < items.length; k++) start[key(items[k]!) + 1]!++;
  for (let r = 0; r < range; r++) start[r + 1]! += start[r]!;
  const out = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) out[start[key(items[k]!)]!++] = items[k]!;
  return out;
}
