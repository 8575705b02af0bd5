/**
 * The header's language switch: 日本語 / English, the chosen one pressed. A click switches
 * every text of the page at once (the `lang` signal, web/src/i18n.ts) and remembers the
 * choice for the next visit.
 *
 * @example
 *   <LangSwitch store={store} storage={localStorage} />
 */
import { chooseLang, t, type Lang } from '../i18n.ts';
import type { Store } from '../state.ts';

const CHOICES: Lang[] = ['ja', 'en'];

export interface LangSwitchProps {
  store: Pick<Store, 'lang'>;
  /** Where the choice is remembered (null: not remembered). */
  storage: Pick<Storage, 'setItem'> | null;
}

export function LangSwitch({ store, storage }: LangSwitchProps) {
  const current = store.lang.value;
  return (
    <div class="lang-switch" role="group" aria-label={t('web.lang.label')}>
      {CHOICES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          data-lang={l}
          aria-pressed={current === l ? 'true' : 'false'}
          onClick={() => chooseLang(l, storage)}
        >
          {t(`web.lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
