/**
 * The map's filters (depth upstream of the focal companies, commodity, country, only the
 * paths to critical suppliers), each with a short line saying what its value shows.
 * A change writes the store's filters and calls `onChange` (which reloads the overview).
 */
import { depthOptions, filterExplanations, type FilterState, type Store } from '../state.ts';
import './shell.css';

export interface FiltersProps {
  store: Store;
  onChange(filters: FilterState): void;
}

export function Filters({ store, onChange }: FiltersProps) {
  const f = store.filters.value;
  const summary = store.summary.value;
  const why = filterExplanations(f);
  const set = (patch: Partial<FilterState>): void => {
    const next = { ...store.filters.value, ...patch };
    store.filters.value = next;
    onChange(next);
  };
  const value = (event: Event): string => (event.currentTarget as HTMLSelectElement).value;
  return (
    <>
      <label for="filter-depth">Depth upstream of the focal companies</label>
      <select
        id="filter-depth"
        aria-describedby="filter-depth-why"
        value={String(f.depth)}
        onChange={(e) => set({ depth: Number(value(e)) })}
      >
        {(summary ? depthOptions(summary.maxTier) : [{ value: f.depth, label: `${f.depth} tiers up` }]).map((o) => (
          <option key={o.value} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <p class="filter-why" id="filter-depth-why">
        {why.depth}
      </p>
      <label for="filter-commodity">Commodity</label>
      <select
        id="filter-commodity"
        aria-describedby="filter-commodity-why"
        value={f.commodity}
        onChange={(e) => set({ commodity: value(e) })}
      >
        <option value="">All commodities</option>
        {(summary?.commodities ?? []).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <p class="filter-why" id="filter-commodity-why">
        {why.commodity}
      </p>
      <label for="filter-country">Country</label>
      <select
        id="filter-country"
        aria-describedby="filter-country-why"
        value={f.country}
        onChange={(e) => set({ country: value(e) })}
      >
        <option value="">All countries</option>
        {(summary?.countries ?? []).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <p class="filter-why" id="filter-country-why">
        {why.country}
      </p>
      <label class="check">
        <input
          id="filter-critical"
          aria-describedby="filter-critical-why"
          type="checkbox"
          checked={f.criticalOnly}
          onChange={(e) => set({ criticalOnly: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        Only paths to critical suppliers
      </label>
      <p class="filter-why" id="filter-critical-why">
        {why.critical}
      </p>
    </>
  );
}
