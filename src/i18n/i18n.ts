/**
 * The translator of weaklink's texts (i18next, one instance per language, made once):
 * English and Japanese (locales/en.ts, locales/ja.ts), English as the fallback. Shared by
 * the CLI's reports and the web.
 *
 * @example
 *   const t = translator('ja');
 *   t('report.title'); // "weaklink 分析結果"
 */
import i18next, { type TFunction } from 'i18next';
import { en } from './locales/en.ts';
import { ja } from './locales/ja.ts';
import type { Lang } from './money.ts';

export type { Lang } from './money.ts';
export { formatDate, formatYen, formatYenFull, langOfLocale, LANGS } from './money.ts';

const made = new Map<Lang, TFunction>();

/** The `t` function of `lang`. */
export function translator(lang: Lang): TFunction {
  let t = made.get(lang);
  if (t === undefined) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: 'en',
      resources: { en: { translation: en }, ja: { translation: ja } },
      interpolation: { escapeValue: false },
      returnObjects: true,
      initAsync: false,
      showSupportNotice: false,
    });
    t = instance.t.bind(instance) as TFunction;
    made.set(lang, t);
  }
  return t;
}
