/**
 * The map's filters (depth upstream of the focal companies, commodity, country, only the
 * paths to critical suppliers), each with a short line saying what its value shows.
 * A change writes the store's filters and calls `onChange` (which reloads the overview).
 * With `asOf`, the analysis date picker (AsOfPicker.tsx) comes first.
 */
import { t } from '../i18n.ts';
import { AsOfPicker, type AsOfPickerProps } from './AsOfPicker.tsx';
import { depthOptions, filterExplanations, type FilterState, type Store } from '../state.ts';
import './shell.css';

export interface FiltersProps {
  store: Store;
  onChange(filters: FilterState): void;
  /** The analysis date picker: today's date and what a change does. */
  asOf?: Omit<AsOfPickerProps, 'store'>;
}

interface FilterSelectProps {
  /** The filter's name: ids `filter-NAME` and `filter-NAME-why`. */
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  why: string;
  onPick(value: string): void;
}

/** One filter: its label, its select and the line saying what the chosen value shows. */
function FilterSelect({ name, label, value, options, why, onPick }: FilterSelectProps) {
  return (
    <>
      <label for={`filter-${name}`}>{label}</label>
      <select
        id={`filter-${name}`}
        aria-describedby={`filter-${name}-why`}
        value={value}
        onChange={(e) => onPick((e.currentTarget as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p class="filter-why" id={`filter-${name}-why`}>
        {why}
      </p>
    </>
  );
}

const all = (label: string, values: readonly string[] = []) => [
  { value: '', label },
  ...values.map((v) => ({ value: v, label: v })),
];

export function Filters({ store, onChange, asOf }: FiltersProps) {
  const f = store.filters.value;
  const summary = store.summary.value;
  const why = filterExplanations(f);
  const set = (patch: Partial<FilterState>): void => {
    const next = { ...store.filters.value, ...patch };
    store.filters.value = next;
    onChange(next);
  };
  const depths = summary
    ? depthOptions(summary.maxTier)
    : [{ value: f.depth, label: t('web.filters.depthUp', { count: f.depth }) }];
  return (
    <>
      {asOf && <AsOfPicker store={store} today={asOf.today} onChange={asOf.onChange} />}
      <FilterSelect
        name="depth"
        label={t('web.filters.depth')}
        value={String(f.depth)}
        options={depths.map((o) => ({ value: String(o.value), label: o.label }))}
        why={why.depth}
        onPick={(v) => set({ depth: Number(v) })}
      />
      <FilterSelect
        name="commodity"
        label={t('web.filters.commodity')}
        value={f.commodity}
        options={all(t('web.filters.allCommodities'), summary?.commodities)}
        why={why.commodity}
        onPick={(v) => set({ commodity: v })}
      />
      <FilterSelect
        name="country"
        label={t('web.filters.country')}
        value={f.country}
        options={all(t('web.filters.allCountries'), summary?.countries)}
        why={why.country}
        onPick={(v) => set({ country: v })}
      />
      <label class="check">
        <input
          id="filter-critical"
          aria-describedby="filter-critical-why"
          type="checkbox"
          checked={f.criticalOnly}
          onChange={(e) => set({ criticalOnly: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        {t('web.filters.critical')}
      </label>
      <p class="filter-why" id="filter-critical-why">
        {why.critical}
      </p>
    </>
  );
}
