/**
 * The page's language: one `lang` signal ('ja' or 'en') that every text of the page reads
 * through `t()` (i18next, the `web` texts of src/i18n/locales/), so a component that
 * shows a text redraws when the language changes. The first language is the one the
 * reader chose before (localStorage, `STORAGE_KEY`), else Japanese when the browser
 * prefers it (`navigator.languages`: a `ja*` entry before any `en*`), else English.
 * `applyLang` keeps `<html lang>` and the static texts of index.html (`data-i18n`) in step.
 *
 * @example
 *   lang.value = initialLang(localStorage, navigator.languages);
 *   t('web.header.executive'); // "経営層向けビュー" when lang is 'ja'
 */
import { effect, signal } from '@preact/signals';
import { formatDate, formatYen as yen, formatYenFull as yenFull, translator, type Lang } from '../../src/i18n/i18n.ts';

export type { Lang };

/** Where the chosen language is kept between visits. */
export const STORAGE_KEY = 'weaklink.lang';

/** The page's language. Components that call `t()` or a format below redraw when it changes. */
export const lang = signal<Lang>('en');

/** The text of `key` (a key under `web.` in src/i18n/locales/) in the page's language. */
export function t(key: string, options?: Record<string, unknown>): string {
  return translator(lang.value)(key, options ?? {}) as unknown as string;
}

/** A yen amount in the page's language: "¥48.1M" / "4,810万円". */
export function formatYenIn(value: number): string {
  return yen(value, lang.value);
}

/** A yen amount in full in the page's language: "¥1,234,568" / "1,234,568円". */
export function formatYenFullIn(value: number): string {
  return yenFull(value, lang.value);
}

/** A date in the page's language: "4 December 2026" / "2026年12月4日". */
export function formatDateIn(date: Date): string {
  return formatDate(date, lang.value);
}

/** The page's localStorage, or null where the browser refuses it (or there is none). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The language a browser prefers: the first of `languages` that is Japanese or English; English when neither. */
export function preferredLang(languages: readonly string[] | undefined): Lang {
  for (const l of languages ?? []) {
    const code = l.toLowerCase();
    if (code === 'ja' || code.startsWith('ja-')) return 'ja';
    if (code === 'en' || code.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** The first language of the page: the stored choice, else the browser's preference. */
export function initialLang(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[] | undefined): Lang {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // storage refused (privacy mode): the browser's preference
  }
  return stored === 'ja' || stored === 'en' ? stored : preferredLang(languages);
}

/** The reader picked `next`: the page switches and remembers it. */
export function chooseLang(next: Lang, storage: Pick<Storage, 'setItem'> | null): void {
  lang.value = next;
  try {
    storage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered; the page still switches
  }
}

/**
 * Keeps `doc` in the page's language: `<html lang>` and every element with
 * `data-i18n="key"` (its text) or `data-i18n-label="key"` (its aria-label). Returns the
 * effect's disposer.
 */
export function applyLang(doc: Document): () => void {
  return effect(() => {
    const l = lang.value;
    doc.documentElement.lang = l;
    for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
    for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n-label]'))
      el.setAttribute('aria-label', t(el.dataset.i18nLabel ?? ''));
  });
}
