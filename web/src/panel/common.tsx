/**
 * The pieces every part of the company panel uses: a company link that focuses the map
 * (its text is the company name, always as text), a titled section, and a list capped at
 * LIST_LIMIT entries with a "Show all N" button.
 *
 * @example
 *   <Section title="Suppliers (3)"><CompanyLink id="c1" name="Ota" onFocus={focus} /></Section>
 */
import { t } from '../i18n.ts';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber } from '../format.ts';
import { cappedView } from './panel-text.ts';

export type Focus = (id: string) => void;

/** A link to company `id`: a click focuses the map on it instead of following the link. */
export function CompanyLink({ id, name, onFocus }: { id: string; name: string; onFocus: Focus }) {
  return (
    <a
      href={`#${encodeURIComponent(id)}`}
      class="company-link"
      data-id={id}
      onClick={(event) => {
        event.preventDefault();
        onFocus(id);
      }}
    >
      {name}
    </a>
  );
}

/** A panel section with its h3 title. */
export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="panel-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** The first LIST_LIMIT of `items` (all after "Show all"); `total` counts what the server left out too. */
export function CappedList({ cls, items, total }: { cls: string; items: ComponentChildren[]; total: number }) {
  const [all, setAll] = useState(false);
  const view = cappedView(items.length, total, all);
  return (
    <ul class={cls}>
      {items.slice(0, view.shown)}
      {view.rest > 0 &&
        (view.button ? (
          <li>
            <button class="link-button" onClick={() => setAll(true)}>
              {t('web.panel.showAll', { n: formatNumber(total) })}
            </button>
          </li>
        ) : (
          <li class="muted">{t('web.panel.more', { n: formatNumber(view.rest) })}</li>
        ))}
    </ul>
  );
}
