/**
 * The analysis date picker, first of the map's filters ("As of" / 基準日): a native date
 * input showing the chosen date (today by default), a "Today" button that goes back to
 * today, and a line saying what the date means. A change calls `onChange` with the new
 * date, or null for today; the page then keeps it in the address and loads everything
 * again as of that date. An empty or impossible date is ignored (the input shows the last
 * good one again).
 *
 * @example
 *   <AsOfPicker store={store} today={todayUtc()} onChange={(date) => setAsOf(date)} />
 */
import { isIsoDate } from '../as-of.ts';
import { t } from '../i18n.ts';
import type { Store } from '../state.ts';

export interface AsOfPickerProps {
  store: Pick<Store, 'asOf'>;
  /** Today (YYYY-MM-DD, UTC): the default date. */
  today: string;
  onChange(date: string | null): void;
}

/** The date a change of the input means: null for today, the date, or undefined to ignore it. */
export function pickedDate(value: string, today: string): string | null | undefined {
  if (!isIsoDate(value)) return undefined;
  return value === today ? null : value;
}

/** What the chosen date shows, in one line. */
export function asOfWhy(chosen: string | null, today: string): string {
  if (chosen === null || chosen === today) return t('web.asOf.whyToday');
  return t(chosen < today ? 'web.asOf.whyPast' : 'web.asOf.whyFuture', { date: chosen });
}

export function AsOfPicker({ store, today, onChange }: AsOfPickerProps) {
  const chosen = store.asOf.value;
  const onPick = (e: Event): void => {
    const input = e.currentTarget as HTMLInputElement;
    const date = pickedDate(input.value, today);
    if (date === undefined) {
      input.value = chosen ?? today;
      return;
    }
    if (date !== chosen) onChange(date);
  };
  return (
    <>
      <label for="as-of-date" title={t('web.asOf.title')}>
        {t('web.asOf.label')}
      </label>
      <div class={chosen === null ? 'as-of' : 'as-of dated'}>
        <input
          id="as-of-date"
          type="date"
          aria-describedby="as-of-why"
          value={chosen ?? today}
          required
          onChange={onPick}
        />
        <button
          type="button"
          class="as-of-today"
          disabled={chosen === null}
          title={t('web.asOf.todayTitle')}
          onClick={() => onChange(null)}
        >
          {t('web.asOf.today')}
        </button>
      </div>
      <p class="filter-why" id="as-of-why">
        {asOfWhy(chosen, today)}
      </p>
    </>
  );
}
