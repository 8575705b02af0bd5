/**
 * Find a company: the search input and its results list. Typing searches after a short
 * pause (the newest answer wins; the pause counts as busy so tests can wait for quiet);
 * ↑/↓ move through the results, Enter opens the active one — or, when the list is for an
 * older query, waits for the answer to what is typed and opens its first match; Escape
 * closes the list.
 */
import { useRef, useState } from 'preact/hooks';
import type { CompanyRow } from '../../../src/contract/api-types.ts';
import { formatLevel } from '../format.ts';
import { t } from '../i18n.ts';
import { tierText } from '../panel/panel-text.ts';
import type { Store } from '../state.ts';
import { scoreColour } from '../style.ts';

export interface SearchBoxProps {
  store: Store;
  /** The companies matching `q` (undefined when the search failed). */
  search(q: string): Promise<CompanyRow[] | undefined>;
  onPick(company: CompanyRow): void;
}

const DEBOUNCE_MS = 180;

function Result({ c, active, onPick }: { c: CompanyRow; active: boolean; onPick(c: CompanyRow): void }) {
  const meta = [c.country, tierText(c.tier), c.unassessed ? t('web.panel.unassessed') : formatLevel(c.ownLevel)];
  return (
    <li
      class={active ? 'result active' : 'result'}
      data-id={c.id}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onPick(c)}
    >
      <span class="score-chip" style={{ background: scoreColour(c.effectiveScore) }}>
        {c.unassessed ? '?' : String(c.effectiveScore)}
      </span>
      <span class="result-name">{c.name}</span>
      <span class="result-meta muted">{meta.filter(Boolean).join(' · ')}</span>
    </li>
  );
}

export function SearchBox({ store, search, onPick }: SearchBoxProps) {
  const [results, setResults] = useState<CompanyRow[] | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef(0);
  const seq = useRef(0);
  /** The query whose results are listed. */
  const shown = useRef('');

  async function searchNow(q: string): Promise<CompanyRow[] | undefined> {
    const mine = ++seq.current;
    const items = await search(q);
    if (!items || mine !== seq.current) return undefined;
    setResults(items);
    setActive(-1);
    setOpen(true);
    shown.current = q;
    return items;
  }
  function cancelPending(): void {
    if (timer.current === 0) return;
    window.clearTimeout(timer.current);
    timer.current = 0;
    store.busy.value--;
  }
  function pick(c: CompanyRow): void {
    if (input.current) input.current.value = c.name;
    setOpen(false);
    onPick(c);
  }
  function onInput(event: Event): void {
    cancelPending();
    const q = (event.currentTarget as HTMLInputElement).value.trim();
    if (!q) {
      shown.current = '';
      setOpen(false);
      return;
    }
    store.busy.value++;
    timer.current = window.setTimeout(() => {
      timer.current = 0;
      store.busy.value--;
      void searchNow(q);
    }, DEBOUNCE_MS);
  }
  function onKeyDown(event: KeyboardEvent): void {
    const items = open ? (results ?? []) : [];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(0, Math.min(items.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      const q = (event.currentTarget as HTMLInputElement).value.trim();
      if (q !== '' && q !== shown.current) {
        // The list is for an older query: search what is typed now, then open its first match.
        event.preventDefault();
        cancelPending();
        void searchNow(q).then((found) => found?.[0] && pick(found[0]));
        return;
      }
      const chosen = items[Math.max(active, 0)];
      if (chosen) pick(chosen);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }
  return (
    <>
      <label for="search">{t('web.shell.find')}</label>
      <input
        id="search"
        ref={input}
        type="search"
        placeholder={t('web.shell.findPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      <ul id="search-results" class="search-results" hidden={!open}>
        {results?.length === 0 && <li class="muted empty">{t('web.shell.noMatch')}</li>}
        {results?.map((c, i) => (
          <Result key={c.id} c={c} active={i === active} onPick={pick} />
        ))}
      </ul>
    </>
  );
}
