/**
 * Picking a company by name or id: a search box over GET /api/companies (debounced while
 * typing; Enter takes the exact id or the first match) with its list of matches, and
 * `CompanyField`, a what-if field that shows the company picked (× to change it) or the
 * box, with a button to take the company selected last on the map.
 *
 * @example
 *   <CompanySearch app={app} id="scenario-add" placeholder="Add a company…" onPick={(c) => add(c.id)} />
 */
import { t } from '../i18n.ts';
import { useRef, useState } from 'preact/hooks';
import type { CompanyRow } from '../../../src/contract/api-types.ts';
import { shortName } from '../to-elements.ts';
import type { ScenarioApp } from './app.ts';

type Picked = Pick<CompanyRow, 'id' | 'name'>;

interface SearchProps {
  app: ScenarioApp;
  id: string;
  placeholder: string;
  label?: string;
  onPick(company: Picked): void;
}

export function CompanySearch({ app, id, placeholder, label, onPick }: SearchProps) {
  const [items, setItems] = useState<CompanyRow[] | null>(null);
  const timer = useRef(0);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  async function search(q: string): Promise<CompanyRow[]> {
    const mine = ++seq.current;
    const list = await app.ctx.api.companies({ q, limit: 8 });
    if (mine === seq.current) setItems(list.items);
    return list.items;
  }
  function pick(c: Picked): void {
    app.ctx.remember(c.id, c.name);
    if (input.current) input.current.value = '';
    seq.current++;
    setItems(null);
    onPick(c);
  }
  function onInput(e: Event): void {
    window.clearTimeout(timer.current);
    const q = (e.currentTarget as HTMLInputElement).value.trim();
    if (!q) return setItems(null);
    timer.current = window.setTimeout(() => void app.ctx.track(search(q)), 180);
  }
  function onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') setItems(null);
    if (e.key !== 'Enter') return;
    e.preventDefault();
    window.clearTimeout(timer.current);
    const q = (e.currentTarget as HTMLInputElement).value.trim();
    if (!q) return;
    void app.ctx.track(
      search(q).then((found) => {
        const match = found.find((c) => c.id === q) ?? found[0];
        if (match) pick(match);
      }),
    );
  }

  return (
    <div class="search">
      <input
        ref={input}
        id={id}
        type="search"
        placeholder={placeholder}
        aria-label={label}
        autocomplete="off"
        spellcheck={false}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setItems(null), 150)}
      />
      <ul class="search-results" hidden={items === null}>
        {items?.length === 0 && <li class="muted empty">{t('web.shell.noMatch')}</li>}
        {items?.map((c) => (
          <li key={c.id} class="result" data-id={c.id} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(c)}>
            <span class="result-name">{c.name}</span>
            <span class="result-meta muted">{c.id}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  app: ScenarioApp;
  id: string;
  label: string;
  value: string;
  onChange(id: string): void;
}

/** A company field of the what-if form: the company picked, or a search box. */
export function CompanyField({ app, id, label, value, onChange }: FieldProps) {
  const selected = app.store.selection.value;
  const last = selected[selected.length - 1];
  return (
    <div class="whatif-field" data-field={id}>
      <label for={value ? undefined : id}>{label}</label>
      {value ? (
        <span class="chip" data-id={value} title={value}>
          {shortName(app.ctx.nameOf(value))}
          <button
            class="chip-x"
            type="button"
            title={t('web.scn.change')}
            aria-label={t('web.scn.changeLabel', { label })}
            onClick={() => onChange('')}
          >
            ×
          </button>
        </span>
      ) : (
        <>
          <CompanySearch
            app={app}
            id={id}
            label={label}
            placeholder={t('web.shell.findPlaceholder')}
            onPick={(c) => onChange(c.id)}
          />
          {last && (
            <button type="button" class="link-button use-selection" onClick={() => onChange(last)}>
              {t('web.scn.useSelected', { name: shortName(app.ctx.nameOf(last)) })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
